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
        let attribute = name.utf8.filter(ParameterValue.isAttributeChar)
        guard !attribute.isEmpty else { return [] }
        let attributeText = String(decoding: attribute, as: UTF8.self)
        // A folded line holds a space, the text and the next ';'.
        let budget = Swift.max(maximumLineLength - 2, attribute.count + 16)
        if language != nil || ParameterValue.needsExtendedEncoding(value) {
            return extendedTokens(attributeText, budget: budget)
        }
        let bytes = Array(value.utf8)
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
    private func extendedTokens(_ attribute: String, budget: Int) -> [String] {
        let whole = ParameterValue.encodeExtended(value, language: language)
        if attribute.utf8.count + 2 + whole.utf8.count <= budget {
            return ["; \(attribute)*=\(whole)"]
        }
        // Room for `name*NN*=`; a hundred sections is past any file name.
        let room = budget - attribute.utf8.count - 5
        let sections = ParameterValue.encodeExtendedSegments(value, language: language, maximumSegmentLength: room)
        return sections.enumerated().map { "; \(attribute)*\($0.offset)*=\($0.element)" }
    }
}

extension MIMEParameters {
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
}
