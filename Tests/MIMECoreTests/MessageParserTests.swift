import MIMECore
import Testing

/// Builds test messages with CRLF line endings from lines.
private func crlf(_ lines: String...) -> [UInt8] {
    Array(lines.joined(separator: "\r\n").utf8)
}

private func text(_ part: MIMEPart) -> String {
    String(decoding: part.rawBody, as: UTF8.self)
}

@Suite("Message parser: header block (RFC 5322 section 2.2, 3.5)")
struct HeaderBlockTests {
    @Test func fieldsInOrderWithDuplicatesAndRanges() {
        let bytes = crlf("Received: from a", "Received: from b", "Subject: Hello", "", "Body")
        let message = Message.parse(bytes)
        #expect(message.headers.map(\.name) == ["Received", "Received", "Subject"])
        #expect(message.headers.all(named: "received").count == 2)
        let subject = message.headers.first(named: "SUBJECT")!
        #expect(subject.offset == 36)
        #expect(subject.range == 36..<52)
        #expect(subject.unfoldedValue == Array("Hello".utf8))
        #expect(message.root.bodyOffset == 54)
        #expect(text(message.root) == "Body")
        #expect(message.diagnostics.isEmpty)
    }

    @Test func foldedFieldIsUnfolded() {
        let message = Message.parse(crlf("Subject: a long", "\tsubject", "  line", "To: x@y", "", ""))
        #expect(message.headers.first(named: "subject")!.unfoldedValue == Array("a long\tsubject  line".utf8))
        #expect(message.headers.count == 2)
    }

    @Test func bareLineFeeds() {
        let message = Message.parse("Subject: x\nFrom: a@b\n\nbody\n")
        #expect(message.headers.count == 2)
        #expect(message.root.bodyOffset == 22)
        #expect(text(message.root) == "body\n")
        #expect(message.headers.lineEnding == [0x0A])
    }

    @Test func inputWithoutHeaderBlockIsABody() {
        let message = Message.parse("Just some text\nwith lines\n")
        #expect(message.headers.isEmpty)
        #expect(message.root.bodyOffset == 0)
        #expect(message.diagnostics.map(\.code) == [.missingHeaderBlock])
    }

    @Test func binaryInputIsABody() {
        var generator = SeededGenerator(seed: 7)
        let bytes = (0..<5000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let message = Message.parse(bytes)
        #expect(message.serialize() == bytes)
    }

    @Test func missingEmptyLineEndsHeaderBlock() {
        let message = Message.parse(crlf("Subject: x", "this is body text", "more"))
        #expect(message.headers.count == 1)
        #expect(text(message.root) == "this is body text\r\nmore")
        #expect(message.diagnostics.map(\.code) == [.missingHeaderSeparator])
    }

    @Test func mboxFromLineIsSkipped() {
        let message = Message.parse(crlf("From someone@example.com Mon Nov 23 10:00:00 2026", "Subject: x", "", "b"))
        #expect(message.headers.map(\.name) == ["Subject"])
        #expect(message.diagnostics.map(\.code) == [.mboxFromLine])
    }

    @Test func whitespaceBeforeColonIsObsoleteButAccepted() {
        let message = Message.parse(crlf("Subject : x", "", ""))
        #expect(message.headers.first(named: "subject") != nil)
        #expect(message.diagnostics.map(\.code) == [.whitespaceBeforeColon])
    }

    @Test func headerFieldLimit() {
        var lines = (0..<50).map { "X-Field-\($0): v" }
        lines += ["", "body"]
        let bytes = Array(lines.joined(separator: "\r\n").utf8)
        let message = Message.parse(bytes, options: ParserOptions(maximumHeaderFields: 10))
        #expect(message.headers.count == 10)
        #expect(message.diagnostics.map(\.code) == [.tooManyHeaderFields])
        #expect(text(message.root) == "body")
        #expect(message.serialize() == bytes)
    }

    @Test func onlyHeaders() {
        let message = Message.parse("Subject: x\r\n")
        #expect(message.headers.count == 1)
        #expect(message.root.rawBody.isEmpty)
    }

    @Test func emptyInput() {
        let message = Message.parse([UInt8]())
        #expect(message.headers.isEmpty)
        #expect(message.serialize().isEmpty)
    }
}

@Suite("Message parser: multipart (RFC 2046 section 5.1)")
struct MultipartTests {
    static let simple = crlf(
        "Content-Type: multipart/mixed; boundary=\"simple boundary\"",
        "",
        "This is the preamble.",
        "--simple boundary",
        "",
        "implicitly typed plain US-ASCII text.",
        "--simple boundary",
        "Content-type: text/plain; charset=us-ascii",
        "",
        "explicitly typed.",
        "",
        "--simple boundary--",
        "This is the epilogue.",
        "")

    @Test func rfc2046Example() throws {
        let message = Message.parse(Self.simple)
        guard case .multipart(let multipart) = message.root.content else {
            Issue.record("not a multipart")
            return
        }
        #expect(multipart.parts.count == 2)
        #expect(multipart.isClosed)
        #expect(String(decoding: Self.simple[multipart.preambleRange!], as: UTF8.self) == "This is the preamble.")
        #expect(String(decoding: Self.simple[multipart.epilogueRange!], as: UTF8.self) == "This is the epilogue.\r\n")
        #expect(text(multipart.parts[0]) == "implicitly typed plain US-ASCII text.")
        #expect(multipart.parts[0].headers.isEmpty)
        #expect(text(multipart.parts[1]) == "explicitly typed.\r\n")
        #expect(message.diagnostics.isEmpty)
        #expect(message.serialize() == Self.simple)
    }

    @Test func transportPaddingAfterBoundary() {
        let bytes = crlf("Content-Type: multipart/mixed; boundary=b", "", "--b  \t", "", "one", "--b-- ", "")
        let message = Message.parse(bytes)
        #expect(message.root.parts.count == 1)
        #expect(text(message.root.parts[0]) == "one")
    }

    @Test func boundaryOnlyAtLineStart() {
        let bytes = crlf("Content-Type: multipart/mixed; boundary=b", "", "--b", "", "text --b not a delimiter", "--b--")
        let message = Message.parse(bytes)
        #expect(message.root.parts.count == 1)
        #expect(text(message.root.parts[0]) == "text --b not a delimiter")
    }

    @Test func boundaryThatIsAPrefixOfAnother() {
        let bytes = crlf(
            "Content-Type: multipart/mixed; boundary=abc", "",
            "--abc",
            "Content-Type: multipart/alternative; boundary=abc-1", "",
            "--abc-1", "", "inner one",
            "--abc-1", "", "inner two",
            "--abc-1--",
            "--abc", "", "outer two",
            "--abc--", "")
        let message = Message.parse(bytes)
        #expect(message.root.parts.count == 2)
        #expect(message.root.parts[0].parts.map(text) == ["inner one", "inner two"])
        #expect(text(message.root.parts[1]) == "outer two")
        #expect(message.diagnostics.isEmpty)
        #expect(message.serialize() == bytes)
    }

    @Test func missingClosingBoundaryAtEndOfInput() {
        let bytes = crlf("Content-Type: multipart/mixed; boundary=b", "", "--b", "", "one", "--b", "", "two", "")
        let message = Message.parse(bytes)
        #expect(message.root.parts.map(text) == ["one", "two\r\n"])
        #expect(message.diagnostics.map(\.code) == [.missingClosingBoundary])
        #expect(message.serialize() == bytes)
    }

    @Test func innerMultipartClosedByParentBoundary() {
        let bytes = crlf(
            "Content-Type: multipart/mixed; boundary=outer", "",
            "--outer",
            "Content-Type: multipart/alternative; boundary=inner", "",
            "--inner", "", "a",
            "--inner", "", "b",
            "--outer", "", "c",
            "--outer--")
        let message = Message.parse(bytes)
        #expect(message.root.parts.count == 2)
        #expect(message.root.parts[0].parts.map(text) == ["a", "b"])
        #expect(text(message.root.parts[1]) == "c")
        #expect(message.diagnostics.map(\.code) == [.missingClosingBoundary])
        #expect(message.diagnostics[0].offset == message.root.parts[0].endOffset)
        #expect(message.serialize() == bytes)
    }

    @Test func digestChildrenDefaultToMessages() {
        let bytes = crlf(
            "Content-Type: multipart/digest; boundary=d", "",
            "--d", "", "Subject: first", "", "one",
            "--d", "Content-Type: text/plain", "", "not a message",
            "--d--")
        let message = Message.parse(bytes)
        let parts = message.root.parts
        #expect(parts.count == 2)
        #expect(parts[0].message?.headers.first(named: "subject") != nil)
        #expect(parts[0].message.map { text($0.root) } == "one")
        #expect(parts[1].isLeaf)
    }

    @Test func encapsulatedMessage() {
        let bytes = crlf(
            "Subject: outer", "Content-Type: message/rfc822", "",
            "Subject: inner", "Content-Type: multipart/mixed; boundary=x", "",
            "--x", "", "deep", "--x--", "")
        let message = Message.parse(bytes)
        let inner = message.root.message
        #expect(inner?.headers.first(named: "subject")?.unfoldedValue == Array("inner".utf8))
        #expect(inner?.root.parts.map(text) == ["deep"])
        #expect(inner?.root.headerOffset == 48)
        #expect(message.serialize() == bytes)
    }

    @Test func multipartWithoutBoundaryParameterIsALeaf() {
        let message = Message.parse(crlf("Content-Type: multipart/mixed", "", "--x", "", "y", "--x--"))
        #expect(message.root.isLeaf)
        #expect(message.diagnostics.map(\.code) == [.missingBoundaryParameter])
    }

    @Test func multipartWithoutDelimiters() {
        let message = Message.parse(crlf("Content-Type: multipart/mixed; boundary=q", "", "nothing here"))
        #expect(message.root.parts.isEmpty)
        #expect(message.diagnostics.map(\.code) == [.boundaryNotFound])
    }

    @Test func nestingLimitStopsDescending() {
        var lines: [String] = []
        for level in 0..<20 {
            lines += ["Content-Type: multipart/mixed; boundary=b\(level)", "", "--b\(level)"]
        }
        lines += ["", "leaf"]
        for level in (0..<20).reversed() { lines.append("--b\(level)--") }
        let bytes = Array(lines.joined(separator: "\r\n").utf8)
        let message = Message.parse(bytes, options: ParserOptions(maximumNestingDepth: 5))
        var depth = 0
        var part = message.root
        while let child = part.parts.first {
            part = child
            depth += 1
        }
        #expect(depth == 5)
        #expect(part.isLeaf)
        #expect(message.diagnostics.contains { $0.code == .nestingTooDeep })
        #expect(message.serialize() == bytes)
    }

    @Test func deepNestingDoesNotExhaustTheStack() {
        let levels = 10_000
        var bytes: [UInt8] = []
        for level in 0..<levels {
            bytes += Array("Content-Type: multipart/mixed; boundary=\(level)\r\n\r\n--\(level)\r\n".utf8)
        }
        // A limit above the ceiling is clamped, so that the tree stays shallow enough to walk.
        let message = Message.parse(bytes, options: ParserOptions(maximumNestingDepth: 20_000))
        #expect(message.serialize() == bytes)
        let depth = ParserOptions.nestingDepthCeiling
        #expect(message.diagnostics.filter { $0.code == .missingClosingBoundary }.count == depth)
        #expect(message.diagnostics.filter { $0.code == .nestingTooDeep }.count == 1)
    }

    @Test func partLimitKeepsTheRestUnparsed() {
        var lines = ["Content-Type: multipart/mixed; boundary=b", ""]
        for index in 0..<30 { lines += ["--b", "", "part \(index)"] }
        lines += ["--b--", "epilogue"]
        let bytes = Array(lines.joined(separator: "\r\n").utf8)
        let message = Message.parse(bytes, options: ParserOptions(maximumParts: 10))
        #expect(message.root.parts.count == 9)
        #expect(message.diagnostics.map(\.code) == [.tooManyParts])
        if case .multipart(let multipart) = message.root.content {
            #expect(multipart.isClosed)
            #expect(multipart.epilogueRange.map { String(decoding: bytes[$0], as: UTF8.self) } == "epilogue")
        }
        #expect(message.serialize() == bytes)
    }
}

@Suite("Serialization")
struct SerializationTests {
    @Test func changingOneHeaderRerendersOnlyThatField() throws {
        var message = Message.parse(MultipartTests.simple)
        let field = try #require(HeaderField(serialized: Array("X-New: 1\r\n".utf8)))
        message.headers.append(field)
        var expected = Array("Content-Type: multipart/mixed; boundary=\"simple boundary\"\r\nX-New: 1\r\n".utf8)
        let firstLineEnd = MultipartTests.simple.firstIndex(of: UInt8(0x0D))! + 2
        expected += MultipartTests.simple[firstLineEnd...]
        #expect(message.serialize() == expected)
    }

    @Test func changingANestedPartKeepsEverythingElse() throws {
        var message = Message.parse(MultipartTests.simple)
        var parts = message.root.parts
        parts[1].headers.removeAll(named: "content-type")
        message.root.parts = parts
        var expected = MultipartTests.simple
        let removed = Array("Content-type: text/plain; charset=us-ascii\r\n".utf8)
        let start = try #require(message.root.parts[1].headerOffset as Int?)
        #expect(Array(expected[start..<(start + removed.count)]) == removed)
        expected.removeSubrange(start..<(start + removed.count))
        #expect(message.serialize() == expected)
    }

    @Test(arguments: 0..<200)
    func randomStructuresRoundTrip(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let bytes = RandomMessage.make(using: &generator)
        let message = Message.parse(bytes)
        #expect(message.serialize() == bytes)
        message.root.forEachPart { part in
            #expect(part.headerOffset <= part.bodyOffset)
            #expect(part.bodyOffset <= part.endOffset)
            #expect(part.endOffset <= bytes.count)
        }
    }
}


@Suite("Message parser: encapsulated messages (RFC 2046 section 5.2)")
struct EncapsulatedMessageTests {
    @Test func encodedMessagePartIsKeptAsALeaf() {
        let bytes = Array((
            "Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "U3ViamVjdDogaGkNCg0KYm9keQ==\r\n").utf8)
        let message = Message.parse(bytes)
        #expect(message.root.isLeaf)
        #expect(message.diagnostics.map(\.code) == [.encodedMessagePart])
        #expect(message.root.decodedBody().bytes == Array("Subject: hi\r\n\r\nbody".utf8))
    }

    @Test func messageGlobalIsParsed() {
        let message = Message.parse("Content-Type: message/global\r\n\r\nSubject: Grüße\r\n\r\nHallo")
        #expect(message.root.message?.subject == "Grüße")
    }
}

@Suite("Message parser: boundary parameter forms")
struct BoundaryParameterTests {
    @Test(arguments: [
        "boundary=\"ab cd\"", "BOUNDARY=\"ab cd\"  ", "charset=x; boundary*0=\"ab \"; boundary*1=\"cd\"",
        "boundary*=us-ascii''ab%20cd", "(comment) boundary = \"ab cd\" (another)",
    ])
    func boundaryIsFound(parameters: String) {
        let bytes = Array("Content-Type: multipart/mixed; \(parameters)\r\n\r\n--ab cd\r\n\r\none\r\n--ab cd--\r\n".utf8)
        let message = Message.parse(bytes)
        #expect(message.root.parts.count == 1, "\(parameters)")
        #expect(message.diagnostics.isEmpty)
    }
}
