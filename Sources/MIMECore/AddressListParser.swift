/// Parses the address fields of RFC 5322 section 3.6.2 and 3.6.3 (`From`, `Sender`, `Reply-To`,
/// `To`, `Cc`, `Bcc` and their `Resent-` forms): `address-list` and `mailbox-list` of section 3.4,
/// with the obsolete syntax of section 4.4 and the leniency that real mail needs.
///
/// The parser never fails: every deviation from the grammar is recovered the way widely used
/// mail readers do and reported as a ``Diagnostic`` whose range is a byte range of the parsed
/// slice. A malformed entry never loses the rest of the list: parsing resumes at the next `,`,
/// or at the next address when the `,` between two addresses is missing.
///
/// It runs in time linear in the input and keeps memory proportional to what it returns: it
/// reads tokens once, never backtracks, stops after ``maximumAddresses`` mailboxes and keeps at
/// most ``maximumDiagnostics`` diagnostics.
public struct AddressListParser: Sendable, Hashable {
    /// The most mailboxes read from one field, group members included and an empty group
    /// counting as one; the rest of the field is skipped with a diagnostic, so that a hostile
    /// `To` cannot make the caller hold millions.
    public var maximumAddresses: Int
    /// The most tokens (words and specials) one address may span; longer entries are dropped
    /// with a diagnostic.
    public var maximumTokensPerAddress: Int
    /// The most diagnostics one field may produce; the rest are dropped.
    public var maximumDiagnostics: Int

    /// Creates a parser with the given limits.
    public init(maximumAddresses: Int = 1000, maximumTokensPerAddress: Int = 1024, maximumDiagnostics: Int = 64) {
        self.maximumAddresses = max(1, maximumAddresses)
        self.maximumTokensPerAddress = max(8, maximumTokensPerAddress)
        self.maximumDiagnostics = max(1, maximumDiagnostics)
    }

    /// `address-list = (address *("," address)) / obs-addr-list` (RFC 5322 sections 3.4 and
    /// 4.4).
    ///
    /// - Parameters:
    ///   - value: the field body, as it stands in the message (folding included); diagnostics
    ///     report its indices.
    ///   - diagnostics: receives one diagnostic per recovery.
    /// - Returns: the addresses in order; groups keep their members.
    public func parse(_ value: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]) -> [Address] {
        var state = AddressParserState(value, limits: self)
        let addresses = state.parseAddressList()
        diagnostics.append(contentsOf: state.lexer.diagnostics.finished(at: value.endIndex))
        return addresses
    }

    /// `mailbox-list = (mailbox *("," mailbox)) / obs-mbox-list` (RFC 5322 sections 3.4 and 4.4).
    ///
    /// Groups are accepted (RFC 6854 allows them in `From` and `Sender`) and flattened into their
    /// members.
    public func parseMailboxes(_ value: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]) -> [Mailbox] {
        parse(value, diagnostics: &diagnostics).mailboxes
    }

    /// Parses an `address-list` held in a string; offsets in `diagnostics` count UTF-8 bytes.
    public func parse(_ string: String, diagnostics: inout [Diagnostic]) -> [Address] {
        parse(ArraySlice(Array(string.utf8)), diagnostics: &diagnostics)
    }

    /// Parses an `address-list` held in a string, dropping diagnostics.
    public func parse(_ string: String) -> [Address] {
        var ignored: [Diagnostic] = []
        return parse(string, diagnostics: &ignored)
    }
}

extension Diagnostic.Code {
    /// `;` separates addresses outside a group, where RFC 5322 section 3.4 requires `,`.
    public static let addressSemicolonSeparator = Diagnostic.Code("address-semicolon-separator")
    /// An empty list element: a leading, doubled or trailing `,` (`obs-addr-list`, RFC 5322
    /// section 4.4).
    public static let addressEmptyElement = Diagnostic.Code("address-empty-element")
    /// A display name holds `.` unquoted (`obs-phrase`, RFC 5322 section 4.1).
    public static let displayNameObsoletePeriod = Diagnostic.Code("display-name-obsolete-period")
    /// A display name holds specials other than `.` unquoted (RFC 5322 section 3.2.3).
    public static let displayNameUnquotedSpecial = Diagnostic.Code("display-name-unquoted-special")
    /// The display name came from a comment after the address (RFC 5322 section 3.4, note).
    public static let displayNameInComment = Diagnostic.Code("display-name-in-comment")
    /// An angle address has no closing `>` (RFC 5322 section 3.4).
    public static let angleAddressUnterminated = Diagnostic.Code("angle-address-unterminated")
    /// A mailbox has no `@domain` (RFC 5322 section 3.4.1 requires one).
    public static let addressMissingDomain = Diagnostic.Code("address-missing-domain")
    /// A mailbox has no local part before `@`.
    public static let addressMissingLocalPart = Diagnostic.Code("address-missing-local-part")
    /// White space or comments between the words of a local part or domain (`obs-local-part`,
    /// `obs-domain`, RFC 5322 section 4.4).
    public static let addressObsoleteWhitespace = Diagnostic.Code("address-obsolete-whitespace")
    /// White space or comments around the `@` of an addr-spec, which RFC 5322 section 3.4.1
    /// says should not be used.
    public static let addressWhitespaceAroundAt = Diagnostic.Code("address-whitespace-around-at")
    /// A local part or domain that is not a valid `dot-atom`, quoted string or obsolete form.
    public static let addressInvalidSyntax = Diagnostic.Code("address-invalid-syntax")
    /// An `obs-route` before the addr-spec (`<@a,@b:user@host>`, RFC 5322 section 4.4); kept
    /// but ignored.
    public static let addressObsoleteRoute = Diagnostic.Code("address-obsolete-route")
    /// Two addresses with no `,` between them (RFC 5322 section 3.4); both are kept.
    public static let addressMissingSeparator = Diagnostic.Code("address-missing-separator")
    /// Text after an address that belongs to no address; skipped up to the next `,`.
    public static let addressTrailingGarbage = Diagnostic.Code("address-trailing-garbage")
    /// Text that could not be read as an address at all; skipped up to the next `,`.
    public static let addressUnparsable = Diagnostic.Code("address-unparsable")
    /// A group inside a group (RFC 5322 section 3.4 does not nest them); its name is dropped
    /// and its members join the outer group.
    public static let addressNestedGroup = Diagnostic.Code("address-nested-group")
    /// A group has no closing `;`.
    public static let groupUnterminated = Diagnostic.Code("group-unterminated")
    /// More addresses than the parser's limit; the rest of the field was skipped.
    public static let addressLimitExceeded = Diagnostic.Code("address-limit-exceeded")
    /// One address spans more tokens than the parser's limit; it was dropped.
    public static let addressTooLong = Diagnostic.Code("address-too-long")
    /// A field, or a message for one code (``ParserOptions/maximumDiagnosticsPerCode``), produced
    /// more diagnostics than the parser keeps; this one counts the rest.
    public static let diagnosticsTruncated = Diagnostic.Code("diagnostics-truncated")
}

// MARK: - Tokens

/// One lexical unit of a structured field (RFC 5322 section 3.2), with the `CFWS` before it
/// folded into flags: structured fields give `CFWS` no meaning beyond "tokens were separated".
struct StructuredToken {
    enum Kind: Equatable {
        case atom
        case quotedString
        case domainLiteral
        case special(UInt8)
        case end
    }

    var kind: Kind
    /// The token's bytes in the input, quotes and brackets included.
    var range: Range<Int>
    /// Atom bytes, quoted-string content (unescaped), or domain literal with its brackets.
    var value: [UInt8]
    /// Whether white space or a comment came before the token.
    var spaceBefore: Bool
    /// The first comment in the `CFWS` before the token, without its parentheses.
    var commentBefore: Range<Int>?

    func isSpecial(_ byte: UInt8) -> Bool { kind == .special(byte) }

    var isWord: Bool { kind == .atom || kind == .quotedString }
}

/// Splits a structured field into ``StructuredToken``s, one at a time, so that memory stays
/// proportional to the entry being parsed rather than to the field.
struct StructuredLexer {
    var scanner: FieldScanner
    var diagnostics: DiagnosticSink

    init(_ value: ArraySlice<UInt8>, maximumDiagnostics: Int) {
        scanner = FieldScanner(value)
        diagnostics = DiagnosticSink(limit: maximumDiagnostics)
    }

    var bytes: ArraySlice<UInt8> { scanner.bytes }

    /// Whether a `(` may still open a comment. After a comment that never closes, the rest of
    /// the field is lexed again as if its `(` were an ordinary special, so that
    /// `John (unclosed <j@x>` keeps its address; later `(` stay ordinary, which keeps lexing
    /// linear (no closing parenthesis follows anyway).
    var commentsOpen = true
    /// The same for `"`, after a quoted string that never closes.
    var quotesOpen = true

    /// The next token, with the `CFWS` before it skipped and summarized in the token.
    mutating func next() -> StructuredToken {
        let before = scanner.position
        var firstComment: Range<Int>?
        if commentsOpen {
            firstComment = scanner.skipCFWSBounded(into: &diagnostics, stopAtUnterminated: true)
            if scanner.peek == UInt8(ascii: "(") { commentsOpen = false }
        } else {
            scanner.skipFWS()
        }
        let spaceBefore = scanner.position != before
        let start = scanner.position
        guard let byte = scanner.peek else {
            return StructuredToken(kind: .end, range: start..<start, value: [], spaceBefore: spaceBefore,
                                   commentBefore: firstComment)
        }
        var kind: StructuredToken.Kind
        var value: [UInt8] = []
        if byte == ASCII.quote && quotesOpen {
            var scanned: [Diagnostic] = []
            value = scanner.readQuotedString(diagnostics: &scanned) ?? []
            diagnostics.append(contentsOf: scanned)
            kind = .quotedString
            if !scanned.isEmpty {
                quotesOpen = false
                value = []
                scanner.position = start + 1
                kind = .special(byte)
            }
        } else if byte == UInt8(ascii: "[") {
            value = scanner.readDomainLiteral(into: &diagnostics)
            kind = .domainLiteral
        } else if let atom = scanner.readAtom() {
            value = Array(atom)
            kind = .atom
        } else {
            scanner.position += 1
            kind = .special(byte)
        }
        return StructuredToken(kind: kind, range: start..<scanner.position, value: value,
                               spaceBefore: spaceBefore, commentBefore: firstComment)
    }
}

/// Collects diagnostics up to a limit, so that a field made of ten thousand errors costs ten
/// thousand checks but not ten thousand allocations.
struct DiagnosticSink {
    var limit: Int
    private(set) var items: [Diagnostic] = []
    private(set) var dropped = 0

    init(limit: Int) { self.limit = limit }

    mutating func append(_ diagnostic: Diagnostic) {
        if items.count < limit { items.append(diagnostic) } else { dropped += 1 }
    }

    mutating func append(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// The diagnostics kept, followed by one that counts the dropped ones, if any.
    func finished(at offset: Int) -> [Diagnostic] {
        guard dropped > 0 else { return items }
        return items + [Diagnostic(.diagnosticsTruncated, .info, at: offset,
                                   "\(dropped) more diagnostics in this field were dropped")]
    }

    /// Keeps a diagnostic even past the limit: for the one-off ones that explain why output
    /// stopped.
    mutating func reportAlways(_ code: Diagnostic.Code, _ severity: Diagnostic.Severity, at range: Range<Int>,
                               _ message: String) {
        items.append(Diagnostic(code, severity, at: range, message))
    }

    mutating func report(_ code: Diagnostic.Code, _ severity: Diagnostic.Severity, at range: Range<Int>,
                         _ message: String) {
        if items.count < limit { items.append(Diagnostic(code, severity, at: range, message)) } else { dropped += 1 }
    }
}

extension FieldScanner {
    /// `CFWS` (RFC 5322 section 3.2.2) with at most one diagnostic per comment; returns the
    /// range of the first comment's content. ``readComment(diagnostics:)`` reports every
    /// parenthesis past the depth limit, which would let `((((…` allocate per byte.
    ///
    /// With `stopAtUnterminated`, a comment that never closes is reported but not consumed: the
    /// scanner stops at its `(` for the caller to read the rest another way.
    mutating func skipCFWSBounded(into sink: inout DiagnosticSink, stopAtUnterminated: Bool = false) -> Range<Int>? {
        var first: Range<Int>?
        while true {
            skipFWS()
            guard peek == UInt8(ascii: "(") else { return first }
            let open = position
            let content = skipCommentBounded(into: &sink)
            if stopAtUnterminated && content.upperBound == position {
                position = open
                return first
            }
            if first == nil { first = content }
        }
    }

    /// `comment = "(" *([FWS] ccontent) [FWS] ")"` (RFC 5322 section 3.2.2): nesting counted
    /// without a limit (a counter costs nothing), one diagnostic if unclosed.
    mutating func skipCommentBounded(into sink: inout DiagnosticSink) -> Range<Int> {
        let open = position
        position += 1
        var depth = 1
        while let byte = peek {
            switch byte {
            case ASCII.backslash:
                position = Swift.min(position + 2, bytes.endIndex)
                continue
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 {
                    position += 1
                    return (open + 1)..<(position - 1)
                }
            default:
                break
            }
            position += 1
        }
        sink.report(.unterminatedComment, .error, at: open..<position, "comment is not closed")
        return (open + 1)..<position
    }

    /// `domain-literal = [CFWS] "[" *([FWS] dtext) [FWS] "]" [CFWS]` (RFC 5322 section 3.4.1)
    /// without the `CFWS`, returned with its brackets, folding removed and `quoted-pair`
    /// (`obs-dtext`) unescaped, except for escaped bytes that could not be written back as
    /// `dtext`, which are dropped. An unclosed literal stops before the next `<`, `>`, `,` or `;`
    /// rather than swallowing the rest of the list.
    mutating func readDomainLiteral(into sink: inout DiagnosticSink) -> [UInt8] {
        let open = position
        position += 1
        var text: [UInt8] = [UInt8(ascii: "[")]
        while let byte = peek {
            switch byte {
            case UInt8(ascii: "]"):
                position += 1
                text.append(byte)
                return text
            case ASCII.backslash:
                position += 1
                if let escaped = peek {
                    // Only what may stand unescaped is kept, so that the literal can be written
                    // back as dtext and read the same.
                    switch escaped {
                    case UInt8(ascii: "["), UInt8(ascii: "]"), ASCII.backslash, ASCII.cr, ASCII.lf,
                         UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","), UInt8(ascii: ";"):
                        break
                    default:
                        text.append(escaped)
                    }
                    position += 1
                }
                continue
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "["):
                sink.report(.addressInvalidSyntax, .error, at: open..<position, "domain literal is not closed")
                text.append(UInt8(ascii: "]"))
                return text
            case ASCII.cr, ASCII.lf:
                break
            default:
                text.append(byte)
            }
            position += 1
        }
        sink.report(.addressInvalidSyntax, .error, at: open..<position, "domain literal is not closed")
        text.append(UInt8(ascii: "]"))
        return text
    }
}

// MARK: - Parser

/// One pass of ``AddressListParser`` over one field: a recursive-descent parser with a single
/// token of lookahead, so that every token is read once.
struct AddressParserState {
    var lexer: StructuredLexer
    var token: StructuredToken
    let limits: AddressListParser
    var mailboxCount = 0
    var limitReached = false
    /// Words read after an address that turned out to start the next one (a missing `,`),
    /// handed to the next ``parseAddress(inGroup:)`` so that no token is read twice.
    var carried: [StructuredToken] = []

    init(_ value: ArraySlice<UInt8>, limits: AddressListParser) {
        self.limits = limits
        lexer = StructuredLexer(value, maximumDiagnostics: limits.maximumDiagnostics)
        token = lexer.next()
    }

    mutating func advance() { token = lexer.next() }

    mutating func report(_ code: Diagnostic.Code, _ severity: Diagnostic.Severity, at range: Range<Int>,
                         _ message: String) {
        lexer.diagnostics.report(code, severity, at: range, message)
    }

    var isAtSeparator: Bool {
        token.kind == .end || token.isSpecial(UInt8(ascii: ",")) || token.isSpecial(ASCII.semicolon)
    }

    /// Skips to the next `,`, `;` or the end, so that one bad entry costs only itself.
    mutating func skipToSeparator() {
        while !isAtSeparator { advance() }
    }

    /// `address-list = (address *("," address)) / obs-addr-list`;
    /// `obs-addr-list = *([CFWS] ",") address *("," [address / CFWS])`.
    mutating func parseAddressList() -> [Address] {
        var addresses: [Address] = []
        var elements = 0
        while !limitReached {
            let runStart = token.range.lowerBound
            var runEnd = runStart
            var separators = 0
            var semicolonReported = false
            while carried.isEmpty && (token.isSpecial(UInt8(ascii: ",")) || token.isSpecial(ASCII.semicolon)) {
                if token.isSpecial(ASCII.semicolon) && !semicolonReported {
                    semicolonReported = true
                    report(.addressSemicolonSeparator, .warning, at: token.range,
                           "';' separates addresses outside a group; RFC 5322 requires ','")
                }
                separators += 1
                runEnd = token.range.upperBound
                advance()
            }
            if token.kind == .end && carried.isEmpty {
                if separators > 0 {
                    report(.addressEmptyElement, .info, at: runStart..<runEnd, "trailing list separator")
                }
                break
            }
            if separators > (elements == 0 ? 0 : 1) {
                report(.addressEmptyElement, .info, at: runStart..<runEnd,
                       elements == 0 ? "leading list separator" : "empty list element between separators")
            }
            if mailboxCount >= limits.maximumAddresses {
                reportLimit()
                break
            }
            if let address = parseAddress(inGroup: false) { addresses.append(address) }
            elements += 1
        }
        return addresses
    }

    mutating func reportLimit() {
        limitReached = true
        let end = lexer.bytes.endIndex
        lexer.diagnostics.reportAlways(.addressLimitExceeded, .error, at: token.range.lowerBound..<end,
               "more than \(limits.maximumAddresses) addresses; the rest of the field is ignored")
    }

    /// `address = mailbox / group`; `mailbox = name-addr / addr-spec`. Reads the words that
    /// start every form until the token that tells them apart: `<` (name-addr), `:` (group), or
    /// a separator (addr-spec).
    mutating func parseAddress(inGroup: Bool) -> Address? {
        var words = carried
        carried = []
        var start = words.first?.range.lowerBound ?? token.range.lowerBound
        // Whether the words so far end in a complete addr-spec (`@` then a word), after which
        // another word can only start the next address.
        var seenAt = words.contains { $0.isSpecial(UInt8(ascii: "@")) }
        var complete = false
        while true {
            if isAtSeparator { break }
            let lastIsWord = words.last?.isWord == true || words.last?.kind == .domainLiteral
            if complete && token.isWord && token.spaceBefore && lastIsWord {
                report(.addressMissingSeparator, .warning, at: token.range.lowerBound..<token.range.lowerBound,
                       "',' missing between addresses")
                break
            }
            if token.isSpecial(UInt8(ascii: "<")) {
                return parseNameAddr(displayNameTokens: words, start: start).map(Address.mailbox)
            }
            if token.isSpecial(ASCII.colon) {
                if inGroup {
                    report(.addressNestedGroup, .error, at: start..<token.range.upperBound,
                           "groups do not nest; the inner group's name is ignored")
                    words.removeAll(keepingCapacity: true)
                    advance()
                    start = token.range.lowerBound
                    continue
                }
                return .group(parseGroup(nameTokens: words, start: start))
            }
            guard words.count < limits.maximumTokensPerAddress else {
                skipToSeparator()
                report(.addressTooLong, .error, at: start..<token.range.lowerBound,
                       "address longer than \(limits.maximumTokensPerAddress) tokens; dropped")
                return nil
            }
            if token.isSpecial(UInt8(ascii: "@")) {
                seenAt = true
            } else if seenAt && (token.isWord || token.kind == .domainLiteral) {
                complete = true
            }
            words.append(token)
            advance()
        }
        guard !words.isEmpty else { return nil }
        let range = start..<(words.last?.range.upperBound ?? start)
        guard var mailbox = mailbox(fromAddrSpec: words[...], range: range) else { return nil }
        if let comment = token.commentBefore, let name = displayName(fromComment: comment) {
            report(.displayNameInComment, .info, at: comment,
                   "display name given in a comment after the address; RFC 5322 prefers 'Name <addr>'")
            mailbox.displayName = name
        }
        mailboxCount += 1
        return .mailbox(mailbox)
    }

    /// `name-addr = [display-name] angle-addr`;
    /// `angle-addr = [CFWS] "<" addr-spec ">" [CFWS] / obs-angle-addr`;
    /// `obs-angle-addr = [CFWS] "<" obs-route addr-spec ">" [CFWS]`.
    mutating func parseNameAddr(displayNameTokens: [StructuredToken], start: Int) -> Mailbox? {
        let open = token.range
        advance()
        var route: [String] = []
        if token.isSpecial(UInt8(ascii: "@")) { route = parseObsRoute() }
        var spec: [StructuredToken] = []
        var closed = false
        var strayReported = false
        while true {
            if token.isSpecial(UInt8(ascii: ">")) {
                advance()
                closed = true
                break
            }
            if isAtSeparator { break }
            if token.isSpecial(UInt8(ascii: "<")) {
                if !strayReported {
                    strayReported = true
                    report(.addressInvalidSyntax, .error, at: token.range, "'<' inside an angle address")
                }
                advance()
                continue
            }
            guard spec.count < limits.maximumTokensPerAddress else {
                skipToSeparator()
                report(.addressTooLong, .error, at: start..<token.range.lowerBound,
                       "address longer than \(limits.maximumTokensPerAddress) tokens; dropped")
                return nil
            }
            spec.append(token)
            advance()
        }
        let specEnd = spec.last?.range.upperBound ?? open.upperBound
        if !closed {
            report(.angleAddressUnterminated, .error, at: open.lowerBound..<specEnd, "angle address has no closing '>'")
        }
        let name = displayName(from: displayNameTokens)
        finishAddress()
        guard !spec.isEmpty else {
            report(.addressUnparsable, .error, at: start..<specEnd, "empty angle address")
            return nil
        }
        guard var mailbox = mailbox(fromAddrSpec: spec[...], range: open.upperBound..<specEnd) else { return nil }
        mailbox.displayName = name
        mailbox.route = route
        mailboxCount += 1
        return mailbox
    }

    /// `obs-route = obs-domain-list ":"`;
    /// `obs-domain-list = *(CFWS / ",") "@" domain *("," [CFWS] ["@" domain])`.
    mutating func parseObsRoute() -> [String] {
        let start = token.range.lowerBound
        var domains: [String] = []
        while true {
            if token.isSpecial(UInt8(ascii: ",")) {
                advance()
                continue
            }
            guard token.isSpecial(UInt8(ascii: "@")) else { break }
            advance()
            var domain: [UInt8] = []
            var parts = 0
            while token.kind == .atom || token.kind == .domainLiteral || token.isSpecial(UInt8(ascii: ".")) {
                // A route is advisory; a hostile one must not grow without bound.
                if parts < limits.maximumTokensPerAddress {
                    let isDot = token.kind == .special(UInt8(ascii: "."))
                    domain.append(contentsOf: isDot ? [UInt8(ascii: ".")] : token.value)
                }
                parts += 1
                advance()
            }
            if !domain.isEmpty && domains.count < 64 { domains.append(ASCII.string(domain)) }
        }
        if token.isSpecial(ASCII.colon) {
            advance()
            report(.addressObsoleteRoute, .info, at: start..<token.range.lowerBound,
                   "obsolete source route; ignored")
        } else {
            report(.addressInvalidSyntax, .error, at: start..<token.range.lowerBound,
                   "source route not followed by ':'")
        }
        return domains
    }

    /// `group = display-name ":" [group-list] ";" [CFWS]`;
    /// `group-list = mailbox-list / CFWS / obs-group-list`;
    /// `obs-group-list = 1*([CFWS] ",") [CFWS]`.
    mutating func parseGroup(nameTokens: [StructuredToken], start: Int) -> AddressGroup {
        let colon = token.range
        advance()
        let name = displayName(from: nameTokens) ?? ""
        if name.isEmpty {
            report(.addressInvalidSyntax, .warning, at: start..<colon.upperBound, "group has no name")
        }
        var members: [Mailbox] = []
        var elements = 0
        while true {
            let runStart = token.range.lowerBound
            var runEnd = runStart
            var separators = 0
            while carried.isEmpty && token.isSpecial(UInt8(ascii: ",")) {
                separators += 1
                runEnd = token.range.upperBound
                advance()
            }
            if separators > (elements == 0 ? 0 : 1)
                || (separators > 0 && (token.isSpecial(ASCII.semicolon) || token.kind == .end)) {
                report(.addressEmptyElement, .info, at: runStart..<runEnd, "empty element in a group list")
            }
            if carried.isEmpty && token.isSpecial(ASCII.semicolon) {
                advance()
                break
            }
            if carried.isEmpty && token.kind == .end {
                report(.groupUnterminated, .error, at: start..<token.range.lowerBound, "group has no closing ';'")
                break
            }
            if mailboxCount >= limits.maximumAddresses {
                reportLimit()
                break
            }
            if let member = parseAddress(inGroup: true) { members.append(contentsOf: member.mailboxes) }
            elements += 1
        }
        if members.isEmpty { mailboxCount += 1 }
        if !limitReached { finishAddress() }
        return AddressGroup(name: name, members: members)
    }

    /// What follows an angle address or a group up to the next separator: either the start of
    /// another address whose `,` is missing (it holds `@`, or ends at `<` or `:`), carried over
    /// to be parsed next, or debris, skipped.
    mutating func finishAddress() {
        guard !isAtSeparator else { return }
        let start = token.range.lowerBound
        var collected: [StructuredToken] = []
        var sawAt = false
        while !isAtSeparator && !token.isSpecial(UInt8(ascii: "<")) && !token.isSpecial(ASCII.colon) {
            if token.isSpecial(UInt8(ascii: "@")) { sawAt = true }
            // Stray '>' say nothing about the next address.
            if !token.isSpecial(UInt8(ascii: ">")) && collected.count < limits.maximumTokensPerAddress {
                collected.append(token)
            }
            advance()
        }
        if sawAt || token.isSpecial(UInt8(ascii: "<")) || (token.isSpecial(ASCII.colon) && !collected.isEmpty) {
            report(.addressMissingSeparator, .warning, at: start..<start, "',' missing between addresses")
            carried = collected
        } else {
            report(.addressTrailingGarbage, .error, at: start..<token.range.lowerBound,
                   "text after the address ignored")
            if token.isSpecial(ASCII.colon) {
                advance()
                skipToSeparator()
            }
        }
    }

    // MARK: addr-spec

    /// `addr-spec = local-part "@" domain`, split at the last `@`;
    /// `local-part = dot-atom / quoted-string / obs-local-part`;
    /// `domain = dot-atom / domain-literal / obs-domain`.
    mutating func mailbox(fromAddrSpec tokens: ArraySlice<StructuredToken>, range: Range<Int>) -> Mailbox? {
        let at = tokens.lastIndex { $0.isSpecial(UInt8(ascii: "@")) }
        let localTokens = at.map { tokens[..<$0] } ?? tokens
        guard !localTokens.isEmpty else {
            report(.addressMissingLocalPart, .error, at: range, "address has no local part before '@'")
            return nil
        }
        var obsoleteSpace = false
        var invalid = false
        let localBytes = Self.joinDotted(localTokens, obsoleteSpace: &obsoleteSpace, invalid: &invalid, isDomain: false)
        // `""@x` is a valid empty local part; debris that joins to nothing is not one.
        guard !localBytes.isEmpty || localTokens.first?.kind == .quotedString else {
            report(.addressMissingLocalPart, .error, at: range, "address has no local part")
            return nil
        }
        var domain: String?
        var spaceAroundAt = false
        if let at {
            if tokens[at].spaceBefore { spaceAroundAt = true }
            let domainTokens = tokens[(at + 1)...]
            if domainTokens.isEmpty {
                report(.addressMissingDomain, .error, at: range, "address has nothing after '@'")
            } else {
                if domainTokens.first?.spaceBefore == true { spaceAroundAt = true }
                let domainBytes = Self.joinDotted(domainTokens, obsoleteSpace: &obsoleteSpace, invalid: &invalid,
                                                  isDomain: true)
                if domainBytes.isEmpty {
                    report(.addressMissingDomain, .error, at: range, "address has no domain after '@'")
                } else {
                    domain = decodeText(domainBytes, range: range)
                }
            }
        } else {
            report(.addressMissingDomain, .error, at: range, "address has no '@domain'")
        }
        if spaceAroundAt {
            report(.addressWhitespaceAroundAt, .warning, at: range,
                   "white space or comments around '@'; RFC 5322 section 3.4.1 says they should not be used")
        }
        if obsoleteSpace {
            report(.addressObsoleteWhitespace, .info, at: range, "white space or comments around '.' in an address")
        }
        if invalid {
            report(.addressInvalidSyntax, .warning, at: range, "address is not a valid dot-atom or quoted string")
        }
        return Mailbox(localPart: decodeText(localBytes, range: range), domain: domain)
    }

    /// Joins the words of `obs-local-part = word *("." word)` or
    /// `obs-domain = atom *("." atom)`, dropping the `CFWS` between them as section 4.4 says.
    static func joinDotted(_ tokens: ArraySlice<StructuredToken>, obsoleteSpace: inout Bool, invalid: inout Bool,
                           isDomain: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        var previousWasWord = false
        scan: for index in tokens.indices {
            let token = tokens[index]
            if index != tokens.startIndex && token.spaceBefore { obsoleteSpace = true }
            switch token.kind {
            case .atom, .quotedString, .domainLiteral:
                // What the grammar cannot hold here ends the address: a quoted domain, a literal
                // in a local part or among other labels. Keeping it would make a value that no
                // header can carry.
                let fits = switch token.kind {
                case .quotedString: !isDomain
                case .domainLiteral: isDomain && index == tokens.startIndex
                default: !(index != tokens.startIndex && tokens[tokens.startIndex].kind == .domainLiteral)
                }
                guard fits else {
                    invalid = true
                    break scan
                }
                if previousWasWord { invalid = true }
                // Line breaks escaped as quoted pairs are folding debris, not content.
                bytes.append(contentsOf: token.value.lazy.filter { $0 != ASCII.cr && $0 != ASCII.lf })
                previousWasWord = true
            case .special(UInt8(ascii: ".")):
                if !previousWasWord { invalid = true }
                bytes.append(UInt8(ascii: "."))
                previousWasWord = false
            case .special(let byte):
                invalid = true
                // A doubled '@' is kept so that it stays visible; any other special ends the
                // address, and what follows it is commentary or debris.
                guard byte == UInt8(ascii: "@") else { break scan }
                bytes.append(byte)
                previousWasWord = false
            case .end:
                break
            }
        }
        if !previousWasWord { invalid = true }
        return bytes
    }

    // MARK: display names

    /// `display-name = phrase`; `phrase = 1*word / obs-phrase`;
    /// `obs-phrase = word *(word / "." / CFWS)` (RFC 5322 sections 3.2.5 and 4.1), with RFC 2047
    /// encoded words decoded and other specials accepted with a diagnostic.
    mutating func displayName(from tokens: [StructuredToken]) -> String? {
        guard !tokens.isEmpty else { return nil }
        var words: [PhraseWord] = []
        var periodReported = false
        var specialReported = false
        var carriedSpace = false
        var run: [[UInt8]] = []
        var runRange: Range<Int>?
        var runSpaceBefore = false
        func flushRun(_ state: inout AddressParserState) {
            guard let range = runRange else { return }
            if let text = HeaderText.decodeEncodedWordRun(run, range: range, into: &state.lexer.diagnostics) {
                words.append(PhraseWord(text: text, isEncodedWord: true, spaceBefore: runSpaceBefore))
            } else {
                let literal = ASCII.string(Array(run.joined(separator: [ASCII.space])))
                words.append(PhraseWord(text: literal, isEncodedWord: false,
                                        spaceBefore: runSpaceBefore))
            }
            run.removeAll()
            runRange = nil
        }
        for var token in tokens {
            if carriedSpace && token.kind != .special(UInt8(ascii: "(")) && token.kind != .special(ASCII.quote) {
                token.spaceBefore = true
                carriedSpace = false
            }
            if token.kind == .atom && HeaderText.looksLikeEncodedWord(token.value) {
                // Encoded words joined by anything but white space (a comment) are separate runs.
                if let range = runRange, token.commentBefore == nil {
                    run.append(token.value)
                    runRange = range.lowerBound..<token.range.upperBound
                    continue
                }
                flushRun(&self)
                run = [token.value]
                runRange = token.range
                runSpaceBefore = token.spaceBefore
                continue
            }
            flushRun(&self)
            switch token.kind {
            case .atom:
                words.append(PhraseWord(text: decodeText(token.value, range: token.range), isEncodedWord: false,
                                        spaceBefore: token.spaceBefore))
            case .quotedString:
                let text = HeaderText.decodeQuotedString(raw: lexer.bytes[token.range], content: token.value,
                                                         into: &lexer.diagnostics)
                    ?? decodeText(token.value, range: token.range)
                words.append(PhraseWord(text: text, isEncodedWord: false, spaceBefore: token.spaceBefore))
            case .special(UInt8(ascii: "(")), .special(ASCII.quote):
                // Left over from an unclosed comment or quoted string, already reported.
                carriedSpace = carriedSpace || token.spaceBefore
            case .domainLiteral, .special:
                if token.kind == .special(UInt8(ascii: ".")) {
                    if !periodReported {
                        periodReported = true
                        report(.displayNameObsoletePeriod, .info, at: token.range, "unquoted '.' in a display name")
                    }
                } else if !specialReported {
                    specialReported = true
                    report(.displayNameUnquotedSpecial, .warning, at: token.range,
                           "display name holds special characters without quotes")
                }
                let raw = lexer.bytes[token.range]
                words.append(PhraseWord(text: decodeText(Array(raw), range: token.range), isEncodedWord: false,
                                        spaceBefore: token.spaceBefore))
            case .end:
                break
            }
        }
        flushRun(&self)
        let name = PhraseWord.join(words)
        return name.isEmpty ? nil : name
    }

    /// The text of a comment used as a display name (see
    /// ``HeaderText/decodeComment(_:into:)``).
    mutating func displayName(fromComment range: Range<Int>) -> String? {
        HeaderText.decodeComment(lexer.bytes[range], into: &lexer.diagnostics)
    }

    /// ``HeaderText/decode(_:range:into:)`` reporting into this pass's diagnostics.
    mutating func decodeText(_ bytes: [UInt8], range: Range<Int>) -> String {
        HeaderText.decode(bytes, range: range, into: &lexer.diagnostics)
    }
}

/// One word of a phrase being decoded.
struct PhraseWord {
    var text: String
    var isEncodedWord: Bool
    var spaceBefore: Bool

    /// Joins decoded words: white space between two encoded words is dropped (RFC 2047 section
    /// 6.2), other runs of `CFWS` become one space (RFC 5322 section 3.2.2).
    static func join(_ words: [PhraseWord]) -> String {
        var result = ""
        var previous: PhraseWord?
        for word in words {
            if let previous, word.spaceBefore, !(previous.isEncodedWord && word.isEncodedWord) {
                result += " "
            }
            result += word.text
            previous = word
        }
        return result
    }
}

/// Decoding and encoding of header text shared by the structured-field parsers, on top of
/// ``EncodedWord`` and ``Charset``.
enum HeaderText {
    /// Header bytes outside encoded words as text: UTF-8 (RFC 6532 section 3.2), or, for legacy
    /// 8-bit mail that is not UTF-8, Windows-1252 with a diagnostic.
    static func decode(_ bytes: [UInt8], range: Range<Int>, into sink: inout DiagnosticSink) -> String {
        let decoded = Charset.decodeHeaderBytes(bytes)
        if decoded.usedFallback {
            sink.report(.headerTextNotUTF8, .warning, at: range,
                        "8-bit header text is not UTF-8; read as \(decoded.charset.mimeName)")
        }
        return decoded.text
    }

    /// Whether an atom has the shape of an RFC 2047 `encoded-word` (section 2):
    /// `"=?" charset "?" encoding "?" encoded-text "?="`.
    static func looksLikeEncodedWord(_ atom: [UInt8]) -> Bool {
        atom.count >= 8 && atom[0] == ASCII.equals && atom[1] == ASCII.question
            && atom[atom.count - 2] == ASCII.question && atom[atom.count - 1] == ASCII.equals
    }

    /// Decodes a run of adjacent encoded-word atoms of a phrase together, so that the white space
    /// between them is dropped (RFC 2047 section 6.2) and a character split across two words
    /// decodes. Diagnostics are placed on the run's range. `nil` when nothing was decoded (the
    /// atoms were literal text after all).
    static func decodeEncodedWordRun(_ atoms: [[UInt8]], range: Range<Int>,
                                     into sink: inout DiagnosticSink) -> String? {
        let joined = Array(atoms.joined(separator: [ASCII.space]))
        let decoded = EncodedWord.decode(joined, context: .phrase)
        if decoded.text == ASCII.string(joined) && !decoded.diagnostics.isEmpty {
            for diagnostic in decoded.diagnostics {
                sink.report(diagnostic.code, diagnostic.severity, at: range, diagnostic.message)
            }
            return nil
        }
        for diagnostic in decoded.diagnostics {
            let shifted = atoms.count == 1 ? diagnostic.shifted(by: range.lowerBound).range : range
            sink.report(diagnostic.code, diagnostic.severity, at: shifted, diagnostic.message)
        }
        return decoded.text
    }

    /// A quoted string of a phrase holding encoded words, decoded anyway (RFC 2047 section 5
    /// (3) says they are not encoded words there, but many clients write display names that
    /// way), or `nil` when it holds none. `raw` is the string as written, quotes included.
    static func decodeQuotedString(raw: ArraySlice<UInt8>, content: [UInt8],
                                   into sink: inout DiagnosticSink) -> String? {
        guard content.count >= 8, MIMEParameters.containsEncodedWordStart(content) else { return nil }
        let decoded = EncodedWord.decode(raw, context: .phrase)
        guard decoded.diagnostics.contains(where: { $0.code == .encodedWordInQuotedString }) else { return nil }
        for diagnostic in decoded.diagnostics {
            sink.append(diagnostic.shifted(by: raw.startIndex))
        }
        return decoded.text
    }

    /// The text of a comment used as a display name: `quoted-pair` unescaped, folding removed,
    /// encoded words decoded (RFC 2047 section 5 (2) allows them in comments), outer white space
    /// trimmed; `nil` when empty.
    static func decodeComment(_ content: ArraySlice<UInt8>, into sink: inout DiagnosticSink) -> String? {
        let decoded = EncodedWord.decode(content, context: .comment)
        for diagnostic in decoded.diagnostics {
            sink.append(diagnostic.shifted(by: content.startIndex))
        }
        var text = Substring(decoded.text)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text.isEmpty ? nil : String(text)
    }

    /// `text` as RFC 2047 encoded words for the `phrase` context (section 5 (3)), as foldable
    /// tokens.
    static func encodePhrase(_ text: String) -> [String] {
        EncodedWord.encode(text, context: .phrase)
    }
}
