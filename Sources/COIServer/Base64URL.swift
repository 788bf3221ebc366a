/// The base64url alphabet of RFC 4648 section 5, which Web Push (RFC 8291 section 3.3, RFC 8292
/// section 3) uses for keys, and JWS (RFC 7515) for tokens.
///
/// Separate from `MIMECodecs.Base64`, whose decoder is built for MIME bodies: lenient, line
/// breaks skipped, standard alphabet only. Key material from a client is short and must be exact,
/// so this decoder is strict: every byte must belong to the alphabet, and the unused low bits of
/// the last character must be zero, so that one key has one spelling.
public enum Base64URL: Sendable {
    /// Why a text is not base64 or base64url: the offset of the offending character, or the
    /// text's length for a bad ending.
    public typealias DecodingError = InvalidValue

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Encodes `bytes` as base64url without padding (RFC 7515 appendix C).
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                output.append(alphabet[Int((buffer >> UInt32(bits)) & 0x3F)])
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(6 - bits)) & 0x3F)]) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes base64url, and also the standard alphabet with `=` padding that some clients send
    /// (the WebPush spec's own subscription example does); alphabets may not be mixed.
    public static func decode(_ text: String) throws(DecodingError) -> [UInt8] {
        let input = Array(text.utf8)
        var end = input.count
        // Up to two trailing "=" are accepted and must complete a four-character group.
        while end > 0, input[end - 1] == UInt8(ascii: "="), input.count - end < 2 { end -= 1 }
        if end < input.count, input.count % 4 != 0 {
            throw DecodingError(offset: end, description: "padding does not complete a four-character group")
        }
        var output: [UInt8] = []
        output.reserveCapacity(end * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        var sawURL = false
        var sawStandard = false
        for index in 0..<end {
            let byte = input[index]
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "-"): value = 62; sawURL = true
            case UInt8(ascii: "_"): value = 63; sawURL = true
            case UInt8(ascii: "+"): value = 62; sawStandard = true
            case UInt8(ascii: "/"): value = 63; sawStandard = true
            default: throw DecodingError(offset: index, description: "byte 0x\(String(byte, radix: 16)) is not base64")
            }
            if sawURL && sawStandard {
                throw DecodingError(offset: index, description: "base64url and standard base64 characters mixed")
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        // A single leftover character (6 bits) cannot encode a byte; leftover bits must be zero.
        if end % 4 == 1 { throw DecodingError(offset: end, description: "truncated base64 group") }
        if bits > 0, buffer & ((1 << UInt32(bits)) - 1) != 0 {
            throw DecodingError(offset: end - 1, description: "non-zero bits after the last byte")
        }
        return output
    }
}
