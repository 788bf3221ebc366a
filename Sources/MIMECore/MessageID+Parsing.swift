extension MessageID {
    /// `msg-id = [CFWS] "<" id-left "@" id-right ">" [CFWS]` (RFC 5322 section 3.6.4), for the
    /// `Message-ID` field: the first identifier of `value`, with a diagnostic if more follow.
    public static func parse(_ value: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]) -> MessageID? {
        let ids = parseList(value, maximumCount: 2, diagnostics: &diagnostics)
        if ids.count > 1 {
            diagnostics.append(Diagnostic(.messageIDExtra, .warning, at: value.startIndex..<value.endIndex,
                                          "more than one message identifier; the first is used"))
        }
        return ids.first
    }

    /// `1*msg-id` (RFC 5322 section 3.6.4) and `obs-references` / `obs-in-reply-to`
    /// (`*(phrase / msg-id)`, section 4.5.4), for `References` and `In-Reply-To`.
    ///
    /// Lenient the way threading needs: comments anywhere, identifiers separated by commas or
    /// by nothing, missing `<` or `>`, white space inside (`obs-id-left`, `obs-id-right`), quoted
    /// left parts, identifiers without `@`. Phrases are skipped. Every deviation is reported
    /// with its byte range. Runs in linear time, and returns at most `maximumCount`
    /// identifiers.
    public static func parseList(_ value: ArraySlice<UInt8>, maximumCount: Int = 5000,
                                 diagnostics: inout [Diagnostic]) -> [MessageID] {
        var parser = MessageIDListParser(value, maximumCount: max(1, maximumCount))
        let ids = parser.parseList()
        diagnostics.append(contentsOf: parser.lexer.diagnostics.finished(at: value.endIndex))
        return ids
    }

    /// Whether `value` is 1 to `maximumCount` identifiers in their plain form,
    /// `"<" dot-atom-text "@" dot-atom-text ">"`, separated by white space or folding: a value in
    /// which ``parseList(_:maximumCount:diagnostics:)`` finds nothing to report, proved by one
    /// pass over the bytes, so that checking it builds no strings. Folding may end in CRLF or, as in
    /// mailboxes stored with Unix line ends, in a bare LF.
    static func isPlainList(_ value: ArraySlice<UInt8>, maximumCount: Int) -> Bool {
        var count = 0
        var index = value.startIndex
        let end = value.endIndex
        while true {
            var sawSpace = false
            while index < end {
                let byte = value[index]
                if byte == ASCII.space || byte == ASCII.tab {
                    index += 1
                } else if byte == ASCII.cr, index + 2 < end, value[index + 1] == ASCII.lf,
                          value[index + 2] == ASCII.space || value[index + 2] == ASCII.tab {
                    index += 3
                } else if byte == ASCII.lf, index + 1 < end,
                          value[index + 1] == ASCII.space || value[index + 1] == ASCII.tab {
                    // Folding with a bare LF, as in messages stored with Unix line ends (mbox).
                    index += 2
                } else {
                    break
                }
                sawSpace = true
            }
            if index == end { return count > 0 }
            guard value[index] == UInt8(ascii: "<"), count == 0 || sawSpace, count < maximumCount else { return false }
            index += 1
            // id-left "@" id-right ">", each a dot-atom-text short enough to stay under the
            // parser's token limit (63 dots make 127 tokens a side).
            for terminator in [UInt8(ascii: "@"), UInt8(ascii: ">")] {
                var dots = 0
                while true {
                    let wordStart = index
                    while index < end, ASCII.isAtext(value[index]) { index += 1 }
                    guard index > wordStart, index < end else { return false }
                    guard value[index] == UInt8(ascii: "."), dots < 63 else { break }
                    dots += 1
                    index += 1
                }
                guard value[index] == terminator else { return false }
                index += 1
            }
            count += 1
        }
    }

    /// Parses a `References` or `In-Reply-To` value held in a string, dropping diagnostics.
    public static func parseList(_ string: String) -> [MessageID] {
        var ignored: [Diagnostic] = []
        return parseList(ArraySlice(Array(string.utf8)), diagnostics: &ignored)
    }
}

extension Diagnostic.Code {
    /// A message identifier without angle brackets (RFC 5322 section 3.6.4 requires them).
    public static let messageIDMissingBrackets = Diagnostic.Code("message-id-missing-brackets")
    /// A message identifier opened with `<` but not closed with `>`.
    public static let messageIDUnterminated = Diagnostic.Code("message-id-unterminated")
    /// A message identifier without `@` (RFC 5322 section 3.6.4 requires `id-left "@" id-right`).
    public static let messageIDMissingAt = Diagnostic.Code("message-id-missing-at")
    /// White space or comments inside a message identifier (`obs-id-left`, `obs-id-right`,
    /// RFC 5322 section 4.5.4).
    public static let messageIDObsoleteWhitespace = Diagnostic.Code("message-id-obsolete-whitespace")
    /// A message identifier whose parts are not `dot-atom-text`, quoted string or literal.
    public static let messageIDInvalidSyntax = Diagnostic.Code("message-id-invalid-syntax")
    /// A phrase between identifiers (`obs-in-reply-to`, RFC 5322 section 4.5.4); skipped.
    public static let messageIDPhraseSkipped = Diagnostic.Code("message-id-phrase-skipped")
    /// Identifiers separated by `,`, which RFC 5322 section 3.6.4 does not use.
    public static let messageIDCommaSeparator = Diagnostic.Code("message-id-comma-separator")
    /// Identifiers with no white space between them (`<a@x><b@y>`).
    public static let messageIDMissingSpace = Diagnostic.Code("message-id-missing-space")
    /// More than one identifier in a field that takes one (`Message-ID`).
    public static let messageIDExtra = Diagnostic.Code("message-id-extra")
    /// More identifiers than the parser's limit; the rest of the field was skipped.
    public static let messageIDLimitExceeded = Diagnostic.Code("message-id-limit-exceeded")
    /// A byte that starts no identifier or phrase; skipped.
    public static let messageIDUnexpectedCharacter = Diagnostic.Code("message-id-unexpected-character")
}

/// One pass over a `References`-like field.
struct MessageIDListParser {
    var lexer: StructuredLexer
    var token: StructuredToken
    let maximumCount: Int
    /// An identifier may not span more tokens than this: enough for any real one.
    let maximumTokens = 256

    init(_ value: ArraySlice<UInt8>, maximumCount: Int) {
        lexer = StructuredLexer(value, maximumDiagnostics: 64)
        token = lexer.next()
        self.maximumCount = maximumCount
    }

    mutating func advance() { token = lexer.next() }

    mutating func report(_ code: Diagnostic.Code, _ severity: Diagnostic.Severity, at range: Range<Int>,
                         _ message: String) {
        lexer.diagnostics.report(code, severity, at: range, message)
    }

    /// Whether `token` may continue an identifier whose last token is `last`: words must be
    /// joined by `.` or `@`, so two words with white space between them are two things.
    func continues(after last: StructuredToken?) -> Bool {
        switch token.kind {
        case .atom, .quotedString, .domainLiteral:
            guard let last else { return true }
            return !(last.isWord || last.kind == .domainLiteral) || !token.spaceBefore
        case .special(UInt8(ascii: ".")), .special(UInt8(ascii: "@")):
            return true
        default:
            return false
        }
    }

    /// `*(phrase / msg-id / CFWS / ",")`.
    mutating func parseList() -> [MessageID] {
        var ids: [MessageID] = []
        var previousEnd: Int?
        while token.kind != .end {
            if ids.count >= maximumCount {
                let rest = token.range.lowerBound..<lexer.bytes.endIndex
                lexer.diagnostics.reportAlways(.messageIDLimitExceeded, .error, at: rest,
                       "more than \(maximumCount) message identifiers; the rest of the field is ignored")
                break
            }
            switch token.kind {
            case .special(UInt8(ascii: "<")):
                if let end = previousEnd, end == token.range.lowerBound {
                    report(.messageIDMissingSpace, .info, at: token.range, "no white space between message identifiers")
                }
                if let id = parseBracketed() { ids.append(id) }
                previousEnd = lastEnd
            case .special(UInt8(ascii: ",")):
                report(.messageIDCommaSeparator, .info, at: token.range, "',' between message identifiers")
                advance()
                previousEnd = nil
            case .atom, .quotedString, .domainLiteral, .special(UInt8(ascii: ".")), .special(UInt8(ascii: "@")):
                if let id = parseBare() { ids.append(id) }
                previousEnd = nil
            default:
                report(.messageIDUnexpectedCharacter, .error, at: token.range, "unexpected character skipped")
                advance()
                previousEnd = nil
            }
        }
        return ids
    }

    /// The end of the `>` that closed the last bracketed identifier, if it had one.
    var lastEnd: Int?

    /// `"<" id-left "@" id-right ">"`, ending at `>`, or, when `>` is missing, where the
    /// identifier's words stop.
    mutating func parseBracketed() -> MessageID? {
        let open = token.range
        advance()
        var parts: [StructuredToken] = []
        var closed = false
        while true {
            if token.isSpecial(UInt8(ascii: ">")) {
                lastEnd = token.range.upperBound
                advance()
                closed = true
                break
            }
            guard continues(after: parts.last), parts.count < maximumTokens else { break }
            parts.append(token)
            advance()
        }
        let end = parts.last?.range.upperBound ?? open.upperBound
        if !closed {
            lastEnd = nil
            report(.messageIDUnterminated, .error, at: open.lowerBound..<end, "message identifier has no closing '>'")
            if parts.count >= maximumTokens { skipIdentifierRest() }
        }
        return makeID(parts[...], range: open.lowerBound..<end)
    }

    /// An identifier without brackets (`abc@x`), or an `obs-in-reply-to` phrase when its words
    /// hold no `@`.
    mutating func parseBare() -> MessageID? {
        let start = token.range.lowerBound
        var parts: [StructuredToken] = []
        while continues(after: parts.last), parts.count < maximumTokens {
            parts.append(token)
            advance()
        }
        if parts.count >= maximumTokens { skipIdentifierRest() }
        lastEnd = nil
        let end = parts.last?.range.upperBound ?? start
        guard parts.contains(where: { $0.isSpecial(UInt8(ascii: "@")) }) else {
            report(.messageIDPhraseSkipped, .info, at: start..<end, "phrase between message identifiers skipped")
            return nil
        }
        report(.messageIDMissingBrackets, .warning, at: start..<end, "message identifier without '<' and '>'")
        return makeID(parts[...], range: start..<end)
    }

    /// Skips the rest of an identifier longer than ``maximumTokens``.
    mutating func skipIdentifierRest() {
        var last: StructuredToken?
        while continues(after: last) {
            last = token
            advance()
        }
    }

    /// `id-left "@" id-right`, split at the last `@`;
    /// `id-left = dot-atom-text / obs-id-left`; `id-right = dot-atom-text / no-fold-literal /
    /// obs-id-right`.
    mutating func makeID(_ parts: ArraySlice<StructuredToken>, range: Range<Int>) -> MessageID? {
        guard !parts.isEmpty else {
            report(.messageIDInvalidSyntax, .error, at: range, "empty message identifier")
            return nil
        }
        let at = parts.lastIndex { $0.isSpecial(UInt8(ascii: "@")) }
        let leftParts = at.map { parts[..<$0] } ?? parts
        var obsoleteSpace = false
        var invalid = false
        let leftBytes = AddressParserState.joinDotted(leftParts, obsoleteSpace: &obsoleteSpace, invalid: &invalid,
                                                      isDomain: false)
        guard !leftBytes.isEmpty else {
            report(.messageIDInvalidSyntax, .error, at: range, "message identifier has nothing before '@'")
            return nil
        }
        var right: String?
        if let at {
            let rightParts = parts[(at + 1)...]
            if parts[at].spaceBefore || rightParts.first?.spaceBefore == true { obsoleteSpace = true }
            let rightBytes = AddressParserState.joinDotted(rightParts, obsoleteSpace: &obsoleteSpace,
                                                           invalid: &invalid, isDomain: true)
            if rightBytes.isEmpty {
                report(.messageIDMissingAt, .warning, at: range, "message identifier has nothing after '@'")
            } else {
                right = HeaderText.decode(rightBytes, range: range, into: &lexer.diagnostics)
            }
        } else {
            report(.messageIDMissingAt, .warning, at: range, "message identifier has no '@'")
        }
        if obsoleteSpace {
            report(.messageIDObsoleteWhitespace, .info, at: range,
                   "white space or comments inside a message identifier")
        }
        if invalid {
            report(.messageIDInvalidSyntax, .warning, at: range, "message identifier is not a valid dot-atom")
        }
        return MessageID(left: HeaderText.decode(leftBytes, range: range, into: &lexer.diagnostics), right: right)
    }
}
