@testable import COIServer
import Crypto
import Foundation
import Testing

/// RFC 8291 appendix A, the worked example, value for value.
enum RFC8291Vector {
    static let plaintext = Array("When I grow up, I want to be a watermelon".utf8)
    static let asPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"
    static let asPublic = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8"
    static let uaPrivate = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94"
    static let uaPublic = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"
    static let salt = "DGv6ra1nlYgDCS1FRnbzlw"
    static let auth = "BTBZMqHH6r4Tts7J_aSIgg"
    static let ecdhSecret = "kyrL1jIIOHEzg3sM2ZWRHDRB62YACZhhSlknJ672kSs"
    static let cek = "oIhVW04MRdy2XN9CiKLxTg"
    static let nonce = "4h_95klXJ5E_qnoN"
    static let header = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8"
    static let ciphertext = "8pfeW0KbunFT06SuDKoJH9Ql87S1QUrdirN6GcG7sFz1y1sqLgVi1VhjVkHsUoEsbI_0LpXMuGvnzQ"
    static let body = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN"

    static var keys: PushKeys { get throws { try PushKeys(p256dh: uaPublic, auth: auth) } }
    static var userAgentKey: P256.KeyAgreement.PrivateKey { get throws { try P256.KeyAgreement.PrivateKey(rawRepresentation: b64(uaPrivate)) } }
}

@Suite struct WebPushEncryptionTests {
    @Test func appendixABodyByteForByte() throws {
        let body = try WebPushEncryption.encrypt(RFC8291Vector.plaintext, for: RFC8291Vector.keys,
                                                 senderPrivateKey: b64(RFC8291Vector.asPrivate), salt: b64(RFC8291Vector.salt))
        #expect(Base64URL.encode(body) == RFC8291Vector.body)
        #expect(Array(body.prefix(86)) == b64(RFC8291Vector.header))
        #expect(Array(body.dropFirst(86)) == b64(RFC8291Vector.ciphertext))
    }

    @Test func appendixAIntermediateValues() throws {
        let sender = try P256.KeyAgreement.PrivateKey(rawRepresentation: b64(RFC8291Vector.asPrivate))
        #expect(Base64URL.encode(Array(sender.publicKey.x963Representation)) == RFC8291Vector.asPublic)
        let shared = try sender.sharedSecretFromKeyAgreement(with: P256.KeyAgreement.PublicKey(x963Representation: b64(RFC8291Vector.uaPublic)))
        let secret = shared.withUnsafeBytes { Array($0) }
        #expect(Base64URL.encode(secret) == RFC8291Vector.ecdhSecret)
        let derived = WebPushEncryption.deriveKeys(ecdhSecret: secret, auth: b64(RFC8291Vector.auth),
                                                   userAgentPublic: b64(RFC8291Vector.uaPublic),
                                                   senderPublic: b64(RFC8291Vector.asPublic), salt: b64(RFC8291Vector.salt))
        #expect(Base64URL.encode(derived.contentKey) == RFC8291Vector.cek)
        #expect(Base64URL.encode(derived.nonce) == RFC8291Vector.nonce)
    }

    @Test func browserDecryptsTheAppendixABody() throws {
        let plaintext = try BrowserDecryptor.decrypt(b64(RFC8291Vector.body), userAgentPrivateKey: RFC8291Vector.userAgentKey,
                                                     auth: b64(RFC8291Vector.auth))
        #expect(plaintext == RFC8291Vector.plaintext)
    }

    @Test(arguments: [0, 1, 100, 3993])
    func freshKeyRoundTrip(length: Int) throws {
        let userAgent = P256.KeyAgreement.PrivateKey()
        let auth = (0..<16).map { UInt8($0 * 7) }
        let keys = try PushKeys(p256dh: Base64URL.encode(Array(userAgent.publicKey.x963Representation)), auth: Base64URL.encode(auth))
        let plaintext = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let first = try WebPushEncryption.encrypt(plaintext, for: keys)
        let second = try WebPushEncryption.encrypt(plaintext, for: keys)
        #expect(first.count == 86 + length + 1 + 16)
        #expect(first.count <= 4096)
        // A fresh salt and sender key per message.
        #expect(first.prefix(16) != second.prefix(16))
        #expect(first[21..<86] != second[21..<86])
        #expect(try BrowserDecryptor.decrypt(first, userAgentPrivateKey: userAgent, auth: auth) == plaintext)
        #expect(try BrowserDecryptor.decrypt(second, userAgentPrivateKey: userAgent, auth: auth) == plaintext)
    }

    @Test func paddingIsRemovedByTheReceiver() throws {
        let userAgent = P256.KeyAgreement.PrivateKey()
        let auth = [UInt8](repeating: 9, count: 16)
        let keys = try PushKeys(p256dh: Base64URL.encode(Array(userAgent.publicKey.x963Representation)), auth: Base64URL.encode(auth))
        let body = try WebPushEncryption.encrypt(Array("hi".utf8), for: keys, padding: 50)
        #expect(body.count == 86 + 2 + 1 + 50 + 16)
        #expect(try BrowserDecryptor.decrypt(body, userAgentPrivateKey: userAgent, auth: auth) == Array("hi".utf8))
    }

    @Test func oversizedPlaintextIsRefused() throws {
        let keys = try RFC8291Vector.keys
        #expect(throws: WebPushEncryption.Error.self) {
            try WebPushEncryption.encrypt([UInt8](repeating: 0x41, count: 3994), for: keys)
        }
        #expect(throws: WebPushEncryption.Error.self) {
            try WebPushEncryption.encrypt([UInt8](repeating: 0x41, count: 3990), for: keys, padding: 4)
        }
        #expect(throws: WebPushEncryption.Error.self) {
            try WebPushEncryption.encrypt([1], for: keys, senderPrivateKey: [UInt8](repeating: 0, count: 32), salt: b64(RFC8291Vector.salt))
        }
        #expect(throws: WebPushEncryption.Error.self) {
            try WebPushEncryption.encrypt([1], for: keys, senderPrivateKey: b64(RFC8291Vector.asPrivate), salt: [1, 2, 3])
        }
    }

    @Test func tamperedBodyDoesNotOpen() throws {
        var body = b64(RFC8291Vector.body)
        body[body.count - 20] ^= 1
        #expect(throws: (any Error).self) {
            try BrowserDecryptor.decrypt(body, userAgentPrivateKey: RFC8291Vector.userAgentKey, auth: b64(RFC8291Vector.auth))
        }
    }
}
