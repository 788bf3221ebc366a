import MIMECore
import Testing

/// Hands out the given boundaries in turn, so that output is reproducible.
struct SequenceBoundaries: BoundaryGenerator {
    var values: [String]
    var index = 0
    init(_ values: [String]) { self.values = values }
    mutating func nextBoundary() -> String {
        defer { index += 1 }
        return values[index % values.count]
    }
}

/// Hands out `<idN@domain>`.
struct CountingIDs: MessageIDGenerator {
    var counter = 0
    mutating func nextMessageID(domain: String?) -> MessageID {
        counter += 1
        return MessageID(left: "id\(counter)", right: domain ?? "localhost")
    }
}

private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

private let alice = Mailbox(displayName: "Alice Example", localPart: "alice", domain: "example.org")
private let bob = Mailbox(localPart: "bob", domain: "example.net")
private let fixedDate = MessageDate(year: 2026, month: 11, day: 23, hour: 10, minute: 30, second: 5, offsetMinutes: 60)!

private func serialize(_ builder: MessageBuilder, boundaries: [String] = ["b1", "b2", "b3", "b4"]) throws -> [UInt8] {
    var generator = SequenceBoundaries(boundaries)
    var ids = CountingIDs()
    return try builder.serialize(boundaries: &generator, messageIDs: &ids, now: { fixedDate })
}

private func builder(_ body: MessageBuilder.Part, subject: String? = "Hi") -> MessageBuilder {
    MessageBuilder(from: [alice], to: [.mailbox(bob)], subject: subject, date: fixedDate, body: body)
}

/// The header fields of `bytes` (up to the first empty line), unfolded, as name and value.
private func headerFields(_ bytes: [UInt8]) -> [(name: String, value: String)] {
    let text = string(bytes)
    guard let end = text.range(of: "\r\n\r\n") else { return [] }
    let block = String(text[..<end.lowerBound])
    var fields: [(name: String, value: String)] = []
    for line in block.components(separatedBy: "\r\n") {
        if line.first == " " || line.first == "\t" {
            fields[fields.count - 1].value += line
        } else if let colon = line.firstIndex(of: ":") {
            fields.append((String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst())))
        }
    }
    return fields
}

private func lines(_ bytes: [UInt8]) -> [String] {
    string(bytes).components(separatedBy: "\r\n")
}

private func hasBareLineBreak(_ bytes: [UInt8]) -> Bool {
    for (index, byte) in bytes.enumerated() {
        if byte == 0x0A, index == 0 || bytes[index - 1] != 0x0D { return true }
        if byte == 0x0D, index + 1 >= bytes.count || bytes[index + 1] != 0x0A { return true }
    }
    return false
}

extension String {
    fileprivate func components(separatedBy separator: String) -> [String] {
        var result: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: separator) {
            result.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        result.append(String(rest))
        return result
    }

    fileprivate func range(of needle: String) -> Range<String.Index>? {
        Substring(self).range(of: needle)
    }
}

extension Substring {
    fileprivate func range(of needle: String) -> Range<String.Index>? {
        let target = Array(needle.utf8)
        let bytes = Array(utf8)
        guard !target.isEmpty, bytes.count >= target.count else { return nil }
        for start in 0...(bytes.count - target.count) where bytes[start..<(start + target.count)].elementsEqual(target) {
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let upper = utf8.index(lower, offsetBy: target.count)
            return lower..<upper
        }
        return nil
    }
}

@Suite struct MessageBuilderExactOutputTests {
    @Test func plainTextMessage() throws {
        var message = builder(.text("Hello Bob,\nsee you soon.\n"), subject: "Lunch")
        message.extraFields = [.init("Chat-Version", .structured("1.0"))]
        let expected = """
            Date: Mon, 23 Nov 2026 10:30:05 +0100\r
            From: Alice Example <alice@example.org>\r
            To: bob@example.net\r
            Message-ID: <id1@example.org>\r
            Subject: Lunch\r
            MIME-Version: 1.0\r
            Chat-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 7bit\r
            \r
            Hello Bob,\r
            see you soon.\r

            """
        #expect(string(try serialize(message)) == expected)
    }

    @Test func multipartWithAttachmentPreambleAndEpilogue() throws {
        var message = builder(.multipart("mixed", [
            .text("Caf\u{E9} au lait"),
            .binary([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF], type: "image", subtype: "png", filename: "cup.png"),
        ], preamble: "This is a MIME message.", epilogue: "end"), subject: "Caf\u{E9}")
        message.messageID = MessageID(left: "fixed", right: "example.org")
        message.inReplyTo = [MessageID(left: "parent", right: "example.net")]
        message.references = [MessageID(left: "root", right: "example.net"), MessageID(left: "parent", right: "example.net")]
        message.cc = [.group(AddressGroup(name: "Team", members: [bob]))]
        let expected = """
            Date: Mon, 23 Nov 2026 10:30:05 +0100\r
            From: Alice Example <alice@example.org>\r
            To: bob@example.net\r
            Cc: Team: bob@example.net;\r
            Message-ID: <fixed@example.org>\r
            In-Reply-To: <parent@example.net>\r
            References: <root@example.net> <parent@example.net>\r
            Subject: =?UTF-8?B?Q2Fmw6k=?=\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary=b1\r
            \r
            This is a MIME message.\r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Caf=C3=A9 au lait\r
            --b1\r
            Content-Type: image/png\r
            Content-Transfer-Encoding: base64\r
            Content-Disposition: attachment; filename=cup.png; size=6\r
            \r
            iVBORwD/\r
            --b1--\r
            end
            """
        #expect(string(try serialize(message)) == expected)
    }

    @Test func encapsulatedMessageAndNestedMultipart() throws {
        let inner = MessageBuilder(from: [bob], to: [.mailbox(alice)], subject: "Original", date: fixedDate,
                                   body: .text("original text"))
        let message = builder(.multipart("mixed", [
            .multipart("alternative", [.text("plain"), .text("<p>html</p>", subtype: "html")]),
            .message(inner),
        ]), subject: "Fwd: Original")
        let expected = """
            Date: Mon, 23 Nov 2026 10:30:05 +0100\r
            From: Alice Example <alice@example.org>\r
            To: bob@example.net\r
            Message-ID: <id1@example.org>\r
            Subject: Fwd: Original\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary=b2\r
            \r
            --b2\r
            Content-Type: multipart/alternative; boundary=b1\r
            \r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 7bit\r
            \r
            plain\r
            --b1\r
            Content-Type: text/html; charset=utf-8\r
            Content-Transfer-Encoding: 7bit\r
            \r
            <p>html</p>\r
            --b1--\r
            \r
            --b2\r
            Content-Type: message/rfc822\r
            \r
            Date: Mon, 23 Nov 2026 10:30:05 +0100\r
            From: bob@example.net\r
            To: Alice Example <alice@example.org>\r
            Message-ID: <id2@example.net>\r
            Subject: Original\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 7bit\r
            \r
            original text\r
            --b2--\r

            """
        #expect(string(try serialize(message)) == expected)
    }
}
