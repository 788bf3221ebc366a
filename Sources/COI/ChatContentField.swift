public import MIMECodecs
public import MIMECore

/// A parsed `Chat-Content` field: `value *( ";" parameter )`, read leniently.
///
/// The spec writes parameters with unquoted spaces (`categories=friend, family`) and a bare
/// trailing `;` (`deleterequest;`); both are accepted with an `info` finding, and this library
/// emits quoted values and no trailing `;`.
public struct ChatContentField: Sendable, Hashable {
    /// The field value as sent: unfolded, surrounding white space removed.
    public var text: String
    /// The value before the first `;`.
    public var value: ChatContent
    /// The parameters, names lowercased, values unquoted.
    public var parameters: [(name: String, value: String)]
    /// Problems with the spelling.
    public var findings: [Diagnostic]

    /// Equality over the text, which determines everything else.
    public static func == (lhs: ChatContentField, rhs: ChatContentField) -> Bool { lhs.text == rhs.text }
    /// Hashes the text.
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The `categories` parameter of a profile part, split at commas and trimmed.
    public var categories: [String] {
        guard let list = parameters.first(where: { $0.name == "categories" })?.value else { return [] }
        return list.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// Parses a field; offsets in findings are those of the field in its message.
    public init(_ field: HeaderField) {
        let bytes = field.unfoldedValue
        let base = field.range.map { $0.lowerBound + (field.valueRange.lowerBound - field.rawBytes.startIndex) } ?? 0
        self.init(bytes: bytes, offset: base)
    }

    /// Parses a field value held in a string.
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8), offset: 0)
    }

    init(bytes: [UInt8], offset: Int) {
        let trimmed = Array(COIBytes.trimmed(bytes))
        text = String(decoding: trimmed, as: UTF8.self)
        var findings: [Diagnostic] = []
        let range = offset..<(offset + bytes.count)
        var pieces = ChatContentField.split(trimmed)
        let first = pieces.isEmpty ? "" : pieces.removeFirst()
        value = ChatContent(rawValue: first.trimmingSpaces())
        if value.isLegacySpelling {
            findings.append(Diagnostic(.coiChatContentLegacy, .info, at: range,
                                       "Chat-Content \"\(value.rawValue)\" is read as \"\(value.canonical.rawValue)\""))
        }
        var parameters: [(name: String, value: String)] = []
        for (index, piece) in pieces.enumerated() {
            let item = piece.trimmingSpaces()
            if item.isEmpty {
                if index == pieces.count - 1 {
                    findings.append(Diagnostic(.coiChatContentTrailingSemicolon, .info, at: range,
                                               "Chat-Content ends with \";\""))
                }
                continue
            }
            guard let equals = item.firstIndex(of: "=") else {
                parameters.append((item.lowercased(), ""))
                continue
            }
            let name = item[..<equals].trimmingSpaces().lowercased()
            var raw = item[item.index(after: equals)...].trimmingSpaces()
            if raw.hasPrefix("\""), raw.hasSuffix("\""), raw.count >= 2 {
                raw = String(raw.dropFirst().dropLast()).replacingBackslashPairs()
            } else if raw.contains(" ") || raw.contains(",") {
                findings.append(Diagnostic(.coiUnquotedParameter, .info, at: range,
                                           "parameter \"\(name)\" has an unquoted value with spaces or commas"))
            }
            parameters.append((name, raw))
        }
        self.parameters = parameters
        self.findings = findings
    }

    /// Splits at `;` outside quoted strings.
    static func split(_ bytes: [UInt8]) -> [String] {
        var pieces: [String] = []
        var current: [UInt8] = []
        var quoted = false
        var escaped = false
        for byte in bytes {
            if escaped { current.append(byte); escaped = false; continue }
            if quoted && byte == UInt8(ascii: "\\") { current.append(byte); escaped = true; continue }
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == UInt8(ascii: ";") && !quoted {
                pieces.append(String(decoding: current, as: UTF8.self))
                current = []
            } else {
                current.append(byte)
            }
        }
        pieces.append(String(decoding: current, as: UTF8.self))
        return pieces
    }

    /// Renders a value with parameters the way this library emits them: canonical value,
    /// parameter values quoted when they hold anything but a token.
    public static func render(_ value: ChatContent, parameters: [(name: String, value: String)] = []) -> String {
        var text = value.canonical.rawValue
        for (name, parameterValue) in parameters {
            text += "; " + name + "=" + quotedIfNeeded(parameterValue)
        }
        return text
    }

    /// `value` as a `token` when it is one (RFC 2045 section 5.1), else as a quoted string.
    static func quotedIfNeeded(_ value: String) -> String {
        let isToken = !value.isEmpty && value.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && !"()<>@,;:\\\"/[]?= ".utf8.contains(byte)
        }
        if isToken { return value }
        var out = "\""
        for character in value {
            if character == "\"" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" || first == "\n" || first == "\r\n" {
            scalars = scalars.dropFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" || last == "\r\n" {
            scalars = scalars.dropLast()
        }
        return String(scalars)
    }

    /// The text with `\x` quoted-pairs replaced by `x`.
    func replacingBackslashPairs() -> String {
        var out = ""
        var escaped = false
        for character in self {
            if escaped { out.append(character); escaped = false } else if character == "\\" { escaped = true } else { out.append(character) }
        }
        return out
    }
}
