internal import Crypto
internal import Foundation
internal import MIMECodecs

/// The server's VAPID key (RFC 8292): an ECDSA P-256 key that signs the JWT of every push
/// request and whose public half clients read with `GETMETADATA`.
public struct VAPIDKey: Sendable {
    private let key: P256.Signing.PrivateKey

    /// Generates a new key.
    public init() {
        key = P256.Signing.PrivateKey()
    }

    /// Restores a key from its 32-octet private scalar (see ``rawPrivateKey``).
    public init(rawPrivateKey: [UInt8]) throws(VAPIDError) {
        guard let key = try? P256.Signing.PrivateKey(rawRepresentation: rawPrivateKey) else {
            throw VAPIDError(description: "not a P-256 private key")
        }
        self.key = key
    }

    /// Restores a key from a PEM `PRIVATE KEY` or `EC PRIVATE KEY` document.
    public init(pemRepresentation: String) throws(VAPIDError) {
        guard let key = try? P256.Signing.PrivateKey(pemRepresentation: pemRepresentation) else {
            throw VAPIDError(description: "not a PEM P-256 private key")
        }
        self.key = key
    }

    /// The private scalar, for the server's secret storage.
    public var rawPrivateKey: [UInt8] { Array(key.rawRepresentation) }

    /// The public key as an uncompressed point (65 octets), the form the `k` parameter carries.
    public var publicKey: [UInt8] { Array(key.publicKey.x963Representation) }

    /// The `k` parameter of the `vapid` Authorization scheme: the uncompressed point in
    /// base64url (RFC 8292 section 3.2).
    public var publicKeyParameter: String { Base64URL.encode(publicKey) }

    /// The value of `GETMETADATA "" /private/vendor/vendor.dovecot/webpush/vapid`.
    ///
    /// The spec asks for "the base 64-encoded form of the PEM encoded key"; its example is a PEM
    /// `PUBLIC KEY` document (RFC 7468 section 13) holding a SubjectPublicKeyInfo with the
    /// *compressed* point, 64-character lines separated by LF, no final line break: 133 octets.
    /// This value has exactly that form.
    public var metadataValue: String {
        let point = Array(key.publicKey.compressedRepresentation)
        return VAPIDKey.pem(spki: VAPIDKey.compressedSPKIPrefix + point)
    }

    /// DER of SubjectPublicKeyInfo up to the 33-octet compressed point (RFC 5480 section 2):
    /// SEQUENCE { SEQUENCE { id-ecPublicKey, secp256r1 }, BIT STRING }.
    static let compressedSPKIPrefix: [UInt8] = [
        0x30, 0x39, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01,
        0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x03, 0x22, 0x00,
    ]

    static func pem(spki: [UInt8]) -> String {
        let body = ASCII.string(Base64.encode(spki, lineLength: 64, lineEnding: .lf))
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----"
    }

    /// Reads a VAPID public key from a `GETMETADATA` value (PEM with a compressed or
    /// uncompressed point) and returns the uncompressed point; what a client does with the
    /// value, offered so that servers can test what they publish.
    public static func publicKey(fromMetadataValue value: String) throws(VAPIDError) -> [UInt8] {
        let lines = value.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        guard lines.first == "-----BEGIN PUBLIC KEY-----", lines.last == "-----END PUBLIC KEY-----", lines.count >= 3,
              value.utf8.count <= 512 else {
            throw VAPIDError(description: "not a PEM PUBLIC KEY document")
        }
        let decoded = Base64.decode(Array(lines.dropFirst().dropLast().joined().utf8))
        guard decoded.diagnostics.isEmpty else { throw VAPIDError(description: "PEM body is not base64") }
        let der = decoded.bytes
        if der.count == 59, Array(der.prefix(26)) == compressedSPKIPrefix,
           let key = try? P256.Signing.PublicKey(compressedRepresentation: der.suffix(33)) {
            return Array(key.x963Representation)
        }
        if let key = try? P256.Signing.PublicKey(derRepresentation: der) {
            return Array(key.x963Representation)
        }
        throw VAPIDError(description: "PEM body is not a P-256 SubjectPublicKeyInfo")
    }

    /// The longest token lifetime RFC 8292 section 2 allows: 24 hours.
    public static let maximumLifetime: Int64 = 86_400

    /// A signed JWT (RFC 7519, JWS compact serialization with ES256, RFC 7515 appendix A.3)
    /// with the claims of RFC 8292 section 2: `aud` (the push resource's origin), `exp` (at most
    /// 24 hours after `now`) and `sub` (a `mailto:` or `https:` contact).
    public func token(audience: String, expiresAt: Int64, subject: String, now: Int64) throws(VAPIDError) -> String {
        guard expiresAt > now else { throw VAPIDError(description: "exp must lie in the future") }
        guard expiresAt - now <= VAPIDKey.maximumLifetime else {
            throw VAPIDError(description: "exp must be at most 24 hours after now (RFC 8292 section 2)")
        }
        guard subject.hasPrefix("mailto:") || subject.hasPrefix("https:") else {
            throw VAPIDError(description: "sub must be a mailto: or https: URI (RFC 8292 section 2.1)")
        }
        guard audience.hasPrefix("https://") else { throw VAPIDError(description: "aud must be an https origin") }
        var header = JSONWriter()
        header.string("typ", "JWT")
        header.string("alg", "ES256")
        var claims = JSONWriter()
        claims.string("aud", audience)
        claims.integer("exp", expiresAt)
        claims.string("sub", subject)
        let signingInput = Base64URL.encode(header.finished()) + "." + Base64URL.encode(claims.finished())
        guard let signature = try? key.signature(for: Array(signingInput.utf8)) else {
            throw VAPIDError(description: "signing failed")
        }
        // ES256 signatures are R || S, 32 octets each (RFC 7518 section 3.4), not DER.
        return signingInput + "." + Base64URL.encode(Array(signature.rawRepresentation))
    }

    /// The `Authorization` header value for a push request to `endpoint`:
    /// `vapid t=<JWT>, k=<public key>` (RFC 8292 section 3), with a token valid for `lifetime`
    /// seconds (12 hours by default, at most 24).
    public func authorization(for endpoint: PushEndpoint, subject: String, now: Int64,
                              lifetime: Int64 = 43_200) throws(VAPIDError) -> String {
        let jwt = try token(audience: endpoint.origin, expiresAt: now + lifetime, subject: subject, now: now)
        return "vapid t=\(jwt), k=\(publicKeyParameter)"
    }
}

/// Why a VAPID key or token cannot be made.
public typealias VAPIDError = InvalidValue
