import Foundation
import MIMECore
import Testing

/// The fixture corpus, found through `#filePath` so that no bundle resources are needed.
enum FixtureCorpus {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Every `.eml` file under `Fixtures/`, relative paths sorted.
    static var messages: [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".eml") { found.append(path) }
        }
        return found.sorted()
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }
}

@Suite("Fixture corpus")
struct FixtureCorpusTests {
    @Test func corpusIsPresent() {
        #expect(FixtureCorpus.messages.count >= 20)
    }

    @Test(arguments: FixtureCorpus.messages)
    func parseThenSerializeGivesTheSameBytes(path: String) throws {
        let bytes = try FixtureCorpus.bytes(path)
        let message = Message.parse(bytes)
        #expect(message.serialize() == bytes)
        message.root.forEachPart { part in
            #expect(part.headerOffset <= part.bodyOffset && part.bodyOffset <= part.endOffset)
            #expect(part.endOffset <= bytes.count)
        }
    }
}
