/// `text/plain; format=flowed` (RFC 3676): soft line breaks marked by a trailing space, quote
/// depth marked by `>`, and space-stuffing.
///
/// Runs on text that has already been transfer-decoded and converted from its charset. Line
/// lengths are counted in UTF-8 octets, as RFC 3676 section 4.2 counts them.
public enum FormatFlowed {
    /// A logical line of flowed text: the unwrapped content of a run of flowed lines ending in a
    /// fixed line, with its quote depth (RFC 3676 sections 4.1, 4.2 and 4.5).
    public struct Paragraph: Sendable, Hashable {
        /// The number of `>` quote indicators (RFC 3676 section 4.5); 0 for unquoted text.
        public var quoteDepth: Int
        /// The content, without quote indicators, stuffing or line breaks.
        public var text: String

        /// Creates a paragraph.
        public init(quoteDepth: Int = 0, text: String) {
            self.quoteDepth = max(quoteDepth, 0)
            self.text = text
        }

        /// Whether this is the Usenet signature separator `-- `, which is never flowed
        /// (RFC 3676 section 4.3).
        public var isSignatureSeparator: Bool { text == FormatFlowed.signatureSeparator }
    }

    /// The signature separator line of RFC 3676 section 4.3.
    public static let signatureSeparator = "-- "

    // MARK: - Decoding

    /// Splits flowed text into paragraphs (RFC 3676 section 4.2, "Interpreting Format=Flowed").
    ///
    /// Lines end at CRLF or a bare LF. For each line the quote depth is counted (section 4.5), one
    /// stuffed space after the quote indicators is removed (section 4.4), and a line ending in a
    /// space is flowed: it joins the next line of the same quote depth, with that space deleted
    /// when `delSp` is true (section 4.2). A change of quote depth ends the paragraph (the
    /// improperly flowed line is treated as fixed, section 4.5), and the signature separator
    /// `-- ` is a paragraph of its own (section 4.3).
    public static func paragraphs(in text: String, delSp: Bool = false) -> [Paragraph] {
        var result: [Paragraph] = []
        var open: Paragraph?
        for line in lines(of: text).lines {
            let (depth, content) = parse(line)
            if let current = open, current.quoteDepth != depth {
                result.append(current)
                open = nil
            }
            if content == Substring(signatureSeparator) {
                if let current = open { result.append(current) }
                open = nil
                result.append(Paragraph(quoteDepth: depth, text: signatureSeparator))
                continue
            }
            var piece = content
            let flowed = piece.utf8.last == ASCII.space
            if flowed && delSp { piece = piece.dropLast() }
            if open == nil {
                open = Paragraph(quoteDepth: depth, text: String(piece))
            } else {
                open!.text += piece
            }
            if !flowed {
                result.append(open!)
                open = nil
            }
        }
        if let current = open { result.append(current) }
        return result
    }

    /// Decodes flowed text into plain text with one line per paragraph (RFC 3676 section 4.2).
    ///
    /// Quoted paragraphs are written with `>` repeated `quoteDepth` times and a space before
    /// non-empty content, the conventional display form. Lines are joined with `lineEnding`, and
    /// the result ends with a line break when the input did.
    public static func decode(_ text: String, delSp: Bool = false, lineEnding: String = "\n") -> String {
        let rendered = paragraphs(in: text, delSp: delSp).map { paragraph -> String in
            guard paragraph.quoteDepth > 0 else { return paragraph.text }
            let marks = String(repeating: ">", count: paragraph.quoteDepth)
            return paragraph.text.isEmpty ? marks : marks + " " + paragraph.text
        }
        var output = rendered.joined(separator: lineEnding)
        if text.utf8.last == ASCII.lf && !rendered.isEmpty { output += lineEnding }
        return output
    }

    // MARK: - Encoding

    /// Options for encoding flowed text (RFC 3676 section 4.2, "Generating Format=Flowed").
    public struct EncodingOptions: Sendable, Hashable {
        /// Whether to use `DelSp=yes` (RFC 3676 section 4.2): each soft break then adds a space
        /// that the receiver deletes, so lines can break between any two characters. Use it for
        /// text with few or no spaces (Chinese, Japanese, Thai, long URLs); with it the message's
        /// Content-Type must carry `delsp=yes`. Without it lines break only after existing
        /// spaces and a word longer than the line stays on one overlong line.
        public var delSp: Bool
        /// The line length to aim for, in octets, quote indicators and trailing space included;
        /// RFC 3676 section 4.2 recommends 66.
        public var preferredLineLength: Int
        /// The longest line produced unless a word cannot be broken; RFC 3676 section 4.2 sets 78.
        public var maximumLineLength: Int
        /// The line break written after each line; the canonical form is CRLF.
        public var lineEnding: String

        /// Creates options with the RFC 3676 defaults.
        public init(delSp: Bool = false, preferredLineLength: Int = 66, maximumLineLength: Int = 78, lineEnding: String = "\r\n") {
            self.delSp = delSp
            self.maximumLineLength = max(maximumLineLength, 8)
            self.preferredLineLength = min(max(preferredLineLength, 8), self.maximumLineLength)
            self.lineEnding = lineEnding
        }
    }

    /// Encodes plain text as flowed text: each input line (ending at LF or CRLF) is a paragraph
    /// whose quote depth is its count of leading `>`, a single space after them being dropped as
    /// in the display form `decode` produces. Every output line ends with `lineEnding`.
    public static func encode(_ text: String, options: EncodingOptions = EncodingOptions()) -> String {
        let paragraphs = lines(of: text).lines.map { line -> Paragraph in
            let (depth, content) = parse(line)
            return Paragraph(quoteDepth: depth, text: String(content))
        }
        return encode(paragraphs, options: options)
    }

    /// Encodes paragraphs as flowed lines (RFC 3676 section 4.2).
    ///
    /// Each paragraph is wrapped after spaces into lines of at most `preferredLineLength` octets
    /// when possible; a word too long for that gets a line of its own of up to
    /// `maximumLineLength`, and only a word longer than that is broken, which needs `delSp`.
    /// Every line but the last of a paragraph ends in a space; the last has trailing spaces
    /// removed (section 4.2), except the signature separator `-- ` (section 4.3). Quoted lines
    /// start with their `>` indicators and a space; unquoted lines starting with a space, `>` or
    /// `From ` are space-stuffed (section 4.4). Line breaks inside a paragraph's text are hard
    /// breaks. Every line, the last included, ends with `lineEnding`, as lines of a text body do.
    public static func encode(_ paragraphs: [Paragraph], options: EncodingOptions = EncodingOptions()) -> String {
        var lines: [String] = []
        for paragraph in paragraphs {
            for hardLine in Self.lines(of: paragraph.text).lines {
                wrap(hardLine, depth: paragraph.quoteDepth, options: options, into: &lines)
            }
            if paragraph.text.isEmpty {
                lines.append(String(repeating: ">", count: paragraph.quoteDepth))
            }
        }
        var output = ""
        for line in lines {
            output += line
            output += options.lineEnding
        }
        return output
    }

    // MARK: - Internals

    /// Splits at LF, dropping a CR before it; a final line break does not start an empty line.
    private static func lines(of text: String) -> (lines: [Substring], endsWithBreak: Bool) {
        guard !text.isEmpty else { return ([], false) }
        var lines: [Substring] = []
        var start = text.utf8.startIndex
        var index = start
        let utf8 = text.utf8
        while index < utf8.endIndex {
            if utf8[index] == ASCII.lf {
                var end = index
                if end > start && utf8[utf8.index(before: end)] == ASCII.cr { end = utf8.index(before: end) }
                lines.append(Substring(utf8[start..<end]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        let endsWithBreak = start == utf8.endIndex
        if !endsWithBreak { lines.append(Substring(utf8[start..<utf8.endIndex])) }
        return (lines, endsWithBreak)
    }

    /// Reads `quote-marks` and removes one stuffed space (RFC 3676 sections 4.4 and 4.5).
    private static func parse(_ line: Substring) -> (depth: Int, content: Substring) {
        var depth = 0
        var index = line.utf8.startIndex
        while index < line.utf8.endIndex && line.utf8[index] == 0x3E {
            depth += 1
            index = line.utf8.index(after: index)
        }
        if index < line.utf8.endIndex && line.utf8[index] == ASCII.space {
            index = line.utf8.index(after: index)
        }
        return (depth, Substring(line.utf8[index...]))
    }

    /// Whether an unquoted line must be space-stuffed (RFC 3676 section 4.4).
    private static func needsStuffing<S: StringProtocol>(_ line: S) -> Bool {
        guard let first = line.utf8.first else { return false }
        return first == ASCII.space || first == 0x3E || line.hasPrefix("From ")
    }

    /// A word and the spaces after it.
    private struct Token {
        var word: Substring
        var spaces: Int
    }

    private static func tokens(of line: Substring) -> [Token] {
        var tokens: [Token] = []
        let utf8 = line.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let wordStart = index
            while index < utf8.endIndex && utf8[index] != ASCII.space { index = utf8.index(after: index) }
            let word = Substring(utf8[wordStart..<index])
            var spaces = 0
            while index < utf8.endIndex && utf8[index] == ASCII.space {
                spaces += 1
                index = utf8.index(after: index)
            }
            tokens.append(Token(word: word, spaces: spaces))
        }
        return tokens
    }

    /// Wraps one hard line (RFC 3676 section 4.2) and appends the encoded lines.
    private static func wrap(_ hardLine: Substring, depth: Int, options: EncodingOptions, into lines: inout [String]) {
        let marks = String(repeating: ">", count: depth)
        // Quoted lines always get the conventional space after the marks, which doubles as
        // space-stuffing, so their content never needs stuffing of its own.
        func prefixLength(startingWith start: String) -> Int {
            depth > 0 ? depth + 1 : (needsStuffing(start) ? 1 : 0)
        }
        func emit(_ content: String, soft: Bool) {
            var body = content
            if soft {
                if options.delSp { body += " " }
            } else if body != signatureSeparator {
                while body.utf8.last == ASCII.space { body.removeLast() }
            }
            if depth > 0 {
                lines.append(body.isEmpty ? marks : marks + " " + body)
            } else {
                lines.append(needsStuffing(body) ? " " + body : body)
            }
        }
        if hardLine == Substring(signatureSeparator) {
            emit(signatureSeparator, soft: false)
            return
        }

        // The soft break space is either the word's own (DelSp=no) or added (DelSp=yes).
        let breakReserve = 1
        var current = ""
        var currentLength = 0
        var prefix = 0
        for token in tokens(of: hardLine) {
            let wordLength = token.word.utf8.count
            // Without DelSp a soft line reading "-- " would be taken for the signature separator.
            let breakable = options.delSp || current != signatureSeparator
            if breakable && !current.isEmpty
                && prefix + currentLength + wordLength + breakReserve > options.preferredLineLength {
                emit(current, soft: true)
                current = ""
                currentLength = 0
            }
            if current.isEmpty {
                prefix = prefixLength(startingWith: String(token.word) + (token.spaces > 0 ? " " : ""))
                if options.delSp && prefix + wordLength > options.maximumLineLength {
                    // Only DelSp=yes can break inside a word without changing the text.
                    var rest = token.word
                    let room = max(options.preferredLineLength - prefix - breakReserve, 1)
                    while prefix + rest.utf8.count > options.maximumLineLength {
                        let piece = prefixOfScalars(rest, maximumOctets: room)
                        emit(String(piece), soft: true)
                        rest = rest[piece.endIndex...]
                        prefix = prefixLength(startingWith: String(rest))
                    }
                    current = String(rest)
                    currentLength = rest.utf8.count
                } else {
                    current = String(token.word)
                    currentLength = wordLength
                }
            } else {
                current += token.word
                currentLength += wordLength
            }
            if token.spaces > 0 {
                current += String(repeating: " ", count: token.spaces)
                currentLength += token.spaces
            }
        }
        emit(current, soft: false)
    }

    /// The longest prefix of `text` of at most `maximumOctets` UTF-8 octets ending on a
    /// Unicode scalar boundary, and never empty.
    private static func prefixOfScalars(_ text: Substring, maximumOctets: Int) -> Substring {
        var length = 0
        var end = text.unicodeScalars.startIndex
        for scalar in text.unicodeScalars {
            let size = UTF8.width(scalar)
            if length + size > maximumOctets && length > 0 { break }
            length += size
            end = text.unicodeScalars.index(after: end)
        }
        return text[text.startIndex..<end]
    }
}
