/// A `SETMETADATA` request the server must answer with `NO`, with the response code and text the
/// specs give.
///
/// ``responseText`` is what follows `NO ` in the tagged response, for example
/// `[CANNOT] invalid value for /private/vendor/vendor.dovecot/coi/config/enabled: "true"`.
public struct MetadataRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of refusal; an open set.
    public struct Code: RawRepresentable, Sendable, Hashable {
        /// The code's spelling.
        public var rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A value the setting does not allow.
        public static let invalidValue = Code(rawValue: "invalid-value")
        /// A setting this server does not let users change (`mailbox-root` by default).
        public static let cannotSet = Code(rawValue: "cannot-set")
        /// An entry clients may read but not write.
        public static let readOnly = Code(rawValue: "read-only")
        /// An entry name the specs do not define.
        public static let unknownEntry = Code(rawValue: "unknown-entry")
        /// A subscription document that is not acceptable.
        public static let invalidSubscription = Code(rawValue: "invalid-subscription")
        /// The user already has the maximum number of subscriptions.
        public static let tooManySubscriptions = Code(rawValue: "too-many-subscriptions")
        /// A validation text that is wrong, expired or for another subscription.
        public static let invalidValidation = Code(rawValue: "invalid-validation")
        /// A value larger than the server stores.
        public static let tooLarge = Code(rawValue: "too-large")
    }

    /// What kind of refusal this is.
    public var code: Code
    /// The bracketed IMAP response code without brackets: `CANNOT` (RFC 5530), or
    /// `METADATA TOOMANY` / `METADATA MAXSIZE n` (RFC 5464 section 4.3).
    public var responseCode: String
    /// The human-readable text after the response code.
    public var text: String

    /// Creates a refusal.
    public init(code: Code, responseCode: String = "CANNOT", text: String) {
        self.code = code
        self.responseCode = responseCode
        self.text = text
    }

    /// The text after `NO ` in the tagged response.
    public var responseText: String { "[\(responseCode)] \(text)" }

    /// The response text.
    public var description: String { responseText }
}
