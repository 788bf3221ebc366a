extension ContentType {
    /// What a checker or a fast path needs of a `Content-Type` value in the plain form, read
    /// without building a ``ContentType`` (no strings, no parameter table): see
    /// ``plainSummary(_:)``.
    public struct PlainSummary: Sendable {
        /// The type is `text` (in any case).
        public var isText: Bool
        /// The subtype as written.
        public var subtype: ArraySlice<UInt8>
        /// The `charset` parameter's value as written, without quotes.
        public var charset: ArraySlice<UInt8>?
    }

    /// The summary of a `Content-Type` value in which ``parse(_:options:diagnostics:)`` finds
    /// nothing to report, proved by one pass over the bytes; `nil` for any other value.
    ///
    /// The plain form is `type "/" subtype *(";" attribute "=" value)` (RFC 2045 section 5.1)
    /// with white space or folding between the tokens, at most 16 parameters of distinct plain
    /// names (no RFC 2231 `*`), each value a token or a quoted string of printable ASCII without
    /// quoted pairs or `=?`, and for a multipart a boundary within RFC 2046 section 5.1.1.
    public static func plainSummary(_ value: ArraySlice<UInt8>) -> PlainSummary? {
        value.withUnsafeBufferPointer { buffer in
            var reader = PlainFieldReader(bytes: buffer)
            guard let summary = reader.readContentType() else { return nil }
            let base = value.startIndex
            return PlainSummary(isText: summary.isText, subtype: value[(base + summary.subtype.lowerBound)..<(base + summary.subtype.upperBound)],
                                charset: summary.charset.map { value[(base + $0.lowerBound)..<(base + $0.upperBound)] })
        }
    }
}
