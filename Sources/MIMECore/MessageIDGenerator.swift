/// A source of `Message-ID` values (RFC 5322 section 3.6.4) for messages that ``MessageBuilder``
/// writes without one.
///
/// A generator that returns fixed values makes the output deterministic;
/// ``RandomMessageIDGenerator`` is the default.
public protocol MessageIDGenerator: Sendable {
    /// Returns a new, globally unique message identifier (RFC 5322 section 3.6.4). `domain` is a
    /// suggestion for the right-hand side, taken from the first `From` mailbox when there is one.
    mutating func nextMessageID(domain: String?) -> MessageID
}
