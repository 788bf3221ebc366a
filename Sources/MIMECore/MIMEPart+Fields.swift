extension MIMEPart {
    /// The part's `Content-Type` (RFC 2045 section 5) with the defaults of RFC 2045 section 5.2
    /// applied: without the field, or when it cannot be read, `text/plain; charset=us-ascii`, or
    /// `message/rfc822` for a child of `multipart/digest` (RFC 2046 section 5.1.5).
    public var contentType: ContentType { parsedContentType().value }

    /// The `Content-Type` with the problems found reading it (offsets into the message).
    public func parsedContentType() -> (value: ContentType, diagnostics: [Diagnostic]) {
        let fallback: ContentType = defaultsToMessage ? .messageRFC822 : .default
        guard let field = headers.first(named: "Content-Type") else { return (fallback, []) }
        var diagnostics: [Diagnostic] = []
        let parsed = ContentType.parse(field.rawValue, diagnostics: &diagnostics)
        return (parsed, diagnostics)
    }

    /// The part's `Content-Disposition` (RFC 2183), if it has one.
    public var contentDisposition: ContentDisposition? { parsedContentDisposition().value }

    /// The `Content-Disposition` with the problems found reading it.
    public func parsedContentDisposition() -> (value: ContentDisposition?, diagnostics: [Diagnostic]) {
        guard let field = headers.first(named: "Content-Disposition") else { return (nil, []) }
        var diagnostics: [Diagnostic] = []
        let parsed = ContentDisposition.parse(field.rawValue, diagnostics: &diagnostics)
        return (parsed, diagnostics)
    }

    /// The part's `Content-Transfer-Encoding` (RFC 2045 section 6), or `nil` when the field is
    /// absent (which means `7bit`, RFC 2045 section 6.1).
    public var transferEncoding: ContentTransferEncoding? { parsedTransferEncoding().value }

    /// The `Content-Transfer-Encoding` with the problems found reading it.
    public func parsedTransferEncoding() -> (value: ContentTransferEncoding?, diagnostics: [Diagnostic]) {
        guard let field = headers.first(named: "Content-Transfer-Encoding") else { return (nil, []) }
        var diagnostics: [Diagnostic] = []
        let parsed = ContentTransferEncoding.parse(field.rawValue, diagnostics: &diagnostics)
        return (parsed, diagnostics)
    }

    /// The file name of the part: the `filename` parameter of `Content-Disposition` (RFC 2183
    /// section 2.3), else the `name` parameter of `Content-Type` that older mailers write.
    public var filename: String? {
        if let name = contentDisposition?.filename, !name.isEmpty { return name }
        if let name = contentType.parameters["name"], !name.isEmpty { return name }
        return nil
    }

    /// Whether the part is meant to be shown as an attachment rather than inline: an
    /// `attachment` disposition, or a file name on a part that is not text.
    public var isAttachment: Bool {
        if let disposition = contentDisposition {
            return disposition.kind == .attachment || (disposition.kind != .inline && filename != nil)
        }
        return filename != nil && !contentType.isText
    }
}
