extension StreamingParser {
    /// What the streaming parser reports, in message order.
    ///
    /// For every entity (RFC 2045 section 2.4) there is one ``partStart(_:)`` once its header
    /// block is complete and one ``partEnd(_:)`` once its body has ended; the entities inside a
    /// multipart or an encapsulated message come between the two. Body bytes come in between as
    /// ``body(_:)`` chunks of any size, and, when the parser decodes, as ``decodedBody(_:)``.
    public enum Event: Sendable {
        /// An entity starts; its header block has been read.
        case partStart(PartStart)
        /// Bytes of the current entity's body as they stand in the message: the content of a leaf,
        /// or the preamble, epilogue or unparsed rest of a multipart. Delimiter lines are not
        /// reported; their position follows from the offsets.
        case body(BodyChunk)
        /// Transfer-decoded content of the current leaf (RFC 2045 section 6), when the parser was
        /// created with `decodesBodies`. Identity encodings pass the raw bytes through.
        case decodedBody(ArraySlice<UInt8>)
        /// An entity ends.
        case partEnd(PartEnd)
        /// A problem in the structure, or, when decoding, in a transfer encoding; its offsets are
        /// message offsets.
        case diagnostic(Diagnostic)
    }

    /// What an entity's body is, as far as the structure goes.
    public enum PartKind: Sendable, Hashable {
        /// A discrete body, or a composite one that a limit kept from being descended into.
        case leaf
        /// A multipart body (RFC 2046 section 5.1); its parts follow.
        case multipart
        /// An encapsulated message (RFC 2046 section 5.2.1); its top-level entity follows.
        case message
    }

    /// The start of an entity: its header block and where it lies.
    public struct PartStart: Sendable {
        /// The header fields. Each field's `offset` is its message offset.
        public var headers: HeaderFields
        /// Where the entity starts (see ``MIMEPart/headerOffset``).
        public var headerOffset: Int
        /// Where the header block ends (see ``MIMEPart/headerEndOffset``).
        public var headerEndOffset: Int
        /// Where the body starts (see ``MIMEPart/bodyOffset``).
        public var bodyOffset: Int
        /// How many entities enclose this one: 0 for the message itself.
        public var depth: Int
        /// What the body is.
        public var kind: PartKind
    }

    /// Which part of an entity's body a ``BodyChunk`` belongs to.
    public enum BodyRegion: Sendable, Hashable {
        /// The content of a leaf.
        case content
        /// Text before a multipart's first delimiter (RFC 2046 section 5.1.1), or its whole body
        /// when there is no delimiter.
        case preamble
        /// Text after a multipart's close delimiter.
        case epilogue
        /// Parts of a multipart that the part limit kept from being parsed.
        case unparsed
    }

    /// A run of body bytes.
    public struct BodyChunk: Sendable {
        /// The bytes, valid beyond the event (a slice shares storage with the parser's input).
        public var bytes: ArraySlice<UInt8>
        /// The message offset of the first byte.
        public var offset: Int
        /// Where in the entity the bytes are.
        public var region: BodyRegion
    }

    /// The end of an entity.
    public struct PartEnd: Sendable {
        /// What the body was.
        public var kind: PartKind
        /// How many entities enclose this one.
        public var depth: Int
        /// Where the entity started, as in its ``PartStart``.
        public var headerOffset: Int
        /// Where the body ends (see ``MIMEPart/endOffset``).
        public var endOffset: Int
        /// For a multipart: what lies around its parts.
        public var multipart: MultipartLayout?
    }

    /// The layout of a multipart body once it has ended (RFC 2046 section 5.1.1).
    public struct MultipartLayout: Sendable, Hashable {
        /// The boundary parameter.
        public var boundary: [UInt8]
        /// How many parts were parsed.
        public var partCount: Int
        /// The text before the first delimiter, if any.
        public var preambleRange: Range<Int>?
        /// The text after the close delimiter, if any.
        public var epilogueRange: Range<Int>?
        /// Whether the close delimiter was found.
        public var isClosed: Bool

        /// Creates a layout; the parser makes these, tests compare with them.
        public init(boundary: [UInt8], partCount: Int, preambleRange: Range<Int>?, epilogueRange: Range<Int>?, isClosed: Bool) {
            self.boundary = boundary
            self.partCount = partCount
            self.preambleRange = preambleRange
            self.epilogueRange = epilogueRange
            self.isClosed = isClosed
        }
    }
}
