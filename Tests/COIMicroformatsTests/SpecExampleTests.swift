import COIMicroformats
import Testing

/// Every HTML example of the COI client spec parses to the values it shows.
@Suite struct SpecExampleTests {
    @Test func contactStorageMessage() throws {
        let cards = HCard.cards(in: try Fixture.document("01-contact.html"))
        #expect(cards == [HCard(
            name: "John Doe", nickname: "Johnny", emails: ["john.doe@coi-dev.org", "john.doe@example.com"],
            photo: Fixture.cardPhoto, status: "working from home...", categories: ["friend", "work"], birthday: "--12-09",
            notification: NotificationSettings(isEnabled: true, types: ["sound", "banner"], sounds: ["friend"], filters: [.message, .mention])
        )])
    }

    @Test func profileStorageParts() throws {
        #expect(HCard.cards(in: try Fixture.document("02-profile-friend-family.html")) == [HCard(
            name: "Alice Angel", nickname: "Al", emails: ["alice@example.com", "angel@work-example.com"],
            photo: Fixture.cardPhoto, status: "weekend here I come...", birthday: "1998-12-24"
        )])
        #expect(HCard.cards(in: try Fixture.document("03-profile-work.html")) == [HCard(
            name: "Alice Angel", emails: ["angel@work-example.com"], photo: Fixture.cardPhoto, status: "working from home..."
        )])
        #expect(HCard.cards(in: try Fixture.document("04-profile-default.html")) == [HCard(
            name: "Alice Angel", emails: ["alice@example.com"], photo: Fixture.cardPhoto, birthday: "--12-24"
        )])
    }

    @Test func profilePartWithVendorStatus() throws {
        #expect(HCard.cards(in: try Fixture.document("05-profile-part.html")) == [HCard(
            name: "Alice Angel", emails: ["alice@example.com"], photo: Fixture.cardPhoto, status: "working from home...",
            birthday: "--04-30"
        )])
    }

    static let participants = [
        HCard(name: "Alice Angel", emails: ["alice@example.com"], photo: Fixture.cardPhoto, status: "working from home...",
              birthday: "--04-30", keys: ["...base64 key data..."]),
        HCard(name: "John Doe", emails: ["john.doe@example.com"], photo: Fixture.cardPhoto, keys: ["...base64 key data..."]),
        HCard(name: "Caroll", emails: ["carrol@example.com"], photo: Fixture.cardPhoto, keys: ["...base64 key data..."]),
    ]

    /// The spec nests `<p>` in `<p>`, which HTML splits; the parser follows the author's nesting.
    @Test func groupStorageMessage() throws {
        let groups = HGroup.groups(in: try Fixture.document("06-group-storage.html"))
        try #require(groups.count == 1)
        let group = groups[0]
        #expect(group.id == "1234abcd4321")
        #expect(group.name == "My Crew")
        #expect(group.description == "This is just a fun place to hang out virtually")
        #expect(group.photo?.hasPrefix("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0") == true)
        #expect(group.photo?.hasSuffix("cGbr/7MaNY4TfwDbd9AYja7LyQAAAABJRU5ErkJggg==") == true)
        #expect(group.notification == NotificationSettings(types: ["banner"], filters: [.mention]))
        var alice = Self.participants[0]
        alice.hash = "5457683cbe3191ab696f4d0a1c71ff48105d733d406239bb45439969672ea51c"
        #expect(group.participants == [alice] + Self.participants.dropFirst())
        #expect(group.otherProperties.isEmpty)
    }

    @Test func groupInfoPart() throws {
        let groups = HGroup.groups(in: try Fixture.document("07-groupinfo.html"))
        try #require(groups.count == 1)
        #expect(groups[0].id == nil)
        #expect(groups[0].name == nil)
        #expect(groups[0].description == "This is just a fun place to hang out virtually")
        #expect(groups[0].participants == Self.participants)
    }

    @Test func mentionLink() throws {
        let scan = Mention.mentions(in: try Fixture.document("08-mention.html"))
        #expect(scan.mentions == [Mention(name: "Gabe", address: "gabe+private@example.com")])
        #expect(scan.findings.isEmpty)
    }

    @Test func location() throws {
        #expect(HGeo.locations(in: try Fixture.document("09-location.html")) == [HGeo(latitude: 53.07516, longitude: 8.80777)])
    }

    /// The spec shows single `li` elements; they are read inside a poll.
    @Test(arguments: [
        ("10-poll-option-text.html", PollOption.text("E.T.")),
        ("11-poll-option-datetime.html", PollOption.dateTime("2019-12-31")),
    ])
    func pollOption(file: String, expected: PollOption) throws {
        let snippet = String(decoding: try Fixture.bytes(file), as: UTF8.self)
        let html = "<div class=\"h-poll\"><p class=\"p-name\">Movie</p><ol>\(snippet)</ol></div>"
        #expect(Poll.polls(in: try HTMLDocument(parsing: html)) == [Poll(title: "Movie", options: [expected])])
    }

    /// Each snippet also goes through the untrusted-input entry point.
    @Test(arguments: Fixture.names)
    func entryPointReadsEverySnippet(file: String) throws {
        let scan = try Microformats(html: try Fixture.bytes(file))
        #expect(!scan.items.isEmpty || !scan.mentions.mentions.isEmpty || file.contains("poll-option"))
    }
}
