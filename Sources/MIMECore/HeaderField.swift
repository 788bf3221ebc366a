/// One header field, `field-name ":" unstructured CRLF` (RFC 5322 section 2.2), as it stands in
/// the message: its exact bytes, where they are, and its value unfolded and decoded on demand.
///
/// A parsed field keeps a slice of the message, so that an unmodified message serializes byte for
/// byte; a field made in code carries the bytes rendered for it.
public struct HeaderField: Sendable, Hashable {
    /// The field name as written, such as `"Subject"`. Compare names with ``hasName(_:)``, which
    /// ignores case as RFC 5322 section 1.2.2 requires.
    public let name: String

    /// The whole field as it is serialized: name, colon, value with its folding, and line ending.
    /// For a parsed field, the slice's indices are byte offsets into the message.
    public let rawBytes: ArraySlice<UInt8>

    /// The bytes after the colon, folding included, without the final line ending. Its indices are
    /// those of ``rawBytes``.
    public var rawValue: ArraySlice<UInt8> { rawBytes[valueRange] }

    /// Where ``rawValue`` lies within ``rawBytes``.
    public let valueRange: Range<Int>

    /// Whether this field was read from a message (its offsets are message offsets), rather than
    /// made in code.
    public let isParsed: Bool

    /// The byte offset of the field in the message, or `nil` for a field made in code.
    public var offset: Int? { isParsed ? rawBytes.startIndex + offsetDelta : nil }

    /// The byte range of the whole field, line ending included, or `nil` for a field made in code.
    public var range: Range<Int>? { isParsed ? (rawBytes.startIndex + offsetDelta)..<(rawBytes.endIndex + offsetDelta) : nil }

    /// What to add to an index of ``rawBytes`` to get a message offset: zero for the one-shot
    /// parser, whose slices share the message's indices; the field's offset for the streaming
    /// parser, which copies each field out of a buffer that moves on.
    private let offsetDelta: Int

    init(parsedName name: String, rawBytes: ArraySlice<UInt8>, valueRange: Range<Int>) {
        self.name = name
        self.rawBytes = rawBytes
        self.valueRange = valueRange
        self.isParsed = true
        self.offsetDelta = 0
    }

    /// A field read by the streaming parser: `bytes` is a copy of the field whose first byte was at
    /// message offset `offset`; `valueRange` indexes `bytes`.
    init(streamedName name: String, bytes: [UInt8], valueRange: Range<Int>, offset: Int) {
        self.name = name
        self.rawBytes = bytes[...]
        self.valueRange = valueRange
        self.isParsed = true
        self.offsetDelta = offset
    }

    /// Creates a field from its complete serialized bytes (`name: value CRLF`, folded as it should
    /// be sent). The builder's renderers produce such bytes.
    ///
    /// Returns `nil` when the bytes do not start with a valid `field-name` and colon.
    public init?(serialized bytes: [UInt8]) {
        guard let colon = bytes.firstIndex(of: ASCII.colon), colon > 0,
            bytes[..<colon].allSatisfy(HeaderField.isFieldNameByte)
        else { return nil }
        var valueEnd = bytes.endIndex
        if valueEnd > colon + 1, bytes[valueEnd - 1] == ASCII.lf { valueEnd -= 1 }
        if valueEnd > colon + 1, bytes[valueEnd - 1] == ASCII.cr { valueEnd -= 1 }
        self.name = ASCII.string(bytes[..<colon])
        self.rawBytes = bytes[...]
        self.valueRange = (colon + 1)..<valueEnd
        self.isParsed = false
        self.offsetDelta = 0
    }

    /// Whether the field's name is `name`, ignoring ASCII case (RFC 5322 section 1.2.2).
    public func hasName(_ name: String) -> Bool {
        ASCII.equalsIgnoringCase(self.name.utf8, name.utf8)
    }

    /// The value with folding removed (RFC 5322 section 2.2.3: a line break followed by `WSP`
    /// is deleted) and the whitespace after the colon and at the end trimmed.
    public var unfoldedValue: [UInt8] {
        rawBytes.withUnsafeBufferPointer { buffer in
            let base = valueRange.lowerBound - rawBytes.startIndex
            var index = base
            var end = valueRange.upperBound - rawBytes.startIndex
            while index < end, ASCII.isWhitespaceOrNewline(buffer[index]) { index += 1 }
            while end > index, ASCII.isWhitespaceOrNewline(buffer[end - 1]) { end -= 1 }
            var result: [UInt8] = []
            result.reserveCapacity(end - index)
            // Copies the runs between line breaks in one go; most values have none.
            var runStart = index
            while index < end {
                let byte = buffer[index]
                if byte == ASCII.cr || byte == ASCII.lf {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
                    runStart = index + 1
                }
                index += 1
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<end]))
            return result
        }
    }

    /// `ftext = %d33-57 / %d59-126` (RFC 5322 section 3.6.8).
    @inlinable
    public static func isFieldNameByte(_ byte: UInt8) -> Bool {
        byte >= 33 && byte <= 126 && byte != ASCII.colon
    }
}
