/// One node of the MIME part tree (RFC 2045, RFC 2046) as the parser read it.
public struct PartReport: Sendable {
    /// `type/subtype` in lowercase, with the RFC 2045 and RFC 2046 defaults applied.
    public var contentType: String
    /// The `Content-Type` parameters, names in lowercase, values decoded (RFC 2231 included).
    public var parameters: [Parameter]
    /// The `Content-Disposition` type in lowercase, if the field is present.
    public var disposition: String?
    /// The file name from `Content-Disposition` or, failing that, the `name` parameter.
    public var filename: String?
    /// The `Content-Transfer-Encoding` in lowercase, if the field is present.
    public var transferEncoding: String?
    /// The offset of the part's first header byte.
    public var headerOffset: Int
    /// The offset of the part's first body byte.
    public var bodyOffset: Int
    /// The offset just past the part's last body byte.
    public var endOffset: Int
    /// What the body holds: bytes, child parts, or an encapsulated message.
    public var content: Content

    /// One `name=value` parameter.
    public struct Parameter: Sendable, Equatable {
        /// The parameter name in lowercase.
        public var name: String
        /// The decoded value.
        public var value: String

        /// Creates a parameter.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The body of a part, by kind.
    public indirect enum Content: Sendable {
        /// A leaf: its transfer-decoded size and SHA-256, and for `text/*` the charset-decoded text.
        case leaf(decodedSize: Int, sha256: String, text: String?)
        /// A `multipart/*` body and its children in order.
        case multipart([PartReport])
        /// A `message/rfc822` or `message/global` body.
        case message(MessageReport)
    }

    /// Creates a part report.
    public init(
        contentType: String, parameters: [Parameter], disposition: String?, filename: String?,
        transferEncoding: String?, headerOffset: Int, bodyOffset: Int, endOffset: Int, content: Content
    ) {
        self.contentType = contentType
        self.parameters = parameters
        self.disposition = disposition
        self.filename = filename
        self.transferEncoding = transferEncoding
        self.headerOffset = headerOffset
        self.bodyOffset = bodyOffset
        self.endOffset = endOffset
        self.content = content
    }
}
