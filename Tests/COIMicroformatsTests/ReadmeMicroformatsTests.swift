import COIMicroformats
import Testing

/// The README's "Microformats" example, run on the spec's group storage example.
@Suite struct ReadmeMicroformatsTests {
    @Test func readmeExample() throws {
        let htmlPartBytes = try Fixture.bytes("06-group-storage.html")
        let scan = try Microformats(html: htmlPartBytes)
        #expect(scan.cards.isEmpty)
        #expect(scan.groups.map(\.id) == ["1234abcd4321"])
        #expect(scan.groups.first?.participants.map(\.emails) == [["alice@example.com"], ["john.doe@example.com"], ["carrol@example.com"]])
        #expect(scan.mentions.findings.isEmpty)

        let html = HGroup(id: "4321dcba1234", name: "My Crew",
                          participants: [HCard(name: "Alice", emails: ["alice@example.com"])]).html
        #expect(try HGroup.groups(inHTML: Array(html.utf8)).first?.participants.first?.name == "Alice")
        let mention = Mention(name: "Gabe Lastname", address: "gabe+private@example.com")
        #expect(mention.plainText == "@\"Gabe Lastname\":gabe+private@example.com")
        #expect(mention.html == "<a class=\"mention\" href=\"mailto:gabe+private@example.com\">@Gabe Lastname</a>")
    }
}
