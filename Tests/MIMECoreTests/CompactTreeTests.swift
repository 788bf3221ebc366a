import MIMECore
import Testing

/// The compact stored forms of fields and parts (issue 4: peak memory within 3 times the
/// input) behave like the plain ones they replaced, and diagnostics are bounded per code.
@Suite("Compact part tree and bounded diagnostics")
struct CompactTreeTests {
    @Test func fieldAndPartStayCompact() {
        #expect(MemoryLayout<HeaderField>.stride <= 32)
        #expect(MemoryLayout<MIMEPart>.stride <= 72)
    }

    @Test(arguments: [
        ("Subject: hi\r\n\r\n", "Subject", " hi"),
        ("Content-Transfer-Encoding: 7bit\r\n\r\n", "Content-Transfer-Encoding", " 7bit"),
        ("X-Obsolete \t: v\r\n\r\n", "X-Obsolete", " v"),
        ("Empty:\r\n\r\n", "Empty", ""),
    ])
    func nameAndValueAreReadFromTheBytes(text: String, name: String, value: String) throws {
        let bytes = Array(text.utf8)
        let oneShot = try #require(Message.parse(bytes).headers.first)
        var streamedFields: [HeaderField] = []
        var parser = StreamingParser()
        let handler: (StreamingParser.Event) -> Void = { if case .partStart(let start) = $0 { streamedFields += start.headers } }
        parser.feed(bytes, handler)
        parser.finish(handler)
        let streamed = try #require(streamedFields.first)
        for field in [oneShot, streamed] {
            #expect(field.name == name)
            #expect(field.lowercasedName == name.lowercased())
            #expect(field.hasName(name.uppercased()))
            #expect(String(decoding: field.rawValue, as: UTF8.self) == value)
            #expect(field.offset == 0)
            #expect(field.range == 0..<(bytes.count - 2))
            #expect(field.isParsed)
        }
        // Same bytes at the same offset: equal, whichever parser read them.
        #expect(oneShot.rawBytes.elementsEqual(streamed.rawBytes))
        #expect(oneShot.rawBytes.startIndex == 0 && streamed.rawBytes.startIndex == 0)
    }

    @Test func parsedFieldsKeepMessageOffsetsAndCompareByContent() throws {
        let bytes = Array("From: a@b\r\nSubject: x\r\n\r\nbody".utf8)
        let first = Message.parse(bytes).headers[1]
        let again = Message.parse(bytes + Array(" more".utf8)).headers[1]
        #expect(first.offset == 11)
        #expect(first.rawBytes.startIndex == 11)
        #expect(first.valueRange == 19..<21)
        #expect(first == again)
        #expect(first.hashValue == again.hashValue)
        let made = try #require(HeaderField(serialized: Array("Subject: x\r\n".utf8)))
        #expect(made.offset == nil && made.range == nil && !made.isParsed)
        #expect(made != first)
        #expect(made.rawBytes.elementsEqual(first.rawBytes))
    }

    @Test func walkVisitsEveryPartWithItsDepthInOrder() {
        let bytes = Array(("Content-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: text/plain\r\n\r\na\r\n"
            + "--o\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\nb\r\n--o--\r\n").utf8)
        let message = Message.parse(bytes)
        var visited: [(Int, Int)] = []
        message.root.walkParts { part, depth in visited.append((part.headerOffset, depth)) }
        #expect(visited.map(\.1) == [0, 1, 1, 2])
        #expect(visited.map(\.0) == visited.map(\.0).sorted())
        var shallow = 0
        message.root.walkParts(includingNestedMessages: false) { _, _ in shallow += 1 }
        #expect(shallow == 3)
        var all = 0
        message.root.forEachPart { _ in all += 1 }
        #expect(all == 4)
    }

    @Test func diagnosticsOfOneCodeAreBoundedAndCounted() {
        let field = Array("Date: not a date\r\n".utf8)
        let bytes = Array(repeating: field, count: 50).flatMap { $0 } + Array("\r\nbody".utf8)
        let options = ParserOptions(maximumDiagnosticsPerCode: 10)
        let all = Message.parse(bytes, options: options).allDiagnostics(options: options)
        let dates = all.filter { $0.code == .dateInvalid }
        #expect(dates.count == 10)
        let summary = all.filter { $0.code == .diagnosticsTruncated }
        #expect(summary.count == 1)
        #expect(summary.first?.severity == dates.first?.severity)
        #expect(summary.first?.message.hasPrefix("40 more \"date-invalid\"") == true)
        let unbounded = Message.parse(bytes).allDiagnostics().filter { $0.code == .dateInvalid }
        #expect(unbounded.count == 50)
        #expect(summary.first?.range == unbounded[10].range)
    }

    @Test func structuralDiagnosticsAreBoundedPerMessage() {
        var bytes = Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n".utf8)
        for _ in 0..<30 { bytes += Array("--b\r\nX-A : 1\r\n\r\nx\r\n".utf8) }
        bytes += Array("--b--\r\n".utf8)
        let message = Message.parse(bytes, options: ParserOptions(maximumDiagnosticsPerCode: 5))
        #expect(message.diagnostics.filter { $0.code == .whitespaceBeforeColon }.count == 5)
        #expect(message.diagnostics.filter { $0.code == .diagnosticsTruncated }.count == 1)
        #expect(message.serialize() == bytes)
    }
}
