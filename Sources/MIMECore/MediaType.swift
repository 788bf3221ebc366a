/// What the parser needs to know of an entity's `Content-Type` (RFC 2045 section 5) to find
/// the structure of its body: whether it is a multipart and with which boundary, or an
/// encapsulated message.
struct MediaType: Sendable {
    var isMultipart: Bool
    var isMessage: Bool
    var isDigest: Bool
    var boundary: [UInt8]?
    /// A `message/*` part with a base64 or quoted-printable body, which RFC 2046 section 5.2.1
    /// forbids; it is kept as a leaf rather than parsed from its encoded form.
    var isEncodedMessage = false

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
        // Only the media type is needed for most parts; the parameters are read (with RFC 2231
        // continuations) just for multiparts, whose boundary the parser must know. This keeps the
        // hot path free of allocations for leaves.
        var scanner = FieldScanner(field.rawValue)
        scanner.skipCFWS(diagnostics: &diagnostics)
        let type = scanner.readToken() ?? []
        scanner.skipCFWS(diagnostics: &diagnostics)
        var subtype: ArraySlice<UInt8> = []
        if scanner.consume(UInt8(ascii: "/")) {
            scanner.skipCFWS(diagnostics: &diagnostics)
            subtype = scanner.readToken() ?? []
        }
        self.isMultipart = ASCII.equalsIgnoringCase(type, "multipart".utf8)
        self.isMessage = ASCII.equalsIgnoringCase(type, "message".utf8)
            && (ASCII.equalsIgnoringCase(subtype, "rfc822".utf8) || ASCII.equalsIgnoringCase(subtype, "global".utf8))
        self.isDigest = isMultipart && ASCII.equalsIgnoringCase(subtype, "digest".utf8)
        self.boundary = nil
        if isMultipart {
            boundary = MediaType.boundary(after: &scanner, in: field.rawValue, diagnostics: &diagnostics)
            if boundary?.isEmpty == true { boundary = nil }
        }
        if isMessage, let encodingField = headers.first(named: "Content-Transfer-Encoding"),
            let encoding = ContentTransferEncoding.parse(encodingField.rawValue, diagnostics: &diagnostics),
            !encoding.isIdentity
        {
            isEncodedMessage = true
        }
    }

    /// The `boundary` parameter (RFC 2046 section 5.1.1), read straight from the parameter list
    /// in the common case; an RFC 2231 form (`boundary*0=...`) goes through the full parameter
    /// parser. Trailing spaces are dropped: `bcharsnospace` ends a boundary.
    private static func boundary(
        after scanner: inout FieldScanner, in value: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]
    ) -> [UInt8]? {
        var found: [UInt8]? = nil
        while !scanner.isAtEnd {
            scanner.skipCFWS(diagnostics: &diagnostics)
            guard scanner.consume(ASCII.semicolon) else {
                _ = scanner.next()
                continue
            }
            scanner.skipCFWS(diagnostics: &diagnostics)
            guard let name = scanner.readToken() else { continue }
            if name.count > 8, ASCII.equalsIgnoringCase(name.prefix(9), "boundary*".utf8) {
                let contentType = ContentType.parse(value, diagnostics: &diagnostics)
                return contentType.boundary.map { Array($0.utf8) }
            }
            scanner.skipCFWS(diagnostics: &diagnostics)
            guard scanner.consume(ASCII.equals) else { continue }
            scanner.skipCFWS(diagnostics: &diagnostics)
            let parameter = scanner.readQuotedString(diagnostics: &diagnostics) ?? scanner.readToken().map(Array.init)
            if found == nil, ASCII.equalsIgnoringCase(name, "boundary".utf8) { found = parameter }
        }
        while let last = found?.last, ASCII.isWhitespace(last) { found?.removeLast() }
        return found
    }
}
