/// A message as RFC 5322 defines it (header fields, then an optional body), with the MIME
/// structure of RFC 2045 and RFC 2046 parsed into a tree of ``MIMEPart``s.
///
/// A `Message` keeps the bytes it was parsed from. Unmodified, it serializes back to exactly
/// those bytes; after a header change, only the changed header block is rendered anew.
public struct Message: Sendable {
    /// The top-level entity: the message's header fields and its body.
    public var root: MIMEPart

    /// Problems the parser found in the structure (header block, boundaries, limits), with byte
    /// offsets into ``source``. Problems inside field values are found when the fields are read;
    /// ``allDiagnostics()`` gathers both.
    public var diagnostics: [Diagnostic]

    /// Creates a message from its parts; the parsers use this.
    public init(root: MIMEPart, diagnostics: [Diagnostic]) {
        self.root = root
        self.diagnostics = diagnostics
    }

    /// The bytes the message was parsed from. For a nested message these are the enclosing
    /// message's bytes, and the offsets are offsets into them.
    public var source: [UInt8] { root.source }

    /// The message's header fields.
    public var headers: HeaderFields {
        get { root.headers }
        set { root.headers = newValue }
    }

    /// Parses a message. Parsing never fails: whatever the input, the result is the best reading
    /// of it, and what had to be repaired is in ``diagnostics``.
    public static func parse(_ bytes: [UInt8], options: ParserOptions = ParserOptions()) -> Message {
        var parser = MessageParser(source: bytes, options: options)
        return parser.parse()
    }

    /// Parses a message from the UTF-8 bytes of a string; meant for tests and examples.
    public static func parse(_ string: String, options: ParserOptions = ParserOptions()) -> Message {
        parse(Array(string.utf8), options: options)
    }
}
