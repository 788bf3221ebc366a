extension Charset {
    /// Converts text to bytes in this charset, or returns `nil` when a character cannot be
    /// represented in it (RFC 2046 section 4.1.2), so that the caller can choose another charset.
    ///
    /// Charsets with a byte order mark (UTF-16, UTF-32) write one, as ICU does.
    public func encode(_ text: String) -> [UInt8]? {
        switch engine {
        case .utf8:
            return Array(text.utf8)
        case .ascii:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                guard byte < 0x80 else { return nil }
                bytes.append(byte)
            }
            return bytes
        case .latin1:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                guard scalar.value < 0x100 else { return nil }
                bytes.append(UInt8(scalar.value))
            }
            return bytes
        case .windows1252:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                if scalar.value < 0x80 || (scalar.value >= 0xA0 && scalar.value < 0x100) {
                    bytes.append(UInt8(scalar.value))
                } else if let byte = SingleByteTables.windows1252Reverse[scalar.value] {
                    bytes.append(byte)
                } else {
                    return nil
                }
            }
            return bytes
        case .icu:
            guard let converter = ICUConverter(name: name) else { return nil }
            let units = Array(text.utf16)
            return units.withUnsafeBufferPointer { converter.fromUnicode($0) }
        }
    }
}
