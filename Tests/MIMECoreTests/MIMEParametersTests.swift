import MIMECore
import Testing

func parseParameters(_ bytes: [UInt8], options: MIMEParameters.Options = .default) -> (MIMEParameters, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let parameters = MIMEParameters.parse(ArraySlice(bytes), options: options, diagnostics: &diagnostics)
    return (parameters, diagnostics)
}

func parseParameters(_ text: String) -> (MIMEParameters, [Diagnostic]) {
    parseParameters(Array(text.utf8))
}

func pairs(_ parameters: MIMEParameters) -> [String] {
    parameters.map { "\($0.name)=\($0.value)" }
}

@Suite("MIMEParameters")
struct MIMEParametersTests {
    /// RFC 2231's own examples (sections 3, 4 and 4.1), verbatim after the media type.
    static let rfc2231: [(input: String, name: String, value: String, charset: String?, language: String?)] = [
        ("access-type=URL;\r\n         URL*0=\"ftp://\";\r\n         URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"",
         "url", "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar", nil, nil),
        ("\r\n         title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A",
         "title", "This is ***fun***", "us-ascii", "en-us"),
        ("\r\n   title*0*=us-ascii'en'This%20is%20even%20more%20;\r\n   title*1*=%2A%2A%2Afun%2A%2A%2A%20;\r\n   title*2=\"isn't it!\"",
         "title", "This is even more ***fun*** isn't it!", "us-ascii", "en"),
    ]

    @Test("RFC 2231 examples", arguments: rfc2231)
    func rfc2231Examples(_ example: (input: String, name: String, value: String, charset: String?, language: String?)) throws {
        let (parameters, diagnostics) = parseParameters(example.input)
        let parameter = try #require(parameters.first(named: example.name))
        #expect(parameter.value == example.value)
        #expect(parameter.charset == example.charset)
        #expect(parameter.language == example.language)
        #expect(diagnostics.allSatisfy { $0.severity == .info }, "\(diagnostics)")
        #expect(parameters[example.name.uppercased()] == example.value)
    }

    /// Inputs with the parameters they hold, in order, and the diagnostics they must raise (none
    /// above `info` when the list is empty).
    static let cases: [(input: [UInt8], expected: [String], codes: [Diagnostic.Code])] = [
        (Array("charset=us-ascii".utf8), ["charset=us-ascii"], []),
        (Array("; CHARSET=\"US-ASCII\"".utf8), ["charset=US-ASCII"], []),
        // A plain parameter given twice is kept, the first is the one looked up, and the
        // repetition is reported: readers disagree on which one counts.
        (Array("a=1; b=2; a=3".utf8), ["a=1", "b=2", "a=3"], [.parameterDuplicate]),
        (Array("boundary=x; BOUNDARY=\"y\"".utf8), ["boundary=x", "boundary=y"], [.parameterDuplicate]),
        (Array("charset = \"utf-8\" ; format=flowed".utf8), ["charset=utf-8", "format=flowed"], []),
        (Array("(comment) charset=ISO-8859-1 (comment)".utf8), ["charset=ISO-8859-1"], []),
        (Array(#"a="b\"c\\d""#.utf8), [#"a=b"c\d"#], []),
        (Array("a=\"folded\r\n value\"".utf8), ["a=folded value"], []),
        // RFC 2231: sections out of order, with gaps, mixed encoded and plain, no charset.
        (Array("name*1*=%C3%A9.pdf; name*0*=utf-8''r%C3%A9sum".utf8), ["name=résumé.pdf"], [.parameterSectionsOutOfOrder]),
        (Array("name*0=foo; name*2=bar".utf8), ["name=foobar"], [.parameterSectionGap]),
        (Array("name*1=bar".utf8), ["name=bar"], [.parameterSectionGap]),
        (Array("name*0*=utf-8''%E2%82; name*1*=%AC; name*2=.txt".utf8), ["name=€.txt"], []),
        (Array("NAME*0=file____C__DOCUMENTS; NAME*1=P_nsmail.htm".utf8), ["name=file____C__DOCUMENTSP_nsmail.htm"], []),
        (Array("name*0=a; name*0=b; name*1=c".utf8), ["name=ac"], [.parameterDuplicate]),
        (Array("name*00=a; name*01=b".utf8), ["name=ab"], [.parameterInvalidSection]),
        // The extended form wins over a plain duplicate, wherever each stands.
        (Array("filename=\"fallback.txt\"; filename*=utf-8''%E2%82%AC.txt; size=3".utf8),
         ["filename=€.txt", "size=3"], [.parameterSuperseded]),
        (Array("filename*=utf-8''a.txt; filename=b.txt".utf8), ["filename=a.txt"], [.parameterSuperseded]),
        (Array("filename*0=a; filename*1=b.txt; filename=ab.txt".utf8), ["filename=ab.txt"], [.parameterSuperseded]),
        (Array("a*=x; a*0=y".utf8), ["a=x"], [.parameterDuplicate]),
        // Extended values that break section 7.
        (Array("a*=x-no-such-charset''abc".utf8), ["a=abc"], [.parameterValueUnknownCharset]),
        (Array("a*=abc%20d".utf8), ["a=abc d"], [.parameterValueMissingCharset]),
        (Array("filename*=\"utf-8''a%20b\"".utf8), ["filename=a b"], [.parameterValueQuotedExtendedValue]),
        (Array("a*=utf-8''100%".utf8), ["a=100%"], [.parameterValueInvalidPercentEncoding]),
        (Array("a*=iso-8859-1''caf%E9".utf8), ["a=café"], []),
        // RFC 2047 encoded words in values, forbidden but common.
        (Array("name=\"=?utf-8?q?r=C3=A9sum=C3=A9.pdf?=\"".utf8), ["name=résumé.pdf"], [.parameterEncodedWord]),
        (Array("name=\"=?UTF-8?B?csOpc3Vtw6kucGRm?=\"".utf8), ["name=résumé.pdf"], [.parameterEncodedWord]),
        (Array("name==?utf-8?q?a_b?=".utf8), ["name=a b"], [.parameterEncodedWord]),
        (Array("name=\"a=?b\"".utf8), ["name=a=?b"], []),
        (Array("name*0=\"=?utf-8?B?csOpc3Vt\"; name*1=\"w6kucGRm?=\"".utf8), ["name=résumé.pdf"], [.parameterEncodedWord]),
        // Unquoted values with spaces or specials, read to the next ';'.
        (Array("timeout=Tue, 5 Dec 2017 10:00:00 +0000; x=y".utf8),
         ["timeout=Tue, 5 Dec 2017 10:00:00 +0000", "x=y"], [.parameterUnquotedSpecials]),
        (Array("categories=friend, family".utf8), ["categories=friend, family"], [.parameterUnquotedSpecials]),
        (Array("name=my file.txt ; a=b".utf8), ["name=my file.txt", "a=b"], [.parameterUnquotedSpecials]),
        // Missing values, stray and missing semicolons, junk.
        (Array("a; b=c".utf8), ["a=", "b=c"], [.parameterMissingValue]),
        (Array("a=; b=c".utf8), ["a=", "b=c"], [.parameterMissingValue]),
        (Array("a b=c".utf8), ["a=", "b=c"], [.parameterMissingValue, .parameterMissingSemicolon]),
        (Array("a junk; b=c".utf8), ["a=", "b=c"], [.parameterMissingValue]),
        (Array(";; a=b;".utf8), ["a=b"], [.parameterStraySemicolon]),
        (Array("a=b;".utf8), ["a=b"], [.parameterStraySemicolon]),
        (Array("a=\"b\" c=\"d\"".utf8), ["a=b", "c=d"], [.parameterMissingSemicolon]),
        (Array("a=\"b\"junk; c=d".utf8), ["a=b", "c=d"], [.parameterTrailingText]),
        (Array("=b; c=d".utf8), ["c=d"], [.parameterInvalid]),
        (Array("a*x=1".utf8), ["a*x=1"], [.parameterInvalidSection]),
        (Array("a=\"unclosed".utf8), ["a=unclosed"], [.unterminatedQuotedString]),
        // Raw 8-bit values: UTF-8 first, then windows-1252.
        ([0x6E, 0x3D, 0x22, 0x72, 0xC3, 0xA9, 0x2E, 0x70, 0x64, 0x66, 0x22], ["n=ré.pdf"], [.parameter8Bit]),
        ([0x6E, 0x3D, 0x63, 0x61, 0x66, 0xE9, 0x2E, 0x74, 0x78, 0x74], ["n=café.txt"], [.parameter8Bit]),
        ([0x6E, 0x3D, 0x22, 0x80, 0x22], ["n=€"], [.parameter8Bit]),
    ]

    @Test("Parameter lists, strict and broken", arguments: cases)
    func parameterLists(_ example: (input: [UInt8], expected: [String], codes: [Diagnostic.Code])) {
        let (parameters, diagnostics) = parseParameters(example.input)
        #expect(pairs(parameters) == example.expected)
        let codes = Set(diagnostics.map(\.code))
        for code in example.codes {
            #expect(codes.contains(code), "\(code) not in \(diagnostics)")
        }
        if example.codes.isEmpty {
            #expect(diagnostics.allSatisfy { $0.severity == .info }, "\(diagnostics)")
        }
        for diagnostic in diagnostics {
            #expect(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= example.input.count,
                    "\(diagnostic)")
        }
    }

    @Test("Source ranges point at the parameter in the field")
    func sourceRanges() throws {
        let field = Array("Content-Type: text/plain; charset=utf-8; name*0=a; name*1=b".utf8)
        var diagnostics: [Diagnostic] = []
        let parameters = MIMEParameters.parse(field[24...], diagnostics: &diagnostics)
        let charset = try #require(parameters.first(named: "charset"))
        #expect(charset.sourceRange == 26..<39)
        let name = try #require(parameters.first(named: "name"))
        #expect(name.sourceRange == 41..<59)
    }

    @Test("Limits on parameters and sections")
    func limits() {
        let many = (0..<500).map { "p\($0)=v" }.joined(separator: "; ")
        let (parameters, diagnostics) = parseParameters(Array(many.utf8), options: .init(maximumParameters: 50))
        #expect(parameters.count == 50)
        #expect(diagnostics.contains { $0.code == .parameterLimit })

        let (sections, sectionDiagnostics) = parseParameters("a*0=x; a*5=y; a*99999999999999=z; a*1=w")
        #expect(pairs(sections) == ["a=xwy"])
        #expect(sectionDiagnostics.contains { $0.code == .parameterLimit })
        #expect(sectionDiagnostics.contains { $0.code == .parameterSectionGap })

        // Broken parameters count toward the limit too, so diagnostics stay bounded.
        let broken = String(repeating: "=x;", count: 10_000)
        let (_, brokenDiagnostics) = parseParameters(Array(broken.utf8), options: .init(maximumParameters: 20))
        #expect(brokenDiagnostics.count <= 25)
        #expect(brokenDiagnostics.contains { $0.code == .parameterLimit })

        // A long run of garbage is read once: the parser never backtracks past a ';'.
        let garbage = String(repeating: "a=\"", count: 20_000) + String(repeating: ";", count: 20_000)
        let (_, garbageDiagnostics) = parseParameters(garbage)
        #expect(!garbageDiagnostics.isEmpty)
    }

    @Test("Lookup, duplicates and editing")
    func editing() {
        var parameters: MIMEParameters = [("Charset", "utf-8"), ("a", "1"), ("A", "2")]
        #expect(parameters["CHARSET"] == "utf-8")
        #expect(parameters.values(named: "a") == ["1", "2"])
        #expect(parameters["missing"] == nil)
        parameters.set("a", to: "3")
        #expect(pairs(parameters) == ["charset=utf-8", "a=3"])
        parameters.set("format", to: "flowed")
        #expect(pairs(parameters) == ["charset=utf-8", "a=3", "format=flowed"])
        parameters.removeAll(named: "A")
        #expect(pairs(parameters) == ["charset=utf-8", "format=flowed"])
        parameters.append(name: "X-Extra", value: "y")
        #expect(parameters.last?.name == "x-extra")
    }

    /// Rendering: quoting whenever the value is not a token, the extended form for non-ASCII.
    static let renderings: [(parameter: MIMEParameters.Parameter, tokens: [String])] = [
        (.init(name: "charset", value: "utf-8"), ["; charset=utf-8"]),
        (.init(name: "Format", value: "flowed"), ["; format=flowed"]),
        (.init(name: "name", value: "earth picture.jpg"), ["; name=\"earth picture.jpg\""]),
        (.init(name: "name", value: ""), ["; name=\"\""]),
        (.init(name: "boundary", value: "=_a/b?c"), ["; boundary=\"=_a/b?c\""]),
        (.init(name: "name", value: #"a"b\c"#), [#"; name="a\"b\\c""#]),
        (.init(name: "filename", value: "€.txt"), ["; filename*=UTF-8''%E2%82%AC.txt"]),
        (.init(name: "title", value: "fun", language: "en"), ["; title*=UTF-8'en'fun"]),
        (.init(name: "tab", value: "a\tb"), ["; tab*=UTF-8''a%09b"]),
        (.init(name: "filename", value: String(repeating: "a", count: 100) + ".txt"),
         ["; filename*0=" + String(repeating: "a", count: 63), "; filename*1=" + String(repeating: "a", count: 37) + ".txt"]),
    ]

    @Test("Rendering", arguments: renderings)
    func rendering(_ example: (parameter: MIMEParameters.Parameter, tokens: [String])) throws {
        let tokens = example.parameter.renderedTokens()
        #expect(tokens == example.tokens)
        let (parsed, _) = parseParameters(tokens.joined())
        let back = try #require(parsed.first)
        #expect(back.name == example.parameter.name)
        #expect(back.value == example.parameter.value)
        #expect(back.language == example.parameter.language)
    }

    @Test("Long values are split into sections that fit a folded line")
    func longValues() throws {
        let values = [
            String(repeating: "Ж", count: 90) + ".pdf",
            String(repeating: "quoted \"word\" ", count: 20),
            String(repeating: "😀", count: 40),
        ]
        for value in values {
            let parameter = MIMEParameters.Parameter(name: "filename", value: value)
            let tokens = parameter.renderedTokens()
            #expect(tokens.count > 1)
            for token in tokens {
                // Folded as ";" CRLF " " + token.dropFirst(2): a space, the token, the next ';'.
                #expect(token.utf8.count - 2 + 2 <= 78, "\(token)")
                #expect(token.hasPrefix("; filename*"))
            }
            let folded = tokens.map { String($0.dropFirst(2)) }.joined(separator: ";\r\n ")
            let (parsed, diagnostics) = parseParameters(folded)
            #expect(parsed.first?.value == value)
            #expect(diagnostics.allSatisfy { $0.severity == .info }, "\(diagnostics)")
        }
    }

    static let nameAlphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789-_.".unicodeScalars)
    static let valueAlphabet: [String] = [
        "a", "Z", "0", " ", "\"", "\\", ";", "=", "(", ")", ",", "/", "?", "'", "%", "*", "é", "€", "😀", "中", "\t", "-", ".",
    ]

    /// Random lists render and parse back to the same names, values and languages, folded or not.
    @Test("Property: render then parse gives the same list", arguments: [UInt64(7), 8, 9, 0xF00D])
    func roundTrip(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<200 {
            var parameters = MIMEParameters()
            var used: Set<String> = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                var name = ""
                for _ in 0..<Int.random(in: 1...12, using: &generator) {
                    name.unicodeScalars.append(MIMEParametersTests.nameAlphabet.randomElement(using: &generator)!)
                }
                guard used.insert(name).inserted else { continue }
                var value = ""
                let length = Int.random(in: 0..<8, using: &generator) == 0 ? Int.random(in: 60...200, using: &generator)
                                                                            : Int.random(in: 0...20, using: &generator)
                for _ in 0..<length { value += MIMEParametersTests.valueAlphabet.randomElement(using: &generator)! }
                let language: String? = Int.random(in: 0..<10, using: &generator) == 0 ? "de-CH" : nil
                parameters.append(MIMEParameters.Parameter(name: name, value: value, language: language))
            }
            let tokens = parameters.renderedTokens()
            for folded in [tokens.joined(), tokens.map { String($0.dropFirst(2)) }.joined(separator: ";\r\n\t")] {
                let (parsed, diagnostics) = parseParameters(folded)
                #expect(parsed.map(\.name) == parameters.map(\.name), "\(folded)")
                #expect(parsed.map(\.value) == parameters.map(\.value), "\(folded)")
                #expect(parsed.map(\.language) == parameters.map(\.language), "\(folded)")
                #expect(diagnostics.allSatisfy { $0.severity == .info }, "\(folded): \(diagnostics)")
            }
        }
    }
}
