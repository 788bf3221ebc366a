import MIMECore
import Testing

/// Hands out the given boundaries in turn, so that output is reproducible.
struct BuilderTestBoundaries: BoundaryGenerator {
    var values: [String]
    var index = 0
    init(_ values: [String]) { self.values = values }
    mutating func nextBoundary() -> String {
        defer { index += 1 }
        return values[index % values.count]
    }
}

/// Hands out `<idN@domain>`.
struct BuilderTestIDs: MessageIDGenerator {
    var counter = 0
    mutating func nextMessageID(domain: String?) -> MessageID {
        counter += 1
        return MessageID(left: "id\(counter)", right: domain ?? "localhost")
    }
}

private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

private func media(_ text: String) -> ContentType { ContentType(text)! }

private let alice = Mailbox(displayName: "Alice Example", localPart: "alice", domain: "example.org")
private let bob = Mailbox(localPart: "bob", domain: "example.net")
private let fixedDate = MessageDate(year: 2026, month: 11, day: 23, hour: 10, minute: 30, second: 5, offsetMinutes: 60)!

private func serialize(_ builder: MessageBuilder, boundaries: [String] = ["b1", "b2", "b3", "b4"]) throws -> [UInt8] {
    var generator = BuilderTestBoundaries(boundaries)
    var ids = BuilderTestIDs()
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
        for start in 0...(bytes.count - target.count)
        where bytes[start..<(start + target.count)].elementsEqual(target) {
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
            .binary([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF], type: media("image/png"), filename: "cup.png"),
        ], preamble: "This is a MIME message.", epilogue: "end"), subject: "Caf\u{E9}")
        message.messageID = MessageID(left: "fixed", right: "example.org")
        message.inReplyTo = [MessageID(left: "parent", right: "example.net")]
        message.references = [MessageID(left: "root", right: "example.net"),
                              MessageID(left: "parent", right: "example.net")]
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
        let greeting = "Gr\u{FC}\u{DF}e aus K\u{F6}ln, \u{65E5}\u{672C}\u{8A9E} \u{1F44D}\u{1F3FD} "
        let subject = String(repeating: greeting, count: 6) + "end"
        let out = try serialize(builder(.text("x"), subject: subject))
        let header = out.prefix { _ in true }
        #expect(header.allSatisfy { $0 < 0x80 })
        let subjectLines = lines(out).drop { !$0.hasPrefix("Subject:") }
            .prefix { $0.hasPrefix("Subject:") || $0.first == " " }
        #expect(subjectLines.count > 1)
        for line in subjectLines { #expect(line.utf8.count <= 76) }
        let value = headerFields(out).first { $0.name == "Subject" }!.value
        #expect(EncodedWord.decode(Array(value.utf8)).text == subject)
    }

    @Test(arguments: ["", " ", "  padded  ", "\t", "a  b", "=?utf-8?q?not_a_word?=", "tab\there"])
    func significantWhitespaceAndLookalikesSurvive(subject: String) throws {
        let out = try serialize(builder(.text("x"), subject: subject))
        let field = Message.parse(out).headers.first(named: "Subject")
        #expect(field.map { EncodedWord.decode($0.unfoldedValue).text } == subject)
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
        let japanese = String(repeating: "\u{65E5}\u{672C}\u{8A9E}\u{306E}\u{6587}", count: 10)
        #expect(try encoding(.text(japanese)) == "base64")
        #expect(try encoding(.text("Mostly ASCII with one \u{E9}"), allows8bit: true) == "8bit")
        #expect(try encoding(.binary(Array("plain,csv\r\n1,2\r\n".utf8), type: media("text/csv"))) == "7bit")
        #expect(try encoding(.binary([0x00, 0x41], type: media("application/octet-stream"))) == "base64")
        #expect(try encoding(.binary(Array("bare\nLF".utf8), type: media("application/x-test"))) == "base64")
        #expect(try encoding(.binary([0xC3, 0xA9], type: media("application/x-test"))) == "base64")
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

    @Test func multipartParametersAreKeptAndTheBoundaryIsTheBuilders() throws {
        let report = MessageBuilder.Part.multipart("report", [
            .text("The message was displayed."),
            .binary(Array(("Final-Recipient: rfc822;bob@example.net\r\n"
                           + "Disposition: manual-action/MDN-sent-manually; displayed\r\n").utf8),
                    type: media("message/disposition-notification")),
        ], parameters: [("report-type", "disposition-notification"), ("boundary", "caller")])
        let out = try serialize(builder(report))
        #expect(headerFields(out).first { $0.name == "Content-Type" }?.value
                == "multipart/report; report-type=disposition-notification; boundary=b1")
        #expect(!string(out).contains("caller"))
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
        var boundaries = BuilderTestBoundaries(["b"])
        var ids = BuilderTestIDs()
        var asked = 0
        let now: () -> MessageDate = {
            asked += 1
            return fixedDate
        }
        _ = try builder(.text("x")).serialize(boundaries: &boundaries, messageIDs: &ids, now: now)
        #expect(asked == 0)
        var undated = builder(.text("x"))
        undated.date = nil
        _ = try undated.serialize(boundaries: &boundaries, messageIDs: &ids, now: now)
        #expect(asked == 1)
        #expect(ids.counter == 2)
    }

    @Test func outputIsDeterministicWithSuppliedGenerators() throws {
        let message = builder(.multipart("mixed", [
            .text("\u{1F600} hi"), .binary([1, 2, 3], type: media("application/x")),
        ]))
        var first = RandomBoundaryGenerator(source: SeededGenerator(seed: 1))
        var second = RandomBoundaryGenerator(source: SeededGenerator(seed: 1))
        var ids1 = BuilderTestIDs()
        var ids2 = BuilderTestIDs()
        let a = try message.serialize(boundaries: &first, messageIDs: &ids1, now: { fixedDate })
        let b = try message.serialize(boundaries: &second, messageIDs: &ids2, now: { fixedDate })
        #expect(a == b)
    }

    @Test func longAndNonASCIIFilenamesUseRFC2231() throws {
        let name = "R\u{E9}sum\u{E9} \u{2014} a rather long file name that cannot fit on one line.pdf"
        let out = try serialize(builder(.binary([1, 2, 3], type: media("application/pdf"), filename: name)))
        #expect(out.allSatisfy { $0 < 0x80 })
        #expect(lines(out).allSatisfy { $0.utf8.count <= 78 })
        let value = headerFields(out).first { $0.name == "Content-Disposition" }!.value
        #expect(value.lowercased().hasPrefix("attachment; filename*0*=utf-8''r%c3%a9sum%c3%a9"))
        let parameterText = Array(value.utf8.drop { $0 != UInt8(ascii: ";") })
        var diagnostics: [Diagnostic] = []
        let parameters = MIMEParameters.parse(parameterText[...], diagnostics: &diagnostics)
        #expect(parameters["filename"] == name)
        #expect(parameters["size"] == "3")
    }

    @Test func flowedTextIsWrappedAndMarked() throws {
        let paragraph = (1...30).map { "word\($0)" }.joined(separator: " ")
        let out = try serialize(builder(.text(paragraph + "\nshort", format: .flowed)))
        #expect(headerFields(out).first { $0.name == "Content-Type" }?.value
                == "text/plain; charset=utf-8; format=flowed")
        #expect(headerFields(out).first { $0.name == "Content-Transfer-Encoding" }?.value == "7bit")
        let body = lines(out).drop { !$0.isEmpty }.dropFirst()
        #expect(body.count > 2)
        #expect(body.allSatisfy { $0.utf8.count <= 78 })
        // The flowed encoder ends the last line with a line break.
        #expect(FormatFlowed.decode(body.joined(separator: "\r\n"), lineEnding: "\n") == paragraph + "\nshort\n")

        let delsp = try serialize(builder(.text("x", format: .flowedDelSp)))
        #expect(headerFields(delsp).first { $0.name == "Content-Type" }?.value
                == "text/plain; charset=utf-8; format=flowed; delsp=yes")
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
        var part = MessageBuilder.Part.binary([1], type: media("image/jpeg"), filename: "a.jpg", inline: true)
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
            try serialize(builder(.binary([1], type: ContentType(type: "image", subtype: "p ng"))))
        }
        #expect(throws: MessageBuilder.Error.invalidMediaType("/x")) {
            try serialize(builder(.binary([1], type: ContentType(type: "", subtype: "x"))))
        }
    }

    @Test func utf8HeadersOnlyWhenAllowed() throws {
        let eai = Mailbox(displayName: "J\u{F6}rg", localPart: "j\u{F6}rg", domain: "b\u{FC}cher.example")
        var message = builder(.text("x"))
        message.to = [.mailbox(eai)]
        #expect(throws: MessageBuilder.Error.nonASCIIHeader(field: "To")) { try serialize(message) }
        message.allowsUTF8Headers = true
        let fields = headerFields(try serialize(message))
        #expect(fields.first { $0.name == "To" }?.value == "J\u{F6}rg <j\u{F6}rg@b\u{FC}cher.example>")

        // Without RFC 6532 a non-ASCII display name alone is fine: it becomes encoded words.
        var encoded = builder(.text("x"))
        encoded.to = [.mailbox(Mailbox(displayName: "J\u{F6}rg", localPart: "joerg", domain: "example.org"))]
        let out = try serialize(encoded)
        #expect(out.allSatisfy { $0 < 0x80 })
        var diagnostics: [Diagnostic] = []
        let to = headerFields(out).first { $0.name == "To" }!.value
        let parsed = Address.parseList(ArraySlice(Array(to.utf8)), diagnostics: &diagnostics)
        #expect(parsed.first?.mailboxes.first?.displayName == "J\u{F6}rg")
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

/// Makes random messages from a seed: Unicode subjects and names, binary attachments, nested
/// multiparts and encapsulated messages.
struct RandomMessageMaker {
    var rng: SeededGenerator

    static let scalarPools: [[Unicode.Scalar]] = [
        Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".unicodeScalars),
        Array("!#$%&'*+-/=?^_`{|}~.,;:()<>@[]\"\\".unicodeScalars),
        Array("\u{E9}\u{FC}\u{DF}\u{F1}\u{E7}\u{C5}\u{F8}\u{153}".unicodeScalars),
        Array("\u{3B1}\u{3B2}\u{3B3}\u{434}\u{43B}\u{436}\u{5D0}\u{627}".unicodeScalars),
        Array("\u{65E5}\u{672C}\u{8A9E}\u{4E2D}\u{6587}\u{D55C}\u{AD6D}".unicodeScalars),
        Array("\u{1F600}\u{1F44D}\u{1F3FD}\u{200D}\u{1F469}\u{301}".unicodeScalars),
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    mutating func word(asciiOnly: Bool = false, letters: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<int(1...12) {
            let pool = letters ? 0 : asciiOnly ? int(0...1) : (chance(60) ? 0 : int(1...5))
            let choices = Self.scalarPools[pool]
            scalars.append(choices[int(0...(choices.count - 1))])
        }
        return String(scalars)
    }

    mutating func text(words: ClosedRange<Int>, asciiOnly: Bool = false) -> String {
        var result = ""
        for index in 0..<int(words) {
            if index > 0 { result += chance(90) ? " " : (chance(50) ? "  " : "\t") }
            result += word(asciiOnly: asciiOnly)
        }
        return result
    }

    mutating func mailbox() -> Mailbox {
        let local = (0..<int(1...3)).map { _ in word(letters: true) }.joined(separator: ".")
        let domain = (0..<int(2...3)).map { _ in word(letters: true).lowercased() }.joined(separator: ".")
        let name: String? = chance(70) ? text(words: 1...4) : nil
        return Mailbox(displayName: name, localPart: local, domain: domain)
    }

    mutating func addresses() -> [Address] {
        (0..<int(0...3)).map { _ in
            chance(85) ? .mailbox(mailbox()) : .group(AddressGroup(name: text(words: 1...2, asciiOnly: true),
                                                                   members: (0..<int(0...2)).map { _ in mailbox() }))
        }
    }

    mutating func messageID() -> MessageID {
        MessageID(left: word(letters: true) + "." + String(int(0...99999)),
                  right: word(letters: true).lowercased() + ".example")
    }

    /// Text without lines that format=flowed changes on purpose: trailing spaces, quote marks
    /// and leading spaces (RFC 3676 sections 4.2-4.5).
    mutating func bodyText(flowed: Bool) -> String {
        var lines: [String] = []
        for _ in 0..<int(0...6) {
            var line = text(words: 0...(chance(20) ? 40 : 8))
            if flowed {
                // By scalars, not Characters: ">" followed by a joiner is one Character.
                var scalars = Array(line.unicodeScalars)
                while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
                while let first = scalars.first, first == " " || first == ">" || first == "\t" { scalars.removeFirst() }
                line = String(String.UnicodeScalarView(scalars))
                if line == "--" { line = "x" }
            }
            lines.append(line)
        }
        let separator = flowed ? "\n" : ["\n", "\r\n", "\r"][int(0...2)]
        return lines.joined(separator: separator) + (chance(50) ? "\n" : "")
    }

    mutating func binary() -> [UInt8] {
        let count = chance(10) ? int(2000...6000) : int(0...300)
        if chance(25) {
            // ASCII lines with CRLF: the 7bit path.
            var bytes: [UInt8] = []
            while bytes.count < count {
                bytes += Array(text(words: 1...6, asciiOnly: true).utf8.filter { $0 != 0x09 }) + [0x0D, 0x0A]
            }
            return bytes
        }
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    mutating func part(depth: Int) -> MessageBuilder.Part {
        let kind = depth >= 3 ? int(0...1) : int(0...5)
        switch kind {
        case 0:
            let format: MessageBuilder.Part.TextFormat = [.fixed, .fixed, .flowed, .flowedDelSp][int(0...3)]
            let subtype = chance(80) ? "plain" : "html"
            var part = MessageBuilder.Part.text(bodyText(flowed: format != .fixed), subtype: subtype,
                                                format: format)
            if chance(20) { part.contentDescription = text(words: 1...5) }
            return part
        case 1:
            let filename: String? = chance(80) ? text(words: 1...(chance(20) ? 12 : 3)) + ".bin" : nil
            var part = MessageBuilder.Part.binary(binary(), type: media("application/octet-stream"),
                                                  filename: filename, inline: chance(20))
            if chance(20) { part.contentID = messageID() }
            return part
        case 2, 3, 4:
            let subtype = ["mixed", "alternative", "related"][int(0...2)]
            let children = (0..<int(1...4)).map { _ in part(depth: depth + 1) }
            let parameters: MIMEParameters = subtype == "related" ? [("type", "text/html")] : []
            let preamble: String? = chance(30) ? text(words: 1...10, asciiOnly: true) : nil
            let epilogue: String? = chance(30) ? text(words: 1...10, asciiOnly: true) : nil
            return .multipart(subtype, children, parameters: parameters, preamble: preamble, epilogue: epilogue)
        default:
            return .message(message(depth: depth + 1))
        }
    }

    mutating func message(depth: Int = 0) -> MessageBuilder {
        var message = MessageBuilder(from: [mailbox()], to: addresses(), cc: chance(30) ? addresses() : [],
                                     subject: chance(90) ? text(words: 0...(chance(20) ? 30 : 8)) : nil,
                                     date: MessageDate(secondsSinceEpoch: Int64(int(0...4_000_000_000)),
                                                       offsetMinutes: int(-12...14) * 60))
        if chance(50) { message.messageID = messageID() }
        if chance(30) { message.inReplyTo = [messageID()] }
        if chance(30) { message.references = (0..<int(1...5)).map { _ in messageID() } }
        if chance(40) {
            message.extraFields = [.init("Chat-Version", .structured("1.0")),
                                   .text("Chat-Group-Name", text(words: 1...6))]
        }
        message.body = part(depth: depth)
        // Some top-level messages go to an 8BITMIME transport (RFC 6152).
        message.allows8bit = depth == 0 && chance(20)
        return message
    }
}

@Suite struct MessageBuilderRoundTripTests {
    /// The decoded body of a parsed leaf (RFC 2045 section 6).
    func decodedBody(_ part: MIMEPart) -> [UInt8] {
        let encoding = part.headers.first(named: "Content-Transfer-Encoding").flatMap {
            ContentTransferEncoding(string($0.unfoldedValue))
        } ?? .sevenBit
        switch encoding {
        case .base64: return Base64.decode(part.rawBody).bytes
        case .quotedPrintable: return QuotedPrintable.decode(part.rawBody).bytes
        default: return Array(part.rawBody)
        }
    }

    /// `type/subtype` in lowercase and the parameters of a `Content-Type`-like field.
    func typeAndParameters(_ field: HeaderField?) -> (String, MIMEParameters) {
        guard let field else { return ("", []) }
        let value = field.unfoldedValue
        let semicolon = value.firstIndex(of: UInt8(ascii: ";")) ?? value.endIndex
        var diagnostics: [Diagnostic] = []
        let parameters = MIMEParameters.parse(value[semicolon...], diagnostics: &diagnostics)
        return (string(Array(value[..<semicolon])).trimmingSpaces.lowercased(), parameters)
    }

    func text(_ field: HeaderField?) -> String? {
        field.map { EncodedWord.decode($0.unfoldedValue, context: .unstructured).text }
    }

    func addresses(_ field: HeaderField?) -> [Address] {
        guard let field else { return [] }
        var diagnostics: [Diagnostic] = []
        return Address.parseList(field.rawValue, diagnostics: &diagnostics)
    }

    func ids(_ field: HeaderField?) -> [MessageID] {
        guard let field else { return [] }
        var diagnostics: [Diagnostic] = []
        return MessageID.parseList(field.rawValue, diagnostics: &diagnostics)
    }

    func check(_ built: MessageBuilder, _ parsed: MIMEPart, _ path: String) {
        let headers = parsed.headers
        #expect(addresses(headers.first(named: "From")) == built.from.map { .mailbox($0) }, "\(path) From")
        #expect(addresses(headers.first(named: "To")) == built.to, "\(path) To")
        #expect(addresses(headers.first(named: "Cc")) == built.cc, "\(path) Cc")
        #expect(text(headers.first(named: "Subject")) == built.subject, "\(path) Subject")
        var diagnostics: [Diagnostic] = []
        let date = headers.first(named: "Date").flatMap { MessageDate.parse($0.rawValue, diagnostics: &diagnostics) }
        #expect(date.map { $0.isSameInstant(as: built.date!) && $0.offsetMinutes == built.date!.offsetMinutes } == true,
                "\(path) Date")
        let id = ids(headers.first(named: "Message-ID"))
        #expect(id.count == 1, "\(path) Message-ID")
        if let expected = built.messageID { #expect(id == [expected], "\(path) Message-ID") }
        #expect(ids(headers.first(named: "In-Reply-To")) == built.inReplyTo, "\(path) In-Reply-To")
        #expect(ids(headers.first(named: "References")) == built.references, "\(path) References")
        #expect(headers.first(named: "MIME-Version").map { string($0.unfoldedValue) } == "1.0")
        for field in built.extraFields {
            switch field.value {
            case .text(let value): #expect(text(headers.first(named: field.name)) == value, "\(path) \(field.name)")
            case .structured(let value):
                let written = headers.first(named: field.name).map { string($0.unfoldedValue) }
                #expect(written == value, "\(path) \(field.name)")
            default: break
            }
        }
        check(built.body, parsed, path)
    }

    func check(_ built: MessageBuilder.Part, _ parsed: MIMEPart, _ path: String) {
        let (type, parameters) = typeAndParameters(parsed.headers.first(named: "Content-Type"))
        if let description = built.contentDescription {
            #expect(text(parsed.headers.first(named: "Content-Description")) == description, "\(path) description")
        }
        if let contentID = built.contentID {
            #expect(ids(parsed.headers.first(named: "Content-ID")) == [contentID], "\(path) Content-ID")
        }
        if let disposition = built.disposition {
            let (kind, dispositionParameters) = typeAndParameters(parsed.headers.first(named: "Content-Disposition"))
            #expect(kind == disposition.kind.rawValue, "\(path) disposition")
            #expect(dispositionParameters["filename"] == disposition.filename, "\(path) filename")
        }
        switch built.content {
        case .text(let value, let subtype, _, let format):
            #expect(type == "text/" + subtype, "\(path) type")
            #expect(parameters["charset"] == "utf-8", "\(path) charset")
            var decoded = string(decodedBody(parsed))
            var expected = canonical(value)
            if format != .fixed {
                #expect(parameters["format"] == "flowed", "\(path) format")
                decoded = FormatFlowed.decode(decoded, delSp: format == .flowedDelSp, lineEnding: "\r\n")
                // The flowed encoder ends the last line with a line break.
                if !expected.isEmpty, !expected.hasSuffix("\r\n") { expected += "\r\n" }
            }
            #expect(decoded == expected, "\(path) text")
        case .binary(let bytes, let contentType):
            #expect(type == contentType.mimeType, "\(path) type")
            #expect(decodedBody(parsed) == bytes, "\(path) binary body")
        case .multipart(let subtype, let multipartParameters, let parts, let preamble, let epilogue):
            #expect(type == "multipart/" + subtype, "\(path) type")
            for parameter in multipartParameters where parameter.name != "boundary" {
                #expect(parameters[parameter.name] == parameter.value, "\(path) \(parameter.name)")
            }
            guard case .multipart(let multipart) = parsed.content else {
                Issue.record("\(path): not parsed as a multipart")
                return
            }
            #expect(multipart.isClosed, "\(path) closed")
            #expect(multipart.parts.count == parts.count, "\(path) part count")
            if let preamble {
                let parsedPreamble = multipart.preambleRange.map { string(Array(parsed.source[$0])) }
                #expect(parsedPreamble == canonical(preamble), "\(path) preamble")
            }
            if let epilogue {
                let parsedEpilogue = multipart.epilogueRange.map { string(Array(parsed.source[$0])) } ?? ""
                #expect(parsedEpilogue == canonical(epilogue) || parsedEpilogue == "\r\n" + canonical(epilogue),
                        "\(path) epilogue")
            }
            for (index, (child, parsedChild)) in zip(parts, multipart.parts).enumerated() {
                check(child, parsedChild, "\(path).\(index + 1)")
            }
        case .message(let inner):
            #expect(type == "message/rfc822", "\(path) type")
            guard case .message(let message) = parsed.content else {
                Issue.record("\(path): not parsed as a message")
                return
            }
            check(inner, message.root, path + "/msg")
        }
    }

    func canonical(_ text: String) -> String {
        var result: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                result += [0x0D, 0x0A]
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else if bytes[index] == 0x0A {
                result += [0x0D, 0x0A]
            } else {
                result.append(bytes[index])
            }
            index += 1
        }
        return string(result)
    }

    /// RFC 5322 section 2.1.1: header lines longer than 78 characters only when they hold a
    /// single token that cannot be broken (with the field name, on a first line).
    func checkHeaderLineLengths(_ message: Message, _ path: String) {
        message.root.forEachPart { part in
            var unstructured = false
            for line in lines(Array(part.source[part.headerOffset..<part.headerEndOffset])) where !line.isEmpty {
                var rest = Array(line.utf8)
                if rest.first != 0x20, rest.first != 0x09, let colon = rest.firstIndex(of: UInt8(ascii: ":")) {
                    let name = String(decoding: rest[..<colon], as: UTF8.self).lowercased()
                    unstructured = ["subject", "chat-group-name", "content-description"].contains(name)
                    rest = Array(rest[(colon + 1)...])
                }
                guard line.utf8.count > 78 else { continue }
                let trimmed = Array(rest.drop { $0 == 0x20 || $0 == 0x09 })
                let tokens = unstructured
                    ? HeaderFolder.unstructuredTokens(trimmed) : HeaderFolder.structuredTokens(trimmed)
                #expect(tokens.count == 1, "\(path): header line of \(line.utf8.count) characters: \(line)")
            }
        }
    }

    @Test(arguments: [101, 202, 303, 404, 505, 606])
    func buildSerializeParseGivesTheSameMessage(seed: UInt64) throws {
        var maker = RandomMessageMaker(rng: SeededGenerator(seed: seed))
        for index in 0..<60 {
            let built = maker.message()
            var boundaries = RandomBoundaryGenerator(source: SeededGenerator(seed: seed &* 1000 &+ UInt64(index)))
            var ids = BuilderTestIDs()
            let bytes = try built.serialize(boundaries: &boundaries, messageIDs: &ids, now: { fixedDate })
            #expect(!hasBareLineBreak(bytes), "seed \(seed) message \(index): bare line break")
            if !built.allows8bit {
                #expect(bytes.allSatisfy { $0 < 0x80 }, "seed \(seed) message \(index): 8-bit octet without 8bit allowed")
            }
            for line in lines(bytes) { #expect(line.utf8.count <= 998, "seed \(seed) message \(index): line too long") }
            let parsed = Message.parse(bytes)
            checkHeaderLineLengths(parsed, "seed \(seed) message \(index)")
            check(built, parsed.root, "seed \(seed) message \(index)")
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
