import MIMECodecs
import MIMECore
import MIMEFuzz
import Testing

/// The pathological cases of issue 4 at small sizes: each parses whole, the limit it reaches is
/// reported with a diagnostic, and nothing is silently dropped from the bytes.
@Suite("Pathological messages")
struct PathologicalMessageTests {
    /// Every case serializes back to its bytes, so nothing a limit cut is lost.
    @Test(arguments: PathologicalMessage.all.map(\.name))
    func keepsEveryByte(name: String) throws {
        let bytes = try #require(PathologicalMessage.named(name)).generate(count: 300)
        #expect(Message.parse(bytes).serialize() == bytes)
    }

    @Test func nestedMultipartsStopAtTheLimitWithADiagnostic() {
        let bytes = PathologicalMessage.nestedMultiparts.generate(count: 300)
        let reading = PathologicalMessage.read(bytes)
        #expect(reading.reports(.nestingTooDeep))
        #expect(reading.depth == ParserOptions().effectiveNestingDepth)
        // The levels below the limit stay one opaque leaf, holding the rest of the nesting.
        #expect(reading.partCount == ParserOptions().effectiveNestingDepth + 1)
    }

    @Test func nestedMessagesStopAtTheLimitWithADiagnostic() {
        let options = ParserOptions(maximumNestingDepth: 40)
        let reading = PathologicalMessage.read(PathologicalMessage.nestedMessages.generate(count: 300), options: options)
        #expect(reading.reports(.nestingTooDeep))
        #expect(reading.depth == 40)
    }

    @Test func nestingBeyondTheCeilingIsCutAtTheCeiling() {
        let options = ParserOptions(maximumNestingDepth: 100_000)
        let reading = PathologicalMessage.read(PathologicalMessage.nestedMultiparts.generate(count: 2_000), options: options)
        #expect(reading.reports(.nestingTooDeep))
        #expect(reading.depth == ParserOptions.nestingDepthCeiling)
    }

    @Test func siblingPartsBeyondTheLimitAreReported() {
        let options = ParserOptions(maximumParts: 500)
        let bytes = PathologicalMessage.siblingParts.generate(count: 2_000)
        let reading = PathologicalMessage.read(bytes, options: options)
        #expect(reading.reports(.tooManyParts))
        #expect(reading.partCount <= 501)
        #expect(Message.parse(bytes, options: options).serialize() == bytes)
    }

    @Test func headerFieldsBeyondTheLimitAreReported() {
        let options = ParserOptions(maximumHeaderFields: 100)
        let message = Message.parse(PathologicalMessage.headerFields.generate(count: 1_000), options: options)
        #expect(message.headers.count == 100)
        #expect(message.diagnostics.contains { $0.code == .tooManyHeaderFields })
        #expect(message.root.rawBody.elementsEqual("body\r\n".utf8))
    }

    @Test func anOverlongHeaderLineIsCutForDecodingAndReported() {
        let options = ParserOptions(maximumHeaderLineLength: 1_000)
        let bytes = PathologicalMessage.longHeaderLine.generate(count: 20_000)
        let reading = PathologicalMessage.read(bytes, options: options)
        #expect(reading.reports(.headerLineTooLong))
        #expect(Message.parse(bytes, options: options).serialize() == bytes)
    }

    @Test func encodedWordsBeyondTheLimitAreReported() {
        let options = ParserOptions(maximumEncodedWords: 100)
        let message = Message.parse(PathologicalMessage.encodedWords.generate(count: 1_000), options: options)
        let decoded = message.headers[0].decodedValue(options: options)
        #expect(decoded.diagnostics.contains { $0.code == .encodedWordLimitExceeded })
        #expect(decoded.text.hasPrefix(String(repeating: "café", count: 100)))
    }

    @Test func anUnbrokenBase64BodyDecodesWhole() {
        let reading = PathologicalMessage.read(PathologicalMessage.unbrokenBase64.generate(count: 40_000))
        #expect(reading.decodedByteCount == 30_000)
        #expect(reading.diagnostics.isEmpty)
    }

    @Test func aMissingClosingBoundaryKeepsEveryPart() {
        let message = Message.parse(PathologicalMessage.missingClosingBoundary.generate(count: 50))
        #expect(message.root.parts.count == 50)
        #expect(message.diagnostics.map(\.code) == [.missingClosingBoundary])
        #expect(message.root.parts.last?.decodedBody().bytes == Array("unterminated part 49\r\n".utf8))
    }

    @Test func randomBinaryIsABodyWithoutHeaders() {
        let bytes = PathologicalMessage.randomBinary.generate(count: 100_000)
        let message = Message.parse(bytes)
        #expect(message.root.isLeaf)
        #expect(message.root.rawBody.count + message.root.bodyOffset == bytes.count)
        #expect(!message.diagnostics.contains { $0.severity >= .error })
    }

    @Test func aBoundaryThatIsAPrefixOfAnotherStillSeparatesTheParts() {
        let message = Message.parse(PathologicalMessage.boundaryPrefix.generate(count: 30))
        #expect(message.root.parts.count == 1)
        #expect(message.root.parts.first?.parts.count == 30)
        #expect(message.diagnostics.isEmpty)
    }

    @Test func aBoundaryInsideBase64TextIsNotADelimiter() {
        let message = Message.parse(PathologicalMessage.boundaryInBase64.generate(count: 40_000))
        #expect(message.root.parts.count == 1)
        #expect(message.root.parts.first?.decodedBody().bytes == [UInt8](repeating: 0, count: 30_000))
    }

    /// A bare CR is not a line break (RFC 5322 section 2.3): such a message is one long header
    /// line, cut for decoding at the limit and reported, and kept whole.
    @Test func crOnlyLineEndsAreOneLongLineCutAtTheLimit() {
        let bytes = PathologicalMessage.crOnlyLineEnds.generate(count: 40)
        let options = ParserOptions(maximumHeaderLineLength: 1_000)
        let message = Message.parse(bytes, options: options)
        #expect(message.diagnostics.contains { $0.code == .headerLineTooLong })
        #expect(message.serialize() == bytes)
    }

    @Test func nulBytesInHeadersKeepTheBody() {
        let message = Message.parse(PathologicalMessage.nulInHeaders.generate(count: 30))
        #expect(message.root.rawBody.elementsEqual("body\0\r\n".utf8))
        #expect(message.headers.count(named: "Subject") == 20)
        #expect(message.headers.count == 30)
        #expect(message.diagnostics.isEmpty)
    }
}

/// A message where every part is broken in its own way between two good ones: the good parts
/// read as if the others were fine, and each problem is reported at its part.
@Suite("One broken part never fails the whole message")
struct BrokenPartTests {
    static let message = """
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="outer"\r
        \r
        --outer\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        first good part\r
        --outer\r
        Content-Type: application/octet-stream\r
        Content-Transfer-Encoding: base64\r
        \r
        SGVsbG8*!!garbage\r
        --outer\r
        Content-Type: text/plain; charset=x-no-such-charset\r
        \r
        caf\u{E9}\r
        --outer\r
        Content-Type: multipart/alternative\r
        \r
        no boundary parameter\r
        --outer\r
        Content-Type: multipart/related; boundary="inner"\r
        \r
        --inner\r
        \r
        inner part never closed\r
        --outer\r
        Content-Type: text/plain\r
        \r
        last good part\r
        --outer--\r

        """

    @Test func goodPartsReadAndEachProblemIsReportedAtItsPart() throws {
        let bytes = Array(Self.message.utf8)
        let message = Message.parse(bytes)
        let parts = message.root.parts
        try #require(parts.count == 6)
        #expect(parts[0].text()?.text == "first good part")
        #expect(parts[5].text()?.text == "last good part")
        #expect(message.serialize() == bytes)

        let diagnostics = message.allDiagnostics()
        func reported(_ code: Diagnostic.Code, in part: MIMEPart) -> Bool {
            diagnostics.contains { $0.code == code && (part.headerOffset..<part.endOffset).contains($0.offset) }
        }
        #expect(diagnostics.contains { $0.code == .base64InvalidByte && (parts[1].bodyOffset..<parts[1].endOffset).contains($0.offset) })
        #expect(reported(.unknownCharset, in: parts[2]))
        #expect(reported(.missingBoundaryParameter, in: parts[3]))
        #expect(reported(.missingClosingBoundary, in: parts[4]) || diagnostics.contains { $0.code == .missingClosingBoundary })
        #expect(!diagnostics.contains { (parts[0].headerOffset..<parts[0].endOffset).contains($0.offset) })
        #expect(!diagnostics.contains { (parts[5].headerOffset..<parts[5].endOffset).contains($0.offset) })
    }
}
