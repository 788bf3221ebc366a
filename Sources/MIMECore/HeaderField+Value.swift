extension HeaderField {
    /// Fields whose grammar has no place for RFC 2047 encoded words (RFC 2047 section 5): their
    /// text is only unfolded and converted from UTF-8 (or the fallback charset).
    static let structuredWithoutEncodedWords: Set<String> = [
        "date", "message-id", "in-reply-to", "references", "resent-date", "resent-message-id",
        "content-type", "content-transfer-encoding", "content-disposition", "content-id",
        "mime-version", "received", "return-path", "dkim-signature", "arc-seal",
        "arc-message-signature", "arc-authentication-results", "authentication-results",
        "list-id", "list-unsubscribe", "list-post", "list-help", "list-archive", "list-subscribe",
    ]

    /// The field name in lowercase ASCII (field names are ASCII, RFC 5322 section 3.6.8), for set
    /// and dictionary lookups. Written straight from the field's bytes into the new string, in one
    /// pass. (The library's own per-field lookups compare the name's bytes instead.)
    public var lowercasedName: String {
        let utf8 = nameBytes
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            for byte in utf8 {
                buffer[count] = ASCII.lowercased(byte)
                count += 1
            }
            return count
        }
    }

    /// Whether RFC 2047 encoded words in this field's value are decoded by ``value``.
    public var mayContainEncodedWords: Bool {
        // Every name in `structuredWithoutEncodedWords` has a reader other than `.address`, and
        // every other reader's name is in it (a test holds the two to that).
        switch valueReader {
        case nil, .address: return true
        default: return false
        }
    }

    /// The value for display: unfolded (RFC 5322 section 2.2.3), encoded words decoded where the
    /// field's grammar allows them (RFC 2047), raw 8-bit text read as UTF-8 (RFC 6532) or else
    /// windows-1252; leading and trailing whitespace removed.
    public var value: String { decodedValue().text }

    /// The value for display with the problems found while decoding it, whose offsets are message
    /// offsets for a parsed field.
    public func decodedValue(options: ParserOptions = ParserOptions()) -> EncodedWord.Decoded {
        let raw = rawValue
        var start = raw.startIndex
        var end = raw.endIndex
        while start < end, ASCII.isWhitespaceOrNewline(raw[start]) { start += 1 }
        while end > start, ASCII.isWhitespaceOrNewline(raw[end - 1]) { end -= 1 }
        let trimmed = raw[start..<end]
        if mayContainEncodedWords {
            let decodingOptions = EncodedWord.DecodingOptions(
                maximumEncodedWords: options.maximumEncodedWords, fallbackCharset: options.headerFallbackCharset)
            var decoded = EncodedWord.decode(trimmed, context: .unstructured, options: decodingOptions)
            decoded.text = HeaderField.unfold(decoded.text)
            decoded.diagnostics = decoded.diagnostics.map { $0.shifted(by: start) }
            return decoded
        }
        let unfolded = HeaderField.unfoldBytes(trimmed)
        let text = Charset.decodeHeaderBytes(unfolded, fallback: options.headerFallbackCharset)
        var diagnostics: [Diagnostic] = []
        if text.charset != .utf8 {
            diagnostics.append(Diagnostic(.headerTextNotUTF8, .warning, at: start..<end,
                "8-bit header text is not UTF-8; read as \(text.charset.mimeName)"))
        }
        return EncodedWord.Decoded(text: text.text, diagnostics: diagnostics)
    }

    /// Removes line breaks that fold a value (a CR or LF followed by white space).
    static func unfold(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == ASCII.cr || $0 == ASCII.lf }) else { return text }
        return String(decoding: unfoldBytes(Array(text.utf8)[...]), as: UTF8.self)
    }

    static func unfoldBytes(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes where byte != ASCII.cr && byte != ASCII.lf { result.append(byte) }
        return result
    }
}
