internal import MIMECore

/// RFC 2047 section 5: "Each 'encoded-word' MUST represent an integral number of characters. A
/// multi-octet character may not be split across adjacent 'encoded-word's."
///
/// The library decodes adjacent words of one charset together (as readers do), so it cannot see
/// the split; this check decodes each UTF-8 word on its own and looks at its edges.
enum EncodedWordSplitCheck {
    /// One finding per field, at the first word whose last character is cut off.
    static func findings(in field: HeaderField) -> [Finding] {
        let value = field.rawValue
        guard let fieldOffset = field.offset, value.count >= 8 else { return [] }
        let delta = fieldOffset - field.rawBytes.startIndex
        var index = value.startIndex
        while index + 1 < value.endIndex {
            guard value[index] == ASCII.equals, value[index + 1] == ASCII.question,
                  let word = Word(value, at: index) else {
                index += 1
                continue
            }
            if word.isUTF8, UTF8Validation.splitEdges(word.decoded).trailing > 0 {
                return [Finding(.encodedWordSplit, at: (word.range.lowerBound + delta)..<(word.range.upperBound + delta),
                                "encoded word ends in the middle of a UTF-8 character; the rest is in the next word")]
            }
            index = word.range.upperBound
        }
        return []
    }

    /// One `=?charset?encoding?text?=` token (RFC 2047 section 2).
    struct Word {
        var range: Range<Int>
        var isUTF8: Bool
        /// The decoded text of a UTF-8 word; empty for other charsets, which are not checked.
        var decoded: [UInt8]

        init?(_ value: ArraySlice<UInt8>, at start: Int) {
            // charset "?" encoding "?" encoded-text "?="; the charset may carry an RFC 2231 language.
            var index = start + 2
            let charsetStart = index
            while index < value.endIndex, value[index] != ASCII.question, value[index] > ASCII.space { index += 1 }
            guard index + 2 < value.endIndex, value[index] == ASCII.question, value[index + 2] == ASCII.question else {
                return nil
            }
            // The label up to an RFC 2231 "*language" suffix, compared as bytes: most words are
            // in other charsets and need no decoding at all.
            var labelEnd = charsetStart
            while labelEnd < index, value[labelEnd] != UInt8(ascii: "*") { labelEnd += 1 }
            let label = value[charsetStart..<labelEnd]
            let encoding = value[index + 1] | 0x20
            let textStart = index + 3
            var end = textStart
            while end + 1 < value.endIndex, !(value[end] == ASCII.question && value[end + 1] == ASCII.equals) {
                guard value[end] > ASCII.space else { return nil }
                end += 1
            }
            guard end + 1 < value.endIndex else { return nil }
            let text = value[textStart..<end]
            range = start..<(end + 2)
            isUTF8 = ASCII.equalsIgnoringCase(label, "utf-8".utf8) || ASCII.equalsIgnoringCase(label, "utf8".utf8)
            switch encoding {
            case UInt8(ascii: "b"): decoded = isUTF8 ? Base64.decode(text).bytes : []
            case UInt8(ascii: "q"): decoded = isUTF8 ? Self.decodeQ(text) : []
            default: return nil
            }
        }

        /// The Q encoding (RFC 2047 section 4.2): `_` is a space, `=XX` a byte.
        static func decodeQ(_ text: ArraySlice<UInt8>) -> [UInt8] {
            var bytes: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let byte = text[index]
                if byte == ASCII.equals, index + 2 < text.endIndex,
                   let high = ASCII.hexValue(text[index + 1]), let low = ASCII.hexValue(text[index + 2]) {
                    bytes.append(high << 4 | low)
                    index += 3
                } else {
                    bytes.append(byte == UInt8(ascii: "_") ? ASCII.space : byte)
                    index += 1
                }
            }
            return bytes
        }
    }
}
