internal import MIMECharset

/// Proves RFC 2047 encoded words clean without decoding them to text: each word as the decoder
/// takes it without a word of complaint, and each run of adjacent UTF-8 words decoding to
/// well-formed UTF-8 (the decoder joins a run before converting it, RFC 2047 section 6.2).
/// Used by the plain-form recognizers of address lists and unstructured fields.
struct PlainEncodedWords {
    /// The decoded bytes of the run of adjacent UTF-8 encoded words being read.
    private var pendingUTF8: [UInt8] = []
    private var pendingIsUTF8 = false

    /// Forgets the current run.
    mutating func reset() {
        pendingUTF8.removeAll(keepingCapacity: true)
        pendingIsUTF8 = false
    }

    /// `encoded-word = "=?" charset "?" encoding "?" encoded-text "?="` (RFC 2047 section 2) as
    /// the decoder takes it without a word of complaint: a common charset, at most 75 characters,
    /// non-empty text, base64 in whole groups or Q with valid escapes, and decoded bytes valid
    /// in the charset.
    mutating func word(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = word.count
        guard count >= 8, count <= EncodedWord.maximumLength, word[0] == ASCII.equals, word[1] == ASCII.question,
              word[count - 2] == ASCII.question, word[count - 1] == ASCII.equals
        else { return false }
        // The charset ends at the next "?", the encoding is one letter, the text has no "?".
        var cursor = 2
        while cursor < count - 2, word[cursor] != ASCII.question { cursor += 1 }
        let charsetEnd = cursor
        guard charsetEnd > 2, charsetEnd + 3 < count - 2, word[charsetEnd + 2] == ASCII.question,
              let charset = Charset.commonLabel(UnsafeBufferPointer(rebasing: word[2..<charsetEnd]))
        else { return false }
        let encoding = word[charsetEnd + 1] | 0x20
        let text = UnsafeBufferPointer(rebasing: word[(charsetEnd + 3)..<(count - 2)])
        guard !text.isEmpty, !text.contains(ASCII.question) else { return false }
        let isUTF8 = charset == .utf8
        if !isUTF8 || !pendingIsUTF8 { guard endRun() else { return false } }
        pendingIsUTF8 = isUTF8
        switch encoding {
        case UInt8(ascii: "b"): return decodeBase64(text, keeping: isUTF8)
        case UInt8(ascii: "q"): return decodeQ(text, keeping: isUTF8)
        default: return false
        }
    }

    /// Whole base64 groups (RFC 4648 section 4), padding only at the end of the last.
    mutating func decodeBase64(_ text: UnsafeBufferPointer<UInt8>, keeping: Bool) -> Bool {
        guard text.count % 4 == 0 else { return false }
        var offset = 0
        while offset < text.count {
            var values: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
            var padding = 0
            for position in 0..<4 {
                let byte = text[offset + position]
                let value: UInt32
                if byte == ASCII.equals {
                    // "=" only as the last one or two characters of the text.
                    guard offset + 4 == text.count, position >= 2 else { return false }
                    padding += 1
                    value = 0
                } else {
                    guard padding == 0, let decoded = Base64.sextet(of: byte) else { return false }
                    value = UInt32(decoded)
                }
                switch position {
                case 0: values.0 = value
                case 1: values.1 = value
                case 2: values.2 = value
                default: values.3 = value
                }
            }
            if keeping {
                let group = values.0 << 18 | values.1 << 12 | values.2 << 6 | values.3
                pendingUTF8.append(UInt8(truncatingIfNeeded: group >> 16))
                if padding < 2 { pendingUTF8.append(UInt8(truncatingIfNeeded: group >> 8)) }
                if padding < 1 { pendingUTF8.append(UInt8(truncatingIfNeeded: group)) }
            }
            offset += 4
        }
        return true
    }

    /// The Q encoding (RFC 2047 section 4.2) with every `=` followed by two hexadecimal digits.
    mutating func decodeQ(_ text: UnsafeBufferPointer<UInt8>, keeping: Bool) -> Bool {
        var offset = 0
        while offset < text.count {
            let byte = text[offset]
            if byte == ASCII.equals {
                guard offset + 2 < text.count, let high = ASCII.hexValue(text[offset + 1]),
                      let low = ASCII.hexValue(text[offset + 2]) else { return false }
                if keeping { pendingUTF8.append(high << 4 | low) }
                offset += 3
            } else {
                if keeping { pendingUTF8.append(byte == UInt8(ascii: "_") ? ASCII.space : byte) }
                offset += 1
            }
        }
        return true
    }

    /// Ends a run of adjacent encoded words: the UTF-8 ones must have decoded to well-formed
    /// UTF-8 (windows-1252, which the other common labels read as, maps every byte).
    mutating func endRun() -> Bool {
        defer {
            pendingUTF8.removeAll(keepingCapacity: true)
            pendingIsUTF8 = false
        }
        return !pendingIsUTF8 || pendingUTF8.withUnsafeBufferPointer { Charset.isWellFormedUTF8($0) }
    }

    /// Whether `bytes` hold `=?`, the start of an encoded word.
    static func containsEncodedWordStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == ASCII.question && previous == ASCII.equals { return true }
            previous = byte
        }
        return false
    }
}
