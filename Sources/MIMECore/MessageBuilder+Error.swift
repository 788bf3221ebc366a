extension MessageBuilder {
    /// Why a message could not be serialized as RFC 5322 (section 3) and MIME (RFC 2045, RFC 2046)
    /// require.
    public enum Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// `From` is empty; RFC 5322 section 3.6 requires it.
        case missingFrom
        /// `From` has several mailboxes and no `Sender` is set (RFC 5322 section 3.6.2).
        case missingSender
        /// A field could not be folded within 998 characters per line (RFC 5322 section 2.1.1),
        /// or its name or value is invalid; see the folder's error.
        case folding(field: String, HeaderFolder.Error)
        /// An extra field uses a name the builder writes itself (`Subject`, `Content-Type`...).
        case reservedFieldName(String)
        /// An address or identifier holds non-ASCII characters outside a display name, which only
        /// an RFC 6532 header can carry; see ``MessageBuilder/allowsUTF8Headers``.
        case nonASCIIHeader(field: String)
        /// A structured extra field value is not printable US-ASCII.
        case invalidStructuredValue(field: String)
        /// A media type or subtype is not an RFC 2045 section 5.1 `token`.
        case invalidMediaType(String)
        /// The boundary generator returned a value outside the grammar of RFC 2046 section 5.1.1.
        case invalidBoundary(String)
        /// Every boundary the generator offered occurred in the content; the generator seems to
        /// repeat itself.
        case boundaryCollision(attempts: Int)
        /// A multipart has no parts; RFC 2046 section 5.1.1 requires at least one.
        case emptyMultipart
        /// The text cannot be represented in the requested charset.
        case unencodableText(charset: String)
        /// A preamble or epilogue holds non-ASCII characters, which RFC 2046 section 5.1.1 gives
        /// no charset for.
        case nonASCIIPreambleOrEpilogue
        /// A requested content-transfer-encoding does not suit the content (RFC 2045 section 6.4:
        /// composite types allow only identity encodings; `7bit` needs 7bit data).
        case unsuitableTransferEncoding(ContentTransferEncoding)

        /// A one-line explanation naming the rule that was broken.
        public var description: String {
            switch self {
            case .missingFrom: "the From field is required (RFC 5322 section 3.6)"
            case .missingSender: "several From mailboxes need a Sender (RFC 5322 section 3.6.2)"
            case .folding(let field, let error): "cannot write \(field): \(error)"
            case .reservedFieldName(let name): "\(name) is written by the builder and cannot be an extra field"
            case .nonASCIIHeader(let field): "\(field) holds non-ASCII text that needs an RFC 6532 header"
            case .invalidStructuredValue(let field): "the value of \(field) is not printable US-ASCII"
            case .invalidMediaType(let type): "invalid media type \(type)"
            case .invalidBoundary(let boundary): "invalid multipart boundary \"\(boundary)\""
            case .boundaryCollision(let attempts): "no boundary free of collisions after \(attempts) attempts"
            case .emptyMultipart: "a multipart needs at least one part (RFC 2046 section 5.1.1)"
            case .unencodableText(let charset): "text cannot be encoded in \(charset)"
            case .nonASCIIPreambleOrEpilogue: "preamble and epilogue must be US-ASCII"
            case .unsuitableTransferEncoding(let encoding):
                "Content-Transfer-Encoding \(encoding) does not suit the content"
            }
        }
    }
}
