internal import Crypto
internal import Foundation

/// Creates and checks the validation texts of new subscriptions (IMAP WebPush extension,
/// "Validate New Subscriptions").
///
/// The spec leaves the text's form to the server and suggests signing a text and a timestamp.
/// This one is `v1$<seconds since 1970>$<base64url HMAC-SHA256>` where the MAC covers the
/// version, the registration ID and the timestamp, so a text proves the server issued it for
/// that subscription at that time without any state; about 60 octets, well under the spec's
/// 1 kB.
public struct PushValidator: Sendable {
    private let key: SymmetricKey
    /// How long after issue a text is accepted, in seconds; 300 (the spec's recommended 5
    /// minutes) unless configured.
    public var window: Int64
    /// How far in the future a timestamp may lie, for clock skew between server processes.
    public var allowedSkew: Int64 = 30

    /// The longest text ever accepted; the spec caps validation texts at 1 kB.
    public static let maximumTextLength = 1024

    /// Creates a validator with a server secret of at least 16 octets (32 random octets are a
    /// good choice). Returns `nil` for a shorter secret.
    public init?(secret: [UInt8], window: Int64 = 300) {
        guard secret.count >= 16 else { return nil }
        key = SymmetricKey(data: secret)
        self.window = window
    }

    /// Why a returned text is not accepted. Every case is answered the same way on the wire
    /// (``refusal``), so a client cannot learn which check failed; the cases are for logs.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The reasons; an open set.
        public struct Reason: RawRepresentable, Sendable, Hashable {
            /// The reason's spelling.
            public var rawValue: String
            /// Creates a reason.
            public init(rawValue: String) { self.rawValue = rawValue }
            /// Not a text this validator issues (form, length, encoding).
            public static let malformed = Reason(rawValue: "malformed")
            /// The MAC does not match: forged, altered, or for another subscription.
            public static let mismatch = Reason(rawValue: "mismatch")
            /// Issued longer ago than the window.
            public static let expired = Reason(rawValue: "expired")
            /// Issued in the future beyond the allowed skew.
            public static let fromTheFuture = Reason(rawValue: "from-the-future")
        }
        /// Why.
        public var reason: Reason
        /// The reason's spelling.
        public var description: String { reason.rawValue }
        /// The spec's answer: `NO [CANNOT] invalid validation`.
        public var refusal: MetadataRefusal { MetadataRefusal(code: .invalidValidation, text: "invalid validation") }
    }

    /// The validation text for subscription `id`, issued at `now` (seconds since 1970).
    public func text(for id: PushRegistrationID, issuedAt now: Int64) -> String {
        "v1$\(now)$" + Base64URL.encode(mac(id: id, timestamp: now))
    }

    /// The push payload of the validation message: `{"validation":"<text>"}`.
    public func payload(for id: PushRegistrationID, issuedAt now: Int64) -> [UInt8] {
        var writer = JSONWriter()
        writer.string("validation", text(for: id, issuedAt: now))
        return writer.finished()
    }

    /// Checks a text returned with `SETMETADATA …/subscriptions/<id>/validate` at `now`; the MAC
    /// is compared in constant time.
    public func verify(_ text: String, for id: PushRegistrationID, now: Int64) throws(Failure) {
        guard text.utf8.count <= PushValidator.maximumTextLength else { throw Failure(reason: .malformed) }
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let issued = Int64(parts[1]), issued >= 0,
              let mac = try? Base64URL.decode(String(parts[2])), mac.count == 32,
              String(issued) == parts[1] else { throw Failure(reason: .malformed) }
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: PushValidator.message(id: id, timestamp: issued),
                                                     using: key) else {
            throw Failure(reason: .mismatch)
        }
        guard issued - now <= allowedSkew else { throw Failure(reason: .fromTheFuture) }
        guard now - issued <= window else { throw Failure(reason: .expired) }
    }

    private func mac(id: PushRegistrationID, timestamp: Int64) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: PushValidator.message(id: id, timestamp: timestamp), using: key))
    }

    private static func message(id: PushRegistrationID, timestamp: Int64) -> [UInt8] {
        Array("coi-webpush-validation\u{0}v1\u{0}\(id.rawValue)\u{0}\(timestamp)".utf8)
    }
}
