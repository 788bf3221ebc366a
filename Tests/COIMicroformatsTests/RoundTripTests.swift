import COIMicroformats
import Testing

/// parse(render(x)) == x over seeded random values, rendered as complete documents.
@Suite struct RoundTripTests {
    static let seeds: [UInt64] = [1, 2, 3, 42, 2019, 0xC01]
    static let iterations = 60

    static func document(_ fragment: String) throws -> HTMLDocument {
        try HTMLDocument(parsing: HTMLDocument.rendering(body: fragment))
    }

    @Test(arguments: seeds) func cards(seed: UInt64) throws {
        var generator = ValueGenerator(random: SeededGenerator(seed: seed))
        for _ in 0..<Self.iterations {
            let cards = generator.list(1...3) { $0.card() }
            let html = cards.map(\.html).joined()
            #expect(HCard.cards(in: try Self.document(html)) == cards, "\(html)")
        }
    }

    @Test(arguments: seeds) func groups(seed: UInt64) throws {
        var generator = ValueGenerator(random: SeededGenerator(seed: seed))
        for _ in 0..<Self.iterations {
            let group = generator.group()
            #expect(HGroup.groups(in: try Self.document(group.html)) == [group], "\(group.html)")
        }
    }

    @Test(arguments: seeds) func locations(seed: UInt64) throws {
        var generator = ValueGenerator(random: SeededGenerator(seed: seed))
        for _ in 0..<Self.iterations {
            let geo = generator.geo()
            #expect(HGeo.locations(in: try Self.document(geo.html)) == [geo])
            let fallback = HGeo(plainText: "Let's meet here.\n-\n" + geo.plainText)
            #expect(fallback == HGeo(latitude: geo.latitude, longitude: geo.longitude))
        }
    }

    @Test(arguments: seeds) func polls(seed: UInt64) throws {
        var generator = ValueGenerator(random: SeededGenerator(seed: seed))
        for _ in 0..<Self.iterations {
            let poll = generator.poll()
            #expect(Poll.polls(in: try Self.document(poll.html)) == [poll], "\(poll.html)")
            let vote = PollVote(choices: generator.list(0...3) { $0.int(1...poll.options.count) })
            #expect(PollVote.votes(in: try Self.document(vote.html(for: poll))) == [vote])
            #expect(PollVote.votes(in: try Self.document(vote.html())) == [vote])
            let close = PollClose(results: (1...poll.options.count).map { PollClose.Result(choice: $0, votes: generator.int(0...9)) })
            #expect(PollClose.closes(in: try Self.document(close.html(for: poll))) == [close])
        }
    }

    @Test(arguments: seeds) func mentions(seed: UInt64) throws {
        var generator = ValueGenerator(random: SeededGenerator(seed: seed))
        for _ in 0..<Self.iterations {
            let mentions = generator.list(1...4) { $0.mention() }
            let plain = "Hi " + mentions.map(\.plainText).joined(separator: " and ") + ", see you."
            #expect(Mention.mentions(inPlainText: plain).map(\.mention) == mentions, "\(plain)")
            let html = "<p>Hi " + mentions.map(\.html).joined(separator: " and ") + ", see you.</p>"
            let scan = Mention.mentions(in: try Self.document(html))
            #expect(scan.mentions == mentions, "\(html)")
            #expect(scan.findings.isEmpty)
        }
    }

    @Test(arguments: seeds) func notificationSettings(seed: UInt64) {
        var generator = ValueGenerator(random: SeededGenerator(seed: seed))
        for _ in 0..<Self.iterations {
            let settings = generator.notification()
            #expect(NotificationSettings(parsing: settings.rendered) == settings)
        }
    }
}
