import COI
import COIMicroformats
import Foundation
import MIMECodecs
import MIMECore
import Testing
import TestSupport

@Suite("Edit resolver")
struct EditResolverTests {
    static let original = MessageID(left: "chat$orig", right: "example.com")
    static func id(_ name: String) -> MessageID { MessageID(left: "chat$" + name, right: "example.com") }
    static func date(_ minute: Int) -> MessageDate { MessageDate(year: 2019, month: 12, day: 4, hour: 15, minute: minute, offsetMinutes: 0)! }

    @Test func onlyTheOriginalSenderMayEdit() {
        var resolver = EditResolver()
        resolver.addOriginal(Self.original, sender: "Me@Example.com")
        #expect(resolver.addChange(Self.id("evil"), sender: "mallory@example.com", date: Self.date(1),
                                   refersTo: Self.original, isDeletion: true) == .rejectedDifferentSender(root: Self.original))
        #expect(!resolver.isDeleted(Self.original))
        #expect(resolver.addChange(Self.id("e1"), sender: "\"me\"@example.com", date: Self.date(2),
                                   refersTo: Self.original, isDeletion: false) == .applied(root: Self.original))
        #expect(resolver.latest(of: Self.original)?.messageID == Self.id("e1"))
    }

    @Test func latestEditWinsAndChainsLeadToTheOriginal() {
        var resolver = EditResolver()
        resolver.addOriginal(Self.original, sender: "me@example.com")
        resolver.addChange(Self.id("e2"), sender: "me@example.com", date: Self.date(5), refersTo: Self.original, isDeletion: false)
        // An edit of the edit, dated earlier: placed under the original, not the latest.
        #expect(resolver.addChange(Self.id("e1"), sender: "me@example.com", date: Self.date(3), refersTo: Self.id("e2"),
                                   isDeletion: false) == .applied(root: Self.original))
        #expect(resolver.latest(of: Self.original)?.messageID == Self.id("e2"))
        #expect(resolver.history(of: Self.original).map(\.messageID) == [Self.id("e1"), Self.id("e2")])
        resolver.addChange(Self.id("d"), sender: "me@example.com", date: Self.date(9), refersTo: Self.id("e1"), isDeletion: true)
        #expect(resolver.isDeleted(Self.original))
        #expect(resolver.root(of: Self.id("d")) == Self.original)
    }

    @Test func equalDatesFallBackToArrivalOrder() {
        var resolver = EditResolver()
        resolver.addOriginal(Self.original, sender: "me@example.com")
        resolver.addChange(Self.id("a"), sender: "me@example.com", date: Self.date(1), refersTo: Self.original, isDeletion: false)
        resolver.addChange(Self.id("b"), sender: "me@example.com", date: Self.date(1), refersTo: Self.original, isDeletion: false)
        #expect(resolver.latest(of: Self.original)?.messageID == Self.id("b"))
    }

    @Test func changesBeforeTheirOriginalWaitForIt() {
        var resolver = EditResolver()
        #expect(resolver.addChange(Self.id("e1"), sender: "me@example.com", date: Self.date(1), refersTo: Self.original,
                                   isDeletion: false) == .pending)
        #expect(resolver.addChange(Self.id("e2"), sender: "me@example.com", date: Self.date(2), refersTo: Self.id("e1"),
                                   isDeletion: false) == .pending)
        #expect(resolver.latest(of: Self.original) == nil)
        #expect(resolver.addOriginal(Self.original, sender: "me@example.com") == [.applied(root: Self.original)])
        #expect(resolver.latest(of: Self.original)?.messageID == Self.id("e2"))
    }

    @Test func spellsOutTheSpecExampleChain() throws {
        var resolver = EditResolver()
        for name in ["09-message-with-typo", "10-edit-request", "11-delete-request"] {
            resolver.add(COIEvent(classifying: try Fixtures.bytes("coi-spec/\(name).eml")))
        }
        let original = try #require(MessageID("<chat$S2571BC.287888@sample.com>"))
        #expect(resolver.history(of: original).map(\.isDeletion) == [false, true])
        #expect(resolver.isDeleted(original))
    }
}

@Suite("Contact storage")
struct ContactStorageTests {
    typealias Record = ContactStorageMerger.Record

    static func record(_ fields: [(String, String)], minute: Int, uid: UInt32? = nil) -> Record {
        Record(fields: fields.map { Record.Field($0.0, $0.1) },
               date: MessageDate(year: 2019, month: 12, day: 4, hour: 17, minute: minute, offsetMinutes: 60), uid: uid)
    }

    @Test func duplicatesShareAHashTransitively() {
        let records = [
            Self.record([("COI-From-Hash", "a")], minute: 1),
            Self.record([("COI-From-Hash", "x")], minute: 2),
            Self.record([("COI-From-Hash", "a"), ("COI-From-Hash", "b")], minute: 3),
            Self.record([("COI-From-Hash", "b")], minute: 4),
        ]
        #expect(ContactStorageMerger.duplicateGroups(records) == [[0, 2, 3], [1]])
    }

    @Test func mergeRules() {
        let older = Self.record([("Subject", "Contact"), ("COI-From-Hash", "a"), ("COI-Blocked", "yes"),
                                 ("COI-TokenIn", "in-1"), ("COI-TokenIn", "expires=100;in-old"),
                                 ("COI-TokenOut", "hash=h1;created=10;v=old"), ("COI-TokenOut", "opaque")],
                                minute: 1)
        let newer = Self.record([("Subject", "John"), ("COI-From-Hash", "a"), ("COI-From-Hash", "b"),
                                 ("COI-TokenIn", "in-1"), ("COI-TokenIn", "in-2"),
                                 ("COI-TokenOut", "hash=h1;created=20;v=new"), ("COI-TokenOut", "hash=h2;created=5")],
                                minute: 2)
        let merged = ContactStorageMerger.merge([newer, older], now: 1000)
        #expect(merged.values("Subject") == ["John"])
        #expect(merged.values("COI-Blocked") == ["yes"])
        #expect(merged.hashes == ["a", "b"])
        #expect(merged.values("COI-TokenIn") == ["in-1", "in-2"])
        #expect(Set(merged.values("COI-TokenOut")) == ["opaque", "hash=h1;created=20;v=new", "hash=h2;created=5"])
        #expect(merged.date == newer.date)
        // Without a time, expired tokens are kept.
        #expect(ContactStorageMerger.merge([older, newer]).values("COI-TokenIn").contains("expires=100;in-old"))
    }

    @Test func equalDatesAreDecidedByUID() {
        let a = Self.record([("Subject", "A")], minute: 1, uid: 7)
        let b = Self.record([("Subject", "B")], minute: 1, uid: 3)
        #expect(ContactStorageMerger.merge([a, b]).values("Subject") == ["A"])
    }

    @Test func builtContactCarriesHashBlockedAndTokens() throws {
        let kind = try #require(BuiltKinds.all.first { $0.name == "contact" })
        let message = Message.parse(try kind.message.deterministicBytes())
        let record = Record(message: message, uid: 1)
        #expect(record.hashes == BuiltKinds.card.emails.map { COIFromHash.hash(address: $0) })
        #expect(record.values("COI-Blocked") == ["yes"])
        #expect(record.values("COI-TokenIn") == ["in-token-1"])
        #expect(record.values("COI-TokenOut") == ["hash=abc;created=1575470000"])
        #expect(message.to.isEmpty)
        #expect(record.values("Chat-Content") == ["contact"])
    }

    @Test func specContactExampleHashesAreTheAddresses() throws {
        let message = Message.parse(try Fixtures.bytes("coi-spec/14-contact-storage.eml"))
        let payload = COIPayload(message: message)
        let emails = payload.cards.flatMap(\.emails)
        #expect(emails == ["john.doe@coi-dev.org", "john.doe@example.com"])
        #expect(ContactStorageMerger.Record(message: message).hashes == emails.map { COIFromHash.hash(address: $0) })
        #expect(!COIEvent(classifying: message).findings.contains { $0.code == .coiContactHash })
    }
}

@Suite("Read receipts")
struct ReadReceiptTests {
    @Test func specReceipt() throws {
        let event = COIEvent(classifying: try Fixtures.bytes("coi-spec/13-read-receipt.eml"))
        #expect(event.kind == .readReceipt)
        let receipt = try #require(event.readReceipt)
        #expect(receipt.originalMessageID?.text == "chat$199509192301.23456@sample.com")
        #expect(receipt.disposition == "manual-action/MDN-sent-manually; displayed")
        #expect(receipt.finalRecipient == "you@recipientdomain.com")
        #expect(receipt.reportingUA == "joes-pc.cs.recipientdomain.com; Foomail 97.1")
        #expect(!receipt.includesOriginal)
    }

    @Test func builtReceiptHasAReadablePartAndNoOriginal() throws {
        let kind = try #require(BuiltKinds.all.first { $0.name == "read-receipt" })
        let message = Message.parse(try kind.message.deterministicBytes())
        #expect(message.root.contentType.subtype == "report")
        #expect(message.root.contentType.parameters["report-type"] == "disposition-notification")
        #expect(message.root.parts.map { $0.contentType.mimeType } == ["text/plain", "message/disposition-notification"])
        #expect(message.subject == "Chat: Read receipt")
        #expect(ReadReceipt(message: message)?.originalRecipient == "you@recipientdomain.com")
    }

    @Test func requestingReceiptsSetsDispositionNotificationToFrom() throws {
        let message = Message.parse(try BuiltKinds.chat("Request00000000000000001").text("x").deterministicBytes())
        #expect(message.addresses("Disposition-Notification-To") == message.from)
        var quiet = BuiltKinds.chat("Request00000000000000002")
        quiet.requestsReadReceipt = false
        #expect(Message.parse(try quiet.text("x").deterministicBytes()).headers.first(named: "Disposition-Notification-To") == nil)
    }

    @Test func receiptRequestDifferentFromSenderIsAFinding() throws {
        let event = COIEvent(classifying: try Fixtures.bytes("coi-spec/17-profile-request.eml"))
        #expect(event.findings.contains { $0.code == .coiReceiptAddressMismatch })
        let fine = COIEvent(classifying: try Fixtures.bytes("coi-spec/19-group-message.eml"))
        #expect(!fine.findings.contains { $0.code == .coiReceiptAddressMismatch })
    }
}

@Suite("Spec example findings")
struct SpecFindingTests {
    static func codes(_ name: String) throws -> Set<String> {
        Set(COIEvent(classifying: try Fixtures.bytes("coi-spec/\(name).eml")).findings.map(\.code.rawValue))
    }

    @Test func editExample() throws {
        let codes = try Self.codes("10-edit-request")
        #expect(codes.isSuperset(of: ["coi-chat-content-legacy", "coi-chat-content-trailing-semicolon",
                                      "coi-malformed-reference", "coi-date-weekday"]))
    }

    @Test func groupExamples() throws {
        #expect(try Self.codes("19-group-message").contains("coi-address-semicolons"))
        #expect(try Self.codes("22-group-left").contains("coi-address-semicolons"))
        // 12 characters, the spec's minimum: fine; 11 (Delta Chat's length) in a chat$ id: a finding.
        #expect(try !Self.codes("19-group-message").contains("coi-short-group-id"))
        let short = try Fixtures.bytes("coi-spec/19-group-message.eml").replacing(Array("4321dcba1234".utf8), with: Array("4321dcba123".utf8))
        #expect(Set(COIEvent(classifying: short).findings.map(\.code.rawValue)).contains("coi-short-group-id"))
    }

    @Test func pinnedExample() throws {
        let event = COIEvent(classifying: try Fixtures.bytes("coi-spec/25-pinned.eml"))
        #expect(event.findings.contains { $0.code == .coiUnquotedParameter })
        #expect(event.pinnedUntil?.day == 5)
    }

    @Test func fragmentsAreNotChatMessages() throws {
        let event = COIEvent(classifying: try Fixtures.bytes("coi-spec/07-editrequest-header-fragment.eml"))
        #expect(event.kind == .plainEmail)
        #expect(event.refersTo == nil)
        #expect(event.findings.isEmpty)
    }

    @Test func groupNameFromSubject() throws {
        let event = COIEvent(classifying: try Fixtures.bytes("coi-spec/21-group-info.eml"))
        #expect(event.groupName == "My Crew")
        #expect(COIPayload(message: Message.parse(try Fixtures.bytes("coi-spec/21-group-info.eml"))).html != nil)
    }
}

@Suite("Delta Chat")
struct DeltaChatTests {
    @Test func headersAreOffByDefault() throws {
        let text = String(decoding: try BuiltKinds.groupChat("Delta000000000000000001").text("x").deterministicBytes(), as: UTF8.self)
        #expect(!text.contains("Chat-Group-ID"))
    }

    @Test func optionEmitsGroupEditDeleteReceiptAndLeaveHeaders() throws {
        var builder = BuiltKinds.groupChat("Delta000000000000000002")
        builder.options.emitsDeltaChatHeaders = true
        builder.requestsReadReceipt = true
        let text = Message.parse(try builder.text("x").deterministicBytes())
        #expect(text.headers.first(named: "Chat-Group-ID")?.value == BuiltKinds.group.rawValue)
        #expect(text.headers.first(named: "Chat-Group-Name")?.value == "My Crew")
        #expect(text.headers.first(named: "Chat-Disposition-Notification-To") != nil)
        let edit = Message.parse(try builder.edit(BuiltKinds.original, newText: "y").deterministicBytes())
        #expect(edit.messageIDs("Chat-Edit") == [BuiltKinds.original])
        let delete = Message.parse(try builder.delete(BuiltKinds.original).deterministicBytes())
        #expect(delete.messageIDs("Chat-Delete") == [BuiltKinds.original])
        let left = Message.parse(try builder.groupLeft("bye", remaining: [.mailbox(BuiltKinds.alice)]).deterministicBytes())
        #expect(left.headers.first(named: "Chat-Group-Member-Removed")?.value == "me@example.com")
        let event = COIEvent(classifying: left)
        #expect(event.kind == .groupLeft)
        #expect(event.detection.detectedBy.contains(.chatGroupID))
    }

    @Test func memberChanges() throws {
        let added = COIEvent(classifying: try Fixtures.bytes("deltachat/05-group-member-added.eml"))
        #expect(added.kind == .groupInfo)
        #expect(!added.membersAdded.isEmpty)
        let left = COIEvent(classifying: try Fixtures.bytes("deltachat/07-group-left.eml"))
        #expect(left.kind == .groupLeft)
        let renamed = COIEvent(classifying: try Fixtures.bytes("deltachat/08-group-name-changed.eml"))
        #expect(renamed.groupName == "Café Crew")
    }

    @Test func hiddenHeadersAndReactions() throws {
        let edit = COIEvent(classifying: try Fixtures.bytes("deltachat/09-edit-hidden-header.eml"))
        #expect(edit.kind == .edit)
        #expect(edit.findings.contains { $0.code == .coiHiddenHeaders })
        let reaction = COIEvent(classifying: try Fixtures.bytes("deltachat/11-reaction.eml"))
        #expect(reaction.kind == .reaction)
        #expect(reaction.reaction?.isEmpty == false)
    }
}

@Suite("Groups")
struct GroupBuildingTests {
    @Test func oneToOneBecomesAGroup() throws {
        let reply = Message.parse("""
            From: Alice <alice@example.com>
            To: Me <me@example.com>, bob@example.com
            Cc: carol@example.com, ME@example.com
            Subject: Re: AW: Weekend plans
            Message-ID: <abc@example.com>
            References: <chat$one.two@example.com>

            count me in
            """.crlf)
        let group = GroupID(rawValue: "NewGroupId123456")!
        let builder = COIMessageBuilder(from: BuiltKinds.me, date: BuiltKinds.date).startingGroup(from: reply, id: group)
        #expect(builder.groupName == "Weekend plans")
        #expect(builder.to.mailboxes.map(\.addrSpec) == ["alice@example.com", "bob@example.com", "carol@example.com"])
        #expect(builder.references.isEmpty)
        let message = Message.parse(try builder.groupInfo("Welcome", group: HGroup()).deterministicBytes())
        let event = COIEvent(classifying: message)
        #expect(event.kind == .groupInfo)
        #expect(event.groupID == group)
        #expect(event.groupName == "Weekend plans")
        #expect(COIPayload(message: message).groups.first?.id == group.rawValue)
    }

    @Test func generatedGroupIDsAreEmittable() {
        let builder = COIMessageBuilder(from: BuiltKinds.me).startingGroup(named: "x", members: [])
        #expect(builder.group?.isEmittable == true)
    }

    @Test func replyFromAnOrdinaryClientFindsTheGroupInReferences() throws {
        let event = COIEvent(classifying: try Fixtures.bytes("deltachat/04-reply-from-ordinary-mua.eml"))
        #expect(event.detection.detectedBy.contains(.references))
        #expect(event.groupID != nil)
        #expect(event.kind == .text)
    }
}

@Suite("Robustness")
struct RobustnessTests {
    /// Random and mutated input: classification and payload reading finish without trapping.
    @Test func arbitraryBytesNeverTrap() throws {
        var source = SeededGenerator(seed: 42)
        var seeds = try BuiltKinds.all.map { try $0.message.deterministicBytes() }
        seeds += try Fixtures.files(in: "coi-spec", suffix: ".eml").map(Fixtures.bytes)
        var kinds: Set<String> = []
        for round in 0..<600 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<Int.random(in: 1...8, using: &source) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &source)
                switch Int.random(in: 0..<3, using: &source) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &source)
                case 1: bytes.remove(at: index)
                default: bytes.insert(contentsOf: [0x3B, 0x0D, 0x0A, 0x2D, 0x2D], at: index)
                }
            }
            let event = COIEvent(classifying: bytes)
            kinds.insert(event.kind.rawValue)
            _ = COIPayload(message: Message.parse(bytes))
        }
        #expect(kinds.count > 5)
        let garbage = (0..<2000).map { _ in UInt8.random(in: 0...255, using: &source) }
        #expect(COIEvent(classifying: garbage).kind == .plainEmail)
        #expect(COIEvent(classifying: []).kind == .plainEmail)
    }
}

@Suite("Payload limits")
struct PayloadLimitTests {
    /// The payload reads the first 10,000 parts of a message (the multipart counts as one), in
    /// order, however many follow.
    @Test func partsPastTheVisitLimitAreNotRead() {
        var text = "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
        for index in 0..<10_050 { text += "--b\r\nContent-Type: image/png\r\n\r\n\(index)\r\n" }
        text += "--b--\r\n"
        let payload = COIPayload(message: Message.parse(Array(text.utf8)))
        #expect(payload.attachments.count == 9_999)
        #expect(payload.attachments.first?.bytes == Array("0".utf8))
        #expect(payload.attachments.last?.bytes == Array("9998".utf8))
    }

    /// Parts without header fields are text/plain (RFC 2045 section 5.2); the first one is the
    /// message's text, also inside a nested multipart.
    @Test func headerlessPartsAreReadAsText() {
        let text = "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\n\r\nfirst\r\n--c--\r\n"
            + "--b\r\n\r\nsecond\r\n--b--\r\n"
        let payload = COIPayload(message: Message.parse(Array(text.utf8)))
        #expect(payload.text == "first")
        #expect(payload.attachments.isEmpty)
    }
}
