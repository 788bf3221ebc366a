internal import MIMECharset

/// Finds where bytes stop being well-formed UTF-8 (RFC 3629 section 4, the UTF8-octets grammar).
enum UTF8Validation {
    /// The index of the first byte that does not belong to a well-formed UTF-8 sequence, or `nil`
    /// when all of `bytes` is UTF-8 (a sequence cut short by the end counts as ill-formed).
    static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> Int? {
        let (invalid, tail) = bytes.withUnsafeBufferPointer { Charset.scanUTF8($0) }
        if let invalid { return bytes.startIndex + invalid }
        return tail > 0 ? bytes.endIndex - tail : nil
    }

    /// The length of the well-formed sequence at `index`, or 0 if there is none there (a stray
    /// continuation byte, an overlong form, a surrogate, a value over U+10FFFF, or a sequence
    /// cut short).
    static func sequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        // UTF8-2 = %xC2-DF UTF8-tail; UTF8-3 and UTF8-4 restrict their second byte.
        let (length, low, high): (Int, UInt8, UInt8)
        switch lead {
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return 0
        }
        guard bytes.endIndex - index >= length else { return 0 }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { return 0 }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// Checks UTF-8 that arrives in chunks, such as a body being transfer-decoded, without
    /// keeping it: only a sequence split between two chunks is held.
    struct Stream {
        private var carry: [UInt8] = []
        /// Whether every byte so far belongs to a well-formed sequence.
        private(set) var isValid = true

        mutating func feed(_ chunk: UnsafeRawBufferPointer) {
            guard isValid, chunk.count > 0 else { return }
            let bytes = chunk.bindMemory(to: UInt8.self)
            if carry.isEmpty {
                check(bytes)
            } else {
                // A character straddles the chunks: check it with what follows, from a copy.
                let joined = carry + bytes
                carry.removeAll()
                joined.withUnsafeBufferPointer { check($0) }
            }
        }

        private mutating func check(_ bytes: UnsafeBufferPointer<UInt8>) {
            let (invalid, tail) = Charset.scanUTF8(bytes)
            if invalid != nil {
                isValid = false
            } else if tail > 0 {
                carry = Array(bytes[(bytes.count - tail)...])
            }
        }

        /// Whether the whole input was well-formed UTF-8, with no sequence cut short at its end.
        mutating func finish() -> Bool {
            isValid && carry.isEmpty
        }
    }

    /// How many bytes at the end of `bytes` start a UTF-8 sequence that is cut off, and how many
    /// at the start are continuation bytes without a lead: the traces of a character split
    /// between two pieces.
    static func splitEdges(_ bytes: [UInt8]) -> (leading: Int, trailing: Int) {
        let leading = bytes.prefix { $0 & 0xC0 == 0x80 }.prefix(3).count
        var trailing = 0
        // Walk back over at most three continuation bytes to the lead byte that owns them.
        var index = bytes.count - 1
        var continuations = 0
        while index >= 0, bytes[index] & 0xC0 == 0x80, continuations < 3 {
            continuations += 1
            index -= 1
        }
        if index >= 0, bytes[index] >= 0xC0 {
            let needed = bytes[index] >= 0xF0 ? 4 : bytes[index] >= 0xE0 ? 3 : 2
            if continuations + 1 < needed { trailing = continuations + 1 }
        }
        return (leading, trailing)
    }
}
