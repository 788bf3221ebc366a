import COIServer
import Testing

@Suite struct PushEndpointTests {
    @Test(arguments: [
        ("https://push.example.net/p/JzLQ3raZJfFBR0aqvOMsLrt54w4rJUsV", "https://push.example.net"),
        ("HTTPS://Push.Example.NET:443/x?y=z", "https://push.example.net"),
        ("https://example.com:443/push/send/123-123-123-123", "https://example.com"),
        ("https://fcm.googleapis.com:8443", "https://fcm.googleapis.com:8443"),
        ("https://[2001:DB8::1]:8443/p", "https://[2001:db8::1]:8443"),
        ("https://192.0.2.7/p", "https://192.0.2.7"),
    ])
    func originsForTheVAPIDAudience(url: String, origin: String) throws {
        let endpoint = try PushEndpoint(validating: url)
        #expect(endpoint.origin == origin)
        #expect(endpoint.url == url)
    }

    @Test(arguments: [
        "", "https://", "https:/x", "ftp://push.example.net/", "https://push.example.net/#frag", "https://a@b/",
        "https://push_example.net/", "https://push.example.net:/", "https://push.example.net:0/", "https://[zz::1]/",
        "https://[::1]x/", "https://push.example.net/\u{e9}", "https://.example.net/",
    ])
    func refused(url: String) {
        #expect(throws: PushEndpoint.Error.self) { try PushEndpoint(validating: url) }
    }

    @Test func lengthLimitIsInOctets() throws {
        let base = "https://push.example.net/"
        let exact = base + String(repeating: "a", count: 512 - base.utf8.count)
        #expect(try PushEndpoint(validating: exact).url.utf8.count == 512)
        #expect(throws: PushEndpoint.Error.self) { try PushEndpoint(validating: exact + "a") }
    }
}
