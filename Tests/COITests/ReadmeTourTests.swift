import COI
import MIMECore
import Testing

/// The README's "Chat messages (COI)" example, compiled and run.
@Suite("README chat tour")
struct COIReadmeTourTests {
    @Test func tourRunsAsWritten() throws {
        var chat = COIMessageBuilder(from: Mailbox(displayName: "Me", localPart: "me", domain: "example.com"),
                                     to: [.mailbox(Mailbox(localPart: "you", domain: "example.org"))])
        chat.requestsReadReceipt = true
        let bytes = try chat.text("Hello COI world!").serialize()

        let event = COIEvent(classifying: Message.parse(bytes))
        #expect(event.kind == .text)
        #expect(event.groupID == nil)
        #expect(event.refersTo == nil)
        #expect(event.findings.filter { $0.severity >= .warning }.isEmpty)
        #expect(event.detection.detectedBy == [.chatVersion, .messageID])
        #expect(event.requestsReadReceipt)
        let id = try #require(event.messageID.flatMap(COIMessageID.init))
        #expect(id.prefix == .chat && id.domain == "example.com")
    }
}
