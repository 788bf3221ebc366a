/// Limits and choices for the message parser.
///
/// Every limit has a default that real mail never reaches; hostile input that passes one stops
/// the parser from descending further, keeps the rest as opaque content (so the message still
/// serializes byte for byte) and leaves a diagnostic that carries the actual and maximum counts.
public struct ParserOptions: Sendable, Hashable {
    /// The deepest nesting of multiparts and `message/rfc822` parts that is parsed into the tree.
    /// Deeper entities are kept as opaque leaf bodies. Values above ``nestingDepthCeiling`` are
    /// treated as the ceiling.
    public var maximumNestingDepth: Int

    /// The highest nesting depth the parser honours, whatever ``maximumNestingDepth`` says: code
    /// that walks or releases a part tree recursively must not exhaust a thread's stack (secondary
    /// threads have 512 KiB), and no legitimate message nests this deep.
    public static let nestingDepthCeiling = 256

    /// The nesting depth the parsers apply: ``maximumNestingDepth``, at most
    /// ``nestingDepthCeiling``.
    public var effectiveNestingDepth: Int { min(maximumNestingDepth, ParserOptions.nestingDepthCeiling) }
    /// The most header fields kept for one header block; further fields stay in the source bytes
    /// but are not indexed.
    public var maximumHeaderFields: Int
    /// The longest header line, in octets, that is decoded whole; longer field values are cut for
    /// decoding (never for serialization).
    public var maximumHeaderLineLength: Int
    /// The most parts (of any depth) in one message; further parts stay opaque in the body of
    /// their multipart.
    public var maximumParts: Int
    /// The most RFC 2047 encoded words decoded in one field value.
    public var maximumEncodedWords: Int
    /// The charset tried for raw 8-bit header text that is not valid UTF-8 (RFC 6532 says header
    /// text is UTF-8; legacy mail often carries Latin-1 or Windows text unlabelled).
    public var headerFallbackCharset: Charset
    /// The most diagnostics of one code kept for one message (by the parser, and by
    /// ``Message/allDiagnostics(includingBodies:includingNestedMessages:options:)`` for the
    /// whole tree); the rest are counted in one `diagnostics-truncated` diagnostic per code. A
    /// client needs no hundred thousand copies of one warning, and an unbounded list would be
    /// unbounded allocation.
    public var maximumDiagnosticsPerCode: Int

    /// Creates options with the given limits; the defaults suit any legitimate message.
    public init(
        maximumNestingDepth: Int = 100,
        maximumHeaderFields: Int = 10_000,
        maximumHeaderLineLength: Int = 1 << 20,
        maximumParts: Int = 50_000,
        maximumEncodedWords: Int = 10_000,
        headerFallbackCharset: Charset = .windows1252,
        maximumDiagnosticsPerCode: Int = 1_000
    ) {
        self.maximumNestingDepth = min(maximumNestingDepth, ParserOptions.nestingDepthCeiling)
        self.maximumHeaderFields = maximumHeaderFields
        self.maximumHeaderLineLength = maximumHeaderLineLength
        self.maximumParts = maximumParts
        self.maximumEncodedWords = maximumEncodedWords
        self.headerFallbackCharset = headerFallbackCharset
        self.maximumDiagnosticsPerCode = maximumDiagnosticsPerCode
    }
}
