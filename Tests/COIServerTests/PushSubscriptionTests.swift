import COIServer
import Crypto
import Foundation
import Testing

@Suite struct PushSubscriptionTests {
    static let id = try! PushRegistrationID(validating: "31754ee7-d3ee-4226-b112-6895ed26fcf8")
    static let created: Int64 = 1_571_242_457  // 2019-10-16T16:14:17Z

    static func document(msgtype: String = "chat", endpoint: String = "https://my-push-service.com/some-kind-of-unique-id-1234/v2/",
                         p256dh: String = RFC8291Vector.uaPublic, auth: String = "tBHItJI5svbpez7KI4CCXg==",
                         extra: String = "") -> [UInt8] {
        Array("""
            {
                "client": "My awesome WebPush App",
                "device": "My Favorite Smartphone",
                "msgtype": "\(msgtype)",\(extra)
                "resource":
                {
                    "endpoint": "\(endpoint)",
                    "keys": {
                        "p256dh": "\(p256dh)",
                        "auth": "\(auth)"
                    }
                }
            }
            """.utf8)
    }

    static func parse(_ bytes: [UInt8]) throws(PushSubscriptionError) -> PushSubscription {
        try PushSubscription(parsing: bytes, id: id, createdAt: created)
    }

    static func code(of bytes: [UInt8]) -> PushSubscriptionError.Code? {
        do {
            _ = try parse(bytes)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func specExampleWithARealKeyIsAccepted() throws {
        let subscription = try PushSubscriptionTests.parse(PushSubscriptionTests.document())
        #expect(subscription.client == "My awesome WebPush App")
        #expect(subscription.device == "My Favorite Smartphone")
        #expect(subscription.messageType == .chat)
        #expect(subscription.endpoint.origin == "https://my-push-service.com")
        #expect(subscription.keys.auth.count == 16)
        #expect(subscription.validated == false)
        #expect(subscription.notes.isEmpty)
        #expect(subscription.storedValue == """
            {"created":"2019-10-16T16:14:17+00:00","validated":false,"client":"My awesome WebPush App","device":"My Favorite Smartphone","msgtype":"chat","resource":{"endpoint":"https://my-push-service.com/some-kind-of-unique-id-1234/v2/","keys":{"p256dh":"\(RFC8291Vector.uaPublic)","auth":"tBHItJI5svbpez7KI4CCXg=="}}}
            """)
        let reread = try PushSubscription(stored: Array(subscription.storedValue.utf8), id: PushSubscriptionTests.id)
        #expect(reread == subscription)
    }

    /// The spec's subscribe example elides its key ("BNcRdreALRFXTkOOUHK1E...P7DkM="), and its
    /// listing example uses placeholders ("keydata=", "Authdata="): neither is a real key.
    @Test func specExamplesWithPlaceholderKeysAreRefused() throws {
        #expect(PushSubscriptionTests.code(of: PushSubscriptionTests.document(p256dh: "BNcRdreALRFXTkOOUHK1E...P7DkM=")) == .invalidKey)
        let listing = Array("""
            {"created":"2019-10-16T16:14:17+00:00","validated":true,"client":"OX COI Messenger","device":"mydevicename","msgtype":"chat","resource":{"endpoint":"https://example.com:443/push/send/123-123-123-123","keys":{"p256dh":"keydata=","auth":"Authdata="}}}
            """.utf8)
        #expect(throws: PushSubscriptionError.self) {
            try PushSubscription(stored: listing, id: PushRegistrationID(validating: "123-123-123-123-123123"))
        }
    }

    @Test func unknownMembersAndClientTimestampsAreDropped() throws {
        let subscription = try PushSubscriptionTests.parse(PushSubscriptionTests.document(
            extra: #" "created": "1999-01-01T00:00:00Z", "validated": true, "x-tracking": {"deep": [1, 2, 3]},"#))
        #expect(subscription.validated == false)
        #expect(subscription.created == PushSubscriptionTests.created)
        #expect(!subscription.storedValue.contains("x-tracking"))
        #expect(!subscription.storedValue.contains("1999"))
    }

    @Test(arguments: [("any", PushMessageType.all), ("email", PushMessageType.mail)])
    func alternativeSpellingsAreAcceptedWithANote(spelling: String, type: PushMessageType) throws {
        let subscription = try PushSubscriptionTests.parse(PushSubscriptionTests.document(msgtype: spelling))
        #expect(subscription.messageType == type)
        #expect(subscription.notes.count == 1)
        #expect(subscription.storedValue.contains("\"msgtype\":\"\(type.rawValue)\""))
    }

    @Test(arguments: ["Chat", "ALL", "chats", "", "mail "])
    func otherMessageTypesAreRefused(spelling: String) {
        #expect(PushSubscriptionTests.code(of: PushSubscriptionTests.document(msgtype: spelling)) == .invalidMessageType)
    }

    @Test func messageTypeMatching() {
        #expect(PushMessageType.chat.matches(isChat: true) && !PushMessageType.chat.matches(isChat: false))
        #expect(!PushMessageType.mail.matches(isChat: true) && PushMessageType.mail.matches(isChat: false))
        #expect(PushMessageType.all.matches(isChat: true) && PushMessageType.all.matches(isChat: false))
    }

    struct Hostile: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var code: PushSubscriptionError.Code
        var testDescription: String { name }
    }

    static let offCurve: String = {
        // x = 1, y = 1 is not on P-256.
        var point = [UInt8](repeating: 0, count: 65)
        point[0] = 4
        point[32] = 1
        point[64] = 1
        return Base64URL.encode(point)
    }()

    static let hostile: [Hostile] = [
        Hostile(name: "deep nesting", bytes: Array((String(repeating: "[", count: 100_000)).utf8), code: .tooLarge),
        Hostile(name: "deep nesting within the size", bytes: Array((String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)).utf8), code: .tooDeep),
        Hostile(name: "nested objects", bytes: Array(("{\"a\":" + String(repeating: "{\"a\":", count: 20) + "1" + String(repeating: "}", count: 21)).utf8), code: .tooDeep),
        Hostile(name: "huge string", bytes: Array(("{\"client\":\"" + String(repeating: "x", count: 1_000_000) + "\"}").utf8), code: .tooLarge),
        Hostile(name: "client too long", bytes: Array(("{\"client\":\"" + String(repeating: "é", count: 65) + "\"}").utf8), code: .tooLong),
        Hostile(name: "bad base64 key", bytes: document(p256dh: "BCVxsr7N*eNgVRqvHtD0zTZsEc6"), code: .invalidKey),
        Hostile(name: "mixed base64 alphabets", bytes: document(auth: "tBHItJI5svbpez7K-4CCX/=="), code: .invalidKey),
        Hostile(name: "point not on the curve", bytes: document(p256dh: offCurve), code: .invalidKey),
        Hostile(name: "compressed point", bytes: document(p256dh: Base64URL.encode([0x02] + [UInt8](repeating: 7, count: 32))), code: .invalidKey),
        Hostile(name: "auth of 15 octets", bytes: document(auth: Base64URL.encode([UInt8](repeating: 1, count: 15))), code: .invalidKey),
        Hostile(name: "http endpoint", bytes: document(endpoint: "http://push.example.net/x"), code: .invalidEndpoint),
        Hostile(name: "endpoint of 513 octets", bytes: document(endpoint: "https://push.example.net/" + String(repeating: "a", count: 488)), code: .invalidEndpoint),
        Hostile(name: "endpoint with user", bytes: document(endpoint: "https://user@push.example.net/x"), code: .invalidEndpoint),
        Hostile(name: "endpoint with space", bytes: document(endpoint: "https://push.example.net/a b"), code: .invalidEndpoint),
        Hostile(name: "endpoint without host", bytes: document(endpoint: "https:///x"), code: .invalidEndpoint),
        Hostile(name: "endpoint bad port", bytes: document(endpoint: "https://push.example.net:99999/x"), code: .invalidEndpoint),
        Hostile(name: "duplicate member", bytes: Array(#"{"msgtype":"chat","msgtype":"all"}"#.utf8), code: .malformedJSON),
        Hostile(name: "invalid UTF-8", bytes: Array(#"{"client":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8), code: .malformedJSON),
        Hostile(name: "lone surrogate escape", bytes: Array(#"{"client":"\ud800"}"#.utf8), code: .malformedJSON),
        Hostile(name: "control character", bytes: Array("{\"client\":\"a\u{01}\"}".utf8), code: .malformedJSON),
        Hostile(name: "trailing data", bytes: document() + Array("x".utf8), code: .malformedJSON),
        Hostile(name: "truncated", bytes: Array(document().prefix(40)), code: .malformedJSON),
        Hostile(name: "empty", bytes: [], code: .malformedJSON),
        Hostile(name: "array", bytes: Array("[]".utf8), code: .wrongType),
        Hostile(name: "number as msgtype", bytes: Array(#"{"msgtype":1e999999}"#.utf8), code: .wrongType),
        Hostile(name: "missing resource", bytes: Array(#"{"msgtype":"chat"}"#.utf8), code: .missingMember),
        Hostile(name: "resource as string", bytes: Array(#"{"msgtype":"chat","resource":"x"}"#.utf8), code: .wrongType),
        Hostile(name: "missing keys", bytes: Array(#"{"msgtype":"chat","resource":{"endpoint":"https://a.b/"}}"#.utf8), code: .missingMember),
    ]

    @Test(arguments: hostile)
    func hostileDocumentsAreRefusedWithATypedReason(_ input: Hostile) {
        #expect(PushSubscriptionTests.code(of: input.bytes) == input.code)
        #expect(PushSubscription.fuzzParse(input.bytes) == false)
    }

    @Test func refusalsMapToIMAPResponses() {
        do {
            _ = try PushSubscriptionTests.parse(Array(String(repeating: " ", count: 5000).utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.refusal().responseText == "[METADATA MAXSIZE 4096] subscription too large")
        }
        do {
            _ = try PushSubscriptionTests.parse(PushSubscriptionTests.document(msgtype: "Chat"))
            Issue.record("accepted")
        } catch {
            #expect(error.member == "msgtype")
            #expect(error.refusal().responseText.hasPrefix("[CANNOT] invalid subscription: msgtype: "))
        }
    }

    @Test func fuzzEntryAcceptsAndRoundTripsAValidDocument() {
        #expect(PushSubscription.fuzzParse(PushSubscriptionTests.document()))
        #expect(PushSubscription.fuzzParse(PushSubscriptionTests.document(msgtype: "any")))
    }

    @Test func fuzzEntrySurvivesRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{}[]\":,\\u0123456789abcdefnulltrue \n\u{FF}\u{C3}".utf8)
        for _ in 0..<2000 {
            let length = Int(generator.next() % 200)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            #expect(PushSubscription.fuzzParse(bytes) == false)
        }
    }
}
