internal import Crypto

/// The `resource.keys` of a push subscription: the user agent's ECDH public key and its
/// authentication secret (RFC 8291 section 3).
public struct PushKeys: Sendable, Hashable {
    /// The P-256 public key as an uncompressed point (X9.62: `0x04 || X || Y`, 65 octets).
    public let p256dh: [UInt8]
    /// The 16-octet authentication secret.
    public let auth: [UInt8]
    /// `p256dh` as the client spelled it, kept so the stored subscription reads back unchanged.
    public let p256dhText: String
    /// `auth` as the client spelled it.
    public let authText: String

    /// The longest `p256dh` text the spec allows.
    public static let maximumP256dhLength = 256
    /// The longest `auth` text accepted: 16 octets take 24 characters with padding.
    public static let maximumAuthLength = 64

    /// Why keys are not acceptable.
    public struct Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// `p256dh` or `auth`.
        public var field: String
        /// The reason.
        public var description: String
    }

    /// Validates the two base64url (or padded base64) texts: `p256dh` must decode to a point
    /// on P-256, `auth` to 16 octets.
    public init(p256dh p256dhText: String, auth authText: String) throws(Error) {
        guard p256dhText.utf8.count <= PushKeys.maximumP256dhLength else {
            throw Error(field: "p256dh", description: "p256dh is longer than \(PushKeys.maximumP256dhLength) octets")
        }
        guard authText.utf8.count <= PushKeys.maximumAuthLength else {
            throw Error(field: "auth", description: "auth is longer than \(PushKeys.maximumAuthLength) octets")
        }
        let point: [UInt8]
        let secret: [UInt8]
        do {
            point = try Base64URL.decode(p256dhText)
        } catch {
            throw Error(field: "p256dh", description: "p256dh is not base64url: \(error)")
        }
        do {
            secret = try Base64URL.decode(authText)
        } catch {
            throw Error(field: "auth", description: "auth is not base64url: \(error)")
        }
        guard point.count == 65, point[0] == 0x04 else {
            throw Error(field: "p256dh", description: "p256dh must be an uncompressed P-256 point (65 octets starting 0x04), not \(point.count) octets")
        }
        guard (try? P256.KeyAgreement.PublicKey(x963Representation: point)) != nil else {
            throw Error(field: "p256dh", description: "p256dh is not a point on the P-256 curve")
        }
        guard secret.count == 16 else {
            throw Error(field: "auth", description: "auth must be 16 octets, not \(secret.count)")
        }
        p256dh = point
        auth = secret
        self.p256dhText = p256dhText
        self.authText = authText
    }
}
