/// The rule list as `coi-lint rules` and `coi-lint explain` print it, and as the README shows it.
public enum RuleCatalog {
    /// One line per rule: ID, severity, reference and summary, in aligned columns.
    public static var text: String {
        let idWidth = Rule.all.map(\.id.rawValue.count).max() ?? 0
        let referenceWidth = Rule.all.map(\.reference.count).max() ?? 0
        var out = ""
        for rule in Rule.all {
            out += pad(rule.id.rawValue, idWidth) + "  " + pad(rule.severity.description, 7) + "  "
            out += pad(rule.reference, referenceWidth) + "  " + rule.summary + "\n"
        }
        return out
    }

    /// Every rule as a JSON array of objects with the keys `id`, `severity`, `family`,
    /// `document`, `section`, `url` and `summary`.
    public static var json: JSONValue {
        .array(Rule.all.map { rule in
            .object([
                .init("id", .string(rule.id.rawValue)),
                .init("severity", .string(rule.severity.description)),
                .init("family", .string(rule.family.rawValue)),
                .init("document", .string(rule.document)),
                .init("section", .string(rule.section)),
                .init("url", .string(rule.documentURL)),
                .init("summary", .string(rule.summary)),
            ])
        })
    }

    /// What `coi-lint explain` prints for `rule`.
    public static func explanation(of rule: Rule) -> String {
        var out = "\(rule.id) (\(rule.severity), \(rule.family) rule)\n"
        out += "\(rule.reference): \(rule.documentURL)\n\n"
        out += rule.summary + "\n\n" + rule.explanation + "\n\n"
        out += "Fails:\n\n" + indented(rule.failingExample) + "\n"
        out += "Passes:\n\n" + indented(rule.passingExample)
        return out
    }

    /// The README's rule table (Markdown), generated from the registry; a test keeps the README
    /// in step with it.
    public static var markdownTable: String {
        var out = "| ID | Severity | Source | Checks |\n|---|---|---|---|\n"
        for rule in Rule.all {
            let summary = rule.summary.replacingPipes()
            out += "| `\(rule.id)` | \(rule.severity) | [\(rule.reference)](\(rule.documentURL)) | \(summary) |\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// The example indented by four spaces, with control characters other than tab and line feed
    /// made visible (a bare CR as `\r`) and bytes that are not UTF-8 as `\xNN`.
    static func indented(_ bytes: [UInt8]) -> String {
        var out = "    "
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = UTF8Validation.sequenceLength(bytes[...], at: index)
            if byte == 0x0A {
                out += index + 1 < bytes.count ? "\n    " : "\n"
            } else if byte == 0x0D {
                out += "\\r"
            } else if length == 0 || (byte < 0x20 && byte != 0x09) {
                let hex = Array("0123456789ABCDEF")
                out += "\\x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            } else {
                out += String(decoding: bytes[index..<index + length], as: UTF8.self)
                index += length
                continue
            }
            index += 1
        }
        return out
    }
}

/// The version `coi-lint` reports (in SARIF's `tool.driver.version`).
public enum COILintVersion {
    /// The version of this build.
    public static let current = "0.1.0"
}

extension String {
    /// The text with `|` escaped for a Markdown table cell.
    func replacingPipes() -> String {
        var out = ""
        for character in self { out += character == "|" ? "\\|" : String(character) }
        return out
    }
}
