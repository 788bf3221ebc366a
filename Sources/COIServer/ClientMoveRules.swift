internal import COI
public import MIMECore

/// The moves a COI client (or a service acting for the user) makes on a server without COI
/// support: the pseudo code of the COI client spec, "Manual Message Filtering".
///
/// ```
/// onNewIncomingMessage(msg) {
///   if (msg.from == me && msg.to != me) {   // from me to other users
///     markMessageAsRead(msg)
///     if isCoiMessage(msg) && isConfigurationMoveToCoiChats() { moveToCoiChats(msg) }
///     else { moveToSent(msg) }
///   } else if isCoiMessage(msg) && isConfigurationMoveToCoiChats() { moveToCoiChats(msg) }
/// }
/// ```
/// (The spec's version has one closing brace too many.) `me` is the primary address or any
/// alias. `msg.to != me` is read as "some `To` or `Cc` recipient is not me", so a message from
/// me to myself is treated like any incoming message; a message from me with no visible
/// recipient (Bcc only) counts as sent to others.
public struct ClientMoveRules: Sendable, Hashable {
    /// The user's addresses: primary and aliases, compared case-insensitively.
    public var myAddresses: Set<String>
    /// Whether the user chose to file chat messages in Chats (`isConfigurationMoveToCoiChats`).
    public var movesChatsToChats: Bool

    /// Creates the rules.
    public init(myAddresses: some Sequence<String>, movesChatsToChats: Bool) {
        self.myAddresses = Set(myAddresses.map { $0.lowercased() })
        self.movesChatsToChats = movesChatsToChats
    }

    /// Where a message goes.
    public enum Destination: Sendable, Hashable {
        /// `<mailbox-root>/Chats`.
        case chats
        /// The Sent folder.
        case sent
    }

    /// What to do with a new incoming message.
    public struct Decision: Sendable, Hashable {
        /// Whether to set `\Seen`.
        public var marksAsRead: Bool
        /// Where to move the message, or `nil` to leave it.
        public var destination: Destination?
        /// Creates a decision.
        public init(marksAsRead: Bool, destination: Destination?) {
            self.marksAsRead = marksAsRead
            self.destination = destination
        }
    }

    /// Decides for a message.
    public func decide(message: Message) -> Decision {
        let recipients = (message.to + message.cc).mailboxes.map { $0.addrSpec }
        return decide(from: message.from.mailboxes.first?.addrSpec, recipients: recipients,
                      isChat: COIDetection(message: message).isChat)
    }

    /// Decides from the first `From` address, the `To` and `Cc` addresses, and the detection.
    public func decide(from sender: String?, recipients: [String], isChat: Bool) -> Decision {
        let fromMe = sender.map { myAddresses.contains($0.lowercased()) } ?? false
        let toOthers = recipients.isEmpty || recipients.contains { !myAddresses.contains($0.lowercased()) }
        if fromMe && toOthers {
            return Decision(marksAsRead: true, destination: isChat && movesChatsToChats ? .chats : .sent)
        }
        return Decision(marksAsRead: false, destination: isChat && movesChatsToChats ? .chats : nil)
    }
}
