import COIServer
import Foundation
import Testing

@Suite struct PushValidationTests {
    let validator = PushValidator(secret: Array("0123456789abcdef0123456789abcdef".utf8))!
    let id = try! PushRegistrationID(validating: "31754ee7-d3ee-4226-b112-6895ed26fcf8")
    let issued: Int64 = 1_700_000_000

    func reason(_ text: String, id: PushRegistrationID? = nil, now: Int64) -> PushValidator.Failure.Reason? {
        do {
            try validator.verify(text, for: id ?? self.id, now: now)
            return nil
        } catch {
            #expect(error.refusal.responseText == "[CANNOT] invalid validation")
            return error.reason
        }
    }

    @Test func textIsSmallAndVerifiesWithinTheWindow() throws {
        let text = validator.text(for: id, issuedAt: issued)
        #expect(text.utf8.count <= 1024)
        #expect(text.hasPrefix("v1$1700000000$"))
        #expect(reason(text, now: issued) == nil)
        #expect(reason(text, now: issued + 300) == nil)
        #expect(reason(text, now: issued + 301) == .expired)
        #expect(reason(text, now: issued - 31) == .fromTheFuture)
    }

    @Test func payloadIsTheSpecsJSONObject() throws {
        let payload = validator.payload(for: id, issuedAt: issued)
        let object = try JSONSerialization.jsonObject(with: Data(payload)) as? [String: String]
        #expect(object == ["validation": validator.text(for: id, issuedAt: issued)])
    }

    @Test func forgedOrForeignTextsFail() throws {
        let text = validator.text(for: id, issuedAt: issued)
        let other = try PushRegistrationID(validating: "another-subscription")
        #expect(reason(text, id: other, now: issued) == .mismatch)
        let otherServer = PushValidator(secret: Array(repeating: 7, count: 32))!
        #expect(reason(otherServer.text(for: id, issuedAt: issued), now: issued) == .mismatch)
        // Moving the timestamp breaks the MAC.
        let shifted = text.replacingOccurrences(of: "1700000000", with: "1700000100")
        #expect(reason(shifted, now: issued + 100) == .mismatch)
        var flipped = Array(text.utf8)
        flipped[flipped.count - 3] = flipped[flipped.count - 3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(reason(String(decoding: flipped, as: UTF8.self), now: issued) == .mismatch)
    }

    @Test(arguments: ["", "abc$123$...", "ZZZ000...", "v1$$", "v1$01700000000$AAAA", "v2$1700000000$AAAA",
                      "v1$1700000000$!!!!", "v1$-5$AAAA", String(repeating: "v", count: 2000)])
    func malformedTextsFail(text: String) {
        #expect(reason(text, now: issued) == .malformed)
    }

    @Test func shortSecretsAreRefused() {
        #expect(PushValidator(secret: [1, 2, 3]) == nil)
    }

    @Test func policyLimitsAndExpiry() throws {
        let policy = PushSubscriptionPolicy(maximumPerUser: 2)
        let a = try PushRegistrationID(validating: "aaaaaaaaaa")
        let b = try PushRegistrationID(validating: "bbbbbbbbbb")
        let c = try PushRegistrationID(validating: "cccccccccc")
        try policy.admit(c, existing: [a])
        try policy.admit(a, existing: [a, b])
        do {
            try policy.admit(c, existing: [a, b])
            Issue.record("admitted")
        } catch {
            #expect(error.code == .tooManySubscriptions)
            #expect(error.responseText.hasPrefix("[METADATA TOOMANY] "))
        }
        var subscription = try PushSubscription(parsing: PushSubscriptionTests.document(), id: a, createdAt: issued)
        #expect(!policy.isExpired(subscription, now: issued + 300))
        #expect(policy.isExpired(subscription, now: issued + 301))
        #expect(policy.expired([subscription], now: issued + 301) == [a])
        #expect(!subscription.wants(isChat: true))
        #expect(!policy.shouldPush(to: subscription, isChat: true))
        let lenient = PushSubscriptionPolicy(requiresValidation: false)
        #expect(lenient.shouldPush(to: subscription, isChat: true))
        #expect(!lenient.shouldPush(to: subscription, isChat: false))
        #expect(!lenient.isExpired(subscription, now: issued + 100_000))
        subscription.validated = true
        #expect(policy.shouldPush(to: subscription, isChat: true))
        #expect(!policy.isExpired(subscription, now: issued + 100_000))
        #expect(subscription.wants(isChat: true))
        #expect(!subscription.wants(isChat: false))
    }
}

@Suite struct PushRequestTests {
    @Test func messageRequestHasTheHeadersAndABrowserReadableBody() throws {
        let userAgent = try RFC8291Vector.userAgentKey
        var subscription = try PushSubscription(parsing: PushSubscriptionTests.document(p256dh: RFC8291Vector.uaPublic, auth: RFC8291Vector.auth),
                                                id: PushSubscriptionTests.id, createdAt: 1_700_000_000)
        subscription.validated = true
        let sender = PushRequest.Sender(vapid: VAPIDKey(), subject: "mailto:postmaster@example.com")
        let payload = Array(#"{"from-email":"a@b.c"}"#.utf8)
        let request = try PushRequest.make(payload: payload, to: subscription, sender: sender, now: 1_700_000_000, ttl: 30, urgency: .high)
        #expect(request.method == "POST")
        #expect(request.url == "https://my-push-service.com/some-kind-of-unique-id-1234/v2/")
        #expect(request.header("TTL") == "30")
        #expect(request.header("content-encoding") == "aes128gcm")
        #expect(request.header("Urgency") == "high")
        #expect(request.header("Content-Length") == String(request.body.count))
        #expect(request.header("WebPush-Validation") == nil)
        let authorization = try #require(request.header("Authorization"))
        let token = try #require(authorization.firstMatch(of: /t=([^,]+),/)?.1)
        let claims = try #require(try VAPIDTests.verify(token: String(token), publicKey: sender.vapid.publicKey))
        #expect(claims["aud"] as? String == "https://my-push-service.com")
        #expect(try BrowserDecryptor.decrypt(request.body, userAgentPrivateKey: userAgent, auth: b64(RFC8291Vector.auth)) == payload)
    }

    @Test func validationRequestCarriesTheEmptyHeader() throws {
        let subscription = try PushSubscription(parsing: PushSubscriptionTests.document(), id: PushSubscriptionTests.id, createdAt: 0)
        let validator = PushValidator(secret: Array(repeating: 1, count: 32))!
        let request = try PushRequest.make(payload: validator.payload(for: subscription.id, issuedAt: 10), to: subscription,
                                           sender: .init(vapid: VAPIDKey(), subject: "mailto:a@example.com"), now: 10, isValidation: true)
        #expect(request.header("WebPush-Validation") == "")
        #expect(request.headers.last == PushRequest.Header("WebPush-Validation", ""))
    }

    @Test func badSenderSubjectIsRefused() throws {
        let subscription = try PushSubscription(parsing: PushSubscriptionTests.document(), id: PushSubscriptionTests.id, createdAt: 0)
        #expect(throws: PushRequest.Error.self) {
            try PushRequest.make(payload: [1], to: subscription, sender: .init(vapid: VAPIDKey(), subject: "nobody"), now: 10)
        }
    }

    @Test(arguments: [
        (201, nil, PushServiceAction.delivered),
        (429, "120", .retry(afterSeconds: 120)),
        (429, nil, .retry(afterSeconds: nil)),
        (429, "Tue, 14 Nov 2023 22:15:20 GMT", .retry(afterSeconds: 100)),
        (429, "soon", .retry(afterSeconds: nil)),
        (429, "99999999999999999999", .retry(afterSeconds: 999_999_999)),
        (503, "5", .retry(afterSeconds: 5)),
        (400, nil, .badRequest),
        (404, nil, .removeSubscription),
        (410, nil, .removeSubscription),
        (413, nil, .payloadTooLarge),
        (302, nil, .unexpected(status: 302)),
    ] as [(Int, String?, PushServiceAction)])
    func responsesMapToActions(status: Int, retryAfter: String?, action: PushServiceAction) {
        // 2023-11-14T22:13:40Z
        #expect(PushServiceAction(status: status, retryAfter: retryAfter, now: 1_700_000_020) == action)
    }
}
