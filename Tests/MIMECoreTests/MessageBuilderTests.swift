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

@Suite struct MessageBuilderRuleTests {
    @Test func everyLineEndsInCRLFAndMIMEVersionIsAdded() throws {
        let out = try serialize(builder(.multipart("mixed", [.text("a\nb\rc\r\nd"), .text("x")])))
        #expect(!hasBareLineBreak(out))
        #expect(headerFields(out).filter { $0.name == "MIME-Version" }.map(\.value) == ["1.0"])
    }

    @Test func fromIsRequiredAndSeveralAuthorsNeedASender() throws {
        var message = builder(.text("x"))
        message.from = []
        #expect(throws: MessageBuilder.Error.missingFrom) { try serialize(message) }
        message.from = [alice, bob]
        #expect(throws: MessageBuilder.Error.missingSender) { try serialize(message) }
        message.sender = alice
        let fields = headerFields(try serialize(message))
        #expect(fields.first { $0.name == "From" }?.value == "Alice Example <alice@example.org>, bob@example.net")
        #expect(fields.first { $0.name == "Sender" }?.value == "Alice Example <alice@example.org>")
    }

    @Test func extraFieldsKeepTheirOrderAndReservedNamesAreRefused() throws {
        var message = builder(.text("x"))
        message.extraFields = [
            .init("Chat-Version", .structured("1.0")),
            .text("Chat-Group-Name", "Famille \u{1F600}"),
            .init("Chat-Disposition-Notification-To", .addresses([.mailbox(alice)])),
            .init("X-Date", .date(fixedDate)),
        ]
        let names = headerFields(try serialize(message)).map(\.name)
        #expect(names == ["Date", "From", "To", "Message-ID", "Subject", "MIME-Version", "Chat-Version",
                          "Chat-Group-Name", "Chat-Disposition-Notification-To", "X-Date",
                          "Content-Type", "Content-Transfer-Encoding"])
        let groupName = headerFields(try serialize(message)).first { $0.name == "Chat-Group-Name" }!.value
        #expect(EncodedWord.decode(Array(groupName.utf8)).text == "Famille \u{1F600}")

        for reserved in ["subject", "Content-Type", "MIME-Version", "Message-ID"] {
            message.extraFields = [.text(reserved, "x")]
            #expect(throws: MessageBuilder.Error.reservedFieldName(reserved)) { try serialize(message) }
        }
        message.extraFields = [.init("X-Bad", .structured("caf\u{E9}"))]
        #expect(throws: MessageBuilder.Error.invalidStructuredValue(field: "X-Bad")) { try serialize(message) }
        message.extraFields = [.text("Bad Name", "x")]
        #expect(throws: MessageBuilder.Error.folding(field: "Bad Name", .invalidFieldName("Bad Name"))) {
            try serialize(message)
        }
    }

    @Test func bccIsWrittenOnlyWhenAsked() throws {
        var message = builder(.text("x"))
        message.bcc = [.mailbox(Mailbox(localPart: "secret", domain: "example.com"))]
        #expect(!string(try serialize(message)).contains("secret"))
        message.writesBcc = true
        #expect(headerFields(try serialize(message)).first { $0.name == "Bcc" }?.value == "secret@example.com")
    }

    @Test func nonASCIISubjectIsEncodedAndFoldedWithinLimits() throws {
        let subject = String(repeating: "Gr\u{FC}\u{DF}e aus K\u{F6}ln, \u{65E5}\u{672C}\u{8A9E} \u{1F44D}\u{1F3FD} ", count: 6) + "end"
        let out = try serialize(builder(.text("x"), subject: subject))
        let header = out.prefix { _ in true }
        #expect(header.allSatisfy { $0 < 0x80 })
        let subjectLines = lines(out).drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.first == " " }
        #expect(subjectLines.count > 1)
        for line in subjectLines { #expect(line.utf8.count <= 76) }
        let value = headerFields(out).first { $0.name == "Subject" }!.value
        #expect(EncodedWord.decode(Array(value.utf8)).text == subject)
    }

    @Test func headerInjectionIsImpossible() throws {
        let out = try serialize(builder(.text("x"), subject: "hi\r\nBcc: victim@example.com"))
        #expect(!lines(out).contains { $0.hasPrefix("Bcc:") })
        let value = headerFields(out).first { $0.name == "Subject" }!.value
        #expect(EncodedWord.decode(Array(value.utf8)).text == "hi\r\nBcc: victim@example.com")
    }

    @Test func longASCIISubjectFoldsAtSpaces() throws {
        let subject = (1...40).map { "word\($0)" }.joined(separator: " ")
        let out = try serialize(builder(.text("x"), subject: subject))
        let value = headerFields(out).first { $0.name == "Subject" }!.value
        #expect(value == subject)
        #expect(lines(out).allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func unbreakableASCIIWordLongerThanALineIsATypedError() {
        let subject = String(repeating: "x", count: 1200)
        #expect(throws: MessageBuilder.Error.folding(field: "Subject", .tokenTooLong(tokenIndex: 0, length: 1201))) {
            try serialize(builder(.text("x"), subject: subject))
        }
    }

    @Test func transferEncodingFollowsTheContent() throws {
        func encoding(_ part: MessageBuilder.Part, allows8bit: Bool = false) throws -> String? {
            var message = builder(part)
            message.allows8bit = allows8bit
            return headerFields(try serialize(message)).first { $0.name == "Content-Transfer-Encoding" }?.value
        }
        #expect(try encoding(.text("short ASCII lines\nonly")) == "7bit")
        #expect(try encoding(.text(String(repeating: "long line ", count: 10))) == "quoted-printable")
        #expect(try encoding(.text("Mostly ASCII with one \u{E9}")) == "quoted-printable")
        #expect(try encoding(.text(String(repeating: "\u{65E5}\u{672C}\u{8A9E}\u{306E}\u{6587}", count: 10))) == "base64")
        #expect(try encoding(.text("Mostly ASCII with one \u{E9}"), allows8bit: true) == "8bit")
        #expect(try encoding(.binary(Array("plain,csv\r\n1,2\r\n".utf8), type: "text", subtype: "csv")) == "7bit")
        #expect(try encoding(.binary([0x00, 0x41], type: "application", subtype: "octet-stream")) == "base64")
        #expect(try encoding(.binary(Array("bare\nLF".utf8), type: "application", subtype: "x-test")) == "base64")
        #expect(try encoding(.binary([0xC3, 0xA9], type: "application", subtype: "x-test")) == "base64")
    }

    @Test func transferEncodingSelectorRules() {
        let selector = TransferEncodingSelector()
        #expect(selector.encoding(forText: Array("a\r\nb".utf8)) == .sevenBit)
        #expect(selector.encoding(forText: Array(repeating: UInt8(ascii: "a"), count: 79)) == .quotedPrintable)
        #expect(selector.encoding(forText: Array(repeating: UInt8(ascii: "a"), count: 78)) == .sevenBit)
        // One NUL rules out 7bit; the rest is ASCII, so quoted-printable is the smaller encoding.
        #expect(selector.encoding(forText: Array("hello\u{0}world".utf8)) == .quotedPrintable)
        #expect(selector.encoding(forText: [0x61, 0x00, 0x62]) == .base64)
        #expect(selector.encoding(forText: Array(repeating: UInt8(0xE6), count: 30)) == .base64)
        #expect(selector.encoding(forBinary: Array("a\r\nb".utf8)) == .sevenBit)
        #expect(selector.encoding(forBinary: Array("a\rb".utf8)) == .base64)
        let eight = TransferEncodingSelector(allows8bit: true)
        #expect(eight.encoding(forText: [0xC3, 0xA9, 0x0D, 0x0A]) == .eightBit)
        #expect(eight.encoding(forText: Array(repeating: UInt8(0xC3), count: 999)) == .base64)
        #expect(eight.encoding(forBinary: [0x00, 0xFF]) == .base64)
        let stats = TransferEncodingSelector.Statistics(Array("ab\r\ncd\ne\r".utf8))
        #expect(stats.bareLineBreaks == 2)
        #expect(stats.longestLine == 2)
    }

    @Test func requestedTransferEncodingsAreChecked() throws {
        var part = MessageBuilder.Part.text("caf\u{E9}")
        part.transferEncoding = .base64
        #expect(headerFields(try serialize(builder(part))).last?.value == "base64")
        part.transferEncoding = .sevenBit
        #expect(throws: MessageBuilder.Error.unsuitableTransferEncoding(.sevenBit)) { try serialize(builder(part)) }
        var multipart = MessageBuilder.Part.multipart("mixed", [.text("x")])
        multipart.transferEncoding = .quotedPrintable
        #expect(throws: MessageBuilder.Error.unsuitableTransferEncoding(.quotedPrintable)) {
            try serialize(builder(multipart))
        }
    }

    @Test func quotedPrintableProtectsFromAndDotLines() throws {
        let out = string(try serialize(builder(.text("caf\u{E9}\nFrom here\n.\nend"))))
        #expect(out.contains("\r\n=46rom here\r\n=2E\r\nend"))
    }

    @Test func boundaryIsRegeneratedWhenTheContentHoldsIt() throws {
        let message = builder(.multipart("mixed", [.text("before\n--b1 looks like a delimiter\nafter")]))
        let out = try serialize(message, boundaries: ["b1", "b2"])
        #expect(headerFields(out).first { $0.name == "Content-Type" }?.value == "multipart/mixed; boundary=b2")
    }

    @Test func nestedBoundaryThatExtendsTheOuterOneIsAvoided() throws {
        // The inner boundary "abc-1" starts with "abc": an outer "abc" would match its lines.
        let message = builder(.multipart("mixed", [.multipart("alternative", [.text("x")]), .text("y")]))
        let out = try serialize(message, boundaries: ["abc-1", "abc", "def"])
        #expect(headerFields(out).first { $0.name == "Content-Type" }?.value == "multipart/mixed; boundary=def")
    }

    @Test func preambleAndEpilogueAreCheckedToo() throws {
        let message = builder(.multipart("mixed", [.text("x")], preamble: "--one", epilogue: "ok\n--two--"))
        let out = try serialize(message, boundaries: ["one", "two", "three"])
        #expect(headerFields(out).first { $0.name == "Content-Type" }?.value == "multipart/mixed; boundary=three")
        #expect(throws: MessageBuilder.Error.nonASCIIPreambleOrEpilogue) {
            try serialize(builder(.multipart("mixed", [.text("x")], preamble: "caf\u{E9}")))
        }
    }

    @Test func badOrExhaustedBoundaryGeneratorsAreErrors() {
        let message = builder(.multipart("mixed", [.text("--same")]))
        #expect(throws: MessageBuilder.Error.boundaryCollision(attempts: 64)) {
            try serialize(message, boundaries: ["same"])
        }
        #expect(throws: MessageBuilder.Error.invalidBoundary("bad\"quote")) {
            try serialize(message, boundaries: ["bad\"quote"])
        }
        #expect(throws: MessageBuilder.Error.emptyMultipart) {
            try serialize(builder(.multipart("mixed", [])))
        }
    }

    @Test func boundaryGrammar() {
        #expect(MessageBuilder.isValidBoundary("simple boundary"))
        #expect(MessageBuilder.isValidBoundary("'()+_,-./:=?"))
        #expect(!MessageBuilder.isValidBoundary(""))
        #expect(!MessageBuilder.isValidBoundary("ends with space "))
        #expect(!MessageBuilder.isValidBoundary(String(repeating: "a", count: 71)))
        #expect(MessageBuilder.isValidBoundary(String(repeating: "a", count: 70)))
        #expect(!MessageBuilder.isValidBoundary("caf\u{E9}"))
    }

    @Test func boundaryWithSpecialsIsQuoted() throws {
        let out = try serialize(builder(.multipart("mixed", [.text("x")])), boundaries: ["=_a b"])
        #expect(headerFields(out).first { $0.name == "Content-Type" }?.value == "multipart/mixed; boundary=\"=_a b\"")
        #expect(string(out).contains("\r\n--=_a b\r\n"))
    }

    @Test func randomGeneratorsAreValidAndReproducibleWhenSeeded() {
        var system = RandomBoundaryGenerator()
        let first = system.nextBoundary()
        #expect(MessageBuilder.isValidBoundary(first))
        #expect(first.utf8.count == 32)
        #expect(system.nextBoundary() != first)
        var a = RandomBoundaryGenerator(source: SeededGenerator(seed: 7), prefix: "=_")
        var b = RandomBoundaryGenerator(source: SeededGenerator(seed: 7), prefix: "=_")
        #expect(a.nextBoundary() == b.nextBoundary())
        #expect(a.nextBoundary().hasPrefix("=_"))
        #expect(RandomBoundaryGenerator(prefix: String(repeating: "p", count: 69)).randomLength == 1)

        var ids = RandomMessageIDGenerator()
        let id = ids.nextMessageID(domain: "example.org")
        #expect(id.right == "example.org")
        #expect(id.left.utf8.count == 24)
        #expect(ids.nextMessageID(domain: "[192.0.2.1]").right == "localhost")
        #expect(ids.nextMessageID(domain: nil).right == "localhost")
        var fixedDomain = RandomMessageIDGenerator(fallbackDomain: "mail.example", overridesDomain: true)
        #expect(fixedDomain.nextMessageID(domain: "example.org").right == "mail.example")
    }

    @Test func defaultSerializationFillsDateAndMessageID() throws {
        var message = builder(.text("x"))
        message.date = nil
        let fields = headerFields(try message.serialize())
        let date = fields.first { $0.name == "Date" }.flatMap { MessageDate($0.value) }
        #expect(date != nil && date!.year >= 2024)
        let id = fields.first { $0.name == "Message-ID" }.flatMap { MessageID($0.value) }
        #expect(id?.right == "example.org")
    }

    @Test func nowIsOnlyAskedWhenTheDateIsMissing() throws {
        var boundaries = SequenceBoundaries(["b"])
        var ids = CountingIDs()
        var asked = 0
        _ = try builder(.text("x")).serialize(boundaries: &boundaries, messageIDs: &ids, now: { asked += 1; return fixedDate })
        #expect(asked == 0)
        var undated = builder(.text("x"))
        undated.date = nil
        _ = try undated.serialize(boundaries: &boundaries, messageIDs: &ids, now: { asked += 1; return fixedDate })
        #expect(asked == 1)
        #expect(ids.counter == 2)
    }

    @Test func outputIsDeterministicWithSuppliedGenerators() throws {
        let message = builder(.multipart("mixed", [.text("\u{1F600} hi"), .binary([1, 2, 3], type: "application", subtype: "x")]))
        var first = RandomBoundaryGenerator(source: SeededGenerator(seed: 1))
        var second = RandomBoundaryGenerator(source: SeededGenerator(seed: 1))
        var ids1 = CountingIDs()
        var ids2 = CountingIDs()
        let a = try message.serialize(boundaries: &first, messageIDs: &ids1, now: { fixedDate })
        let b = try message.serialize(boundaries: &second, messageIDs: &ids2, now: { fixedDate })
        #expect(a == b)
    }

    @Test func longAndNonASCIIFilenamesUseRFC2231() throws {
        let name = "R\u{E9}sum\u{E9} \u{2014} a rather long file name that cannot fit on one line.pdf"
        let out = try serialize(builder(.binary([1, 2, 3], type: "application", subtype: "pdf", filename: name)))
        #expect(out.allSatisfy { $0 < 0x80 })
        #expect(lines(out).allSatisfy { $0.utf8.count <= 78 })
        let value = headerFields(out).first { $0.name == "Content-Disposition" }!.value
        #expect(value.hasPrefix("attachment; filename*0*=utf-8''R%C3%A9sum%C3%A9"))
        let parameterText = Array(value.utf8.drop { $0 != UInt8(ascii: ";") })
        var diagnostics: [Diagnostic] = []
        let parameters = MIMEParameters.parse(parameterText[...], diagnostics: &diagnostics)
        #expect(parameters["filename"] == name)
        #expect(parameters["size"] == "3")
    }

    @Test func flowedTextIsWrappedAndMarked() throws {
        let paragraph = (1...30).map { "word\($0)" }.joined(separator: " ")
        let out = try serialize(builder(.text(paragraph + "\nshort", format: .flowed)))
        #expect(headerFields(out).first { $0.name == "Content-Type" }?.value == "text/plain; charset=utf-8; format=flowed")
        #expect(headerFields(out).first { $0.name == "Content-Transfer-Encoding" }?.value == "7bit")
        let body = lines(out).drop { !$0.isEmpty }.dropFirst()
        #expect(body.count > 2)
        #expect(body.allSatisfy { $0.utf8.count <= 78 })
        #expect(FormatFlowed.decode(body.joined(separator: "\r\n"), lineEnding: "\n") == paragraph + "\nshort")

        let delsp = try serialize(builder(.text("x", format: .flowedDelSp)))
        #expect(headerFields(delsp).first { $0.name == "Content-Type" }?.value == "text/plain; charset=utf-8; format=flowed; delsp=yes")
    }

    @Test func otherCharsetsEncodeTheTextOrFail() throws {
        let out = try serialize(builder(.text("caf\u{E9}", charset: .isoLatin1)))
        #expect(headerFields(out).first { $0.name == "Content-Type" }?.value == "text/plain; charset=iso-8859-1")
        #expect(string(out).hasSuffix("\r\n\r\ncaf=E9"))
        #expect(throws: MessageBuilder.Error.unencodableText(charset: "ISO-8859-1")) {
            try serialize(builder(.text("\u{65E5}", charset: .isoLatin1)))
        }
    }

    @Test func partFieldsAreWritten() throws {
        var part = MessageBuilder.Part.binary([1], type: "image", subtype: "jpeg", filename: "a.jpg", inline: true)
        part.contentID = MessageID(left: "img1", right: "example.org")
        part.contentDescription = "Une photo \u{E0} Paris"
        part.extraFields = [.init("Content-Language", .structured("fr"))]
        let fields = headerFields(try serialize(builder(part)))
        #expect(fields.map(\.name).suffix(6) == ["Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
                                                 "Content-ID", "Content-Description", "Content-Language"])
        #expect(fields.first { $0.name == "Content-Disposition" }?.value == "inline; filename=a.jpg; size=1")
        #expect(fields.first { $0.name == "Content-ID" }?.value == "<img1@example.org>")
        let description = fields.first { $0.name == "Content-Description" }!.value
        #expect(EncodedWord.decode(Array(description.utf8)).text == "Une photo \u{E0} Paris")
    }

    @Test func invalidMediaTypesAreRefused() {
        #expect(throws: MessageBuilder.Error.invalidMediaType("image/p ng")) {
            try serialize(builder(.binary([1], type: "image", subtype: "p ng")))
        }
        #expect(throws: MessageBuilder.Error.invalidMediaType("/x")) {
            try serialize(builder(.binary([1], type: "", subtype: "x")))
        }
    }

    @Test func eightBitContentMarksEnclosingEntities() throws {
        var message = builder(.multipart("mixed", [.text("caf\u{E9}")]))
        message.allows8bit = true
        let fields = headerFields(try serialize(message))
        #expect(fields.first { $0.name == "Content-Transfer-Encoding" }?.value == "8bit")
        let out = string(try serialize(message))
        #expect(out.contains("Content-Transfer-Encoding: 8bit\r\n\r\ncaf\u{E9}"))
    }
}
