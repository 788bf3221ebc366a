/// The end of a ``Poll`` (`Chat-Content: pollclose`, `In-Reply-To` the poll), with the final
/// counts as the poll's sender saw them.
///
/// ```html
/// <div class="h-poll-close">
/// <p>The poll is closed.</p>
/// <ol>
/// <li><data class="p-poll-choice" value="2">E.T.</data>: <data class="p-poll-count" value="3">3 votes</data></li>
/// </ol>
/// </div>
/// ```
public struct PollClose: Sendable, Hashable {
    /// The number of votes per option.
    public struct Result: Sendable, Hashable {
        /// The option's 1-based position in the poll.
        public var choice: Int
        /// The votes it received.
        public var votes: Int
        /// Creates a result.
        public init(choice: Int, votes: Int) {
            self.choice = choice
            self.votes = votes
        }
    }

    /// The results, in the order given; may be empty (a close without counts).
    public var results: [Result]

    /// Creates a close.
    public init(results: [Result] = []) {
        self.results = results
    }

    /// The root class.
    public static let type = "h-poll-close"

    /// Reads a close from a generic item: choices and counts pair up in order.
    public init?(_ item: MicroformatItem) {
        guard item.types.contains(Self.type) else { return nil }
        let choices = item.values("poll-choice").map(PollVote.position)
        let counts = item.values("poll-count").map { Int($0).flatMap { $0 >= 0 ? $0 : nil } }
        self.init(results: zip(choices, counts).compactMap { choice, count in
            guard let choice, let count else { return nil }
            return Result(choice: choice, votes: count)
        })
    }

    /// The closes in `document`.
    public static func closes(in document: HTMLDocument) -> [PollClose] {
        document.microformats.compactMap(PollClose.init)
    }

    /// The closes in HTML bytes.
    public static func closes(inHTML bytes: [UInt8], limits: HTMLDocument.Limits = .default) throws(HTMLDocument.ParseError) -> [PollClose] {
        closes(in: try HTMLDocument(parsing: bytes, limits: limits))
    }

    /// The close as an HTML fragment; with the poll at hand the results show the options' values.
    public func html(for poll: Poll? = nil) -> String {
        var writer = HTMLWriter()
        writer.open("div", class: Self.type)
        writer.output += "\n<p>The poll is closed.</p>\n"
        if !results.isEmpty {
            writer.output += "<ol>\n"
            for result in results {
                PollVote.writeChoice(result.choice, of: poll, into: &writer) { writer in
                    writer.text(": ")
                    writer.element("data", class: "p-poll-count", attributes: [("value", String(result.votes))],
                                   text: result.votes == 1 ? "1 vote" : "\(result.votes) votes")
                }
            }
            writer.output += "</ol>\n"
        }
        writer.close("div")
        writer.line()
        return writer.output
    }
}
