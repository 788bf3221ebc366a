import COI
import Foundation
import MIMECodecs
import MIMECore
import Testing

/// Issue 5's "accept all, emit one" table, row by row.
@Suite("Accept all, emit one")
struct AcceptEmitTests {
    static func message(_ headers: String, body: String = "hi") -> Message {
        let base = """
            From: Me <me@example.com>
            To: you@example.org
            Date: Wed, 4 Dec 2019 15:51:37 +0100
            Message-ID: <chat$abc.def@example.com>
            Chat-Version: 1.0
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            """
        let full = base.replacingOccurrences(of: "Content-Type: text/plain; charset=utf-8\n",
                                             with: headers + "\nContent-Type: text/plain; charset=utf-8\n")
        return Message.parse((full + "\n" + body + "\n").crlf)
    }

    @Test(arguments: [
        ("Chat-Content: edit\nIn-Reply-To: <chat$x@example.com>", "edit", "edit"),
        ("Chat-Content: edit;\nIn-Reply-To: <chat$x@example.com>", "edit", "edit;"),
        ("Chat-Content: editrequest\nIn-Reply-To: <chat$x@example.com>", "edit", "editrequest"),
        ("Chat-Content: EditRequest\nIn-Reply-To: <chat$x@example.com>", "edit", "EditRequest"),
        ("Chat-Content: deleterequest\nIn-Reply-To: <chat$x@example.com>", "delete", "deleterequest"),
        ("Chat-Content: deleterequest; \nIn-Reply-To: <chat$x@example.com>", "delete", "deleterequest;"),
        ("Chat-Content: groupprofile", "groupInfo", "groupprofile"),
        ("Chat-Content: groupinfo", "groupInfo", "groupinfo"),
        ("Chat-Content: groupprofilerequest", "groupRequest", "groupprofilerequest"),
        ("Chat-Content: grouprequested", "groupRequest", "grouprequested"),
    ])
    func chatContentSpellings(headers: String, event: String, sent: String) {
        let classified = COIEvent(classifying: Self.message(headers))
        #expect(classified.kind.rawValue == event)
        #expect(classified.chatContent == sent)
        if event == "edit" || event == "delete" { #expect(classified.refersTo?.text == "chat$x@example.com") }
    }

    @Test(arguments: [
        ("edit", "editrequest", true, false), ("edit;", "editrequest", true, true),
        ("editrequest", "editrequest", false, false), ("deleterequest;", "deleterequest", false, true),
        ("groupprofile", "groupinfo", true, false), ("groupprofilerequest", "grouprequested", true, false),
        ("grouprequested", "grouprequested", false, false),
    ])
    func legacySpellingsAreFindingsAndRenderCanonically(text: String, canonical: String, legacy: Bool, semicolon: Bool) {
        let field = ChatContentField(text)
        #expect(field.value.canonical.rawValue == canonical)
        #expect(field.findings.contains { $0.code == .coiChatContentLegacy } == legacy)
        #expect(field.findings.contains { $0.code == .coiChatContentTrailingSemicolon } == semicolon)
        #expect(ChatContentField.render(field.value) == canonical)
    }

    @Test func builderEmitsCanonicalChatContent() throws {
        let chat = BuiltKinds.chat("Canonical000000000000001")
        for (message, value) in [(chat.edit(BuiltKinds.original, newText: "x"), "editrequest"),
                                 (chat.delete(BuiltKinds.original), "deleterequest"),
                                 (chat.groupRequest("x"), "grouprequested")] {
            let parsed = Message.parse(try message.deterministicBytes())
            #expect(parsed.headers.first(named: "Chat-Content")?.value == value)
        }
    }

    @Test func coiAndChatPrefixesAreBothReadChatIsWritten() throws {
        let legacy = COIEvent(classifying: Self.message("").serializedReplacing("<chat$abc.def@example.com>", "<coi$abc.def@example.com>"))
        #expect(legacy.detection.detectedBy == [.chatVersion, .messageID])
        #expect(legacy.findings.contains { $0.code == .coiLegacyPrefix })
        let current = COIEvent(classifying: Self.message(""))
        #expect(!current.findings.contains { $0.code == .coiLegacyPrefix })
        var builder = COIMessageBuilder(from: BuiltKinds.me, to: [.mailbox(BuiltKinds.you)])
        builder.group = BuiltKinds.group
        let written = Message.parse(try builder.text("x").serialize())
        let id = try #require(written.messageID.flatMap(COIMessageID.init))
        #expect(id.prefix == .chat)
        #expect(id.groupID == BuiltKinds.group)
    }

    @Test func semicolonAddressListsAreReadCommasWritten() throws {
        let message = Self.message("").serializedReplacing("To: you@example.org",
                                                             "To: alice@example.com; bob@example.com;\r\nReply-To: alice@example.com; bob@example.com;")
        #expect(message.to.mailboxes.map(\.addrSpec) == ["alice@example.com", "bob@example.com"])
        let event = COIEvent(classifying: message)
        #expect(event.findings.filter { $0.code == .coiAddressSemicolons }.count == 2)
        let built = try BuiltKinds.groupChat("Commas000000000000000001").groupLeft("bye", remaining: [.mailbox(BuiltKinds.alice), .mailbox(BuiltKinds.bob)])
            .deterministicBytes()
        let text = String(decoding: built, as: UTF8.self)
        #expect(text.contains("To: alice@example.com, bob@example.com\r\n"))
        #expect(text.contains("Reply-To: alice@example.com, bob@example.com\r\n"))
        #expect(!COIEvent(classifying: Message.parse(built)).findings.contains { $0.code == .coiAddressSemicolons })
    }

    @Test func unquotedParameterValuesAreReadQuotedWritten() throws {
        let pinned = Self.message("Content-Disposition: pinned;\n timeout=Tue, 5 Dec 2019 0:00:00 +0100")
        let event = COIEvent(classifying: pinned)
        #expect(event.kind == .pinned)
        let until = try #require(event.pinnedUntil)
        #expect((until.year, until.month, until.day, until.hour, until.offsetMinutes) == (2019, 12, 5, 0, 60))
        #expect(event.findings.contains { $0.code == .coiUnquotedParameter })

        let profile = ChatContentField("profile; categories=friend, family")
        #expect(profile.categories == ["friend", "family"])
        #expect(profile.findings.contains { $0.code == .coiUnquotedParameter })
        #expect(ChatContentField.render(.profile, parameters: [("categories", "friend, family")])
                == "profile; categories=\"friend, family\"")
        #expect(ChatContentField("profile; categories=\"friend, family\"").categories == ["friend", "family"])
        #expect(ChatContentField("profile; categories=\"friend, family\"").findings.isEmpty)

        let built = String(decoding: try BuiltKinds.all.first { $0.name == "pinned" }!.message.deterministicBytes(), as: UTF8.self)
        #expect(built.contains("timeout=\"Thu, 5 Dec 2019 00:00:00 +0100\""))
    }

    @Test func wrongWeekdaysAreReadWithAFindingCorrectOnesWritten() throws {
        let wrong = Self.message("").serializedReplacing("Wed, 4 Dec 2019", "Mon, 4 Dec 2019")
        let event = COIEvent(classifying: wrong)
        #expect(event.date?.day == 4)
        #expect(event.findings.contains { $0.code == .coiDateWeekday })
        #expect(!COIEvent(classifying: Self.message("")).findings.contains { $0.code == .coiDateWeekday })
        for kind in BuiltKinds.all {
            let parsed = Message.parse(try kind.message.deterministicBytes())
            let date = try #require(parsed.date)
            #expect(date.writtenWeekday == date.weekday, "\(kind.name)")
        }
    }
}

extension Message {
    /// The message's bytes with one text replaced, parsed again.
    func serializedReplacing(_ old: String, _ new: String) -> Message {
        let text = String(decoding: serialize(), as: UTF8.self).replacingOccurrences(of: old, with: new)
        return Message.parse(Array(text.utf8))
    }
}
