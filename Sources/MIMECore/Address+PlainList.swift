extension Address {
    /// Whether `value` is an `address-list` in the plain form nearly all mail uses, in which
    /// ``parseList(_:diagnostics:)`` finds nothing to report: proved by one pass over the bytes,
    /// building no strings, so that checking a message's addresses does not parse them.
    ///
    /// The plain form is a list of `mailbox`es separated by `,`: an `addr-spec` of two
    /// `dot-atom`s, or a `name-addr` whose display name is atoms, quoted strings of printable
    /// ASCII, or RFC 2047 encoded words in a common charset that decode cleanly. White space and
    /// folding (CRLF or a bare LF, then white space) may separate the tokens. Anything else
    /// (comments, groups, obsolete forms, raw 8-bit text, quoted pairs, irregular encoded words,
    /// an empty element) answers `false`, and the caller parses the value to report it.
    static func isPlainList(_ value: ArraySlice<UInt8>) -> Bool {
        value.withUnsafeBufferPointer { buffer in
            var recognizer = PlainAddressList(bytes: buffer)
            return recognizer.matches()
        }
    }
}

/// The recognizer behind ``Address/isPlainList(_:)``: the RFC 5322 section 3.4 grammar without
/// its obsolete and rarely used branches, each rule a method named after it.
private struct PlainAddressList {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// The encoded words of the display name being read.
    var encodedWords = PlainEncodedWords()

    /// Well inside the parser's own limits (`AddressListParser`'s 1,000 addresses and 1,024
    /// tokens per address, `EncodedWord`'s 10,000 words per decode), so that a value the
    /// recognizer accepts never reaches one of them.
    static let maximumAddresses = 500
    static let maximumWords = 200
    static let maximumDots = 100

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// `address-list = mailbox *("," mailbox)`, with no empty element.
    mutating func matches() -> Bool {
        skipWhitespace()
        var count = 0
        while true {
            guard !isAtEnd, count < Self.maximumAddresses, mailbox() else { return false }
            count += 1
            skipWhitespace()
            if isAtEnd { return true }
            guard bytes[index] == UInt8(ascii: ",") else { return false }
            index += 1
            skipWhitespace()
        }
    }

    /// `mailbox = name-addr / addr-spec`. An `addr-spec` starts like a phrase's first atom; the
    /// byte after the first `dot-atom` tells them apart.
    mutating func mailbox() -> Bool {
        if bytes[index] == UInt8(ascii: "<") { return angleAddr() }
        let start = index
        if dotAtom(), !isAtEnd, bytes[index] == UInt8(ascii: "@") {
            index += 1
            return dotAtom()
        }
        index = start
        return displayName() && angleAddr()
    }

    /// `angle-addr = "<" addr-spec ">"`, white space before it skipped by the caller.
    mutating func angleAddr() -> Bool {
        guard !isAtEnd, bytes[index] == UInt8(ascii: "<") else { return false }
        index += 1
        guard dotAtom(), !isAtEnd, bytes[index] == UInt8(ascii: "@") else { return false }
        index += 1
        guard dotAtom(), !isAtEnd, bytes[index] == UInt8(ascii: ">") else { return false }
        index += 1
        return true
    }

    /// `dot-atom-text = 1*atext *("." 1*atext)`, with no white space around the dots.
    mutating func dotAtom() -> Bool {
        var dots = 0
        while true {
            let start = index
            while !isAtEnd, ASCII.isAtext(bytes[index]) { index += 1 }
            guard index > start else { return false }
            guard !isAtEnd, bytes[index] == UInt8(ascii: "."), dots < Self.maximumDots else { return true }
            dots += 1
            index += 1
        }
    }

    /// `display-name = phrase = 1*word`, then the white space before `<`. Words are atoms,
    /// quoted strings and encoded words; a `.` (obsolete) or any other special ends the match.
    mutating func displayName() -> Bool {
        var words = 0
        encodedWords.reset()
        while !isAtEnd, bytes[index] != UInt8(ascii: "<") {
            guard words < Self.maximumWords else { return false }
            let start = index
            if bytes[index] == ASCII.quote {
                guard quotedString() else { return false }
                guard encodedWords.endRun() else { return false }
            } else {
                while !isAtEnd, ASCII.isAtext(bytes[index]) { index += 1 }
                guard index > start else { return false }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if PlainEncodedWords.containsEncodedWordStart(word) {
                    guard encodedWords.word(word) else { return false }
                } else {
                    guard encodedWords.endRun() else { return false }
                }
            }
            words += 1
            // Words are separated by white space; anything glued to a word other than `<` is
            // not the plain form.
            let beforeSpace = index
            skipWhitespace()
            guard index > beforeSpace || (!isAtEnd && bytes[index] == UInt8(ascii: "<")) else { return false }
        }
        return words > 0 && encodedWords.endRun()
    }

    /// `quoted-string` of printable ASCII without quoted pairs, and without `=?`, which the
    /// parser decodes as an encoded word anyway and reports.
    mutating func quotedString() -> Bool {
        index += 1
        let start = index
        var previous: UInt8 = 0
        while !isAtEnd {
            let byte = bytes[index]
            if byte == ASCII.quote { break }
            guard byte >= 0x20, byte < 0x7F, byte != ASCII.backslash else { return false }
            if byte == ASCII.question && previous == ASCII.equals { return false }
            previous = byte
            index += 1
        }
        guard !isAtEnd, index > start else { return false }
        index += 1
        return true
    }

    /// White space and folding: SP, HTAB, and CRLF or a bare LF followed by one of them.
    mutating func skipWhitespace() {
        index = PlainFieldReader.whitespaceEnd(bytes, from: index)
    }
}
