import COI
import COIMicroformats
import COILint
import MIMECodecs
import MIMECore
public import MIMEFuzz

extension FuzzTarget {
    /// The targets of the COI layer, kept out of `MIMEFuzz` so that the core targets build
    /// without swift-crypto (which `COI` needs for SHA3-256 and WebPush).
    public static let coiLayer: [FuzzTarget] = [.coi, .microformats, .lint]

    /// The COI classifier: classifying any message never traps, detection from the header block
    /// the streaming parser reports agrees with detection on the parsed message, and every
    /// finding points into the message.
    public static let coi = FuzzTarget(name: "coi") { input in
        let message = Message.parse(input)
        let event = COIEvent(classifying: message)
        let detection = COIDetection(message: message)
        FuzzCheck.require(event.detection == detection, "the event's detection differs from COIDetection(message:)")
        // Servers detect from the header block of streamed input: it must agree.
        var parser = StreamingParser()
        var streamedHeaders: HeaderFields?
        let handler: (StreamingParser.Event) -> Void = { event in
            if streamedHeaders == nil, case .partStart(let start) = event { streamedHeaders = start.headers }
        }
        parser.feed(input, handler)
        parser.finish(handler)
        let streamed = COIDetection(fields: streamedHeaders ?? HeaderFields())
        FuzzCheck.require(streamed == detection,
            "detection from streamed headers \(streamed.detectedBy) differs from \(detection.detectedBy)")
        FuzzCheck.diagnostics(event.findings, within: input.count, what: "COI finding")
        _ = COIPayload(message: message)
    }

    /// The HTML parser and the microformats read from it (h-card, h-group, h-geo, mentions):
    /// parsing any bytes either throws a typed error or gives a document from which reading
    /// every microformat never traps.
    public static let microformats = FuzzTarget(name: "microformats") { input in
        guard let document = try? HTMLDocument(parsing: input) else { return }
        _ = Microformats(document: document)
        _ = Mention.mentions(in: document)
        _ = HGeo.locations(in: document)
        _ = HGroup.groups(in: document)
        _ = HCard.cards(in: document)
        _ = Mention.mentions(inPlainText: String(decoding: input, as: UTF8.self))
    }

    /// coi-lint's rules: linting any bytes never traps, every finding points into the message,
    /// and the streaming linter's findings do not depend on how the message is cut into chunks.
    public static let lint = FuzzTarget(name: "lint") { input in
        let linter = Linter()
        let findings = linter.lint(input)
        for finding in findings {
            FuzzCheck.require(finding.range.lowerBound >= 0 && finding.range.upperBound <= input.count,
                "finding \(finding.rule) at \(finding.range) outside 0..<\(input.count)")
        }
        var random = FuzzRandom(seededBy: input)
        var byLines = StreamingLinter(linter)
        var byChunks = StreamingLinter(linter)
        byLines.feed(input)
        var start = 0
        for split in random.splits(of: input.count, maximumChunk: 1 << Int.random(in: 0...10, using: &random)) + [input.count] {
            byChunks.feed(Array(input[start..<split]))
            start = split
        }
        let whole = byLines.finish()
        let chunked = byChunks.finish()
        FuzzCheck.require(whole == chunked, "streaming lint findings depend on the chunks: \(whole.map(\.rule)) vs \(chunked.map(\.rule))")
    }
}
