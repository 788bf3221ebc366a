import COI
import COIServer
import MIMECore
import Testing

@Suite struct COIDeliveryFilterTests {
    static let chat = Message.parse("From: a@example.org\r\nChat-Version: 1.0\r\nMessage-ID: <chat$1234@example.org>\r\n\r\nhi")
    static let reply = Message.parse("From: b@example.net\r\nMessage-ID: <x@mua.example>\r\nReferences: <chat$1234@example.org> <y@z>\r\n\r\nre")
    static let laterReference = Message.parse("From: b@example.net\r\nReferences: <y@z> <chat$1234@example.org>\r\n\r\nre")
    static let mail = Message.parse("From: c@example.com\r\nMessage-ID: <abc@example.com>\r\n\r\nhello")

    static func filter(_ mode: MessageFilter, enabled: Bool = true) -> COIDeliveryFilter {
        COIDeliveryFilter(configuration: COIConfiguration(isEnabled: enabled, messageFilter: mode))
    }

    @Test func detectionFollowsTheSpecsThreeRules() {
        let filter = COIDeliveryFilterTests.filter(.active)
        #expect(filter.decide(message: COIDeliveryFilterTests.chat).detection.detectedBy == [.chatVersion, .messageID])
        #expect(filter.decide(message: COIDeliveryFilterTests.reply).detection.detectedBy == [.references])
        #expect(!filter.decide(message: COIDeliveryFilterTests.laterReference).isChat)
        #expect(!filter.decide(message: COIDeliveryFilterTests.mail).isChat)
    }

    @Test(arguments: [
        (MessageFilter.none, "INBOX", false),
        (.active, "COI/Chats", false),
        (.seen, "INBOX", true),
    ])
    func chatMessagesByMode(mode: MessageFilter, mailbox: String, movesWhenSeen: Bool) {
        let decision = COIDeliveryFilterTests.filter(mode).decide(message: COIDeliveryFilterTests.chat)
        #expect(decision.addsChatKeyword)
        #expect(decision.mailbox == mailbox)
        #expect(decision.movesWhenSeen == movesWhenSeen)
        let mail = COIDeliveryFilterTests.filter(mode).decide(message: COIDeliveryFilterTests.mail)
        #expect(!mail.addsChatKeyword)
        #expect(mail.mailbox == "INBOX")
        #expect(!mail.movesWhenSeen)
    }

    @Test func seenMode() {
        let filter = COIDeliveryFilterTests.filter(.seen)
        #expect(filter.decide(message: COIDeliveryFilterTests.reply, flags: ["\\Seen"]).mailbox == "COI/Chats")
        #expect(filter.mailboxAfterSeen(in: "INBOX", keywords: ["$Chat"]) == "COI/Chats")
        #expect(filter.mailboxAfterSeen(in: "inbox", keywords: ["$chat"]) == "COI/Chats")
        #expect(filter.mailboxAfterSeen(in: "INBOX", keywords: []) == nil)
        #expect(filter.mailboxAfterSeen(in: "Archive", keywords: ["$Chat"]) == nil)
        #expect(COIDeliveryFilterTests.filter(.active).mailboxAfterSeen(in: "INBOX", keywords: ["$Chat"]) == nil)
    }

    @Test func disabledCOIStopsFilteringButMayKeepTheKeyword() {
        let disabled = COIDeliveryFilterTests.filter(.active, enabled: false)
        let decision = disabled.decide(message: COIDeliveryFilterTests.chat)
        #expect(decision.mailbox == "INBOX")
        #expect(decision.addsChatKeyword)
        var strict = disabled
        strict.marksChatsWhileDisabled = false
        #expect(!strict.decide(message: COIDeliveryFilterTests.chat).addsChatKeyword)
    }

    @Test func onlyInboxDeliveriesAreFiltered() {
        let decision = COIDeliveryFilterTests.filter(.active).decide(message: COIDeliveryFilterTests.chat, mailbox: "Lists/coi")
        #expect(decision.mailbox == "Lists/coi")
        #expect(decision.addsChatKeyword)
        #expect(COIDeliveryFilterTests.filter(.active).decide(message: COIDeliveryFilterTests.chat, mailbox: "Inbox").mailbox == "COI/Chats")
    }

    @Test func customRoot() {
        let filter = COIDeliveryFilter(configuration: COIConfiguration(isEnabled: true, mailboxRoot: "INBOX.COI", messageFilter: .active, delimiter: "."))
        #expect(filter.decide(message: COIDeliveryFilterTests.chat).mailbox == "INBOX.COI.Chats")
    }
}

@Suite struct ClientMoveRulesTests {
    static let rules = ClientMoveRules(myAddresses: ["Me@Example.org", "alias@example.net"], movesChatsToChats: true)
    static let keepInInbox = ClientMoveRules(myAddresses: ["me@example.org"], movesChatsToChats: false)

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var from: String
        var to: [String]
        var isChat: Bool
        var moving: ClientMoveRules.Decision
        var notMoving: ClientMoveRules.Decision
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "my chat to others", from: "me@example.org", to: ["bob@x.org"], isChat: true,
             moving: .init(marksAsRead: true, destination: .chats), notMoving: .init(marksAsRead: true, destination: .sent)),
        Case(name: "my mail to others", from: "ME@example.org", to: ["bob@x.org"], isChat: false,
             moving: .init(marksAsRead: true, destination: .sent), notMoving: .init(marksAsRead: true, destination: .sent)),
        // keepInInbox does not know the alias, so there the message is an ordinary incoming one.
        Case(name: "alias chat to me and others", from: "alias@example.net", to: ["me@example.org", "bob@x.org"], isChat: true,
             moving: .init(marksAsRead: true, destination: .chats), notMoving: .init(marksAsRead: false, destination: nil)),
        Case(name: "my chat to myself", from: "me@example.org", to: ["me@example.org"], isChat: true,
             moving: .init(marksAsRead: false, destination: .chats), notMoving: .init(marksAsRead: false, destination: nil)),
        Case(name: "incoming chat", from: "bob@x.org", to: ["me@example.org"], isChat: true,
             moving: .init(marksAsRead: false, destination: .chats), notMoving: .init(marksAsRead: false, destination: nil)),
        Case(name: "incoming mail", from: "bob@x.org", to: ["me@example.org"], isChat: false,
             moving: .init(marksAsRead: false, destination: nil), notMoving: .init(marksAsRead: false, destination: nil)),
        Case(name: "my Bcc-only message", from: "me@example.org", to: [], isChat: false,
             moving: .init(marksAsRead: true, destination: .sent), notMoving: .init(marksAsRead: true, destination: .sent)),
    ]

    @Test(arguments: cases)
    func pseudoCode(_ input: Case) {
        #expect(ClientMoveRulesTests.rules.decide(from: input.from, recipients: input.to, isChat: input.isChat) == input.moving)
        #expect(ClientMoveRulesTests.keepInInbox.decide(from: input.from, recipients: input.to, isChat: input.isChat) == input.notMoving)
    }

    @Test func fromAParsedMessage() {
        let message = Message.parse("From: Me <me@example.org>\r\nTo: bob@x.org\r\nCc: me@example.org\r\nChat-Version: 1.0\r\n\r\nhi")
        #expect(ClientMoveRulesTests.rules.decide(message: message) == .init(marksAsRead: true, destination: .chats))
    }
}
