/// UTF-8 well-formedness as defined by Unicode's Table 3-7 (RFC 3629 section 4), with the
/// positions the decoders need: where the first ill-formed sequence starts, and how many bytes at
/// the end are a sequence cut short by the end of the buffer.
enum UTF8Validation {
    struct Result {
        /// Offset of the first ill-formed sequence, not counting an incomplete sequence at the end.
        var firstError: Int?
        /// Length of a well-formed but incomplete sequence that ends the buffer (0 to 3).
        var incompleteTail: Int
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                // Text is mostly ASCII: skip it eight bytes at a time.
                while index + 8 <= count,
                      UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                        & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                continue
            }
            var needed = 0
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: needed = 1
            case 0xE0: needed = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: needed = 2
            case 0xED: needed = 2; upper = 0x9F
            case 0xF0: needed = 3; lower = 0x90
            case 0xF1...0xF3: needed = 3
            case 0xF4: needed = 3; upper = 0x8F
            default: return Result(firstError: index, incompleteTail: 0)
            }
            for continuation in 1...needed {
                if index + continuation >= count {
                    return Result(firstError: nil, incompleteTail: count - index)
                }
                let byte = bytes[index + continuation]
                let (low, high) = continuation == 1 ? (lower, upper) : (0x80, 0xBF)
                if byte < low || byte > high {
                    return Result(firstError: index, incompleteTail: 0)
                }
            }
            index += needed + 1
        }
        return Result(firstError: nil, incompleteTail: 0)
    }

    /// The offset of the first ill-formed byte sequence, counting a truncated final sequence, or
    /// `nil` when the bytes are well-formed UTF-8.
    static func firstError(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let result = scan(bytes)
        if let error = result.firstError { return error }
        return result.incompleteTail > 0 ? bytes.count - result.incompleteTail : nil
    }

    /// The length of a well-formed but incomplete sequence at the end of the buffer (0 to 3),
    /// whatever comes before it.
    static func incompleteTail(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var length = 1
        while length <= Swift.min(3, count) {
            let byte = bytes[count - length]
            if byte & 0xC0 == 0x80 {
                length += 1
                continue
            }
            if byte < 0x80 { return 0 }
            let result = scan(UnsafeBufferPointer(rebasing: bytes[(count - length)...]))
            return result.firstError == nil ? result.incompleteTail : 0
        }
        return 0
    }
}
