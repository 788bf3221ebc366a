/// What the parser needs to know of an entity's `Content-Type` (RFC 2045 section 5) to find
/// the structure of its body: whether it is a multipart and with which boundary, or an
/// encapsulated message.
struct MediaType: Sendable {
    var isMultipart: Bool
    var isMessage: Bool
    var isDigest: Bool
    var boundary: [UInt8]?

    static let textPlain = MediaType(isMultipart: false, isMessage: false, isDigest: false, boundary: nil)
    static let messageRFC822 = MediaType(isMultipart: false, isMessage: true, isDigest: false, boundary: nil)

    /// The default type of a child part: `message/rfc822` in a `multipart/digest`
    /// (RFC 2046 section 5.1.5), `text/plain` elsewhere.
    var childDefault: MediaType { isDigest ? .messageRFC822 : .textPlain }

    init(isMultipart: Bool, isMessage: Bool, isDigest: Bool, boundary: [UInt8]?) {
        self.isMultipart = isMultipart
        self.isMessage = isMessage
        self.isDigest = isDigest
        self.boundary = boundary
    }

    /// Reads the first `Content-Type` field; without one, `default` applies (RFC 2045 section 5.2).
    init(headers: HeaderFields, default defaultType: MediaType) {
        guard let field = headers.first(named: "Content-Type") else {
            self = defaultType
            return
        }
        var diagnostics: [Diagnostic] = []
        var scanner = FieldScanner(field.rawValue)
        scanner.skipCFWS(diagnostics: &diagnostics)
        let type = (scanner.readToken()).map { ASCII.string($0).lowercased() } ?? ""
        scanner.skipCFWS(diagnostics: &diagnostics)
        var subtype = ""
        if scanner.consume(UInt8(ascii: "/")) {
            scanner.skipCFWS(diagnostics: &diagnostics)
            subtype = (scanner.readToken()).map { ASCII.string($0).lowercased() } ?? ""
        }
        var boundary: [UInt8]? = nil
        while !scanner.isAtEnd {
            scanner.skipCFWS(diagnostics: &diagnostics)
            guard scanner.consume(ASCII.semicolon) else { _ = scanner.next(); continue }
            scanner.skipCFWS(diagnostics: &diagnostics)
            guard let name = scanner.readToken() else { continue }
            scanner.skipCFWS(diagnostics: &diagnostics)
            guard scanner.consume(ASCII.equals) else { continue }
            scanner.skipCFWS(diagnostics: &diagnostics)
            let value = scanner.readQuotedString(diagnostics: &diagnostics) ?? scanner.readToken().map(Array.init)
            if boundary == nil, ASCII.equalsIgnoringCase(name, "boundary".utf8) { boundary = value }
        }
        self.isMultipart = type == "multipart"
        self.isMessage = type == "message" && (subtype == "rfc822" || subtype == "global")
        self.isDigest = isMultipart && subtype == "digest"
        self.boundary = isMultipart ? boundary : nil
        if boundary?.isEmpty == true { boundary = nil }
    }
}
