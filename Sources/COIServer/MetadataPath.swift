/// A server METADATA entry name (RFC 5464 section 3.2) that the COI server spec or the IMAP
/// WebPush extension defines, parsed into what it means.
///
/// Servers "MAY reject any paths that are not defined" (COI server spec, "Scope of METADATA
/// Support"); ``init(parsing:)`` refuses them with a typed ``Error`` so a server can answer `NO`.
/// The fixed parts are matched without regard to ASCII case because RFC 5464 section 3.2 makes
/// entry names case-insensitive; the push registration ID keeps its case, because clients
/// generate it and compare it byte for byte.
public enum MetadataPath: Sendable, Hashable, CustomStringConvertible {
    /// `/private/vendor/vendor.dovecot/coi/config`: the parent of the COI settings, read with
    /// `GETMETADATA (DEPTH 1)`.
    case coiConfig
    /// `/private/vendor/vendor.dovecot/coi/config/<setting>`.
    case coiSetting(COISetting)
    /// `/private/vendor/vendor.dovecot/webpush/vapid`: the server's VAPID public key (read-only).
    case vapidKey
    /// `/private/vendor/vendor.dovecot/webpush/subscriptions`: the parent of all subscriptions.
    case subscriptions
    /// `/private/vendor/vendor.dovecot/webpush/subscriptions/<id>`: one push subscription.
    case subscription(PushRegistrationID)
    /// `/private/vendor/vendor.dovecot/webpush/subscriptions/<id>/validate`: where a client
    /// returns the validation text.
    case subscriptionValidation(PushRegistrationID)

    /// The vendor prefix every COI and WebPush entry shares.
    public static let vendorPrefix = "/private/vendor/vendor.dovecot"
    /// The COI configuration prefix.
    public static let coiConfigPrefix = vendorPrefix + "/coi/config"
    /// The WebPush prefix.
    public static let webPushPrefix = vendorPrefix + "/webpush"

    /// The entry name as a server writes it in a `METADATA` response.
    public var description: String {
        switch self {
        case .coiConfig: MetadataPath.coiConfigPrefix
        case let .coiSetting(setting): MetadataPath.coiConfigPrefix + "/" + setting.rawValue
        case .vapidKey: MetadataPath.webPushPrefix + "/vapid"
        case .subscriptions: MetadataPath.webPushPrefix + "/subscriptions"
        case let .subscription(id): MetadataPath.webPushPrefix + "/subscriptions/" + id.rawValue
        case let .subscriptionValidation(id): MetadataPath.webPushPrefix + "/subscriptions/" + id.rawValue + "/validate"
        }
    }

    /// Whether a client may write the entry with `SETMETADATA`; the parents and the VAPID key
    /// are the server's.
    public var isWritable: Bool {
        switch self {
        case .coiSetting, .subscription, .subscriptionValidation: true
        case .coiConfig, .vapidKey, .subscriptions: false
        }
    }

    /// Refuses `SETMETADATA` on entries only the server writes (the parents and the VAPID key).
    public func checkWritable() throws(MetadataRefusal) {
        guard !isWritable else { return }
        throw MetadataRefusal(code: .readOnly, text: "\(description) is read-only")
    }

    /// Why an entry name is not one the specs define.
    public struct Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// The kinds of refusal; an open set.
        public struct Code: RawRepresentable, Sendable, Hashable {
            /// The code's spelling.
            public var rawValue: String
            /// Creates a code.
            public init(rawValue: String) { self.rawValue = rawValue }
            /// The name is longer than ``MetadataPath/maximumLength``.
            public static let tooLong = Code(rawValue: "too-long")
            /// The name breaks RFC 5464's entry syntax (empty segment, trailing slash, `*`, `%`,
            /// a control or non-ASCII byte).
            public static let malformed = Code(rawValue: "malformed")
            /// The name lies outside the COI and WebPush namespaces.
            public static let unknownNamespace = Code(rawValue: "unknown-namespace")
            /// The COI config has no such setting.
            public static let unknownSetting = Code(rawValue: "unknown-setting")
            /// The WebPush namespace has no such entry.
            public static let unknownEntry = Code(rawValue: "unknown-entry")
            /// The subscription ID breaks the registration ID rule.
            public static let invalidRegistrationID = Code(rawValue: "invalid-registration-id")
        }
        /// What is wrong.
        public var code: Code
        /// The byte offset in the entry name where the problem starts.
        public var offset: Int
        /// A sentence for logs or a `NO` response.
        public var message: String
        /// The message.
        public var description: String { message }
        /// The `NO` answer for the entry: `[CANNOT]` with the message.
        public var refusal: MetadataRefusal { MetadataRefusal(code: .unknownEntry, text: message) }
    }

    /// The longest entry name accepted; the longest defined one (a validation path with a
    /// 36-character ID) is 97 octets.
    public static let maximumLength = 256

    /// Parses an entry name.
    public init(parsing name: String) throws(Error) {
        let bytes = Array(name.utf8)
        guard bytes.count <= MetadataPath.maximumLength else {
            throw Error(code: .tooLong, offset: MetadataPath.maximumLength,
                        message: "entry name longer than \(MetadataPath.maximumLength) octets")
        }
        // RFC 5464 section 3.2: entries are "/"-separated, no "//", no trailing "/", no "*" or "%",
        // and (for this module) printable ASCII only.
        guard bytes.first == UInt8(ascii: "/") else {
            throw Error(code: .malformed, offset: 0, message: "entry name must start with \"/\"")
        }
        for (index, byte) in bytes.enumerated() {
            let bad = byte < 0x21 || byte > 0x7E || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "%")
                || (byte == UInt8(ascii: "/") && (index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: "/")))
            if bad {
                throw Error(code: .malformed, offset: index, message: "entry name has a forbidden character or empty segment at offset \(index)")
            }
        }
        if let rest = MetadataPath.strip(MetadataPath.coiConfigPrefix, from: name) {
            if rest.isEmpty { self = .coiConfig; return }
            guard rest.hasPrefix("/"), let setting = COISetting(rawValue: String(rest.dropFirst()).lowercased()) else {
                throw Error(code: .unknownSetting, offset: MetadataPath.coiConfigPrefix.utf8.count,
                            message: "no COI setting \(rest.dropFirst())")
            }
            self = .coiSetting(setting)
            return
        }
        guard let rest = MetadataPath.strip(MetadataPath.webPushPrefix, from: name) else {
            throw Error(code: .unknownNamespace, offset: 0, message: "entry \(name) is not a COI or WebPush entry")
        }
        let offset = MetadataPath.webPushPrefix.utf8.count
        let segments = rest.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        switch segments.count {
        case 1 where segments.first!.lowercased() == "vapid":
            self = .vapidKey
        case 1 where segments.first!.lowercased() == "subscriptions":
            self = .subscriptions
        case 2 where segments.first!.lowercased() == "subscriptions":
            self = .subscription(try MetadataPath.registrationID(segments.last!, offset: offset + 15))
        case 3 where segments.first!.lowercased() == "subscriptions" && segments.last!.lowercased() == "validate":
            self = .subscriptionValidation(try MetadataPath.registrationID(segments[segments.startIndex + 1], offset: offset + 15))
        default:
            throw Error(code: .unknownEntry, offset: offset, message: "no WebPush entry \(name)")
        }
    }

    private static func registrationID(_ text: Substring, offset: Int) throws(Error) -> PushRegistrationID {
        do {
            return try PushRegistrationID(validating: String(text))
        } catch {
            throw Error(code: .invalidRegistrationID, offset: offset, message: error.description)
        }
    }

    /// The remainder of `name` after `prefix` (ASCII case-insensitive), when the prefix ends at
    /// a segment boundary.
    private static func strip(_ prefix: String, from name: String) -> Substring? {
        let nameBytes = Array(name.utf8)
        let prefixBytes = Array(prefix.utf8)
        guard nameBytes.count >= prefixBytes.count else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        for (a, b) in zip(nameBytes, prefixBytes) where lower(a) != lower(b) {
            return nil
        }
        let rest = name.utf8.dropFirst(prefixBytes.count)
        guard rest.isEmpty || rest.first == UInt8(ascii: "/") else { return nil }
        return Substring(rest)
    }
}
