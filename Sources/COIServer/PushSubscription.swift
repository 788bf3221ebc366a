/// A validated push subscription (IMAP WebPush extension, "Subscriptions"), as a server stores it
/// under `/private/vendor/vendor.dovecot/webpush/subscriptions/<id>`.
///
/// Build one from a client's `SETMETADATA` value with ``init(parsing:id:createdAt:limits:)``;
/// read one back from storage with ``init(stored:id:)``; write it with ``storedValue``, which
/// adds `created` and `validated` as the spec requires and drops every member the spec does not
/// define.
public struct PushSubscription: Sendable, Hashable {
    /// The registration ID from the entry name.
    public var id: PushRegistrationID
    /// The client's name, at most 128 octets.
    public var client: String?
    /// The device's name, at most 128 octets.
    public var device: String?
    /// Which messages trigger a push.
    public var messageType: PushMessageType
    /// The push resource URL.
    public var endpoint: PushEndpoint
    /// The encryption keys.
    public var keys: PushKeys
    /// When the server accepted the subscription, in seconds since 1970 (UTC).
    public var created: Int64
    /// Whether the client has returned the validation text.
    public var validated: Bool
    /// What the server accepted but a strict reading of the spec would not (alternative
    /// spellings); empty for a fully conforming subscription.
    public var notes: [String]

    /// The longest `client` and `device` values the spec allows.
    public static let maximumNameLength = 128

    /// Limits applied before and while reading a subscription document.
    public struct Limits: Sendable, Hashable {
        /// The largest document accepted; the spec's fields fit in well under 2 kB.
        public var maximumBytes: Int
        /// The deepest nesting accepted; the spec's document has three levels.
        public var maximumDepth: Int
        /// Creates limits.
        public init(maximumBytes: Int = 4096, maximumDepth: Int = 8) {
            self.maximumBytes = maximumBytes
            self.maximumDepth = maximumDepth
        }
    }

    /// Whether a delivered message with or without `$Chat` should be pushed to this
    /// subscription. Unvalidated subscriptions get no message pushes.
    public func wants(isChat: Bool) -> Bool {
        validated && messageType.matches(isChat: isChat)
    }

    /// The JSON value to store and to return for `GETMETADATA`, in the member order of the
    /// spec's listing example: `created`, `validated`, `client`, `device`, `msgtype`, `resource`.
    public var storedValue: String {
        var writer = JSONWriter()
        writer.string("created", RFC3339.format(created))
        writer.bool("validated", validated)
        if let client { writer.string("client", client) }
        if let device { writer.string("device", device) }
        writer.string("msgtype", messageType.rawValue)
        writer.object("resource") { resource in
            resource.string("endpoint", endpoint.url)
            resource.object("keys") { keys in
                keys.string("p256dh", self.keys.p256dhText)
                keys.string("auth", self.keys.authText)
            }
        }
        return String(decoding: writer.finished(), as: UTF8.self)
    }
}
