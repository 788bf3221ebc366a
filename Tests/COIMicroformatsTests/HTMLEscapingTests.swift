import COIMicroformats
import Testing

@Suite struct HTMLEscapingTests {
    @Test(arguments: [
        ("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d"),
        ("\"quoted\" 'single'", "\"quoted\" 'single'"),
        ("&amp;", "&amp;amp;"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("nul\u{0}cr\r\u{7F}", "nul\u{FFFD}cr\u{FFFD}\u{FFFD}"),
        ("é中😀", "é中😀"),
    ])
    func text(input: String, expected: String) {
        #expect(HTMLEscaping.text(input) == expected)
    }

    @Test(arguments: [
        ("say \"hi\"", "say &quot;hi&quot;"),
        ("it's", "it&#39;s"),
        ("<x>&", "&lt;x&gt;&amp;"),
    ])
    func attribute(input: String, expected: String) {
        #expect(HTMLEscaping.attribute(input) == expected)
    }

    /// Values that try to break out of their element or attribute stay values.
    @Test func injectionStaysText() throws {
        let card = HCard(
            name: "</span><script>alert(1)</script>",
            emails: ["\"><img src=x onerror=alert(1)>@example.com"],
            photo: "javascript:alert(1)\" onload=\"alert(2)"
        )
        let document = try HTMLDocument(parsing: card.html)
        #expect(!document.elements.contains { $0.name == "script" })
        #expect(document.elements.count(where: { $0.name == "img" }) == 1)
        #expect(!document.elements.contains { $0.attribute("onload") != nil || $0.attribute("onerror") != nil })
        #expect(HCard.cards(in: document) == [card])
    }
}
