import COIServer
import Crypto
import Foundation
import Testing

@Suite struct VAPIDTests {
    /// The WebPush spec's GETMETADATA example value (the spec shows it as a 133-octet literal).
    static let specMetadataValue = """
        -----BEGIN PUBLIC KEY-----
        MDkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDIgACYHfTQ0biATut1VhK/AW2KmZespz+
        DEQ1yH3nvbayCuY=
        -----END PUBLIC KEY-----
        """

    /// RFC 8292 section 2.4 / 3.1 example, also the WebPush spec's header example, unwrapped.
    static let rfcToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NiJ9.eyJhdWQiOiJodHRwczovL3B1c2guZXhhbXBsZS5uZXQiLCJleHAiOjE0NTM1MjM3NjgsInN1YiI6Im1haWx0bzpwdXNoQGV4YW1wbGUuY29tIn0.i3CYb7t4xfxCDquptFOepC9GAu_HLGkMlMuCGSK2rpiUfnK9ojFwDXb1JrErtmysazNjjvW2L9OkSSHzvoD1oA"
    static let rfcKey = "BA1Hxzyi1RUM1b5wjxsn7nGxAszw2u61m164i3MrAIxHF6YK5h4SDYic-dRuU_RCPCfA5aq9ojSwk5Y2EmClBPs"

    /// Verifies an ES256 JWT with a public key, as a push service does (RFC 8292 section 3.1).
    static func verify(token: String, publicKey: [UInt8]) throws -> [String: Any]? {
        let parts = token.split(separator: ".").map(String.init)
        guard parts.count == 3 else { return nil }
        let key = try P256.Signing.PublicKey(x963Representation: publicKey)
        let signature = try P256.Signing.ECDSASignature(rawRepresentation: b64(parts[2]))
        guard key.isValidSignature(signature, for: Array((parts[0] + "." + parts[1]).utf8)) else { return nil }
        let header = try JSONSerialization.jsonObject(with: Data(b64(parts[0]))) as? [String: Any]
        guard header?["alg"] as? String == "ES256", header?["typ"] as? String == "JWT" else { return nil }
        return try JSONSerialization.jsonObject(with: Data(b64(parts[1]))) as? [String: Any]
    }

    @Test func rfc8292ExampleTokenVerifiesWithItsKey() throws {
        let claims = try #require(try VAPIDTests.verify(token: VAPIDTests.rfcToken, publicKey: b64(VAPIDTests.rfcKey)))
        #expect(claims["aud"] as? String == "https://push.example.net")
        #expect(claims["exp"] as? Int == 1_453_523_768)
        #expect(claims["sub"] as? String == "mailto:push@example.com")
    }

    @Test func tokenIsSignedAndCarriesTheClaims() throws {
        let key = VAPIDKey()
        let now: Int64 = 1_700_000_000
        let endpoint = try PushEndpoint(validating: "https://Push.Example.net:8443/p/JzLQ3raZJfFBR0aqvOMsLrt54w4rJUsV")
        let value = try key.authorization(for: endpoint, subject: "mailto:push@example.com", now: now)
        let match = try #require(value.wholeMatch(of: /vapid t=([A-Za-z0-9_.-]+), k=([A-Za-z0-9_-]+)/))
        #expect(String(match.2) == key.publicKeyParameter)
        #expect(b64(String(match.2)) == key.publicKey)
        let claims = try #require(try VAPIDTests.verify(token: String(match.1), publicKey: key.publicKey))
        #expect(claims["aud"] as? String == "https://push.example.net:8443")
        #expect(claims["exp"] as? Int == Int(now + 43_200))
        #expect(claims["sub"] as? String == "mailto:push@example.com")
        // Another key does not verify it.
        #expect(try VAPIDTests.verify(token: String(match.1), publicKey: VAPIDKey().publicKey) == nil)
    }

    @Test func claimsOutsideRFC8292AreRefused() throws {
        let key = VAPIDKey()
        #expect(throws: VAPIDError.self) {
            try key.token(audience: "https://push.example.net", expiresAt: 100 + 86_401, subject: "mailto:a@b.c", now: 100)
        }
        #expect(throws: VAPIDError.self) {
            try key.token(audience: "https://push.example.net", expiresAt: 99, subject: "mailto:a@b.c", now: 100)
        }
        #expect(throws: VAPIDError.self) {
            try key.token(audience: "https://push.example.net", expiresAt: 200, subject: "push@example.com", now: 100)
        }
        let token = try key.token(audience: "https://push.example.net", expiresAt: 100 + 86_400, subject: "https://example.com/", now: 100)
        #expect(try VAPIDTests.verify(token: token, publicKey: key.publicKey) != nil)
    }

    @Test func metadataValueHasTheSpecExampleForm() throws {
        let key = VAPIDKey()
        let value = key.metadataValue
        #expect(value.utf8.count == 133)
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[0] == "-----BEGIN PUBLIC KEY-----")
        #expect(lines[1].count == 64)
        #expect(lines[1].hasPrefix("MDkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDIgAC") || lines[1].hasPrefix("MDkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDIgAD"))
        #expect(lines[3] == "-----END PUBLIC KEY-----")
        #expect(try VAPIDKey.publicKey(fromMetadataValue: value) == key.publicKey)
    }

    @Test func specExampleMetadataValueIsACompressedP256Key() throws {
        #expect(VAPIDTests.specMetadataValue.utf8.count == 133)
        let point = try VAPIDKey.publicKey(fromMetadataValue: VAPIDTests.specMetadataValue)
        #expect(point.count == 65)
        #expect(point[0] == 0x04)
    }

    @Test func keyRestoresFromItsScalarAndPEM() throws {
        let key = VAPIDKey()
        #expect(try VAPIDKey(rawPrivateKey: key.rawPrivateKey).publicKey == key.publicKey)
        let pem = try P256.Signing.PrivateKey(rawRepresentation: key.rawPrivateKey).pemRepresentation
        #expect(try VAPIDKey(pemRepresentation: pem).publicKey == key.publicKey)
        #expect(throws: VAPIDError.self) { try VAPIDKey(rawPrivateKey: [1, 2, 3]) }
        #expect(throws: VAPIDError.self) { try VAPIDKey.publicKey(fromMetadataValue: "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----") }
        #expect(throws: VAPIDError.self) { try VAPIDKey.publicKey(fromMetadataValue: "garbage") }
    }
}
