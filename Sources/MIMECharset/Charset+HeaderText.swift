extension Charset {
    /// Raw 8-bit header text converted to a `String`, with the charset that was used (RFC 6532
    /// section 3.2 for UTF-8; a guessed legacy charset otherwise).
    public struct HeaderText: Sendable, Hashable {
        /// The text.
        public var text: String
        /// `.utf8` when the bytes were well-formed UTF-8 (which includes plain ASCII), otherwise the
        /// fallback charset.
        public var charset: Charset
        /// The offset of the first byte the charset could not convert, or `nil`.
        public var firstErrorOffset: Int?

        /// Whether the bytes were not UTF-8, so the fallback charset was guessed.
        public var usedFallback: Bool { charset != .utf8 }
    }

    /// Decodes header bytes that are not inside an encoded word: UTF-8 when the bytes are
    /// well-formed UTF-8, as RFC 6532 section 3.2 allows in header fields, otherwise `fallback`.
    ///
    /// Raw 8-bit text in headers predates RFC 6532 and is usually in the sender's legacy charset;
    /// windows-1252 (the default) is the guess that mail clients make and cannot fail, since it
    /// maps every byte. Well-formed UTF-8 is almost never the accidental result of legacy text, so
    /// trying it first is safe.
    public static func decodeHeaderBytes<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, fallback: Charset = .windows1252
    ) -> HeaderText {
        if let result = bytes.withContiguousStorageIfAvailable({ decodeHeaderBytes(buffer: $0, fallback: fallback) }) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer { decodeHeaderBytes(buffer: $0, fallback: fallback) }
    }

    static func decodeHeaderBytes(buffer: UnsafeBufferPointer<UInt8>, fallback: Charset) -> HeaderText {
        if let text = String(validating: buffer, as: UTF8.self) {
            return HeaderText(text: text, charset: .utf8, firstErrorOffset: nil)
        }
        let decoded = fallback.decode(buffer: buffer)
        return HeaderText(text: decoded.text, charset: fallback, firstErrorOffset: decoded.firstErrorOffset)
    }
}
