/// How a line at the start of, or inside, a header block reads (RFC 5322 section 2.2 and
/// section 4.5 for the obsolete whitespace before the colon).
///
/// Shared by the one-shot and the streaming parser so that both split header blocks the same way.
enum HeaderLine {
    /// The longest `field-name` plus whitespace before the colon that is read as a field. RFC 5322
    /// section 2.1.1 limits lines to 998 octets; the bound lets a streaming parser decide what a
    /// line is after a bounded look-ahead.
    static let maximumNameLength = 998

    /// What the start of a line says.
    enum FieldStart {
        /// A field: `field-name *WSP ":"`, with the colon's absolute position and the end of the
        /// name.
        case field(colon: Int, nameEnd: Int)
        case notAField
        case needMoreInput
    }

    /// Reads `field-name *WSP ":"` at absolute `start` in `buffer`, which holds the input from
    /// absolute offset `base`.
    @inline(__always)
    static func fieldStart(in buffer: UnsafeRawBufferPointer, base: Int, at start: Int, isFinal: Bool) -> FieldStart {
        let begin = start - base
        let limit = min(buffer.count, begin + maximumNameLength + 1)
        var index = begin
        while index < limit, HeaderField.isFieldNameByte(buffer[index]) { index += 1 }
        if index == limit, limit < begin + maximumNameLength + 1, !isFinal { return .needMoreInput }
        guard index > begin else { return .notAField }
        let nameEnd = index
        while index < limit, ASCII.isWhitespace(buffer[index]) { index += 1 }
        if index == limit {
            return limit < begin + maximumNameLength + 1 && !isFinal ? .needMoreInput : .notAField
        }
        guard buffer[index] == ASCII.colon else { return .notAField }
        return .field(colon: base + index, nameEnd: base + nameEnd)
    }
}
