public import MIMECore

/// Applies edit and delete requests to the messages they change (COI client spec, "Edit and
/// Delete Messages"):
/// - a change is accepted only from the sender of the original message;
/// - an edit may refer to an earlier edit ("multiple edits should reference the last edited
///   message"): the chain is followed back to the original;
/// - the latest change wins: the one with the latest `Date`, and among equal dates the one
///   added last; a delete is a change like an edit;
/// - a change whose original is unknown is kept aside and applied when the original arrives,
///   so that the order of arrival does not matter; until then it is shown on its own.
///
/// Feed it events with ``add(_:)`` (or the explicit `add…` methods) in any order.
public struct EditResolver: Sendable {
    /// One version of a message: the original or a change to it.
    public struct Version: Sendable, Hashable {
        /// The message that carried this version.
        public var messageID: MessageID
        /// The sender's normalized address (``COIFromHash/normalize(address:)``).
        public var sender: String
        /// `Date`, for ordering.
        public var date: MessageDate?
        /// Whether this version deletes the message.
        public var isDeletion: Bool
        /// The order of arrival, the tie-breaker among equal dates.
        public var sequence: Int
    }

    /// What happened to a change.
    public enum Outcome: Sendable, Hashable {
        /// Applied to the original `root`.
        case applied(root: MessageID)
        /// Refused: it came from someone other than the original's sender.
        case rejectedDifferentSender(root: MessageID)
        /// Kept aside until its original arrives.
        case pending
    }

    private var senders: [MessageID: String] = [:]
    private var parent: [MessageID: MessageID] = [:]
    private var changes: [MessageID: [Version]] = [:]
    private var pending: [MessageID: [(version: Version, refersTo: MessageID)]] = [:]
    private var sequence = 0

    /// An empty resolver.
    public init() {}

    /// Records an original message.
    @discardableResult
    public mutating func addOriginal(_ messageID: MessageID, sender: String) -> [Outcome] {
        senders[messageID] = COIFromHash.normalize(address: sender)
        var outcomes: [Outcome] = []
        for waiting in pending.removeValue(forKey: messageID) ?? [] {
            outcomes.append(apply(waiting.version, refersTo: waiting.refersTo))
        }
        return outcomes
    }

    /// Records an edit (or, with `isDeletion`, a delete) `messageID` of `refersTo`.
    @discardableResult
    public mutating func addChange(_ messageID: MessageID, sender: String, date: MessageDate?,
                                   refersTo: MessageID, isDeletion: Bool) -> Outcome {
        sequence += 1
        let version = Version(messageID: messageID, sender: COIFromHash.normalize(address: sender), date: date,
                              isDeletion: isDeletion, sequence: sequence)
        return apply(version, refersTo: refersTo)
    }

    /// Records a classified event: edits and deletes as changes, everything else with a
    /// message-id and sender as a possible original. `nil` for events it cannot use.
    @discardableResult
    public mutating func add(_ event: COIEvent) -> Outcome? {
        guard let id = event.messageID, let sender = event.sender?.addrSpec else { return nil }
        switch event.kind {
        case .edit, .delete:
            guard let target = event.refersTo else { return nil }
            return addChange(id, sender: sender, date: event.date, refersTo: target, isDeletion: event.kind == .delete)
        default:
            addOriginal(id, sender: sender)
            return nil
        }
    }

    private mutating func apply(_ version: Version, refersTo: MessageID) -> Outcome {
        guard let root = root(of: refersTo) else {
            pending[refersTo, default: []].append((version, refersTo))
            return .pending
        }
        guard senders[root] == version.sender else { return .rejectedDifferentSender(root: root) }
        parent[version.messageID] = root
        changes[root, default: []].append(version)
        // Changes that referred to this edit can now be placed too.
        for waiting in pending.removeValue(forKey: version.messageID) ?? [] {
            _ = apply(waiting.version, refersTo: waiting.refersTo)
        }
        return .applied(root: root)
    }

    /// The original message behind `id` (itself when it is an original), following edits back.
    public func root(of id: MessageID) -> MessageID? {
        if senders[id] != nil { return id }
        return parent[id]
    }

    /// The accepted changes of `original`, oldest first.
    public func history(of original: MessageID) -> [Version] {
        (changes[original] ?? []).sorted(by: Self.isOlder)
    }

    /// The version to show for `original`: the latest accepted change, or `nil` when it was
    /// never changed.
    public func latest(of original: MessageID) -> Version? {
        history(of: original).last
    }

    /// Whether the latest version of `original` deletes it.
    public func isDeleted(_ original: MessageID) -> Bool {
        latest(of: original)?.isDeletion ?? false
    }

    static func isOlder(_ lhs: Version, _ rhs: Version) -> Bool {
        switch (lhs.date, rhs.date) {
        case let (left?, right?) where left.secondsSinceEpoch != right.secondsSinceEpoch:
            return left.secondsSinceEpoch < right.secondsSinceEpoch
        default:
            return lhs.sequence < rhs.sequence
        }
    }
}
