internal import MIMECharset

/// Recognizers for the plain forms of the MIME fields, which their parsers would read without
/// a word of complaint: they prove a value clean in one pass over its bytes, building nothing,
/// so that checkers skip the parsers for nearly every value. One method per grammar rule
/// (RFC 2045 section 5.1, RFC 2183 section 2).
struct PlainFieldReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    /// Well inside `MIMEParameters`' own limit, so that an accepted value never reaches it.
    static let maximumParameters = 16

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// `content := type "/" subtype *(";" parameter)`, offsets relative to the value; for a
    /// multipart, with a boundary parameter within RFC 2046 section 5.1.1.
    mutating func readContentType() -> (isText: Bool, subtype: Range<Int>, charset: Range<Int>?)? {
        skipWhitespace()
        guard let type = token(), !isAtEnd, bytes[index] == UInt8(ascii: "/") else { return nil }
        index += 1
        guard let subtype = token() else { return nil }
        var charset: Range<Int>?
        var boundary: Range<Int>?
        let bytes = self.bytes
        let read = parameters { name, value, extended in
            let isCharset = Self.equalsIgnoringCase(bytes, name, "charset")
            let isBoundary = Self.equalsIgnoringCase(bytes, name, "boundary")
            // The summary reports these two as written: their RFC 2231 forms take the parser.
            if extended { return !isCharset && !isBoundary }
            if isCharset { charset = value }
            if isBoundary { boundary = value }
            return true
        }
        guard read else { return nil }
        if equalsIgnoringCase(type, "multipart") {
            guard let boundary, isPlainBoundary(boundary) else { return nil }
        }
        return (equalsIgnoringCase(type, "text"), subtype, charset)
    }

    /// `disposition := disposition-type *(";" disposition-parm)` with the type `inline` or
    /// `attachment`, and without the parameters `checkParameters` verifies (sizes and dates)
    /// unless the size is plain digits.
    mutating func readContentDisposition() -> Bool {
        skipWhitespace()
        guard let type = token(), equalsIgnoringCase(type, "inline") || equalsIgnoringCase(type, "attachment")
        else { return false }
        let bytes = self.bytes
        return parameters { name, value, extended in
            if Self.equalsIgnoringCase(bytes, name, "size") {
                guard !extended else { return false }
                return (1...18).contains(value.count) && value.allSatisfy { ASCII.isDigit(bytes[$0]) }
            }
            return !Self.equalsIgnoringCase(bytes, name, "creation-date")
                && !Self.equalsIgnoringCase(bytes, name, "modification-date")
                && !Self.equalsIgnoringCase(bytes, name, "read-date")
        }
    }

    /// `*(";" parameter)` to the end of the value: distinct names, each value passed to
    /// `accept` (which may refuse it) with whether it is an RFC 2231 extended value
    /// (`name*=charset'language'value`, section 4); names split into RFC 2231 sections take
    /// the full reader.
    mutating func parameters(_ accept: (_ name: Range<Int>, _ value: Range<Int>, _ extended: Bool) -> Bool) -> Bool {
        var names: [Range<Int>] = []
        skipWhitespace()
        while !isAtEnd {
            guard bytes[index] == ASCII.semicolon, names.count < Self.maximumParameters else { return false }
            index += 1
            skipWhitespace()
            guard var name = token(), !isAtEnd, bytes[index] == ASCII.equals else { return false }
            let extended = bytes[name.upperBound - 1] == UInt8(ascii: "*")
            if extended { name = name.lowerBound..<(name.upperBound - 1) }
            guard !name.isEmpty else { return false }
            // Sections ("name*0"), and names the renderer would not keep, take the full reader.
            for offset in name where [UInt8(ascii: "*"), UInt8(ascii: "%"), UInt8(ascii: "'")].contains(bytes[offset]) {
                return false
            }
            // A name given twice, or in both forms (which the reader reports as superseded).
            for earlier in names where equalsIgnoringCase(earlier, name) { return false }
            names.append(name)
            index += 1
            guard let value = extended ? extendedValue() : parameterValue(), accept(name, value, extended) else {
                return false
            }
            skipWhitespace()
        }
        return true
    }

    /// `extended-initial-value := [charset] "'" [language] "'" extended-other-values` (RFC 2231
    /// section 7), unquoted, with a common charset, a language of letters, digits and `-`, and
    /// percent escapes that decode to text valid in the charset.
    mutating func extendedValue() -> Range<Int>? {
        guard let value = token() else { return nil }
        guard let firstQuote = value.first(where: { bytes[$0] == UInt8(ascii: "'") }),
              let secondQuote = (firstQuote + 1..<value.upperBound).first(where: { bytes[$0] == UInt8(ascii: "'") }),
              firstQuote > value.lowerBound,
              let charset = Charset.commonLabel(UnsafeBufferPointer(rebasing: bytes[value.lowerBound..<firstQuote])),
              (firstQuote + 1..<secondQuote).allSatisfy({ ASCII.isAlpha(bytes[$0]) || ASCII.isDigit(bytes[$0]) || bytes[$0] == ASCII.hyphen })
        else { return nil }
        var decoded: [UInt8] = []
        var offset = secondQuote + 1
        while offset < value.upperBound {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "%") {
                guard offset + 2 < value.upperBound, let high = ASCII.hexValue(bytes[offset + 1]),
                      let low = ASCII.hexValue(bytes[offset + 2]) else { return nil }
                decoded.append(high << 4 | low)
                offset += 3
            } else {
                // attribute-char: a token character other than "*", "'" and "%".
                guard byte != UInt8(ascii: "*"), byte != UInt8(ascii: "'") else { return nil }
                decoded.append(byte)
                offset += 1
            }
        }
        // windows-1252, which the other common labels read as, maps every byte.
        if charset == .utf8, !decoded.withUnsafeBufferPointer({ Charset.isWellFormedUTF8($0) }) { return nil }
        return value
    }

    /// `token := 1*<any (US-ASCII) CHAR except SPACE, CTLs, or tspecials>`.
    mutating func token() -> Range<Int>? {
        let start = index
        // The field scanner takes 8-bit bytes into tokens leniently and reports them.
        while !isAtEnd, bytes[index] < 0x80, FieldScanner.isTokenChar(bytes[index]) { index += 1 }
        return index > start ? start..<index : nil
    }

    /// `value := token / quoted-string`: a non-empty quoted string of printable ASCII without
    /// quoted pairs or `=?`. The range excludes the quotes.
    mutating func parameterValue() -> Range<Int>? {
        guard !isAtEnd else { return nil }
        guard bytes[index] == ASCII.quote else { return token() }
        index += 1
        let start = index
        var previous: UInt8 = 0
        while !isAtEnd, bytes[index] != ASCII.quote {
            let byte = bytes[index]
            guard byte >= 0x20, byte < 0x7F, byte != ASCII.backslash,
                  !(byte == ASCII.question && previous == ASCII.equals) else { return nil }
            previous = byte
            index += 1
        }
        guard !isAtEnd, index > start else { return nil }
        let value = start..<index
        index += 1
        return value
    }

    /// `boundary := 0*69<bchars> bcharsnospace` (RFC 2046 section 5.1.1).
    func isPlainBoundary(_ range: Range<Int>) -> Bool {
        guard (1...70).contains(range.count), bytes[range.upperBound - 1] != ASCII.space else { return false }
        return range.allSatisfy { ContentType.isBoundaryChar(bytes[$0]) }
    }

    /// White space and folding: SP, HTAB, and CRLF or a bare LF followed by one of them.
    mutating func skipWhitespace() {
        index = Self.whitespaceEnd(bytes, from: index)
    }

    /// Where the white space and folding starting at `index` end.
    static func whitespaceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.space || byte == ASCII.tab {
                index += 1
            } else if byte == ASCII.cr, index + 2 < bytes.count, bytes[index + 1] == ASCII.lf,
                      bytes[index + 2] == ASCII.space || bytes[index + 2] == ASCII.tab {
                index += 3
            } else if byte == ASCII.lf, index + 1 < bytes.count,
                      bytes[index + 1] == ASCII.space || bytes[index + 1] == ASCII.tab {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    func equalsIgnoringCase(_ range: Range<Int>, _ lowercase: StaticString) -> Bool {
        Self.equalsIgnoringCase(bytes, range, lowercase)
    }

    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                   _ lowercase: StaticString) -> Bool {
        guard range.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = lowercase.utf8Start
        for (position, offset) in range.enumerated() where ASCII.lowercased(bytes[offset]) != expected[position] {
            return false
        }
        return true
    }

    func equalsIgnoringCase(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard first.count == second.count else { return false }
        for (left, right) in zip(first, second) where ASCII.lowercased(bytes[left]) != ASCII.lowercased(bytes[right]) {
            return false
        }
        return true
    }
}
