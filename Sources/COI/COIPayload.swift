public import COIMicroformats
public import MIMECore

/// What a chat message carries, read out of its parts: the text a COI client shows, the
/// attachments, and the microformats of its HTML parts (h-card, h-group, h-geo, polls, votes,
/// closes, mentions). Complements ``COIEvent``, which says what the message is.
///
/// HTML is read with ``COIMicroformats/Microformats`` (libxml2's HTML parser behind limits,
/// no network, no scripts); a part that breaks the limits is skipped with a finding.
public struct COIPayload: Sendable {
    /// One attachment.
    public struct Attachment: Sendable, Hashable {
        /// `filename`, if given.
        public var filename: String?
        /// The media type, lowercased `type/subtype`.
        public var mimeType: String
        /// The decoded bytes.
        public var bytes: [UInt8]
        /// Whether the part is marked `Chat-Content: preview`.
        public var isPreview: Bool
    }

    /// The first `text/plain` part that is not marked `ignore`, decoded (format=flowed unwrapped).
    public var text: String?
    /// The first `text/html` part that is not marked `ignore`.
    public var html: String?
    /// The first `text/markdown` part.
    public var markdown: String?
    /// Non-text leaves, in order.
    public var attachments: [Attachment]
    /// The microformats of every HTML part, merged in part order.
    public var cards: [HCard] = []
    /// The h-groups.
    public var groups: [HGroup] = []
    /// The h-geo locations (from HTML; else the plain text's `Position:` line).
    public var locations: [HGeo] = []
    /// The h-polls.
    public var polls: [Poll] = []
    /// The h-poll-votes.
    public var votes: [PollVote] = []
    /// The h-poll-closes.
    public var closes: [PollClose] = []
    /// The mentions: HTML links, else the plain text's `@"Name":address` forms.
    public var mentions: [Mention] = []
    /// HTML parts that could not be read, and mention findings.
    public var findings: [Diagnostic] = []

    /// The most HTML parts read from one message.
    public static let maximumHTMLParts = 16

    /// Reads a message's parts.
    public init(message: Message, limits: HTMLDocument.Limits = .default) {
        text = nil
        html = nil
        markdown = nil
        attachments = []
        var htmlParts = 0
        var visited = 0
        // The walk keeps one position per level: pushing a multipart's children on a stack
        // would copy every part of it, however many there are past the limit.
        message.root.walkParts(includingNestedMessages: false) { part, _ in
            guard visited < 10_000 else { return }
            visited += 1
            if case .multipart = part.content { return }
            let type = part.contentType
            let marker = part.headers.first(named: "Chat-Content").map { ChatContentField($0).value }
            if type.type == "text" && part.contentDisposition?.kind != .attachment {
                guard marker != .ignore else { return }
                switch type.subtype {
                case "plain" where text == nil:
                    text = part.text(unwrapFlowed: true)?.text
                case "markdown" where markdown == nil:
                    markdown = part.text()?.text
                case "html":
                    guard htmlParts < Self.maximumHTMLParts else { return }
                    htmlParts += 1
                    let body = part.decodedBody().bytes
                    if html == nil { html = part.text()?.text }
                    read(html: body, at: part.bodyOffset, limits: limits)
                default:
                    break
                }
            } else if !part.isLeaf || type.type == "multipart" {
                return
            } else {
                attachments.append(Attachment(filename: part.filename, mimeType: type.mimeType.lowercased(),
                                              bytes: part.decodedBody().bytes, isPreview: marker == .preview))
            }
        }
        if locations.isEmpty, let text, let location = HGeo(plainText: text) { locations = [location] }
        if mentions.isEmpty, let text { mentions = Mention.mentions(inPlainText: text).map(\.mention) }
    }

    private mutating func read(html bytes: [UInt8], at offset: Int, limits: HTMLDocument.Limits) {
        do {
            let found = try Microformats(html: bytes, limits: limits)
            cards += found.cards
            groups += found.groups
            locations += found.locations
            polls += found.polls
            votes += found.votes
            closes += found.closes
            mentions += found.mentions.mentions
            findings += found.mentions.findings.map { $0.shifted(by: offset) }
        } catch {
            findings.append(Diagnostic(.coiUnreadableHTML, .warning, at: offset, "HTML part not read: \(error)"))
        }
    }
}
