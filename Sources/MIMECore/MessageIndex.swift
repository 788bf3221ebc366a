/// The part tree of a message whose bodies stay where they are: in a file, or in whatever the
/// message was streamed from. Each part has its header fields and the byte ranges of its
/// entity (RFC 2045 section 2.4), so that a body can be read and decoded later, straight from
/// the file, with ``MessageFile/decodeBody(of:fileDescriptor:chunkSize:_:)``.
///
/// It has the structure ``Message/parse(_:options:)`` finds (both come from the same rules), but
/// its memory grows only with the number of parts and header fields, never with body sizes: an
/// index of a 1 GB message with one attachment takes a few kilobytes.
public struct MessageIndex: Sendable {
    /// One entity of the message.
    public struct Part: Sendable {
        /// The header fields; their `offset`s are message offsets.
        public var headers: HeaderFields
        /// What the body is.
        public var kind: StreamingParser.PartKind
        /// How many entities enclose this one: 0 for the message itself.
        public var depth: Int
        /// Where the entity starts (see ``MIMEPart/headerOffset``).
        public var headerOffset: Int
        /// Where the header block ends (see ``MIMEPart/headerEndOffset``).
        public var headerEndOffset: Int
        /// Where the body starts (see ``MIMEPart/bodyOffset``).
        public var bodyOffset: Int
        /// Where the body ends (see ``MIMEPart/endOffset``).
        public var endOffset: Int
        /// For a multipart: its layout (preamble, epilogue, whether it was closed).
        public var multipart: StreamingParser.MultipartLayout?
        /// The positions in ``MessageIndex/parts`` of the parts of a multipart, or of the
        /// top-level entity of an encapsulated message.
        public var children: [Int]
        /// The position in ``MessageIndex/parts`` of the enclosing entity.
        public var parent: Int?

        /// The byte range of the body in the message.
        public var bodyRange: Range<Int> { bodyOffset..<max(bodyOffset, endOffset) }
    }

    /// Every entity, depth first in message order; the message itself is first.
    public private(set) var parts: [Part] = []
    /// Every diagnostic the parser reported, in order, with message offsets.
    public private(set) var diagnostics: [Diagnostic] = []

    private var open: [Int] = []

    /// Creates an empty index, to be filled with ``add(_:)``.
    public init() {}

    /// The message's top-level entity, once one was read.
    public var root: Part? { parts.first }

    /// Whether the message has ended (its top-level entity is complete).
    public var isComplete: Bool { !parts.isEmpty && open.isEmpty }

    /// Adds what a streaming parser reported; feed it every event of one message.
    public mutating func add(_ event: StreamingParser.Event) {
        switch event {
        case .partStart(let start):
            let index = parts.count
            parts.append(Part(headers: start.headers, kind: start.kind, depth: start.depth,
                headerOffset: start.headerOffset, headerEndOffset: start.headerEndOffset, bodyOffset: start.bodyOffset,
                endOffset: start.bodyOffset, multipart: nil, children: [], parent: open.last))
            if let parent = open.last { parts[parent].children.append(index) }
            open.append(index)
        case .partEnd(let end):
            guard let index = open.popLast() else { return }
            parts[index].endOffset = end.endOffset
            parts[index].multipart = end.multipart
        case .diagnostic(let diagnostic):
            diagnostics.append(diagnostic)
        case .body, .decodedBody:
            break
        }
    }
}
