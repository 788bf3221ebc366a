import MIMECore
import Testing

private func crlf(_ lines: String...) -> [UInt8] {
    Array(lines.joined(separator: "\r\n").utf8)
}

@Suite("Message fields and decoded values")
struct MessageFieldTests {
    static let message = crlf(
        "From: =?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>",
        "To: A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;, Mary <mary@x.test>",
        "Cc: undisclosed-recipients:;",
        "Subject: =?utf-8?q?caf=C3=A9?= =?utf-8?b?IOKYlQ==?= and",
        " more",
        "Date: Fri, 21 Nov 1997 09:55:06 -0600",
        "Message-ID: <1234@local.machine.example>",
        "In-Reply-To: <3456@example.net>",
        "References: <1@a> <2@b>",
        "MIME-Version: 1.0",
        "",
        "body")

    @Test func typedAccessors() throws {
        let message = Message.parse(Self.message)
        #expect(message.subject == "café ☕ and more")
        #expect(message.from.mailboxes.map(\.displayName) == ["Keld Jørn Simonsen"])
        #expect(message.from.mailboxes.map(\.addrSpec) == ["keld@dkuug.dk"])
        #expect(message.to.mailboxes.map(\.addrSpec) == ["c@a.test", "joe@where.test", "jdoe@one.test", "mary@x.test"])
        #expect(message.cc.count == 1 && message.cc.mailboxes.isEmpty)
        let date = try #require(message.date)
        #expect(date.rfc3339 == "1997-11-21T09:55:06-06:00")
        #expect(message.messageID?.text == "1234@local.machine.example")
        #expect(message.inReplyTo.map(\.text) == ["3456@example.net"])
        #expect(message.references.map(\.text) == ["1@a", "2@b"])
        #expect(message.mimeVersion == .v1_0)
        #expect(message.allDiagnostics().isEmpty)
    }

    @Test func rawEightBitHeaderFallsBackWithADiagnostic() {
        var bytes = Array("Subject: caf".utf8) + [0xE9] + Array("\r\n\r\n".utf8)
        bytes += Array("x".utf8)
        let message = Message.parse(bytes)
        #expect(message.subject == "café")
        let codes = message.allDiagnostics().map(\.code)
        #expect(codes == [.headerTextNotUTF8])
    }

    @Test func utf8HeadersAreRFC6532() {
        let message = Message.parse("Subject: Grüße\r\nFrom: Jörg <jörg@bücher.example>\r\n\r\n")
        #expect(message.subject == "Grüße")
        #expect(message.from.mailboxes.first?.addrSpec == "jörg@bücher.example")
        #expect(message.allDiagnostics().isEmpty)
    }

    @Test func fieldDiagnosticsCarryMessageOffsets() throws {
        let bytes = crlf("Subject: ok", "Date: Mon, 1 Nov 2022 10:00:00 +0000", "", "")
        let message = Message.parse(bytes)
        let diagnostic = try #require(message.allDiagnostics().first)
        #expect(diagnostic.code == .dateWeekdayMismatch)
        // The offset points into the Date field, not to the start of its value.
        let dateField = try #require(message.headers.first(named: "date")?.range)
        #expect(dateField.contains(diagnostic.offset))
    }

    @Test func replacingAFieldRendersItEncodedAndFolded() throws {
        var message = Message.parse(Self.message)
        message.headers.replace(with: try HeaderField(name: "Subject", text: "Grüße aus Köln, " + String(repeating: "lange Zeile ", count: 8)))
        let reparsed = Message.parse(message.serialize())
        // The trailing space is significant and survives encoding.
        #expect(reparsed.subject == "Grüße aus Köln, " + String(repeating: "lange Zeile ", count: 8))
        let subject = try #require(reparsed.headers.first(named: "subject"))
        #expect(subject.rawBytes.allSatisfy { $0 < 0x80 })
        #expect(reparsed.headers.map(\.name) == Message.parse(Self.message).headers.map(\.name))
        // Everything else is byte for byte the same.
        #expect(reparsed.root.rawBody == Message.parse(Self.message).root.rawBody)
    }
}

@Suite("Parts: content headers and decoded bodies")
struct PartBodyTests {
    static let mixed = crlf(
        "Content-Type: multipart/mixed; boundary=xyz",
        "",
        "--xyz",
        "Content-Type: text/plain; charset=iso-8859-1",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "Gr=FC=DFe, soft=",
        " break =ZZ end",
        "--xyz",
        "Content-Type: application/octet-stream; name=\"old.bin\"",
        "Content-Disposition: attachment; filename*=UTF-8''na%C3%AFve.bin",
        "Content-Transfer-Encoding: base64",
        "",
        "AAEC",
        "A#w==",
        "--xyz",
        "Content-Type: text/plain; charset=x-no-such-charset",
        "",
        "caf\u{E9}",
        "--xyz--",
        "")

    @Test func quotedPrintableTextInLatin1() throws {
        let message = Message.parse(Self.mixed)
        let part = message.root.parts[0]
        #expect(part.contentType.mimeType == "text/plain")
        #expect(part.transferEncoding == .quotedPrintable)
        let text = try #require(part.text())
        #expect(text.text == "Grüße, soft break =ZZ end")
        #expect(text.diagnostics.map(\.code) == [.qpInvalidEscape])
        let offset = try #require(text.diagnostics.first?.offset)
        #expect(Self.mixed[offset] == UInt8(ascii: "="))
    }

    @Test func base64AttachmentWithAFileNameAndABadByte() throws {
        let part = Message.parse(Self.mixed).root.parts[1]
        #expect(part.filename == "naïve.bin")
        #expect(part.isAttachment)
        let body = part.decodedBody()
        #expect(body.bytes == [0, 1, 2, 3])
        let bad = try #require(body.diagnostics.first { $0.code == .base64InvalidByte })
        #expect(Self.mixed[bad.offset] == UInt8(ascii: "#"))
        #expect(part.text() == nil)
    }

    @Test func decodingIntoASinkGivesTheSameBytes() {
        let part = Message.parse(Self.mixed).root.parts[1]
        var collected: [UInt8] = []
        part.decodeBody { collected += $0 }
        #expect(collected == part.decodedBody().bytes)
    }

    @Test func unknownCharsetFallsBack() throws {
        let part = Message.parse(Self.mixed).root.parts[2]
        let text = try #require(part.text())
        #expect(text.text == "café")
        #expect(text.charset == .utf8)
        #expect(text.diagnostics.map(\.code) == [.unknownCharset])
    }

    @Test func defaultsApply() {
        let message = Message.parse(crlf("Content-Type: multipart/digest; boundary=d", "", "--d", "", "Subject: x", "", "y", "--d--"))
        #expect(message.root.parts[0].contentType.mimeType == "message/rfc822")
        let plain = Message.parse("Subject: x\r\n\r\nhello")
        #expect(plain.root.contentType.mimeType == "text/plain")
        #expect(plain.root.contentType.effectiveCharset == "us-ascii")
        #expect(plain.root.text()?.text == "hello")
    }

    @Test func formatFlowedIsUnwrappedOnRequest() {
        let message = Message.parse(crlf("Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes", "", "Hello wo ", "rld", ""))
        #expect(message.root.text()?.text == "Hello wo \r\nrld\r\n")
        #expect(message.root.text(unwrapFlowed: true)?.text.hasPrefix("Hello world") == true)
    }

    @Test func allDiagnosticsAreSortedAndComplete() {
        let diagnostics = Message.parse(Self.mixed).allDiagnostics()
        #expect(diagnostics.map(\.offset) == diagnostics.map(\.offset).sorted())
        let codes = Set(diagnostics.map(\.code))
        #expect(codes.isSuperset(of: [.qpInvalidEscape, .base64InvalidByte, .unknownCharset]))
    }
}
