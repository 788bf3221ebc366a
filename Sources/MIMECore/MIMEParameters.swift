/// The parameters of a `Content-Type` or `Content-Disposition` field (RFC 2045 section 5.1,
/// RFC 2183 section 2), with RFC 2231 continuations, charsets and languages assembled.
///
/// The list keeps the order of the header and any duplicates; names are stored in lowercase
/// because they are case-insensitive (RFC 2045 section 5.1). A parameter split into RFC 2231
/// sections (`title*0*=...; title*1=...`) appears once, decoded, at the place of its first
/// section.
public struct MIMEParameters: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// One decoded parameter, `attribute "=" value` (RFC 2045 section 5.1) or the RFC 2231
    /// section 3-4 assembly of its sections.
    public struct Parameter: Sendable, Hashable, CustomStringConvertible {
        /// The attribute, in lowercase, without any RFC 2231 section number or `*`.
        public var name: String
        /// The value, unquoted and decoded.
        public var value: String
        /// The charset named by an RFC 2231 extended value (`utf-8` in `utf-8'en'...`), as written.
        /// Not part of equality. Rendering always writes UTF-8.
        public var charset: String?
        /// The language named by an RFC 2231 extended value (RFC 5646 tag), if not empty.
        public var language: String?
        /// Where the parameter (all its sections) stood in the parsed field; `nil` for parameters
        /// built in code. Not part of equality.
        public var sourceRange: Range<Int>?

        /// Creates a parameter; the name is lowercased.
        public init(name: String, value: String, charset: String? = nil, language: String? = nil) {
            self.name = MIMEParameters.lowercased(name)
            self.value = value
            self.charset = charset
            self.language = language
        }

        /// Parameters are equal when their names, decoded values and languages are: the charset
        /// and the source range only describe how the value was written.
        public static func == (lhs: Parameter, rhs: Parameter) -> Bool {
            lhs.name == rhs.name && lhs.value == rhs.value && lhs.language == rhs.language
        }

        /// Hashes what equality compares: name, value and language.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(value)
            hasher.combine(language)
        }

        /// `name=value` as it would be rendered, for debugging.
        public var description: String { renderedTokens().map { String($0.dropFirst(2)) }.joined(separator: "; ") }
    }

    /// Limits that keep parsing bounded on hostile input.
    public struct Options: Sendable, Hashable {
        /// The most parameters read from one field (counting each RFC 2231 section and each
        /// unreadable parameter); the rest of the field is skipped with a diagnostic.
        public var maximumParameters: Int
        /// The highest number of RFC 2231 sections one parameter may have (`name*0` through
        /// `name*N` with N below this); sections past it are dropped with a diagnostic.
        public var maximumSections: Int

        /// Creates limits; the defaults are far above what real mail uses.
        public init(maximumParameters: Int = 128, maximumSections: Int = 100) {
            self.maximumParameters = Swift.max(1, maximumParameters)
            self.maximumSections = Swift.max(1, maximumSections)
        }

        /// 128 parameters, 100 sections.
        public static let `default` = Options()
    }

    /// The parameters in header order.
    public private(set) var elements: [Parameter]

    /// Creates an empty list.
    public init() { elements = [] }

    /// Creates a list from parameters, in that order.
    public init(_ parameters: [Parameter]) { elements = parameters }

    /// Creates a list from `(name, value)` pairs, in that order.
    public init(arrayLiteral pairs: (String, String)...) {
        elements = pairs.map { Parameter(name: $0.0, value: $0.1) }
    }

    /// The position of the first parameter.
    public var startIndex: Int { elements.startIndex }
    /// The position past the last parameter.
    public var endIndex: Int { elements.endIndex }
    /// The parameter at `position`, in header order.
    public subscript(position: Int) -> Parameter { elements[position] }

    /// The value of the first parameter named `name` (case-insensitive), if any.
    public subscript(name: String) -> String? {
        first(named: name)?.value
    }

    /// The first parameter named `name` (case-insensitive), if any.
    public func first(named name: String) -> Parameter? {
        let key = MIMEParameters.lowercased(name)
        return elements.first { $0.name == key }
    }

    /// The values of every parameter named `name` (case-insensitive), in header order.
    public func values(named name: String) -> [String] {
        let key = MIMEParameters.lowercased(name)
        return elements.filter { $0.name == key }.map(\.value)
    }

    /// Appends a parameter, keeping any other of the same name.
    public mutating func append(_ parameter: Parameter) {
        elements.append(parameter)
    }

    /// Appends a parameter, keeping any other of the same name.
    public mutating func append(name: String, value: String) {
        elements.append(Parameter(name: name, value: value))
    }

    /// Sets the value of the parameter `name`: replaces the first of that name in place and
    /// removes the others, appends one if there was none, or removes them all when `value` is nil.
    public mutating func set(_ name: String, to value: String?) {
        let key = MIMEParameters.lowercased(name)
        var replaced = false
        var kept: [Parameter] = []
        kept.reserveCapacity(elements.count + 1)
        for parameter in elements {
            guard parameter.name == key else {
                kept.append(parameter)
                continue
            }
            if let value, !replaced {
                kept.append(Parameter(name: key, value: value))
                replaced = true
            }
        }
        if let value, !replaced { kept.append(Parameter(name: key, value: value)) }
        elements = kept
    }

    /// Removes every parameter named `name` (case-insensitive).
    public mutating func removeAll(named name: String) {
        set(name, to: nil)
    }

    static func lowercased(_ name: String) -> String {
        ASCII.lowercasedString(name.utf8)
    }
}

extension MIMEParameters {
    /// Parses `*(";" parameter)` (RFC 2045 section 5.1, RFC 2231 section 7) from a field value,
    /// with continuations, charsets and languages assembled (RFC 2231 sections 3-4). A leading
    /// `;` is optional here.
    ///
    /// Recovered with diagnostics: stray and missing `;`, parameters without a value, unquoted
    /// values containing spaces or specials (read up to the next `;`), raw 8-bit values (UTF-8,
    /// else windows-1252), sections out of order, duplicated or missing, an RFC 2231 value whose
    /// charset is unknown, and a plain parameter superseded by its RFC 2231 form.
    public static func parse(_ value: ArraySlice<UInt8>, options: Options = .default,
                             diagnostics: inout [Diagnostic]) -> MIMEParameters {
        var scanner = FieldScanner(value)
        return parse(&scanner, requireLeadingSemicolon: false, options: options, diagnostics: &diagnostics)
    }

    /// Parses the parameter list that follows a field's main value, starting at the scanner's
    /// position, to the end of the value.
    static func parse(_ scanner: inout FieldScanner, requireLeadingSemicolon: Bool, options: Options,
                      diagnostics: inout [Diagnostic]) -> MIMEParameters {
        let raws = readRawParameters(&scanner, requireLeadingSemicolon: requireLeadingSemicolon, options: options,
                                     diagnostics: &diagnostics)
        return assemble(raws, options: options, diagnostics: &diagnostics)
    }

    /// A `parameter` as written, before RFC 2231 assembly and decoding.
    struct RawParameter {
        /// `attribute`, lowercased, without the RFC 2231 section or `*`.
        var attribute: [UInt8]
        /// The RFC 2231 `section` number, if any.
        var section: Int?
        /// Whether the name ended in `*` (RFC 2231 `extended-parameter`).
        var extended: Bool
        /// The value, unquoted and unfolded but not decoded.
        var value: [UInt8]
        /// Whether the value was a quoted string.
        var quoted: Bool = false
        var range: Range<Int>
        var valueRange: Range<Int>

        /// The offset of the first byte of `value` in the field, for diagnostics.
        var valueOffset: Int { valueRange.lowerBound + (quoted ? 1 : 0) }
    }

    /// `*(";" parameter)` where `parameter := attribute "=" value` and
    /// `value := token / quoted-string` (RFC 2045 section 5.1).
    static func readRawParameters(_ scanner: inout FieldScanner, requireLeadingSemicolon: Bool, options: Options,
                                  diagnostics: inout [Diagnostic]) -> [RawParameter] {
        var raws: [RawParameter] = []
        var needSeparator = requireLeadingSemicolon
        var lastSemicolon: Int?
        var reportedStray = false
        var attempts = 0
        while true {
            scanner.skipCFWS(diagnostics: &diagnostics)
            guard let byte = scanner.peek else { break }
            if byte == ASCII.semicolon {
                if !needSeparator, lastSemicolon != nil, !reportedStray {
                    // One report per field: a run of thousands of ';' is one problem.
                    reportedStray = true
                    diagnostics.append(Diagnostic(.parameterStraySemicolon, .info,
                                                  at: scanner.position..<(scanner.position + 1),
                                                  "empty parameter between semicolons"))
                }
                lastSemicolon = scanner.position
                scanner.position += 1
                needSeparator = false
                continue
            }
            if needSeparator {
                diagnostics.append(Diagnostic(.parameterMissingSemicolon, .warning, at: scanner.position,
                                              "no ';' before this parameter"))
            }
            // Attempts, not successes, count toward the limit, so that a field of broken
            // parameters cannot produce diagnostics without bound either.
            if attempts >= options.maximumParameters {
                diagnostics.append(Diagnostic(.parameterLimit, .warning, at: scanner.position..<scanner.bytes.endIndex,
                                              "more than \(options.maximumParameters) parameters; the rest is ignored"))
                scanner.position = scanner.bytes.endIndex
                return raws
            }
            attempts += 1
            if let raw = readRawParameter(&scanner, diagnostics: &diagnostics) { raws.append(raw) }
            needSeparator = true
            lastSemicolon = nil
        }
        if let lastSemicolon, !needSeparator, !reportedStray, !raws.isEmpty || requireLeadingSemicolon {
            diagnostics.append(Diagnostic(.parameterStraySemicolon, .info, at: lastSemicolon..<(lastSemicolon + 1),
                                          "';' with no parameter after it"))
        }
        return raws
    }

    /// `parameter := attribute "=" value` (RFC 2045 section 5.1), with the RFC 2231 section 7
    /// names `attribute [section] ["*"]`. Always consumes input up to the next `;`.
    static func readRawParameter(_ scanner: inout FieldScanner, diagnostics: inout [Diagnostic]) -> RawParameter? {
        let start = scanner.position
        guard let name = scanner.readToken() else {
            diagnostics.append(Diagnostic(.parameterInvalid, .error, at: start..<(start + 1),
                                          "expected a parameter name; skipped to the next ';'"))
            skipToSemicolon(&scanner, diagnostics: &diagnostics)
            return nil
        }
        let (attribute, section, extended) = splitName(name, diagnostics: &diagnostics)
        scanner.skipCFWS(diagnostics: &diagnostics)
        guard scanner.consume(ASCII.equals) else {
            let here = scanner.position
            if !startsParameter(scanner) { skipToSemicolon(&scanner, diagnostics: &diagnostics) }
            diagnostics.append(Diagnostic(.parameterMissingValue, .warning, at: start..<scanner.position,
                                          "parameter '\(ASCII.string(name))' has no value"))
            return RawParameter(attribute: attribute, section: section, extended: extended, value: [],
                                range: start..<here, valueRange: here..<here)
        }
        scanner.skipCFWS(diagnostics: &diagnostics)
        let valueStart = scanner.position
        var value: [UInt8]
        if let quoted = scanner.readQuotedString(diagnostics: &diagnostics) {
            value = quoted
            let valueEnd = scanner.position
            scanner.skipCFWS(diagnostics: &diagnostics)
            if let next = scanner.peek, next != ASCII.semicolon, !startsParameter(scanner) {
                let junk = scanner.position
                skipToSemicolon(&scanner, diagnostics: &diagnostics)
                diagnostics.append(Diagnostic(.parameterTrailingText, .warning, at: junk..<scanner.position,
                                              "text after a quoted value ignored"))
            }
            if extended {
                diagnostics.append(Diagnostic(.parameterValueQuotedExtendedValue, .info, at: valueStart..<valueEnd,
                                              "extended value in quotes; RFC 2231 does not allow them"))
            }
            return RawParameter(attribute: attribute, section: section, extended: extended, value: value,
                                quoted: true, range: start..<valueEnd, valueRange: valueStart..<valueEnd)
        }
        let token = scanner.readToken() ?? []
        var valueEnd = scanner.position
        scanner.skipCFWS(diagnostics: &diagnostics)
        if scanner.isAtEnd || scanner.peek == ASCII.semicolon {
            value = Array(token)
            if token.isEmpty {
                diagnostics.append(Diagnostic(.parameterMissingValue, .warning, at: start..<valueEnd,
                                              "parameter '\(ASCII.string(name))' has an empty value"))
            }
        } else {
            // An unquoted value with spaces or specials (`categories=friend, family`): mail
            // clients read it up to the next ';', and so do we.
            scanner.position = valueStart
            value = []
            while let byte = scanner.peek, byte != ASCII.semicolon {
                if byte == ASCII.quote, let quoted = scanner.readQuotedString(diagnostics: &diagnostics) {
                    value.append(ASCII.quote)
                    value.append(contentsOf: quoted)
                    value.append(ASCII.quote)
                    continue
                }
                scanner.position += 1
                if byte != ASCII.cr, byte != ASCII.lf { value.append(byte) }
            }
            while let last = value.last, ASCII.isWhitespace(last) { value.removeLast() }
            valueEnd = scanner.position
            while valueEnd > valueStart, ASCII.isWhitespaceOrNewline(scanner.bytes[valueEnd - 1]) { valueEnd -= 1 }
            diagnostics.append(Diagnostic(.parameterUnquotedSpecials, .warning, at: valueStart..<valueEnd,
                                          "value of '\(ASCII.string(name))' has spaces or specials but no quotes"))
        }
        return RawParameter(attribute: attribute, section: section, extended: extended, value: value,
                            range: start..<valueEnd, valueRange: valueStart..<valueEnd)
    }

    /// `attribute [section] ["*"]` where `section := "*0" / "*" [1-9] *DIGIT` (RFC 2231 section 7).
    static func splitName(
        _ name: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]
    ) -> (attribute: [UInt8], section: Int?, extended: Bool) {
        let lowered = name.map(ASCII.lowercased)
        // The scanner takes 8-bit bytes into tokens leniently; in a name they are never valid
        // (RFC 2045 section 5.1, RFC 6532 allows UTF-8 only in values), and the name cannot be
        // written back as it was read.
        if lowered.contains(where: { $0 >= 0x80 }) {
            diagnostics.append(Diagnostic(.parameter8Bit, .warning, at: name.startIndex..<name.endIndex,
                                          "8-bit bytes in the parameter name '\(ASCII.string(name))'"))
        }
        guard let star = lowered.firstIndex(of: UInt8(ascii: "*")), star > 0 else { return (lowered, nil, false) }
        let attribute = Array(lowered[..<star])
        var rest = lowered[(star + 1)...]
        // `name*`: one extended value without sections.
        if rest.isEmpty { return (attribute, nil, true) }
        var extended = false
        if rest.last == UInt8(ascii: "*") {
            extended = true
            rest = rest.dropLast()
        }
        guard !rest.isEmpty, rest.allSatisfy(ASCII.isDigit) else {
            diagnostics.append(Diagnostic(.parameterInvalidSection, .warning, at: name.startIndex..<name.endIndex,
                                          "'\(ASCII.string(name))' is not an RFC 2231 section; kept as a name"))
            return (lowered, nil, false)
        }
        if rest.count > 1, rest.first == UInt8(ascii: "0") {
            diagnostics.append(Diagnostic(.parameterInvalidSection, .info, at: name.startIndex..<name.endIndex,
                                          "RFC 2231 section number with a leading zero"))
        }
        // Nine digits cannot overflow; anything longer is past every section limit anyway.
        let section = rest.count > 9 ? Int.max : rest.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (attribute, section, extended)
    }

    /// Whether `attribute "="` comes next: a parameter whose `;` is missing.
    static func startsParameter(_ scanner: FieldScanner) -> Bool {
        var lookahead = scanner
        guard lookahead.readToken() != nil else { return false }
        var ignored: [Diagnostic] = []
        lookahead.skipCFWS(diagnostics: &ignored)
        return lookahead.peek == ASCII.equals
    }

    /// Skips to the next `;` outside quoted strings and comments.
    static func skipToSemicolon(_ scanner: inout FieldScanner, diagnostics: inout [Diagnostic]) {
        while let byte = scanner.peek, byte != ASCII.semicolon {
            if byte == ASCII.quote {
                _ = scanner.readQuotedString(diagnostics: &diagnostics)
            } else if byte == UInt8(ascii: "(") {
                _ = scanner.readComment(diagnostics: &diagnostics)
            } else {
                scanner.position += 1
            }
        }
    }
}

extension MIMEParameters {
    /// The RFC 2231 sections of one attribute, gathered while keeping the header order.
    private struct Group {
        var attribute: [UInt8]
        var whole: [Int] = []
        var sections: [(section: Int, raw: Int)] = []
        var plain: [Int] = []
    }

    private enum Slot {
        case plain(Int)
        case group(Int)
    }

    /// RFC 2231 sections 3 and 4: joins the sections of each parameter in section order, decodes
    /// `%XX` in extended sections, and converts the joined bytes from the charset named in the
    /// first section. A plain parameter of the same name as an RFC 2231 one is dropped, since
    /// senders add it only for readers that do not know RFC 2231.
    static func assemble(_ raws: [RawParameter], options: Options, diagnostics: inout [Diagnostic]) -> MIMEParameters {
        var groupIndex: [[UInt8]: Int] = [:]
        var groups: [Group] = []
        for raw in raws where raw.section != nil || raw.extended {
            if groupIndex[raw.attribute] == nil {
                groupIndex[raw.attribute] = groups.count
                groups.append(Group(attribute: raw.attribute))
            }
        }
        var slots: [Slot] = []
        var emitted = [Bool](repeating: false, count: groups.count)
        for (index, raw) in raws.enumerated() {
            guard let group = groupIndex[raw.attribute] else {
                slots.append(.plain(index))
                continue
            }
            if !emitted[group] {
                emitted[group] = true
                slots.append(.group(group))
            }
            if let section = raw.section {
                groups[group].sections.append((section, index))
            } else if raw.extended {
                groups[group].whole.append(index)
            } else {
                groups[group].plain.append(index)
            }
        }
        var result: [Parameter] = []
        result.reserveCapacity(slots.count)
        for slot in slots {
            switch slot {
            case .plain(let index):
                let raw = raws[index]
                // Kept for fidelity, but a reader that takes the last one (or an RFC 2231 form
                // rendered for it) disagrees with one that takes the first: the ambiguity
                // smuggling relies on with two `boundary` parameters.
                if isRepeatedPlain(index, raws) {
                    diagnostics.append(Diagnostic(.parameterDuplicate, .warning, at: raw.range,
                                                  "'\(ASCII.string(raw.attribute))' given twice; the first is used"))
                }
                var parameter = Parameter(name: ASCII.string(raw.attribute),
                                          value: decodePlain(raw, diagnostics: &diagnostics))
                parameter.sourceRange = raw.range
                result.append(parameter)
            case .group(let index):
                if let parameter = assembleGroup(groups[index], raws, options: options, diagnostics: &diagnostics) {
                    result.append(parameter)
                }
            }
        }
        return MIMEParameters(result)
    }

    /// Whether a plain parameter before `index` has the same attribute. Linear, since the
    /// parameter count is bounded by `Options.maximumParameters`.
    private static func isRepeatedPlain(_ index: Int, _ raws: [RawParameter]) -> Bool {
        let attribute = raws[index].attribute
        for earlier in raws[..<index] where earlier.section == nil && !earlier.extended && earlier.attribute == attribute {
            return true
        }
        return false
    }

    private static func assembleGroup(_ group: Group, _ raws: [RawParameter], options: Options,
                                      diagnostics: inout [Diagnostic]) -> Parameter? {
        let name = ASCII.string(group.attribute)
        for index in group.plain {
            diagnostics.append(Diagnostic(.parameterSuperseded, .info, at: raws[index].range,
                                          "'\(name)' superseded by its RFC 2231 form"))
        }
        // Which raw parameters make up the value, in section order.
        var ordered: [Int] = []
        if let whole = group.whole.first {
            ordered = [whole]
            for extra in group.whole.dropFirst() + group.sections.map(\.raw) {
                diagnostics.append(Diagnostic(.parameterDuplicate, .warning, at: raws[extra].range,
                                              "second RFC 2231 value for '\(name)' ignored"))
            }
        } else {
            // Sections are placed by number in a table no longer than the section limit, so that
            // ordering stays linear whatever numbers the sender wrote.
            var highest = -1
            for entry in group.sections {
                if entry.section >= options.maximumSections {
                    diagnostics.append(Diagnostic(.parameterLimit, .warning, at: raws[entry.raw].range,
                                                  "RFC 2231 section of '\(name)' past the limit of "
                                                      + "\(options.maximumSections) ignored"))
                } else {
                    highest = Swift.max(highest, entry.section)
                }
            }
            guard highest >= 0 else { return nil }
            var table = [Int?](repeating: nil, count: highest + 1)
            for entry in group.sections where entry.section <= highest {
                if table[entry.section] != nil {
                    diagnostics.append(Diagnostic(.parameterDuplicate, .warning, at: raws[entry.raw].range,
                                                  "section \(entry.section) of '\(name)' given twice; "
                                                      + "the second is ignored"))
                } else {
                    table[entry.section] = entry.raw
                }
            }
            var previousSection = -1
            var reportedGap = false
            var inOrder = true
            for entry in group.sections where entry.section <= highest {
                if entry.section < previousSection { inOrder = false }
                previousSection = entry.section
            }
            if !inOrder, let first = group.sections.first {
                diagnostics.append(Diagnostic(.parameterSectionsOutOfOrder, .info, at: raws[first.raw].range,
                                              "RFC 2231 sections of '\(name)' out of order"))
            }
            for (section, raw) in table.enumerated() {
                if let raw {
                    ordered.append(raw)
                } else if !reportedGap {
                    reportedGap = true
                    let at = group.sections.first.map { raws[$0.raw].range } ?? (0..<0)
                    diagnostics.append(Diagnostic(.parameterSectionGap, .warning, at: at,
                                                  "section \(section) of '\(name)' is missing; the others are joined"))
                }
            }
        }
        guard let firstRaw = ordered.first else { return nil }
        var range = raws[firstRaw].range
        var charset: String?
        var language: String?
        var bytes: [UInt8] = []
        for (position, index) in ordered.enumerated() {
            let raw = raws[index]
            range = Swift.min(range.lowerBound, raw.range.lowerBound)
                ..< Swift.max(range.upperBound, raw.range.upperBound)
            guard raw.extended else {
                bytes.append(contentsOf: raw.value)
                continue
            }
            var valueStart = 0
            if position == 0 {
                // extended-initial-value := [charset] "'" [language] "'" extended-other-values
                if let initial = ParameterValue.splitInitialSegment(raw.value) {
                    charset = initial.charsetLabel
                    language = initial.language
                    valueStart = initial.valueStart
                } else {
                    diagnostics.append(Diagnostic(.parameterValueMissingCharset, .error, at: raw.valueRange,
                                                  "extended value without the charset'language' prefix"))
                }
            }
            var found: [Diagnostic] = []
            ParameterValue.percentDecode(raw.value[valueStart...], offset: raw.valueOffset + valueStart,
                                         into: &bytes, diagnostics: &found)
            diagnostics += placed(found, within: raw.valueRange)
        }
        // The sections are joined as bytes before charset conversion (RFC 2231 section 4.1), so
        // a character split between an encoded and a plain section still decodes.
        var text: String
        if !ordered.contains(where: { raws[$0].extended }), MIMEParameters.containsEncodedWordStart(bytes) {
            // Plain sections holding an RFC 2047 word split across them, as some clients write.
            var joined = raws[firstRaw]
            joined.value = bytes
            joined.valueRange = range
            joined.quoted = false
            text = decodePlain(joined, diagnostics: &diagnostics)
        } else {
            text = ParameterValue.decodeText(bytes, charsetLabel: charset, range: range, diagnostics: &diagnostics)
        }
        var parameter = Parameter(name: name, value: text, charset: charset, language: language)
        parameter.sourceRange = range
        return parameter
    }

    /// A plain value: ASCII as is; raw 8-bit bytes as UTF-8 if valid, else windows-1252; RFC 2047
    /// encoded words (`name="=?utf-8?q?...?="`), which RFC 2047 section 5 forbids in parameters
    /// but many clients write, decoded with a diagnostic.
    static func decodePlain(_ raw: RawParameter, diagnostics: inout [Diagnostic]) -> String {
        let bytes = raw.value
        if MIMEParameters.containsEncodedWordStart(bytes) {
            let decoded = EncodedWord.decode(bytes, context: .unstructured)
            var ignored: [Diagnostic] = []
            // Text that merely contains "=?" decodes to itself and is not reported.
            if decoded.text != decode8Bit(bytes, at: raw.valueRange, diagnostics: &ignored, report: false) {
                diagnostics.append(Diagnostic(.parameterEncodedWord, .warning, at: raw.valueRange,
                                              "RFC 2047 encoded word in a parameter value "
                                                  + "(RFC 2047 section 5 forbids it); decoded"))
                diagnostics += placed(decoded.diagnostics, shiftedBy: raw.valueOffset, within: raw.valueRange)
                return decoded.text
            }
        }
        return decode8Bit(bytes, at: raw.valueRange, diagnostics: &diagnostics, report: true)
    }

    /// Diagnostics found in a value's bytes, moved by `delta` into the field and kept inside the
    /// value's `range`: a value that was unquoted, unfolded or joined from sections, or read up to
    /// the `;` with a quoted string whose closing quote is missing, is no byte-for-byte copy of
    /// the field, so its offsets map onto it only approximately.
    static func placed(_ found: [Diagnostic], shiftedBy delta: Int = 0, within range: Range<Int>) -> [Diagnostic] {
        found.map { diagnostic in
            var moved = diagnostic.shifted(by: delta)
            moved.range = moved.range.clamped(to: range)
            return moved
        }
    }

    /// Whether `=?` occurs, the start of every RFC 2047 encoded word.
    static func containsEncodedWordStart(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { PlainEncodedWords.containsEncodedWordStart($0) }
    }

    static func decode8Bit(_ bytes: [UInt8], at range: Range<Int>, diagnostics: inout [Diagnostic],
                           report: Bool) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let decoded = Charset.decodeHeaderBytes(bytes)
        if decoded.usedFallback {
            diagnostics.append(Diagnostic(.parameter8Bit, .warning, at: range,
                                          "raw 8-bit parameter value is not UTF-8; "
                                              + "read as \(decoded.charset.mimeName)"))
        } else if report {
            diagnostics.append(Diagnostic(.parameter8Bit, .info, at: range, "raw UTF-8 in a parameter value"))
        }
        return decoded.text
    }
}

extension Diagnostic.Code {
    /// A parameter could not be read (RFC 2045 section 5.1); it was skipped to the next `;`.
    public static let parameterInvalid = Diagnostic.Code("parameter-invalid")
    /// A parameter has no `=` or an empty value (RFC 2045 section 5.1).
    public static let parameterMissingValue = Diagnostic.Code("parameter-missing-value")
    /// Two parameters are not separated by `;`.
    public static let parameterMissingSemicolon = Diagnostic.Code("parameter-missing-semicolon")
    /// A `;` with no parameter after it.
    public static let parameterStraySemicolon = Diagnostic.Code("parameter-stray-semicolon")
    /// An unquoted value with spaces or `tspecials`, read up to the next `;` (RFC 2045 section 5.1
    /// requires quotes).
    public static let parameterUnquotedSpecials = Diagnostic.Code("parameter-unquoted-specials")
    /// Text after a quoted value, before the next `;`.
    public static let parameterTrailingText = Diagnostic.Code("parameter-trailing-text")
    /// Raw 8-bit bytes in a value (RFC 2045 allows only US-ASCII; RFC 6532 allows UTF-8), or in
    /// a name (never allowed).
    public static let parameter8Bit = Diagnostic.Code("parameter-8bit")
    /// More parameters or RFC 2231 sections than the configured limit.
    public static let parameterLimit = Diagnostic.Code("parameter-limit")
    /// A name with a `*` that is not a valid RFC 2231 section (section 7).
    public static let parameterInvalidSection = Diagnostic.Code("parameter-invalid-section")
    /// An RFC 2231 section given twice, or two extended values for one name.
    public static let parameterDuplicate = Diagnostic.Code("parameter-duplicate")
    /// RFC 2231 sections out of order (allowed by section 3, but unusual).
    public static let parameterSectionsOutOfOrder = Diagnostic.Code("parameter-sections-out-of-order")
    /// An RFC 2231 section is missing (section 3 requires them consecutive from 0).
    public static let parameterSectionGap = Diagnostic.Code("parameter-section-gap")
    /// An RFC 2047 encoded word in a parameter value (forbidden by RFC 2047 section 5), decoded.
    public static let parameterEncodedWord = Diagnostic.Code("parameter-encoded-word")
    /// A plain parameter dropped in favour of its RFC 2231 form of the same name.
    public static let parameterSuperseded = Diagnostic.Code("parameter-superseded")
}
