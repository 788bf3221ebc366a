/// Serializes a ``JSONValue`` as pretty-printed JSON text (RFC 8259).
///
/// The layout is fixed so that output is byte-for-byte stable: two-space indentation, one member
/// or element per line, `"name": value` with one space after the colon, `[]` and `{}` for empty
/// containers, and a final newline. Non-ASCII text is written as UTF-8, not as `\u` escapes, so
/// that fixture files stay readable.
public struct JSONWriter: Sendable {
    /// The indentation unit.
    public var indent: String

    /// Creates a writer; the default indentation is two spaces.
    public init(indent: String = "  ") {
        self.indent = indent
    }

    /// The JSON text of `value`, ending in a newline.
    public func string(for value: JSONValue) -> String {
        var out = ""
        write(value, depth: 0, into: &out)
        out.append("\n")
        return out
    }

    private func write(_ value: JSONValue, depth: Int, into out: inout String) {
        switch value {
        case .null:
            out.append("null")
        case .bool(let flag):
            out.append(flag ? "true" : "false")
        case .int(let number):
            out.append(String(number))
        case .string(let text):
            JSONWriter.appendQuoted(text, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else {
                out.append("[]")
                return
            }
            out.append("[\n")
            for (index, element) in elements.enumerated() {
                appendIndent(depth + 1, to: &out)
                write(element, depth: depth + 1, into: &out)
                out.append(index + 1 < elements.count ? ",\n" : "\n")
            }
            appendIndent(depth, to: &out)
            out.append("]")
        case .object(let members):
            guard !members.isEmpty else {
                out.append("{}")
                return
            }
            out.append("{\n")
            for (index, member) in members.enumerated() {
                appendIndent(depth + 1, to: &out)
                JSONWriter.appendQuoted(member.name, to: &out)
                out.append(": ")
                write(member.value, depth: depth + 1, into: &out)
                out.append(index + 1 < members.count ? ",\n" : "\n")
            }
            appendIndent(depth, to: &out)
            out.append("}")
        }
    }

    private func appendIndent(_ depth: Int, to out: inout String) {
        for _ in 0..<depth { out.append(indent) }
    }

    /// Appends `text` as a JSON string literal.
    ///
    /// RFC 8259 section 7 requires escaping the quotation mark, the reverse solidus and the
    /// control characters U+0000 through U+001F; the two-character forms are used where the RFC
    /// defines one, `\u00XX` otherwise. Everything else, DEL and non-ASCII included, is written
    /// as is.
    public static func appendQuoted(_ text: String, to out: inout String) {
        let hexDigits = Array("0123456789abcdef")
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{00}"..."\u{1F}":
                out.append("\\u00")
                out.append(hexDigits[Int(scalar.value >> 4)])
                out.append(hexDigits[Int(scalar.value & 0x0F)])
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
