import COI
import COIMicroformats
import MIMECore

/// One message of every kind, built by the library with fixed dates, ids and boundaries, and
/// what classifying it must give back.
struct BuiltKind: Sendable, CustomStringConvertible {
    var name: String
    var message: MessageBuilder
    var kind: COIEvent.Kind
    var chatContent: String?
    var refersTo: String?
    var groupID: String?
    var description: String { name }
}

enum BuiltKinds {
    static let date = MessageDate(year: 2019, month: 12, day: 4, hour: 15, minute: 51, second: 37, offsetMinutes: 60)!
    static let me = Mailbox(displayName: "Me Myself", localPart: "me", domain: "example.com")
    static let you = Mailbox(displayName: "You", localPart: "you", domain: "recipientdomain.com")
    static let alice = Mailbox(localPart: "alice", domain: "example.com")
    static let bob = Mailbox(localPart: "bob", domain: "example.com")
    static let group = GroupID(rawValue: "Kq3dT9xZ2bVw7LmN")!
    static let original = MessageID(left: "chat$Original0000000000001", right: "example.com")
    static let threadStart = MessageID(left: "chat$Thread000000000000001", right: "example.com")
    static let pollID = MessageID(left: "chat$group.Kq3dT9xZ2bVw7LmN.Poll000000000000001", right: "example.com")

    static func id(_ unique: String, group: GroupID? = nil) -> MessageID {
        COIMessageID(groupID: group, unique: unique, domain: "example.com").messageID
    }

    static func chat(_ unique: String) -> COIMessageBuilder {
        var builder = COIMessageBuilder(from: me, to: [.mailbox(you)], date: date, messageID: id(unique))
        builder.references = [threadStart]
        builder.requestsReadReceipt = true
        return builder
    }

    static func groupChat(_ unique: String) -> COIMessageBuilder {
        COIMessageBuilder(from: me, to: [.mailbox(alice), .mailbox(bob)], date: date,
                          messageID: id(unique, group: group), group: group, groupName: "My Crew")
    }

    static let card = HCard(name: "John Doe", nickname: "Johnny", emails: ["john.doe@coi-dev.org", "john.doe@example.com"],
                            status: "working from home...", categories: ["friend", "work"], birthday: "--12-09")
    static let poll = Poll(title: "Movie night", description: "Which one?",
                           options: [.text("E.T."), .text("Alien"), .dateTime("2019-12-31")])

    static let all: [BuiltKind] = [
        BuiltKind(name: "text", message: chat("Text00000000000000000001").text("Hello World\nMy dear friend, this is a message to you!"),
                  kind: .text),
        BuiltKind(name: "formatted-text",
                  message: chat("Formatted000000000000001").formattedText(
                      plain: "hello COI world!", html: "<p>hello <b>COI</b> world!</p>\n", markdown: "hello **COI** world!",
                      ignoredHTML: "<p><i>This is a chat message.</i></p>\n"),
                  kind: .text),
        BuiltKind(name: "media",
                  message: chat("Media0000000000000000001").media(
                      [.init(Array(repeating: 0xFF, count: 300), type: ContentType(type: "image", subtype: "jpeg"), filename: "earth.jpg")]),
                  kind: .media),
        BuiltKind(name: "media-preview",
                  message: chat("Media0000000000000000002").media(
                      [.init(Array(0..<200), type: ContentType(type: "video", subtype: "webm"), filename: "bigbuckbunny.webm")],
                      caption: "Look at this", preview: .init(Array(repeating: 1, count: 40), type: ContentType(type: "image", subtype: "jpeg"), filename: "preview.jpg")),
                  kind: .media),
        BuiltKind(name: "edit", message: chat("Edit00000000000000000001").edit(original, newText: "My dear friend, this is a message to you!"),
                  kind: .edit, chatContent: "editrequest", refersTo: original.text),
        BuiltKind(name: "delete", message: chat("Delete000000000000000001").delete(original),
                  kind: .delete, chatContent: "deleterequest", refersTo: original.text),
        BuiltKind(name: "read-receipt",
                  message: COIMessageBuilder(from: you, to: [.mailbox(me)], date: date, messageID: id("Receipt00000000000000001"))
                      .readReceipt(ReadReceipt(originalMessageID: original, finalRecipient: "you@recipientdomain.com",
                                               originalRecipient: "you@recipientdomain.com", reportingUA: "swift-coi")),
                  kind: .readReceipt, refersTo: original.text),
        BuiltKind(name: "contact",
                  message: COIMessageBuilder(from: alice, date: date, messageID: id("Contact00000000000000001"))
                      .contact(card, blocked: true, tokensIn: ["in-token-1"], tokensOut: ["hash=abc;created=1575470000"]),
                  kind: .contact, chatContent: "contact"),
        BuiltKind(name: "profile-storage",
                  message: COIMessageBuilder(from: alice, date: date, messageID: id("Profile00000000000000001"))
                      .profileStorage([.init(HCard(name: "Alice Angel", emails: ["alice@example.com"], birthday: "1998-12-24"),
                                             categories: ["friend", "family"]),
                                       .init(HCard(name: "Alice Angel", emails: ["alice@example.com"]))]),
                  kind: .profile, chatContent: "profile"),
        BuiltKind(name: "profile-part",
                  message: chat("Profile00000000000000002").textWithProfile(
                      "Hello my friend, this is my first COI message!",
                      profile: HCard(name: "Alice Angel", emails: ["alice@example.com"], birthday: "--04-30")),
                  kind: .profile, chatContent: "profile"),
        BuiltKind(name: "profile-request", message: chat("ProfileReq00000000000001").profileRequest("Hi Alice, can you please advise me?"),
                  kind: .profileRequest, chatContent: "profilerequest"),
        BuiltKind(name: "group-message", message: groupChat("Group0000000000000000001").text("Hi gang, hope you're doing fine!"),
                  kind: .text, groupID: group.rawValue),
        BuiltKind(name: "group-info",
                  message: groupChat("Group0000000000000000002").groupInfo(
                      "Hello folks, let's chat!",
                      group: HGroup(description: "A fun place", participants: [HCard(name: "Alice", emails: ["alice@example.com"])])),
                  kind: .groupInfo, chatContent: "groupinfo", groupID: group.rawValue),
        BuiltKind(name: "group-storage",
                  message: groupChat("Group0000000000000000003").groupStorage(
                      HGroup(participants: [HCard(name: "Alice", emails: ["alice@example.com"], hash: COIFromHash.hash(address: "alice@example.com"))])),
                  kind: .groupInfo, chatContent: "group", groupID: group.rawValue),
        BuiltKind(name: "group-left",
                  message: groupChat("Group0000000000000000004").groupLeft("Bye!", remaining: [.mailbox(alice)]),
                  kind: .groupLeft, chatContent: "groupleft", groupID: group.rawValue),
        BuiltKind(name: "group-request",
                  message: groupChat("Group0000000000000000005").groupRequest("I might be late"),
                  kind: .groupRequest, chatContent: "grouprequested", groupID: group.rawValue),
        BuiltKind(name: "group-delta-chat",
                  message: {
                      var builder = groupChat("Group0000000000000000006")
                      builder.options.emitsDeltaChatHeaders = true
                      return builder.text("Delta Chat sees this in the group too")
                  }(),
                  kind: .text, groupID: group.rawValue),
        BuiltKind(name: "mentions",
                  message: groupChat("Group0000000000000000007").mentioning(
                      [.text("Hey "), .mention(Mention(name: "Gabe Lastname", address: "gabe+private@example.com")),
                       .text(" and "), .mention(.all), .text(" see you")]),
                  kind: .text, groupID: group.rawValue),
        BuiltKind(name: "location",
                  message: chat("Location0000000000000001").location(HGeo(latitude: 53.07516, longitude: 8.80777), text: "Let's meet here."),
                  kind: .location, chatContent: "location"),
        BuiltKind(name: "pinned",
                  message: chat("Pinned000000000000000001").pinned(
                      "Hello COI world, this message is pinned!",
                      until: MessageDate(year: 2019, month: 12, day: 5, hour: 0, minute: 0, offsetMinutes: 60)),
                  kind: .pinned),
        BuiltKind(name: "poll", message: groupChat("Group0000000000000000008").poll(poll),
                  kind: .poll, chatContent: "poll", groupID: group.rawValue),
        BuiltKind(name: "poll-vote", message: groupChat("Group0000000000000000009").vote(PollVote(choices: [2]), on: pollID, poll: poll),
                  kind: .pollVote, chatContent: "pollvote", refersTo: pollID.text, groupID: group.rawValue),
        BuiltKind(name: "poll-close",
                  message: groupChat("Group0000000000000000010").closePoll(
                      PollClose(results: [.init(choice: 1, votes: 1), .init(choice: 2, votes: 3)]), on: pollID, poll: poll),
                  kind: .pollClose, chatContent: "pollclose", refersTo: pollID.text, groupID: group.rawValue),
        BuiltKind(name: "reaction", message: chat("Reaction0000000000000001").reaction("👍", to: original),
                  kind: .reaction, refersTo: original.text),
        BuiltKind(name: "extension",
                  message: chat("Extension000000000000001").extensionMessage(
                      ChatContent(rawValue: "com.example.Sticker"), explanation: "A sticker (open in Example Chat)",
                      parts: [MessageBuilder.Part(.binary(Array("{\"sticker\":42}".utf8), type: ContentType(type: "application", subtype: "json")))]),
                  kind: .extension, chatContent: "com.example.Sticker"),
    ]
}
