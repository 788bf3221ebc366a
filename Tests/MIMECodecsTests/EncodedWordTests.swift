import MIMECharset
import Testing
@testable import MIMECodecs

private func decode(
    _ text: String, _ context: EncodedWord.Context = .unstructured,
    options: EncodedWord.DecodingOptions = .init()
) -> EncodedWord.Decoded {
    EncodedWord.decode(Array(text.utf8), context: context, options: options)
}

private func codes(_ decoded: EncodedWord.Decoded) -> [Diagnostic.Code] { decoded.diagnostics.map(\.code) }

@Suite("RFC 2047 section 8 examples")
struct EncodedWordRFCExampleTests {
    @Test(arguments: [
        ("=?US-ASCII?Q?Keith_Moore?=", "Keith Moore"),
        ("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=", "Keld Jørn Simonsen"),
        ("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard"),
        ("=?ISO-8859-1?Q?Olle_J=E4rnefors?=", "Olle Järnefors"),
        ("=?ISO-8859-1?Q?Patrik_F=E4ltstr=F6m?=", "Patrik Fältström"),
    ])
    func displayNames(encoded: String, displayed: String) {
        let result = decode(encoded, .phrase)
        #expect(result.text == displayed)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func foldedSubjectInTwoCharsets() {
        let subject = "=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?="
        let result = decode(subject)
        #expect(result.text == "If you can read this you understand the example.")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func hebrewComment() {
        let result = decode("(=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=)", .comment)
        #expect(result.text == "(\u{5DD}\u{5D5}\u{5DC}\u{5E9} \u{5DF}\u{5D1} \u{5D9}\u{5DC}\u{5D8}\u{5E4}\u{5E0})")
        #expect(result.diagnostics.isEmpty)
        let from = decode("Nathaniel Borenstein (=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=)", .phrase)
        #expect(from.text == "Nathaniel Borenstein (םולש ןב ילטפנ)")
    }

    /// The table of section 8, in a comment.
    @Test(arguments: [
        ("(=?ISO-8859-1?Q?a?=)", "(a)"),
        ("(=?ISO-8859-1?Q?a?= b)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a_b?=)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)"),
    ])
    func whiteSpaceTable(encoded: String, displayed: String) {
        let result = decode(encoded, .comment)
        #expect(result.text == displayed)
        #expect(result.diagnostics.isEmpty)
        // Section 8: in '*text' these would not be encoded words, being adjacent to "(" or ")".
        // Mail clients decode them anyway; the decoder does too and says so.
        let unstructured = decode(encoded)
        #expect(unstructured.text == displayed)
        #expect(codes(unstructured).contains(.encodedWordNotDelimited))
    }

    @Test(arguments: [
        ("(a =?ISO-8859-1?Q?b?=)", "(a b)"),
        ("(a\r\n =?ISO-8859-1?Q?b?=)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?=\r\n b)", "(a b)"),
    ])
    func whiteSpaceBetweenWordAndTextIsKept(encoded: String, displayed: String) {
        #expect(decode(encoded, .comment).text == displayed)
    }

    @Test func rfc2231LanguageSuffix() {
        let result = decode("=?US-ASCII*EN?Q?Keith_Moore?=", .phrase)
        #expect(result.text == "Keith Moore")
        #expect(result.diagnostics.isEmpty)
        #expect(decode("=?utf-8*en-US?q?hi?=").text == "hi")
    }
}

@Suite("RFC 2047 decoding rules")
struct EncodedWordDecodingTests {
    @Test func plainTextIsUntouched() {
        let result = decode("Re: [list] plain subject, with = and ? marks =? ?=")
        #expect(result.text == "Re: [list] plain subject, with = and ? marks =? ?=")
        #expect(result.diagnostics.isEmpty)
        #expect(decode("").text == "")
    }

    @Test func whiteSpaceIsKeptBetweenWordsAndText() {
        #expect(decode("=?utf-8?q?a?= b").text == "a b")
        #expect(decode("a =?utf-8?q?b?=").text == "a b")
        #expect(decode("a  =?utf-8?q?b?=\t c").text == "a  b\t c")
        #expect(decode("a\r\n =?utf-8?q?b?=\r\n\tc").text == "a b\tc")
        #expect(decode(" =?utf-8?q?a?= ").text == " a ")
    }

    @Test func whiteSpaceBetweenAdjacentWordsIsDropped() {
        #expect(decode("=?utf-8?q?a?= =?utf-8?q?b?=").text == "ab")
        #expect(decode("=?utf-8?q?a?=\r\n =?utf-8?q?b?=\r\n\t=?utf-8?q?c?=").text == "abc")
        #expect(decode("=?utf-8?q?a?= =?iso-8859-1?q?b?=").text == "ab")
        #expect(decode("=?utf-8?q?a?= =?x-nope?q?b?=").text == "a =?x-nope?q?b?=")
    }

    @Test func encodingsAreCaseInsensitive() {
        #expect(decode("=?UTF-8?b?4oKs?= =?utf-8?Q?=e2=82=ac?=").text == "€€")
    }

    @Test func iso2022JP() {
        #expect(decode("=?ISO-2022-JP?B?GyRCRnxLXBsoQg==?=").text == "日本")
    }

    @Test func multibyteCharacterSplitAcrossWords() {
        #expect(decode("=?UTF-8?Q?=E2=98?= =?UTF-8?Q?=83?=").text == "☃")
        #expect(decode("=?utf-8?B?4pg=?= =?utf-8?B?gw==?=").text == "☃")
        #expect(decode("=?utf-8?B?4pg=?=\r\n =?utf-8?Q?=83_x?=").text == "☃ x")
        let result = decode("=?Shift_JIS?Q?=93?= =?Shift_JIS?Q?=FA?=")
        #expect(result.text == "日")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func splitBase64GroupIsJoined() {
        let result = decode("=?utf-8?b?SGVsbG?= =?utf-8?b?8=?=")
        #expect(result.text == "Hello")
        #expect(codes(result) == [.encodedWordSplitBase64])
        // Unpadded words that end cleanly are not joined.
        #expect(decode("=?utf-8?b?YQ?= =?utf-8?b?Yg?=").text == "ab")
    }

    @Test func wordsInQuotedStringsOfAPhrase() {
        let result = decode("\"=?UTF-8?B?5pel5pys?=\"", .phrase)
        #expect(result.text == "日本")
        #expect(codes(result) == [.encodedWordInQuotedString])
        #expect(decode("\"=?utf-8?q?J=C3=B6rg?= =?utf-8?q?_M?=\"", .phrase).text == "Jörg M")
        let strict = decode("\"=?utf-8?q?x?=\"", .phrase, options: .init(decodesInsideQuotedStrings: false))
        #expect(strict.text == "=?utf-8?q?x?=")
    }

    @Test func wordsGluedToText() {
        let result = decode("foo=?utf-8?q?bar?=baz")
        #expect(result.text == "foobarbaz")
        #expect(codes(result) == [.encodedWordNotDelimited])
        #expect(result.diagnostics[0].range == 3..<18)
        #expect(decode("Re:=?utf-8?q?=C3=A9t=C3=A9?=").text == "Re:été")
        #expect(decode("=?utf-8?q?a?==?utf-8?q?b?=").text == "ab")
    }

    @Test func longWordsAreAccepted() {
        let payload = String(repeating: "abc", count: 40)
        let result = decode("=?utf-8?q?\(payload)?=")
        #expect(result.text == payload)
        #expect(codes(result) == [.encodedWordTooLong])
    }

    @Test func unknownCharsetIsKeptLiterally() {
        let result = decode("xx =?x-klingon?q?a?= yy")
        #expect(result.text == "xx =?x-klingon?q?a?= yy")
        #expect(codes(result) == [.encodedWordUnknownCharset])
        #expect(result.diagnostics[0].range == 3..<20)
        #expect(result.diagnostics[0].severity == .warning)
    }

    @Test func unknown8BitIsGuessed() {
        let latin1 = decode("=?UNKNOWN?Q?Gr=FC=DFe?= x")
        #expect(latin1.text == "Grüße x")
        #expect(codes(latin1) == [.encodedWordUnknownCharset])
        #expect(latin1.diagnostics[0].severity == .warning)
        #expect(decode("=?unknown-8bit?q?=C3=A9?= =?unknown-8bit?q?t=C3=A9?=").text == "été")
    }

    @Test func unknownEncodingIsKeptLiterally() {
        let result = decode("=?utf-8?x?abc?=")
        #expect(result.text == "=?utf-8?x?abc?=")
        #expect(codes(result) == [.encodedWordUnknownEncoding])
    }

    @Test func unterminatedWordIsKeptLiterally() {
        let result = decode("=?utf-8?q?abc def")
        #expect(result.text == "=?utf-8?q?abc def")
        #expect(codes(result) == [.encodedWordUnterminated])
    }

    @Test func malformedPrefixesAreText() {
        for text in ["=?", "=?utf-8", "=?utf-8?", "=?utf-8?q", "=??q?a?=", "=?utf 8?q?a?=", "a=?=?b"] {
            let result = decode(text)
            #expect(result.text == text)
            #expect(result.diagnostics.isEmpty, "\(text)")
        }
    }

    @Test func badQDecodesWhatItCan() {
        let result = decode("=?utf-8?q?a=ZZb=4?=")
        #expect(result.text == "a=ZZb=4")
        // One report per word, so that diagnostics stay bounded by the word limit.
        #expect(codes(result) == [.encodedWordInvalidQ])
        #expect(result.diagnostics[0].range == 11..<14)
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func badBase64DecodesWhatItCan() {
        let result = decode("=?utf-8?b?SGV$sbG8=?=")
        #expect(result.text == "Hello")
        #expect(codes(result) == [.encodedWordInvalidBase64])
        #expect(result.diagnostics[0].range == 13..<14)
        #expect(decode("=?utf-8?b?SGVsbG8?=").diagnostics.isEmpty)
        let dangling = decode("=?utf-8?b?SGVsb?=")
        #expect(dangling.text == "Hel")
        #expect(codes(dangling) == [.encodedWordInvalidBase64])
    }

    @Test func invalidBytesInTheCharset() {
        let result = decode("=?utf-8?q?a=FFb?= c")
        #expect(result.text == "a\u{FFFD}b c")
        #expect(codes(result) == [.encodedWordInvalidCharsetBytes])
        #expect(result.diagnostics[0].range == 0..<17)
    }

    @Test func emptyEncodedText() {
        let result = decode("a =?utf-8?q??= b")
        #expect(result.text == "a  b")
        #expect(codes(result) == [.encodedWordEmpty])
    }

    @Test func rawEightBitInsideQText() {
        let result = decode("=?utf-8?q?caf\u{E9}_ok?= x")
        #expect(result.text == "café ok x")
        #expect(codes(result) == [.encodedWordEightBitText])
        #expect(result.diagnostics[0].range == 13..<14)
    }

    @Test func questionMarkInsideQText() {
        #expect(decode("=?utf-8?q?why?_not??=").text == "why? not?")
    }

    @Test func latin1LabelsDecodeAsWindows1252() {
        #expect(decode("=?iso-8859-1?q?=93quoted=94_=80?=").text == "“quoted” €")
        let strict = decode("=?iso-8859-1?q?=80?=", options: .init(labelPolicy: .strict))
        #expect(strict.text == "\u{80}")
    }

    @Test func raw8BitText() {
        #expect(decode("Grüße =?utf-8?q?aus?= Köln").text == "Grüße aus Köln")
        #expect(decode("Grüße").diagnostics.isEmpty)
        let latin1: [UInt8] = [0x47, 0x72, 0xFC, 0xDF, 0x65, 0x20] + Array("=?utf-8?q?x?=".utf8)
        let result = EncodedWord.decode(latin1)
        #expect(result.text == "Grüße x")
        #expect(codes(result) == [.headerTextNotUTF8])
        #expect(result.diagnostics[0].range == 0..<6)
        let koi8 = EncodedWord.decode([0xF0, 0xD2, 0xC9], options: .init(fallbackCharset: Charset("koi8-r")!))
        #expect(koi8.text == "При")
    }

    @Test func wordLimit() {
        let text = Array(repeating: "=?utf-8?q?a?=", count: 5).joined(separator: " ")
        let result = decode(text, options: .init(maximumEncodedWords: 3))
        #expect(result.text == "aaa =?utf-8?q?a?= =?utf-8?q?a?=")
        #expect(codes(result) == [.encodedWordLimitExceeded])
        #expect(result.diagnostics[0].range == 42..<text.utf8.count)
    }

    @Test func inputTypes() {
        let bytes = Array("=?utf-8?q?caf=C3=A9?=".utf8)
        #expect(EncodedWord.decode(bytes[...]).text == "café")
        #expect(EncodedWord.decode(bytes.lazy.map { $0 }).text == "café")
        #expect(bytes.withUnsafeBytes { EncodedWord.decode($0) }.text == "café")
        #expect(EncodedWord.decode(bytes.dropFirst(0), context: .phrase).text == "café")
    }
}

@Suite("RFC 2047 phrases and comments")
struct EncodedWordContextTests {
    @Test func phraseCollapsesWhiteSpaceAndUnquotes() {
        #expect(decode("  John   \"Q. Public\"  ", .phrase).text == "John Q. Public")
        #expect(decode("\"Doe, John\"", .phrase).text == "Doe, John")
        #expect(decode("\"a \\\"b\\\" \\\\ c\"", .phrase).text == "a \"b\" \\ c")
        #expect(decode("\"John\" \"Doe\"", .phrase).text == "John Doe")
        #expect(decode("\"  spaced  \"", .phrase).text == "  spaced  ")
        #expect(decode("John\r\n Doe", .phrase).text == "John Doe")
    }

    @Test func phraseWithWordsAndText() {
        #expect(decode("=?utf-8?q?J=C3=B6rg?= Meier", .phrase).text == "Jörg Meier")
        #expect(decode("Dr.  =?utf-8?q?J=C3=B6rg?=   =?utf-8?q?_M=C3=BCller?=", .phrase).text == "Dr. Jörg Müller")
        #expect(decode("=?utf-8?q?a?=   ", .phrase).text == "a")
    }

    @Test func phraseKeepsComments() {
        let result = decode("Pete(A nice =?utf-8?q?guy?=)  Resnick", .phrase)
        #expect(result.text == "Pete(A nice guy) Resnick")
        #expect(result.diagnostics.isEmpty)
        #expect(decode("Pete (with \\) and \"quote\")", .phrase).text == "Pete (with ) and \"quote\")")
    }

    @Test func commentsNestAndUnescape() {
        #expect(decode("(a (=?utf-8?q?b?=) c)", .comment).text == "(a (b) c)")
        #expect(decode("(a \\( b)", .comment).text == "(a ( b)")
        #expect(decode("just =?utf-8?q?content?=", .comment).text == "just content")
        #expect(decode("(\"=?utf-8?q?x?=\")", .comment).text == "(\"x\")")
    }

    @Test func encodedWordsInCommentsStopAtParentheses() {
        #expect(decode("(=?utf-8?q?a)b?=)", .comment).text == "(=?utf-8?q?a)b?=)")
    }
}

@Suite("RFC 2047 decoder limits")
struct EncodedWordLimitTests {
    /// Inputs that would make a naive decoder quadratic; each must finish quickly.
    static let adversarialInputs: [String: String] = [
        "bare openers": String(repeating: "=?", count: 50_000),
        "prefixes without text": String(repeating: "=?a?q?", count: 20_000),
        "nested prefixes": String(repeating: "=?utf-8?q?", count: 20_000) + "?=",
        "many words": String(repeating: "=?utf-8?q?a?=", count: 20_000),
        "many unknown charsets": String(repeating: "=?x-unknown?q?a?= ", count: 20_000),
        "many bad escapes": "=?utf-8?q?" + String(repeating: "=", count: 100_000) + "?=",
        "deep comments": "(" + String(repeating: "(", count: 50_000) + String(repeating: "\\", count: 50_000),
        "unterminated": String(repeating: "=?utf-8?q?abc ", count: 20_000),
        "bad base64": "=?utf-8?b?" + String(repeating: "$", count: 100_000) + "?=",
    ]

    @Test(arguments: adversarialInputs.keys.sorted())
    func adversarialInputIsLinear(name: String) {
        let input = Self.adversarialInputs[name]!
        let clock = ContinuousClock()
        for context in [EncodedWord.Context.unstructured, .phrase, .comment] {
            var result: EncodedWord.Decoded?
            let elapsed = clock.measure { result = decode(input, context) }
            #expect(elapsed < .seconds(10), "\(context)")
            #expect(result!.text.utf8.count <= input.utf8.count * 3)
            // A few diagnostics per word at most, and the number of words is limited.
            #expect(result!.diagnostics.count <= 5 * 10_000 + 2, "\(context)")
        }
    }
}

@Suite("RFC 2047 encoding")
struct EncodedWordEncodingTests {
    @Test func asciiWordsStayReadable() {
        #expect(EncodedWord.encode("Hello world") == ["Hello", "world"])
        #expect(EncodedWord.encode("") == [])
        #expect(EncodedWord.encode("Re: [list] a, b; c?", context: .unstructured) == ["Re:", "[list]", "a,", "b;", "c?"])
    }

    @Test func onlyRunsThatNeedItAreEncoded() {
        // B (12 characters) is shorter than Q (15) for "Grüße".
        #expect(EncodedWord.encode("Grüße aus Köln") == ["=?UTF-8?B?R3LDvMOfZQ==?=", "aus", "=?UTF-8?B?S8O2bG4=?="])
        // Adjacent words that need encoding share a word, space included.
        #expect(EncodedWord.encode("Grüße Köln!") == ["=?UTF-8?B?R3LDvMOfZSBLw7ZsbiE=?="])
        // Q (21 characters) loses to B (20) here, but wins for mostly ASCII text.
        #expect(EncodedWord.encode("Café Müller") == ["=?UTF-8?B?Q2Fmw6kgTcO8bGxlcg==?="])
        #expect(EncodedWord.encode("Café Müllerstrasse-Nord-West") == ["=?UTF-8?Q?Caf=C3=A9_M=C3=BCllerstrasse-Nord-West?="])
    }

    @Test func bIsChosenWhenShorter() {
        #expect(EncodedWord.encode("日本語") == ["=?UTF-8?B?5pel5pys6Kqe?="])
    }

    @Test func significantWhiteSpaceIsEncoded() {
        #expect(EncodedWord.encode("a  b") == ["a", "=?UTF-8?Q?_b?="])
        #expect(EncodedWord.encode(" a") == ["=?UTF-8?Q?_a?="])
        #expect(EncodedWord.encode("a ") == ["=?UTF-8?Q?a_?="])
        #expect(EncodedWord.encode(" ") == ["=?UTF-8?Q?_?="])
        #expect(EncodedWord.encode("a\tb") == ["=?UTF-8?B?YQli?="])
        #expect(EncodedWord.encode("ab\tc") == ["=?UTF-8?Q?ab=09c?="])
    }

    @Test func textThatLooksLikeAnEncodedWordIsEncoded() {
        #expect(EncodedWord.encode("=?utf-8?q?x?=") == ["=?UTF-8?B?PT91dGYtOD9xP3g/PQ==?="])
        #expect(EncodedWord.encode("x=?y") == ["=?UTF-8?Q?x=3D=3Fy?="])
        #expect(EncodedWord.encode("a=b ?= =") == ["a=b", "?=", "="])
    }

    @Test func phraseRestrictions() {
        // RFC 2047 section 5 (3): only letters, digits and !*+-/ stand for themselves.
        #expect(EncodedWord.encode("Müller Hans", context: .phrase) == ["=?UTF-8?Q?M=C3=BCller?=", "Hans"])
        #expect(EncodedWord.encode("Dr. Hans", context: .phrase) == ["=?UTF-8?B?RHIu?=", "Hans"])
        #expect(EncodedWord.encode("Ölaf!*+/-abcdefgh", context: .phrase) == ["=?UTF-8?Q?=C3=96laf!*+/-abcdefgh?="])
        #expect(EncodedWord.encode("élan,abcdefghij", context: .phrase) == ["=?UTF-8?Q?=C3=A9lan=2Cabcdefghij?="])
        #expect(EncodedWord.encode("O'Brien + friends", context: .phrase) == ["O'Brien", "+", "friends"])
    }

    @Test func commentRestrictions() {
        #expect(EncodedWord.encode("é(abcdefghijkl)", context: .comment) == ["=?UTF-8?Q?=C3=A9=28abcdefghijkl=29?="])
        #expect(EncodedWord.encode("a \"b\"", context: .comment) == ["a", "\"b\""])
    }

    @Test func longTextIsSplitIntoWordsOfAtMost75() {
        let text = String(repeating: "é", count: 100)
        let tokens = EncodedWord.encode(text)
        #expect(tokens.count > 1)
        for token in tokens {
            #expect(token.utf8.count <= 75)
            #expect(token.hasPrefix("=?UTF-8?"))
        }
        #expect(decode(tokens.joined(separator: "\r\n ")).text == text)
    }

    @Test func shorterWordsOnRequest() {
        let text = String(repeating: "日本", count: 20)
        for limit in [5, 20, 33, 50, 75, 200] {
            let tokens = EncodedWord.encode(text, maximumWordLength: limit)
            #expect(tokens.allSatisfy { $0.utf8.count <= Swift.min(Swift.max(limit, 20), 75) }, "\(limit)")
            #expect(decode(tokens.joined(separator: " ")).text == text)
        }
        #expect(EncodedWord.encode("🎉", maximumWordLength: 1) == ["=?UTF-8?B?8J+OiQ==?="])
    }

    @Test func graphemeClustersAreNotSplit() {
        let family = "👩‍👩‍👧‍👦"
        let text = String(repeating: family, count: 20)
        let tokens = EncodedWord.encode(text)
        #expect(tokens.count > 1)
        for token in tokens {
            #expect(token.utf8.count <= 75)
            // Each word on its own is whole clusters, so decoders that do not join words work.
            let alone = decode(token)
            #expect(alone.diagnostics.isEmpty)
            #expect(alone.text.allSatisfy { $0 == Character(family) })
        }
    }

    @Test func oversizedClusterIsSplitBetweenScalars() {
        let zalgo = "e" + String(repeating: "\u{301}", count: 40)
        #expect(zalgo.count == 1)
        let tokens = EncodedWord.encode(zalgo)
        #expect(tokens.count > 1)
        for token in tokens {
            #expect(token.utf8.count <= 75)
            #expect(decode(token).diagnostics.isEmpty)
        }
        #expect(decode(tokens.joined(separator: " ")).text == zalgo)
    }
}

@Suite("RFC 2047 section 5 character restrictions")
struct EncodedWordRestrictionTests {
    /// The encoded text of every Q word uses only the characters its context allows.
    @Test(arguments: ["unstructured", "phrase", "comment"])
    func qWordsUseOnlyAllowedCharacters(contextName: String) {
        let context: EncodedWord.Context = contextName == "phrase" ? .phrase : contextName == "comment" ? .comment : .unstructured
        var generator = SeededGenerator(seed: 5)
        var checked = 0
        for _ in 0..<800 {
            // Mostly ASCII, so that Q is the shorter encoding.
            var text = ""
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                text.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator)))
            }
            text += "é"
            for token in EncodedWord.encode(text, context: context)
            where token.hasPrefix("=?UTF-8?Q?") {
                let text = token.utf8.dropFirst(10).dropLast(2)
                for byte in text where byte != UInt8(ascii: "=") && !ASCII.isDigit(byte) && !ASCII.isAlpha(byte) {
                    switch contextName {
                    case "phrase": #expect("!*+-/_".utf8.contains(byte), "\(token)")
                    case "comment": #expect(!"()\"\\?".utf8.contains(byte), "\(token)")
                    default: #expect(byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "?"), "\(token)")
                    }
                }
                checked += 1
            }
        }
        #expect(checked > 20)
    }
}

/// Random text weighted towards what breaks encoders: spaces, tabs, specials, `=?`, combining
/// marks, emoji sequences, CJK and controls.
func randomText(using generator: inout SeededGenerator, maxLength: Int = 120) -> String {
    let pieces: [String] = [
        "a", "Z", "0", " ", " ", " ", "  ", "\t", "=", "?", "_", "=?", "?=", "(", ")", "\"", "\\", ".", ",", "@",
        "é", "ß", "€", "日本", "한", "\u{301}", "\u{200D}", "👩‍👩‍👧", "🇩🇪", "🎉", "\u{7F}", "\u{1}", "\r\n", "x=?utf-8?q?y?=",
    ]
    var text = ""
    let length = Int.random(in: 0...maxLength, using: &generator)
    for _ in 0..<length {
        if Bool.random(using: &generator) {
            text += pieces.randomElement(using: &generator)!
        } else {
            let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x24F, 0x370...0x3FF, 0x4E00...0x4FFF, 0x1F300...0x1F6FF]
            let range = ranges.randomElement(using: &generator)!
            text.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: range, using: &generator))!)
        }
    }
    return text
}

@Suite("RFC 2047 round trips")
struct EncodedWordRoundTripTests {
    @Test(arguments: ["unstructured", "phrase", "comment"])
    func encodeThenDecodeIsTheIdentity(contextName: String) {
        let context: EncodedWord.Context = contextName == "phrase" ? .phrase : contextName == "comment" ? .comment : .unstructured
        var generator = SeededGenerator(seed: 2047)
        for iteration in 0..<1500 {
            let text = randomText(using: &generator)
            let tokens = EncodedWord.encode(text, context: context)
            for token in tokens {
                #expect(!token.isEmpty)
                #expect(token.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "\(iteration): \(token)")
                if token.hasPrefix("=?UTF-8?") { #expect(token.utf8.count <= 75, "\(iteration): \(token)") }
            }
            // Folding puts CRLF before a joining space; unfolding removes only the CRLF.
            for separator in [" ", "\r\n "] {
                let decoded = EncodedWord.decode(Array(tokens.joined(separator: separator).utf8), context: context)
                #expect(decoded.text.unicodeScalars.elementsEqual(text.unicodeScalars), "\(iteration): \(tokens)")
                #expect(decoded.diagnostics.isEmpty, "\(iteration): \(decoded.diagnostics)")
            }
        }
    }
}

@Suite("RFC 2047 decoder robustness")
struct EncodedWordRobustnessTests {
    /// Random bytes built from the pieces of the grammar: the decoder never traps, and every
    /// diagnostic points inside the input.
    @Test func randomInputNeverBreaksTheDecoder() {
        let pieces: [[UInt8]] = [
            Array("=?".utf8), Array("?=".utf8), Array("utf-8".utf8), Array("iso-8859-1".utf8), Array("?q?".utf8),
            Array("?B?".utf8), Array("_".utf8), Array("=".utf8), Array("=C3".utf8), Array("=A9".utf8), Array("4pg".utf8),
            Array("\"".utf8), Array("(".utf8), Array(")".utf8), Array("\\".utf8), Array("\r\n ".utf8), Array(" ".utf8),
            Array("*en".utf8), Array("x".utf8), [0xC3], [0xA9], [0xFF], [0x00], [0x7F],
        ]
        var generator = SeededGenerator(seed: 822)
        for _ in 0..<3000 {
            var input: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                input += pieces.randomElement(using: &generator)!
            }
            for context in [EncodedWord.Context.unstructured, .phrase, .comment] {
                let result = EncodedWord.decode(input, context: context, options: .init(maximumEncodedWords: 5))
                // Output is bounded by the input: no byte expands to more than U+FFFD's three.
                #expect(result.text.utf8.count <= input.count * 3)
                for diagnostic in result.diagnostics {
                    #expect(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= input.count, "\(input)")
                }
            }
        }
    }
}
