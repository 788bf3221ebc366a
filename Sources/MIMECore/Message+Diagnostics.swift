extension HeaderField {
    /// The problems in this field's value: its grammar where the library knows the field
    /// (addresses, dates, message-ids, MIME fields; RFC 5322 section 3.6, RFC 2045, RFC 2183)
    /// and its encoded words or raw 8-bit text (RFC 2047, RFC 6532). Offsets are message offsets
    /// for a parsed field.
    public func diagnostics(options: ParserOptions = ParserOptions()) -> [Diagnostic] {
        let value = rawValue
        let reader = valueReader
        if reader == .address {
            // Display names are decoded as phrases by the address parser, which reports their
            // encoded words and 8-bit text itself; the unstructured reading would differ (and is
            // not computed, since it would be thrown away). The plain form, by far the most
            // common, has nothing to report.
            var found: [Diagnostic] = []
            if !Address.isPlainList(value) { _ = Address.parseList(value, diagnostics: &found) }
            return found
        }
        // A structured field's display text can only be wrong in its 8-bit bytes (there are no
        // encoded words to decode), so plain ASCII skips building the string; so can
        // unstructured text of plain ASCII words and clean encoded words.
        let isPlain = reader != nil
            ? !value.contains(where: { $0 >= 0x80 })
            : HeaderField.isPlainUnstructured(value, maximumEncodedWords: min(options.maximumEncodedWords, 200))
        var found = isPlain ? [] : decodedValue(options: options).diagnostics
        switch reader {
        case .date:
            _ = MessageDate.parse(value, diagnostics: &found)
        case .messageID:
            // The plain form, by far the most common, has nothing to report.
            if !MessageID.isPlainList(value, maximumCount: 1) { _ = MessageID.parse(value, diagnostics: &found) }
        case .messageIDList:
            if !MessageID.isPlainList(value, maximumCount: 5000) { _ = MessageID.parseList(value, diagnostics: &found) }
        case .mimeVersion:
            _ = MIMEVersion.parse(value, diagnostics: &found)
        case .contentType:
            if ContentType.plainSummary(value) == nil { _ = ContentType.parse(value, diagnostics: &found) }
        case .contentDisposition:
            if !ContentDisposition.isPlain(value) { _ = ContentDisposition.parse(value, diagnostics: &found) }
        case .contentTransferEncoding:
            _ = ContentTransferEncoding.parse(value, diagnostics: &found)
        case .address, .structured, nil:
            break
        }
        return found
    }

    /// Which reader `diagnostics(options:)` runs on a field's value.
    enum ValueReader {
        case address, date, messageID, messageIDList, mimeVersion, contentType, contentDisposition
        case contentTransferEncoding
        /// Structured, without encoded words, and with no reader of its own here.
        case structured
    }

    /// The readers of the fields the library knows, by lowercased name, found with one lookup;
    /// every field in ``structuredWithoutEncodedWords`` has an entry. A field without one is
    /// unstructured.
    static let valueReaders: [String: ValueReader] = {
        var readers: [String: ValueReader] = [:]
        for name in structuredWithoutEncodedWords { readers[name] = .structured }
        for name in ["from", "sender", "reply-to", "to", "cc", "bcc", "resent-from", "resent-sender", "resent-to",
                     "resent-cc", "resent-bcc", "disposition-notification-to"] {
            readers[name] = .address
        }
        readers["date"] = .date
        readers["resent-date"] = .date
        for name in ["message-id", "resent-message-id", "content-id"] { readers[name] = .messageID }
        readers["in-reply-to"] = .messageIDList
        readers["references"] = .messageIDList
        readers["mime-version"] = .mimeVersion
        readers["content-type"] = .contentType
        readers["content-disposition"] = .contentDisposition
        readers["content-transfer-encoding"] = .contentTransferEncoding
        return readers
    }()

    /// ``valueReaders`` by the length of the name, as lowercase bytes.
    static let valueReadersByLength: [[(name: [UInt8], reader: ValueReader)]] = {
        let longest = valueReaders.keys.map(\.utf8.count).max() ?? 0
        var buckets = [[(name: [UInt8], reader: ValueReader)]](repeating: [], count: longest + 1)
        for (name, reader) in valueReaders { buckets[name.utf8.count].append((Array(name.utf8), reader)) }
        return buckets
    }()

    /// The reader of this field's value, found on the name's bytes. Every field of every message
    /// is looked up: comparing a few names of the same length costs less than building the
    /// lowercased name and hashing it.
    var valueReader: ValueReader? {
        let name = nameBytes
        let buckets = HeaderField.valueReadersByLength
        guard name.count < buckets.count else { return nil }
        return name.withUnsafeBufferPointer { bytes in
            for entry in buckets[bytes.count] where ASCII.equalsIgnoringCase(bytes, entry.name) { return entry.reader }
            return nil
        }
    }
}

extension Message {
    /// Every problem found in the message: its structure (``diagnostics``), every header field of
    /// every part, and, with `includingBodies`, the transfer encoding and charset of every leaf.
    /// Sorted by offset. At most ``ParserOptions/maximumDiagnosticsPerCode`` of each code are
    /// kept; a `diagnostics-truncated` diagnostic counts the rest.
    ///
    /// With `includingNestedMessages` set to `false`, the header fields, parts and structure of
    /// encapsulated messages are left to their own `allDiagnostics`.
    public func allDiagnostics(
        includingBodies: Bool = true, includingNestedMessages: Bool = true, options: ParserOptions = ParserOptions()
    ) -> [Diagnostic] {
        var found = BoundedDiagnostics(limit: options.maximumDiagnosticsPerCode, diagnostics)
        root.walkParts(includingNestedMessages: includingNestedMessages) { part, _ in
            for field in part.headers { found.append(contentsOf: field.diagnostics(options: options)) }
            switch part.content {
            case .leaf:
                if includingBodies {
                    if part.contentType.isText {
                        found.append(contentsOf: part.text(fallbackCharset: options.headerFallbackCharset)?.diagnostics ?? [])
                    } else {
                        found.append(contentsOf: part.decodeBody { _ in })
                    }
                }
            case .multipart:
                break
            case .message(let nested):
                if includingNestedMessages { found.append(contentsOf: nested.diagnostics) }
            }
        }
        return found.diagnostics.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
    }
}
