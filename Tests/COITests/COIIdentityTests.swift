import Foundation
import COI
import MIMECore
import Testing
import TestSupport


@Suite("COI-From-Hash")
struct COIFromHashTests {
    /// The spec's contact storage example gives these two hashes for the contact's addresses;
    /// the others were computed with an independent SHA3-256 (Python's hashlib).
    @Test(arguments: [
        ("john.doe@coi-dev.org", "74b3c446c189580045a942b90b7461128bc334b3b67e9f63c0c06189248c9bb0"),
        ("john.doe@example.com", "834d1654133366cef4d81e81a7099f413b1b85b9fc9dd62140491303dec56532"),
        ("alice@example.com", "18cfe3debfc85e80d4a66a8be182342e13d3d23b8b65573783f9094fb084770b"),
        ("me@example.com", "020dd0b5fdc2bf09033e5ec8ce84ad5ad2dcee242f196077e1c9c355d521570c"),
    ])
    func specVectors(address: String, expected: String) {
        #expect(COIFromHash.hash(address: address) == expected)
        #expect(COIFromHash.isWellFormed(expected))
    }

    @Test(arguments: [
        "John.Doe@COI-dev.org", " <john.doe@coi-dev.org> ", "\"john.doe\"@coi-dev.org", "JOHN.DOE@COI-DEV.ORG",
    ])
    func normalizationRemovesQuotesCaseAndBrackets(spelling: String) {
        #expect(COIFromHash.normalize(address: spelling) == "john.doe@coi-dev.org")
        #expect(COIFromHash.hash(address: spelling)
                == "74b3c446c189580045a942b90b7461128bc334b3b67e9f63c0c06189248c9bb0")
    }

    @Test func unicodeAddressesAreLowercasedAsUTF8() {
        #expect(COIFromHash.normalize(address: "JÖRG@Bücher.example") == "jörg@bücher.example")
        #expect(COIFromHash.hash(address: "JÖRG@Bücher.example") == COIFromHash.hash(address: "jörg@bücher.example"))
    }

    @Test func mailboxHashIgnoresDisplayName() throws {
        let mailbox = try #require(Mailbox("John Doe <John.Doe@example.com>"))
        #expect(COIFromHash.hash(mailbox: mailbox)
                == "834d1654133366cef4d81e81a7099f413b1b85b9fc9dd62140491303dec56532")
    }

    @Test(arguments: ["", "ABCDEF", String(repeating: "a", count: 63), String(repeating: "A", count: 64),
                      String(repeating: "g", count: 64), String(repeating: "a", count: 65)])
    func malformedHashesAreRejected(value: String) {
        #expect(!COIFromHash.isWellFormed(value))
    }
}

@Suite("Group ids")
struct GroupIDTests {
    @Test(arguments: ["4321dcba1234", "5422989123KJKK", "abc-DEF_123", String(repeating: "x", count: 128)])
    func acceptsElevenToOneHundredTwentyEight(value: String) {
        #expect(GroupID(rawValue: value)?.rawValue == value)
    }

    @Test(arguments: ["", "short", "0123456789", String(repeating: "x", count: 129), "has.dot12345", "has space12",
                      "umlaut-äöü-1234"])
    func rejectsOtherForms(value: String) {
        #expect(GroupID(rawValue: value) == nil)
    }

    @Test func generatedIdsHaveEmittableLengthAndAlphabet() {
        var source = SeededGenerator(seed: 7)
        for length in [0, 16, 24, 32, 100] {
            let id = GroupID.generate(length: length, using: &source)
            #expect(id.isEmittable)
            #expect(GroupID.emittedLengths.contains(id.rawValue.count))
            #expect(GroupID(rawValue: id.rawValue) == id)
        }
        #expect(GroupID.generate() != GroupID.generate())
        #expect(GroupID(rawValue: "4321dcba1234")?.isEmittable == false)
    }
}

@Suite("Chat message-ids")
struct COIMessageIDTests {
    @Test func plainChatID() throws {
        let id = try #require(COIMessageID("<chat$S2571BC.2878&8@sample.com>"))
        #expect(id.prefix == .chat)
        #expect(id.groupID == nil)
        #expect(id.unique == "S2571BC.2878&8")
        #expect(id.domain == "sample.com")
        #expect(id.description == "<chat$S2571BC.2878&8@sample.com>")
    }

    @Test func groupChatID() throws {
        let id = try #require(COIMessageID("<chat$group.4321dcba1234.ABSKDJK23223.293892839@example.com>"))
        #expect(id.groupID?.rawValue == "4321dcba1234")
        #expect(id.unique == "ABSKDJK23223.293892839")
        #expect(id.messageID.text == "chat$group.4321dcba1234.ABSKDJK23223.293892839@example.com")
    }

    @Test func legacyCoiPrefix() throws {
        let id = try #require(COIMessageID("coi$group.1234abcd4321.XY@example.com"))
        #expect(id.prefix == .coi)
        #expect(id.prefix.isLegacy)
        #expect(id.groupID?.rawValue == "1234abcd4321")
    }

    @Test func deltaChatIDs() throws {
        let group = try #require(COIMessageID("<Gr.abcdefghijk.lmnopqrstuv@delta.example>"))
        #expect(group.prefix == .deltaGroup)
        #expect(group.groupID?.rawValue == "abcdefghijk")
        #expect(group.unique == "lmnopqrstuv")
        #expect(group.messageID.text == "Gr.abcdefghijk.lmnopqrstuv@delta.example")
        let single = try #require(COIMessageID("<Mr.AbCdEf12345.XyZ98765432@delta.example>"))
        #expect(single.prefix == .deltaMessage)
        #expect(single.groupID == nil)
        #expect(single.messageID.text == "Mr.AbCdEf12345.XyZ98765432@delta.example")
    }

    @Test func malformedGroupPartStaysAChatID() throws {
        let id = try #require(COIMessageID("<chat$group.abc.XYZ@example.com>"))
        #expect(id.groupID == nil)
        #expect(id.hasMalformedGroupPart)
    }

    @Test(arguments: ["<abc@example.com>", "<chat$@example.com>", "<chat$abc>", "<Gr.short.x@example.com>",
                      "<Mr.@example.com>", "<gr.abcdefghijk.x@example.com>"])
    func notChatIDs(text: String) {
        #expect(COIMessageID(text) == nil)
    }

    @Test func generatedIDsUseChatPrefixAndParseBack() throws {
        var source = SeededGenerator(seed: 1)
        let group = GroupID.generate(using: &source)
        let id = COIMessageID.generate(domain: "example.org", groupID: group, using: &source)
        #expect(id.prefix == .chat)
        #expect(id.unique.count == 24)
        #expect(id.unique.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) })
        let parsed = try #require(COIMessageID(id.messageID))
        #expect(parsed == id)
        #expect(COIMessageID.generate(domain: "a.example") != COIMessageID.generate(domain: "a.example"))
    }
}

@Suite("Detection")
struct COIDetectionTests {
    static func fields(_ text: String) -> HeaderFields {
        Message.parse(text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n\r\nbody\r\n").headers
    }

    @Test(arguments: [
        ("Chat-Version: 1.0\nMessage-ID: <chat$a.b@x.example>\nReferences: <chat$c@x.example>",
         ["chat-version", "message-id", "references"]),
        ("Message-ID: <coi$a.b@x.example>", ["message-id"]),
        ("Message-ID: <abc@x.example>\nReferences: <chat$group.4321dcba1234.c@x.example> <d@x.example>", ["references"]),
        ("Message-ID: <abc@x.example>\nReferences: <d@x.example> <chat$c@x.example>", []),
        ("Message-ID: <Gr.abcdefghijk.lmn@x.example>", ["message-id"]),
        ("Message-ID: <abc@x.example>\nChat-Group-ID: abcdefghijk", ["chat-group-id"]),
        ("Message-ID: <abc@x.example>\nChat-Group-ID: bad", []),
        ("Message-ID: <abc@x.example>\nSubject: chat$", []),
    ])
    func rules(headers: String, expected: [String]) {
        let detection = COIDetection(fields: Self.fields(headers))
        #expect(detection.detectedBy.map(\.rawValue) == expected)
        #expect(detection.isChat == !expected.isEmpty)
    }

    /// Detection skips parsing message-ids that cannot hold a chat id: the quoted, escaped,
    /// commented and case-varied forms below must be detected exactly as a full parse detects them.
    @Test(arguments: [
        "<chat$a@x.example>", "<CHAT$a@x.example>", "<coi$a@x.example>", "<\"chat$a\"@x.example>",
        "<\"ch\\at$a\"@x.example>", "<\"G\\r.abcdefghijk.x\"@x.example>", "<Gr.abcdefghijk.x@x.example>",
        "<Mr.x@x.example>", "(c) <Mr.x@x.example>", "<mr.x@x.example>", "<abc@x.example>", "<a.b@c.d>",
        "<chat@x.example>", "<Gr@x.example>", "x$y", "<$@x>",
    ])
    func quickCheckAgreesWithTheParser(id: String) {
        let fields = Self.fields("Message-ID: \(id)\nReferences: \(id)")
        let detection = COIDetection(fields: fields)
        var ignored: [Diagnostic] = []
        let value = Array(" \(id)".utf8)[...]
        let parsed = MessageID.parse(value, diagnostics: &ignored).flatMap(COIMessageID.init)
        let referenced = MessageID.parseList(value, maximumCount: 1, diagnostics: &ignored).first.flatMap(COIMessageID.init)
        #expect(detection.detectedBy.contains(.messageID) == (parsed != nil), "\(id)")
        #expect(detection.detectedBy.contains(.references) == (referenced != nil), "\(id)")
    }

    @Test func messageAndFieldEntryPointsAgree() {
        let message = Message.parse("Chat-Version: 1.0\r\nMessage-ID: <chat$x@y.example>\r\n\r\nhi\r\n")
        #expect(COIDetection(message: message) == COIDetection(fields: message.headers))
    }

    @Test(arguments: [
        ("Message-ID: <chat$group.4321dcba1234.S2571BC@sample.com>", "4321dcba1234"),
        ("Message-ID: <abc@x.example>\nReferences: <chat$group.5422989123KJKK.434571BC@sample.com>\n <chat$x@y>",
         "5422989123KJKK"),
        ("Message-ID: <abc@x.example>\nChat-Group-ID: abcdefghijk\nReferences: <chat$group.5422989123KJKK.4@s.com>",
         "abcdefghijk"),
        ("Message-ID: <Gr.abcdefghijk.lmn@x.example>", "abcdefghijk"),
    ])
    func groupFromHeaders(headers: String, expected: String) {
        #expect(GroupID(fields: Self.fields(headers))?.rawValue == expected)
    }

    @Test func noGroup() {
        #expect(GroupID(fields: Self.fields("Message-ID: <chat$x@y.example>\nReferences: <chat$z@y.example>")) == nil)
    }
}

@Suite("Subject normalization")
struct SubjectNormalizerTests {
    @Test(arguments: [
        ("My Crew", "My Crew"),
        ("Re: My Crew", "My Crew"),
        ("RE: Re: re:My Crew", "My Crew"),
        ("Fwd: AW: WG: SV: VS: Antw: Rif: Enc: R: TR: My Crew", "My Crew"),
        ("Fw: Re[2]: Re(3): Re^4: My Crew", "My Crew"),
        ("[Fwd: My Crew]", "My Crew"),
        ("[Fwd: Re: My Crew]", "My Crew"),
        ("My Crew (fwd)", "My Crew"),
        ("回复：My Crew", "My Crew"),
        ("ΑΠ: My Crew", "My Crew"),
        ("Odp: RV: My Crew", "My Crew"),
        ("[team] My Crew", "[team] My Crew"),
        ("Meeting: Monday", "Meeting: Monday"),
        ("Re:", "Re:"),
        ("  Re:   spaced  ", "spaced"),
    ])
    func groupNames(subject: String, expected: String) {
        #expect(SubjectNormalizer.groupName(fromSubject: subject) == expected)
    }

    @Test func longChainsStopAtTheRoundLimit() {
        let subject = String(repeating: "Re: ", count: 1000) + "x"
        let name = SubjectNormalizer.groupName(fromSubject: subject)
        #expect(name.hasSuffix("x"))
        #expect(name.count < subject.count)
    }
}
