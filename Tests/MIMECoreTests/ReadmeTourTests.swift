import MIMECore
import Testing

/// The README's tour, compiled and run, so that it cannot drift from the API.
@Suite("README tour")
struct ReadmeTourTests {
    @Test func tourRunsAsWritten() throws {
        let jpegBytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0x42, count: 200)
        var builder = MessageBuilder(
            from: [Mailbox(displayName: "Jörg", localPart: "joerg", domain: "example.org")],
            to: [.mailbox(Mailbox(localPart: "ana", domain: "example.net"))],
            subject: "Fotos vom Wochenende",
            body: .multipart("mixed", [
                .text("Hier sind sie.", format: .flowed),
                .binary(jpegBytes, type: ContentType(type: "image", subtype: "jpeg"), filename: "strand.jpg"),
            ]))
        builder.extraFields.append(.text("Chat-Version", "1.0"))
        let bytes = try builder.serialize()

        let message = Message.parse(bytes)
        #expect(message.subject == "Fotos vom Wochenende")
        #expect(message.from.mailboxes.map(\.displayName) == ["Jörg"])
        #expect(message.headers.first(named: "chat-version")?.value == "1.0")
        var texts: [String] = []
        var attachments: [(String, Int)] = []
        message.root.forEachPart { part in
            if let text = part.text() {
                texts.append(text.text)
            } else if part.isAttachment {
                attachments.append((part.filename ?? "unnamed", part.decodedBody().bytes.count))
            }
        }
        #expect(texts.map { $0.trimmingSuffix() } == ["Hier sind sie."])
        #expect(attachments.map(\.0) == ["strand.jpg"])
        #expect(attachments.map(\.1) == [jpegBytes.count])
        #expect(message.allDiagnostics().isEmpty)

        var edited = message
        edited.headers.replace(with: try HeaderField(name: "Subject", text: "Grüße aus Köln"))
        let output = edited.serialize()
        #expect(Message.parse(output).subject == "Grüße aus Köln")
        #expect(output.count != bytes.count)
    }
}

private extension String {
    func trimmingSuffix() -> String {
        var text = Substring(self)
        while let last = text.last, last == "\r\n" || last == "\n" || last == " " { text = text.dropLast() }
        return String(text)
    }
}
