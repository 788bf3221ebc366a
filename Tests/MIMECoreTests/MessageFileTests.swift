import MIMECodecs
import MIMECore
import Testing

@Suite("Message files")
struct MessageFileTests {
    @Test(arguments: ["deep-nesting", "mixed-attachments", "no-headers-binary"])
    func streamingAFileMatchesTheOneShotParse(name: String) throws {
        let path = Fixtures.directory + "/" + name + ".eml"
        let expected = Outline(message: try MessageFile.parse(path: path))
        var parser = StreamingParser()
        var builder = OutlineBuilder()
        try MessageFile.stream(path: path, into: &parser, chunkSize: 13) { builder.take($0) }
        #expect(builder.outline == expected)
        #expect(builder.problems.isEmpty)
    }

    @Test(arguments: Fixtures.names)
    func indexMatchesTheOneShotTree(name: String) throws {
        let path = Fixtures.directory + "/" + name + ".eml"
        let bytes = try MessageFile.read(path: path)
        var expected = Outline(message: Message.parse(bytes))
        for index in expected.parts.indices { expected.parts[index].content = [] }
        let index = try MessageFile.index(path: path, chunkSize: 100)
        #expect(index.isComplete)
        var outline = Outline()
        for part in index.parts {
            outline.parts.append(Outline.Part(depth: part.depth, kind: part.kind, headerOffset: part.headerOffset,
                headerEndOffset: part.headerEndOffset, bodyOffset: part.bodyOffset, endOffset: part.endOffset,
                fields: Outline.fields(part.headers), lineEnding: part.headers.lineEnding, layout: part.multipart, content: []))
        }
        #expect(outline.parts == expected.parts)
        #expect(index.diagnostics.count == expected.diagnostics.reduce(0) { $0 + $1.count })
        for (position, part) in index.parts.enumerated() {
            for child in part.children { #expect(index.parts[child].parent == position) }
        }
    }

    @Test(arguments: ["bad-base64", "bad-quoted-printable", "mixed-attachments", "alternative-html"])
    func bodiesDecodeStraightFromTheFile(name: String) throws {
        let path = Fixtures.directory + "/" + name + ".eml"
        let bytes = try MessageFile.read(path: path)
        // What the streaming parser decodes in memory, leaf by leaf.
        var expected: [[UInt8]] = []
        var parser = StreamingParser(decodesBodies: true)
        let collect: (StreamingParser.Event) -> Void = { event in
            switch event {
            case .partStart(let start) where start.kind == .leaf: expected.append([])
            case .decodedBody(let decoded): expected[expected.count - 1] += decoded
            default: break
            }
        }
        parser.feed(bytes, collect)
        parser.finish(collect)
        let index = try MessageFile.index(path: path)
        let descriptor = try MessageFile.open(path: path)
        defer { MessageFile.close(fileDescriptor: descriptor) }
        var decoded: [[UInt8]] = []
        for part in index.parts where part.kind == .leaf {
            var body: [UInt8] = []
            try MessageFile.decodeBody(of: part, fileDescriptor: descriptor, chunkSize: 5) { body += $0 }
            decoded.append(body)
        }
        #expect(decoded == expected)
    }

    @Test func asyncSequenceOfChunks() async throws {
        let bytes = try Fixtures.bytes("nested-forward-rfc822")
        let chunks = AsyncChunks(bytes: bytes, size: 11)
        var parser = StreamingParser()
        var builder = OutlineBuilder()
        try await parser.parse(chunks) { builder.take($0) }
        #expect(builder.outline == Outline(message: Message.parse(bytes)))
    }
}

struct AsyncChunks: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let bytes: [UInt8]
    let size: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        let bytes: [UInt8]
        let size: Int
        var position = 0
        mutating func next() async -> [UInt8]? {
            guard position < bytes.count else { return nil }
            defer { position += size }
            return Array(bytes[position..<Swift.min(position + size, bytes.count)])
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(bytes: bytes, size: size) }
}
