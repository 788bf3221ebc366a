/// A cursor over the raw bytes of a structured header field value, with the lexical rules of
/// RFC 5322 section 3.2 (`FWS`, `CFWS`, `comment`, `quoted-string`, `atom`, `dot-atom`) and the
/// `token` of RFC 2045 section 5.1.
///
/// The scanner reads the value as it stands in the message, folding included, so that every
/// position it reports is a byte offset into the message: the indices of `bytes` are those of the
/// slice it was made from. Folding (`CRLF` or bare `LF` followed by `WSP`) counts as `FWS`.
public struct FieldScanner: Sendable {
    /// The value being scanned; its indices are byte offsets into the enclosing buffer.
    public let bytes: ArraySlice<UInt8>
    /// The offset of the next unread byte.
    public var position: Int
    /// The deepest comment nesting accepted before the rest of a comment is skipped flat.
    public var maximumCommentDepth: Int

    /// Creates a scanner over a field value; diagnostics report the slice's own indices.
    public init(_ bytes: ArraySlice<UInt8>, maximumCommentDepth: Int = 32) {
        self.bytes = bytes
        self.position = bytes.startIndex
        self.maximumCommentDepth = maximumCommentDepth
    }

    /// Creates a scanner over a standalone value; offsets count from 0.
    public init<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        self.init(ArraySlice(Array(bytes)))
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { position >= bytes.endIndex }

    /// The next byte, if any.
    public var peek: UInt8? { position < bytes.endIndex ? bytes[position] : nil }

    /// The byte after the next one, if any.
    public var peekSecond: UInt8? { position + 1 < bytes.endIndex ? bytes[position + 1] : nil }

    /// The bytes not read yet.
    public var remaining: ArraySlice<UInt8> { bytes[min(position, bytes.endIndex)...] }

    /// Consumes `byte` if it comes next.
    public mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    /// Consumes and returns the next byte.
    public mutating func next() -> UInt8? {
        guard let byte = peek else { return nil }
        position += 1
        return byte
    }

    /// `FWS = ([*WSP CRLF] 1*WSP) / obs-FWS` (RFC 5322 section 3.2.2), leniently: any run of
    /// `WSP`, `CR` and `LF`. Returns whether anything was skipped.
    @discardableResult
    public mutating func skipFWS() -> Bool {
        let start = position
        while let byte = peek, ASCII.isWhitespaceOrNewline(byte) { position += 1 }
        return position != start
    }

    /// `CFWS = (1*([FWS] comment) [FWS]) / FWS` (RFC 5322 section 3.2.2).
    ///
    /// Returns the text of the comments skipped, in order, because some fields carry meaning in
    /// them (a display name in `addr-spec (Name)` form, a time zone name after a date).
    @discardableResult
    public mutating func skipCFWS(diagnostics: inout [Diagnostic]) -> [ArraySlice<UInt8>] {
        var comments: [ArraySlice<UInt8>] = []
        while true {
            skipFWS()
            guard peek == UInt8(ascii: "(") else { return comments }
            if let comment = readComment(diagnostics: &diagnostics) { comments.append(comment) }
        }
    }

    /// `comment = "(" *([FWS] ccontent) [FWS] ")"` with nested comments and `quoted-pair`
    /// (RFC 5322 section 3.2.2). Returns the bytes between the outer parentheses, unescaped
    /// nothing (the caller decides), or `nil` if no comment starts here. An unclosed comment runs
    /// to the end of the value with a diagnostic.
    public mutating func readComment(diagnostics: inout [Diagnostic]) -> ArraySlice<UInt8>? {
        guard peek == UInt8(ascii: "(") else { return nil }
        let open = position
        position += 1
        var depth = 1
        var reportedTooDeep = false
        while let byte = peek {
            switch byte {
            case ASCII.backslash:
                position = min(position + 2, bytes.endIndex)
                continue
            case UInt8(ascii: "("):
                depth += 1
                if depth > maximumCommentDepth {
                    // Reported once per comment, so hostile nesting cannot flood the diagnostics.
                    if !reportedTooDeep {
                        reportedTooDeep = true
                        diagnostics.append(Diagnostic(.commentTooDeep, .warning, at: position,
                            "comments nested deeper than \(maximumCommentDepth) levels"))
                    }
                    depth = maximumCommentDepth
                }
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 {
                    position += 1
                    return bytes[(open + 1)..<(position - 1)]
                }
            default:
                break
            }
            position += 1
        }
        diagnostics.append(Diagnostic(.unterminatedComment, .error, at: open..<position, "comment is not closed"))
        return bytes[(open + 1)..<position]
    }

    /// `quoted-string = [CFWS] DQUOTE *([FWS] qcontent) [FWS] DQUOTE [CFWS]` (RFC 5322
    /// section 3.2.4), without the surrounding `CFWS`. Returns the content with `quoted-pair`
    /// escapes removed and folding line breaks unfolded, or `nil` if no quote starts here. An
    /// unclosed quoted string runs to the end of the value with a diagnostic.
    public mutating func readQuotedString(diagnostics: inout [Diagnostic]) -> [UInt8]? {
        guard peek == ASCII.quote else { return nil }
        let open = position
        position += 1
        var content: [UInt8] = []
        while let byte = peek {
            position += 1
            switch byte {
            case ASCII.quote:
                return content
            case ASCII.backslash:
                if let escaped = peek {
                    content.append(escaped)
                    position += 1
                }
            case ASCII.cr, ASCII.lf:
                // Unfolding: the line break goes, the WSP that follows stays (section 3.2.2).
                break
            default:
                content.append(byte)
            }
        }
        diagnostics.append(Diagnostic(.unterminatedQuotedString, .error, at: open..<position,
            "quoted string is not closed"))
        return content
    }

    /// Reads a run of bytes accepted by `isIncluded`, possibly empty.
    public mutating func read(while isIncluded: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while let byte = peek, isIncluded(byte) { position += 1 }
        return bytes[start..<position]
    }

    /// `atom = [CFWS] 1*atext [CFWS]` without the `CFWS` (RFC 5322 section 3.2.3). Bytes of
    /// 0x80 and above count as `atext` (RFC 6532 section 3.2, and raw 8-bit text in legacy mail).
    public mutating func readAtom() -> ArraySlice<UInt8>? {
        let atom = read(while: FieldScanner.isAtext)
        return atom.isEmpty ? nil : atom
    }

    /// `dot-atom-text = 1*atext *("." 1*atext)` (RFC 5322 section 3.2.3), leniently accepting
    /// leading, trailing and doubled dots (`obs-local-part` in practice); see `isStrictDotAtom`.
    public mutating func readDotAtom() -> ArraySlice<UInt8>? {
        let atom = read(while: { FieldScanner.isAtext($0) || $0 == UInt8(ascii: ".") })
        return atom.isEmpty ? nil : atom
    }

    /// `token := 1*<any (US-ASCII) CHAR except SPACE, CTLs, or tspecials>` (RFC 2045 section 5.1),
    /// with 8-bit bytes accepted leniently.
    public mutating func readToken() -> ArraySlice<UInt8>? {
        let token = read(while: FieldScanner.isTokenChar)
        return token.isEmpty ? nil : token
    }

    /// `atext` (RFC 5322 section 3.2.3), plus 8-bit bytes (RFC 6532 `UTF8-non-ascii`).
    @inlinable
    public static func isAtext(_ byte: UInt8) -> Bool {
        byte >= 0x80 || ASCII.isAtext(byte)
    }

    /// `tspecials` (RFC 2045 section 5.1).
    @inlinable
    public static func isTSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\\"), UInt8(ascii: "\""),
            UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "?"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// A `token` character of RFC 2045 section 5.1 (8-bit bytes accepted leniently).
    @inlinable
    public static func isTokenChar(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte != 0x7F && !isTSpecial(byte)
    }
}

extension Diagnostic.Code {
    /// A comment (RFC 5322 section 3.2.2) has no closing parenthesis.
    public static let unterminatedComment = Diagnostic.Code("unterminated-comment")
    /// A quoted string (RFC 5322 section 3.2.4) has no closing quote.
    public static let unterminatedQuotedString = Diagnostic.Code("unterminated-quoted-string")
    /// Comments nest deeper than the scanner's limit.
    public static let commentTooDeep = Diagnostic.Code("comment-too-deep")
}
