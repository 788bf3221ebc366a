/// Single-byte charsets decoded without ICU.
enum SingleByteTables {
    /// windows-1252 bytes 0x80-0x9F, from the WHATWG Encoding Standard's `index-windows-1252`,
    /// where the five bytes Microsoft leaves unassigned map to the C1 control of the same value.
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The full 256-entry windows-1252 table.
    static let windows1252: [Unicode.Scalar] = (0..<256).map { byte in
        let value = byte >= 0x80 && byte < 0xA0 ? UInt32(windows1252High[byte - 0x80]) : UInt32(byte)
        return Unicode.Scalar(value)!
    }

    /// Unicode scalar to windows-1252 byte for the 27 characters of 0x80-0x9F that differ from
    /// ISO-8859-1.
    static let windows1252Reverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (offset, unit) in windows1252High.enumerated() { map[UInt32(unit)] = UInt8(0x80 + offset) }
        return map
    }()

    /// Decodes bytes through a single-byte mapping. `isError` marks bytes that are not part of the
    /// charset; they become U+FFFD.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, baseOffset: Int, table: [Unicode.Scalar]?, isError: (UInt8) -> Bool
    ) -> Charset.Decoded {
        // Header text is mostly ASCII, which every supported single-byte charset maps to itself.
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return Charset.Decoded(text: String(decoding: bytes, as: UTF8.self), firstErrorOffset: nil)
        }
        var text = ""
        text.unicodeScalars.reserveCapacity(bytes.count)
        var firstError: Int?
        for (offset, byte) in bytes.enumerated() {
            if isError(byte) {
                if firstError == nil { firstError = baseOffset + offset }
                text.unicodeScalars.append("\u{FFFD}")
            } else if let table {
                text.unicodeScalars.append(table[Int(byte)])
            } else {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return Charset.Decoded(text: text, firstErrorOffset: firstError)
    }
}
