internal import COI
public import MIMECore

/// Turns a parsed ``MIMECore/Message`` into a ``MessageReport`` through the library's own
/// accessors, so that `inspect` shows exactly what the parser and its field readers see.
///
/// Each message (the top-level one and every encapsulated `message/rfc822` or `message/global`)
/// gets its own diagnostics: those of its structure, header fields and leaf bodies, but not those
/// of messages nested deeper, which appear in their own report.
public struct MessageReader: Sendable {
    /// The parser options the message is parsed with; their header fallback charset and encoded
    /// word limit apply to the field values and texts read here too.
    public var options: ParserOptions

    /// Creates a reader.
    public init(options: ParserOptions = ParserOptions()) {
        self.options = options
    }

    /// Parses `bytes` and reports what the parser sees.
    public func inspect(_ bytes: [UInt8]) -> MessageReport {
        report(Message.parse(bytes, options: options), byteCount: bytes.count)
    }

    /// The report of a parsed message that spans `byteCount` bytes; `classifies` adds its COI
    /// classification (top-level messages only).
    public func report(_ message: Message, byteCount: Int, classifies: Bool = true) -> MessageReport {
        let diagnostics = message.allDiagnostics(includingBodies: true, includingNestedMessages: false, options: options)
        return MessageReport(
            byteCount: byteCount,
            headers: message.headers.map {
                HeaderReport(name: $0.name, value: $0.decodedValue(options: options).text, offset: $0.offset ?? 0)
            },
            subject: message.headers.first(named: "Subject")?.decodedValue(options: options).text,
            from: mailboxes(message.from),
            to: mailboxes(message.to),
            cc: mailboxes(message.cc),
            date: message.date?.rfc3339,
            messageID: message.messageID?.text,
            inReplyTo: message.inReplyTo.map(\.text),
            references: message.references.map(\.text),
            root: partReport(message.root),
            diagnostics: diagnostics.map(DiagnosticReport.init),
            coi: classifies ? COIEvent(classifying: message).summary : nil
        )
    }

    /// Group members are listed as mailboxes; the group names are not part of the report.
    private func mailboxes(_ addresses: [Address]) -> [AddressReport] {
        addresses.mailboxes.map { AddressReport(name: $0.displayName, address: $0.addrSpec) }
    }

    private func partReport(_ part: MIMEPart) -> PartReport {
        let contentType = part.contentType
        let content: PartReport.Content
        switch part.content {
        case .leaf:
            let body = part.decodedBody().bytes
            let text = part.text(fallbackCharset: options.headerFallbackCharset)?.text
            content = .leaf(decodedSize: body.count, sha256: SHA256.hexDigest(body), text: text)
        case .multipart(let multipart):
            content = .multipart(multipart.parts.map(partReport))
        case .message(let message):
            content = .message(report(message, byteCount: part.endOffset - part.bodyOffset, classifies: false))
        }
        return PartReport(
            contentType: contentType.mimeType.lowercased(),
            parameters: contentType.parameters.map { .init(name: $0.name.lowercased(), value: $0.value) },
            disposition: part.contentDisposition.map { $0.kind.rawValue.lowercased() },
            filename: part.filename,
            transferEncoding: part.transferEncoding.map { $0.rawValue.lowercased() },
            headerOffset: part.headerOffset,
            bodyOffset: part.bodyOffset,
            endOffset: part.endOffset,
            content: content
        )
    }
}
