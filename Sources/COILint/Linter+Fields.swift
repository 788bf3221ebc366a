internal import CMIMEScan
internal import MIMECore

extension Linter {
    /// The findings of one entity's header fields: their grammar (through the library's field
    /// readers), raw 8-bit text, split encoded words and repeated MIME fields, and with
    /// `isMessageHeader` the rules of a message's own header too (RFC 5322 section 3.6, RFC 2045
    /// section 4: required fields, fields allowed once, MIME-Version), in the same pass. The
    /// survey also hands back the entity's first `Content-Type` and `Content-Transfer-Encoding`,
    /// so that the caller does not look them up again.
    func fieldFindings(_ headers: HeaderFields, at headerOffset: Int, allowsUTF8: Bool,
                       isMessageHeader: Bool = false) -> FieldSurvey {
        var survey = FieldSurvey()
        var seen: UInt32 = 0
        var messageRules = MessageHeaderRules()
        for field in headers {
            let kind = FieldKind(field)
            let isFirstOfKind = seen & kind.bit == 0
            if isMessageHeader { messageRules.note(field, kind: kind) }
            if kind.isSingleInEntity, !isFirstOfKind {
                survey.findings.append(Finding(.fieldRepeated, at: field.offset ?? headerOffset,
                                               "\(field.name) appears more than once"))
            } else if kind == .contentType {
                survey.contentType = field
                survey.contentTypeSummary = ContentType.plainSummary(field.rawValue)
            } else if kind == .contentTransferEncoding {
                survey.transferEncoding = field
            }
            seen |= kind.bit
            // An unstructured field of plain ASCII without "=?" has nothing to report: only its
            // encoded words and raw 8-bit text could be wrong, and it has neither. Neither has a
            // Content-Type in the plain form, nor a lone standard transfer encoding.
            let scan = Self.scanValue(field)
            if scan.hasEightBit || scan.hasEncodedWord {
                survey.findings += diagnosticFindings(field)
            } else if kind == .contentType, isFirstOfKind, survey.contentTypeSummary != nil {
                // Plain: nothing to report.
            } else if kind == .contentTransferEncoding {
                var found: [Diagnostic] = []
                _ = ContentTransferEncoding.parse(field.rawValue, diagnostics: &found)
                if !found.isEmpty { survey.findings += diagnosticFindings(field) }
            } else if kind.isStructured {
                survey.findings += diagnosticFindings(field)
            }
            if scan.hasEightBit { survey.findings += eightBitFindings(field, allowsUTF8: allowsUTF8) }
            if scan.hasEncodedWord { survey.findings += EncodedWordSplitCheck.findings(in: field) }
        }
        if isMessageHeader { survey.findings += messageRules.findings(at: headerOffset) }
        return survey
    }

    /// The library's diagnostics of `field`, with the noisy ones made precise: phrases skipped in
    /// `References` are reported once per field, and irregular white space in a date at the
    /// first irregular byte rather than at the value's start.
    private func diagnosticFindings(_ field: HeaderField) -> [Finding] {
        var findings: [Finding] = []
        var reportedCodes = Set<String>()
        // Field readers report offsets in the field's own indices, which are message offsets
        // only for the one-shot parser's fields; streamed fields are copies.
        let delta = (field.offset ?? field.rawBytes.startIndex) - field.rawBytes.startIndex
        for diagnostic in field.diagnostics(options: options).map({ $0.shifted(by: delta) }) {
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
    /// word): one look at the field's bytes, eight at a time for the high bits and with memchr
    /// for `=`.
    static func scanValue(_ field: HeaderField) -> (hasEightBit: Bool, hasEncodedWord: Bool) {
        let raw = field.rawBytes
        let valueRange = field.valueRange
        return raw.withUnsafeBufferPointer { buffer -> (Bool, Bool) in
            guard let base = buffer.baseAddress else { return (false, false) }
            let count = buffer.count
            var hasEightBit = false
            var index = 0
            while index + 8 <= count {
                if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    hasEightBit = true
                    break
                }
                index += 8
            }
            while !hasEightBit, index < count {
                hasEightBit = base[index] >= 0x80
                index += 1
            }
            var hasEncodedWord = false
            var position = valueRange.lowerBound - raw.startIndex
            let end = valueRange.upperBound - raw.startIndex
            while position < end {
                let hit = cmime_memchr(base + position, ASCII.equals, end - position)
                if hit < 0 { break }
                position += hit + 1
                if position < end, base[position] == ASCII.question {
                    hasEncodedWord = true
                    break
                }
            }
            return (hasEightBit, hasEncodedWord)
        }
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

/// What one pass over an entity's header fields found.
struct FieldSurvey {
    var findings: [Finding] = []
    /// The first `Content-Type` field.
    var contentType: HeaderField?
    /// The summary of the first `Content-Type` when it is in the plain form.
    var contentTypeSummary: ContentType.PlainSummary?
    /// The first `Content-Transfer-Encoding` field.
    var transferEncoding: HeaderField?
}

/// What the rules of a message's own header collect in the pass over its fields.
struct MessageHeaderRules {
    private var present: UInt32 = 0
    private var firstMIMEField: HeaderField?
    private var repeated: [HeaderField] = []

    mutating func note(_ field: HeaderField, kind: FieldKind) {
        if kind.isSingleInMessage, present & kind.bit != 0 { repeated.append(field) }
        present |= kind.bit
        if firstMIMEField == nil, kind == .contentType || kind == .contentTransferEncoding { firstMIMEField = field }
    }

    /// Missing `From`, `Date` and `MIME-Version`, and repeated single fields; `offset` is where
    /// the header starts.
    func findings(at offset: Int) -> [Finding] {
        var findings: [Finding] = []
        if present & FieldKind.from.bit == 0 {
            findings.append(Finding(.fromMissing, at: offset, "message has no From field"))
        }
        if present & FieldKind.date.bit == 0 {
            findings.append(Finding(.dateMissing, at: offset, "message has no Date field"))
        }
        if present & FieldKind.mimeVersion.bit == 0, let mimeField = firstMIMEField {
            findings.append(Finding(.versionMissing, at: mimeField.offset ?? offset,
                                    "\(mimeField.name) is used, but the message has no MIME-Version field"))
        }
        for field in repeated {
            findings.append(Finding(.fieldRepeated, at: field.offset ?? offset, "\(field.name) appears more than once"))
        }
        return findings
    }
}
