public import COI
public import MIMECore

/// The filtering decision for a delivered message on a COI server (COI server spec, "Configure
/// Message Filtering"): is it a chat message, does it get `$Chat`, and where does it go.
///
/// Detection is the COI layer's (``COIDetection``): a `Chat-Version` field, a `chat$`
/// Message-ID, or a first `References` id starting with `chat$` (plus the legacy and Delta
/// Chat spellings the COI layer accepts). The decision is made from the header alone, before
/// the message is stored, so that an `IDLE` on INBOX is not woken for a message that goes to
/// Chats, as the spec requires.
public struct COIDeliveryFilter: Sendable, Hashable {
    /// The user's COI settings.
    public var configuration: COIConfiguration
    /// Whether detected chat messages still get `$Chat` while COI is disabled. The spec lets a
    /// server stop ("MAY"); keeping it (the default) lets `msgtype` subscriptions keep working.
    public var marksChatsWhileDisabled: Bool

    /// The keyword of chat messages.
    public static let chatKeyword = "$Chat"

    /// Creates a filter.
    public init(configuration: COIConfiguration, marksChatsWhileDisabled: Bool = true) {
        self.configuration = configuration
        self.marksChatsWhileDisabled = marksChatsWhileDisabled
    }

    /// What to do with one delivered message.
    public struct Decision: Sendable, Hashable {
        /// Why the message is (or is not) a chat message.
        public var detection: COIDetection
        /// Whether to add ``COIDeliveryFilter/chatKeyword``.
        public var addsChatKeyword: Bool
        /// The mailbox to store the message in.
        public var mailbox: String
        /// Whether the message must move to Chats once it gets `\Seen` (`seen` mode).
        public var movesWhenSeen: Bool

        /// Whether the message is a chat message.
        public var isChat: Bool { detection.isChat }
    }

    /// Decides for a message about to be stored in `mailbox` (normally INBOX) with `flags`.
    ///
    /// Only deliveries to INBOX are filtered: a message that a global rule already routed
    /// elsewhere stays there, though it still gets `$Chat`. In `seen` mode a message that
    /// arrives already `\Seen` goes straight to Chats.
    public func decide(fields: HeaderFields, mailbox: String = "INBOX", flags: Set<String> = []) -> Decision {
        let detection = COIDetection(fields: fields)
        let enabled = configuration.isEnabled
        var decision = Decision(detection: detection, addsChatKeyword: detection.isChat && (enabled || marksChatsWhileDisabled),
                                mailbox: mailbox, movesWhenSeen: false)
        guard detection.isChat, enabled, COIDeliveryFilter.isInbox(mailbox) else { return decision }
        let seen = flags.contains { $0.lowercased() == "\\seen" }
        switch configuration.messageFilter {
        case .none:
            break
        case .active:
            decision.mailbox = configuration.folders.chats
        case .seen:
            if seen {
                decision.mailbox = configuration.folders.chats
            } else {
                decision.movesWhenSeen = true
            }
        }
        return decision
    }

    /// Decides for a parsed message; see ``decide(fields:mailbox:flags:)``.
    public func decide(message: Message, mailbox: String = "INBOX", flags: Set<String> = []) -> Decision {
        decide(fields: message.headers, mailbox: mailbox, flags: flags)
    }

    /// In `seen` mode, where a message in `mailbox` with `keywords` moves when it gets `\Seen`:
    /// Chats for a `$Chat` message in INBOX, else `nil` (it stays).
    public func mailboxAfterSeen(in mailbox: String, keywords: Set<String>) -> String? {
        guard configuration.isEnabled, configuration.messageFilter == .seen, COIDeliveryFilter.isInbox(mailbox),
              keywords.contains(where: { $0.lowercased() == COIDeliveryFilter.chatKeyword.lowercased() }) else { return nil }
        return configuration.folders.chats
    }

    /// INBOX is case-insensitive (RFC 3501 section 5.1).
    static func isInbox(_ name: String) -> Bool { name.uppercased() == "INBOX" }
}
