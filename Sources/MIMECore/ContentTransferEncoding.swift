/// The value of a `Content-Transfer-Encoding` field, RFC 2045 section 6.1:
/// `mechanism := "7bit" / "8bit" / "binary" / "quoted-printable" / "base64" / ietf-token /
/// x-token`, compared without regard to case.
///
/// An open set: values outside the five standard ones (`x-uuencode`, misspellings that could
/// not be recognized) are kept, so that a caller can report or handle them.
public struct ContentTransferEncoding: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The mechanism in lowercase, as written in a header.
    public var rawValue: String

    /// Creates a mechanism; the value is lowercased, since mechanisms are case-insensitive
    /// (RFC 2045 section 6.1).
    public init(rawValue: String) {
        self.rawValue = ASCII.lowercasedString(rawValue.utf8)
    }

    /// `7bit`: no encoding; short lines of US-ASCII (RFC 2045 sections 2.7 and 6.2). The
    /// default when the field is absent.
    public static let sevenBit = ContentTransferEncoding(rawValue: "7bit")
    /// `8bit`: no encoding; short lines that may hold bytes 128-255 (RFC 2045 sections 2.8, 6.2).
    public static let eightBit = ContentTransferEncoding(rawValue: "8bit")
    /// `binary`: no encoding; any bytes, lines of any length (RFC 2045 sections 2.9, 6.2).
    public static let binary = ContentTransferEncoding(rawValue: "binary")
    /// `quoted-printable` (RFC 2045 section 6.7).
    public static let quotedPrintable = ContentTransferEncoding(rawValue: "quoted-printable")
    /// `base64` (RFC 2045 section 6.8).
    public static let base64 = ContentTransferEncoding(rawValue: "base64")

    /// The mechanism as written in a header.
    public var description: String { rawValue }

    /// Whether the body is not transformed (`7bit`, `8bit`, `binary`): these values only state
    /// the domain of the data, so no decoding is needed (RFC 2045 section 6.2).
    public var isIdentity: Bool { self == .sevenBit || self == .eightBit || self == .binary }

    /// Whether the encoded body is restricted to the `7bit` domain (RFC 2045 section 2.7): true
    /// for `7bit` itself and for `quoted-printable` and `base64`, whose output is always 7bit
    /// (section 6.2). Such bodies pass through any transport unchanged; the others need
    /// 8BITMIME or BINARYMIME, or re-encoding.
    public var isDomainRestricted: Bool { self == .sevenBit || self == .quotedPrintable || self == .base64 }

    /// Whether this is one of the five mechanisms RFC 2045 section 6.1 defines.
    public var isStandard: Bool { isIdentity || self == .quotedPrintable || self == .base64 }

    /// Whether this is an `x-token` (RFC 2045 section 6.3: private, agreed between the parties).
    public var isExtension: Bool { rawValue.utf8.starts(with: "x-".utf8) }

    /// `encoding := "Content-Transfer-Encoding" ":" mechanism` (RFC 2045 section 6.1), parsed
    /// from the field value with comments and white space tolerated.
    ///
    /// Common misspellings (`8-bit`, `7 bit`, `quoted printable`, `Quoted_Printable`,
    /// `base-64`, a quoted mechanism) map to the standard mechanism with a warning; other
    /// values are kept lowercased, with a warning unless they are `x-token`s. Returns `nil` with
    /// an error for an empty value, which callers should treat as `7bit` (section 6.1).
    public static func parse(_ value: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]) -> ContentTransferEncoding? {
        if let standard = standardMechanism(value) { return standard }
        return parseScanning(value, diagnostics: &diagnostics)
    }

    /// ``parse(_:diagnostics:)`` for every value: the grammar with its workarounds.
    static func parseScanning(_ value: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]) -> ContentTransferEncoding? {
        var scanner = FieldScanner(value)
        var sink = DiagnosticSink(limit: 16)
        defer { diagnostics.append(contentsOf: sink.finished(at: value.endIndex)) }
        var words: [[UInt8]] = []
        var quoted = false
        var start: Int?
        var end = value.startIndex
        while true {
            _ = scanner.skipCFWSBounded(into: &sink)
            guard let byte = scanner.peek else { break }
            if start == nil { start = scanner.position }
            if byte == ASCII.quote {
                var scanned: [Diagnostic] = []
                let content = scanner.readQuotedString(diagnostics: &scanned) ?? []
                sink.append(contentsOf: scanned)
                quoted = true
                // Inside quotes the same words may appear with spaces: split them alike.
                words += content.split(whereSeparator: ASCII.isWhitespaceOrNewline).map(Array.init)
            } else if let token = scanner.readToken() {
                words.append(Array(token))
            } else {
                break
            }
            end = scanner.position
            // A mechanism is one word; a hostile value of many words must not be kept whole.
            if words.count > 8 { break }
        }
        _ = scanner.skipCFWSBounded(into: &sink)
        let valueStart = start ?? value.startIndex
        if !scanner.isAtEnd {
            sink.report(.transferEncodingTrailingGarbage, .error, at: scanner.position..<value.endIndex,
                        "text after the transfer encoding ignored")
        }
        guard !words.isEmpty else {
            sink.report(.transferEncodingInvalid, .error, at: value.startIndex..<value.endIndex,
                        "Content-Transfer-Encoding has no mechanism")
            return nil
        }
        let range = valueStart..<end
        let written = words.map { ASCII.string($0) }.joined(separator: " ")
        if words.count == 1, !quoted {
            let encoding = ContentTransferEncoding(rawValue: written)
            if encoding.isStandard || encoding.isExtension { return encoding }
        }
        if let known = recognize(words) {
            sink.report(.transferEncodingMisspelled, .warning, at: range,
                        "'\(written)' read as '\(known)'; RFC 2045 section 6.1 spells it '\(known)'")
            return known
        }
        let encoding = ContentTransferEncoding(rawValue: written)
        if !encoding.isExtension || quoted || words.count > 1 {
            sink.report(.transferEncodingUnknown, .warning, at: range,
                        "unknown Content-Transfer-Encoding '\(written)'")
        }
        return encoding
    }

    /// The standard mechanism a value names on its own, between spaces or tabs, in any case: the form nearly every message has, which has nothing to report, recognized without
    /// the scanner and the strings it builds.
    static func standardMechanism(_ value: ArraySlice<UInt8>) -> ContentTransferEncoding? {
        var start = value.startIndex
        var end = value.endIndex
        while start < end, value[start] == ASCII.space || value[start] == ASCII.tab { start += 1 }
        while end > start, value[end - 1] == ASCII.space || value[end - 1] == ASCII.tab { end -= 1 }
        let word = value[start..<end]
        // Compared by length first, then byte by byte, lowercased: this runs for every part.
        func spells(_ name: StaticString) -> Bool {
            guard word.count == name.utf8CodeUnitCount else { return false }
            let expected = name.utf8Start
            var position = 0
            for byte in word {
                guard ASCII.lowercased(byte) == expected[position] else { return false }
                position += 1
            }
            return true
        }
        switch word.count {
        case 4: return spells("7bit") ? .sevenBit : spells("8bit") ? .eightBit : nil
        case 6: return spells("base64") ? .base64 : spells("binary") ? .binary : nil
        case 16: return spells("quoted-printable") ? .quotedPrintable : nil
        default: return nil
        }
    }

    /// Parses a `Content-Transfer-Encoding` value held in a string, dropping diagnostics.
    public init?(_ string: String) {
        var ignored: [Diagnostic] = []
        guard let encoding = ContentTransferEncoding.parse(ArraySlice(Array(string.utf8)), diagnostics: &ignored)
        else { return nil }
        self = encoding
    }

    /// The standard mechanism `words` spell once case, `-`, `_` and spacing are ignored.
    private static func recognize(_ words: [[UInt8]]) -> ContentTransferEncoding? {
        var letters: [UInt8] = []
        for word in words {
            for byte in word where byte != ASCII.hyphen && byte != UInt8(ascii: "_") && byte != ASCII.space {
                letters.append(ASCII.lowercased(byte))
                if letters.count > 32 { return nil }
            }
        }
        switch ASCII.string(letters) {
        case "7bit": return .sevenBit
        case "8bit": return .eightBit
        case "binary": return .binary
        case "quotedprintable": return .quotedPrintable
        case "base64": return .base64
        default: return nil
        }
    }
}

extension Diagnostic.Code {
    /// A `Content-Transfer-Encoding` with no mechanism (RFC 2045 section 6.1).
    public static let transferEncodingInvalid = Diagnostic.Code("transfer-encoding-invalid")
    /// A misspelled standard mechanism (`8-bit`, `quoted printable`, `base-64`).
    public static let transferEncodingMisspelled = Diagnostic.Code("transfer-encoding-misspelled")
    /// A mechanism RFC 2045 section 6.1 does not define and that is not an `x-token`.
    public static let transferEncodingUnknown = Diagnostic.Code("transfer-encoding-unknown")
    /// Text after the mechanism (parameters, which the field does not take).
    public static let transferEncodingTrailingGarbage = Diagnostic.Code("transfer-encoding-trailing-garbage")
}
