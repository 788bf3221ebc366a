/// Byte constants and character classes shared by the RFC 5322 and MIME grammars.
///
/// The parsers work on bytes, not `String`, until a value is decoded; these helpers keep the
/// grammar code readable without a `Character` in sight.
public enum ASCII: Sendable {
    /// `HTAB`
    public static let tab: UInt8 = 0x09
    /// `LF`
    public static let lf: UInt8 = 0x0A
    /// `CR`
    public static let cr: UInt8 = 0x0D
    /// `SP`
    public static let space: UInt8 = 0x20
    /// `DQUOTE`
    public static let quote: UInt8 = 0x22
    /// `=`
    public static let equals: UInt8 = 0x3D
    /// `?`
    public static let question: UInt8 = 0x3F
    /// `:`
    public static let colon: UInt8 = 0x3A
    /// `;`
    public static let semicolon: UInt8 = 0x3B
    /// `\`
    public static let backslash: UInt8 = 0x5C
    /// `-`
    public static let hyphen: UInt8 = 0x2D

    /// `WSP = SP / HTAB` (RFC 5234 appendix B.1).
    @inlinable
    public static func isWhitespace(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// `WSP`, `CR` or `LF`.
    @inlinable
    public static func isWhitespaceOrNewline(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == cr || byte == lf
    }

    /// `DIGIT = %x30-39`.
    @inlinable
    public static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// `ALPHA = %x41-5A / %x61-7A`.
    @inlinable
    public static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// The value of a hexadecimal digit in either case, or `nil`.
    @inlinable
    public static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// The byte with ASCII uppercase letters mapped to lowercase.
    @inlinable
    public static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The bytes with ASCII letters lowercased, as a `String` written in place (invalid UTF-8
    /// repaired with U+FFFD): for tokens such as media types, whose case does not matter.
    @inlinable
    public static func lowercasedString<C: Collection<UInt8>>(_ bytes: C) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes {
                buffer[count] = lowercased(byte)
                count += 1
            }
            return count
        }
    }

    /// Whether two byte sequences are equal ignoring ASCII case.
    @inlinable
    public static func equalsIgnoringCase<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
        guard a.count == b.count else { return false }
        // Field names are looked up for every field of every message: compare native storage
        // directly when both sides have it (String.UTF8View of a native string does).
        let direct = a.withContiguousStorageIfAvailable { left in
            b.withContiguousStorageIfAvailable { right in
                for index in 0..<left.count where lowercased(left[index]) != lowercased(right[index]) {
                    return false
                }
                return true
            }
        }
        if let direct, let direct { return direct }
        return zip(a, b).allSatisfy { lowercased($0) == lowercased($1) }
    }

    /// A `String` built from bytes known or expected to be ASCII/UTF-8; invalid UTF-8 is repaired
    /// with U+FFFD so that the call never fails.
    @inlinable
    public static func string<C: Collection<UInt8>>(_ bytes: C) -> String {
        // The standard library decodes an `ArraySlice` through a dynamic cast and a byte-by-byte
        // path; contiguous memory takes its fast path.
        if let string = bytes.withContiguousStorageIfAvailable({ String(decoding: $0, as: UTF8.self) }) {
            return string
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `atext` (RFC 5322 section 3.2.3), US-ASCII only: letters, digits and the nineteen
    /// symbols the grammar lists.
    @inlinable
    public static func isAtext(_ byte: UInt8) -> Bool {
        // One bit per byte value below 128, in two words: address and message-id readers test
        // every byte of a header with it.
        let low: UInt64 = 0xA3FF_ACFA_0000_0000
        let high: UInt64 = 0x7FFF_FFFF_C7FF_FFFE
        guard byte < 128 else { return false }
        let word = byte < 64 ? low : high
        return (word >> UInt64(byte & 63)) & 1 != 0
    }
}
