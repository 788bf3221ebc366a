import Testing
import TestSupport
@testable import MIMECore

/// coi-lint reads a plain `Content-Type` through `ContentType.plainSummary` instead of parsing
/// it. Whatever the summary accepts must be what the parser reads, with nothing to report.
@Suite("Content-Type: the plain summary")
struct ContentTypePlainSummaryTests {
    static func check(_ text: String) -> Bool {
        let value = ArraySlice(Array(text.utf8))
        var diagnostics: [Diagnostic] = []
        let parsed = ContentType.parse(value, diagnostics: &diagnostics)
        guard let summary = ContentType.plainSummary(value) else { return false }
        #expect(diagnostics.isEmpty, "\(text): \(diagnostics)")
        #expect(summary.isText == parsed.isText, "\(text)")
        #expect(ASCII.lowercasedString(summary.subtype) == parsed.subtype, "\(text)")
        #expect(summary.charset.map { ASCII.string($0) } == parsed.charset, "\(text)")
        return true
    }

    @Test("Plain values are summarized", arguments: [
        " text/plain", " text/plain; charset=utf-8", " TEXT/HTML; Charset=\"UTF-8\"", " text/plain;\r\n\tcharset=us-ascii",
        " multipart/mixed; boundary=\"=_abc 123\"", " multipart/alternative;\n boundary=xyz", " image/png; name=\"a b.png\"",
        " application/octet-stream", " message/global", " text/plain; format=flowed; delsp=yes; charset=iso-8859-1",
        " application/pdf; name*=utf-8''Pr%C3%A4sentation.pdf", " text/plain; name*=utf-8''a",
    ])
    func plainValuesAreSummarized(text: String) {
        #expect(Self.check(text), "\(text)")
    }

    @Test("Irregular values are left to the parser", arguments: [
        "", " text", " text/", " text/plain;", " text/plain; charset", " text/plain; charset=", " text/plain charset=x",
        " text/plain; charset=utf-8; charset=latin1",  " text/plain; name*0=a",
        " text/plain; name=\"a\\\"b\"", " text/plain; name=\"=?utf-8?q?a?=\"", " text/plain; name=a b",
        " text/plain (comment)", " multipart/mixed", " multipart/mixed; boundary=\"\"", " multipart/mixed; boundary=\"a \"",
        " multipart/mixed; boundary=" + String(repeating: "b", count: 71), " text/plain; name=\"\"",
        " text/plain; na\u{E9}me=x", " text/plain; name=caf\u{E9}", " text/plain; name=\"caf\u{E9}\"", " text/plain;; a=b",
        " text/plain; a=b\r\n", " text/plain, charset=utf-8", " text/plain; charset*=utf-8''utf-8",
        " multipart/mixed; boundary*=utf-8''abc", " text/plain; name*=utf-8''%FF",
    ])
    func irregularValuesAreLeftToTheParser(text: String) {
        #expect(!Self.check(text), "\(text)")
    }

    @Test("Random values: every summary agrees with the parser", arguments: 0..<4)
    func randomValues(seed: UInt64) {
        var generator = SeededGenerator(seed: 0xC7_0000 + seed)
        let types = ["text/plain", "Text/HTML", "multipart/mixed", "image/png", "text", "text/", "a/b/c", "multipart/related"]
        let names = ["charset", "Charset", "boundary", "name", "format", "name*", "x%y", "n\u{E9}", "charset*"]
        let values = ["utf-8", "\"utf-8\"", "\"a b\"", "\"\"", "a b", "\"=?utf-8?q?x?=\"", "\"a\\\"b\"", "=_x", "\"x \"",
                      "tok.en", "caf\u{E9}", "utf-8''a%20b", "utf-8''%C3", "iso-8859-1''%E9", "''x"]
        let separators = [";", "; ", ";\r\n ", ";\n\t", ";;", " ", ","]
        var summarized = 0
        for _ in 0..<300 {
            var text = " " + types.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                text += separators.randomElement(using: &generator)! + names.randomElement(using: &generator)! + "="
                    + values.randomElement(using: &generator)!
            }
            if Self.check(text) { summarized += 1 }
        }
        #expect(summarized >= 10, "only \(summarized) of 300 summarized")
    }
}
