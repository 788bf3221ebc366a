// Rendering of addresses as header field text (RFC 5322 section 3.4), the inverse of
// `AddressListParser`: parsing what these functions produce gives back the same values.
//
// Output is returned as tokens: units that must stay on one line. Joining them with single
// spaces gives the field body; a folder may put `CRLF` before any of those spaces (RFC 5322
// section 2.2.3) without changing the meaning, because every space between tokens is `FWS`
// at a place the grammar allows it.

extension Mailbox {
    /// The mailbox as header tokens (RFC 5322 section 3.4): `["John", "Doe", "<jd@x.test>"]`,
    /// or `["jd@x.test"]` without a display name.
    ///
    /// The display name is written as atoms when it is made of `atext` words separated by
    /// single spaces, as one `quoted-string` (`"` and `\` escaped) when it holds specials or
    /// other spacing, and as RFC 2047 encoded words (section 5, `phrase` context) when it holds
    /// non-ASCII text or control characters, unless `allowingUTF8` asks for RFC 6532 raw UTF-8.
    /// The route is not written (RFC 5322 section 4.4: generators must not produce it).
    ///
    /// - Parameter allowingUTF8: write non-ASCII display names as UTF-8 (RFC 6532), for
    ///   messages sent with SMTPUTF8. Local parts and domains are always written as they are.
    public func headerTokens(allowingUTF8: Bool = false) -> [String] {
        let spec = addrSpec
        guard let displayName, !displayName.isEmpty else { return [spec] }
        return AddressRendering.phraseTokens(displayName, allowingUTF8: allowingUTF8) + ["<" + spec + ">"]
    }

    /// ``headerTokens(allowingUTF8:)`` joined with single spaces: a field body that may be
    /// folded at any space.
    public func headerText(allowingUTF8: Bool = false) -> String {
        headerTokens(allowingUTF8: allowingUTF8).joined(separator: " ")
    }

    /// A local part as `dot-atom` when it is one, else as `quoted-string` (RFC 5322 section
    /// 3.4.1: the two forms are equivalent, and the `dot-atom` form is preferred).
    static func renderLocalPart(_ local: String) -> String {
        if AddressRendering.isDotAtom(local.utf8) { return local }
        return AddressRendering.quoted(local)
    }
}

extension Mailbox {
    /// The mailbox as its rendering carries it: the same, without the obsolete route, which
    /// RFC 5322 section 4.4 forbids generating. Parsing ``headerText(allowingUTF8:)`` gives this
    /// value back.
    public var withoutRoute: Mailbox {
        var copy = self
        copy.route = []
        return copy
    }
}

extension Address {
    /// The address as its rendering carries it: every mailbox without its obsolete route (see
    /// ``Mailbox/withoutRoute``). Parsing ``headerText(allowingUTF8:)`` gives this value back.
    public var withoutRoute: Address {
        switch self {
        case .mailbox(let mailbox): .mailbox(mailbox.withoutRoute)
        case .group(let group): .group(AddressGroup(name: group.name, members: group.members.map(\.withoutRoute)))
        }
    }
}

extension AddressGroup {
    /// The group as header tokens (RFC 5322 section 3.4): `["A", "Group:", "a@x,", "b@y;"]`,
    /// or `["Undisclosed", "recipients:;"]` when empty. See
    /// ``Mailbox/headerTokens(allowingUTF8:)`` for how names are written.
    public func headerTokens(allowingUTF8: Bool = false) -> [String] {
        var tokens = AddressRendering.phraseTokens(name, allowingUTF8: allowingUTF8)
        if tokens.isEmpty { tokens = ["\"\""] }
        tokens[tokens.count - 1] += ":"
        guard !members.isEmpty else {
            tokens[tokens.count - 1] += ";"
            return tokens
        }
        tokens += AddressRendering.joinList(members.map { $0.headerTokens(allowingUTF8: allowingUTF8) })
        tokens[tokens.count - 1] += ";"
        return tokens
    }

    /// ``headerTokens(allowingUTF8:)`` joined with single spaces.
    public func headerText(allowingUTF8: Bool = false) -> String {
        headerTokens(allowingUTF8: allowingUTF8).joined(separator: " ")
    }
}

extension Address {
    /// The address as header tokens (RFC 5322 section 3.4); see
    /// ``Mailbox/headerTokens(allowingUTF8:)`` and ``AddressGroup/headerTokens(allowingUTF8:)``.
    public func headerTokens(allowingUTF8: Bool = false) -> [String] {
        switch self {
        case .mailbox(let mailbox): mailbox.headerTokens(allowingUTF8: allowingUTF8)
        case .group(let group): group.headerTokens(allowingUTF8: allowingUTF8)
        }
    }

    /// ``headerTokens(allowingUTF8:)`` joined with single spaces.
    public func headerText(allowingUTF8: Bool = false) -> String {
        headerTokens(allowingUTF8: allowingUTF8).joined(separator: " ")
    }
}

extension Array where Element == Address {
    /// The list as header tokens, `address-list` of RFC 5322 section 3.4: each address's
    /// tokens, all but the last followed by `,`.
    public func headerTokens(allowingUTF8: Bool = false) -> [String] {
        AddressRendering.joinList(map { $0.headerTokens(allowingUTF8: allowingUTF8) })
    }

    /// ``headerTokens(allowingUTF8:)`` joined with single spaces: `a@x, B <b@y>`.
    public func headerText(allowingUTF8: Bool = false) -> String {
        headerTokens(allowingUTF8: allowingUTF8).joined(separator: " ")
    }
}

extension Array where Element == Mailbox {
    /// The list as header tokens, `mailbox-list` of RFC 5322 section 3.4.
    public func headerTokens(allowingUTF8: Bool = false) -> [String] {
        AddressRendering.joinList(map { $0.headerTokens(allowingUTF8: allowingUTF8) })
    }

    /// ``headerTokens(allowingUTF8:)`` joined with single spaces.
    public func headerText(allowingUTF8: Bool = false) -> String {
        headerTokens(allowingUTF8: allowingUTF8).joined(separator: " ")
    }
}

/// The choices behind address rendering, shared with the message-id renderer.
enum AddressRendering {
    static func joinList(_ items: [[String]]) -> [String] {
        var tokens: [String] = []
        for (index, item) in items.enumerated() where !item.isEmpty {
            tokens += item
            if index != items.count - 1 { tokens[tokens.count - 1] += "," }
        }
        return tokens
    }

    /// `phrase = 1*word` (RFC 5322 section 3.2.5) carrying `text` exactly.
    static func phraseTokens(_ text: String, allowingUTF8: Bool) -> [String] {
        guard !text.isEmpty else { return [] }
        var needsEncoding = false
        var hasSpecial = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (byte >= 0x80 && !allowingUTF8) {
                needsEncoding = true
            } else if byte == ASCII.question && previous == ASCII.equals {
                // Would read back as an encoded word.
                needsEncoding = true
            } else if byte != ASCII.space && !FieldScanner.isAtext(byte) {
                hasSpecial = true
            }
            previous = byte
        }
        if needsEncoding { return HeaderText.encodePhrase(text) }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        if !hasSpecial && words.allSatisfy({ !$0.isEmpty }) {
            return words.map(String.init)
        }
        return [quoted(text)]
    }

    /// `quoted-string` (RFC 5322 section 3.2.4) with `"` and `\` escaped as `quoted-pair`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result + "\""
    }

    /// `dot-atom-text = 1*atext *("." 1*atext)` (RFC 5322 section 3.2.3), with UTF-8 as `atext`
    /// (RFC 6532 section 3.2).
    static func isDotAtom(_ bytes: some Collection<UInt8>) -> Bool {
        var previousWasDot = true
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if previousWasDot { return false }
                previousWasDot = true
            } else if FieldScanner.isAtext(byte) {
                previousWasDot = false
            } else {
                return false
            }
        }
        return !previousWasDot
    }
}
