import MIMECore
import Testing

func parseContentType(_ text: String) -> (ContentType, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let type = ContentType.parse(ArraySlice(Array(text.utf8)), diagnostics: &diagnostics)
    return (type, diagnostics)
}

@Suite("ContentType")
struct ContentTypeTests {
    /// Field values with the media type and parameters they hold, and the diagnostics they must
    /// raise (none above `info` when the list is empty).
    static let cases: [(input: String, mimeType: String, parameters: [String], codes: [Diagnostic.Code])] = [
        // RFC 2045 section 5.1 and RFC 2046 examples.
        ("text/plain; charset=us-ascii (Plain text)", "text/plain", ["charset=us-ascii"], []),
        ("text/plain; charset=\"us-ascii\"", "text/plain", ["charset=us-ascii"], []),
        ("text/plain; charset=ISO-8859-1", "text/plain", ["charset=ISO-8859-1"], []),
        ("multipart/mixed; boundary=\"simple boundary\"", "multipart/mixed", ["boundary=simple boundary"], []),
        ("multipart/digest; boundary=\"---- next message ----\"", "multipart/digest",
         ["boundary=---- next message ----"], []),
        ("message/partial; number=2; total=3;\r\n id=\"oc=jpbe0M2Yt4s@example.com\"", "message/partial",
         ["number=2", "total=3", "id=oc=jpbe0M2Yt4s@example.com"], []),
        // RFC 2231 section 3, verbatim.
        ("message/external-body; access-type=URL;\r\n URL*0=\"ftp://\";\r\n URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"",
         "message/external-body", ["access-type=URL", "url=ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar"], []),
        // The COI specification's values.
        ("text/plain; charset=UTF-8; format=\"flowed\"", "text/plain", ["charset=UTF-8", "format=flowed"], []),
        ("multipart/alternative;\r\n boundary=\"=_Part_1\"", "multipart/alternative", ["boundary==_Part_1"], []),
        // Case, spacing and comments.
        ("Text/HTML; Charset=\"UTF-8\"", "text/html", ["charset=UTF-8"], []),
        ("text/plain;charset=utf-8", "text/plain", ["charset=utf-8"], []),
        ("  text / plain ;charset = utf-8", "text/plain", ["charset=utf-8"], []),
        ("(c) text (c) / (c) plain (c) ; charset=us-ascii", "text/plain", ["charset=us-ascii"], []),
        ("text/plain (comment)", "text/plain", [], []),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=a.docx",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ["name=a.docx"], []),
        // Breakage.
        ("text/plain;", "text/plain", [], [.parameterStraySemicolon]),
        ("text", "text/plain", [], [.contentTypeMissingSubtype]),
        ("text; charset=utf-8", "text/plain", ["charset=utf-8"], [.contentTypeMissingSubtype]),
        ("text/plain charset=utf-8", "text/plain", ["charset=utf-8"], [.parameterMissingSemicolon]),
        ("text/plain, charset=utf-8", "text/plain", ["charset=utf-8"], [.contentTypeTrailingText]),
        ("", "text/plain", ["charset=us-ascii"], [.contentTypeInvalid]),
        ("/plain", "text/plain", ["charset=us-ascii"], [.contentTypeInvalid]),
        ("garbage; charset=utf-8", "text/plain", ["charset=utf-8"], [.contentTypeInvalid]),
        ("image; name=a.png", "text/plain", ["name=a.png", "charset=us-ascii"], [.contentTypeInvalid]),
        ("multipart/mixed", "multipart/mixed", [], [.contentTypeMissingBoundary]),
        ("multipart/mixed; boundary=\"abc \"", "multipart/mixed", ["boundary=abc "], [.contentTypeInvalidBoundary]),
        ("multipart/mixed; boundary=\"a@b\"", "multipart/mixed", ["boundary=a@b"], [.contentTypeInvalidBoundary]),
        ("multipart/mixed; boundary=\"\"", "multipart/mixed", ["boundary="], [.contentTypeInvalidBoundary]),
        ("multipart/mixed; boundary=" + String(repeating: "b", count: 71), "multipart/mixed",
         ["boundary=" + String(repeating: "b", count: 71)], [.contentTypeInvalidBoundary]),
        ("multipart/mixed; boundary=----=_NextPart_000_0000_01D00000.00000000", "multipart/mixed",
         ["boundary=----=_NextPart_000_0000_01D00000.00000000"], [.parameterUnquotedSpecials]),
        ("application/pdf; name=\"=?UTF-8?B?csOpc3Vtw6kucGRm?=\"", "application/pdf", ["name=résumé.pdf"],
         [.parameterEncodedWord]),
    ]

    @Test("Content-Type values, strict and broken", arguments: cases)
    func contentTypes(_ example: (input: String, mimeType: String, parameters: [String], codes: [Diagnostic.Code])) {
        let (type, diagnostics) = parseContentType(example.input)
        #expect(type.mimeType == example.mimeType)
        #expect(pairs(type.parameters) == example.parameters)
        let codes = Set(diagnostics.map(\.code))
        for code in example.codes {
            #expect(codes.contains(code), "\(code) not in \(diagnostics)")
        }
        if example.codes.isEmpty {
            #expect(diagnostics.allSatisfy { $0.severity == .info }, "\(diagnostics)")
        }
    }

    @Test("Accessors")
    func accessors() throws {
        let text = try #require(ContentType("Text/Plain; CHARSET=utf-8"))
        #expect(text.isText && !text.isMultipart && !text.isMessage)
        #expect(text.charset == "utf-8")
        #expect(text.effectiveCharset == "utf-8")
        #expect(try #require(ContentType("text/html")).effectiveCharset == "us-ascii")
        #expect(try #require(ContentType("text/html")).charset == nil)
        #expect(try #require(ContentType("image/png")).effectiveCharset == nil)
        #expect(text.boundary == nil)
        #expect(text.matches(type: "TEXT", subtype: "plain"))

        let multipart = try #require(ContentType("multipart/mixed; boundary=\"b1 \""))
        #expect(multipart.isMultipart)
        #expect(multipart.boundary == "b1")

        #expect(try #require(ContentType("message/rfc822")).isMessage)
        #expect(try #require(ContentType("message/global")).isMessage)
        #expect(try #require(ContentType("Message/RFC822")).isMessage)
        #expect(try !#require(ContentType("message/partial; id=x; number=1")).isMessage)
        #expect(try !#require(ContentType("message/delivery-status")).isMessage)

        #expect(ContentType("") == nil)
        #expect(ContentType("garbage") == nil)
    }

    @Test("Defaults of RFC 2045 section 5.2 and RFC 2046 section 5.1.5")
    func defaults() throws {
        #expect(ContentType.default.rendered == "text/plain; charset=us-ascii")
        let digest = try #require(ContentType("multipart/digest; boundary=x"))
        #expect(ContentType.defaultType(forChildOf: digest) == ContentType.messageRFC822)
        let mixed = try #require(ContentType("multipart/mixed; boundary=x"))
        #expect(ContentType.defaultType(forChildOf: mixed) == .default)
        #expect(ContentType.defaultType(forChildOf: nil) == .default)
        #expect(ContentType.defaultType(forChildOf: nil).charset == "us-ascii")
    }

    static let renderings: [(type: ContentType, rendered: String)] = [
        (ContentType(type: "Text", subtype: "Plain", parameters: [("charset", "UTF-8"), ("format", "flowed")]),
         "text/plain; charset=UTF-8; format=flowed"),
        (ContentType(type: "multipart", subtype: "mixed", parameters: [("boundary", "=_abc")]),
         "multipart/mixed; boundary=\"=_abc\""),
        (ContentType(type: "application", subtype: "pdf", parameters: [("name", "€ rates.pdf")]),
         "application/pdf; name*=UTF-8''%E2%82%AC%20rates.pdf"),
        (ContentType(type: "image", subtype: "jpeg"), "image/jpeg"),
    ]

    @Test("Rendering, and parsing the rendering back", arguments: renderings)
    func rendering(_ example: (type: ContentType, rendered: String)) throws {
        #expect(example.type.rendered == example.rendered)
        #expect(example.type.description == example.rendered)
        #expect(example.type.renderedTokens().joined() == example.rendered)
        let (parsed, diagnostics) = parseContentType(example.rendered)
        #expect(parsed.mimeType == example.type.mimeType)
        #expect(parsed.parameters.map(\.value) == example.type.parameters.map(\.value))
        #expect(diagnostics.allSatisfy { $0.severity == .info }, "\(diagnostics)")
    }

    @Test("Arbitrary bytes never crash and always give a type")
    func arbitraryBytes() {
        var generator = SeededGenerator(seed: 0x5EED)
        let alphabet = Array("tex/plain;=\"\\()*' %0123456789abcdef\r\n\t,".utf8) + [0x80, 0xC3, 0xA9, 0xFF, 0x00]
        for _ in 0..<2000 {
            let length = Int.random(in: 0...80, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            var diagnostics: [Diagnostic] = []
            let type = ContentType.parse(ArraySlice(bytes), diagnostics: &diagnostics)
            #expect(!type.type.isEmpty && !type.subtype.isEmpty)
            for diagnostic in diagnostics {
                #expect(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= bytes.count, "\(diagnostic)")
            }
            var dispositionDiagnostics: [Diagnostic] = []
            _ = ContentDisposition.parse(ArraySlice(bytes), diagnostics: &dispositionDiagnostics)
            var dateDiagnostics: [Diagnostic] = []
            _ = MessageDate.parse(ArraySlice(bytes), diagnostics: &dateDiagnostics)
        }
    }
}
