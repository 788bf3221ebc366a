extension MIMEPart {
    /// A transfer-decoded body with the problems found while decoding it.
    public struct DecodedBody: Sendable, Hashable {
        /// The body after undoing the `Content-Transfer-Encoding`.
        public var bytes: [UInt8]
        /// What was wrong in the encoded body, with message offsets.
        public var diagnostics: [Diagnostic]

        /// Creates a decoded body.
        public init(bytes: [UInt8], diagnostics: [Diagnostic]) {
            self.bytes = bytes
            self.diagnostics = diagnostics
        }
    }

    /// Decodes the body according to its `Content-Transfer-Encoding` (RFC 2045 sections 6.7 and
    /// 6.8). Broken encodings decode as far as they can; an unknown encoding leaves the body as
    /// it is. Neither fails: each is reported. Problems in the header fields themselves are not
    /// repeated here; ``Message/allDiagnostics(includingBodies:includingNestedMessages:options:)``
    /// gathers them.
    public func decodedBody() -> DecodedBody {
        var bytes: [UInt8] = []
        let diagnostics = decodeBody { chunk in bytes.append(contentsOf: chunk) }
        return DecodedBody(bytes: bytes, diagnostics: diagnostics)
    }

    /// Decodes the body into `sink` in chunks, without holding the whole decoded body, and
    /// returns the problems found (RFC 2045 section 6). Use it to hash or store a large
    /// attachment in bounded memory.
    @discardableResult
    public func decodeBody(into sink: (UnsafeRawBufferPointer) throws -> Void) rethrows -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Problems in the field itself belong to the field (see `HeaderField.diagnostics`).
        let encoding = transferEncoding
        let body = rawBody
        switch encoding {
        case .some(.base64):
            var decoder = Base64Decoder()
            try body.withUnsafeBytes { try decoder.decode($0, sink: sink) }
            try decoder.finish(sink: sink)
            diagnostics += decoder.takeDiagnostics().map { $0.shifted(by: bodyOffset) }
        case .some(.quotedPrintable):
            var decoder = QuotedPrintableDecoder()
            try body.withUnsafeBytes { try decoder.decode($0, sink: sink) }
            try decoder.finish(sink: sink)
            diagnostics += decoder.takeDiagnostics().map { $0.shifted(by: bodyOffset) }
        case .some(let other) where !other.isIdentity:
            // RFC 2045 section 6.4: an unrecognized encoding is treated as application/octet-stream
            // by agents; here the bytes are handed over undecoded.
            diagnostics.append(Diagnostic(.transferEncodingUnsupported, .warning, at: bodyOffset,
                "transfer encoding \"\(other.rawValue)\" is not supported; body left undecoded"))
            try body.withUnsafeBytes { try sink($0) }
        default:
            try body.withUnsafeBytes { try sink($0) }
        }
        return diagnostics
    }

    /// Text decoded from a `text/*` body, with the charset that was used.
    public struct DecodedText: Sendable, Hashable {
        /// The text.
        public var text: String
        /// The charset the bytes were converted from.
        public var charset: Charset
        /// What was wrong on the way (transfer encoding, unknown charset, invalid bytes).
        public var diagnostics: [Diagnostic]

        /// Creates decoded text.
        public init(text: String, charset: Charset, diagnostics: [Diagnostic]) {
            self.text = text
            self.charset = charset
            self.diagnostics = diagnostics
        }
    }

    /// The body as text: transfer-decoded, then converted from its `charset` (RFC 2046 section
    /// 4.1.2) through ICU. Returns `nil` for parts that are not `text/*` leaves.
    ///
    /// A missing charset means US-ASCII, read as windows-1252 as mail clients do; an unknown
    /// charset falls back to UTF-8 when the bytes are valid UTF-8 and to `fallbackCharset`
    /// otherwise, with a diagnostic. `format=flowed` text (RFC 3676) is unwrapped when
    /// `unwrapFlowed` is set.
    public func text(fallbackCharset: Charset = .windows1252, unwrapFlowed: Bool = false) -> DecodedText? {
        guard isLeaf else { return nil }
        let type = contentType
        guard type.isText else { return nil }
        let body = decodedBody()
        var diagnostics = body.diagnostics
        var charset = fallbackCharset
        if let label = type.effectiveCharset {
            if let known = Charset(label) {
                charset = known
            } else {
                let utf8 = Charset.utf8.decode(body.bytes)
                charset = utf8.hadErrors ? fallbackCharset : .utf8
                // Points at the parameter that names the charset, like other field diagnostics.
                let range = type.parameters.first(named: "charset")?.sourceRange ?? headerOffset..<bodyOffset
                diagnostics.append(Diagnostic(.unknownCharset, .warning, at: range,
                    "unknown charset \"\(label)\"; read as \(charset.mimeName)"))
            }
        }
        let decoded = charset.decode(body.bytes)
        if let bad = decoded.firstErrorOffset {
            diagnostics.append(Diagnostic(.invalidCharsetBytes, .warning,
                at: transferEncoding?.isIdentity == false ? bodyOffset : bodyOffset + bad,
                "body is not valid \(charset.mimeName)"))
        }
        var text = decoded.text
        if unwrapFlowed, type.parameters["format"]?.lowercased() == "flowed" {
            let delSp = type.parameters["delsp"]?.lowercased() == "yes"
            text = FormatFlowed.decode(text, delSp: delSp)
        }
        return DecodedText(text: text, charset: charset, diagnostics: diagnostics)
    }
}

extension Diagnostic.Code {
    /// A `Content-Transfer-Encoding` the library cannot decode (RFC 2045 section 6.4).
    public static let transferEncodingUnsupported = Diagnostic.Code("transfer-encoding-unsupported")
    /// A `charset` parameter that names no charset ICU knows (RFC 2046 section 4.1.2).
    public static let unknownCharset = Diagnostic.Code("unknown-charset")
    /// Body bytes that are invalid in the part's charset.
    public static let invalidCharsetBytes = Diagnostic.Code("invalid-charset-bytes")
}
