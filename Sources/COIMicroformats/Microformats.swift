/// Everything COI reads out of one HTML part: the generic items and each typed value, with the
/// mentions and their findings.
///
/// `Microformats(html:)` is the module's entry point for untrusted bytes (and the fuzz target's):
/// any input either parses within ``HTMLDocument/Limits`` or throws
/// ``HTMLDocument/ParseError``; it never traps.
public struct Microformats: Sendable, Hashable {
    /// The top-level microformats2 items.
    public var items: [MicroformatItem]
    /// The top-level `h-card`s.
    public var cards: [HCard]
    /// The top-level `h-group`s.
    public var groups: [HGroup]
    /// The `h-geo` locations, also nested ones.
    public var locations: [HGeo]
    /// The `h-poll`s.
    public var polls: [Poll]
    /// The `h-poll-vote`s.
    public var votes: [PollVote]
    /// The `h-poll-close`s.
    public var closes: [PollClose]
    /// The mentions and the findings about them.
    public var mentions: Mention.HTMLScan

    /// Reads everything from a parsed document.
    public init(document: HTMLDocument) {
        let items = document.microformats
        self.items = items
        cards = items.filter { $0.types.contains(HCard.type) }.map(HCard.init)
        groups = items.filter { $0.types.contains(HGroup.type) }.map(HGroup.init)
        locations = HGeo.locations(in: items)
        polls = items.compactMap(Poll.init)
        votes = items.compactMap(PollVote.init)
        closes = items.compactMap(PollClose.init)
        mentions = Mention.mentions(in: document)
    }

    /// Parses UTF-8 HTML bytes and reads everything from them.
    ///
    /// - Throws: ``HTMLDocument/ParseError`` when the input breaks one of `limits`.
    public init(html bytes: [UInt8], limits: HTMLDocument.Limits = .default) throws(HTMLDocument.ParseError) {
        self.init(document: try HTMLDocument(parsing: bytes, limits: limits))
    }
}
