internal import CICU

/// A character set named in MIME (`charset=` parameters, RFC 2047 encoded words), resolved through
/// ICU so that every IANA name and alias ICU knows is accepted.
///
/// See RFC 2046 section 4.1.2 and RFC 2978 (IANA charset registration).
public struct Charset: Sendable, Hashable, CustomStringConvertible {
    /// The name ICU opens this charset under, such as `"UTF-8"` or `"ISO-8859-1"`.
    public let name: String

    private init(resolvedName: String) { self.name = resolvedName }

    /// Resolves a charset label as found in mail, or returns `nil` when ICU does not know it.
    ///
    /// Labels are matched the way ICU matches aliases: case, `-` and `_` do not matter.
    public init?(_ label: String) {
        let trimmed = label.trimmingASCIIWhitespaceAndQuotes()
        guard !trimmed.isEmpty, trimmed.utf8.count < 64 else { return nil }
        var err = U_ZERO_ERROR
        guard let converter = cicu_ucnv_open(trimmed, &err), cicu_failure(err) == 0 else { return nil }
        defer { cicu_ucnv_close(converter) }
        var nameErr = U_ZERO_ERROR
        guard let cName = cicu_ucnv_getName(converter, &nameErr), cicu_failure(nameErr) == 0 else { return nil }
        self.init(resolvedName: String(cString: cName))
    }

    /// UTF-8.
    public static let utf8 = Charset(resolvedName: "UTF-8")

    public var description: String { name }

    /// The result of converting bytes to text.
    public struct Decoded: Sendable, Hashable {
        /// The text; unconvertible sequences are replaced by U+FFFD.
        public var text: String
        /// Whether any byte sequence was invalid or unmappable in the charset.
        public var hadErrors: Bool
    }

    /// Converts bytes in this charset to text, replacing what cannot be converted with U+FFFD.
    public func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Decoded {
        if let fast = bytes.withContiguousStorageIfAvailable({ decodeBuffer($0) }) {
            return fast
        }
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { decodeBuffer($0) }
    }

    private func decodeBuffer(_ buffer: UnsafeBufferPointer<UInt8>) -> Decoded {
        if buffer.isEmpty { return Decoded(text: "", hadErrors: false) }
        if name == "UTF-8" {
            if let text = String(validating: buffer, as: UTF8.self) {
                return Decoded(text: text, hadErrors: false)
            }
            return Decoded(text: String(decoding: buffer, as: UTF8.self), hadErrors: true)
        }
        if let text = convertWithICU(buffer, stopOnError: true) {
            return Decoded(text: text, hadErrors: false)
        }
        return Decoded(text: convertWithICU(buffer, stopOnError: false) ?? "", hadErrors: true)
    }

    private func convertWithICU(_ buffer: UnsafeBufferPointer<UInt8>, stopOnError: Bool) -> String? {
        var err = U_ZERO_ERROR
        guard let converter = cicu_ucnv_open(name, &err), cicu_failure(err) == 0 else { return nil }
        defer { cicu_ucnv_close(converter) }
        if stopOnError {
            cicu_ucnv_setToUStop(converter, &err)
        }
        guard buffer.count < Int(Int32.max) / 4 else { return nil }
        // Every byte yields at most two UTF-16 units in the charsets ICU ships.
        let capacity = buffer.count * 2 + 16
        var units = [UInt16](repeating: 0, count: capacity)
        let length = units.withUnsafeMutableBufferPointer { dest -> Int32 in
            buffer.withMemoryRebound(to: CChar.self) { src in
                cicu_ucnv_toUChars(converter, dest.baseAddress, Int32(capacity), src.baseAddress, Int32(src.count), &err)
            }
        }
        guard cicu_failure(err) == 0 else { return nil }
        return String(decoding: units[0..<Int(length)], as: UTF16.self)
    }
}

extension String {
    fileprivate func trimmingASCIIWhitespaceAndQuotes() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\"" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\"" { scalars.removeLast() }
        return String(scalars)
    }
}
