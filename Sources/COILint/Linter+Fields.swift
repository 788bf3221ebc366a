internal import MIMECore

/// The fields RFC 5322 section 3.6 allows at most once in a message's header.
private let singleMessageFields: Set<String> = [
    "date", "from", "sender", "reply-to", "to", "cc", "bcc", "message-id", "in-reply-to", "references", "subject",
]

/// The fields whose values the library's field readers parse (see `HeaderField.diagnostics`).
private let structuredFields: Set<String> = [
    "from", "sender", "reply-to", "to", "cc", "bcc", "resent-from", "resent-sender", "resent-to", "resent-cc",
    "resent-bcc", "disposition-notification-to", "date", "resent-date", "message-id", "resent-message-id",
    "content-id", "in-reply-to", "references", "mime-version", "content-type", "content-disposition",
    "content-transfer-encoding",
]

/// The fields RFC 2045 (section 3) and RFC 2183 allow at most once per entity.
private let singleEntityFields: Set<String> = [
    "mime-version", "content-type", "content-transfer-encoding", "content-id", "content-description",
    "content-disposition",
]

extension Linter {
    /// The rules of a message's own header (RFC 5322 section 3.6, RFC 2045 section 4): the
    /// required fields and the MIME-Version of MIME content. `offset` is where the header starts.
    func messageFieldFindings(_ headers: HeaderFields, at offset: Int) -> [Finding] {
        var findings: [Finding] = []
        if headers.first(named: "From") == nil {
            findings.append(Finding(.fromMissing, at: offset, "message has no From field"))
        }
        if headers.first(named: "Date") == nil {
            findings.append(Finding(.dateMissing, at: offset, "message has no Date field"))
        }
        if headers.first(named: "MIME-Version") == nil,
           let mimeField = headers.first(where: { $0.hasName("Content-Type") || $0.hasName("Content-Transfer-Encoding") }) {
            findings.append(Finding(.versionMissing, at: mimeField.offset ?? offset,
                                    "\(mimeField.name) is used, but the message has no MIME-Version field"))
        }
        for field in headers where singleMessageFields.contains(field.lowercasedName) {
            if let first = headers.first(named: field.name), first.offset != field.offset {
                findings.append(Finding(.fieldRepeated, at: field.offset ?? offset,
                                        "\(field.name) appears more than once"))
            }
        }
        return findings
    }

    /// The findings of one entity's header fields: their grammar (through the library's field
    /// readers), raw 8-bit text, split encoded words and repeated MIME fields. `read` holds the
    /// diagnostics of the first `Content-Type` and `Content-Transfer-Encoding`, when the caller
    /// has already read them, so that they are not parsed twice.
    func fieldFindings(_ headers: HeaderFields, at headerOffset: Int, allowsUTF8: Bool,
                       read: ReadFields = ReadFields()) -> [Finding] {
        var findings: [Finding] = []
        var seen = Set<String>()
        var read = read
        for field in headers {
            let name = field.lowercasedName
            if singleEntityFields.contains(name), !seen.insert(name).inserted {
                findings.append(Finding(.fieldRepeated, at: field.offset ?? headerOffset,
                                        "\(field.name) appears more than once"))
            }
            // An unstructured field of plain ASCII without "=?" has nothing to report: only its
            // encoded words and raw 8-bit text could be wrong, and it has neither.
            let scan = Self.scanValue(field)
            if scan.hasEightBit || scan.hasEncodedWord || structuredFields.contains(name) {
                // Without 8-bit bytes a MIME field's diagnostics are its reader's alone (see
                // `HeaderField.diagnostics`), which the caller has when it is the first such field.
                let known = read.take(name)
                findings += diagnosticFindings(field, read: scan.hasEightBit ? nil : known)
            }
            if scan.hasEightBit { findings += eightBitFindings(field, allowsUTF8: allowsUTF8) }
            if scan.hasEncodedWord { findings += EncodedWordSplitCheck.findings(in: field) }
        }
        return findings
    }

    /// The library's diagnostics of `field`, with the noisy ones made precise: phrases skipped in
    /// `References` are reported once per field, and irregular white space in a date at the
    /// first irregular byte rather than at the value's start.
    private func diagnosticFindings(_ field: HeaderField, read: [Diagnostic]?) -> [Finding] {
        var findings: [Finding] = []
        var reportedCodes = Set<String>()
        // Field readers report offsets in the field's own indices, which are message offsets
        // only for the one-shot parser's fields; streamed fields are copies.
        let delta = (field.offset ?? field.rawBytes.startIndex) - field.rawBytes.startIndex
        for diagnostic in (read ?? field.diagnostics(options: options)).map({ $0.shifted(by: delta) }) {
            let code = diagnostic.code.rawValue
            if code == "message-id-phrase-skipped", !reportedCodes.insert(code).inserted { continue }
            guard var finding = Self.finding(diagnostic) else { continue }
            if code == "date-extra-whitespace", let position = Self.irregularWhitespace(in: field) {
                finding.range = position..<position + 1
            }
            findings.append(finding)
        }
        return findings
    }

    /// Whether a field holds raw 8-bit bytes, and whether its value holds `=?` (a possible encoded
    /// word), found eight bytes at a time.
    static func scanValue(_ field: HeaderField) -> (hasEightBit: Bool, hasEncodedWord: Bool) {
        let hasEightBit = firstEightBitByte(field.rawBytes) != nil
        var hasEncodedWord = false
        let value = field.rawValue
        var index = value.startIndex
        while index + 1 < value.endIndex {
            if value[index] == ASCII.equals, value[index + 1] == ASCII.question {
                hasEncodedWord = true
                break
            }
            index += 1
        }
        return (hasEightBit, hasEncodedWord)
    }

    /// The message offset of the first white space in a date field's value that is not a single
    /// space between two parts: a run, a tab, folding or a comment (RFC 5322 section 3.3).
    static func irregularWhitespace(in field: HeaderField) -> Int? {
        guard let fieldOffset = field.offset else { return nil }
        let delta = fieldOffset - field.rawBytes.startIndex
        let value = field.rawValue
        var index = value.startIndex
        // One space after the colon is the usual form; the value proper starts after it.
        if index < value.endIndex, value[index] == ASCII.space { index += 1 }
        var previousWasSpace = true
        var lastContent = index
        while index < value.endIndex {
            let byte = value[index]
            switch byte {
            case ASCII.tab, ASCII.cr, ASCII.lf, UInt8(ascii: "("):
                return index + delta
            case ASCII.space:
                if previousWasSpace { return index + delta }
                previousWasSpace = true
            default:
                previousWasSpace = false
                lastContent = index
            }
            index += 1
        }
        // Trailing white space after the zone.
        return previousWasSpace && lastContent + 1 < value.endIndex ? lastContent + 1 + delta : nil
    }

    /// Raw 8-bit bytes in a field: UTF-8 needs RFC 6532 support (allowed outright in
    /// `message/global`), anything else breaks RFC 5322 section 2.2. One finding per field.
    private func eightBitFindings(_ field: HeaderField, allowsUTF8: Bool) -> [Finding] {
        let bytes = field.rawBytes
        guard let first = bytes.firstIndex(where: { $0 >= 0x80 }), let fieldOffset = field.offset else { return [] }
        let delta = fieldOffset - bytes.startIndex
        if let invalid = UTF8Validation.firstInvalidByte(in: bytes[first...]) {
            return [Finding(.header8Bit, at: invalid + delta,
                            "\(field.name) holds a raw byte 0x\(String(bytes[invalid], radix: 16, uppercase: true)) that is not UTF-8; use an RFC 2047 encoded word")]
        }
        if allowsUTF8 { return [] }
        return [Finding(.headerUTF8, at: first + delta,
                        "\(field.name) holds raw UTF-8 text, which needs RFC 6532 (SMTPUTF8) support on the way")]
    }
}

/// The diagnostics of the fields an entity's reader has already parsed: `MIMEPart`'s first
/// `Content-Type` and `Content-Transfer-Encoding`.
struct ReadFields {
    var contentType: [Diagnostic]? = nil
    var transferEncoding: [Diagnostic]? = nil

    /// The diagnostics of the field named `name` (lowercase), once: later fields of the same
    /// name are parsed on their own.
    mutating func take(_ name: String) -> [Diagnostic]? {
        switch name {
        case "content-type":
            defer { contentType = nil }
            return contentType
        case "content-transfer-encoding":
            defer { transferEncoding = nil }
            return transferEncoding
        default:
            return nil
        }
    }
}
