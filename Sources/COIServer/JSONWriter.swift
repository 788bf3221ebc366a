/// Writes JSON texts (RFC 8259) byte by byte, with the WebPush spec's truncation of string
/// members.
///
/// Truncation works on the escaped form because the spec counts "bytes as a JSON string": the
/// escaped text of a member is cut at the last boundary at or below the limit that neither splits
/// a UTF-8 sequence nor an escape such as `\u0001` or `\"`, and U+2026 HORIZONTAL ELLIPSIS follows
/// the cut.
struct JSONWriter {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var hasMember = false

    /// The UTF-8 bytes of U+2026, appended after a cut.
    static let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]

    /// The escaped form of `text` (without quotes) and whether it was cut to `limit` bytes.
    static func escaped(_ text: String, limit: Int? = nil) -> (bytes: [UInt8], truncated: Bool) {
        var output: [UInt8] = []
        for scalar in text.unicodeScalars {
            var piece: [UInt8]
            switch scalar {
            case "\"": piece = Array("\\\"".utf8)
            case "\\": piece = Array("\\\\".utf8)
            case "\n": piece = Array("\\n".utf8)
            case "\r": piece = Array("\\r".utf8)
            case "\t": piece = Array("\\t".utf8)
            case "\u{08}": piece = Array("\\b".utf8)
            case "\u{0C}": piece = Array("\\f".utf8)
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                // Other controls, DEL and the JavaScript line terminators go as \u escapes so
                // that no receiver misreads them.
                piece = Array("\\u".utf8) + hex4(UInt16(scalar.value))
            default:
                piece = Array(String(Character(scalar)).utf8)
            }
            // Each escape or scalar is appended whole, so a cut never lands inside one.
            if let limit, output.count + piece.count > limit {
                output.append(contentsOf: ellipsis)
                return (output, true)
            }
            output.append(contentsOf: piece)
        }
        return (output, false)
    }

    private static func hex4(_ value: UInt16) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [12, 8, 4, 0].map { digits[Int((value >> UInt16($0)) & 0xF)] }
    }

    /// The value of an ASCII hexadecimal digit, or `nil`.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private mutating func name(_ name: String) {
        if hasMember { bytes.append(UInt8(ascii: ",")) }
        hasMember = true
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: JSONWriter.escaped(name).bytes)
        bytes.append(contentsOf: Array("\":".utf8))
    }

    /// Appends a string member, cut to `limit` escaped bytes (plus the ellipsis) when given.
    mutating func string(_ name: String, _ value: String, limit: Int? = nil) {
        self.name(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: JSONWriter.escaped(value, limit: limit).bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends an integer member.
    mutating func integer(_ name: String, _ value: some BinaryInteger) {
        self.name(name)
        bytes.append(contentsOf: Array(String(value).utf8))
    }

    /// Appends a boolean member.
    mutating func bool(_ name: String, _ value: Bool) {
        self.name(name)
        bytes.append(contentsOf: Array((value ? "true" : "false").utf8))
    }

    /// Appends an object member whose members `body` writes.
    mutating func object(_ name: String, _ body: (inout JSONWriter) -> Void) {
        self.name(name)
        var inner = JSONWriter()
        body(&inner)
        bytes.append(contentsOf: inner.finished())
    }

    /// The finished object text.
    func finished() -> [UInt8] { bytes + [UInt8(ascii: "}")] }
}
