extension EncodedWord {
    /// Encodes text for a header as RFC 2047 encoded words where needed (RFC 2047 sections 4 and 5),
    /// returning the tokens of the field text.
    ///
    /// The field text is `tokens.joined(separator: " ")`. A header folder may replace any of those
    /// joining spaces with CRLF followed by a space (RFC 5322 section 2.2.3) and must not break a
    /// token; unfolding and decoding give back `text` exactly.
    ///
    /// - Words that can stand as they are stay readable: printable ASCII (in `.phrase` only
    ///   `atext`, RFC 5322 section 3.2.3; in `.comment` only `ctext`, section 3.2.2) that does not
    ///   contain `=?`. Everything else is encoded in UTF-8.
    /// - Adjacent words that need encoding form one run, encoded together with the white space
    ///   between them, because white space between encoded words is dropped on decoding (RFC 2047
    ///   section 6.2). Runs of white space other than single spaces, and leading or trailing white
    ///   space, are encoded for the same reason.
    /// - A run becomes as many encoded words as needed, each at most 75 characters (section 2),
    ///   each choosing Q or B, whichever is shorter (section 4). Words break only between grapheme
    ///   clusters (or, for a cluster too long for one word, between Unicode scalars), so no UTF-8
    ///   sequence is ever split.
    /// - Q uses only the characters section 5 allows in the context: in `.phrase` letters, digits
    ///   and `!*+-/` (section 5 (3)); in `.comment` no `(`, `)`, `"` or `\` (section 5 (2)).
    ///
    /// Every token is printable ASCII. Returns `[]` for empty text. For `.comment` the tokens are
    /// the comment's content: the caller writes the parentheses around them.
    ///
    /// Folding: RFC 2047 section 2 limits each line that holds an encoded word to 76 characters.
    /// A 75-character word fits on a continuation line after its one leading space; on the first
    /// line, fold between the field name's colon and the first token if the name leaves no room,
    /// or pass a smaller `maximumWordLength`.
    ///
    /// - Parameter maximumWordLength: the longest encoded word to produce, 75 by default; values
    ///   are clamped to 20...75 (20 holds one four-byte character).
    public static func encode(
        _ text: String, context: Context = .unstructured, maximumWordLength: Int = maximumLength
    ) -> [String] {
        guard !text.isEmpty else { return [] }
        // Split on single spaces: an empty word stands for a further space.
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        var needsEncoding = words.map { !isPlainWord($0, context: context.kind) }
        // A run of only empty words has no text to encode; take the neighbouring word into it.
        var index = 0
        while index < words.count {
            guard needsEncoding[index] else {
                index += 1
                continue
            }
            var end = index
            while end < words.count && needsEncoding[end] { end += 1 }
            if words[index..<end].allSatisfy(\.isEmpty) {
                if end < words.count {
                    needsEncoding[end] = true
                } else if index > 0 {
                    needsEncoding[index - 1] = true
                    index -= 1
                    while index > 0 && needsEncoding[index - 1] { index -= 1 }
                    continue
                }
            }
            index = end
        }

        var tokens: [String] = []
        index = 0
        while index < words.count {
            if !needsEncoding[index] {
                tokens.append(String(words[index]))
                index += 1
                continue
            }
            var end = index
            while end < words.count && needsEncoding[end] { end += 1 }
            let run = words[index..<end].joined(separator: " ")
            let capacity = Swift.min(Swift.max(maximumWordLength, 20), maximumLength) - prefixLength - 2
            tokens.append(contentsOf: encodeRun(run, context: context.kind, payloadCapacity: capacity))
            index = end
        }
        return tokens
    }

    /// A word that needs no encoding in the context.
    static func isPlainWord(_ word: Substring, context: Context.Kind) -> Bool {
        guard !word.isEmpty else { return false }
        var previous: UInt8 = 0
        for byte in word.utf8 {
            guard byte > 0x20 && byte < 0x7F else { return false }
            // "=?" could start an encoded word on decoding.
            if previous == ASCII.equals && byte == ASCII.question { return false }
            previous = byte
            switch context {
            case .unstructured:
                continue
            case .phrase:
                if !ASCII.isAtext(byte) { return false }
            case .comment:
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == ASCII.backslash { return false }
            }
        }
        return true
    }

    /// Whether a byte may stand for itself in Q-encoded text (RFC 2047 section 4.2 (3) and the
    /// per-context restrictions of section 5).
    static func isQLiteral(_ byte: UInt8, context: Context.Kind) -> Bool {
        guard byte > 0x20 && byte < 0x7F else { return false }
        switch byte {
        case ASCII.equals, ASCII.question, UInt8(ascii: "_"): return false
        default: break
        }
        switch context {
        case .unstructured:
            return true
        case .comment:
            return byte != UInt8(ascii: "(") && byte != UInt8(ascii: ")") && byte != ASCII.quote
                && byte != ASCII.backslash
        case .phrase:
            if ASCII.isAlpha(byte) || ASCII.isDigit(byte) { return true }
            switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
                return true
            default: return false
            }
        }
    }

    private static let prefixLength = "=?UTF-8?Q?".utf8.count

    /// Splits a run of text into encoded words whose encoded text is at most `payloadCapacity`
    /// characters (the word length minus `=?UTF-8?X?` and `?=`).
    static func encodeRun(_ run: String, context: Context.Kind, payloadCapacity: Int) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        var qLength = 0

        func qCost(_ bytes: some Sequence<UInt8>) -> Int {
            bytes.reduce(0) { $0 + (($1 == ASCII.space || isQLiteral($1, context: context)) ? 1 : 3) }
        }
        func fits(_ bytes: Int, q: Int) -> Bool {
            Swift.min(q, (bytes + 2) / 3 * 4) <= payloadCapacity
        }
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append(encodeWord(chunk, qLength: qLength, context: context))
            chunk.removeAll(keepingCapacity: true)
            qLength = 0
        }
        func add(_ bytes: some Collection<UInt8>) {
            let cost = qCost(bytes)
            if !fits(chunk.count + bytes.count, q: qLength + cost) { flush() }
            chunk.append(contentsOf: bytes)
            qLength += cost
        }

        for character in run {
            let utf8 = character.utf8
            if fits(utf8.count, q: qCost(utf8)) {
                add(utf8)
            } else {
                // A grapheme cluster too long for one word: break it between scalars, the finest
                // split that keeps every UTF-8 sequence whole.
                for scalar in character.unicodeScalars { add(String(scalar).utf8) }
            }
        }
        flush()
        return words
    }

    /// One encoded word for bytes known to fit, in the shorter of Q and B.
    static func encodeWord(_ bytes: [UInt8], qLength: Int, context: Context.Kind) -> String {
        var word: [UInt8] = Array("=?UTF-8?".utf8)
        if qLength <= (bytes.count + 2) / 3 * 4 {
            word.append(UInt8(ascii: "Q"))
            word.append(ASCII.question)
            for byte in bytes {
                if byte == ASCII.space {
                    word.append(UInt8(ascii: "_"))
                } else if isQLiteral(byte, context: context) {
                    word.append(byte)
                } else {
                    word.append(ASCII.equals)
                    word.append(upperHexDigits[Int(byte >> 4)])
                    word.append(upperHexDigits[Int(byte & 0x0F)])
                }
            }
        } else {
            word.append(UInt8(ascii: "B"))
            word.append(ASCII.question)
            appendBase64(bytes, to: &word)
        }
        word.append(ASCII.question)
        word.append(ASCII.equals)
        return String(decoding: word, as: UTF8.self)
    }

    /// Upper case, as RFC 2047 section 4.2 (1) asks.
    private static let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
    private static let base64Alphabet: [UInt8] =
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Base64 with padding (RFC 2045 section 6.8), as the "B" encoding requires (RFC 2047 section
    /// 4.1).
    static func appendBase64(_ bytes: [UInt8], to output: inout [UInt8]) {
        var index = 0
        while index + 3 <= bytes.count {
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { output.append(base64Alphabet[Int(group >> UInt32(shift) & 0x3F)]) }
            index += 3
        }
        let remaining = bytes.count - index
        if remaining > 0 {
            var group = UInt32(bytes[index]) << 16
            if remaining == 2 { group |= UInt32(bytes[index + 1]) << 8 }
            output.append(base64Alphabet[Int(group >> 18 & 0x3F)])
            output.append(base64Alphabet[Int(group >> 12 & 0x3F)])
            output.append(remaining == 2 ? base64Alphabet[Int(group >> 6 & 0x3F)] : ASCII.equals)
            output.append(ASCII.equals)
        }
    }
}
