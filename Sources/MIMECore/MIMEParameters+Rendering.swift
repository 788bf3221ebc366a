extension MIMEParameters {
    /// The longest line RFC 5322 section 2.1.1 recommends, without its CRLF.
    public static let recommendedLineLength = 78

    /// The parameters as header text, one `; name=value` string per parameter or RFC 2231
    /// section (RFC 2045 section 5.1, RFC 2231 sections 3-4), so that a header folder can fold
    /// between them; see `Parameter.renderedTokens(maximumLineLength:)`.
    public func renderedTokens(maximumLineLength: Int = MIMEParameters.recommendedLineLength) -> [String] {
        elements.flatMap { $0.renderedTokens(maximumLineLength: maximumLineLength) }
    }

    /// The parameters as one string, `; a=b; c="d e"`, without folding.
    public var rendered: String { renderedTokens().joined() }
}

extension MIMEParameters.Parameter {
    /// The parameter as `; name=value` strings (RFC 2045 section 5.1, RFC 2231 sections 3-4).
    ///
    /// A value that is not a `token` is quoted, always (even spaces, which some specifications
    /// show unquoted); a value with non-ASCII characters, control characters or a language is
    /// written in the RFC 2231 extended form, `name*=utf-8'lang'%E2%82%AC`; a parameter that
    /// would make a line longer than `maximumLineLength` when folded onto a line of its own
    /// (a leading space, the text, and the `;` that follows) is split into RFC 2231 sections
    /// `name*0=...; name*1=...`, each its own string. Percent-escapes and UTF-8 sequences are
    /// never split across sections, so that even readers that decode sections one by one work.
    public func renderedTokens(maximumLineLength: Int = MIMEParameters.recommendedLineLength) -> [String] {
        let attribute = name.utf8.filter(MIMEParameters.isAttributeChar)
        guard !attribute.isEmpty else { return [] }
        let attributeText = String(decoding: attribute, as: UTF8.self)
        // A folded line holds a space, the text and the next ';'.
        let budget = Swift.max(maximumLineLength - 2, attribute.count + 16)
        let bytes = Array(value.utf8)
        let needsExtended = language != nil || bytes.contains { $0 >= 0x80 || $0 < 0x20 || $0 == 0x7F }
        if needsExtended {
            return extendedTokens(attributeText, bytes, budget: budget)
        }
        let single = MIMEParameters.quotedIfNeeded(bytes[...])
        if attribute.count + 1 + single.utf8.count <= budget {
            return ["; \(attributeText)=\(single)"]
        }
        var tokens: [String] = []
        var start = 0
        while start < bytes.count {
            let prefix = "\(attributeText)*\(tokens.count)="
            // Room for the value with its quotes; each '"' or '\' takes two bytes once escaped.
            let room = Swift.max(1, budget - prefix.utf8.count - 2)
            var end = start
            var used = 0
            while end < bytes.count {
                let cost = bytes[end] == ASCII.quote || bytes[end] == ASCII.backslash ? 2 : 1
                if used + cost > room, end > start { break }
                used += cost
                end += 1
            }
            tokens.append("; " + prefix + MIMEParameters.quotedIfNeeded(bytes[start..<end]))
            start = end
        }
        return tokens
    }

    /// `extended-parameter` (RFC 2231 section 7), in one piece or in sections.
    private func extendedTokens(_ attribute: String, _ bytes: [UInt8], budget: Int) -> [String] {
        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        let head = (isASCII ? "us-ascii" : "utf-8") + "'" + (language.map(MIMEParameters.sanitizedLanguage) ?? "") + "'"
        // Units that must stay whole: one UTF-8 sequence, percent-encoded or not.
        var units: [String] = []
        var index = 0
        while index < bytes.count {
            let length = MIMEParameters.utf8SequenceLength(bytes, at: index)
            var unit = ""
            for byte in bytes[index..<Swift.min(index + length, bytes.count)] {
                unit += MIMEParameters.isAttributeChar(byte) ? String(UnicodeScalar(byte)) : MIMEParameters.percentEncoded(byte)
            }
            units.append(unit)
            index += length
        }
        let whole = units.joined()
        if attribute.utf8.count + 2 + head.utf8.count + whole.utf8.count <= budget {
            return ["; \(attribute)*=\(head)\(whole)"]
        }
        var tokens: [String] = []
        var next = 0
        repeat {
            var text = "\(attribute)*\(tokens.count)*="
            if tokens.isEmpty { text += head }
            var added = 0
            while next < units.count, added == 0 || text.utf8.count + units[next].utf8.count <= budget {
                text += units[next]
                next += 1
                added += 1
            }
            tokens.append("; " + text)
        } while next < units.count
        return tokens
    }
}

extension MIMEParameters {
    /// `attribute-char := <any (US-ASCII) CHAR except SPACE, CTLs, "*", "'", "%", or tspecials>`
    /// (RFC 2231 section 7).
    static func isAttributeChar(_ byte: UInt8) -> Bool {
        byte < 0x80 && FieldScanner.isTokenChar(byte)
            && byte != UInt8(ascii: "*") && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "%")
    }

    /// `value := token / quoted-string` (RFC 2045 section 5.1): the token if the value is one,
    /// else a quoted string with `"` and `\` escaped.
    static func quotedIfNeeded(_ bytes: ArraySlice<UInt8>) -> String {
        if !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 && FieldScanner.isTokenChar($0) }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var quoted: [UInt8] = [ASCII.quote]
        for byte in bytes {
            if byte == ASCII.quote || byte == ASCII.backslash { quoted.append(ASCII.backslash) }
            quoted.append(byte)
        }
        quoted.append(ASCII.quote)
        return String(decoding: quoted, as: UTF8.self)
    }

    static func percentEncoded(_ byte: UInt8) -> String {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        return String(decoding: [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
    }

    /// The length of the UTF-8 sequence starting at `index` (1 for ASCII or a stray byte).
    static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0xC0...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF7: length = 4
        default: return 1
        }
        var end = index + 1
        while end < bytes.count, end < index + length, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end - index
    }

    /// A language tag reduced to the characters RFC 5646 tags use, so it cannot break the value.
    static func sanitizedLanguage(_ language: String) -> String {
        String(decoding: language.utf8.filter { ASCII.isAlpha($0) || ASCII.isDigit($0) || $0 == ASCII.hyphen },
               as: UTF8.self)
    }
}
