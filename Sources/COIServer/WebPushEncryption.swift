internal import Crypto
internal import Foundation

/// Message encryption for Web Push (RFC 8291) with the `aes128gcm` content coding (RFC 8188).
///
/// Each call of ``encrypt(_:for:padding:)`` makes a fresh ECDH key pair and a random salt, as
/// RFC 8291 section 3.1 and the WebPush spec ("the ECDH key pair MUST be discarded after
/// encrypting the message") require; ``encrypt(_:for:senderPrivateKey:salt:padding:)`` takes
/// them from the caller so the worked example of RFC 8291 appendix A can be reproduced.
///
/// The result is one record (RFC 8291 section 4): the RFC 8188 header (salt, record size 4096,
/// the sender's public key as `keyid`), then the plaintext with the last-record delimiter `0x02`
/// and any padding, sealed with AES-128-GCM.
public enum WebPushEncryption: Sendable {
    /// The record size written in the header: the whole body fits in one 4096-octet record.
    public static let recordSize = 4096
    /// The header length: salt (16) + record size (4) + key length (1) + P-256 point (65).
    public static let headerLength = 86
    /// The largest plaintext, without padding, that keeps the body within 4096 octets:
    /// 4096 - 86 (header) - 1 (delimiter) - 16 (AEAD tag) = 3993 (RFC 8291 section 4).
    public static let maximumPlaintextLength = recordSize - headerLength - 1 - 16

    /// Why a message cannot be encrypted.
    public typealias Error = InvalidValue

    /// Encrypts `plaintext` for the subscription `keys` with a fresh sender key and salt.
    public static func encrypt(_ plaintext: [UInt8], for keys: PushKeys, padding: Int = 0) throws(Error) -> [UInt8] {
        let senderKey = P256.KeyAgreement.PrivateKey()
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        return try seal(plaintext, for: keys, senderKey: senderKey, salt: salt, padding: padding)
    }

    /// Encrypts with a given sender private key (32 octets, the P-256 scalar) and 16-octet salt.
    /// Only for reproducing test vectors: reusing a key or salt breaks the scheme's guarantees.
    public static func encrypt(_ plaintext: [UInt8], for keys: PushKeys, senderPrivateKey: [UInt8], salt: [UInt8],
                               padding: Int = 0) throws(Error) -> [UInt8] {
        guard let senderKey = try? P256.KeyAgreement.PrivateKey(rawRepresentation: senderPrivateKey) else {
            throw Error(description: "sender private key is not a P-256 scalar")
        }
        return try seal(plaintext, for: keys, senderKey: senderKey, salt: salt, padding: padding)
    }

    private static func seal(_ plaintext: [UInt8], for keys: PushKeys, senderKey: P256.KeyAgreement.PrivateKey,
                             salt: [UInt8], padding: Int) throws(Error) -> [UInt8] {
        guard salt.count == 16 else { throw Error(description: "salt must be 16 octets") }
        guard padding >= 0, plaintext.count + padding <= maximumPlaintextLength else {
            throw Error(description: "plaintext and padding are \(plaintext.count + max(padding, 0)) octets, more than \(maximumPlaintextLength)")
        }
        guard let userAgentKey = try? P256.KeyAgreement.PublicKey(x963Representation: keys.p256dh),
              let shared = try? senderKey.sharedSecretFromKeyAgreement(with: userAgentKey) else {
            throw Error(description: "subscription key is not a P-256 public key")
        }
        let senderPublic = Array(senderKey.publicKey.x963Representation)
        let derived = deriveKeys(ecdhSecret: shared.withUnsafeBytes { Array($0) }, auth: keys.auth,
                                 userAgentPublic: keys.p256dh, senderPublic: senderPublic, salt: salt)
        // RFC 8188 section 2: plaintext || 0x02 (last record) || zero padding.
        var record = plaintext
        record.append(0x02)
        record.append(contentsOf: repeatElement(0, count: padding))
        // The single record has sequence number 0, so the nonce is NONCE itself (RFC 8188 section 2.3).
        guard let nonce = try? AES.GCM.Nonce(data: derived.nonce),
              let sealed = try? AES.GCM.seal(record, using: SymmetricKey(data: derived.contentKey), nonce: nonce) else {
            throw Error(description: "AES-GCM refused the key or nonce")
        }
        // RFC 8188 section 2.1: salt (16) || rs (uint32) || idlen (uint8) || keyid.
        var body = salt
        body.append(contentsOf: [UInt8(recordSize >> 24 & 0xFF), UInt8(recordSize >> 16 & 0xFF),
                                 UInt8(recordSize >> 8 & 0xFF), UInt8(recordSize & 0xFF)])
        body.append(UInt8(senderPublic.count))
        body.append(contentsOf: senderPublic)
        body.append(contentsOf: sealed.ciphertext)
        body.append(contentsOf: sealed.tag)
        return body
    }

    /// The key schedule of RFC 8291 section 3.4 and RFC 8188 section 2.2-2.3.
    static func deriveKeys(ecdhSecret: [UInt8], auth: [UInt8], userAgentPublic: [UInt8], senderPublic: [UInt8],
                           salt: [UInt8]) -> (contentKey: [UInt8], nonce: [UInt8]) {
        // PRK_key = HMAC-SHA-256(auth_secret, ecdh_secret)
        let prkKey = HKDF<SHA256>.extract(inputKeyMaterial: SymmetricKey(data: ecdhSecret), salt: auth)
        // key_info = "WebPush: info" || 0x00 || ua_public || as_public; IKM = HKDF-Expand(PRK_key, key_info, 32)
        let keyInfo = Array("WebPush: info".utf8) + [0] + userAgentPublic + senderPublic
        let ikm = HKDF<SHA256>.expand(pseudoRandomKey: prkKey, info: keyInfo, outputByteCount: 32)
        // PRK = HMAC-SHA-256(salt, IKM)
        let prk = HKDF<SHA256>.extract(inputKeyMaterial: ikm, salt: salt)
        // CEK = HKDF-Expand(PRK, "Content-Encoding: aes128gcm" || 0x00, 16)
        let cek = HKDF<SHA256>.expand(pseudoRandomKey: prk, info: Array("Content-Encoding: aes128gcm".utf8) + [0], outputByteCount: 16)
        // NONCE = HKDF-Expand(PRK, "Content-Encoding: nonce" || 0x00, 12)
        let nonce = HKDF<SHA256>.expand(pseudoRandomKey: prk, info: Array("Content-Encoding: nonce".utf8) + [0], outputByteCount: 12)
        return (cek.withUnsafeBytes { Array($0) }, nonce.withUnsafeBytes { Array($0) })
    }
}
