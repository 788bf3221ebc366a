import MIMECore
import Testing

@Suite("mbox reader (RFC 4155)")
struct MboxReaderTests {
    static let mailbox = Array("""
        From alice@example.com Mon Nov 23 10:00:00 2026
        Subject: one

        Hello
        >From the start
        >>From quoted
        From inside a paragraph is not a separator

        From bob@example.com Mon Nov 23 10:01:00 2026
        Subject: two

        Bye

        """.utf8)

    static func read(_ bytes: [UInt8], splits: [Int], reader: MboxReader = MboxReader()) -> [MboxReader.Entry] {
        var reader = reader
        var entries: [MboxReader.Entry] = []
        var start = 0
        for split in splits + [bytes.count] where split >= start {
            reader.feed(Array(bytes[start..<split])) { entries.append($0) }
            start = split
        }
        reader.finish { entries.append($0) }
        return entries
    }

    @Test func mboxrdUnescapesOneLevel() {
        let entries = Self.read(Self.mailbox, splits: [])
        #expect(entries.count == 2)
        #expect(String(decoding: entries[0].bytes, as: UTF8.self)
            == "Subject: one\n\nHello\nFrom the start\n>From quoted\nFrom inside a paragraph is not a separator\n")
        #expect(String(decoding: entries[1].bytes, as: UTF8.self) == "Subject: two\n\nBye\n")
        #expect(entries[0].offset == 0)
        #expect(entries[0].messageOffset == 48)
        #expect(entries[1].offset == Self.mailbox.firstRange(of: Array("From bob".utf8))!.lowerBound)
        #expect(entries[1].separator == Array("From bob@example.com Mon Nov 23 10:01:00 2026".utf8))
        #expect(entries.map(\.index) == [0, 1])
    }

    @Test func mboxoUnescapesOnlyFromLines() {
        let entries = Self.read(Self.mailbox, splits: [], reader: MboxReader(format: .mboxo))
        #expect(String(decoding: entries[0].bytes, as: UTF8.self).contains("\nFrom the start\n>>From quoted\n"))
    }

    @Test func resultDoesNotDependOnSplits() {
        let expected = Self.read(Self.mailbox, splits: []).map(\.bytes)
        for split in 0...Self.mailbox.count {
            let entries = Self.read(Self.mailbox, splits: [split])
            #expect(entries.map(\.bytes) == expected, "split at \(split)")
            #expect(entries.map(\.offset) == [0, 142], "split at \(split)")
        }
        #expect(Self.read(Self.mailbox, splits: Array(0..<Self.mailbox.count)).map(\.bytes) == expected)
    }

    @Test func contentLengthCoversUnescapedSeparators() {
        let body = "From here on the body\n\nFrom me too\n"
        let bytes = Array("From a Mon Nov 23 10:00:00 2026\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)\nFrom b Mon Nov 23 10:00:00 2026\nSubject: b\n\nx\n".utf8)
        for split in [0, 10, 60, 70, bytes.count] {
            let entries = Self.read(bytes, splits: [split], reader: MboxReader(usesContentLength: true))
            #expect(entries.count == 2, "split \(split)")
            #expect(entries.first.map { String(decoding: $0.bytes, as: UTF8.self) }
                == "Content-Length: \(body.utf8.count)\r\n\r\n\(body)", "split \(split)")
        }
        #expect(Self.read(bytes, splits: []).count == 4)
    }

    @Test func textBeforeTheFirstSeparatorIsAMessageWithoutSeparator() {
        let entries = Self.read(Array("Subject: orphan\n\nx\n\nFrom a b\n\ny\n".utf8), splits: [])
        #expect(entries.count == 2)
        #expect(entries[0].separator == nil)
        #expect(entries[0].bytes == Array("Subject: orphan\n\nx\n".utf8))
        #expect(entries[1].bytes == Array("\ny\n".utf8))
    }

    @Test func messageSizeLimitTruncates() {
        let bytes = Array("From a\nSubject: big\n\n\(String(repeating: "x", count: 5000))\n\nFrom b\n\nsmall\n".utf8)
        let entries = Self.read(bytes, splits: [100, 3000], reader: MboxReader(maximumMessageSize: 1000))
        #expect(entries.map(\.isTruncated) == [true, false])
        #expect(entries[0].bytes.count == 1000)
        #expect(entries[1].bytes == Array("\nsmall\n".utf8))
    }

    @Test func emptyMailbox() {
        #expect(Self.read([], splits: []).isEmpty)
    }

    @Test func streamsTheFixtureFile() throws {
        var reader = MboxReader()
        var parsed = 0
        try MessageFile.readMbox(path: Fixtures.directory + "/mbox-from-line.eml", into: &reader, chunkSize: 7) { entry in
            let message = Message.parse(entry.bytes)
            if !message.headers.isEmpty { parsed += 1 }
        }
        #expect(parsed == 1)
        #expect(throws: MessageFile.Error.self) { try MessageFile.read(path: "/nonexistent/h7") }
    }
}

