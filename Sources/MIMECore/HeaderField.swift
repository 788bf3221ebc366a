/// One header field, `field-name ":" unstructured CRLF` (RFC 5322 section 2.2), as it stands in
/// the message: its exact bytes, where they are, and its value unfolded and decoded on demand.
///
/// A parsed field keeps a slice of the message, so that an unmodified message serializes byte for
/// byte; a field made in code carries the bytes rendered for it.
public struct HeaderField: Sendable, Hashable {
    // Stored compactly (32 bytes), because a header block of thousands of fields keeps one value
    // per field: the bytes the field lies in, where it starts, its length and kind packed in one
    // word, and the value's bounds relative to the start. The name is read from the bytes when
    // asked for rather than kept as a second copy.

    /// The bytes the field lies in: the whole message for the one-shot parser, a copy of just the
    /// field for the streaming parser and for fields made in code.
    private let storage: [UInt8]
    /// For the one-shot parser, the field's index in ``storage``, which is its message offset;
    /// for the streaming parser, its message offset (the field starts at index 0 of its copy).
    private let start: Int
    /// The length of ``rawBytes`` in the low bits, the ``Kind`` in the top two.
    private let lengthAndKind: UInt64
    /// ``valueRange`` relative to the start of ``rawBytes``. A value is cut for decoding at
    /// `ParserOptions.maximumHeaderLineLength`; beyond 4 GiB it is cut here as well.
    private let valueStart: UInt32
    private let valueEnd: UInt32

    private enum Kind: UInt64 {
        case sliceOfMessage = 0, streamed = 1, madeInCode = 2
    }

    private static let kindShift: UInt64 = 62
    private static let lengthMask: UInt64 = (1 << kindShift) - 1

    private init(storage: [UInt8], start: Int, length: Int, valueRange: Range<Int>, kind: Kind) {
        self.storage = storage
        self.start = start
        self.lengthAndKind = UInt64(length) | kind.rawValue << HeaderField.kindShift
        let limit = Int(UInt32.max)
        self.valueStart = UInt32(min(max(valueRange.lowerBound, 0), limit))
        self.valueEnd = UInt32(min(max(valueRange.upperBound, valueRange.lowerBound, 0), limit))
    }

    private var kind: Kind { Kind(rawValue: lengthAndKind >> HeaderField.kindShift) ?? .madeInCode }
    private var length: Int { Int(lengthAndKind & HeaderField.lengthMask) }
    /// Where ``rawBytes`` starts in ``storage``.
    private var storageStart: Int { kind == .sliceOfMessage ? start : 0 }

    /// The field name as written, such as `"Subject"`. Compare names with ``hasName(_:)``, which
    /// ignores case as RFC 5322 section 1.2.2 requires.
    public var name: String { ASCII.string(nameBytes) }

    /// The bytes of ``name``: those before the colon, without the obsolete white space before it
    /// (RFC 5322 section 4.5). A field cut before its colon (the streaming parser keeps at most
    /// `ParserOptions.maximumHeaderLineLength` bytes of one) has all its kept bytes as the name.
    public var nameBytes: ArraySlice<UInt8> {
        let from = storageStart
        let length = storage.withUnsafeBufferPointer { nameLength(in: UnsafeBufferPointer(rebasing: $0[from..<(from + self.length)])) }
        return storage[from..<(from + length)]
    }

    /// The length of the name in `bytes`, the field's raw bytes.
    private func nameLength(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // The value starts right after the colon unless the field was cut before it; a name byte
        // is never a colon, so a colon there is the field's.
        let afterColon = Int(valueStart)
        var end = afterColon > 0 && bytes[afterColon - 1] == ASCII.colon
            ? afterColon - 1 : bytes.firstIndex(of: ASCII.colon) ?? bytes.count
        while end > 0, ASCII.isWhitespace(bytes[end - 1]) { end -= 1 }
        return end
    }

    /// The whole field as it is serialized: name, colon, value with its folding, and line ending.
    /// For a field of the one-shot parser, the slice's indices are byte offsets into the message.
    public var rawBytes: ArraySlice<UInt8> {
        let from = storageStart
        return storage[from..<(from + length)]
    }

    /// The bytes after the colon, folding included, without the final line ending. Its indices are
    /// those of ``rawBytes``.
    public var rawValue: ArraySlice<UInt8> { rawBytes[valueRange] }

    /// Where ``rawValue`` lies within ``rawBytes``.
    public var valueRange: Range<Int> {
        let from = storageStart
        return (from + Int(valueStart))..<(from + Int(valueEnd))
    }

    /// Whether this field was read from a message (its offsets are message offsets), rather than
    /// made in code.
    public var isParsed: Bool { kind != .madeInCode }

    /// The byte offset of the field in the message, or `nil` for a field made in code.
    public var offset: Int? { isParsed ? start : nil }

    /// The byte range of the whole field, line ending included, or `nil` for a field made in code.
    public var range: Range<Int>? { isParsed ? start..<(start + length) : nil }

    /// A field of the one-shot parser: `rawBytes` is a slice of the message, whose indices are
    /// message offsets, and so are those of `valueRange`.
    init(parsed rawBytes: ArraySlice<UInt8>, in message: [UInt8], valueRange: Range<Int>) {
        let from = rawBytes.startIndex
        self.init(storage: message, start: from, length: rawBytes.count,
            valueRange: (valueRange.lowerBound - from)..<(valueRange.upperBound - from), kind: .sliceOfMessage)
    }

    /// A field read by the streaming parser: `bytes` is a copy of the field whose first byte was at
    /// message offset `offset`; `valueRange` indexes `bytes`.
    init(streamed bytes: [UInt8], valueRange: Range<Int>, offset: Int) {
        self.init(storage: bytes, start: offset, length: bytes.count, valueRange: valueRange, kind: .streamed)
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
        self.init(storage: bytes, start: 0, length: bytes.count, valueRange: (colon + 1)..<valueEnd, kind: .madeInCode)
    }

    /// Fields are equal when their bytes, their value's place in them, their offset and whether
    /// they were parsed are; the bytes around a parsed field do not count.
    public static func == (lhs: HeaderField, rhs: HeaderField) -> Bool {
        lhs.isParsed == rhs.isParsed && lhs.start == rhs.start && lhs.valueStart == rhs.valueStart
            && lhs.valueEnd == rhs.valueEnd && lhs.rawBytes.elementsEqual(rhs.rawBytes)
    }

    /// Hashes what ``==(_:_:)`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(isParsed)
        hasher.combine(start)
        hasher.combine(valueStart)
        hasher.combine(valueEnd)
        hasher.combine(length)
        rawBytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Whether the field's name is `name`, ignoring ASCII case (RFC 5322 section 1.2.2).
    public func hasName(_ name: String) -> Bool {
        // Header lookups call this for every field of a block: compare in place, without
        // slicing the storage (a slice retains it) or building a string.
        let from = storageStart
        let length = self.length
        return storage.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[from..<(from + length)])
            let nameLength = nameLength(in: bytes)
            guard nameLength == name.utf8.count else { return false }
            return ASCII.equalsIgnoringCase(UnsafeBufferPointer(rebasing: bytes[..<nameLength]), name.utf8)
        }
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
