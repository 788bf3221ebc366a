extension HeaderField {
    /// The problems in this field's value: its grammar where the library knows the field
    /// (addresses, dates, message-ids, MIME fields; RFC 5322 section 3.6, RFC 2045, RFC 2183)
    /// and its encoded words or raw 8-bit text (RFC 2047, RFC 6532). Offsets are message offsets
    /// for a parsed field.
    public func diagnostics(options: ParserOptions = ParserOptions()) -> [Diagnostic] {
        let value = rawValue
        let name = lowercasedName
        switch name {
        case "from", "sender", "reply-to", "to", "cc", "bcc", "resent-from", "resent-sender", "resent-to",
            "resent-cc", "resent-bcc", "disposition-notification-to":
            // Display names are decoded as phrases by the address parser, which reports their
            // encoded words and 8-bit text itself; the unstructured reading would differ (and is
            // not computed, since it would be thrown away).
            var found: [Diagnostic] = []
            _ = Address.parseList(value, diagnostics: &found)
            return found
        default:
            break
        }
        // A structured field's display text can only be wrong in its 8-bit bytes (there are no
        // encoded words to decode), so plain ASCII skips building the string.
        var found = HeaderField.structuredWithoutEncodedWords.contains(name) && !value.contains(where: { $0 >= 0x80 })
            ? [] : decodedValue(options: options).diagnostics
        switch name {
        case "date", "resent-date":
            _ = MessageDate.parse(value, diagnostics: &found)
        case "message-id", "resent-message-id", "content-id":
            // The plain form, by far the most common, has nothing to report.
            if !MessageID.isPlainList(value, maximumCount: 1) { _ = MessageID.parse(value, diagnostics: &found) }
        case "in-reply-to", "references":
            if !MessageID.isPlainList(value, maximumCount: 5000) { _ = MessageID.parseList(value, diagnostics: &found) }
        case "mime-version":
            _ = MIMEVersion.parse(value, diagnostics: &found)
        case "content-type":
            _ = ContentType.parse(value, diagnostics: &found)
        case "content-disposition":
            _ = ContentDisposition.parse(value, diagnostics: &found)
        case "content-transfer-encoding":
            _ = ContentTransferEncoding.parse(value, diagnostics: &found)
        default:
            break
        }
        return found
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
