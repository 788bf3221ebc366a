public import MIMECodecs

/// A mention of a participant in a group message (COI client spec, "Mentions in Group
/// Messages"): `@"Name":address` or `@Name:address` in plain text,
/// `<a class="mention" href="mailto:address">@Name</a>` in HTML, and `@all` for everyone.
public struct Mention: Sendable, Hashable {
    /// The name shown, without `@`; nil for ``all``.
    public var name: String?
    /// The mentioned address; nil for ``all``.
    public var address: String?

    /// Mentions a participant.
    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }

    private init() {
        name = nil
        address = nil
    }

    /// `@all`: every participant.
    public static let all = Mention()

    /// Whether this is ``all``.
    public var isAll: Bool { address == nil }

    /// The plain-text form: `@all`, `@Name:address`, or `@"Name with spaces":address` when the
    /// name is not a single run of characters that the unquoted form can carry.
    public var plainText: String {
        guard let name, let address else { return "@all" }
        return Mention.isBareName(name) ? "@\(name):\(address)" : "@\"\(name)\":\(address)"
    }

    /// The HTML form, a link with the `mention` class; `@all` is a link without a target.
    public var html: String {
        var writer = HTMLWriter()
        if let address {
            writer.element("a", class: "mention", attributes: [("href", "mailto:" + Mention.percentEncoded(address))],
                           text: "@" + (name ?? address))
        } else {
            writer.element("a", class: "mention", text: "@all")
        }
        return writer.output
    }

    static func isBareName(_ name: String) -> Bool {
        !name.isEmpty && name != "all" && !name.unicodeScalars.contains { $0 == ":" || $0 == "\"" || $0 == "@" || isSpace($0) }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        MicroformatParser.isHTMLSpace(scalar) || scalar == "\u{A0}"
    }
}

extension Mention {
    /// A mention found in text, with the UTF-8 byte range it covers.
    public struct Match: Sendable, Hashable {
        /// The mention.
        public var mention: Mention
        /// Byte offsets into the UTF-8 text.
        public var range: Range<Int>
    }

    /// The mentions in plain text, in order.
    ///
    /// Grammar (the spec's `@"?NAME"?:EMAILADDRESS` and `@all`): `@` at the start or after a
    /// character that is no letter, digit, `.` or `@`; then `all` not followed by `:`, a letter
    /// or a digit; or a quoted name (no `"` inside) or a bare name (no space, `:`, `"` or `@`),
    /// `:`, and an address of non-space characters holding one `@`. Trailing sentence
    /// punctuation (`.,;:!?)`) is not part of the address.
    public static func mentions(inPlainText text: String) -> [Match] {
        let bytes = Array(text.utf8)
        var result: [Match] = []
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "@") else { continue }
            if index > 0, isWordByte(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "@") { continue }
            if let (mention, end) = mention(in: bytes, at: index) {
                result.append(Match(mention: mention, range: index..<end))
                index = end - 1
            }
        }
        return result
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || ASCII.isAlpha(byte) || byte == 0x2E || byte == 0x5F || byte >= 0x80
    }

    /// The mention starting at the `@` at `start`, and where it ends.
    private static func mention(in bytes: [UInt8], at start: Int) -> (Mention, Int)? {
        var index = start + 1
        let name: String
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "\"")), close > index + 1 else { return nil }
            name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            index = close + 1
        } else {
            let nameStart = index
            while index < bytes.count, !isSpaceByte(bytes[index]), bytes[index] != UInt8(ascii: ":"),
                  bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "@") {
                index += 1
            }
            guard index > nameStart else { return nil }
            let allEnd = nameStart + 3
            if bytes[nameStart...].starts(with: "all".utf8),
               allEnd == bytes.count || (!isWordByte(bytes[allEnd]) && bytes[allEnd] != UInt8(ascii: ":")) {
                return (.all, allEnd)
            }
            name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        let addressStart = index
        while index < bytes.count, !isSpaceByte(bytes[index]), bytes[index] != UInt8(ascii: "<"),
              bytes[index] != UInt8(ascii: "\"") {
            index += 1
        }
        while index > addressStart, ".,;:!?)".utf8.contains(bytes[index - 1]) { index -= 1 }
        let address = bytes[addressStart..<index]
        guard address.count(where: { $0 == UInt8(ascii: "@") }) == 1, address.first != UInt8(ascii: "@"),
              address.last != UInt8(ascii: "@") else { return nil }
        return (Mention(name: name, address: String(decoding: address, as: UTF8.self)), index)
    }

    private static func isSpaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}

extension Mention {
    /// The mentions of an HTML part and what breaks the spec's rules about them.
    public struct HTMLScan: Sendable, Hashable {
        /// The `a.mention` links, in document order.
        public var mentions: [Mention]
        /// Findings: mention-like links without the `mention` class (``Diagnostic/Code/mentionWithoutClass``),
        /// and plain-text mention syntax outside a link (``Diagnostic/Code/mentionNotLinked``).
        public var findings: [Diagnostic]
    }

    /// The mentions in a parsed HTML part.
    ///
    /// A link with the `mention` class and an `href` of `mailto:ADDRESS` is a mention of that
    /// address, named by its text without the leading `@`; one whose text is `@all` and that has
    /// no address is ``all``.
    public static func mentions(in document: HTMLDocument) -> HTMLScan {
        var scan = HTMLScan(mentions: [], findings: [])
        for element in document.elements {
            if element.name == "a" {
                let text = MicroformatParser.trimmed(element.textContent)
                let address = element.attribute("href").flatMap(mailtoAddress)
                let spelledAsMention = text.hasPrefix("@")
                if element.hasClass("mention") {
                    if let address {
                        let name = String(text.dropFirst(spelledAsMention ? 1 : 0))
                        scan.mentions.append(Mention(name: name.isEmpty ? address : name, address: address))
                    } else if text == "@all" {
                        scan.mentions.append(.all)
                    }
                } else if spelledAsMention, address != nil || text == "@all" {
                    scan.findings.append(Diagnostic(
                        .mentionWithoutClass, .error, at: element.sourceOffset,
                        "a mention link (\(text)) lacks the class \"mention\" the COI spec requires"
                    ))
                }
                continue
            }
            // Text directly in this element that spells a mention without the link.
            guard !insideLink(element) else { continue }
            for case .text(let text) in element.children {
                for match in mentions(inPlainText: text) where !match.mention.isAll {
                    scan.findings.append(Diagnostic(
                        .mentionNotLinked, .warning, at: element.sourceOffset,
                        "the mention \(match.mention.plainText) is plain text; HTML mentions are links with the class \"mention\""
                    ))
                }
            }
        }
        return scan
    }

    /// The mentions in HTML bytes.
    public static func mentions(inHTML bytes: [UInt8], limits: HTMLDocument.Limits = .default) throws(HTMLDocument.ParseError) -> HTMLScan {
        mentions(in: try HTMLDocument(parsing: bytes, limits: limits))
    }

    private static func insideLink(_ element: HTMLElement) -> Bool {
        var current: HTMLElement? = element
        while let next = current {
            if next.name == "a" { return true }
            current = next.parent
        }
        return false
    }

    /// The address of a `mailto:` URL: scheme removed, query dropped, `%XX` decoded.
    static func mailtoAddress(_ href: String) -> String? {
        let url = MicroformatParser.cleanURL(href)
        guard url.utf8.count > 7, url.prefix(7).lowercased() == "mailto:" else { return nil }
        let encoded = Array(url.utf8.dropFirst(7).prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") })
        var bytes: [UInt8] = []
        var index = 0
        while index < encoded.count {
            if encoded[index] == UInt8(ascii: "%"), index + 2 < encoded.count,
               let high = ASCII.hexValue(encoded[index + 1]), let low = ASCII.hexValue(encoded[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(encoded[index])
                index += 1
            }
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// `address` for a `mailto:` URL: `%`, `?`, `#`, spaces, controls, quotes, angle brackets
    /// and non-ASCII bytes percent-encoded (RFC 6068 section 2).
    static func percentEncoded(_ address: String) -> String {
        var result = ""
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in address.utf8 {
            if byte <= 0x20 || byte >= 0x7F || "%?#\"<>\\^`{|}[]".utf8.contains(byte) {
                result += "%" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
            } else {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result
    }
}

extension Diagnostic.Code {
    /// A link spelled like a mention (`@Name`, `mailto:`) without the `mention` class.
    public static let mentionWithoutClass = Diagnostic.Code("coi-mention-without-class")
    /// Mention syntax (`@"Name":address`) as plain text in an HTML part instead of a link.
    public static let mentionNotLinked = Diagnostic.Code("coi-mention-not-linked")
}
