/// The `msgtype` of a push subscription (IMAP WebPush extension, "Subscribe"): which delivered
/// messages trigger a push.
public enum PushMessageType: String, Sendable, Hashable, CaseIterable {
    /// Chat messages only: those marked `$Chat`.
    case chat
    /// Ordinary mail only, chat messages excluded.
    case mail
    /// Both.
    case all

    /// Spellings some servers and clients use instead of the spec's: `any` for `all`, `email`
    /// for `mail`. Accepted, and reported with a note, so that such clients keep working.
    public static let alternativeSpellings: [String: PushMessageType] = ["any": .all, "email": .mail]

    /// Whether a message with or without `$Chat` matches.
    public func matches(isChat: Bool) -> Bool {
        switch self {
        case .chat: isChat
        case .mail: !isChat
        case .all: true
        }
    }
}
