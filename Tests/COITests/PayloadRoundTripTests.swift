import Foundation
import COI
import COIMicroformats
import MIMECore
import Testing

/// What was built is what a receiver reads: the payload of each built kind.
@Suite("Payload round-trip")
struct PayloadRoundTripTests {
    static func payload(_ name: String) throws -> COIPayload {
        let kind = try #require(BuiltKinds.all.first { $0.name == name })
        return COIPayload(message: Message.parse(try kind.message.deterministicBytes()))
    }

    @Test func text() throws {
        let payload = try Self.payload("text")
        #expect(payload.text?.replacingOccurrences(of: "\r\n", with: "\n")
                == "Hello World\nMy dear friend, this is a message to you!\n")
        #expect(payload.attachments.isEmpty)
    }

    @Test func formattedTextSkipsIgnoredParts() throws {
        let payload = try Self.payload("formatted-text")
        #expect(payload.html?.contains("<b>COI</b>") == true)
        #expect(payload.html?.contains("This is a chat message") == false)
        #expect(payload.markdown?.hasPrefix("hello **COI** world!") == true)
    }

    @Test func mediaWithPreview() throws {
        let payload = try Self.payload("media-preview")
        #expect(payload.attachments.map(\.isPreview) == [true, false])
        #expect(payload.attachments[1].bytes == Array(0..<200))
        #expect(payload.attachments[1].filename == "bigbuckbunny.webm")
        #expect(payload.text?.hasPrefix("Look at this") == true)
    }

    @Test func contactCard() throws {
        let payload = try Self.payload("contact")
        #expect(payload.cards.count == 1)
        #expect(payload.cards.first?.name == BuiltKinds.card.name)
        #expect(payload.cards.first?.emails == BuiltKinds.card.emails)
        #expect(payload.cards.first?.categories == BuiltKinds.card.categories)
    }

    @Test func groupInfo() throws {
        let payload = try Self.payload("group-info")
        let group = try #require(payload.groups.first)
        #expect(group.id == BuiltKinds.group.rawValue)
        #expect(group.name == "My Crew")
        #expect(group.description == "A fun place")
        #expect(group.participants.flatMap(\.emails) == ["alice@example.com"])
    }

    @Test func location() throws {
        let payload = try Self.payload("location")
        #expect(payload.locations.first == HGeo(latitude: 53.07516, longitude: 8.80777))
        #expect(HGeo(plainText: payload.text ?? "") == HGeo(latitude: 53.07516, longitude: 8.80777))
    }

    @Test func pollVoteClose() throws {
        #expect(try Self.payload("poll").polls == [BuiltKinds.poll])
        #expect(try Self.payload("poll-vote").votes == [PollVote(choices: [2])])
        #expect(try Self.payload("poll-close").closes.first?.results.map(\.votes) == [1, 3])
    }

    @Test func mentionsInTextAndHTML() throws {
        let payload = try Self.payload("mentions")
        let expected = [Mention(name: "Gabe Lastname", address: "gabe+private@example.com"), Mention.all]
        #expect(payload.mentions == expected)
        #expect(Mention.mentions(inPlainText: payload.text ?? "").map(\.mention) == expected)
        #expect(payload.text?.contains("@\"Gabe Lastname\":gabe+private@example.com") == true)
    }

    @Test func profileVariantsKeepTheirCategories() throws {
        let kind = try #require(BuiltKinds.all.first { $0.name == "profile-storage" })
        let event = COIEvent(classifying: Message.parse(try kind.message.deterministicBytes()))
        #expect(event.profileCategories == [["friend", "family"], []])
        #expect(try Self.payload("profile-storage").cards.map(\.birthday) == ["1998-12-24", nil])
    }
}
