/// Folds a header field into lines that respect the line length limits of RFC 5322 section 2.1.1
/// (at most 998 characters, and 78 when possible) by inserting `CRLF` only before whitespace that
/// the field's grammar allows to be folding whitespace (RFC 5322 sections 2.2.3 and 3.2.2).
///
/// The folder does not know any field grammar. The caller describes the value as a sequence of
/// ``Token``s: each token's ``Token/text`` is never split, and the whitespace before a token
/// (``Token/leadingWhitespace``) is the only place where a line may be broken. A quoted string, an
/// encoded word or a `name=value` parameter is therefore one token, and a structured field's
/// renderer writes a space wherever it wants to allow a fold (after `;` or `,`, say).
///
/// Folding only ever inserts `CRLF` in front of existing whitespace, so unfolding (removing every
/// `CRLF` that is followed by `WSP`, RFC 5322 section 2.2.3) gives back exactly
/// `name ":" value`, byte for byte.
///
/// Lines that contain an encoded word are kept to 76 characters when possible, as RFC 2047
/// section 2 asks.
public struct HeaderFolder: Sendable, Hashable {
    /// The length a line should not exceed, excluding `CRLF`: 78 (RFC 5322 section 2.1.1).
    public var softLimit: Int
    /// The length a line must not exceed, excluding `CRLF`: 998 (RFC 5322 section 2.1.1).
    public var hardLimit: Int
    /// The length a line holding an encoded word should not exceed: 76 (RFC 2047 section 2).
    public var encodedWordLineLimit: Int

    /// Creates a folder with the limits of RFC 5322 section 2.1.1 and RFC 2047 section 2, or
    /// tighter ones.
    public init(softLimit: Int = 78, hardLimit: Int = 998, encodedWordLineLimit: Int = 76) {
        self.softLimit = softLimit
        self.hardLimit = max(hardLimit, 1)
        self.encodedWordLineLimit = encodedWordLineLimit
    }

    /// One unbreakable piece of a field value and the folding whitespace before it (RFC 5322
    /// section 3.2.2).
    public struct Token: Sendable, Hashable {
        /// The `WSP` bytes before the token; the line may be folded just before them. Empty when
        /// the token follows the previous one directly and so may not be separated from it.
        public var leadingWhitespace: [UInt8]
        /// The token's bytes, never split across lines.
        public var text: [UInt8]
        /// Whether the text is or holds an RFC 2047 encoded word, so that its line is kept to
        /// ``HeaderFolder/encodedWordLineLimit`` (RFC 2047 section 2).
        public var containsEncodedWord: Bool

        /// Creates a token from raw bytes.
        public init(leadingWhitespace: [UInt8], text: [UInt8], containsEncodedWord: Bool = false) {
            self.leadingWhitespace = leadingWhitespace
            self.text = text
            self.containsEncodedWord = containsEncodedWord
        }

        /// A token preceded by one space, the usual folding point of a structured field.
        public static func spaced(_ text: [UInt8], encodedWord: Bool = false) -> Token {
            Token(leadingWhitespace: [ASCII.space], text: text, containsEncodedWord: encodedWord)
        }

        /// A token written directly after the previous one, with no folding point between them.
        public static func glued(_ text: [UInt8], encodedWord: Bool = false) -> Token {
            Token(leadingWhitespace: [], text: text, containsEncodedWord: encodedWord)
        }

        /// A token preceded by one space, from ASCII text; marked as an encoded word when it has
        /// the shape of one.
        public static func spaced(_ text: String) -> Token {
            let bytes = Array(text.utf8)
            return spaced(bytes, encodedWord: HeaderFolder.looksLikeEncodedWord(bytes))
        }

        /// A token written directly after the previous one, from ASCII text.
        public static func glued(_ text: String) -> Token { glued(Array(text.utf8)) }
    }

    /// Why a field could not be folded within the limits of RFC 5322 sections 2.1.1 and 2.2.3.
    public enum Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// The name is empty or has a byte outside `ftext` (RFC 5322 section 3.6.8).
        case invalidFieldName(String)
        /// A token holds `CR` or `LF`, which would end the field early (header injection).
        case lineBreakInValue(tokenIndex: Int)
        /// A token's ``Token/leadingWhitespace`` holds a byte that is not `WSP`.
        case invalidWhitespace(tokenIndex: Int)
        /// A token cannot fit on a line of ``HeaderFolder/hardLimit`` characters even on a
        /// continuation line of its own. Callers that can (unstructured text) re-encode the token
        /// as encoded words, which split freely, and fold again.
        case tokenTooLong(tokenIndex: Int, length: Int)

        /// A one-line explanation naming the rule that was broken.
        public var description: String {
            switch self {
            case .invalidFieldName(let name): "invalid header field name \"\(name)\""
            case .lineBreakInValue(let index): "token \(index) contains CR or LF"
            case .invalidWhitespace(let index): "token \(index) has non-WSP leading whitespace"
            case .tokenTooLong(let index, let length):
                "token \(index) needs a line of \(length) characters, more than the 998 allowed"
            }
        }
    }

    /// Folds `name: value` into one or more lines, each ended by `CRLF`.
    ///
    /// Breaks are chosen greedily: a line is broken before a token only when the token would
    /// carry it past the soft limit (or the encoded-word limit). A token that does not fit within
    /// the soft limit even on its own line is written on its own line, past the soft limit; only
    /// a token that would carry its own line past ``hardLimit`` is an error.
    ///
    /// The first token normally carries the single space written after the colon. When it does
    /// not fit on the first line, the field name stands alone on that line: RFC 5322 allows
    /// folding whitespace right after the colon, and RFC 2047 section 2 leaves no other way to
    /// keep a 75-character encoded word within 76 characters.
    public func fold(name: String, _ value: [Token]) throws(Error) -> [UInt8] {
        let nameBytes = Array(name.utf8)
        guard !nameBytes.isEmpty, nameBytes.allSatisfy(HeaderField.isFieldNameByte) else {
            throw .invalidFieldName(name)
        }
        let units = try Self.units(of: value)

        var output = nameBytes
        output.append(ASCII.colon)
        output.reserveCapacity(nameBytes.count + 1 + value.reduce(0) { $0 + $1.text.count + 3 })
        var lineLength = nameBytes.count + 1
        var lineHasEncodedWord = false

        for unit in units {
            let pieceLength = unit.whitespace.count + unit.text.count
            let breakable = !unit.whitespace.isEmpty && !unit.text.isEmpty
            let limit = (lineHasEncodedWord || unit.encodedWord) ? min(encodedWordLineLimit, softLimit) : softLimit
            let overSoft = lineLength + pieceLength > limit
            let overHard = lineLength + pieceLength > hardLimit
            if breakable && (overSoft || overHard) {
                guard pieceLength <= hardLimit else {
                    throw .tokenTooLong(tokenIndex: unit.firstIndex, length: pieceLength)
                }
                output.append(ASCII.cr)
                output.append(ASCII.lf)
                lineLength = 0
                lineHasEncodedWord = false
            } else if overHard {
                throw .tokenTooLong(tokenIndex: unit.firstIndex, length: lineLength + pieceLength)
            }
            output.append(contentsOf: unit.whitespace)
            output.append(contentsOf: unit.text)
            lineLength += pieceLength
            lineHasEncodedWord = lineHasEncodedWord || unit.encodedWord
        }
        output.append(ASCII.cr)
        output.append(ASCII.lf)
        return output
    }

    /// Folds an unstructured field such as `Subject` (RFC 5322 section 3.2.5), whose value may be
    /// broken at any whitespace run. The value must already be ASCII (encoded words included).
    public func foldUnstructured(name: String, _ value: [UInt8]) throws(Error) -> [UInt8] {
        try fold(name: name, Self.unstructuredTokens(value))
    }

    /// Splits unstructured text (RFC 5322 section 3.2.5) into tokens at every whitespace run, with
    /// a single space before the first one for the separator after the colon.
    ///
    /// Whitespace at the very start of `value` is kept after that space; whitespace at the end is
    /// glued to the last word, because a line may not end a field with only whitespace on it
    /// (RFC 5322 section 2.2.3). Tokens that look like encoded words are marked as such.
    public static func unstructuredTokens(_ value: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var first = true
        while index < value.count {
            let wsStart = index
            while index < value.count, ASCII.isWhitespace(value[index]) { index += 1 }
            let textStart = index
            while index < value.count, !ASCII.isWhitespace(value[index]) { index += 1 }
            var whitespace = Array(value[wsStart..<textStart])
            let text = Array(value[textStart..<index])
            if first {
                whitespace.insert(ASCII.space, at: 0)
                first = false
            }
            if text.isEmpty, !tokens.isEmpty {
                tokens[tokens.count - 1].text.append(contentsOf: whitespace)
            } else {
                tokens.append(Token(leadingWhitespace: whitespace, text: text,
                                    containsEncodedWord: looksLikeEncodedWord(text)))
            }
        }
        if tokens.isEmpty { tokens.append(Token(leadingWhitespace: [ASCII.space], text: [])) }
        return tokens
    }

    /// Splits a rendered structured field value (RFC 5322 section 3.2, RFC 2045 section 5.1) into
    /// tokens at its whitespace, with a single space before the first one for the separator
    /// after the colon.
    ///
    /// Whitespace inside a quoted string, a comment or a domain literal is not a break point:
    /// RFC 5322 would allow folding there, but it changes what many parsers read, so the text
    /// between the delimiters stays on one line. Renderers write a space after `;` and `,` to
    /// make those places break points. Tokens that look like encoded words are marked as such.
    public static func structuredTokens(_ value: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var whitespace: [UInt8] = [ASCII.space]
        var text: [UInt8] = []
        var inQuotes = false
        var commentDepth = 0
        var inLiteral = false
        var escaped = false

        func flush() {
            guard !text.isEmpty else { return }
            tokens.append(Token(leadingWhitespace: whitespace, text: text,
                                containsEncodedWord: looksLikeEncodedWord(text)))
            whitespace = []
            text = []
        }

        for byte in value {
            let protected = inQuotes || commentDepth > 0 || inLiteral
            if escaped {
                escaped = false
                text.append(byte)
                continue
            }
            if ASCII.isWhitespace(byte), !protected {
                if !text.isEmpty { flush() }
                whitespace.append(byte)
                continue
            }
            text.append(byte)
            switch byte {
            case ASCII.backslash where inQuotes || commentDepth > 0:
                escaped = true
            case ASCII.quote where commentDepth == 0 && !inLiteral:
                inQuotes.toggle()
            case UInt8(ascii: "(") where !inQuotes && !inLiteral:
                commentDepth += 1
            case UInt8(ascii: ")") where !inQuotes && !inLiteral && commentDepth > 0:
                commentDepth -= 1
            case UInt8(ascii: "[") where !inQuotes && commentDepth == 0:
                inLiteral = true
            case UInt8(ascii: "]") where inLiteral:
                inLiteral = false
            default:
                break
            }
        }
        if text.isEmpty, !tokens.isEmpty {
            tokens[tokens.count - 1].text.append(contentsOf: whitespace)
        } else if !text.isEmpty || tokens.isEmpty {
            tokens.append(Token(leadingWhitespace: whitespace, text: text,
                                containsEncodedWord: looksLikeEncodedWord(text)))
        }
        return tokens
    }

    /// Folds a rendered structured field value, breaking only at whitespace outside quoted
    /// strings, comments and domain literals (see ``structuredTokens(_:)``).
    public func foldStructured(name: String, _ value: [UInt8]) throws(Error) -> [UInt8] {
        try fold(name: name, Self.structuredTokens(value))
    }

    /// Undoes folding: removes every `CRLF` that is followed by `WSP` (RFC 5322 section 2.2.3).
    public static func unfold<Bytes: Collection<UInt8>>(_ field: Bytes) -> [UInt8] {
        let bytes = Array(field)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == ASCII.cr, index + 2 < bytes.count, bytes[index + 1] == ASCII.lf,
               ASCII.isWhitespace(bytes[index + 2]) {
                index += 2
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return output
    }

    /// A breakable token and the glued tokens after it, which move between lines together.
    private struct Unit {
        var firstIndex: Int
        var whitespace: [UInt8]
        var text: [UInt8]
        var encodedWord: Bool
    }

    private static func units(of tokens: [Token]) throws(Error) -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() {
            guard token.leadingWhitespace.allSatisfy(ASCII.isWhitespace) else {
                throw .invalidWhitespace(tokenIndex: index)
            }
            guard !token.text.contains(where: { $0 == ASCII.cr || $0 == ASCII.lf }) else {
                throw .lineBreakInValue(tokenIndex: index)
            }
            if token.leadingWhitespace.isEmpty || token.text.isEmpty, !units.isEmpty {
                // Nothing may be broken before a glued token, and a break before a token with no
                // text would leave a line of whitespace only, which section 2.2.3 forbids.
                units[units.count - 1].text.append(contentsOf: token.leadingWhitespace)
                units[units.count - 1].text.append(contentsOf: token.text)
                units[units.count - 1].encodedWord = units[units.count - 1].encodedWord || token.containsEncodedWord
            } else {
                units.append(Unit(firstIndex: index, whitespace: token.leadingWhitespace, text: token.text,
                                  encodedWord: token.containsEncodedWord))
            }
        }
        return units
    }

    /// Whether a word has the shape `=?...?=` of an encoded word (RFC 2047 section 2).
    static func looksLikeEncodedWord(_ text: [UInt8]) -> Bool {
        guard text.count >= 8 else { return false }
        var index = 0
        while index + 1 < text.count {
            if text[index] == ASCII.equals, text[index + 1] == ASCII.question {
                // An encoded word may follow a parenthesis or quote inside a word-like token.
                guard let end = text.lastIndex(of: ASCII.equals) else { return false }
                return end > index + 1 && text[end - 1] == ASCII.question
            }
            index += 1
        }
        return false
    }
}
