/// The `resource.endpoint` of a push subscription: the push resource URL of RFC 8030 section 5,
/// which must be `https` and at most 512 octets (IMAP WebPush extension, "Subscribe").
///
/// Checked by hand rather than with Foundation's `URL`, whose leniency differs between
/// platforms: an endpoint is printable ASCII, `https://`, a host (registered name, IPv4 or a
/// bracketed IPv6 literal), an optional port, and a path and query; no user information, no
/// fragment.
public struct PushEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The URL as the client sent it.
    public let url: String
    /// The host, lowercased.
    public let host: String
    /// The port when one is written.
    public let port: Int?

    /// The longest endpoint the spec allows.
    public static let maximumLength = 512

    /// Why a text is not an acceptable endpoint.
    public typealias Error = InvalidValue

    /// Validates `text`.
    public init(validating text: String) throws(Error) {
        let bytes = Array(text.utf8)
        guard bytes.count <= PushEndpoint.maximumLength else {
            throw Error(offset: PushEndpoint.maximumLength, description: "endpoint is \(bytes.count) octets, more than \(PushEndpoint.maximumLength)")
        }
        if let bad = bytes.firstIndex(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            throw Error(offset: bad, description: "endpoint contains a space, control or non-ASCII byte at offset \(bad)")
        }
        let scheme = Array("https://".utf8)
        guard bytes.count > scheme.count, bytes.prefix(scheme.count).map(PushEndpoint.lower) == scheme else {
            throw Error(offset: 0, description: "endpoint must be an https URL")
        }
        let authorityEnd = bytes[scheme.count...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            throw Error(offset: hash, description: "endpoint must not have a fragment")
        }
        let authority = Array(bytes[scheme.count..<authorityEnd])
        if let at = authority.firstIndex(of: UInt8(ascii: "@")) {
            throw Error(offset: scheme.count + at, description: "endpoint must not carry user information")
        }
        var hostBytes = authority[...]
        var port: Int?
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")),
                  authority[1..<close].allSatisfy({ JSONWriter.hexValue($0) != nil || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }),
                  close > 1 else {
                throw Error(offset: scheme.count, description: "endpoint has a malformed IPv6 literal")
            }
            hostBytes = authority[0...close]
            if close + 1 < authority.count {
                guard authority[close + 1] == UInt8(ascii: ":") else {
                    throw Error(offset: scheme.count + close + 1, description: "endpoint has text after its IPv6 literal")
                }
                port = try PushEndpoint.port(authority[(close + 2)...], offset: scheme.count + close + 2)
            }
        } else if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
            hostBytes = authority[..<colon]
            port = try PushEndpoint.port(authority[(colon + 1)...], offset: scheme.count + colon + 1)
        }
        if hostBytes.first != UInt8(ascii: "[") {
            // reg-name of RFC 3986 restricted to what DNS names use: letters, digits, "-", ".".
            let allowed = { (byte: UInt8) in
                PushEndpoint.lower(byte) >= UInt8(ascii: "a") && PushEndpoint.lower(byte) <= UInt8(ascii: "z")
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
            guard !hostBytes.isEmpty, hostBytes.allSatisfy(allowed), hostBytes.first != UInt8(ascii: "."),
                  hostBytes.last != UInt8(ascii: ".") || hostBytes.count > 1 else {
                throw Error(offset: scheme.count, description: "endpoint has no valid host name")
            }
        }
        url = text
        host = String(decoding: hostBytes.map(PushEndpoint.lower), as: UTF8.self)
        self.port = port
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    private static func port(_ digits: ArraySlice<UInt8>, offset: Int) throws(Error) -> Int {
        guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let value = Int(String(decoding: digits, as: UTF8.self)), (1...65535).contains(value) else {
            throw Error(offset: offset, description: "endpoint has an invalid port")
        }
        return value
    }

    /// The origin (RFC 6454 section 6.2) of the endpoint: the VAPID `aud` claim (RFC 8292
    /// section 2). The default port 443 is left out.
    public var origin: String {
        if let port, port != 443 { return "https://\(host):\(port)" }
        return "https://\(host)"
    }

    /// The URL.
    public var description: String { url }
}
