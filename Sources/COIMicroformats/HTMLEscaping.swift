/// Escaping for the two contexts the renderers write: element text and double-quoted attribute
/// values (HTML Living Standard, "Serialising HTML fragments", with `<`/`>` also escaped in
/// attributes so that the output is safe for lax readers too).
///
/// Characters HTML cannot carry are replaced with U+FFFD: NUL and the C0 controls other than
/// tab and line feed, and carriage return (HTML parsers turn it into line feed, so it could not
/// survive a round trip).
public enum HTMLEscaping {
    /// `text` escaped for element content: `&`, `<`, `>`.
    public static func text(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// `value` escaped for a double- or single-quoted attribute value: `&`, `<`, `>`, `"`, `'`.
    public static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    private static func escape(_ input: String, quotes: Bool) -> String {
        var output = ""
        output.reserveCapacity(input.utf8.count)
        for scalar in input.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "'" where quotes: output += "&#39;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
