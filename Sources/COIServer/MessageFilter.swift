/// The `message-filter` setting (COI server spec, "Configure Message Filtering"): how a server
/// files delivered chat messages.
///
/// A closed set on purpose: the spec lets servers refuse other values, and this module does,
/// case-sensitively as the spec recommends.
public enum MessageFilter: String, Sendable, Hashable, CaseIterable {
    /// Chat messages stay where ordinary mail goes; the default.
    case none
    /// Chat messages go to `<mailbox-root>/Chats` at delivery.
    case active
    /// Chat messages stay in INBOX until they get `\Seen`, then move to `<mailbox-root>/Chats`.
    case seen
}
