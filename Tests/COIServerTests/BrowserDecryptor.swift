import COIServer
import Crypto
import Foundation

/// The receiving side of RFC 8291 / RFC 8188, written from the RFCs independently of the
/// library's encryptor, so that a test can open a body as a browser would.
enum BrowserDecryptor {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func decrypt(_ body: [UInt8], userAgentPrivateKey: P256.KeyAgreement.PrivateKey, auth: [UInt8]) throws -> [UInt8] {
        // Header: salt(16) rs(4) idlen(1) keyid(idlen).
        guard body.count >= 21 else { throw Failure(description: "short header") }
        let salt = Array(body[0..<16])
        let recordSize = body[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let idLength = Int(body[20])
        guard idLength == 65, body.count >= 21 + idLength + 17 else { throw Failure(description: "bad keyid") }
        let senderPublic = Array(body[21..<(21 + idLength)])
        let record = Array(body[(21 + idLength)...])
        guard record.count <= recordSize else { throw Failure(description: "record larger than rs") }
        let senderKey = try P256.KeyAgreement.PublicKey(x963Representation: senderPublic)
        let shared = try userAgentPrivateKey.sharedSecretFromKeyAgreement(with: senderKey)
        let userAgentPublic = Array(userAgentPrivateKey.publicKey.x963Representation)
        // IKM = HKDF(auth, ecdh, "WebPush: info" 0 ua as, 32)
        let ikm = shared.hkdfDerivedSymmetricKey(using: SHA256.self, salt: auth,
                                                 sharedInfo: Array("WebPush: info".utf8) + [0] + userAgentPublic + senderPublic,
                                                 outputByteCount: 32)
        let cek = HKDF<SHA256>.deriveKey(inputKeyMaterial: ikm, salt: salt,
                                         info: Array("Content-Encoding: aes128gcm".utf8) + [0], outputByteCount: 16)
        let nonce = HKDF<SHA256>.deriveKey(inputKeyMaterial: ikm, salt: salt,
                                           info: Array("Content-Encoding: nonce".utf8) + [0], outputByteCount: 12)
        let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: nonce.withUnsafeBytes { Array($0) }),
                                        ciphertext: record.dropLast(16), tag: record.suffix(16))
        let padded = Array(try AES.GCM.open(box, using: cek))
        // Strip zero padding back to the delimiter, which must be 0x02 for the last record.
        guard let delimiter = padded.lastIndex(where: { $0 != 0 }), padded[delimiter] == 0x02 else {
            throw Failure(description: "no last-record delimiter")
        }
        return Array(padded[..<delimiter])
    }
}

/// Base64url test helper.
func b64(_ text: String) -> [UInt8] {
    (try? Base64URL.decode(text)) ?? []
}
