public import MIMECharset

extension EncodedWord {
    /// Limits and choices for ``EncodedWord/decode(_:context:options:)`` (RFC 2047 section 6).
    public struct DecodingOptions: Sendable, Hashable {
        /// How many encoded words one call decodes; the rest of the input is kept as literal text
        /// with an ``Diagnostic/Code/encodedWordLimitExceeded`` diagnostic. Bounds the work an
        /// adversarial field can cause (the decoder is linear in any case).
        public var maximumEncodedWords: Int
        /// The charset for raw 8-bit text outside encoded words that is not UTF-8
        /// (see ``MIMECharset/Charset/decodeHeaderBytes(_:fallback:)``).
        public var fallbackCharset: Charset
        /// How encoded-word charset labels are resolved: `.mailCompatible` (the default) decodes
        /// `iso-8859-1` and `us-ascii` as windows-1252, as mail clients do.
        public var labelPolicy: Charset.LabelPolicy
        /// Whether encoded words inside quoted strings of a phrase are decoded, a workaround for the
        /// many clients that write `"=?utf-8?q?...?=" <addr>`; RFC 2047 section 5 (3) says they
        /// are not encoded words.
        public var decodesInsideQuotedStrings: Bool

        /// Creates options; the defaults are what mail clients do.
        public init(
            maximumEncodedWords: Int = 10_000,
            fallbackCharset: Charset = .windows1252,
            labelPolicy: Charset.LabelPolicy = .mailCompatible,
            decodesInsideQuotedStrings: Bool = true
        ) {
            self.maximumEncodedWords = maximumEncodedWords
            self.fallbackCharset = fallbackCharset
            self.labelPolicy = labelPolicy
            self.decodesInsideQuotedStrings = decodesInsideQuotedStrings
        }
    }

    /// Header text after RFC 2047 section 6 decoding, with the problems found on the way.
    public struct Decoded: Sendable, Hashable {
        /// The text for display.
        public var text: String
        /// What was wrong, with byte ranges relative to the start of the input.
        public var diagnostics: [Diagnostic]

        /// Creates a result.
        public init(text: String, diagnostics: [Diagnostic]) {
            self.text = text
            self.diagnostics = diagnostics
        }
    }

    /// Decodes the encoded words in header text (RFC 2047 sections 2 to 6, with the RFC 2231
    /// section 5 language suffix) and returns the text for display.
    ///
    /// The input is the field body or a part of it, folded or not; line breaks are unfolded
    /// (RFC 5322 section 2.2.3). Rules applied in every context:
    /// - Linear white space between two adjacent encoded words is dropped (RFC 2047 section 6.2);
    ///   white space between an encoded word and other text is kept.
    /// - The decoded bytes of adjacent words in the same charset are joined before conversion, so a
    ///   multibyte character split across two words decodes.
    /// - Charset labels go through ``MIMECharset/Charset/init(_:policy:)``; the `*language` suffix
    ///   of RFC 2231 section 5 is accepted and ignored.
    /// - Raw 8-bit text outside encoded words is UTF-8 (RFC 6532) or else the fallback charset.
    ///
    /// Workarounds for mail that breaks the rules, each reported with an `info` diagnostic: words
    /// glued to text (`Re:=?utf-8?q?x?=`) or to `(`, `)`; words longer than 75 characters; words
    /// in quoted strings of a phrase; a base64 group split across two words; raw 8-bit bytes in
    /// Q text. Unknown charsets or encodings keep the word as literal text, except the
    /// `unknown-8bit` label of gateways, decoded like raw header text; bad base64 or Q decodes
    /// what it can; all are reported.
    ///
    /// Per context:
    /// - `.unstructured`: all bytes are text; white space is kept as written.
    /// - `.phrase`: the input is a whole phrase as written (words, quoted strings, comments); quoted
    ///   strings are unquoted, each run of white space between words becomes one space, and
    ///   leading and trailing white space is dropped. Comments are kept with their parentheses,
    ///   decoded as in `.comment`.
    /// - `.comment`: the input is a comment, with or without its outer parentheses; parentheses are
    ///   kept, quoted pairs (`\(`) are unescaped, white space is kept as written.
    ///
    /// Runs in time linear in the input.
    public static func decode<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, context: Context = .unstructured, options: DecodingOptions = DecodingOptions()
    ) -> Decoded {
        let contiguous = bytes.withContiguousStorageIfAvailable {
            decode(buffer: $0, context: context, options: options)
        }
        if let result = contiguous { return result }
        return Array(bytes).withUnsafeBufferPointer { decode(buffer: $0, context: context, options: options) }
    }

    /// Decodes header text held in raw memory; see ``decode(_:context:options:)``.
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, context: Context = .unstructured, options: DecodingOptions = DecodingOptions()
    ) -> Decoded {
        decode(buffer: bytes.bindMemory(to: UInt8.self), context: context, options: options)
    }

    static func decode(buffer: UnsafeBufferPointer<UInt8>, context: Context, options: DecodingOptions) -> Decoded {
        var decoder = TextDecoder(input: buffer, context: context.kind, options: options)
        decoder.run()
        return Decoded(text: decoder.output, diagnostics: decoder.diagnostics)
    }
}

extension EncodedWord {
    /// One parsed `encoded-word = "=?" charset "?" encoding "?" encoded-text "?="` (RFC 2047
    /// section 2), as offsets into the input.
    struct Parsed {
        var range: Range<Int>
        var charset: Range<Int>
        var encoding: UInt8
        var text: Range<Int>
    }

    /// The state of one decoding pass over header text.
    ///
    /// Output is produced in order from two pending buffers, at most one of which is non-empty: raw
    /// text bytes (decoded as UTF-8 or the fallback charset when flushed), and the decoded bytes of a
    /// group of adjacent encoded words in one charset (converted when the group ends).
    struct TextDecoder {
        let input: UnsafeBufferPointer<UInt8>
        let context: EncodedWord.Context.Kind
        let options: EncodedWord.DecodingOptions

        var output = ""
        var diagnostics: [Diagnostic] = []

        private var raw: [UInt8] = []
        private var rawRange: Range<Int> = 0..<0

        private var group: Group?
        /// White space seen after an encoded word; dropped if another encoded word follows.
        private var heldSpace: [UInt8]?
        /// Whether the last token was an encoded word (possibly followed by white space).
        private var afterWord = false
        /// Whether a phrase has produced text, so that a separator space is due before the next word.
        private var phraseHasText = false
        private var pendingSeparator = false

        private var inQuotes = false
        private var commentDepth = 0
        private var wordCount = 0
        private var recognizesWords = true
        /// End of the last failed search for `?=`: no terminator exists between there and here.
        private var noTerminatorBefore = -1
        private var charsetCache: [[UInt8]: Charset?] = [:]

        private struct Group {
            /// `nil` for the `unknown-8bit` label: guessed like raw header text.
            var charset: Charset?
            var bytes: [UInt8]
            var range: Range<Int>
            var base64: Base64Accumulator
            var lastWasBase64: Bool
        }

        init(
            input: UnsafeBufferPointer<UInt8>, context: EncodedWord.Context.Kind, options: EncodedWord.DecodingOptions
        ) {
            self.input = input
            self.context = context
            self.options = options
        }

        /// Whether white space at this point collapses to one separator (between words of a phrase).
        private var collapsesWhitespace: Bool { context == .phrase && !inQuotes && commentDepth == 0 }
        private var inComment: Bool { context == .comment || commentDepth > 0 }

        mutating func run() {
            let count = input.count
            var index = 0
            while index < count {
                let byte = input[index]
                switch byte {
                case ASCII.space, ASCII.tab, ASCII.cr, ASCII.lf:
                    var end = index + 1
                    while end < count && ASCII.isWhitespaceOrNewline(input[end]) { end += 1 }
                    whitespace(index..<end)
                    index = end
                case ASCII.quote where context == .phrase && commentDepth == 0:
                    beginContent()
                    flushRaw()
                    inQuotes.toggle()
                    afterWord = false
                    phraseHasText = true
                    index += 1
                case UInt8(ascii: "(") where (context == .phrase && !inQuotes) || context == .comment:
                    beginContent()
                    commentDepth += 1
                    appendRaw(index..<index + 1)
                    afterWord = false
                    index += 1
                case UInt8(ascii: ")") where commentDepth > 0 || context == .comment:
                    beginContent()
                    if commentDepth > 0 { commentDepth -= 1 }
                    appendRaw(index..<index + 1)
                    afterWord = false
                    index += 1
                case ASCII.backslash where inQuotes || inComment:
                    // quoted-pair = "\" (VCHAR / WSP) (RFC 5322 section 3.2.1): the next byte is literal.
                    beginContent()
                    if index + 1 < count && input[index + 1] != ASCII.cr && input[index + 1] != ASCII.lf {
                        appendRaw(index + 1..<index + 2)
                        index += 2
                    } else {
                        appendRaw(index..<index + 1)
                        index += 1
                    }
                    afterWord = false
                case ASCII.equals where recognizesWords && (!inQuotes || options.decodesInsideQuotedStrings)
                    && index + 1 < count && input[index + 1] == ASCII.question:
                    if let word = parseWord(at: index) {
                        encodedWord(word)
                        index = word.range.upperBound
                    } else {
                        beginContent()
                        appendRaw(index..<index + 2)
                        afterWord = false
                        index += 2
                    }
                default:
                    var end = index + 1
                    while end < count && !isSpecial(input[end]) { end += 1 }
                    beginContent()
                    appendRaw(index..<end)
                    afterWord = false
                    index = end
                }
            }
            finish()
        }

        private func isSpecial(_ byte: UInt8) -> Bool {
            switch byte {
            case ASCII.space, ASCII.tab, ASCII.cr, ASCII.lf, ASCII.equals: true
            case ASCII.quote, UInt8(ascii: "("), UInt8(ascii: ")"), ASCII.backslash: context != .unstructured
            default: false
            }
        }

        // MARK: Tokens

        private mutating func whitespace(_ range: Range<Int>) {
            if collapsesWhitespace {
                if afterWord {
                    heldSpace = [ASCII.space]
                } else if phraseHasText {
                    pendingSeparator = true
                }
                return
            }
            var text: [UInt8] = []
            for index in range where input[index] != ASCII.cr && input[index] != ASCII.lf {
                text.append(input[index])
            }
            if afterWord {
                heldSpace = (heldSpace ?? []) + text
            } else {
                appendRawBytes(text, at: range)
            }
        }

        /// Text other than an encoded word follows: white space held after a word is text after all.
        private mutating func beginContent() {
            if let held = heldSpace {
                flushGroup()
                appendRawBytes(held, at: rawRange.upperBound..<rawRange.upperBound)
                heldSpace = nil
            } else if group != nil {
                flushGroup()
            }
            if pendingSeparator {
                appendRawBytes([ASCII.space], at: rawRange.upperBound..<rawRange.upperBound)
                pendingSeparator = false
            }
            phraseHasText = true
        }

        private mutating func encodedWord(_ word: Parsed) {
            wordCount += 1
            if wordCount > options.maximumEncodedWords {
                recognizesWords = false
                diagnostics.append(Diagnostic(
                    .encodedWordLimitExceeded, .warning, at: word.range.lowerBound..<input.count,
                    "more than \(options.maximumEncodedWords) encoded words; the rest of the field is kept as text"))
                literal(word)
                return
            }
            let encoding = ASCII.lowercased(word.encoding)
            guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else {
                diagnostics.append(Diagnostic(
                    .encodedWordUnknownEncoding, .error, at: word.range,
                    "encoding '\(Unicode.Scalar(word.encoding))' is neither B nor Q; kept as text"))
                literal(word)
                return
            }
            let charset = resolveCharset(word.charset)
            if charset == nil {
                let label = ASCII.string(input[word.charset])
                guard isUnknown8Bit(word.charset) else {
                    diagnostics.append(Diagnostic(
                        .encodedWordUnknownCharset, .warning, at: word.range,
                        "unknown charset '\(label)'; kept as text"))
                    literal(word)
                    return
                }
                diagnostics.append(Diagnostic(
                    .encodedWordUnknownCharset, .warning, at: word.range,
                    "charset '\(label)' names no charset; decoded as UTF-8 or \(options.fallbackCharset.mimeName)"))
            }
            checkDelimiters(word)
            if word.range.count > EncodedWord.maximumLength {
                diagnostics.append(Diagnostic(
                    .encodedWordTooLong, .info, at: word.range,
                    "encoded word of \(word.range.count) characters; RFC 2047 allows 75"))
            }
            if let eightBit = input[word.text].firstIndex(where: { $0 >= 0x80 }) {
                diagnostics.append(Diagnostic(
                    .encodedWordEightBitText, .warning, at: eightBit..<eightBit + 1,
                    "encoded text contains a raw 8-bit byte; RFC 2047 allows only printable ASCII"))
            }
            if word.text.isEmpty {
                diagnostics.append(Diagnostic(
                    .encodedWordEmpty, .info, at: word.range, "encoded word without encoded text"))
            }

            let adjacent = afterWord && group != nil
            if adjacent, group!.charset == charset {
                heldSpace = nil
            } else {
                if adjacent { heldSpace = nil }
                beginContent()
                flushRaw()
                group = Group(
                    charset: charset, bytes: [], range: word.range, base64: Base64Accumulator(), lastWasBase64: false)
            }
            var current = group!
            group = nil
            current.range = current.range.lowerBound..<word.range.upperBound
            if encoding == UInt8(ascii: "b") {
                if current.lastWasBase64 && current.base64.hasPartialGroup {
                    diagnostics.append(Diagnostic(
                        .encodedWordSplitBase64, .info, at: word.range,
                        "base64 group continued from the previous encoded word"))
                } else {
                    finishBase64(&current)
                }
                current.base64.decode(input, word.text, into: &current.bytes, diagnostics: &diagnostics)
                current.lastWasBase64 = true
                current.base64.endWord()
            } else {
                finishBase64(&current)
                decodeQ(word.text, into: &current.bytes)
                current.lastWasBase64 = false
            }
            group = current
            afterWord = true
            phraseHasText = true
        }

        /// A word that cannot be decoded is ordinary text.
        private mutating func literal(_ word: Parsed) {
            beginContent()
            appendRaw(word.range)
            afterWord = false
        }

        private mutating func checkDelimiters(_ word: Parsed) {
            let start = word.range.lowerBound
            let end = word.range.upperBound
            if inQuotes {
                diagnostics.append(Diagnostic(
                    .encodedWordInQuotedString, .info, at: word.range, "encoded word inside a quoted string"))
                return
            }
            let before = start == 0 || afterWord || isDelimiter(input[start - 1], opening: true)
            let after = end == input.count || isDelimiter(input[end], opening: false)
                || (end + 1 < input.count && input[end] == ASCII.equals && input[end + 1] == ASCII.question)
            if !before || !after {
                diagnostics.append(Diagnostic(
                    .encodedWordNotDelimited, .info, at: word.range,
                    "encoded word not separated from surrounding text by white space"))
            }
        }

        private func isDelimiter(_ byte: UInt8, opening: Bool) -> Bool {
            if ASCII.isWhitespaceOrNewline(byte) { return true }
            // RFC 2047 section 5 (2): a comment's parentheses delimit encoded words inside it.
            if inComment { return byte == UInt8(ascii: opening ? "(" : ")") }
            return false
        }

        // MARK: Encoded word grammar

        /// `encoded-word = "=?" charset "?" encoding "?" encoded-text "?="` (RFC 2047 section 2), with
        /// `charset` extended by `["*" language]` (RFC 2231 section 5). `index` is at `=?`.
        private mutating func parseWord(at index: Int) -> Parsed? {
            let count = input.count
            let charsetStart = index + 2
            var cursor = charsetStart
            // Charset labels are at most 40 characters (RFC 2978), language tags are short: bounding
            // the scan keeps the decoder linear on input full of "=?".
            while cursor < count && cursor - charsetStart < 128 && isCharsetByte(input[cursor]) { cursor += 1 }
            guard cursor > charsetStart, cursor + 2 < count, input[cursor] == ASCII.question,
                input[cursor + 2] == ASCII.question, ASCII.isAlpha(input[cursor + 1])
            else { return nil }
            var charsetEnd = cursor
            for position in charsetStart..<cursor where input[position] == UInt8(ascii: "*") {
                charsetEnd = position
                break
            }
            guard charsetEnd > charsetStart else { return nil }
            let encoding = input[cursor + 1]
            let textStart = cursor + 3
            guard let terminator = findTerminator(from: textStart) else {
                // Counted like words, so that input made of unterminated words cannot produce a
                // diagnostic every few bytes without limit.
                wordCount += 1
                if wordCount > options.maximumEncodedWords {
                    recognizesWords = false
                    diagnostics.append(Diagnostic(
                        .encodedWordLimitExceeded, .warning, at: index..<count,
                        "more than \(options.maximumEncodedWords) encoded words; the rest of the field is kept as text"))
                    return nil
                }
                diagnostics.append(Diagnostic(
                    .encodedWordUnterminated, .warning, at: index..<textStart,
                    "encoded word without a closing '?='; kept as text"))
                return nil
            }
            return Parsed(
                range: index..<terminator + 2, charset: charsetStart..<charsetEnd, encoding: encoding,
                text: textStart..<terminator)
        }

        /// `token` characters (RFC 2047 section 2) plus `.`, which some registered charset aliases
        /// contain, and `*` for the RFC 2231 language suffix.
        private func isCharsetByte(_ byte: UInt8) -> Bool {
            guard byte > 0x20 && byte < 0x7F else { return false }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"),
                UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), ASCII.quote, UInt8(ascii: "/"),
                UInt8(ascii: "["), UInt8(ascii: "]"), ASCII.question, ASCII.equals, ASCII.backslash:
                return false
            default:
                return true
            }
        }

        /// The offset of the `?=` that ends `encoded-text`, which cannot contain white space or
        /// controls (RFC 2047 section 2); inside quoted strings and comments it also cannot contain
        /// their delimiters (section 5). A literal `?` not followed by `=`, and 8-bit bytes, are
        /// tolerated, as clients do.
        private mutating func findTerminator(from start: Int) -> Int? {
            if start <= noTerminatorBefore { return nil }
            let count = input.count
            var cursor = start
            while cursor < count {
                let byte = input[cursor]
                if byte == ASCII.question && cursor + 1 < count && input[cursor + 1] == ASCII.equals { return cursor }
                // Raw 8-bit bytes are tolerated (and reported): some clients put UTF-8 in Q text.
                if byte <= 0x20 || byte == 0x7F { break }
                if inQuotes && byte == ASCII.quote { break }
                if inComment && (byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")) { break }
                cursor += 1
            }
            noTerminatorBefore = cursor
            return nil
        }

        /// `unknown-8bit` (RFC 1428) and `unknown`, which sendmail and other gateways write when
        /// they encode 8-bit text of an unknown charset: decoded like raw header text, since
        /// keeping the word would show only the encoding.
        private func isUnknown8Bit(_ range: Range<Int>) -> Bool {
            let label = input[range]
            return ["unknown-8bit", "unknown", "x-unknown"].contains { ASCII.equalsIgnoringCase(label, $0.utf8) }
        }

        private mutating func resolveCharset(_ range: Range<Int>) -> Charset? {
            if let common = Charset.commonLabel(UnsafeBufferPointer(rebasing: input[range]), policy: options.labelPolicy) {
                return common
            }
            let key = input[range].map(ASCII.lowercased)
            if let cached = charsetCache[key] { return cached }
            let charset = Charset(label: key, policy: options.labelPolicy)
            if charsetCache.count < 64 { charsetCache[key] = charset }
            return charset
        }

        // MARK: Encodings

        /// The "Q" encoding (RFC 2047 section 4.2): `_` is SPACE, `=XX` is a byte, other characters
        /// stand for themselves.
        private mutating func decodeQ(_ range: Range<Int>, into bytes: inout [UInt8]) {
            var reported = false
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = input[index]
                if byte == UInt8(ascii: "_") {
                    bytes.append(ASCII.space)
                } else if byte == ASCII.equals {
                    if index + 3 <= range.upperBound, let high = ASCII.hexValue(input[index + 1]),
                        let low = ASCII.hexValue(input[index + 2])
                    {
                        bytes.append(high << 4 | low)
                        index += 3
                        continue
                    }
                    // One report per word bounds the diagnostics by the number of words.
                    if !reported {
                        diagnostics.append(Diagnostic(
                            .encodedWordInvalidQ, .error, at: index..<Swift.min(index + 3, range.upperBound),
                            "'=' not followed by two hexadecimal digits; kept literally"))
                        reported = true
                    }
                    bytes.append(byte)
                } else {
                    bytes.append(byte)
                }
                index += 1
            }
        }

        private mutating func finishBase64(_ group: inout Group) {
            if let truncated = group.base64.finish() {
                diagnostics.append(Diagnostic(
                    .encodedWordInvalidBase64, .error, at: truncated,
                    "base64 text ends in the middle of a byte; the partial byte was dropped"))
            }
        }

        // MARK: Output

        private mutating func appendRaw(_ range: Range<Int>) {
            if raw.isEmpty { rawRange = range }
            raw.append(contentsOf: input[range])
            rawRange = rawRange.lowerBound..<Swift.max(rawRange.upperBound, range.upperBound)
        }

        private mutating func appendRawBytes(_ bytes: [UInt8], at range: Range<Int>) {
            if raw.isEmpty { rawRange = range }
            raw.append(contentsOf: bytes)
            rawRange = rawRange.lowerBound..<Swift.max(rawRange.upperBound, range.upperBound)
        }

        private mutating func flushRaw() {
            guard !raw.isEmpty else { return }
            let decoded = Charset.decodeHeaderBytes(raw, fallback: options.fallbackCharset)
            if decoded.usedFallback {
                diagnostics.append(Diagnostic(
                    .headerTextNotUTF8, .warning, at: rawRange,
                    "8-bit header text is not UTF-8; decoded as \(decoded.charset.mimeName)"))
            }
            output += decoded.text
            raw.removeAll(keepingCapacity: true)
        }

        private mutating func flushGroup() {
            guard var finished = group else { return }
            group = nil
            finishBase64(&finished)
            guard let charset = finished.charset else {
                output += Charset.decodeHeaderBytes(finished.bytes, fallback: options.fallbackCharset).text
                return
            }
            let decoded = charset.decode(finished.bytes)
            if decoded.hadErrors {
                diagnostics.append(Diagnostic(
                    .encodedWordInvalidCharsetBytes, .warning, at: finished.range,
                    "decoded bytes are not valid \(charset.mimeName); replaced with U+FFFD"))
            }
            output += decoded.text
        }

        private mutating func finish() {
            if let held = heldSpace {
                flushGroup()
                if !collapsesWhitespace { appendRawBytes(held, at: rawRange.upperBound..<rawRange.upperBound) }
                heldSpace = nil
            }
            flushGroup()
            flushRaw()
        }
    }

    /// A base64 decoder (RFC 2045 section 6.8, used by RFC 2047 section 4.1) that keeps an incomplete
    /// group between adjacent encoded words.
    struct Base64Accumulator {
        private var bits: UInt32 = 0
        private var bitCount = 0
        private var partialStart = 0
        private var partialEnd = 0

        /// Whether the last word ended in the middle of a group with data bits left over, which a
        /// following word may complete.
        var hasPartialGroup: Bool {
            bitCount == 6 || (bitCount > 0 && bits & ((1 << UInt32(bitCount)) - 1) != 0)
        }

        mutating func decode(
            _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into bytes: inout [UInt8],
            diagnostics: inout [Diagnostic]
        ) {
            var reportedInvalid = false
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = input[index]
                index += 1
                if byte == ASCII.equals {
                    // Padding ends the group; a partial byte before it is not data.
                    bits = 0
                    bitCount = 0
                    continue
                }
                guard let value = Base64Accumulator.value(of: byte) else {
                    if !reportedInvalid {
                        diagnostics.append(Diagnostic(
                            .encodedWordInvalidBase64, .error, at: index - 1..<index,
                            "'\(Unicode.Scalar(byte))' is not a base64 character; skipped"))
                        reportedInvalid = true
                    }
                    continue
                }
                if bitCount == 0 { partialStart = index - 1 }
                bits = (bits << 6 | UInt32(value)) & 0xFFFF
                bitCount += 6
                if bitCount >= 8 {
                    bitCount -= 8
                    bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(bitCount)))
                    if bitCount == 0 { bits = 0 }
                }
                partialEnd = index
            }
        }

        /// Ends a word: leftover bits that are all zero are the normal end of unpadded base64.
        mutating func endWord() {
            if !hasPartialGroup {
                bits = 0
                bitCount = 0
            }
        }

        /// Ends the data; returns the range of a dangling single character, which cannot form a byte.
        mutating func finish() -> Range<Int>? {
            defer {
                bits = 0
                bitCount = 0
            }
            return bitCount == 6 ? partialStart..<partialEnd : nil
        }

        static func value(of byte: UInt8) -> UInt8? {
            Base64.sextet(of: byte)
        }
    }
}
