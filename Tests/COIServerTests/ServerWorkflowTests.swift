import COIServer
import Crypto
import Foundation
import MIMECore
import Testing

/// The README's flow, end to end: a client enables COI, subscribes, validates through a push it
/// decrypts like a browser, and then receives a push for a delivered chat message.
@Suite struct ServerWorkflowTests {
    @Test func enableSubscribeValidateAndPush() throws {
        var now: Int64 = 1_700_000_000
        var settings = COIConfiguration(stored: [:])
        let policy = PushSubscriptionPolicy(maximumPerUser: 3)
        let validator = try #require(PushValidator(secret: Array("a server secret of enough length".utf8)))
        let sender = PushRequest.Sender(vapid: VAPIDKey(), subject: "mailto:postmaster@example.org")
        var stored: [PushRegistrationID: String] = [:]

        // C: a SETMETADATA "" (/private/vendor/vendor.dovecot/coi/config/enabled yes)
        guard case let .coiSetting(setting) = try MetadataPath(parsing: "/private/vendor/vendor.dovecot/coi/config/enabled") else {
            Issue.record("not a setting")
            return
        }
        #expect(try settings.set(setting, to: "yes").contains(.createMailboxIfMissing("COI/Chats", subscribe: true)))
        _ = try settings.set(.messageFilter, to: "active")

        // The browser's side of the subscription.
        let browserKey = P256.KeyAgreement.PrivateKey()
        let auth = (0..<16).map { _ in UInt8.random(in: 0...255) }
        let document = """
            {"client":"Test","device":"Phone","msgtype":"chat","unknown":1,
             "resource":{"endpoint":"https://push.example.net/p/abc","keys":{
             "p256dh":"\(Base64URL.encode(Array(browserKey.publicKey.x963Representation)))","auth":"\(Base64URL.encode(auth))"}}}
            """
        guard case let .subscription(id) = try MetadataPath(parsing: "/private/vendor/vendor.dovecot/webpush/subscriptions/0123456789-abc") else {
            Issue.record("not a subscription")
            return
        }
        try policy.admit(id, existing: stored.keys)
        let subscription = try PushSubscription(parsing: Array(document.utf8), id: id, createdAt: now)
        stored[id] = subscription.storedValue
        #expect(!subscription.storedValue.contains("unknown"))

        // The validation push, opened as the browser would, and the text sent back.
        let validation = try PushRequest.make(payload: validator.payload(for: id, issuedAt: now), to: subscription,
                                              sender: sender, now: now, isValidation: true)
        #expect(validation.header("WebPush-Validation") == "")
        let opened = try BrowserDecryptor.decrypt(validation.body, userAgentPrivateKey: browserKey, auth: auth)
        let text = try #require((try JSONSerialization.jsonObject(with: Data(opened)) as? [String: String])?["validation"])
        now += 60
        guard case let .subscriptionValidation(validatedID) = try MetadataPath(parsing: "/private/vendor/vendor.dovecot/webpush/subscriptions/0123456789-abc/validate") else {
            Issue.record("not a validation path")
            return
        }
        try validator.verify(text, for: validatedID, now: now)
        var validated = try PushSubscription(stored: Array(try #require(stored[id]).utf8), id: id)
        validated.validated = true
        #expect(policy.expired([validated], now: now + 10_000).isEmpty)

        // A chat message arrives.
        let message = Message.parse("""
            From: Alice <Alice@Example.com>\r
            To: me@example.org\r
            Subject: Chat: Hello\r
            Date: Tue, 14 Nov 2023 22:13:20 +0100\r
            Message-ID: <chat$group.abcdefghijkl.1@example.com>\r
            Chat-Version: 1.0\r
            \r
            Hello there
            """)
        let decision = COIDeliveryFilter(configuration: settings).decide(fields: message.headers)
        #expect(decision.addsChatKeyword)
        #expect(decision.mailbox == "COI/Chats")
        let payload = try #require(PushPayload(message: message, uid: 17, uidValidity: 3, folder: decision.mailbox))
        #expect(validated.wants(isChat: decision.isChat))
        let push = try PushRequest.make(payload: payload.json, to: validated, sender: sender, now: now)
        let received = try BrowserDecryptor.decrypt(push.body, userAgentPrivateKey: browserKey, auth: auth)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(received)) as? [String: Any])
        #expect(json["from-email"] as? String == "alice@example.com")
        #expect(json["from-name"] as? String == "Alice")
        #expect(json["subject"] as? String == "Chat: Hello")
        #expect(json["content"] as? String == "Hello there")
        #expect(json["date"] as? String == "2023-11-14T22:13:20+01:00")
        #expect(json["msg-id"] as? String == "chat$group.abcdefghijkl.1@example.com")
        #expect(json["group-id"] as? String == "abcdefghijkl")
        #expect(json["folder"] as? String == "COI/Chats")
        #expect(json["uid"] as? Int == 17)
        #expect(PushServiceAction(status: 410) == .removeSubscription)
    }
}
