import Testing
import MIMECore

private func id(_ left: String, _ right: String?) -> MessageID { MessageID(left: left, right: right) }

private func parseList(_ text: String, maximumCount: Int = 5000) -> ([MessageID], [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let ids = MessageID.parseList(ArraySlice(Array(text.utf8)), maximumCount: maximumCount, diagnostics: &diagnostics)
    return (ids, diagnostics)
}

@Suite("Message-ID parsing")
struct MessageIDParsingTests {
    @Test("RFC 5322 appendix A message identifiers", arguments: [
        // A.1.1, A.1.2, A.1.3
        ("<1234@local.machine.example>", [id("1234", "local.machine.example")], [Diagnostic.Code]()),
        ("<5678.21-Nov-1997@example.com>", [id("5678.21-Nov-1997", "example.com")], []),
        ("<testabcd.1234@silly.example>", [id("testabcd.1234", "silly.example")], []),
        // A.2 In-Reply-To and References
        ("<3456@example.net>", [id("3456", "example.net")], []),
        ("<1234@local.machine.example> <3456@example.net>",
         [id("1234", "local.machine.example"), id("3456", "example.net")], []),
        // A.5
        ("              <testabcd.1234@silly.test>", [id("testabcd.1234", "silly.test")], []),
        // A.6.3
        ("<1234   @   local(blah)  .machine .example>", [id("1234", "local.machine.example")],
         [.messageIDObsoleteWhitespace]),
    ])
    func appendixA(_ text: String, _ expected: [MessageID], _ codes: [Diagnostic.Code]) {
        let (ids, diagnostics) = parseList(text)
        #expect(ids == expected)
        #expect(diagnostics.map(\.code) == codes, "\(diagnostics)")
    }

    @Test("Lenient forms found in real mail", arguments: [
        ("(comment) <a@x> (another)", [id("a", "x")], nil),
        ("<a@x>\r\n\t<b@y>", [id("a", "x"), id("b", "y")], nil),
        ("abc@x", [id("abc", "x")], Diagnostic.Code.messageIDMissingBrackets),
        ("abc@x def@y", [id("abc", "x"), id("def", "y")], .messageIDMissingBrackets),
        ("<abc@x", [id("abc", "x")], .messageIDUnterminated),
        ("<abc@x <def@y>", [id("abc", "x"), id("def", "y")], .messageIDUnterminated),
        ("<abc@x def@y", [id("abc", "x"), id("def", "y")], .messageIDUnterminated),
        ("<a@x>, <b@y>", [id("a", "x"), id("b", "y")], .messageIDCommaSeparator),
        ("<a@x>,<b@y>", [id("a", "x"), id("b", "y")], .messageIDCommaSeparator),
        ("<a@x><b@y>", [id("a", "x"), id("b", "y")], .messageIDMissingSpace),
        (#"<"abc def"@x>"#, [id("abc def", "x")], nil),
        (#"<"abc"@x>"#, [id("abc", "x")], nil),
        ("John's message of Tue <a@x>", [id("a", "x")], .messageIDPhraseSkipped),
        ("<a@x> (John Smith's message)", [id("a", "x")], nil),
        (#""Your message" <a@x>"#, [id("a", "x")], .messageIDPhraseSkipped),
        ("<abc>", [id("abc", nil)], .messageIDMissingAt),
        ("<abc@>", [id("abc", nil)], .messageIDMissingAt),
        ("<a@[127.0.0.1]>", [id("a", "[127.0.0.1]")], nil),
        ("<>, <a@x>", [id("a", "x")], .messageIDInvalidSyntax),
        ("<@x> <a@x>", [id("a", "x")], .messageIDInvalidSyntax),
        ("<a@b@c>", [id("a@b", "c")], .messageIDInvalidSyntax),
        ("> ; <a@x>", [id("a", "x")], .messageIDUnexpectedCharacter),
        ("<a@x> garbage", [id("a", "x")], .messageIDPhraseSkipped),
        ("<ünïcode@bücher.example>", [id("ünïcode", "bücher.example")], nil),
    ] as [(String, [MessageID], Diagnostic.Code?)])
    func lenient(_ text: String, _ expected: [MessageID], _ code: Diagnostic.Code?) {
        let (ids, diagnostics) = parseList(text)
        #expect(ids == expected)
        if let code {
            #expect(diagnostics.contains { $0.code == code }, "\(diagnostics)")
        } else {
            #expect(diagnostics.isEmpty, "\(diagnostics)")
        }
    }

    @Test("A missing '>' at the end of In-Reply-To is reported at its bytes")
    func unterminatedOffsets() {
        let message = Array("In-Reply-To: <abc@example.org\r\n".utf8)
        var diagnostics: [Diagnostic] = []
        let ids = MessageID.parseList(message[13...], diagnostics: &diagnostics)
        #expect(ids == [id("abc", "example.org")])
        #expect(diagnostics.map(\.code) == [.messageIDUnterminated])
        #expect(diagnostics.first?.range == 13..<29)
    }

    @Test("Message-ID takes one identifier")
    func single() {
        var diagnostics: [Diagnostic] = []
        #expect(MessageID.parse(ArraySlice(Array(" <a@x> ".utf8)), diagnostics: &diagnostics) == id("a", "x"))
        #expect(diagnostics.isEmpty)
        #expect(MessageID.parse(ArraySlice(Array("<a@x> <b@y>".utf8)), diagnostics: &diagnostics) == id("a", "x"))
        #expect(diagnostics.map(\.code) == [.messageIDExtra])
        diagnostics.removeAll()
        #expect(MessageID.parse(ArraySlice(Array("  (nothing)".utf8)), diagnostics: &diagnostics) == nil)
        #expect(MessageID("<a@x>") == id("a", "x"))
        #expect(MessageID("a@x") == id("a", "x"))
        #expect(MessageID("<a@x> <b@y>") == nil)
        #expect(MessageID("") == nil)
    }

    @Test("The number of identifiers is capped")
    func cap() {
        let (ids, diagnostics) = parseList("<a@x> <b@x> <c@x> <d@x>", maximumCount: 2)
        #expect(ids == [id("a", "x"), id("b", "x")])
        #expect(diagnostics.map(\.code) == [.messageIDLimitExceeded])
    }

    @Test("Pathological fields parse in linear time",
          arguments: ["<", "@", "a ", "a.", "<a", "\"", "(", ">", "<a@x>", ","])
    func linearTime(_ unit: String) {
        let size = unit == "<" || unit == "(" ? 1 << 20 : 1 << 18
        let text = String(repeating: unit, count: size / unit.utf8.count)
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = clock.measure {
            _ = MessageID.parseList(ArraySlice(Array(text.utf8)), diagnostics: &diagnostics)
        }
        // Loose: a quadratic parser needs hours here, and the test machine may be busy.
        #expect(elapsed < .seconds(60), "\(unit): \(elapsed)")
        #expect(diagnostics.count <= 66)
    }
}

@Suite("Message-ID rendering")
struct MessageIDRenderingTests {
    @Test("Text and bracketed forms", arguments: [
        (id("1234", "local.machine.example"), "1234@local.machine.example"),
        (id("abc def", "x"), #""abc def"@x"#),
        (id(#"a"b"#, "x"), #""a\"b"@x"#),
        (id("abc", nil), "abc"),
        (id("a", "[127.0.0.1]"), "a@[127.0.0.1]"),
    ])
    func forms(_ messageID: MessageID, _ text: String) {
        #expect(messageID.text == text)
        #expect(messageID.bracketed == "<" + text + ">")
        #expect(messageID.description == messageID.bracketed)
    }

    @Test("Lists render as space-separated, foldable tokens")
    func list() {
        let ids = [id("a", "x"), id("b", "y")]
        #expect(ids.headerTokens == ["<a@x>", "<b@y>"])
        #expect(ids.headerText == "<a@x> <b@y>")
    }

    @Test("Rendering then parsing gives back the same identifiers", arguments: [11, 12, 13] as [UInt64])
    func roundTrip(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let atext = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
        let quotable = atext + Array(" .,;:<>@\"\\()[]")
        func word(_ alphabet: [Character], _ length: ClosedRange<Int>) -> String {
            String((0..<Int.random(in: length, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        for _ in 0..<200 {
            let ids = (0..<Int.random(in: 1...6, using: &random)).map { _ -> MessageID in
                let left = Bool.random(using: &random)
                    ? word(atext, 1...8) + "." + word(atext, 1...8) : word(quotable, 1...12)
                let right: String = Int.random(in: 0..<5, using: &random) == 0
                    ? "[10.0.0.\(Int.random(in: 0...255, using: &random))]"
                    : word(atext, 1...8) + "." + word(Array("abcdefghij"), 1...4)
                return id(left, right)
            }
            let text = ids.headerText
            #expect(MessageID.parseList(text) == ids, "\(text)")
            #expect(MessageID.parseList(ids.headerTokens.joined(separator: "\r\n ")) == ids)
        }
    }
}
