extension Charset {
    /// The result of converting bytes in some charset to text (RFC 2046 section 4.1.2).
    public struct Decoded: Sendable, Hashable {
        /// The text; each byte sequence that is invalid or unmappable in the charset is replaced by
        /// U+FFFD.
        public var text: String
        /// The offset of the first invalid or unmappable byte, relative to the start of the
        /// converted bytes (for an ``IncrementalDecoder``, of the whole stream), or `nil` when the
        /// conversion lost nothing.
        public var firstErrorOffset: Int?

        /// Creates a result.
        public init(text: String, firstErrorOffset: Int?) {
            self.text = text
            self.firstErrorOffset = firstErrorOffset
        }

        /// Whether any byte sequence was invalid or unmappable, so that `text` holds U+FFFD
        /// replacements.
        public var hadErrors: Bool { firstErrorOffset != nil }
    }

    /// Converts bytes in this charset to text, replacing what cannot be converted with U+FFFD and
    /// reporting where the first such byte is (RFC 2046 section 4.1.2).
    public func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Decoded {
        if let result = bytes.withContiguousStorageIfAvailable({ decode(buffer: $0) }) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    /// Converts the bytes of a raw buffer; see ``decode(_:)``.
    public func decode(_ bytes: UnsafeRawBufferPointer) -> Decoded {
        decode(buffer: bytes.bindMemory(to: UInt8.self))
    }

    func decode(buffer: UnsafeBufferPointer<UInt8>) -> Decoded {
        if buffer.isEmpty { return Decoded(text: "", firstErrorOffset: nil) }
        switch engine {
        case .utf8:
            if let text = String(validating: buffer, as: UTF8.self) {
                return Decoded(text: text, firstErrorOffset: nil)
            }
            let firstError = UTF8Validation.firstError(buffer)
            return Decoded(text: String(decoding: buffer, as: UTF8.self), firstErrorOffset: firstError)
        case .ascii:
            return SingleByteTables.decode(buffer, baseOffset: 0, table: nil, isError: { $0 >= 0x80 })
        case .latin1:
            return SingleByteTables.decode(buffer, baseOffset: 0, table: nil, isError: { _ in false })
        case .windows1252:
            return SingleByteTables.decode(
                buffer, baseOffset: 0, table: SingleByteTables.windows1252, isError: { _ in false })
        case .icu:
            guard let converter = ICUConverter(name: name) else {
                // The charset resolved when it was created; ICU failing to open it now means it is
                // out of memory. Report everything as lost rather than crash.
                return Decoded(text: String(repeating: "\u{FFFD}", count: 1), firstErrorOffset: 0)
            }
            var units: [UInt16] = []
            units.reserveCapacity(buffer.count)
            let firstError = converter.toUnicode(buffer, flush: true, into: &units)
            let text = String(decoding: units, as: UTF16.self)
            return Decoded(text: text, firstErrorOffset: firstError.map { Swift.max(0, $0) })
        }
    }
}

extension Charset {
    /// Whether `bytes` are well-formed UTF-8 (RFC 3629 section 4), checked without building a
    /// string: a validator can then tell that decoding them would report nothing.
    public static func isWellFormedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let result = UTF8Validation.scan(bytes)
        return result.firstError == nil && result.incompleteTail == 0
    }

    /// Where `bytes` stop being well-formed UTF-8 (RFC 3629 section 4), without building a string:
    /// the offset of the first ill-formed sequence, and the length (0 to 3) of a well-formed
    /// sequence that the end of the buffer cuts short, which a following chunk may complete.
    public static func scanUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (firstInvalidOffset: Int?, incompleteTail: Int) {
        let result = UTF8Validation.scan(bytes)
        return (result.firstError, result.incompleteTail)
    }
}
