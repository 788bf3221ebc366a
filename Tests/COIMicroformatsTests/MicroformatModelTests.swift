import COIMicroformats
import Testing

@Suite struct MicroformatModelTests {
    @Test func notificationSettingsReadTheSpecsFoldedValue() {
        let settings = NotificationSettings(parsing: "enabled=true;\n types=sound,banner;sounds=friend;filters=message,mention")
        #expect(settings == NotificationSettings(types: ["sound", "banner"], sounds: ["friend"], filters: [.message, .mention]))
        #expect(settings.rendered == "enabled=true;types=sound,banner;sounds=friend;filters=message,mention")
        #expect(NotificationSettings(parsing: "enabled=no").isEnabled == false)
        #expect(NotificationSettings(parsing: "enabled=maybe;volume=3").otherSettings == [.init(key: "volume", value: "3")])
    }

    @Test func unknownCardPropertiesArePreserved() throws {
        let html = """
            <div class="h-card"><span class="p-name">A</span><span class="p-x-coi-token">t0k3n</span>
            <a class="u-url" href="https://a.example/">home</a><time class="dt-anniversary" datetime="2001-02-03">Feb 3</time></div>
            """
        let card = try #require(HCard.cards(inHTML: Array(html.utf8)).first)
        #expect(card.otherProperties.map(\.className) == ["p-x-coi-token", "u-url", "dt-anniversary"])
        #expect(card.otherProperties.map(\.value.text) == ["t0k3n", "https://a.example/", "2001-02-03"])
        #expect(HCard.cards(in: try HTMLDocument(parsing: card.html)) == [card])
    }

    @Test func mailtoEmailsAndCommaCategories() throws {
        let html = "<div class=\"h-card\"><a class=\"u-email\" href=\"mailto:a@example.com?subject=x\">a</a><span class=\"p-category\">friend, , family</span><span class=\"p-category\">work</span></div>"
        let card = try #require(HCard.cards(inHTML: Array(html.utf8)).first)
        #expect(card.emails == ["a@example.com"])
        #expect(card.categories == ["friend", "family", "work"])
    }

    @Test func groupParticipantsUnderPParticipantsAndIdSpelledWithCapital() throws {
        let html = """
            <div class="h-group"><span class="p-Id">abcdefghijkl</span>
            <div class="p-participants"><div class="h-card"><span class="p-name">A</span></div></div></div>
            """
        let group = try #require(HGroup.groups(inHTML: Array(html.utf8)).first)
        #expect(group.id == "abcdefghijkl")
        #expect(group.participants == [HCard(name: "A")])
    }

    @Test(arguments: ["abc", "NaN", "inf", "0x10", "91", ""])
    func locationsNeedDecimalNumbersInRange(latitude: String) throws {
        let html = "<p class=\"h-geo\"><span class=\"p-latitude\">\(latitude)</span><span class=\"p-longitude\">8</span></p>"
        #expect(try HGeo.locations(inHTML: Array(html.utf8)).isEmpty)
    }

    @Test func locationPlainTextFallback() {
        #expect(HGeo(plainText: "Let's meet here.\n-\nPosition: 53.07516, 8.80777\n") == HGeo(latitude: 53.07516, longitude: 8.80777))
        #expect(HGeo(plainText: "Position: north") == nil)
        #expect(HGeo(latitude: 53.07516, longitude: 8.80777).plainText == "Position: 53.07516, 8.80777")
    }

    @Test func pollDefaultsAndSettings() throws {
        let poll = Poll(title: "Film", options: [.text("E.T."), .dateTime("2019-12-31"), .media("cid:t@x")],
                        allowsMultipleChoices: false, allowsRevoting: false, end: "2019-12-30T12:00:00Z")
        #expect(Poll.polls(in: try HTMLDocument(parsing: poll.html)) == [poll])
        let minimal = "<div class=\"h-poll\"><p class=\"p-name\">T</p><ol><li class=\"p-poll-option\">a</li><li class=\"p-poll-option\">b</li></ol></div>"
        let parsed = try #require(Poll.polls(inHTML: Array(minimal.utf8)).first)
        #expect(parsed.allowsMultipleChoices && parsed.allowsRevoting)
        #expect(parsed.plainText == "Poll: T\n1. a\n2. b")
        #expect(try Poll.polls(inHTML: Array("<div class=\"h-poll\"><li class=\"p-poll-option\">a</li></div>".utf8)).isEmpty)
    }

    @Test func votesSkipChoicesThatAreNoPosition() throws {
        let html = "<div class=\"h-poll-vote\"><data class=\"p-poll-choice\" value=\"0\">x</data><data class=\"p-poll-choice\" value=\"2\">y</data><data class=\"p-poll-choice\" value=\"two\">z</data></div>"
        #expect(try PollVote.votes(inHTML: Array(html.utf8)) == [PollVote(choices: [2])])
        #expect(PollVote(choices: []).html().contains("withdraw"))
    }

    @Test func implicitEndsOtherThanParagraphsAreNotFollowed() throws {
        let html = "<ul><li class=\"h-card\"><span class=\"p-name\">A</span><li><span class=\"p-name\">B</span></ul>"
        #expect(try HCard.cards(inHTML: Array(html.utf8)) == [HCard(name: "A")])
    }
}

@Suite struct RenderingEdgeTests {
    /// Positions outside the poll render with a generic label instead of trapping.
    @Test func outOfRangeChoicesRender() {
        let poll = Poll(title: "T", options: [.text("a"), .text("b")])
        let html = PollVote(choices: [0, -3, 7]).html(for: poll) + PollClose(results: [.init(choice: 0, votes: 1)]).html(for: poll)
        #expect(html.contains("Option 0") && html.contains("Option -3") && html.contains("Option 7"))
    }
}
