/// Why a client's subscription document is refused.
public struct PushSubscriptionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of refusal; an open set.
    public struct Code: RawRepresentable, Sendable, Hashable {
        /// The code's spelling.
        public var rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Larger than ``PushSubscription/Limits/maximumBytes``.
        public static let tooLarge = Code(rawValue: "too-large")
        /// Nested deeper than ``PushSubscription/Limits/maximumDepth``.
        public static let tooDeep = Code(rawValue: "too-deep")
        /// Not well-formed JSON (RFC 8259), including invalid UTF-8 and duplicate member names.
        public static let malformedJSON = Code(rawValue: "malformed-json")
        /// A required member is missing.
        public static let missingMember = Code(rawValue: "missing-member")
        /// A member has the wrong JSON type.
        public static let wrongType = Code(rawValue: "wrong-type")
        /// A string member is longer than the spec allows.
        public static let tooLong = Code(rawValue: "too-long")
        /// `msgtype` is not `chat`, `mail` or `all` (nor an accepted alternative spelling).
        public static let invalidMessageType = Code(rawValue: "invalid-msgtype")
        /// `endpoint` is not an https URL of at most 512 octets.
        public static let invalidEndpoint = Code(rawValue: "invalid-endpoint")
        /// `p256dh` or `auth` is not base64url, not a P-256 point, or not 16 octets.
        public static let invalidKey = Code(rawValue: "invalid-key")
        /// A stored document's `created` or `validated` is unreadable.
        public static let invalidStoredState = Code(rawValue: "invalid-stored-state")
    }

    /// What kind of refusal.
    public var code: Code
    /// The member concerned, as a dotted path such as `resource.keys.p256dh`; empty for the
    /// document as a whole.
    public var member: String
    /// The byte offset in the document, when the refusal comes from reading it.
    public var offset: Int?
    /// A sentence for logs and the `NO` response.
    public var message: String

    /// The message, with the member.
    public var description: String { member.isEmpty ? message : "\(member): \(message)" }

    /// The `NO` response for `SETMETADATA`: `[METADATA MAXSIZE n]` for an oversized document
    /// (RFC 5464 section 4.3), `[CANNOT]` otherwise.
    public func refusal(maximumBytes: Int = PushSubscription.Limits().maximumBytes) -> MetadataRefusal {
        if code == .tooLarge {
            return MetadataRefusal(code: .tooLarge, responseCode: "METADATA MAXSIZE \(maximumBytes)", text: "subscription too large")
        }
        return MetadataRefusal(code: .invalidSubscription, text: "invalid subscription: \(description)")
    }
}
