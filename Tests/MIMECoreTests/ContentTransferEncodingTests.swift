import Testing
@testable import MIMECore

private func parse(_ text: String) -> (ContentTransferEncoding?, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let encoding = ContentTransferEncoding.parse(ArraySlice(Array(text.utf8)), diagnostics: &diagnostics)
    return (encoding, diagnostics)
}

@Suite("Content-Transfer-Encoding")
struct ContentTransferEncodingTests {
    @Test("The mechanisms of RFC 2045 section 6.1, case-insensitive, with CFWS", arguments: [
        ("7bit", ContentTransferEncoding.sevenBit),
        ("8bit", .eightBit),
        ("binary", .binary),
        ("quoted-printable", .quotedPrintable),
        ("base64", .base64),
        ("BASE64", .base64),
        ("Quoted-Printable", .quotedPrintable),
        ("  7BIT  ", .sevenBit),
        ("base64 (encoded by a gateway)", .base64),
        ("(comment) 8Bit", .eightBit),
        ("\r\n base64", .base64),
        ("x-uuencode", ContentTransferEncoding(rawValue: "x-uuencode")),
        ("X-My-Encoding", ContentTransferEncoding(rawValue: "x-my-encoding")),
    ])
    func standard(_ text: String, _ expected: ContentTransferEncoding) {
        let (encoding, diagnostics) = parse(text)
        #expect(encoding == expected)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test("Common misspellings are read with a warning", arguments: [
        ("8-bit", ContentTransferEncoding.eightBit),
        ("7-bit", .sevenBit),
        ("7 bit", .sevenBit),
        ("8_BIT", .eightBit),
        ("quoted printable", .quotedPrintable),
        ("Quoted_Printable", .quotedPrintable),
        ("quotedprintable", .quotedPrintable),
        ("base-64", .base64),
        ("Base 64", .base64),
        ("\"base64\"", .base64),
    ])
    func misspellings(_ text: String, _ expected: ContentTransferEncoding) {
        let (encoding, diagnostics) = parse(text)
        #expect(encoding == expected)
        #expect(diagnostics.map(\.code) == [.transferEncodingMisspelled])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test("Unknown values are kept with a warning", arguments: [
        ("uuencode", "uuencode"),
        ("8bit-ish", "8bit-ish"),
        ("7bit 8bit", "7bit 8bit"),
        ("\"x-token\"", "x-token"),
    ])
    func unknown(_ text: String, _ raw: String) {
        let (encoding, diagnostics) = parse(text)
        #expect(encoding?.rawValue == raw)
        #expect(encoding?.isStandard == false)
        #expect(diagnostics.map(\.code) == [.transferEncodingUnknown])
    }

    @Test("Empty values and trailing text", arguments: [
        ("", nil, [Diagnostic.Code.transferEncodingInvalid]),
        ("  (nothing here)  ", nil, [.transferEncodingInvalid]),
        ("base64; charset=utf-8", ContentTransferEncoding.base64, [.transferEncodingTrailingGarbage]),
        ("7bit/8bit", .sevenBit, [.transferEncodingTrailingGarbage]),
    ] as [(String, ContentTransferEncoding?, [Diagnostic.Code])])
    func edges(_ text: String, _ expected: ContentTransferEncoding?, _ codes: [Diagnostic.Code]) {
        let (encoding, diagnostics) = parse(text)
        #expect(encoding == expected)
        #expect(diagnostics.map(\.code) == codes)
    }

    @Test("Diagnostics use the message's offsets")
    func offsets() {
        let message = Array("Content-Transfer-Encoding: 8-bit".utf8)
        var diagnostics: [Diagnostic] = []
        let encoding = ContentTransferEncoding.parse(message[26...], diagnostics: &diagnostics)
        #expect(encoding == .eightBit)
        #expect(diagnostics.first?.range == 27..<32)
    }

    @Test("Helpers", arguments: [
        (ContentTransferEncoding.sevenBit, true, true, true),
        (.eightBit, true, false, true),
        (.binary, true, false, true),
        (.quotedPrintable, false, true, true),
        (.base64, false, true, true),
        (ContentTransferEncoding(rawValue: "x-uuencode"), false, false, false),
    ])
    func helpers(_ encoding: ContentTransferEncoding, _ identity: Bool, _ restricted: Bool, _ standard: Bool) {
        #expect(encoding.isIdentity == identity)
        #expect(encoding.isDomainRestricted == restricted)
        #expect(encoding.isStandard == standard)
        #expect(encoding.isExtension == (encoding.rawValue.hasPrefix("x-")))
    }

    @Test("Value semantics")
    func values() {
        #expect(ContentTransferEncoding(rawValue: "BASE64") == .base64)
        #expect(ContentTransferEncoding("Base64") == .base64)
        #expect(ContentTransferEncoding("") == nil)
        #expect(ContentTransferEncoding.quotedPrintable.description == "quoted-printable")
    }

    @Test("Hostile values stay bounded")
    func hostile() {
        for unit in ["a ", "(", "\"", "-"] {
            let text = String(repeating: unit, count: (1 << 20) / unit.utf8.count)
            var diagnostics: [Diagnostic] = []
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                _ = ContentTransferEncoding.parse(ArraySlice(Array(text.utf8)), diagnostics: &diagnostics)
            }
            #expect(elapsed < .seconds(60))
            #expect(diagnostics.count <= 17)
        }
    }
}

/// `parse` recognizes a lone standard mechanism without the scanner: whatever it recognizes
/// must be exactly what the scanner reads, with nothing to report.
@Suite("Content-Transfer-Encoding: the lone-mechanism fast path")
struct ContentTransferEncodingFastPathTests {
    @Test(arguments: [
        "7bit", " 8bit", "\tBINARY\t", "quoted-printable ", " Base64", "base-64", "base64x", "base64;", "7bit 8bit",
        "\r\n base64", "base64\r\n", "bas\u{E9}64", "", " ", "7bi", "quoted-printable-quoted", "\"base64\"",
        "base64 (c)", "x-uuencode", "quoted_printable", "7BIT", "b\u{0}ase64",
    ])
    func agreesWithTheScanner(text: String) {
        let value = ArraySlice(Array(text.utf8))
        var diagnostics: [Diagnostic] = []
        let scanned = ContentTransferEncoding.parseScanning(value, diagnostics: &diagnostics)
        if let fast = ContentTransferEncoding.standardMechanism(value) {
            #expect(fast == scanned, "\(text)")
            #expect(diagnostics.isEmpty, "\(text)")
        }
        var reported: [Diagnostic] = []
        #expect(ContentTransferEncoding.parse(value, diagnostics: &reported) == scanned, "\(text)")
        #expect(reported == diagnostics, "\(text)")
    }
}
