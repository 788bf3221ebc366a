/// The media type of a MIME entity, from its `Content-Type` field (RFC 2045 section 5, with the
/// types and defaults of RFC 2046).
///
/// `type` and `subtype` are stored in lowercase, since they are case-insensitive (RFC 2045
/// section 5.1); parameter values keep their case.
public struct ContentType: Sendable, Hashable, CustomStringConvertible {
    /// The top-level media type, such as `"text"` or `"multipart"`.
    public var type: String
    /// The subtype, such as `"plain"` or `"mixed"`.
    public var subtype: String
    /// The parameters, in header order.
    public var parameters: MIMEParameters

    /// Creates a media type; type and subtype are lowercased.
    public init(type: String, subtype: String, parameters: MIMEParameters = MIMEParameters()) {
        self.type = MIMEParameters.lowercased(type)
        self.subtype = MIMEParameters.lowercased(subtype)
        self.parameters = parameters
    }

    /// `text/plain; charset=us-ascii`, the type of an entity without a `Content-Type` field or
    /// with one that cannot be read (RFC 2045 section 5.2).
    public static let `default` = ContentType(type: "text", subtype: "plain", parameters: [("charset", "us-ascii")])

    /// `message/rfc822`, the default type of the parts of a `multipart/digest` (RFC 2046
    /// section 5.1.5).
    public static let messageRFC822 = ContentType(type: "message", subtype: "rfc822")

    /// The type a part has when it has no `Content-Type` field: `message/rfc822` inside a
    /// `multipart/digest` (RFC 2046 section 5.1.5), otherwise `text/plain; charset=us-ascii`
    /// (RFC 2045 section 5.2).
    public static func defaultType(forChildOf parent: ContentType?) -> ContentType {
        if let parent, parent.type == "multipart", parent.subtype == "digest" { return .messageRFC822 }
        return .default
    }

    /// `type/subtype`, without parameters.
    public var mimeType: String { type + "/" + subtype }

    /// The `charset` parameter (RFC 2046 section 4.1.2) as written, if present.
    public var charset: String? { parameters["charset"] }

    /// The charset of a `text/*` body: the `charset` parameter, or `us-ascii`, which RFC 2046
    /// section 4.1.2 says to assume when it is absent; `nil` for other types without one.
    public var effectiveCharset: String? {
        charset ?? (isText ? "us-ascii" : nil)
    }

    /// The `boundary` parameter of a multipart type (RFC 2046 section 5.1.1), with trailing
    /// spaces removed: the grammar ends a boundary with `bcharsnospace`, and a delimiter line
    /// may carry trailing white space anyway.
    public var boundary: String? {
        guard var value = parameters["boundary"] else { return nil }
        while value.last == " " || value.last == "\t" { value.removeLast() }
        return value
    }

    /// Whether the type is `multipart/*` (RFC 2046 section 5.1).
    public var isMultipart: Bool { type == "multipart" }

    /// Whether the type encapsulates a whole message: `message/rfc822` (RFC 2046 section 5.2.1)
    /// or `message/global` (RFC 6532 section 3.7).
    public var isMessage: Bool { type == "message" && (subtype == "rfc822" || subtype == "global") }

    /// Whether the type is `text/*` (RFC 2046 section 4.1).
    public var isText: Bool { type == "text" }

    /// Whether the type and subtype are `type`/`subtype`, ignoring case.
    public func matches(type: String, subtype: String) -> Bool {
        self.type == MIMEParameters.lowercased(type) && self.subtype == MIMEParameters.lowercased(subtype)
    }

    /// The field value, `type/subtype; name=value...`, without folding.
    public var rendered: String { mimeType + parameters.rendered }

    /// The field value as tokens a header folder may fold between: `type/subtype` first, then one
    /// `; name=value` per parameter or RFC 2231 section.
    public func renderedTokens(maximumLineLength: Int = MIMEParameters.recommendedLineLength) -> [String] {
        [mimeType] + parameters.renderedTokens(maximumLineLength: maximumLineLength)
    }

    /// The field value; see `rendered`.
    public var description: String { rendered }
}

extension ContentType {
    /// Parses a `Content-Type` field value (RFC 2045 section 5.1):
    /// `content := "Content-Type" ":" type "/" subtype *(";" parameter)`.
    ///
    /// Never fails: a value whose type cannot be read becomes `text/plain` (RFC 2045 section 5.2)
    /// with the parameters that could be read and `charset=us-ascii` unless one was given, and
    /// an error. Recovered with diagnostics: a missing subtype after `text` (read as
    /// `text/plain`), a missing or invalid `boundary` on a multipart type, and every leniency of
    /// `MIMEParameters.parse`. Comments anywhere are skipped.
    public static func parse(_ value: ArraySlice<UInt8>, options: MIMEParameters.Options = .default,
                             diagnostics: inout [Diagnostic]) -> ContentType {
        var scanner = FieldScanner(value)
        if let result = parseType(&scanner, options: options, diagnostics: &diagnostics) {
            return result
        }
        // Keep the parameters of an unreadable type: a charset there is still the best guess.
        var parameters = MIMEParameters()
        if let semicolon = value.firstIndex(of: ASCII.semicolon) {
            var rest = FieldScanner(value)
            rest.position = semicolon
            var ignored: [Diagnostic] = []
            parameters = MIMEParameters.parse(&rest, requireLeadingSemicolon: true, options: options,
                                              diagnostics: &ignored)
        }
        if parameters["charset"] == nil { parameters.append(name: "charset", value: "us-ascii") }
        return ContentType(type: "text", subtype: "plain", parameters: parameters)
    }

    /// Parses a `Content-Type` field value, or returns `nil` when its `type "/" subtype` cannot be
    /// read (where `parse(_:options:diagnostics:)` would fall back to the default).
    public init?(_ string: String) {
        var diagnostics: [Diagnostic] = []
        var scanner = FieldScanner(Array(string.utf8))
        guard let result = ContentType.parseType(&scanner, options: .default, diagnostics: &diagnostics) else {
            return nil
        }
        self = result
    }

    /// `type "/" subtype *(";" parameter)` (RFC 2045 section 5.1), or `nil` with an error.
    static func parseType(_ scanner: inout FieldScanner, options: MIMEParameters.Options,
                          diagnostics: inout [Diagnostic]) -> ContentType? {
        scanner.skipCFWS(diagnostics: &diagnostics)
        let start = scanner.position
        guard let type = scanner.readToken() else {
            let message = scanner.isAtEnd ? "Content-Type is empty" : "Content-Type does not start with a type"
            diagnostics.append(Diagnostic(.contentTypeInvalid, .error, at: start..<scanner.bytes.endIndex,
                                          message + "; text/plain; charset=us-ascii assumed (RFC 2045 section 5.2)"))
            return nil
        }
        scanner.skipCFWS(diagnostics: &diagnostics)
        var subtype: ArraySlice<UInt8>?
        if scanner.consume(UInt8(ascii: "/")) {
            scanner.skipCFWS(diagnostics: &diagnostics)
            subtype = scanner.readToken()
        }
        let typeText = ASCII.lowercasedString(type)
        let subtypeText: String
        if let subtype {
            subtypeText = ASCII.lowercasedString(subtype)
        } else if typeText == "text" {
            diagnostics.append(Diagnostic(.contentTypeMissingSubtype, .warning, at: start..<scanner.position,
                                          "'text' without a subtype; read as text/plain"))
            subtypeText = "plain"
        } else {
            diagnostics.append(Diagnostic(.contentTypeInvalid, .error, at: start..<scanner.position,
                                          "'\(typeText)' without a subtype; text/plain; charset=us-ascii assumed "
                                              + "(RFC 2045 section 5.2)"))
            return nil
        }
        scanner.skipCFWS(diagnostics: &diagnostics)
        if let next = scanner.peek, next != ASCII.semicolon {
            // `text/plain charset=utf-8`: the parameter reader reports the missing ';'.
            // `text/plain, charset=utf-8`: stray punctuation is dropped and the parameters kept.
            if !FieldScanner.isTokenChar(next) {
                let junk = scanner.position
                _ = scanner.read(while: {
                    !FieldScanner.isTokenChar($0) && $0 != ASCII.semicolon && $0 != ASCII.quote
                        && $0 != UInt8(ascii: "(") && !ASCII.isWhitespaceOrNewline($0)
                })
                if scanner.position == junk { scanner.position += 1 }
                diagnostics.append(Diagnostic(.contentTypeTrailingText, .warning, at: junk..<scanner.position,
                                              "text after the media type ignored"))
            }
        }
        let parameters = MIMEParameters.parse(&scanner, requireLeadingSemicolon: true, options: options,
                                              diagnostics: &diagnostics)
        let result = ContentType(type: typeText, subtype: subtypeText, parameters: parameters)
        if result.isMultipart { result.checkBoundary(diagnostics: &diagnostics) }
        return result
    }

    /// `boundary := 0*69<bchars> bcharsnospace` where `bchars := bcharsnospace / " "` and
    /// `bcharsnospace := DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," / "-" / "." / "/" /
    /// ":" / "=" / "?"` (RFC 2046 section 5.1.1). A boundary outside that set is still used.
    func checkBoundary(diagnostics: inout [Diagnostic]) {
        guard let parameter = parameters.first(named: "boundary") else {
            diagnostics.append(Diagnostic(.contentTypeMissingBoundary, .error,
                                          at: parameters.last?.sourceRange ?? (0..<0),
                                          "\(mimeType) has no boundary parameter (RFC 2046 section 5.1.1)"))
            return
        }
        let range = parameter.sourceRange ?? (0..<0)
        let raw = Array(parameter.value.utf8)
        var trimmed = raw[...]
        while let last = trimmed.last, last == ASCII.space || last == ASCII.tab { trimmed = trimmed.dropLast() }
        if trimmed.count != raw.count {
            diagnostics.append(Diagnostic(.contentTypeInvalidBoundary, .warning, at: range,
                                          "boundary ends in white space, which is removed"))
        }
        if trimmed.isEmpty {
            diagnostics.append(Diagnostic(.contentTypeInvalidBoundary, .error, at: range, "boundary is empty"))
        } else if trimmed.count > 70 {
            diagnostics.append(Diagnostic(.contentTypeInvalidBoundary, .warning, at: range,
                                          "boundary is \(trimmed.count) characters long; RFC 2046 allows 70"))
        }
        if !trimmed.allSatisfy({ ContentType.isBoundaryChar($0) }) {
            diagnostics.append(Diagnostic(.contentTypeInvalidBoundary, .warning, at: range,
                                          "boundary has characters outside the set of RFC 2046 section 5.1.1"))
        }
    }

    /// `bchars` (RFC 2046 section 5.1.1).
    static func isBoundaryChar(_ byte: UInt8) -> Bool {
        if ASCII.isAlpha(byte) || ASCII.isDigit(byte) { return true }
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"), UInt8(ascii: "_"),
            UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"),
            UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: " "):
            return true
        default:
            return false
        }
    }
}

extension Diagnostic.Code {
    /// The `type "/" subtype` of a Content-Type could not be read; the default of RFC 2045
    /// section 5.2 was used.
    public static let contentTypeInvalid = Diagnostic.Code("content-type-invalid")
    /// A Content-Type of `text` without a subtype, read as `text/plain`.
    public static let contentTypeMissingSubtype = Diagnostic.Code("content-type-missing-subtype")
    /// Text between the media type and its parameters.
    public static let contentTypeTrailingText = Diagnostic.Code("content-type-trailing-text")
    /// A multipart type without a `boundary` (RFC 2046 section 5.1.1 requires one).
    public static let contentTypeMissingBoundary = Diagnostic.Code("content-type-missing-boundary")
    /// A boundary too long, empty, ending in a space, or with characters outside RFC 2046
    /// section 5.1.1's set.
    public static let contentTypeInvalidBoundary = Diagnostic.Code("content-type-invalid-boundary")
}
