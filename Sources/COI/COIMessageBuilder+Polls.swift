public import COIMicroformats
public import MIMECore

/// Polls: the COI client spec lists what a poll holds but leaves the format empty. This
/// project's design, in the spirit of the rest of the spec:
///
/// - **poll**: `Chat-Content: poll` on the message and on its HTML part;
///   `multipart/alternative` with a plain-text rendering (title, description, numbered options)
///   and the h-poll (`p-name`, `p-description`, `p-poll-option` / `dt-poll-option` /
///   `u-poll-option` items, `p-poll-selection` single|multiple, `p-poll-voting` once|repeat,
///   `dt-end`).
/// - **vote**: `Chat-Content: pollvote`, `In-Reply-To` the poll, an h-poll-vote with one
///   `p-poll-choice` per chosen option (1-based positions); the latest vote of a sender
///   replaces earlier ones, an empty vote withdraws.
/// - **close**: `Chat-Content: pollclose`, `In-Reply-To` the poll, an h-poll-close with the
///   final `p-poll-count` per `p-poll-choice`; only the poll's sender closes it.
extension COIMessageBuilder {
    /// A poll.
    public func poll(_ poll: Poll) -> MessageBuilder {
        envelope(.multipart("alternative", [Self.flowed(poll.plainText), Self.html(poll.html, chatContent: .poll)]),
                 chatContent: ChatContent.poll.rawValue)
    }

    /// A vote on the poll `pollID`; `poll` (when known) labels the choices for human readers.
    public func vote(_ vote: PollVote, on pollID: MessageID, poll: Poll? = nil) -> MessageBuilder {
        let copy = referring(to: pollID)
        let labels = vote.choices.map { Self.label(of: $0, in: poll) }
        let plain = vote.choices.isEmpty ? "I withdraw my vote." : "My vote: " + labels.joined(separator: ", ")
        return copy.envelope(.multipart("alternative", [Self.flowed(plain),
                                                       Self.html(vote.html(for: poll), chatContent: .pollVote)]),
                             chatContent: ChatContent.pollVote.rawValue)
    }

    /// Closes the poll `pollID` with its final counts.
    public func closePoll(_ close: PollClose, on pollID: MessageID, poll: Poll? = nil) -> MessageBuilder {
        let copy = referring(to: pollID)
        var lines = ["The poll is closed."]
        for result in close.results {
            lines.append("\(Self.label(of: result.choice, in: poll)): \(result.votes)")
        }
        return copy.envelope(.multipart("alternative", [Self.flowed(lines.joined(separator: "\n")),
                                                       Self.html(close.html(for: poll), chatContent: .pollClose)]),
                             chatContent: ChatContent.pollClose.rawValue)
    }

    /// The option's value when the poll is at hand, else `option N`.
    static func label(of choice: Int, in poll: Poll?) -> String {
        if let poll, choice >= 1, choice <= poll.options.count { return poll.options[choice - 1].value }
        return "option \(choice)"
    }
}
