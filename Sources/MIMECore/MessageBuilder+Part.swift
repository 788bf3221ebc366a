extension MessageBuilder {
    /// A MIME entity to be written (RFC 2045 section 2.4): content, and the `Content-*` fields
    /// that describe it.
    ///
    /// Build parts with ``text(_:subtype:charset:format:)``,
    /// ``binary(_:type:filename:inline:)``,
    /// ``multipart(_:_:parameters:preamble:epilogue:)`` and ``message(_:)``, then adjust the
    /// properties.
    public struct Part: Sendable {
        /// What the part holds.
        public var content: Content
        /// `Content-Disposition` (RFC 2183), or `nil` for none. Its parameters go through the
        /// parameter renderer: long or non-ASCII file names use RFC 2231.
        public var disposition: ContentDisposition?
        /// `Content-ID` (RFC 2045 section 7), for references from other parts (`cid:` URLs).
        public var contentID: MessageID?
        /// `Content-Description` (RFC 2045 section 8), unstructured text, RFC 2047-encoded as needed.
        public var contentDescription: String?
        /// A content-transfer-encoding to use instead of the one chosen from the content (RFC 2045
        /// section 6). It must suit the content: `7bit` only for 7bit data, and only `7bit`,
        /// `8bit` or `binary` for multiparts and messages (section 6.4).
        public var transferEncoding: ContentTransferEncoding?
        /// Further fields of this part, written after the `Content-*` ones.
        public var extraFields: [Field]

        /// Creates a part from its content.
        public init(_ content: Content, disposition: ContentDisposition? = nil) {
            self.content = content
            self.disposition = disposition
            self.contentID = nil
            self.contentDescription = nil
            self.transferEncoding = nil
            self.extraFields = []
        }

        /// The kinds of content a part can hold: the discrete and composite media types of
        /// RFC 2046 sections 4 and 5.
        public indirect enum Content: Sendable {
            /// Text (RFC 2046 section 4.1), written as `text/<subtype>` in `charset`. Line breaks
            /// (LF, CR or CRLF) become CRLF, the canonical form of section 4.1.1.
            case text(String, subtype: String, charset: Charset, format: TextFormat)
            /// Any other discrete content (RFC 2046 sections 4.2-4.5), sent byte for byte with the
            /// given media type. A `text/*` type here means text already in its charset's bytes,
            /// whose line breaks are kept as they are.
            case binary([UInt8], type: ContentType)
            /// A multipart (RFC 2046 section 5.1) of the given subtype (`mixed`, `alternative`,
            /// `related`, `report`...) with further parameters such as `type` and `start` of
            /// `multipart/related` (RFC 2387) or `report-type` of `multipart/report` (RFC 6522);
            /// the builder adds `boundary` itself. Preamble and epilogue are US-ASCII text that
            /// readers ignore.
            case multipart(
                subtype: String, parameters: MIMEParameters, parts: [Part], preamble: String?, epilogue: String?)
            /// An encapsulated message, `message/rfc822` (RFC 2046 section 5.2.1).
            case message(MessageBuilder)
        }

        /// How plain text lines are written (RFC 3676).
        public enum TextFormat: Sendable, Hashable {
            /// Lines as given (`format=fixed`, the default of RFC 2046 section 4.1).
            case fixed
            /// `format=flowed` (RFC 3676 section 4.2): long lines are wrapped with soft breaks that a
            /// reader re-joins.
            case flowed
            /// `format=flowed; delsp=yes` (RFC 3676 section 4.2): soft breaks may fall between any
            /// two characters, for text with few spaces.
            case flowedDelSp
        }

        /// A text part (RFC 2046 section 4.1): `text/plain; charset=utf-8` by default.
        public static func text(
            _ text: String, subtype: String = "plain", charset: Charset = .utf8, format: TextFormat = .fixed
        ) -> Part {
            Part(.text(text, subtype: subtype, charset: charset, format: format))
        }

        /// A binary part, such as an image or a file, with an `attachment` disposition (or `inline`)
        /// carrying the file name and the size in octets (RFC 2183 sections 2.3 and 2.7).
        public static func binary(
            _ bytes: [UInt8], type: ContentType, filename: String? = nil, inline: Bool = false
        ) -> Part {
            var disposition = ContentDisposition(inline ? .inline : .attachment)
            disposition.filename = filename
            disposition.size = bytes.count
            return Part(.binary(bytes, type: type), disposition: disposition)
        }

        /// A multipart (RFC 2046 section 5.1) of `subtype` holding `parts`.
        public static func multipart(
            _ subtype: String, _ parts: [Part], parameters: MIMEParameters = [],
            preamble: String? = nil, epilogue: String? = nil
        ) -> Part {
            Part(.multipart(subtype: subtype, parameters: parameters, parts: parts, preamble: preamble,
                            epilogue: epilogue))
        }

        /// A `message/rfc822` part encapsulating another message (RFC 2046 section 5.2.1).
        public static func message(_ message: MessageBuilder) -> Part {
            Part(.message(message))
        }
    }
}
