import Testing
import MIMECore

private func mb(_ spec: String, _ name: String? = nil, route: [String] = []) -> Address {
    .mailbox(member(spec, name, route: route))
}

private func member(_ spec: String, _ name: String? = nil, route: [String] = []) -> Mailbox {
    let at = spec.lastIndex(of: "@")
    let local = at.map { String(spec[..<$0]) } ?? spec
    let domain = at.map { String(spec[spec.index(after: $0)...]) }
    return Mailbox(displayName: name, localPart: local, domain: domain, route: route)
}

private func parse(_ text: String, parser: AddressListParser = AddressListParser()) -> ([Address], [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let addresses = parser.parse(ArraySlice(Array(text.utf8)), diagnostics: &diagnostics)
    return (addresses, diagnostics)
}

private func parseBytes(_ bytes: [UInt8]) -> ([Address], [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let addresses = AddressListParser().parse(ArraySlice(bytes), diagnostics: &diagnostics)
    return (addresses, diagnostics)
}

@Suite("RFC 5322 appendix A addresses")
struct AddressAppendixATests {
    @Test("A.1.1, A.1.2, A.1.3, A.2: well-formed addresses parse without diagnostics", arguments: [
        // A.1.1
        ("John Doe <jdoe@machine.example>", [mb("jdoe@machine.example", "John Doe")]),
        ("Michael Jones <mjones@machine.example>", [mb("mjones@machine.example", "Michael Jones")]),
        ("Mary Smith <mary@example.net>", [mb("mary@example.net", "Mary Smith")]),
        // A.1.2
        (#""Joe Q. Public" <john.q.public@example.com>"#, [mb("john.q.public@example.com", "Joe Q. Public")]),
        ("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>",
         [mb("mary@x.test", "Mary Smith"), mb("jdoe@example.org"), mb("one@y.test", "Who?")]),
        (#"<boss@nil.test>, "Giant; \"Big\" Box" <sysservices@example.net>"#,
         [mb("boss@nil.test"), mb("sysservices@example.net", #"Giant; "Big" Box"#)]),
        // A.1.3
        ("Pete <pete@silly.example>", [mb("pete@silly.example", "Pete")]),
        ("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;",
         [.group(AddressGroup(name: "A Group", members: [
            member("c@a.test", "Ed Jones"), member("joe@where.test"), member("jdoe@one.test", "John"),
         ]))]),
        ("Undisclosed recipients:;", [.group(AddressGroup(name: "Undisclosed recipients"))]),
        // A.2
        (#""Mary Smith: Personal Account" <smith@home.example>"#,
         [mb("smith@home.example", "Mary Smith: Personal Account")]),
    ] as [(String, [Address])])
    func wellFormed(_ text: String, _ expected: [Address]) {
        let (addresses, diagnostics) = parse(text)
        #expect(addresses == expected)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test("A.5: white space, comments and other oddities", arguments: [
        (#"Pete(A nice \) chap) <pete(his account)@silly.test(his host)>"#,
         [mb("pete@silly.test", "Pete")], [Diagnostic.Code.addressWhitespaceAroundAt]),
        ("A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n"
            + "         joe@example.org,\r\n  John <jdoe@one.test> (my dear friend); (the end of the group)",
         [.group(AddressGroup(name: "A Group", members: [
            member("c@public.example", "Chris Jones"), member("joe@example.org"), member("jdoe@one.test", "John"),
         ]))], [.addressWhitespaceAroundAt]),
        ("(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;",
         [.group(AddressGroup(name: "Hidden recipients"))], []),
    ] as [(String, [Address], [Diagnostic.Code])])
    func whiteSpaceAndComments(_ text: String, _ expected: [Address], _ codes: [Diagnostic.Code]) {
        let (addresses, diagnostics) = parse(text)
        #expect(addresses == expected)
        #expect(diagnostics.map(\.code) == codes, "\(diagnostics)")
    }

    @Test("A.6.1 and A.6.3: obsolete forms", arguments: [
        ("Joe Q. Public <john.q.public@example.com>",
         [mb("john.q.public@example.com", "Joe Q. Public")], [Diagnostic.Code.displayNameObsoletePeriod]),
        ("Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example",
         [mb("mary@example.net", "Mary Smith", route: ["node.test"]), mb("jdoe@test.example")],
         [.addressObsoleteRoute, .addressEmptyElement, .addressObsoleteWhitespace]),
        ("John Doe <jdoe@machine(comment).  example>", [mb("jdoe@machine.example", "John Doe")],
         [.addressObsoleteWhitespace]),
        ("Mary Smith\r\n  \r\n          <mary@example.net>", [mb("mary@example.net", "Mary Smith")], []),
    ] as [(String, [Address], [Diagnostic.Code])])
    func obsolete(_ text: String, _ expected: [Address], _ codes: [Diagnostic.Code]) {
        let (addresses, diagnostics) = parse(text)
        #expect(addresses == expected)
        #expect(diagnostics.map(\.code) == codes, "\(diagnostics)")
    }
}

@Suite("Address leniency")
struct AddressLeniencyTests {
    @Test("Real-mail deviations are recovered with a diagnostic", arguments: [
        ("a@x; b@y", [mb("a@x"), mb("b@y")], Diagnostic.Code.addressSemicolonSeparator),
        ("a@x,,b@y", [mb("a@x"), mb("b@y")], .addressEmptyElement),
        ("a@x, b@y,", [mb("a@x"), mb("b@y")], .addressEmptyElement),
        (", a@x", [mb("a@x")], .addressEmptyElement),
        ("John Q. Public <john@x>", [mb("john@x", "John Q. Public")], .displayNameObsoletePeriod),
        ("john@x.com <john@x.com>", [mb("john@x.com", "john@x.com")], .displayNameUnquotedSpecial),
        ("[External] John <j@x>", [mb("j@x", "[External] John")], .displayNameUnquotedSpecial),
        ("john@x (John)", [mb("john@x", "John")], .displayNameInComment),
        ("john@x (John \\(Jack\\) Smith), b@y", [mb("john@x", "John (Jack) Smith"), mb("b@y")], .displayNameInComment),
        ("John <john@x", [mb("john@x", "John")], .angleAddressUnterminated),
        ("John <john@x, Mary <mary@y>", [mb("john@x", "John"), mb("mary@y", "Mary")], .angleAddressUnterminated),
        ("<john>", [mb("john")], .addressMissingDomain),
        ("john, b@y", [mb("john"), mb("b@y")], .addressMissingDomain),
        ("john@", [mb("john")], .addressMissingDomain),
        ("john @ x.com", [mb("john@x.com")], .addressWhitespaceAroundAt),
        ("john.smith@x . com", [mb("john.smith@x.com")], .addressObsoleteWhitespace),
        ("john . smith@x.com", [mb("john.smith@x.com")], .addressObsoleteWhitespace),
        ("a@b@c", [mb("a@b@c")], .addressInvalidSyntax),
        ("a..b@c", [mb("a..b@c")], .addressInvalidSyntax),
        ("<<a@x>>, b@y", [mb("a@x"), mb("b@y")], .addressInvalidSyntax),
        ("John <a@x> junk, b@y", [mb("a@x", "John"), mb("b@y")], .addressTrailingGarbage),
        ("<a@x> <b@y>", [mb("a@x"), mb("b@y")], .addressMissingSeparator),
        ("John <a@x> Mary Smith <m@y>", [mb("a@x", "John"), mb("m@y", "Mary Smith")], .addressMissingSeparator),
        ("a@x b@y", [mb("a@x"), mb("b@y")], .addressMissingSeparator),
        ("a@x (A) b@y (B)", [mb("a@x", "A"), mb("b@y", "B")], .addressMissingSeparator),
        ("John <a@x> b@y, c@z", [mb("a@x", "John"), mb("b@y"), mb("c@z")], .addressMissingSeparator),
        ("G: a@x; H: b@y;", [.group(AddressGroup(name: "G", members: [member("a@x")])),
                             .group(AddressGroup(name: "H", members: [member("b@y")]))], .addressMissingSeparator),
        ("G: <a@x> b@y;", [.group(AddressGroup(name: "G", members: [member("a@x"), member("b@y")]))],
         .addressMissingSeparator),
        ("@x, b@y", [mb("b@y")], .addressMissingLocalPart),
        ("John <>, b@y", [mb("b@y")], .addressUnparsable),
        ("G: H: a@x;", [.group(AddressGroup(name: "G", members: [member("a@x")]))], .addressNestedGroup),
        ("G: a@x, b@y", [.group(AddressGroup(name: "G", members: [member("a@x"), member("b@y")]))], .groupUnterminated),
        ("G: a@x,, b@y;", [.group(AddressGroup(name: "G", members: [member("a@x"), member("b@y")]))],
         .addressEmptyElement),
        ("G: a@x; junk, b@y", [.group(AddressGroup(name: "G", members: [member("a@x")])), mb("b@y")],
         .addressTrailingGarbage),
        (": a@x;", [.group(AddressGroup(name: "", members: [member("a@x")]))], .addressInvalidSyntax),
        ("<@a,@b:user@host>", [mb("user@host", route: ["a", "b"])], .addressObsoleteRoute),
        ("\"unclosed <a@x>", [mb("a@x", "unclosed")], .unterminatedQuotedString),
        ("John (unclosed <a@x>, b@y", [mb("a@x", "John unclosed"), mb("b@y")], .unterminatedComment),
        ("a@x (unclosed, b@y", [mb("a@x"), mb("b@y")], .unterminatedComment),
        ("a@[192.0.2.1", [mb("a@[192.0.2.1]")], .addressInvalidSyntax),
    ] as [(String, [Address], Diagnostic.Code)])
    func recovered(_ text: String, _ expected: [Address], _ code: Diagnostic.Code) {
        let (addresses, diagnostics) = parse(text)
        #expect(addresses == expected)
        #expect(diagnostics.contains { $0.code == code }, "\(diagnostics)")
    }

    @Test("Undisclosed recipients groups", arguments: [
        ("undisclosed-recipients:;", "undisclosed-recipients"),
        ("Undisclosed recipients:; (comment)", "Undisclosed recipients"),
        ("undisclosed-recipients: ;", "undisclosed-recipients"),
        ("\"Undisclosed: recipients\" :;", "Undisclosed: recipients"),
    ])
    func emptyGroups(_ text: String, _ name: String) {
        let (addresses, diagnostics) = parse(text)
        #expect(addresses == [.group(AddressGroup(name: name))])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(addresses.mailboxes.isEmpty)
    }

    @Test("Local parts and domains in every form", arguments: [
        (#""john doe"@x.test"#, "john doe", "x.test", #""john doe"@x.test"#),
        (#""john"@x.test"#, "john", "x.test", "john@x.test"),
        (#""a\"b\\c"@x.test"#, #"a"b\c"#, "x.test", #""a\"b\\c"@x.test"#),
        (#""john".doe@x.test"#, "john.doe", "x.test", "john.doe@x.test"),
        ("john@[192.0.2.1]", "john", "[192.0.2.1]", "john@[192.0.2.1]"),
        ("john@[IPv6:2001:db8::1]", "john", "[IPv6:2001:db8::1]", "john@[IPv6:2001:db8::1]"),
        ("jörg@bücher.example", "jörg", "bücher.example", "jörg@bücher.example"),
        ("用户@例子.广告", "用户", "例子.广告", "用户@例子.广告"),
    ])
    func addrSpecForms(_ text: String, _ local: String, _ domain: String, _ addrSpec: String) throws {
        let (addresses, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let mailbox = try #require(addresses.mailboxes.first)
        #expect(mailbox.localPart == local)
        #expect(mailbox.domain == domain)
        #expect(mailbox.addrSpec == addrSpec)
    }

    @Test("Display names: quoting, escapes, UTF-8", arguments: [
        (#""John \"Q\" \\ Public" <j@x>"#, #"John "Q" \ Public"#),
        (#""  spaced  out " <j@x>"#, "  spaced  out "),
        ("John   Smith <j@x>", "John Smith"),
        ("John\r\n Smith <j@x>", "John Smith"),
        (#"John "Q" Public <j@x>"#, "John Q Public"),
        ("Jörg Müller <j@x>", "Jörg Müller"),
        (#""山田 太郎" <j@x>"#, "山田 太郎"),
        (#""" <j@x>"#, nil),
        ("(just a comment) <j@x>", nil),
    ] as [(String, String?)])
    func displayNames(_ text: String, _ name: String?) throws {
        let (addresses, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let mailbox = try #require(addresses.mailboxes.first)
        #expect(mailbox.displayName == name)
        #expect(mailbox.addrSpec == "j@x")
    }

    @Test("RFC 2047 encoded words in display names", arguments: [
        ("=?utf-8?q?J=C3=B6rg?= <j@x>", "Jörg", nil),
        ("=?UTF-8?B?SsO2cmc=?= <j@x>", "Jörg", nil),
        ("=?utf-8?q?J=C3=B6rg?= =?utf-8?q?_M=C3=BCller?= <j@x>", "Jörg Müller", nil),
        ("=?utf-8?q?J=C3?=\r\n =?utf-8?q?=B6rg?= <j@x>", "Jörg", nil),
        ("Hello =?utf-8?q?W=C3=B6rld?= Smith <j@x>", "Hello Wörld Smith", nil),
        ("=?iso-8859-1?q?J=F6rg?= <j@x>", "Jörg", nil),
        ("\"=?utf-8?q?J=C3=B6rg?=\" <j@x>", "Jörg", Diagnostic.Code.encodedWordInQuotedString),
        ("j@x (=?utf-8?q?J=C3=B6rg?=)", "Jörg", .displayNameInComment),
        ("\"=?not an encoded word?=\" <j@x>", "=?not an encoded word?=", nil),
    ] as [(String, String, Diagnostic.Code?)])
    func encodedWords(_ text: String, _ name: String, _ code: Diagnostic.Code?) throws {
        let (addresses, diagnostics) = parse(text)
        let mailbox = try #require(addresses.mailboxes.first)
        #expect(mailbox.displayName == name)
        #expect(mailbox.addrSpec == "j@x")
        if let code {
            #expect(diagnostics.contains { $0.code == code }, "\(diagnostics)")
        } else {
            #expect(diagnostics.isEmpty, "\(diagnostics)")
        }
    }

    @Test("Encoded-word diagnostics keep their place in the field")
    func encodedWordDiagnostics() throws {
        // What an unknown charset decodes to is EncodedWord's policy; that it is reported at the
        // word's bytes is the parser's.
        let (addresses, diagnostics) = parse("Name =?x-unknown?q?abc?= <j@x>")
        #expect(addresses.mailboxes.map(\.addrSpec) == ["j@x"])
        let diagnostic = try #require(diagnostics.first { $0.code == .encodedWordUnknownCharset })
        #expect(diagnostic.range.lowerBound >= 5 && diagnostic.range.upperBound <= 24)
    }

    @Test("Encoded group names")
    func encodedGroupName() {
        let (addresses, _) = parse("=?utf-8?q?Gr=C3=BCppe?=: a@x;")
        #expect(addresses == [.group(AddressGroup(name: "Grüppe", members: [member("a@x")]))])
    }

    @Test("8-bit display names that are not UTF-8 read as Windows-1252")
    func legacyEightBit() throws {
        // "J\xF6rg M\xFCller <j@x>" in ISO-8859-1.
        let bytes: [UInt8] = [0x4A, 0xF6, 0x72, 0x67, 0x20, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72] + Array(" <j@x>".utf8)
        let (addresses, diagnostics) = parseBytes(bytes)
        let mailbox = try #require(addresses.mailboxes.first)
        #expect(mailbox.displayName == "Jörg Müller")
        #expect(diagnostics.contains { $0.code == .headerTextNotUTF8 && $0.severity == .warning })
    }

    @Test("Diagnostics point at the offending bytes, in the message's offsets")
    func offsets() {
        let message = Array("To: a@x; John <john@x".utf8)
        let value = message[4...]
        var diagnostics: [Diagnostic] = []
        let addresses = AddressListParser().parse(value, diagnostics: &diagnostics)
        #expect(addresses == [mb("a@x"), mb("john@x", "John")])
        #expect(diagnostics.map(\.code) == [.addressSemicolonSeparator, .angleAddressUnterminated])
        #expect(diagnostics.first?.range == 7..<8)
        #expect(diagnostics.last?.range == 14..<21)
    }

    @Test("A malformed entry never loses the rest of the list")
    func resynchronization() {
        let text = #"a@x, <<<>>> , John "unclosed, b@y"#
        let (addresses, _) = parse(text)
        #expect(addresses.first == mb("a@x"))
        let (more, diagnostics) = parse("a@x, : ; ; , John <j@y> > >, c@z")
        #expect(more.mailboxes.map(\.addrSpec) == ["a@x", "j@y", "c@z"])
        #expect(!diagnostics.isEmpty)
    }

    @Test("Groups flatten into their members")
    func flattening() {
        var diagnostics: [Diagnostic] = []
        let mailboxes = AddressListParser().parseMailboxes(
            ArraySlice(Array("G: a@x, B <b@y>;, c@z, Empty:;".utf8)), diagnostics: &diagnostics)
        #expect(mailboxes == [member("a@x"), member("b@y", "B"), member("c@z")])
        #expect(diagnostics.isEmpty)
    }

    @Test("Convenience initializers", arguments: [
        ("John <j@x>", true, false), ("a@x, b@y", false, false), ("G: a@x;", false, true), ("", false, false),
    ])
    func conveniences(_ text: String, _ isMailbox: Bool, _ isGroup: Bool) {
        #expect((Mailbox(text) != nil) == isMailbox)
        #expect((AddressGroup(text) != nil) == isGroup)
        #expect((Address(text) != nil) == (isMailbox || isGroup))
    }
}

@Suite("Address limits")
struct AddressLimitTests {
    @Test("The number of addresses per field is capped")
    func addressCap() {
        let parser = AddressListParser(maximumAddresses: 3)
        let (addresses, diagnostics) = parse("a@x, b@x, G: c@x, d@x;, e@x", parser: parser)
        #expect(addresses.mailboxes.map(\.addrSpec) == ["a@x", "b@x", "c@x"])
        #expect(diagnostics.contains { $0.code == .addressLimitExceeded })
        let (many, _) = parse(Array(repeating: "a@x", count: 5000).joined(separator: ","))
        #expect(many.count == AddressListParser().maximumAddresses)
        let (groups, groupDiagnostics) = parse(String(repeating: "G:;, ", count: 100_000))
        #expect(groups.count == AddressListParser().maximumAddresses)
        #expect(groupDiagnostics.contains { $0.code == .addressLimitExceeded })
    }

    @Test("Diagnostics per field are capped")
    func diagnosticCap() {
        let (_, diagnostics) = parse(String(repeating: "a@x;", count: 900), parser: AddressListParser())
        #expect(diagnostics.count == AddressListParser().maximumDiagnostics + 1)
        #expect(diagnostics.last?.code == .diagnosticsTruncated)
    }

    @Test("Pathological fields parse in linear time", arguments: [
        "<", "(", ",", ":", "@", "\"", "[", "\\", "a ", "a.", "(<", "\"<", "<a@b>", "G:", "x@", "<@a,", "\u{80}",
    ])
    func linearTime(_ unit: String) {
        // A megabyte for the inputs the brief names, a quarter for the rest to keep the suite short.
        let size = unit == "<" || unit == "(" ? 1 << 20 : 1 << 18
        let text = String(repeating: unit, count: size / unit.utf8.count)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = parse(text)
        }
        // A quadratic parser needs hours here; a linear one about a second in a debug build. The
        // bound is loose because the machine running tests may be busy.
        #expect(elapsed < .seconds(60), "\(unit): \(elapsed)")
    }
}

@Suite("Address rendering")
struct AddressRenderingTests {
    @Test("Display names are quoted only when needed", arguments: [
        (member("j@x", "John Doe"), "John Doe <j@x>"),
        (member("j@x", "John Q. Public"), #""John Q. Public" <j@x>"#),
        (member("j@x", #"Giant; "Big" Box"#), #""Giant; \"Big\" Box" <j@x>"#),
        (member("j@x", #"back\slash"#), #""back\\slash" <j@x>"#),
        (member("j@x", "two  spaces"), #""two  spaces" <j@x>"#),
        (member("j@x", " lead"), #"" lead" <j@x>"#),
        (member("j@x"), "j@x"),
        (member("j@x", ""), "j@x"),
        (Mailbox(localPart: "john doe", domain: "x"), #""john doe"@x"#),
        (Mailbox(localPart: "a\"b", domain: "x"), #""a\"b"@x"#),
        (Mailbox(localPart: ".a", domain: "x"), #"".a"@x"#),
        (Mailbox(displayName: "R", localPart: "u", domain: "h", route: ["a"]), "R <u@h>"),
    ])
    func mailboxes(_ mailbox: Mailbox, _ text: String) {
        #expect(mailbox.headerText() == text)
    }

    @Test("UTF-8 display names are written raw when allowed (RFC 6532), else as encoded words")
    func utf8Names() throws {
        let mailbox = member("j@x", "Jörg Müller")
        #expect(mailbox.headerTokens(allowingUTF8: true) == ["Jörg", "Müller", "<j@x>"])
        let tokens = mailbox.headerTokens()
        #expect(tokens.last == "<j@x>")
        #expect(tokens.dropLast().allSatisfy { $0.hasPrefix("=?") && $0.hasSuffix("?=") })
        #expect(tokens.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
        #expect(Mailbox(mailbox.headerText()) == mailbox)
        // Text that would read back as an encoded word is encoded itself.
        let lookalike = member("j@x", "=?utf-8?q?x?=")
        #expect(Mailbox(lookalike.headerText()) == lookalike)
    }

    @Test("Groups and lists render as foldable tokens")
    func tokens() {
        let group = AddressGroup(name: "A Group", members: [member("c@a.test", "Ed Jones"), member("joe@where.test")])
        #expect(group.headerTokens() == ["A", "Group:", "Ed", "Jones", "<c@a.test>,", "joe@where.test;"])
        #expect(AddressGroup(name: "Undisclosed recipients").headerText() == "Undisclosed recipients:;")
        let list: [Address] = [.group(group), mb("b@y", "B"), .group(AddressGroup(name: "x"))]
        #expect(list.headerText() == "A Group: Ed Jones <c@a.test>, joe@where.test;, B <b@y>, x:;")
        #expect([member("a@x"), member("b@y")].headerText() == "a@x, b@y")
    }
}

// MARK: - Property tests

/// Random addresses that exercise every rendering choice: atoms, quoting, encoded words, UTF-8,
/// quoted local parts, domain literals, missing domains and groups.
private struct AddressGenerator {
    var random: SeededGenerator
    let allowUTF8: Bool

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    mutating func string(from alphabet: [String], length: ClosedRange<Int>) -> String {
        let count = Int.random(in: length, using: &random)
        return (0..<count).map { _ in pick(alphabet) }.joined()
    }

    static let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".map(String.init)
    static let atext = letters + "!#$%&'*+-/=?^_`{|}~".map(String.init)
    static let nameSpecials = letters + [" ", " ", ".", ",", ";", ":", "<", ">", "@", "\"", "\\", "(", ")", "[", "]",
                                         "'", "-", "?", "="]
    static let unicode = ["é", "ü", "ß", "Ж", "山", "田", "😀", "ñ"]

    mutating func displayName() -> String? {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return nil
        case 1: return string(from: Self.letters, length: 1...8) + " " + string(from: Self.letters, length: 1...8)
        case 2: return string(from: Self.letters + Self.unicode + [" ", "=?", "?="], length: 1...12)
        default: return string(from: Self.nameSpecials, length: 1...16)
        }
    }

    mutating func localPart() -> String {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return string(from: Self.atext, length: 1...6) + "." + string(from: Self.atext, length: 1...6)
        case 1: return string(from: Self.nameSpecials, length: 1...10)
        case 2 where allowUTF8: return string(from: Self.letters + Self.unicode, length: 1...6)
        default: return string(from: Self.atext, length: 1...10)
        }
    }

    mutating func domain() -> String? {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return nil
        case 1: return "[192.0.2.\(Int.random(in: 0...255, using: &random))]"
        default:
            let labels = Int.random(in: 1...3, using: &random)
            return (0..<labels).map { _ in string(from: Self.letters + ["-"], length: 1...8) }.joined(separator: ".")
        }
    }

    mutating func mailbox() -> Mailbox {
        Mailbox(displayName: displayName(), localPart: localPart(), domain: domain())
    }

    mutating func address() -> Address {
        if Int.random(in: 0..<4, using: &random) == 0 {
            let members = (0..<Int.random(in: 0...3, using: &random)).map { _ in mailbox() }
            return .group(AddressGroup(name: displayName() ?? "group", members: members))
        }
        return .mailbox(mailbox())
    }
}

@Suite("Address round trips")
struct AddressRoundTripTests {
    @Test("Rendering then parsing gives back the same values", arguments: [1, 2, 3, 4] as [UInt64])
    func roundTrip(seed: UInt64) {
        for allowUTF8 in [false, true] {
            var generator = AddressGenerator(random: SeededGenerator(seed: seed), allowUTF8: allowUTF8)
            for _ in 0..<250 {
                let list = (0..<Int.random(in: 1...4, using: &generator.random)).map { _ in generator.address() }
                let text = list.headerText(allowingUTF8: allowUTF8)
                let parsed = AddressListParser().parse(text)
                #expect(parsed == list, "\(text)")
                // Folding at any space between tokens keeps the meaning.
                let folded = list.headerTokens(allowingUTF8: allowUTF8).joined(separator: "\r\n ")
                #expect(AddressListParser().parse(folded) == list, "\(folded)")
            }
        }
    }
}

@Suite("Address fuzzing")
struct AddressFuzzTests {
    @Test("Byte soup never traps, and what it parses to renders and parses back the same (addresses, ids)",
          arguments: Array(UInt64(21)...UInt64(40)))
    func soup(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = ["a", "b", "é", " ", "\r\n ", ".", ",", ";", ":", "<", ">", "@", "\"", "\\", "(", ")", "[", "]",
                      "=?utf-8?q?x?=", "\t", "\u{7F}", "\u{1}"]
        let alphabet: [[UInt8]] = pieces.map { Array($0.utf8) } + [[0xFF]]
        for _ in 0..<1000 {
            let length = Int.random(in: 0...40, using: &random)
            let bytes = (0..<length).flatMap { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
            var diagnostics: [Diagnostic] = []
            let parsed = AddressListParser().parse(ArraySlice(bytes), diagnostics: &diagnostics)
            #expect(diagnostics.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= bytes.count })
            let text = parsed.headerText()
            let again = AddressListParser().parse(text)
            // Routes are not rendered (RFC 5322 section 4.4), so they cannot come back.
            #expect(again == parsed.map(\.withoutRoute), "\(ASCII.string(bytes).debugDescription) -> \(text.debugDescription)")
            let ids = MessageID.parseList(ArraySlice(bytes), diagnostics: &diagnostics)
            #expect(MessageID.parseList(ids.headerText) == ids, "\(ASCII.string(bytes).debugDescription)")
        }
    }
}
