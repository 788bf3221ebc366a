public import MIMECore

/// Turns a parsed ``MIMECore/Message`` into a ``MessageReport``: reads the typed header fields
/// and decodes every leaf body, collecting the diagnostics of each step next to the parser's own.
///
/// Each message (the top-level one and every encapsulated `message/rfc822` or `message/global`)
/// gets its own diagnostics list, holding what was found in its header block and in the parts
/// that belong to it but not in messages nested deeper, sorted by offset.
public struct MessageReader: Sendable {
    /// The parser options the message was parsed with; their header fallback charset and encoded
    /// word limit apply to the field values read here too.
    public var options: ParserOptions

    /// Creates a reader.
    public init(options: ParserOptions = ParserOptions()) {
        self.options = options
    }

    /// Parses `bytes` and reports what the parser sees.
    public func inspect(_ bytes: [UInt8]) -> MessageReport {
        report(Message.parse(bytes, options: options), byteCount: bytes.count)
    }

    /// The report of a parsed message that spans `byteCount` bytes.
    public func report(_ message: Message, byteCount: Int) -> MessageReport {
        var diagnostics = message.diagnostics
        let headers = message.headers
        let root = partReport(message.root, diagnostics: &diagnostics)
        let subject = headers.first(named: "Subject").map { unstructuredText($0, diagnostics: &diagnostics) }
        let from = mailboxes(headers.first(named: "From"), diagnostics: &diagnostics)
        let to = mailboxes(headers.first(named: "To"), diagnostics: &diagnostics)
        let cc = mailboxes(headers.first(named: "Cc"), diagnostics: &diagnostics)
        let date = headers.first(named: "Date").flatMap { MessageDate.parse($0.rawValue, diagnostics: &diagnostics) }
        let messageID = headers.first(named: "Message-ID").flatMap { MessageID.parse($0.rawValue, diagnostics: &diagnostics) }
        let inReplyTo = messageIDs(headers.first(named: "In-Reply-To"), diagnostics: &diagnostics)
        let references = messageIDs(headers.first(named: "References"), diagnostics: &diagnostics)
        return MessageReport(
            byteCount: byteCount,
            headers: headers.map { headerReport($0) },
            subject: subject,
            from: from,
            to: to,
            cc: cc,
            date: date?.rfc3339,
            messageID: messageID?.text,
            inReplyTo: inReplyTo,
            references: references,
            root: root,
            diagnostics: MessageReader.sorted(diagnostics).map(DiagnosticReport.init)
        )
    }

    // MARK: Header fields

    /// The header list shows every value as the library displays it. Problems are reported by
    /// the typed reads, not here, so that a field read twice does not report twice.
    private func headerReport(_ field: HeaderField) -> HeaderReport {
        HeaderReport(name: field.name, value: field.decodedValue(options: options).text, offset: field.offset ?? 0)
    }

    /// `unstructured` (RFC 5322 section 3.2.5) with RFC 2047 words decoded.
    private func unstructuredText(_ field: HeaderField, diagnostics: inout [Diagnostic]) -> String {
        let decoded = field.decodedValue(options: options)
        diagnostics += decoded.diagnostics
        return decoded.text
    }

    private func mailboxes(_ field: HeaderField?, diagnostics: inout [Diagnostic]) -> [AddressReport] {
        guard let field else { return [] }
        return Address.parseList(field.rawValue, diagnostics: &diagnostics).mailboxes.map {
            AddressReport(name: $0.displayName, address: $0.addrSpec)
        }
    }

    private func messageIDs(_ field: HeaderField?, diagnostics: inout [Diagnostic]) -> [String] {
        guard let field else { return [] }
        return MessageID.parseList(field.rawValue, diagnostics: &diagnostics).map(\.text)
    }

    // MARK: Parts

    private func partReport(_ part: MIMEPart, diagnostics: inout [Diagnostic]) -> PartReport {
        // Without a Content-Type the default is the parser's: message/rfc822 in a digest.
        let contentType = part.headers.first(named: "Content-Type").map {
            ContentType.parse($0.rawValue, diagnostics: &diagnostics)
        } ?? (part.defaultsToMessage ? ContentType.messageRFC822 : ContentType.default)
        let disposition = part.headers.first(named: "Content-Disposition").map {
            ContentDisposition.parse($0.rawValue, diagnostics: &diagnostics)
        }
        let transferEncoding = part.headers.first(named: "Content-Transfer-Encoding").flatMap {
            ContentTransferEncoding.parse($0.rawValue, diagnostics: &diagnostics)
        }
        let content: PartReport.Content
        switch part.content {
        case .leaf:
            let body = decodedBody(part, transferEncoding: transferEncoding, diagnostics: &diagnostics)
            let text = contentType.isText ? bodyText(body, of: part, contentType: contentType,
                                                     transferEncoding: transferEncoding, diagnostics: &diagnostics) : nil
            content = .leaf(decodedSize: body.count, sha256: SHA256.hexDigest(body), text: text)
        case .multipart(let multipart):
            content = .multipart(multipart.parts.map { partReport($0, diagnostics: &diagnostics) })
        case .message(let message):
            content = .message(report(message, byteCount: part.endOffset - part.bodyOffset))
        }
        return PartReport(
            contentType: contentType.mimeType.lowercased(),
            parameters: contentType.parameters.map { .init(name: $0.name.lowercased(), value: $0.value) },
            disposition: disposition.map { $0.kind.rawValue.lowercased() },
            filename: disposition?.filename ?? contentType.parameters["name"],
            transferEncoding: transferEncoding.map { $0.rawValue.lowercased() },
            headerOffset: part.headerOffset,
            bodyOffset: part.bodyOffset,
            endOffset: part.endOffset,
            content: content
        )
    }

    /// The body with its content-transfer-encoding undone (RFC 2045 section 6); identity and
    /// unknown encodings leave the bytes as they are.
    private func decodedBody(_ part: MIMEPart, transferEncoding: ContentTransferEncoding?,
                             diagnostics: inout [Diagnostic]) -> [UInt8] {
        let raw = part.rawBody
        switch transferEncoding {
        case .some(.base64):
            let decoded = Base64.decode(raw)
            diagnostics += decoded.diagnostics.map { $0.shifted(by: part.bodyOffset) }
            return decoded.bytes
        case .some(.quotedPrintable):
            let decoded = QuotedPrintable.decode(raw)
            diagnostics += decoded.diagnostics.map { $0.shifted(by: part.bodyOffset) }
            return decoded.bytes
        default:
            return Array(raw)
        }
    }

    /// A `text/*` body converted from its `charset` (RFC 2046 section 4.1.2; US-ASCII when the
    /// parameter is missing). An unknown charset is read the way raw header text is, UTF-8 when
    /// valid and the fallback charset otherwise, and reported.
    private func bodyText(_ body: [UInt8], of part: MIMEPart, contentType: ContentType,
                          transferEncoding: ContentTransferEncoding?, diagnostics: inout [Diagnostic]) -> String {
        let label = contentType.effectiveCharset ?? "us-ascii"
        guard let charset = Charset(label) else {
            // Point at the charset parameter; failing that at the field, which names it.
            let offset = contentType.parameters.first(named: "charset")?.sourceRange?.lowerBound
                ?? part.headers.first(named: "Content-Type")?.offset ?? part.headerOffset
            diagnostics.append(Diagnostic(.bodyUnknownCharset, .warning, at: offset,
                "unknown charset \"\(label)\"; the text was read as UTF-8, or \(options.headerFallbackCharset) where it is not valid UTF-8"))
            return Charset.decodeHeaderBytes(body, fallback: options.headerFallbackCharset).text
        }
        let decoded = charset.decode(body)
        if let errorOffset = decoded.firstErrorOffset {
            // Without a transfer encoding the decoded bytes are the body bytes, so the offset can
            // point at the bad byte; otherwise only the body start is known.
            let isIdentity = transferEncoding.map(\.isIdentity) ?? true
            let offset = isIdentity ? part.bodyOffset + errorOffset : part.bodyOffset
            diagnostics.append(Diagnostic(.bodyCharsetError, .warning, at: offset,
                "text is not valid \(charset); the bad bytes were replaced with U+FFFD"))
        }
        return decoded.text
    }

    // MARK: Helpers

    /// Offset order reads like the message; ties keep the order in which they were found.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated()
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
            .map(\.element)
    }
}

extension Diagnostic.Code {
    /// A `text/*` part names a charset that is not known (RFC 2046 section 4.1.2).
    public static let bodyUnknownCharset = Diagnostic.Code("body-unknown-charset")
    /// A `text/*` body has bytes that are invalid or unmappable in its charset.
    public static let bodyCharsetError = Diagnostic.Code("body-charset-error")
}
