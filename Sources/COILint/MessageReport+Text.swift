extension MessageReport {
    /// A readable, indented rendering for people: the header fields, the addressing summary, the
    /// part tree with types, sizes and offsets, then the diagnostics as
    /// `offset: severity [code] message`.
    public var text: String {
        var out = ""
        appendText(to: &out, indent: "")
        return out
    }

    fileprivate func appendText(to out: inout String, indent: String) {
        out += "\(indent)message, \(byteCount) bytes\n"
        out += "\(indent)headers:\n"
        for header in headers {
            out += "\(indent)  \(header.offset): \(header.name): \(MessageReport.oneLine(header.value))\n"
        }
        if let subject { out += "\(indent)subject: \(MessageReport.oneLine(subject))\n" }
        for (label, list) in [("from", from), ("to", to), ("cc", cc)] where !list.isEmpty {
            out += "\(indent)\(label): \(list.map(\.display).joined(separator: ", "))\n"
        }
        if let date { out += "\(indent)date: \(date)\n" }
        if let messageID { out += "\(indent)message-id: <\(messageID)>\n" }
        if !inReplyTo.isEmpty { out += "\(indent)in-reply-to: \(inReplyTo.map { "<\($0)>" }.joined(separator: " "))\n" }
        if !references.isEmpty { out += "\(indent)references: \(references.map { "<\($0)>" }.joined(separator: " "))\n" }
        out += "\(indent)parts:\n"
        root.appendText(to: &out, indent: indent + "  ")
        if diagnostics.isEmpty {
            out += "\(indent)diagnostics: none\n"
        } else {
            out += "\(indent)diagnostics:\n"
            for diagnostic in diagnostics {
                out += "\(indent)  \(diagnostic.offset): \(diagnostic.severity) [\(diagnostic.code)] \(diagnostic.message)\n"
            }
        }
    }

    /// Control characters would break the one-line-per-item layout; show them as escapes.
    fileprivate static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u{\(hex)}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension AddressReport {
    fileprivate var display: String {
        guard let name else { return "<\(address)>" }
        return "\(MessageReport.oneLine(name)) <\(address)>"
    }
}

extension PartReport {
    fileprivate func appendText(to out: inout String, indent: String) {
        var line = "\(indent)\(contentType)"
        let shown = parameters.filter { $0.name != "boundary" }
        if !shown.isEmpty {
            line += "; " + shown.map { "\($0.name)=\(MessageReport.oneLine($0.value))" }.joined(separator: "; ")
        }
        switch content {
        case .leaf(let decodedSize, _, _):
            line += "  (\(decodedSize) bytes decoded)"
        case .multipart(let children):
            line += "  (\(children.count) part\(children.count == 1 ? "" : "s"))"
        case .message:
            break
        }
        out += line + "\n"
        var details = "headers@\(headerOffset) body@\(bodyOffset) end@\(endOffset)"
        if let transferEncoding { details += ", \(transferEncoding)" }
        if let disposition { details += ", \(disposition)" }
        if let filename { details += ", filename \"\(MessageReport.oneLine(filename))\"" }
        out += "\(indent)  \(details)\n"
        switch content {
        case .leaf(_, let sha256, _):
            out += "\(indent)  sha256 \(sha256)\n"
        case .multipart(let children):
            for child in children { child.appendText(to: &out, indent: indent + "  ") }
        case .message(let message):
            message.appendText(to: &out, indent: indent + "  ")
        }
    }
}
