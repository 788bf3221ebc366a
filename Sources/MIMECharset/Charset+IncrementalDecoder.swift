extension Charset {
    /// Converts a byte stream that arrives in chunks, keeping the conversion state between them:
    /// a multibyte character split across two chunks decodes as if the bytes were contiguous, and
    /// stateful charsets such as ISO-2022-JP keep their shift state (RFC 2046 section 4.1.2).
    ///
    /// Non-copyable because it owns an ICU converter, which must never be used from two places at
    /// once; it may be moved to another task.
    public struct IncrementalDecoder: ~Copyable, @unchecked Sendable {
        /// The charset being decoded.
        public let charset: Charset
        private let converter: ICUConverter?
        /// Bytes at the end of the previous chunk that begin an incomplete UTF-8 sequence.
        private var pendingUTF8: [UInt8] = []
        /// A UTF-16 high surrogate whose low half has not been produced yet.
        private var pendingLeadSurrogate: UInt16?
        /// Bytes consumed before the current chunk, to report stream offsets.
        private var consumed = 0
        private var firstError: Int?
        private var finished = false

        /// Creates a decoder for `charset`.
        public init(charset: Charset) {
            self.charset = charset
            self.converter = charset.engine == .icu ? ICUConverter(name: charset.name) : nil
        }

        /// The offset in the stream of the first invalid or unmappable byte seen so far.
        public var firstErrorOffset: Int? { firstError }

        /// Converts the next chunk. Bytes that begin a character completed by a later chunk are
        /// held back until then. Pass `isFinal: true` with the last chunk (or call ``finish()``)
        /// so that an incomplete sequence at the end of the stream is reported as an error.
        ///
        /// The result's `firstErrorOffset` is relative to the start of the stream.
        public mutating func decode<Bytes: Collection<UInt8>>(_ chunk: Bytes, isFinal: Bool = false) -> Decoded {
            if let result = chunk.withContiguousStorageIfAvailable({ decode(buffer: $0, isFinal: isFinal) }) {
                return result
            }
            return Array(chunk).withUnsafeBufferPointer { decode(buffer: $0, isFinal: isFinal) }
        }

        /// Ends the stream: an incomplete character left from the last chunk becomes U+FFFD.
        public mutating func finish() -> Decoded {
            decode(buffer: UnsafeBufferPointer(start: nil, count: 0), isFinal: true)
        }

        private mutating func decode(buffer: UnsafeBufferPointer<UInt8>, isFinal: Bool) -> Decoded {
            guard !finished else { return Decoded(text: "", firstErrorOffset: nil) }
            finished = isFinal
            let chunkStart = consumed
            consumed += buffer.count
            let chunkError: Int?
            let text: String
            switch charset.engine {
            case .utf8:
                (text, chunkError) = decodeUTF8(buffer, chunkStart: chunkStart, isFinal: isFinal)
            case .ascii, .latin1, .windows1252:
                let decoded = charset.decode(buffer: buffer)
                (text, chunkError) = (decoded.text, decoded.firstErrorOffset.map { $0 + chunkStart })
            case .icu:
                (text, chunkError) = decodeICU(buffer, chunkStart: chunkStart, isFinal: isFinal)
            }
            if firstError == nil { firstError = chunkError }
            return Decoded(text: text, firstErrorOffset: chunkError)
        }

        private mutating func decodeUTF8(
            _ buffer: UnsafeBufferPointer<UInt8>, chunkStart: Int, isFinal: Bool
        ) -> (String, Int?) {
            var bytes = pendingUTF8
            let pendingCount = pendingUTF8.count
            pendingUTF8.removeAll(keepingCapacity: true)
            bytes.append(contentsOf: buffer)
            return bytes.withUnsafeBufferPointer { all in
                let tail = isFinal ? 0 : UTF8Validation.incompleteTail(all)
                let end = all.count - tail
                pendingUTF8.append(contentsOf: all[end...])
                let body = UnsafeBufferPointer(rebasing: all[0..<end])
                let error = UTF8Validation.firstError(body)
                let text = String(decoding: body, as: UTF8.self)
                return (text, error.map { chunkStart - pendingCount + $0 })
            }
        }

        private mutating func decodeICU(
            _ buffer: UnsafeBufferPointer<UInt8>, chunkStart: Int, isFinal: Bool
        ) -> (String, Int?) {
            guard let converter else { return (buffer.isEmpty ? "" : "\u{FFFD}", buffer.isEmpty ? nil : chunkStart) }
            var units: [UInt16] = []
            units.reserveCapacity(buffer.count + 1)
            if let lead = pendingLeadSurrogate {
                units.append(lead)
                pendingLeadSurrogate = nil
            }
            let error = converter.toUnicode(buffer, flush: isFinal, into: &units)
            if !isFinal, let last = units.last, UTF16.isLeadSurrogate(last) {
                pendingLeadSurrogate = units.removeLast()
            }
            return (String(decoding: units, as: UTF16.self), error.map { Swift.max(0, chunkStart + $0) })
        }
    }
}
