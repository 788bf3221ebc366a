@testable import MIMECore
import Testing

/// `MIMEPart.Parts` reads back every part exactly as it was stored, whether it keeps the part as
/// an 8-byte record (a headerless leaf of the parsed message) or whole.
@Suite("MIMEPart.Parts")
struct MIMEPartPartsTests {
    /// Whether two parts agree on everything a part stores.
    static func same(_ first: MIMEPart, _ second: MIMEPart) -> Bool {
        guard first.headers == second.headers, first.headers.lineEnding == second.headers.lineEnding,
              first.headers.isModified == second.headers.isModified,
              first.defaultsToMessage == second.defaultsToMessage, first.source == second.source,
              first.headerOffset == second.headerOffset, first.headerEndOffset == second.headerEndOffset,
              first.bodyOffset == second.bodyOffset, first.endOffset == second.endOffset
        else { return false }
        switch (first.content, second.content) {
        case (.leaf, .leaf): return true
        case (.multipart(let a), .multipart(let b)):
            return a.boundary == b.boundary && a.preambleRange == b.preambleRange && a.epilogueRange == b.epilogueRange
                && a.isClosed == b.isClosed && a.parts.count == b.parts.count
                && zip(a.parts, b.parts).allSatisfy { same($0, $1) }
        case (.message(let a), .message(let b)): return same(a.root, b.root)
        default: return false
        }
    }

    static let mixed = Array(("Content-Type: multipart/mixed; boundary=b\r\n\r\n"
        + "--b\r\n\r\nfirst\r\n"
        + "--b\r\nContent-Type: text/plain\r\n\r\nsecond\r\n"
        + "--b\r\n\r\n\r\n"
        + "--b\r\nContent-Type: multipart/alternative; boundary=c\r\n\r\n--c\r\n\r\ninner\r\n--c--\r\n"
        + "--b\n\nbare\r\n"
        + "--b--\r\n").utf8)

    @Test func headerlessLeavesAreRecordsWithTheirOffsets() throws {
        let message = Message.parse(Self.mixed)
        let parts = message.root.parts
        #expect(parts.count == 5)
        // The part with a field and the nested multipart are kept whole; the rest are records.
        #expect(parts.wholeCount == 2)
        let text = Self.mixed
        func offset(of needle: String, from start: Int = 0) -> Int {
            let bytes = Array(needle.utf8)
            return (start...(text.count - bytes.count)).first { text[$0..<($0 + bytes.count)].elementsEqual(bytes) }!
        }
        let first = parts[0]
        #expect(first.headers.isEmpty && first.isLeaf && !first.defaultsToMessage)
        #expect(first.headerOffset == offset(of: "\r\nfirst") && first.headerEndOffset == first.headerOffset)
        #expect(first.bodyOffset == first.headerOffset + 2)
        #expect(first.rawBody.elementsEqual("first".utf8))
        #expect(first.headers.lineEnding == [13, 10])
        #expect(parts[1].headers.count == 1)
        #expect(parts[2].rawBody.isEmpty)
        #expect(parts[3].parts.count == 1)
        // A bare LF after the delimiter: a one-byte empty line.
        let bare = parts[4]
        #expect(bare.bodyOffset == bare.headerOffset + 1)
        #expect(bare.rawBody.elementsEqual("bare".utf8))
        #expect(message.serialize() == Self.mixed)
    }

    @Test(arguments: 0..<100)
    func rebuiltCollectionsReadBackTheSameParts(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 7000)
        let bytes = RandomMessage.make(using: &generator)
        let message = Message.parse(bytes)
        message.root.forEachPart { part in
            guard case .multipart(let multipart) = part.content else { return }
            let copied = Array(multipart.parts)
            var rebuilt = MIMEPart.Parts()
            for item in copied { rebuilt.append(item) }
            #expect(rebuilt.count == copied.count)
            #expect(zip(rebuilt, copied).allSatisfy { Self.same($0, $1) }, "seed \(seed)")
            #expect(MIMEPart.Parts(copied).wholeCount == multipart.parts.wholeCount)
        }
        #expect(message.serialize() == bytes)
    }

    @Test func replacingInsertingAndRemovingKeepTheOtherParts() throws {
        let message = Message.parse(Self.mixed)
        let original = Array(message.root.parts)
        var parts = message.root.parts

        // Setting a record's position keeps the new part whole; setting it back reads the same.
        let replacement = try #require(Message.parse(Array("Subject: x\r\n\r\ny".utf8)).root as MIMEPart?)
        parts[0] = replacement
        #expect(Self.same(parts[0], replacement))
        #expect(parts.wholeCount == 3)
        parts[0] = original[0]
        #expect(parts.wholeCount == 3)
        #expect(zip(parts, original).allSatisfy { Self.same($0, $1) })

        parts.insert(replacement, at: 1)
        #expect(parts.count == 6 && Self.same(parts[1], replacement) && Self.same(parts[2], original[1]))
        parts.remove(at: 1)
        parts.removeLast()
        #expect(parts.count == 4)
        #expect(zip(parts, original).allSatisfy { Self.same($0, $1) })
        parts.replaceSubrange(1..<3, with: [original[4]])
        #expect(parts.count == 3 && Self.same(parts[1], original[4]) && Self.same(parts[2], original[3]))
        // Rebuilding drops the whole parts no position refers to any more.
        #expect(parts.wholeCount == 1)
        parts.removeAll()
        #expect(parts.isEmpty && parts.wholeCount == 0)

        // A part changed in place through the collection marks the tree modified.
        var root = message.root
        root.parts[0].headers.append(try #require(HeaderField(serialized: Array("X-Added: 1\r\n".utf8))))
        #expect(root.isModified)
        #expect(root.parts[0].headers.count == 1)
        #expect(!message.root.isModified)

        // Serialized, the changed part gets its field and the records around it keep their bytes.
        var changed = message
        changed.root = root
        let bytes = changed.serialize()
        let expected = String(decoding: Self.mixed, as: UTF8.self)
            .replacing("--b\r\n\r\nfirst", with: "--b\r\nX-Added: 1\r\n\r\nfirst", maxReplacements: 1)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        #expect(Message.parse(bytes).root.parts.count == 5)
    }

    @Test func partsTheRecordCannotHoldAreKeptWhole() {
        let source = Array("0123456789".utf8)
        let other = Array("0123456789".utf8)
        func leaf(_ start: Int, _ body: Int, _ end: Int, source: [UInt8], headerEnd: Int? = nil) -> MIMEPart {
            MIMEPart(headers: HeaderFields(), content: .leaf, headerOffset: start, headerEndOffset: headerEnd ?? start,
                     bodyOffset: body, endOffset: end, source: source)
        }
        var modified = HeaderFields()
        modified.append(HeaderField(serialized: Array("X: y\r\n".utf8))!)
        modified.remove(at: 0)
        let candidates = [
            leaf(2, 4, 6, source: source),                         // record: sets the base at 2
            leaf(0, 1, 3, source: source),                         // before the base
            leaf(3, 6, 8, source: source),                         // a 3-byte gap is no empty line
            leaf(3, 4, 8, source: source, headerEnd: 4),           // a header block that is not empty
            leaf(4, 5, 9, source: other),                          // another message's bytes
            leaf(4, 5, 9, source: source),                         // record
            leaf(1 << 31, (1 << 31) + 1, (1 << 31) + 2, source: source), // too far from the base
            MIMEPart(headers: modified, content: .leaf, headerOffset: 5, headerEndOffset: 5, bodyOffset: 6,
                     endOffset: 7, source: source),                // an emptied, modified header block
            MIMEPart(headers: HeaderFields(lineEnding: [10]), content: .leaf, headerOffset: 5, headerEndOffset: 5,
                     bodyOffset: 6, endOffset: 7, source: source), // another line ending
            MIMEPart(headers: HeaderFields(), content: .leaf, headerOffset: 5, headerEndOffset: 5, bodyOffset: 6,
                     endOffset: 7, source: source, defaultsToMessage: true),
        ]
        let parts = MIMEPart.Parts(candidates)
        #expect(parts.wholeCount == candidates.count - 2)
        #expect(zip(parts, candidates).allSatisfy { Self.same($0, $1) })
        #expect(parts[4].source == other)
    }

    @Test func anArrayLiteralAndAnEmptyCollection() {
        let part = Message.parse(Array("Subject: a\r\n\r\nb".utf8)).root
        let parts: MIMEPart.Parts = [part, part]
        #expect(parts.count == 2 && Self.same(parts[1], part))
        #expect(MIMEPart.Parts().isEmpty)
        #expect(part.parts.isEmpty)
    }
}
