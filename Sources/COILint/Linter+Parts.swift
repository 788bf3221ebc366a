internal import MIMECharset
internal import MIMECore

extension Linter {
    /// The RFC findings of an entity and everything inside it: its fields, its transfer
    /// encoding and charset, and its multipart structure. `ancestorBoundaries` are the boundaries
    /// of the enclosing multiparts; `isGlobal` is set inside `message/global`, where raw UTF-8
    /// header text is allowed (RFC 6532 section 3.7).
    func partFindings(_ part: MIMEPart, ancestorBoundaries: [[UInt8]], isGlobal: Bool,
                      isMessageRoot: Bool = false) -> [Finding] {
        let survey = fieldFindings(part.headers, at: part.headerOffset, allowsUTF8: isGlobal, isMessageHeader: isMessageRoot)
        var findings = survey.findings
        let contentType = PartType(survey.contentTypeSummary, part: part)
        var ignored: [Diagnostic] = []
        let encoding = survey.transferEncoding.flatMap { ContentTransferEncoding.parse($0.rawValue, diagnostics: &ignored) }
        switch part.content {
        case .leaf:
            let isIdentity = encoding == nil || encoding == .sevenBit || encoding == .eightBit || encoding == .binary
            let eightBitOffset = isIdentity ? Self.firstEightBitByte(part.rawBody) : nil
            let diagnostics: [Diagnostic]
            if contentType.isText {
                // ASCII text in an identity encoding is valid in every ASCII-based charset: only
                // an unknown or ASCII-incompatible charset label needs the full decoding.
                if isIdentity, eightBitOffset == nil, Self.isASCIICompatible(contentType.effectiveCharset) {
                    diagnostics = []
                } else if let checked = Self.textDiagnosticsWithoutDecoding(part, charset: contentType.effectiveCharset,
                                                                            isIdentity: isIdentity) {
                    diagnostics = checked
                } else {
                    diagnostics = part.text(fallbackCharset: options.headerFallbackCharset)?.diagnostics ?? []
                }
            } else if isIdentity {
                diagnostics = []
            } else {
                diagnostics = part.decodeBody { _ in }
            }
            findings += diagnostics.compactMap(Self.finding)
            if encoding == nil || encoding == .sevenBit, let eightBit = eightBitOffset {
                let declared = encoding == nil ? "no Content-Transfer-Encoding (7bit)" : "Content-Transfer-Encoding 7bit"
                findings.append(Finding(.transferEncodingMismatch, at: eightBit,
                                        "8-bit byte in a body with \(declared); declare 8bit or encode the body"))
            }
        case .multipart(let multipart):
            if let encoding, encoding != .sevenBit, encoding != .eightBit, encoding != .binary {
                let field = part.headers.first(named: "Content-Transfer-Encoding")
                findings.append(Finding(.transferEncodingMismatch, at: field?.offset ?? part.headerOffset,
                                        "a multipart may only use 7bit, 8bit or binary, not \(encoding.rawValue)"))
            }
            let boundary = multipart.boundary
            if ancestorBoundaries.contains(where: { Self.isPrefix($0, of: boundary) || Self.isPrefix(boundary, of: $0) }) {
                let field = part.headers.first(named: "Content-Type")
                findings.append(Finding(.boundaryReused, at: field?.offset ?? part.headerOffset,
                                        "boundary \"\(ASCII.string(boundary))\" overlaps the boundary of an enclosing multipart"))
            }
            for child in multipart.parts {
                findings += partFindings(child, ancestorBoundaries: ancestorBoundaries + [boundary], isGlobal: isGlobal)
            }
        case .message(let nested):
            findings += nested.diagnostics.compactMap(Self.finding)
            findings += partFindings(nested.root, ancestorBoundaries: ancestorBoundaries,
                                     isGlobal: isGlobal || contentType.subtype == "global", isMessageRoot: true)
        }
        return findings
    }

    /// The offset of the first byte over 0x7F in `bytes`.
    static func firstEightBitByte(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            // Eight bytes at a time: a word with no high bit set has no 8-bit byte.
            let count = raw.count
            var index = 0
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            while index < count {
                if raw[index] >= 0x80 { return bytes.startIndex + index }
                index += 1
            }
            return nil
        }
    }

    /// The diagnostics of a UTF-8 or ISO-8859-1 text body found without converting it to a
    /// string: the transfer decoding's, when the bytes are valid in the charset (ISO-8859-1 maps
    /// every byte). `nil` when the body needs the library's full decoding to report exactly.
    static func textDiagnosticsWithoutDecoding(_ part: MIMEPart, charset: String?, isIdentity: Bool) -> [Diagnostic]? {
        let label = charset?.lowercased()
        let isUTF8 = label == "utf-8" || label == "utf8"
        // Mail readers take us-ascii and ISO-8859-1 labels as windows-1252, which maps every byte:
        // only the transfer decoding can report anything.
        if !isUTF8, let charset, Charset(charset) == .windows1252 { return part.decodeBody { _ in } }
        guard isUTF8 || label == "iso-8859-1" || label == "latin1" else {
            // Any other ASCII-compatible charset: a transfer-encoded body that decodes to plain
            // ASCII is valid in it, with no string to build.
            guard !isIdentity, isASCIICompatible(charset) else { return nil }
            var bytes: [UInt8] = []
            let transfer = part.decodeBody { bytes.append(contentsOf: $0) }
            return firstEightBitByte(bytes[...]) == nil ? transfer : nil
        }
        guard isUTF8 else { return isIdentity ? [] : part.decodeBody { _ in } }
        if isIdentity {
            return UTF8Validation.firstInvalidByte(in: part.rawBody) == nil ? [] : nil
        }
        var stream = UTF8Validation.Stream()
        let transfer = part.decodeBody { stream.feed($0) }
        return stream.finish() ? transfer : nil
    }

    /// Charsets in which every ASCII byte stands for itself (absent means US-ASCII, RFC 2045
    /// section 5.2).
    static func isASCIICompatible(_ label: String?) -> Bool {
        guard let label = label?.lowercased() else { return true }
        return asciiCompatibleCharsets.contains(label)
    }

    static let asciiCompatibleCharsets: Set<String> = [
        "us-ascii", "ascii", "utf-8", "utf8", "iso-8859-1", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5",
        "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-9", "iso-8859-10", "iso-8859-13", "iso-8859-14",
        "iso-8859-15", "iso-8859-16", "windows-1250", "windows-1251", "windows-1252", "windows-1253",
        "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258", "koi8-r", "koi8-u",
    ]

    static func isPrefix(_ prefix: [UInt8], of bytes: [UInt8]) -> Bool {
        prefix.count <= bytes.count && bytes.starts(with: prefix)
    }
}

/// What the rules need of a part's `Content-Type`: read from the bytes when the value is in the
/// plain form, which has nothing to report (nearly every part), and parsed otherwise.
struct PartType {
    var isText: Bool
    /// The subtype, lowercased.
    var subtype: String
    var charset: String?

    /// The type of `part`, from the summary of its first `Content-Type` field when that is plain.
    init(_ summary: ContentType.PlainSummary?, part: MIMEPart) {
        if let plain = summary {
            isText = plain.isText
            subtype = ASCII.lowercasedString(plain.subtype)
            charset = plain.charset.map { ASCII.string($0) }
        } else {
            let value = part.contentType
            isText = value.isText
            subtype = value.subtype
            charset = value.charset
        }
    }

    /// The charset the body is in: `us-ascii` for text without one (RFC 2045 section 5.2).
    var effectiveCharset: String? { charset ?? (isText ? "us-ascii" : nil) }
}
