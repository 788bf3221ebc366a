/// An entity of RFC 2045 section 2.4: a header block and a body, which is either a leaf, a
/// multipart with child parts (RFC 2046 section 5.1), or an encapsulated message (RFC 2046
/// section 5.2.1, RFC 6532 section 3.7).
///
/// A part records where it lies in the source bytes. Its body is not copied: it is a range of the
/// source, decoded on demand. Offsets are absolute byte offsets into the message that was parsed,
/// also for parts of nested messages.
public struct MIMEPart: Sendable {
    // Stored in this order so that the flag packs behind the header block's own flag and the
    // part takes 72 bytes: a multipart keeps one value for each of its parts that has header
    // fields (`Parts` keeps the others in 8 bytes).

    /// The part's header fields.
    public var headers: HeaderFields

    /// Whether a missing `Content-Type` means `message/rfc822` (a child of `multipart/digest`,
    /// RFC 2046 section 5.1.5) rather than `text/plain; charset=us-ascii`.
    public let defaultsToMessage: Bool

    /// What the body is.
    public var content: Content

    /// The message bytes the offsets point into.
    public let source: [UInt8]

    /// Where the part starts: its first header field, or its body when it has no header block.
    public let headerOffset: Int

    /// Where the header block ends: the position of the empty line that separates it from the
    /// body, or of the body when the empty line is missing.
    public let headerEndOffset: Int

    /// Where the body starts, after the empty line.
    public let bodyOffset: Int

    /// Where the body ends. In a multipart, the line break before the next boundary delimiter
    /// belongs to the delimiter (RFC 2046 section 5.1.1), not to this part.
    public let endOffset: Int

    /// The kinds of body an entity can have.
    public indirect enum Content: Sendable {
        /// A discrete body (RFC 2046 sections 4.1-4.5), or a composite one that was not descended
        /// into because a limit was reached.
        case leaf
        /// The parts of a multipart body and what surrounds them.
        case multipart(Multipart)
        /// An encapsulated message (`message/rfc822`, `message/global`).
        case message(Message)
    }

    /// The structure of a multipart body (RFC 2046 section 5.1.1).
    public struct Multipart: Sendable {
        /// The boundary parameter that delimits the parts.
        public var boundary: [UInt8]
        /// The body parts, in order.
        public var parts: Parts
        /// The text before the first delimiter, which RFC 2046 says to ignore; kept for fidelity.
        public var preambleRange: Range<Int>?
        /// The text after the close delimiter; kept for fidelity.
        public var epilogueRange: Range<Int>?
        /// Whether the close delimiter (`--boundary--`) was found.
        public var isClosed: Bool

        /// Creates a multipart structure.
        public init(boundary: [UInt8], parts: Parts, preambleRange: Range<Int>?, epilogueRange: Range<Int>?, isClosed: Bool) {
            self.boundary = boundary
            self.parts = parts
            self.preambleRange = preambleRange
            self.epilogueRange = epilogueRange
            self.isClosed = isClosed
        }
    }

    /// Creates a part; the parser and the streaming parser use this.
    public init(
        headers: HeaderFields, content: Content, headerOffset: Int, headerEndOffset: Int,
        bodyOffset: Int, endOffset: Int, source: [UInt8], defaultsToMessage: Bool = false
    ) {
        self.defaultsToMessage = defaultsToMessage
        self.headers = headers
        self.content = content
        self.headerOffset = headerOffset
        self.headerEndOffset = headerEndOffset
        self.bodyOffset = bodyOffset
        self.endOffset = endOffset
        self.source = source
    }

    /// The child parts of a multipart; empty otherwise.
    public var parts: Parts {
        get {
            if case .multipart(let multipart) = content { return multipart.parts }
            return Parts()
        }
        set {
            if case .multipart(var multipart) = content {
                multipart.parts = newValue
                content = .multipart(multipart)
            }
        }
    }

    /// The encapsulated message of a `message/rfc822` or `message/global` part.
    public var message: Message? {
        if case .message(let message) = content { return message }
        return nil
    }

    /// Whether the part is a leaf (has neither parts nor an encapsulated message).
    public var isLeaf: Bool {
        if case .leaf = content { return true }
        return false
    }

    /// The body's bytes as they stand in the message, still transfer-encoded.
    public var rawBody: ArraySlice<UInt8> { source[bodyOffset..<endOffset] }

    /// The whole part as it stands in the message.
    public var rawBytes: ArraySlice<UInt8> { source[headerOffset..<endOffset] }

    /// Whether the part or anything inside it was changed since it was parsed.
    public var isModified: Bool {
        if headers.isModified { return true }
        switch content {
        case .leaf: return false
        case .multipart(let multipart): return multipart.parts.contains { $0.isModified }
        case .message(let message): return message.root.isModified
        }
    }

    /// Visits this part and every part below it, depth first, including the parts of
    /// encapsulated messages.
    public func forEachPart(_ body: (MIMEPart) throws -> Void) rethrows {
        try walkParts { part, _ in try body(part) }
    }

    /// Visits this part and every part below it, depth first, with each part's depth (this part
    /// is at depth 0, its children at 1; the root of an encapsulated message is one deeper than
    /// its `message/rfc822` part). With `includingNestedMessages` set to `false`, encapsulated
    /// messages are visited as their `message/rfc822` part only.
    ///
    /// The walk keeps one position per level, not a copy of the parts still to visit: a
    /// multipart of a hundred thousand parts costs no second array of them.
    public func walkParts(
        includingNestedMessages: Bool = true, _ body: (_ part: MIMEPart, _ depth: Int) throws -> Void
    ) rethrows {
        try body(self, 0)
        // The level being walked is kept in locals, so that a step reads its parts without going
        // through the array; `outer` holds the levels above it, one per depth.
        var outer: [(parts: Parts, next: Int)] = []
        var parts = Parts()
        var next = 0
        var part = self
        while true {
            switch part.content {
            case .leaf:
                break
            case .multipart(let multipart):
                if !multipart.parts.isEmpty {
                    outer.append((parts, next))
                    parts = multipart.parts
                    next = 0
                }
            case .message(let message):
                if includingNestedMessages {
                    outer.append((parts, next))
                    parts = [message.root]
                    next = 0
                }
            }
            while next == parts.count {
                guard let level = outer.popLast() else { return }
                (parts, next) = level
            }
            part = parts[next]
            next += 1
            try body(part, outer.count)
        }
    }
}
