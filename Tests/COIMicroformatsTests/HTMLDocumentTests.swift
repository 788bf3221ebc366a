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
