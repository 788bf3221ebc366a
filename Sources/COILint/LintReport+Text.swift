internal import MIMECore

extension LintReport {
    /// The report as a compiler prints it: `path:line:column: severity: message [RULE-ID]`, the
    /// source line, a caret under the column, and a summary line. With `colors`, ANSI escapes
    /// highlight the severity and the caret (for a terminal only).
    public func text(colors: Bool = false) -> String {
        var out = ""
        for failure in failures {
            out += "\(failure.file): \(paint("error", .red, colors)): \(failure.reason)\n"
        }
        for entry in entries {
            let color: ANSIColor = entry.severity == .error ? .red : entry.severity == .warning ? .yellow : .blue
            out += paint("\(entry.file):\(entry.line):\(entry.column):", .bold, colors)
            out += " \(paint(entry.severity.description, color, colors)): \(entry.message) [\(entry.rule)]\n"
            let (line, caretColumn) = Self.window(entry.sourceLine, column: entry.column)
            out += line + "\n"
            out += Self.caretPrefix(line, column: caretColumn) + paint("^", .green, colors) + "\n"
        }
        out += summary + "\n"
        return out
    }

    /// `3 errors, 1 warning and 0 infos in 2 files (5 messages)`.
    public var summary: String {
        func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        var text = "\(counted(count(.error), "error")), \(counted(count(.warning), "warning")) and "
        text += "\(counted(count(.info), "info")) in \(counted(fileCount, "file")) (\(counted(messageCount, "message")))"
        if !failures.isEmpty { text += "; \(counted(failures.count, "file")) could not be read" }
        return text
    }

    /// The printable text of a source line, cut to a window around `column` when long, and the
    /// caret's column within the returned text. Control characters other than tab become `?`,
    /// and bytes that are not UTF-8 are shown as replacement characters.
    static func window(_ line: [UInt8], column: Int) -> (String, Int) {
        let width = 100
        var start = 0
        var prefix = ""
        if line.count > width, column > width / 2 {
            start = min(column - width / 2, line.count - width)
            // Do not start in the middle of a UTF-8 sequence.
            while start > 0, line[start] & 0xC0 == 0x80 { start -= 1 }
            prefix = "..."
        }
        var end = min(line.count, start + width)
        while end < line.count, end > start, line[end] & 0xC0 == 0x80 { end += 1 }
        let suffix = end < line.count ? "..." : ""
        let shown = line[start..<end].map { $0 < 0x20 && $0 != ASCII.tab || $0 == 0x7F ? UInt8(ascii: "?") : $0 }
        return (prefix + String(decoding: shown, as: UTF8.self) + suffix, column - start + prefix.count)
    }

    /// White space that puts a caret under `column` (a byte column) of `line`: tabs stay tabs so
    /// the caret lines up, and each multibyte character counts once.
    static func caretPrefix(_ line: String, column: Int) -> String {
        var prefix = ""
        var bytes = 0
        for character in line.unicodeScalars {
            if bytes >= column - 1 { break }
            prefix += character == "\t" ? "\t" : " "
            bytes += String(character).utf8.count
        }
        if bytes < column - 1 { prefix += String(repeating: " ", count: column - 1 - bytes) }
        return prefix
    }

    enum ANSIColor: String {
        case bold = "1", red = "1;31", yellow = "1;33", blue = "1;34", green = "1;32"
    }

    func paint(_ text: String, _ color: ANSIColor, _ enabled: Bool) -> String {
        enabled ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
