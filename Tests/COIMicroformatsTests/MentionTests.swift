import COIMicroformats
import MIMECodecs
import Testing

@Suite struct MentionTests {
    /// The spec's examples and the edges of the grammar.
    @Test(arguments: [
        ("@Gabe:gabe+private@example.com", [Mention(name: "Gabe", address: "gabe+private@example.com")]),
        ("@\"Gabe Lastname\":gabe+private@example.com", [Mention(name: "Gabe Lastname", address: "gabe+private@example.com")]),
        ("Hey @all, lunch?", [Mention.all]),
        ("(@Gabe:gabe@example.com).", [Mention(name: "Gabe", address: "gabe@example.com")]),
        ("@all:all@example.com", [Mention(name: "all", address: "all@example.com")]),
        ("mail me at me@example.com or @allison", []),
        ("@Gabe: no address here", []),
        ("@\"unterminated:x@example.com", []),
        ("@:x@example.com @\"\":x@example.com", []),
        ("@a:b@c@d", []),
    ])
    func plainText(text: String, expected: [Mention]) {
        #expect(Mention.mentions(inPlainText: text).map(\.mention) == expected)
    }

    @Test func matchRangesAreByteOffsets() {
        let text = "é @Gabe:gabe@example.com"
        let match = Mention.mentions(inPlainText: text).first
        #expect(match?.range == 3..<25)
    }

    @Test func renderingChoosesTheQuotedFormOnlyWhenNeeded() {
        #expect(Mention(name: "Gabe", address: "g@example.com").plainText == "@Gabe:g@example.com")
        #expect(Mention(name: "Gabe Lastname", address: "g@example.com").plainText == "@\"Gabe Lastname\":g@example.com")
        #expect(Mention.all.plainText == "@all")
        #expect(Mention(name: "Gabe", address: "gabe+private@example.com").html
            == "<a class=\"mention\" href=\"mailto:gabe+private@example.com\">@Gabe</a>")
        #expect(Mention.all.html == "<a class=\"mention\">@all</a>")
    }

    @Test func linksWithoutTheMentionClassAreFindings() throws {
        let html = """
            <p>Hi <a href="mailto:gabe@example.com">@Gabe</a>, <a href="mailto:x@example.com">write</a>,
            and @"Bo B":bo@example.com <a class="mention" href="mailto:ok@example.com">@Ok</a></p>
            """
        let scan = Mention.mentions(in: try HTMLDocument(parsing: html))
        #expect(scan.mentions == [Mention(name: "Ok", address: "ok@example.com")])
        // In document order: the paragraph's own text is reported at the paragraph.
        #expect(scan.findings.map(\.code) == [.mentionNotLinked, .mentionWithoutClass])
        #expect(scan.findings.map(\.severity) == [.warning, .error])
        #expect(scan.findings.allSatisfy { $0.offset > 0 && $0.offset <= html.utf8.count })
    }
}
