/// A vote on a ``Poll`` (`Chat-Content: pollvote`, `In-Reply-To` the poll): the chosen options
/// by 1-based position. An empty vote withdraws an earlier one.
///
/// ```html
/// <div class="h-poll-vote">
/// <ol>
/// <li><data class="p-poll-choice" value="2">E.T.</data></li>
/// </ol>
/// </div>
/// ```
public struct PollVote: Sendable, Hashable {
    /// The chosen options' 1-based positions in the poll, in the voter's order.
    public var choices: [Int]

    /// Creates a vote.
    public init(choices: [Int]) {
        self.choices = choices
    }

    /// The root class.
    public static let type = "h-poll-vote"

    /// Reads a vote from a generic item; choices that are no positive number are skipped.
    public init?(_ item: MicroformatItem) {
        guard item.types.contains(Self.type) else { return nil }
        self.init(choices: item.values("poll-choice").compactMap(PollVote.position))
    }

    /// The votes in `document`.
    public static func votes(in document: HTMLDocument) -> [PollVote] {
        document.microformats.compactMap(PollVote.init)
    }

    /// The votes in HTML bytes.
    public static func votes(inHTML bytes: [UInt8], limits: HTMLDocument.Limits = .default) throws(HTMLDocument.ParseError) -> [PollVote] {
        votes(in: try HTMLDocument(parsing: bytes, limits: limits))
    }

    static func position(_ text: String) -> Int? {
        guard let value = Int(text), value > 0 else { return nil }
        return value
    }

    /// The vote as an HTML fragment; with the poll at hand the choices show the options' values.
    public func html(for poll: Poll? = nil) -> String {
        var writer = HTMLWriter()
        writer.open("div", class: Self.type)
        writer.line()
        if choices.isEmpty {
            writer.output += "<p>I withdraw my vote.</p>\n"
        } else {
            writer.output += "<p>My vote:</p>\n<ol>\n"
            for choice in choices {
                PollVote.writeChoice(choice, of: poll, into: &writer) { _ in }
            }
            writer.output += "</ol>\n"
        }
        writer.close("div")
        writer.line()
        return writer.output
    }

    /// One list item naming a chosen option, by position for software and by value for people;
    /// `extra` appends to the item (a close's count).
    static func writeChoice(_ choice: Int, of poll: Poll?, into writer: inout HTMLWriter, extra: (inout HTMLWriter) -> Void) {
        let label = if let poll, choice >= 1, choice <= poll.options.count { poll.options[choice - 1].value } else { "Option \(choice)" }
        writer.open("li", class: nil)
        writer.element("data", class: "p-poll-choice", attributes: [("value", String(choice))], text: label)
        extra(&writer)
        writer.close("li")
        writer.line()
    }
}
