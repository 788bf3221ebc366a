internal import MIMECore

extension Linter {
    /// The RFC findings of an entity and everything inside it: its fields, its transfer
    /// encoding and charset, and its multipart structure. `ancestorBoundaries` are the boundaries
    /// of the enclosing multiparts; `isGlobal` is set inside `message/global`, where raw UTF-8
    /// header text is allowed (RFC 6532 section 3.7).
    func partFindings(_ part: MIMEPart, ancestorBoundaries: [[UInt8]], isGlobal: Bool) -> [Finding] {
        var findings = fieldFindings(part.headers, at: part.headerOffset, allowsUTF8: isGlobal)
        let encoding = part.transferEncoding
        switch part.content {
        case .leaf:
            let diagnostics: [Diagnostic]
            if part.contentType.isText {
                diagnostics = part.text(fallbackCharset: options.headerFallbackCharset)?.diagnostics ?? []
            } else {
                diagnostics = part.decodeBody { _ in }
            }
            findings += diagnostics.compactMap(Self.finding)
            if encoding == nil || encoding == .sevenBit, let eightBit = Self.firstEightBitByte(part.rawBody) {
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
            findings += messageFieldFindings(nested.headers, at: nested.root.headerOffset)
            findings += partFindings(nested.root, ancestorBoundaries: ancestorBoundaries,
                                     isGlobal: isGlobal || part.contentType.subtype.lowercased() == "global")
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

    static func isPrefix(_ prefix: [UInt8], of bytes: [UInt8]) -> Bool {
        prefix.count <= bytes.count && bytes.starts(with: prefix)
    }
}
