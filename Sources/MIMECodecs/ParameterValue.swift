public import MIMECharset

/// RFC 2231 extended parameter values: `name*=charset'language'percent-encoded` and the
/// continuations `name*0*=...; name*1=...`.
///
/// This type decodes and encodes values; it does not parse parameter lists. The parser of
/// `Content-Type` and `Content-Disposition` parameters (RFC 2045 section 5.1, RFC 2231 sections 3
/// and 4) uses it like this:
///
/// - `name*=value` (one extended value): ``decodeExtended(_:offset:fallback:policy:)``.
/// - `name*0=`, `name*1*=`, ... (continuations): collect the segments, put them in order of their
///   numbers (section 3: they may appear in any order; stop at the first missing number), and pass
///   them as ``Segment``s to ``decode(segments:fallback:policy:)``, which percent-decodes the
///   extended ones, joins all of them as bytes, and only then converts the bytes with the charset
///   named by the first segment, so that a multibyte character split between segments decodes.
/// - To write a value: ``needsExtendedEncoding(_:)``, then ``encodeExtended(_:language:)`` or,
///   for long values, ``encodeExtendedSegments(_:language:maximumSegmentLength:)``.
///
/// Quoted-string values must be unquoted (quoted pairs removed) by the parser before they are
/// passed here.
public enum ParameterValue: Sendable {
    /// One segment of a parameter value (RFC 2231 section 3), as the parameter-list parser found
    /// it.
    public struct Segment: Sendable, Hashable {
        /// The value after unquoting.
        public var bytes: [UInt8]
        /// Whether the parameter name ended in `*`, so that the value is percent-encoded (RFC 2231
        /// section 4.1); the first extended segment starts with `charset'language'`.
        public var isExtended: Bool
        /// The offset of `bytes` in the parsed input, for diagnostics.
        public var offset: Int

        /// Creates a segment.
        public init(bytes: [UInt8], isExtended: Bool, offset: Int = 0) {
            self.bytes = bytes
            self.isExtended = isExtended
            self.offset = offset
        }
    }

    /// A parameter value decoded per RFC 2231 sections 3 and 4.
    public struct Decoded: Sendable, Hashable {
        /// The value as text.
        public var text: String
        /// The charset label the value declared, as written, or `nil` when it named none.
        public var charsetLabel: String?
        /// The language tag (RFC 5646) the value declared, or `nil`.
        public var language: String?
        /// What was wrong, with byte ranges relative to the parsed input.
        public var diagnostics: [Diagnostic]

        /// Creates a result.
        public init(text: String, charsetLabel: String?, language: String?, diagnostics: [Diagnostic]) {
            self.text = text
            self.charsetLabel = charsetLabel
            self.language = language
            self.diagnostics = diagnostics
        }
    }

    /// The `charset'language'` prefix of an initial extended segment (RFC 2231 section 7,
    /// `extended-initial-value`).
    public struct InitialSegment: Sendable, Hashable {
        /// The charset label, or `nil` when left empty.
        public var charsetLabel: String?
        /// The language tag, or `nil` when left empty.
        public var language: String?
        /// The offset, relative to the segment's bytes, where the percent-encoded value starts.
        public var valueStart: Int
    }

    /// Splits `extended-initial-value := [charset] "'" [language] "'" extended-other-values`
    /// (RFC 2231 section 7). Returns `nil` when the two `'` are missing.
    public static func splitInitialSegment<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> InitialSegment? {
        let array = Array(bytes)
        guard let first = array.firstIndex(of: apostrophe),
            let second = array[(first + 1)...].firstIndex(of: apostrophe)
        else { return nil }
        let charset = array[..<first]
        let language = array[(first + 1)..<second]
        return InitialSegment(
            charsetLabel: charset.isEmpty ? nil : ASCII.string(charset),
            language: language.isEmpty ? nil : ASCII.string(language),
            valueStart: second + 1)
    }

    /// Decodes `ext-octet := "%" 2(DIGIT / "A" / "B" / "C" / "D" / "E" / "F")` escapes
    /// (RFC 2231 section 7) of one segment to raw bytes, appending them to `output`.
    ///
    /// Lower-case hexadecimal digits are accepted. A `%` not followed by two hexadecimal digits is
    /// kept literally, and bytes that are not `attribute-char` are kept as they are; both are
    /// reported, with ranges shifted by `offset`.
    public static func percentDecode<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, offset: Int = 0, into output: inout [UInt8], diagnostics: inout [Diagnostic]
    ) {
        let array = Array(bytes)
        var reportedCharacter = false
        var index = 0
        while index < array.count {
            let byte = array[index]
            if byte == percent {
                if index + 3 <= array.count, let high = ASCII.hexValue(array[index + 1]),
                    let low = ASCII.hexValue(array[index + 2])
                {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                diagnostics.append(Diagnostic(
                    .parameterValueInvalidPercentEncoding, .error,
                    at: offset + index..<offset + Swift.min(index + 3, array.count),
                    "'%' not followed by two hexadecimal digits; kept literally"))
            } else if !isAttributeChar(byte) && !reportedCharacter {
                diagnostics.append(Diagnostic(
                    .parameterValueInvalidCharacter, .warning, at: offset + index..<offset + index + 1,
                    "byte 0x\(String(byte, radix: 16, uppercase: true)) must be percent-encoded in an extended value"))
                reportedCharacter = true
            }
            output.append(byte)
            index += 1
        }
    }

    /// Decodes a single extended value, the value of `name*=` (RFC 2231 section 4).
    ///
    /// - Parameters:
    ///   - bytes: the value as written, `charset'language'percent-encoded`. Surrounding double
    ///     quotes, which some clients add although section 7 does not allow them, are removed.
    ///   - offset: the offset of `bytes` in the parsed input, for diagnostics.
    ///   - fallback: the charset used when the named one is unknown or none is named and the bytes
    ///     are not UTF-8.
    ///   - policy: how the charset label is resolved.
    public static func decodeExtended<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, offset: Int = 0, fallback: Charset = .windows1252,
        policy: Charset.LabelPolicy = .mailCompatible
    ) -> Decoded {
        var array = Array(bytes)
        var start = offset
        var diagnostics: [Diagnostic] = []
        if array.count >= 2 && array.first == ASCII.quote && array.last == ASCII.quote {
            diagnostics.append(Diagnostic(
                .parameterValueQuotedExtendedValue, .info, at: offset..<offset + array.count,
                "extended value in quotes; RFC 2231 does not allow them"))
            array = Array(array[1..<(array.count - 1)])
            start += 1
        }
        let segment = Segment(bytes: array, isExtended: true, offset: start)
        var decoded = decode(segments: [segment], fallback: fallback, policy: policy)
        decoded.diagnostics = diagnostics + decoded.diagnostics
        return decoded
    }

    /// Decodes a value from its continuation segments, already in order (RFC 2231 sections 3 and
    /// 4.1): extended segments are percent-decoded, all are joined as bytes, and the bytes are
    /// converted with the charset the first segment names.
    ///
    /// An unknown charset falls back to UTF-8 if the bytes are UTF-8, else `fallback`, with a
    /// diagnostic; no charset at all is treated the same way without one for ASCII or UTF-8.
    public static func decode(
        segments: [Segment], fallback: Charset = .windows1252, policy: Charset.LabelPolicy = .mailCompatible
    ) -> Decoded {
        var diagnostics: [Diagnostic] = []
        var bytes: [UInt8] = []
        var charsetLabel: String?
        var language: String?
        for (position, segment) in segments.enumerated() {
            guard segment.isExtended else {
                bytes.append(contentsOf: segment.bytes)
                continue
            }
            var valueStart = 0
            if position == 0 {
                if let initial = splitInitialSegment(segment.bytes) {
                    charsetLabel = initial.charsetLabel
                    language = initial.language
                    valueStart = initial.valueStart
                } else {
                    diagnostics.append(Diagnostic(
                        .parameterValueMissingCharset, .error,
                        at: segment.offset..<segment.offset + segment.bytes.count,
                        "extended value without the charset'language' prefix"))
                }
            }
            percentDecode(
                segment.bytes[valueStart...], offset: segment.offset + valueStart, into: &bytes,
                diagnostics: &diagnostics)
        }
        // Segments are in section order, which need not be their order in the field.
        let lower = segments.map(\.offset).min() ?? 0
        let upper = segments.map { $0.offset + $0.bytes.count }.max() ?? lower
        let range = lower..<max(lower, upper)
        let text = decodeText(bytes, charsetLabel: charsetLabel, range: range, fallback: fallback, policy: policy,
                              diagnostics: &diagnostics)
        return Decoded(text: text, charsetLabel: charsetLabel, language: language, diagnostics: diagnostics)
    }

    /// Converts the joined, percent-decoded bytes of a value with the charset it names; see
    /// ``decode(segments:fallback:policy:)`` for the fallbacks.
    public static func decodeText(
        _ bytes: [UInt8], charsetLabel: String?, range: Range<Int>, fallback: Charset = .windows1252,
        policy: Charset.LabelPolicy = .mailCompatible, diagnostics: inout [Diagnostic]
    ) -> String {
        if let charsetLabel {
            if let charset = Charset(charsetLabel, policy: policy) {
                let decoded = charset.decode(bytes)
                if decoded.hadErrors {
                    diagnostics.append(Diagnostic(
                        .parameterValueInvalidCharsetBytes, .warning, at: range,
                        "value is not valid \(charset.mimeName); replaced with U+FFFD"))
                }
                return decoded.text
            }
            let guess = Charset.decodeHeaderBytes(bytes, fallback: fallback)
            diagnostics.append(Diagnostic(
                .parameterValueUnknownCharset, .warning, at: range,
                "unknown charset '\(charsetLabel)'; decoded as \(guess.charset.mimeName)"))
            return guess.text
        }
        let guess = Charset.decodeHeaderBytes(bytes, fallback: fallback)
        if guess.usedFallback {
            diagnostics.append(Diagnostic(
                .headerTextNotUTF8, .warning, at: range,
                "value names no charset and is not UTF-8; decoded as \(guess.charset.mimeName)"))
        }
        return guess.text
    }

    /// Whether a value must be written in the extended form: it is not printable ASCII, so neither
    /// a `token` nor a `quoted-string` (RFC 2045 section 5.1) can hold it.
    public static func needsExtendedEncoding(_ value: String) -> Bool {
        !value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Encodes text as an `extended-initial-value` in UTF-8 (RFC 2231 sections 4 and 7), such as
    /// `UTF-8''na%C3%AFve.txt`, for `name*=`.
    public static func encodeExtended(_ text: String, language: String? = nil) -> String {
        var output = Array(initialPrefix(language: language).utf8)
        for byte in text.utf8 { appendEncoded(byte, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Encodes text as the values of continuation segments `name*0*=`, `name*1*=`, ... (RFC 2231
    /// sections 3 and 4.1), each at most `maximumSegmentLength` characters (at least 24 is used),
    /// the first with the `UTF-8'language'` prefix.
    ///
    /// Segments break only between grapheme clusters (or between scalars of a cluster too long for
    /// one segment), never inside a `%XX` escape or a UTF-8 sequence, so that readers that decode
    /// segments one by one still work.
    public static func encodeExtendedSegments(
        _ text: String, language: String? = nil, maximumSegmentLength: Int = 60
    ) -> [String] {
        let prefix = Array(initialPrefix(language: language).utf8)
        let limit = Swift.max(maximumSegmentLength, prefix.count + 12, 24)
        var segments: [String] = []
        var current = prefix
        var encoded: [UInt8] = []

        func add(_ bytes: some Sequence<UInt8>) {
            encoded.removeAll(keepingCapacity: true)
            for byte in bytes { appendEncoded(byte, to: &encoded) }
            let hasValue = segments.isEmpty ? current.count > prefix.count : !current.isEmpty
            if hasValue && current.count + encoded.count > limit {
                segments.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            current.append(contentsOf: encoded)
        }

        for character in text {
            var cost = 0
            for byte in character.utf8 { cost += isAttributeChar(byte) ? 1 : 3 }
            if cost <= limit - prefix.count {
                add(character.utf8)
            } else {
                for scalar in character.unicodeScalars { add(String(scalar).utf8) }
            }
        }
        segments.append(String(decoding: current, as: UTF8.self))
        return segments
    }

    /// `attribute-char := <any (US-ASCII) CHAR except SPACE, CTLs, "*", "'", "%", or tspecials>`
    /// (RFC 2231 section 7, with `tspecials` of RFC 2045 section 5.1).
    public static func isAttributeChar(_ byte: UInt8) -> Bool {
        guard byte > 0x20 && byte < 0x7F else { return false }
        switch byte {
        case UInt8(ascii: "*"), apostrophe, percent,
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), ASCII.backslash, ASCII.quote,
            UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), ASCII.question, ASCII.equals:
            return false
        default:
            return true
        }
    }

    private static let apostrophe = UInt8(ascii: "'")
    private static let percent = UInt8(ascii: "%")
    private static let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func initialPrefix(language: String?) -> String {
        // A language tag is ASCII letters, digits and hyphens (RFC 5646); anything else would break
        // the syntax, so it is left out.
        let tag = language.flatMap { tag in
            tag.utf8.allSatisfy { ASCII.isAlpha($0) || ASCII.isDigit($0) || $0 == ASCII.hyphen } ? tag : nil
        } ?? ""
        return "UTF-8'\(tag)'"
    }

    private static func appendEncoded(_ byte: UInt8, to output: inout [UInt8]) {
        if isAttributeChar(byte) {
            output.append(byte)
        } else {
            output.append(percent)
            output.append(upperHexDigits[Int(byte >> 4)])
            output.append(upperHexDigits[Int(byte & 0x0F)])
        }
    }
}

extension Diagnostic.Code {
    /// A `%` in an extended parameter value is not followed by two hexadecimal digits (RFC 2231
    /// section 7); it was kept literally.
    public static let parameterValueInvalidPercentEncoding = Diagnostic.Code("parameter-value-invalid-percent-encoding")
    /// An extended parameter value holds a byte that must be percent-encoded (RFC 2231 section 7);
    /// it was kept as it is.
    public static let parameterValueInvalidCharacter = Diagnostic.Code("parameter-value-invalid-character")
    /// An extended parameter value names a charset that is not known; it was decoded as UTF-8 or
    /// the fallback charset.
    public static let parameterValueUnknownCharset = Diagnostic.Code("parameter-value-unknown-charset")
    /// The bytes of an extended parameter value are not valid in its charset; bad sequences became
    /// U+FFFD.
    public static let parameterValueInvalidCharsetBytes = Diagnostic.Code("parameter-value-invalid-charset-bytes")
    /// An initial extended segment lacks the `charset'language'` prefix (RFC 2231 section 7); the
    /// whole value was decoded as percent-encoded text without a charset.
    public static let parameterValueMissingCharset = Diagnostic.Code("parameter-value-missing-charset")
    /// An extended value was written as a quoted string, which RFC 2231 section 7 does not allow;
    /// the quotes were removed.
    public static let parameterValueQuotedExtendedValue = Diagnostic.Code("parameter-value-quoted-extended-value")
}
