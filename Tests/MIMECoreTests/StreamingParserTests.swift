import MIMECodecs
import MIMECore
import Testing

/// The structure of a parsed message in a form both parsers can produce, so that the streaming
/// parser can be compared with the one-shot parser field by field.
struct Outline: Equatable, CustomStringConvertible {
    struct Field: Hashable {
        var name: String
        var bytes: [UInt8]
        var value: [UInt8]
        var offset: Int?
    }

    struct Part: Hashable {
        var depth: Int
        var kind: StreamingParser.PartKind
        var headerOffset: Int
        var headerEndOffset: Int
        var bodyOffset: Int
        var endOffset: Int
        var fields: [Field]
        var lineEnding: [UInt8]
        var layout: StreamingParser.MultipartLayout?
        var content: [UInt8]
    }

    var parts: [Part] = []
    /// One list per message, the top-level message first, then nested ones in order of start.
    var diagnostics: [[Diagnostic]] = []

    var description: String {
        parts.map { "\($0.depth) \($0.kind) \($0.headerOffset)-\($0.headerEndOffset)-\($0.bodyOffset)-\($0.endOffset) fields=\($0.fields.count) \($0.layout.map { "\($0.partCount) \(String(describing: $0.preambleRange)) \(String(describing: $0.epilogueRange)) \($0.isClosed)" } ?? "")" }
            .joined(separator: "\n") + "\n" + diagnostics.map { $0.map { "\($0.code)@\($0.range)" }.joined(separator: ", ") }.joined(separator: " | ")
    }

    init() {}

    static func fields(_ headers: HeaderFields) -> [Field] {
        headers.map { Field(name: $0.name, bytes: Array($0.rawBytes), value: Array($0.rawValue), offset: $0.offset) }
    }

    /// The outline of a one-shot parse.
    init(message: Message) {
        var messages: [Message] = []
        func walk(_ part: MIMEPart, depth: Int) {
            var outline = Part(depth: depth, kind: .leaf, headerOffset: part.headerOffset,
                headerEndOffset: part.headerEndOffset, bodyOffset: part.bodyOffset, endOffset: part.endOffset,
                fields: Self.fields(part.headers), lineEnding: part.headers.lineEnding, layout: nil, content: [])
            switch part.content {
            case .leaf:
                outline.content = Array(part.rawBody)
                parts.append(outline)
            case .multipart(let multipart):
                outline.kind = .multipart
                outline.layout = StreamingParser.MultipartLayout(boundary: multipart.boundary,
                    partCount: multipart.parts.count, preambleRange: multipart.preambleRange,
                    epilogueRange: multipart.epilogueRange, isClosed: multipart.isClosed)
                parts.append(outline)
                for child in multipart.parts { walk(child, depth: depth + 1) }
            case .message(let nested):
                outline.kind = .message
                parts.append(outline)
                messages.append(nested)
                walk(nested.root, depth: depth + 1)
            }
        }
        walk(message.root, depth: 0)
        diagnostics = [message.diagnostics] + messages.map(\.diagnostics)
    }

    /// The outline of a streaming parse of `bytes` fed in the given chunks.
    init(streaming bytes: [UInt8], splits: [Int], options: ParserOptions = ParserOptions()) {
        var parser = StreamingParser(options: options)
        var builder = OutlineBuilder()
        var start = 0
        for split in splits + [bytes.count] where split >= start {
            parser.feed(Array(bytes[start..<split])) { builder.take($0) }
            start = split
        }
        parser.finish { builder.take($0) }
        self = builder.outline
    }
}

/// Builds an ``Outline`` from streaming events, checking their order on the way.
struct OutlineBuilder {
    var outline = Outline()
    var open: [Int] = []
    var messageStack: [Int] = []
    var nextContentOffset: Int?
    var problems: [String] = []

    init() {
        outline.diagnostics = [[]]
        messageStack = [0]
    }

    mutating func take(_ event: StreamingParser.Event) {
        switch event {
        case .partStart(let start):
            outline.parts.append(Outline.Part(depth: start.depth, kind: start.kind, headerOffset: start.headerOffset,
                headerEndOffset: start.headerEndOffset, bodyOffset: start.bodyOffset, endOffset: -1,
                fields: Outline.fields(start.headers), lineEnding: start.headers.lineEnding, layout: nil, content: []))
            if start.depth != open.count { problems.append("depth \(start.depth) with \(open.count) open") }
            open.append(outline.parts.count - 1)
            if start.kind == .message {
                outline.diagnostics.append([])
                messageStack.append(outline.diagnostics.count - 1)
            }
            nextContentOffset = start.bodyOffset
        case .body(let chunk):
            guard let index = open.last else { problems.append("body outside a part"); return }
            if chunk.region == .content {
                if chunk.offset != nextContentOffset { problems.append("content at \(chunk.offset), expected \(String(describing: nextContentOffset))") }
                outline.parts[index].content += chunk.bytes
                nextContentOffset = chunk.offset + chunk.bytes.count
            }
        case .decodedBody:
            break
        case .partEnd(let end):
            guard let index = open.popLast() else { problems.append("end without start"); return }
            if outline.parts[index].headerOffset != end.headerOffset { problems.append("end does not match start") }
            outline.parts[index].endOffset = end.endOffset
            outline.parts[index].layout = end.multipart
            if end.kind == .message { messageStack.removeLast() }
        case .diagnostic(let diagnostic):
            outline.diagnostics[messageStack.last!].append(diagnostic)
        }
    }
}

enum Fixtures {
    static let directory: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Fixtures/messages"
    }()

    static let names: [String] = [
        "8bit-raw-header-latin1", "alternative-html", "bad-base64", "bad-quoted-printable",
        "bare-lf-line-endings", "boundary-transport-padding", "closing-boundary-of-parent",
        "coi-chat-message", "content-type-edge-cases", "deep-nesting", "digest", "empty-body",
        "encoded-word-in-quoted-string", "encoded-words-folded-subject", "encoded-words-split-multibyte",
        "format-flowed-delsp", "group-addresses", "headers-only-no-final-newline", "koi8r-subject",
        "legacy-iso-8859-1", "mbox-from-line", "message-global", "missing-closing-boundary",
        "mixed-attachments", "multipart-related-cid", "multipart-signed-pgp", "nested-forward-rfc822",
        "no-headers-binary", "obs-header-syntax", "obsolete-date-zone", "plain-ascii", "preamble-epilogue",
        "references-broken-brackets", "rfc2231-filename-continuations", "semicolon-address-separator",
        "shift-jis-body", "two-digit-year", "unknown-charset", "utf8-headers-rfc6532", "wrong-weekday",
    ]

    static func bytes(_ name: String) throws -> [UInt8] {
        try #require(TestFile.read(directory + "/" + name + ".eml"), "fixture \(name) not found")
    }
}

@Suite("Streaming parser: equivalence with the one-shot parser")
struct StreamingEquivalenceTests {
    @Test(arguments: Fixtures.names)
    func everySplitPointOfFixture(name: String) throws {
        let bytes = try Fixtures.bytes(name)
        let expected = Outline(message: Message.parse(bytes))
        for split in 0...bytes.count {
            let streamed = Outline(streaming: bytes, splits: [split])
            #expect(streamed == expected, "\(name) split at \(split)")
            if streamed != expected { break }
        }
        let byteByByte = Outline(streaming: bytes, splits: Array(0..<bytes.count))
        #expect(byteByByte == expected, "\(name) byte by byte:\n\(byteByByte)\nexpected:\n\(expected)")
    }

    @Test(arguments: 0..<200)
    func randomMessagesRandomChunks(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 1000)
        let bytes = RandomMessage.make(using: &generator)
        let expected = Outline(message: Message.parse(bytes))
        var splits: [Int] = []
        var position = 0
        while position < bytes.count {
            position += Int.random(in: 1...16, using: &generator)
            splits.append(min(position, bytes.count))
        }
        #expect(Outline(streaming: bytes, splits: splits) == expected, "seed \(seed)")
        #expect(Outline(streaming: bytes, splits: Array(0..<bytes.count)) == expected, "seed \(seed) byte by byte")
    }

    @Test func limitsAgree() {
        var lines = ["Content-Type: multipart/mixed; boundary=b", ""]
        for index in 0..<30 { lines += ["--b", "", "part \(index)"] }
        lines += ["--b--", "epilogue"]
        var bytes = Array(lines.joined(separator: "\r\n").utf8)
        let options = ParserOptions(maximumNestingDepth: 3, maximumHeaderFields: 4, maximumParts: 10)
        #expect(Outline(streaming: bytes, splits: Array(0..<bytes.count), options: options)
            == Outline(message: Message.parse(bytes, options: options)))
        bytes = Array((0..<8).map { "X-\($0): v\r\n" }.joined().utf8) + Array("\r\nbody".utf8)
        #expect(Outline(streaming: bytes, splits: Array(0..<bytes.count), options: options)
            == Outline(message: Message.parse(bytes, options: options)))
        var nested: [String] = []
        for level in 0..<6 { nested += ["Content-Type: multipart/mixed; boundary=n\(level)", "", "--n\(level)"] }
        bytes = Array((nested + ["", "leaf"]).joined(separator: "\n").utf8)
        #expect(Outline(streaming: bytes, splits: Array(0..<bytes.count), options: options)
            == Outline(message: Message.parse(bytes, options: options)))
    }
}

extension StreamingEquivalenceTests {
    @Test func encodedMessagePartsAgree() {
        let bytes = Array((
            "Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\n"
            + "Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "U3ViamVjdDogaGkNCg0KYm9keQ==\r\n--m\r\nContent-Type: message/rfc822\r\n\r\n"
            + "Subject: plain\r\n\r\nbody\r\n--m--\r\n").utf8)
        let expected = Outline(message: Message.parse(bytes))
        #expect(Outline(streaming: bytes, splits: Array(0..<bytes.count)) == expected)
        #expect(Message.parse(bytes).diagnostics.map(\.code) == [.encodedMessagePart])
    }
}

@Suite("Streaming parser: events, decoding and memory")
struct StreamingParserTests {
    static let multipart = Array("""
        From: a@example.com\r
        Content-Type: multipart/mixed; boundary="xyz"\r
        \r
        preamble\r
        --xyz\r
        Content-Type: text/plain\r
        Content-Transfer-Encoding: quoted-printable\r
        \r
        caf=C3=A9 =\r
        au lait\r
        --xyz\r
        Content-Transfer-Encoding: base64\r
        \r
        aGVsbG8g\r
        d29ybGQ=\r
        --xyz--\r
        epilogue\r

        """.utf8)

    @Test func eventsInOrderWithOffsets() {
        var parser = StreamingParser()
        var events: [StreamingParser.Event] = []
        parser.feed(Self.multipart) { events.append($0) }
        parser.finish { events.append($0) }
        let starts = events.compactMap { event -> StreamingParser.PartStart? in
            if case .partStart(let start) = event { return start }
            return nil
        }
        #expect(starts.map(\.kind) == [.multipart, .leaf, .leaf])
        #expect(starts.map(\.depth) == [0, 1, 1])
        #expect(starts[0].headers.first(named: "from")?.offset == 0)
        #expect(starts[1].headers.first(named: "content-type")?.offset == 87)
        var regions: [StreamingParser.BodyRegion: String] = [:]
        for case .body(let chunk) in events {
            regions[chunk.region, default: ""] += String(decoding: chunk.bytes, as: UTF8.self)
            #expect(Array(Self.multipart[chunk.offset..<(chunk.offset + chunk.bytes.count)]) == Array(chunk.bytes))
        }
        #expect(regions[.preamble] == "preamble")
        #expect(regions[.epilogue] == "epilogue\r\n")
        guard case .partEnd(let last) = events.last else {
            Issue.record("the last event is not the end of the message")
            return
        }
        #expect(last.endOffset == Self.multipart.count)
        #expect(last.multipart?.isClosed == true)
        #expect(last.multipart?.partCount == 2)
    }

    @Test func decodesAtEverySplitPoint() {
        for split in 0...Self.multipart.count {
            var parser = StreamingParser(decodesBodies: true)
            var decoded: [[UInt8]] = []
            let handler: (StreamingParser.Event) -> Void = { event in
                switch event {
                case .partStart(let start) where start.kind == .leaf: decoded.append([])
                case .decodedBody(let bytes): decoded[decoded.count - 1] += bytes
                default: break
                }
            }
            parser.feed(Array(Self.multipart[..<split]), handler)
            parser.feed(Array(Self.multipart[split...]), handler)
            parser.finish(handler)
            #expect(decoded.map { String(decoding: $0, as: UTF8.self) } == ["café au lait", "hello world"], "split \(split)")
        }
    }

    @Test func decodingDiagnosticsCarryMessageOffsets() {
        let bytes = Array("Content-Transfer-Encoding: base64\r\n\r\naGVs*bG8=\r\n".utf8)
        var parser = StreamingParser(decodesBodies: true)
        var diagnostics: [Diagnostic] = []
        parser.feed(bytes) { if case .diagnostic(let diagnostic) = $0 { diagnostics.append(diagnostic) } }
        parser.finish { if case .diagnostic(let diagnostic) = $0 { diagnostics.append(diagnostic) } }
        #expect(diagnostics.first?.offset == 41)
    }

    @Test func memoryStaysBoundedForALargeBody() {
        var parser = StreamingParser(decodesBodies: true)
        parser.feed(Array("Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8)) { _ in }
        let line = Array("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\r\n".utf8)
        var chunk: [UInt8] = []
        for _ in 0..<900 { chunk += line }
        var decodedCount = 0
        var largestBuffer = 0
        for index in 0..<200 {
            // Chunks of uneven size so that lines are split everywhere.
            let cut = (index * 37) % 1000
            parser.feed(Array(chunk[..<cut])) { if case .decodedBody(let bytes) = $0 { decodedCount += bytes.count } }
            parser.feed(Array(chunk[cut...])) { if case .decodedBody(let bytes) = $0 { decodedCount += bytes.count } }
            largestBuffer = max(largestBuffer, parser.bufferedByteCount)
        }
        var ended = false
        parser.feed(Array("\r\n--zz--\r\n".utf8)) { if case .decodedBody(let bytes) = $0 { decodedCount += bytes.count } }
        parser.finish {
            if case .decodedBody(let bytes) = $0 { decodedCount += bytes.count }
            if case .partEnd(let end) = $0, end.depth == 0 { ended = true }
        }
        #expect(decodedCount == 200 * 900 * 54)
        #expect(largestBuffer < 8192)
        #expect(ended)
    }

    @Test func delimiterHeldBackAcrossChunksIsNotContent() {
        let bytes = Array("Content-Type: multipart/mixed; boundary=a-very-long-boundary\r\n\r\n--a-very-long-boundary\r\n\r\nx\r\n--a-very-long-boundary--\r\n".utf8)
        let cut = bytes.count - 15
        var content: [UInt8] = []
        var parser = StreamingParser()
        let handler: (StreamingParser.Event) -> Void = {
            if case .body(let chunk) = $0, chunk.region == .content { content += chunk.bytes }
        }
        parser.feed(Array(bytes[..<cut]), handler)
        #expect(parser.bufferedByteCount > 0)
        parser.feed(Array(bytes[cut...]), handler)
        parser.finish(handler)
        #expect(content == Array("x".utf8))
    }

    @Test func hugeTransportPaddingIsNotADelimiter() {
        let padding = String(repeating: " ", count: 2000)
        let bytes = Array("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\(padding)\ntwo\n--b--\n".utf8)
        let message = Message.parse(bytes)
        #expect(message.root.parts.count == 1)
        #expect(Outline(streaming: bytes, splits: Array(stride(from: 0, to: bytes.count, by: 7))) == Outline(message: message))
    }
}

@Suite("Streaming parser: hostile input")
struct StreamingHostileInputTests {
    @Test func overlongFieldIsCutAndReported() {
        let bytes = Array(("Subject: " + String(repeating: "x", count: 10_000) + "\r\nTo: a@b\r\n\r\nbody").utf8)
        var parser = StreamingParser(options: ParserOptions(maximumHeaderLineLength: 100))
        var headers: HeaderFields?
        var diagnostics: [Diagnostic] = []
        let handler: (StreamingParser.Event) -> Void = { event in
            if case .partStart(let start) = event { headers = start.headers }
            if case .diagnostic(let diagnostic) = event { diagnostics.append(diagnostic) }
        }
        for start in stride(from: 0, to: bytes.count, by: 333) {
            parser.feed(Array(bytes[start..<min(start + 333, bytes.count)]), handler)
            #expect(parser.bufferedByteCount < 400)
        }
        parser.finish(handler)
        #expect(headers?.count == 2)
        #expect(headers?.first(named: "subject")?.rawBytes.count == 100)
        #expect(headers?.first(named: "to")?.offset == 10_011)
        #expect(diagnostics.map(\.code) == [.headerLineTooLong])
        #expect(diagnostics.first?.range == 0..<10_011)
    }

    @Test func binaryWithoutLineBreaksStreamsAsABody() {
        var generator = SeededGenerator(seed: 99)
        let bytes = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) | 0x80 }
        var parser = StreamingParser()
        var content = 0
        var largest = 0
        for start in stride(from: 0, to: bytes.count, by: 4096) {
            parser.feed(Array(bytes[start..<min(start + 4096, bytes.count)])) {
                if case .body(let chunk) = $0 { content += chunk.bytes.count }
            }
            largest = max(largest, parser.bufferedByteCount)
        }
        parser.finish { if case .body(let chunk) = $0 { content += chunk.bytes.count } }
        #expect(content == bytes.count)
        #expect(largest <= 1 << 16)
    }
}
