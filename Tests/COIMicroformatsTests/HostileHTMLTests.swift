import COIMicroformats
import Testing

/// Received HTML is hostile: every input parses, or fails with a limit, quickly and without a trap.
@Suite struct HostileHTMLTests {
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        return (result, clock.now - start)
    }

    @Test func deepNestingStopsAtTheDepthLimit() {
        let html = String(repeating: "<div>", count: 100_000) + "x"
        let (result, duration) = Self.timed { Result { () throws(HTMLDocument.ParseError) in try HTMLDocument(parsing: html) } }
        #expect(throws: HTMLDocument.ParseError.self) { try result.get() }
        if case .failure(let error) = result {
            #expect(error.code == .tooDeep)
            #expect(error.maximum == HTMLDocument.Limits.default.maximumDepth)
        }
        #expect(duration < .seconds(10))
    }

    @Test func nestingWithinTheLimitParses() throws {
        let html = String(repeating: "<span>", count: 200) + "deep" + String(repeating: "</span>", count: 200)
        let document = try HTMLDocument(parsing: html)
        #expect(document.elements.count(where: { $0.name == "span" }) == 200)
        #expect(document.textContent == "deep")
    }

    @Test func tenMegabytesOfTextParse() throws {
        let html = "<p class=\"h-card\"><span class=\"p-name\">" + String(repeating: "a&amp;b ", count: 1_310_720) + "</span></p>"
        #expect(html.utf8.count > 10_000_000)
        let (cards, duration) = try Self.timed { try HCard.cards(inHTML: Array(html.utf8)) }
        #expect(cards.count == 1)
        #expect(cards.first?.name?.hasPrefix("a&b a&b") == true)
        #expect(duration < .seconds(30))
    }

    @Test func tenMegabytesOfElementsStopAtTheElementLimit() {
        let html = String(repeating: "<b class=\"p-name\">x</b>", count: 450_000)
        #expect(html.utf8.count > 10_000_000)
        let (result, duration) = Self.timed { Result { () throws(HTMLDocument.ParseError) in try HTMLDocument(parsing: html) } }
        if case .failure(let error) = result {
            #expect(error.code == .tooManyElements)
        } else {
            Issue.record("450,000 elements parsed under a limit of 200,000")
        }
        #expect(duration < .seconds(30))
    }

    /// libxml2 checks each attribute against the earlier ones of its tag: 100,000 attributes
    /// would take minutes, so such tags are refused by a linear pre-scan.
    @Test(arguments: [
        "<p " + (0..<100_000).map { "a\($0)=1" }.joined(separator: " ") + ">x</p>",
        "<p " + (0..<100_000).map { "a\($0)=\"1\"" }.joined() + ">x</p>",
    ])
    func attributeFloodsAreRefused(html: String) {
        let (result, duration) = Self.timed { Result { () throws(HTMLDocument.ParseError) in try HTMLDocument(parsing: html) } }
        if case .failure(let error) = result {
            #expect(error.code == .tooManyAttributes)
        } else {
            Issue.record("a tag with 100,000 attributes parsed")
        }
        #expect(duration < .seconds(5))
    }

    @Test func attributesWithinTheLimitAndQuotedBracketsParse() throws {
        let html = "<p title=\"a > b\" " + (0..<127).map { "data-a\($0)='<\($0)>'" }.joined(separator: " ") + ">x</p>"
        let paragraph = try #require(try HTMLDocument(parsing: html).elements.first { $0.name == "p" })
        #expect(paragraph.attributes.count == 128)
        #expect(paragraph.attribute("title") == "a > b")
    }

    @Test func inputLargerThanTheLimitIsRefusedUpFront() {
        let limits = HTMLDocument.Limits(maximumInputBytes: 1000, maximumElements: 10, maximumDepth: 10, maximumStoredBytes: 1000)
        #expect(throws: HTMLDocument.ParseError.self) { try HTMLDocument(parsing: [UInt8](repeating: 0x61, count: 1001), limits: limits) }
        do {
            _ = try HTMLDocument(parsing: [UInt8](repeating: 0x61, count: 1001), limits: limits)
        } catch {
            #expect(error.code == .inputTooLarge)
            #expect(error.actual == 1001)
            #expect(error.maximum == 1000)
        }
    }

    /// HTML has no entity declarations: a "billion laughs" internal subset expands to nothing.
    @Test func entityBombsDoNotExpand() throws {
        var html = "<!DOCTYPE html [\n<!ENTITY a0 \"lol\">\n"
        for level in 1...9 {
            html += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">\n"
        }
        html += "]>\n<p class=\"h-card\"><span class=\"p-name\">&a9;</span></p>"
        let (document, duration) = try Self.timed { try HTMLDocument(parsing: html) }
        #expect(document.textContent.utf8.count < 10_000)
        #expect(duration < .seconds(5))
    }

    @Test func storedContentIsBounded() {
        let limits = HTMLDocument.Limits(maximumInputBytes: 1 << 20, maximumElements: 1000, maximumDepth: 64, maximumStoredBytes: 4096)
        let html = String(repeating: "&amp;", count: 5000)
        #expect(throws: HTMLDocument.ParseError.self) { try HTMLDocument(parsing: html, limits: limits) }
    }

    @Test func scriptAndStyleBodiesNeverBecomeText() throws {
        let html = """
            <p class="h-card"><span class="p-name">Eve<script>document.write('Mallory')</script></span>
            <style>.p-name { content: "x" }</style><img src="https://tracker.example/pixel" onerror="alert(1)"></p>
            """
        let document = try HTMLDocument(parsing: html)
        #expect(document.elements.contains { $0.name == "script" })
        #expect(!document.textContent.contains("Mallory"))
        #expect(!document.textContent.contains("content"))
        #expect(HCard.cards(in: document).first?.name == "Eve")
    }

    /// `SYSTEM` identifiers are never fetched: the parse finishes offline at once.
    @Test func externalIdentifiersAreNotLoaded() throws {
        let html = "<!DOCTYPE html SYSTEM \"http://192.0.2.1/evil.dtd\"><p class=\"h-geo\"><span class=\"p-latitude\">1</span><span class=\"p-longitude\">2</span></p>"
        let (locations, duration) = try Self.timed { try HGeo.locations(inHTML: Array(html.utf8)) }
        #expect(locations == [HGeo(latitude: 1, longitude: 2)])
        #expect(duration < .seconds(2))
    }

    @Test(arguments: [
        "<<p class=\"h-card\"<span class=p-name>X</span",
        "<p class=\"h-card><span class='p-name>X",
        "</p></p></div><p class=h-card></span></p foo=bar>",
        "<p class=h-card><span class=p-name>A<b>B</i>C</span>",
        "<!-- unclosed comment <p class=h-card>",
        "<![CDATA[ x ]]><p class=h-card>",
        "<p class=h-card><span class=p-name>\u{0}A\u{0}</span>",
        "<table><p class=h-card><tr><td class=p-name>A</td></table>",
        "<p class=\"h-card h-card h-geo\"><span class=\"p-name p-name p-latitude\">1</span>",
        "<a class=mention>@all</a><a href=mailto:%ZZ%>@x</a><a class=mention href=mailto:>@y</a>",
        "",
        "\u{FEFF}",
    ])
    func malformedMarkupParses(html: String) throws {
        let scan = try Microformats(html: Array(html.utf8))
        for card in scan.cards { #expect(card.name?.contains("\u{0}") != true) }
    }

    @Test func invalidUTF8AndNULBytesParse() throws {
        let bytes: [UInt8] = Array("<p class=\"h-card\"><span class=\"p-name\">".utf8) + [0xFF, 0x00, 0xC3, 0x28, 0xE2, 0x82, 0x00]
            + Array("</span></p>".utf8)
        let scan = try Microformats(html: bytes)
        #expect(scan.cards.count == 1)
    }

    /// Random mixtures of markup fragments and bytes through the fuzz entry point.
    @Test(arguments: [7, 8, 9] as [UInt64])
    func randomMarkupNeverTraps(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = ["<p class=\"h-card\">", "<p class=\"h-group\">", "</p>", "<div class=\"e-participants\">", "</div>",
                      "<span class=\"p-name\">", "</span>", "<a class=\"mention\" href=\"mailto:a@b\">", "@all", "&amp;", "&#0;",
                      "<li class=\"dt-poll-option\">", "<div class=\"h-poll\">", "<data class=\"p-poll-choice\" value=\"-1\">",
                      "<p class=\"h-geo\"><span class=\"p-latitude\">", "1e308", "<script>", "</script>", "<", ">", "\"", "@\"x\":y@z"]
        var parsed = 0
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                if Int.random(in: 0...4, using: &random) == 0 {
                    bytes.append(UInt8.random(in: 0...255, using: &random))
                } else {
                    bytes += pieces.randomElement(using: &random)!.utf8
                }
            }
            if (try? Microformats(html: bytes)) != nil { parsed += 1 }
        }
        #expect(parsed == 300)
    }
}
