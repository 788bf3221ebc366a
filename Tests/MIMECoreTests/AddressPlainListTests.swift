import Testing
import TestSupport
@testable import MIMECore

/// `HeaderField.diagnostics` skips the address parser when one pass proves an address field
/// plain. What it reports must stay exactly what the parser reports, plain or not.
@Suite("Header field diagnostics: plain address lists")
struct AddressPlainListTests {
    static func parserDiagnostics(_ value: [UInt8]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        _ = Address.parseList(value[...], diagnostics: &diagnostics)
        return diagnostics
    }

    @Test("The plain forms are recognized", arguments: [
        " alice@example.com", " <alice@example.com>", " Alice Example <alice@example.com>",
        " \"Example, Alice\" <alice@example.com>", " a@b, c@d,\r\n e.f@g.h", " a@b,\n\tc@d",
        " =?utf-8?B?6rmA66+87KSA?= <walter@example.com>", " =?iso-8859-1?Q?Ren=E9e_Dubois?= <r@example.com>",
        " =?UTF-8?q?Dvo=C5=99=C3=A1k?= Anton <d@example.net>, Judy Green <j@example.de>",
        " =?utf-8?b?w6k=?=\r\n =?utf-8?b?w6k=?= <x@y>", " =?utf-8?q?=C3?= =?utf-8?q?=A9?= <x@y>",
        " Name<a@b>",
    ])
    func plainFormsAreRecognized(value: String) {
        let bytes = Array(value.utf8)
        #expect(Address.isPlainList(bytes[...]), "\(value)")
        #expect(Self.parserDiagnostics(bytes).isEmpty, "\(value)")
    }

    @Test("Irregular values are left to the parser", arguments: [
        "", " ", " a@b,", " ,a@b", " a@b,,c@d", " a@b; c@d", " a.@b", " a..b@c", " a @b", " a@ b", " <a@b",
        " a@b>", " Alice (work) <a@b>", " a@b (Alice)", " Group: a@b;", " \"a\\\"b\" <a@b>", " \"\" <a@b>",
        " A. Person <a@b>", " \"=?utf-8?q?x?=\" <a@b>", " =?utf-8?q?x?=y <a@b>", " =?utf-8?b?w6?= <a@b>",
        " =?utf-8?b?w===?= <a@b>", " =?utf-8?q?=C3?= <a@b>", " =?utf-8?q?=ZZ?= <a@b>", " =?x-unknown?q?a?= <a@b>",
        " =?utf-8?x?a?= <a@b>", " =?utf-8??= <a@b>", " =?utf-8*en?q?a?= <a@b>",
        " =?utf-8?q?" + String(repeating: "a", count: 70) + "?= <a@b>", " Ren\u{E9}e <a@b>", " a@b\r\n",
        " a@b\r\nc@d", " <a@[1.2.3.4]>", " \"a\"@b", " <@route:a@b>", " a@b c@d",
    ])
    func irregularValuesAreLeftToTheParser(value: String) {
        let bytes = Array(value.utf8)
        #expect(!Address.isPlainList(bytes[...]), "\(value)")
    }

    /// Random lists assembled from plain and irregular pieces: whenever the recognizer accepts
    /// one, the parser must have nothing to report, and the field's diagnostics must be the
    /// parser's in every case.
    @Test("Accepted values have nothing to report", arguments: 0..<8)
    func acceptedValuesHaveNothingToReport(seed: UInt64) throws {
        var generator = SeededGenerator(seed: 0xADD_0000 + seed)
        let names = ["Alice", "Bob Smith", "\"Smith, Bob\"", "=?utf-8?B?w6k=?=", "=?utf-8?Q?=C3=A9t=C3=A9?=",
                     "=?iso-8859-1?Q?Ren=E9e?=", "=?utf-8?q?=C3?=", "=?utf-8?q?=A9?=", "=?utf-8?b?w6?=", "A.",
                     "\"a\\\"b\"", "(c)", "=?x?q?a?=", "\"=?utf-8?q?a?=\"", "x=?y", "Ren\u{E9}e", "=?utf-8?b?gA==?=",
                     "=?windows-1252?q?=81?=", "=?us-ascii?b?QQ==?="]
        let specs = ["a@b", "a.b@c.d", "a..b@c", "\"q\"@d", "a@[1.2.3.4]", "a @b", "x@y.z", "@b", "a@"]
        let separators = [",", ", ", ",\r\n ", ",\n\t", ";", ",,", " ", ",\r\n"]
        let spaces = [" ", "\r\n ", "\n\t", "", "  "]
        var accepted = 0
        for _ in 0..<400 {
            var value = " "
            for item in 0..<Int.random(in: 1...4, using: &generator) {
                if item > 0 { value += separators.randomElement(using: &generator)! }
                let spec = specs.randomElement(using: &generator)!
                switch Int.random(in: 0...2, using: &generator) {
                case 0:
                    value += spec
                case 1:
                    value += "<\(spec)>"
                default:
                    for _ in 0..<Int.random(in: 1...3, using: &generator) {
                        value += names.randomElement(using: &generator)! + spaces.randomElement(using: &generator)!
                    }
                    value += "<\(spec)>"
                }
            }
            if Bool.random(using: &generator) { value += spaces.randomElement(using: &generator)! }
            let bytes = Array(value.utf8)
            let expected = Self.parserDiagnostics(bytes)
            if Address.isPlainList(bytes[...]) {
                accepted += 1
                #expect(expected.isEmpty, "\(value): \(expected)")
            }
            let field = try #require(HeaderField(serialized: Array("To:\(value)\r\n".utf8)))
            var direct: [Diagnostic] = []
            _ = Address.parseList(field.rawValue, diagnostics: &direct)
            #expect(field.diagnostics() == direct, "\(value)")
        }
        // The pieces are mostly plain: a good share of the lists must take the fast path.
        #expect(accepted >= 20, "only \(accepted) of 400 accepted")
    }
}
