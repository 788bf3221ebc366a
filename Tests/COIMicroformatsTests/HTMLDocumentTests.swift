import COIMicroformats
import Testing

@Suite struct HTMLDocumentTests {
    @Test func walksElementsWithAttributesClassesAndText() throws {
        let document = try HTMLDocument(parsing: "<p class=\"a  b\" id=x>Hello <b>w&amp;rld</b></p>")
        let paragraph = try #require(document.elements.first { $0.name == "p" })
        #expect(paragraph.classes == ["a", "b"])
        #expect(paragraph.attribute("ID") == "x")
        #expect(paragraph.textContent == "Hello w&rld")
        #expect(paragraph.childElements.map(\.name) == ["b"])
    }
}

@Suite struct HTMLElementWalkTests {
    @Test func treeNavigation() throws {
        let html = "<div id=a><p class=x>one<p>two</p><span>three</span></div>"
        let document = try HTMLDocument(parsing: html)
        let div = try #require(document.elements.first { $0.name == "div" })
        #expect(div.childElements.map(\.name) == ["p", "p", "span"])
        #expect(div.descendants.count == 3)
        #expect(div.parent?.name == "body")
        let first = div.childElements[0]
        #expect(first.endWasImpliedByStartTag)
        #expect(!div.childElements[1].endWasImpliedByStartTag)
        #expect(first.followingSiblings.map(\.name) == ["p", "span"])
        #expect(first.children == [.text("one")])
        #expect(first.sourceOffset == 20)
        #expect(document.rootElements.map(\.name) == ["html"])
        #expect(document.textContent == "onetwothree")
        #expect(HTMLDocument.rendering(body: "<p>x</p>\n").hasSuffix("<body>\n<p>x</p>\n</body>\n</html>\n"))
    }

    /// libxml2 parses on several threads at once (the server and fuzzers do that).
    @Test func concurrentParses() async throws {
        let bytes = try Fixture.bytes("06-group-storage.html")
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { (try? Microformats(html: bytes))?.groups.first?.participants.count ?? -1 }
            }
            var counts: [Int] = []
            for await count in group { counts.append(count) }
            return counts
        }
        #expect(counts == Array(repeating: 3, count: 8))
    }
}
