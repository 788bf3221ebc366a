import Testing
import MIMECore

/// `HeaderField.diagnostics` skips the message-id reader when one pass over the bytes proves the
/// value plain: what it reports must stay exactly what the reader reports, plain or not.
@Suite("Header field diagnostics: plain message-id values")
struct MessageIDPlainValueTests {
    static let values: [String] = [
        " <a@b>", " <a.b@c.d>", "<1234@local.machine.example>", " <a@b>\r\n <c.d@e.f>\t<g@h>", " <a@b><c@d>",
        " <a@b>, <c@d>", " <.a@b>", " <a..b@c>", " <a.@b>", " <a@b.>", " <a@b", " <a@b>>", " ", "", " a@b",
        " <a@b> (comment)", " <a @b>", " <a@@b>", " <\"a\"@b>", " <a@[1.2.3.4]>", " <a@b>\r\n", " <ab@c>\n <d@e>",
        " <" + String(repeating: "a.", count: 63) + "a@b>", " <" + String(repeating: "a.", count: 64) + "a@b>",
        " <a@" + String(repeating: "b.", count: 63) + "c>", " <a@" + String(repeating: "b.", count: 64) + "c>",
        " <é@b>", " phrase <a@b>", " <a@b>\n <c@d>\n\t<e@f>", " <a@b>\n<c@d>", " <a@b>\n", " <a@b>\r <c@d>",
    ]

    @Test("References and In-Reply-To report what the list reader reports", arguments: values)
    func list(value: String) throws {
        for name in ["References", "In-Reply-To"] {
            let field = try #require(HeaderField(serialized: Array("\(name):\(value)\r\n".utf8)))
            var expected = field.decodedValue().diagnostics
            _ = MessageID.parseList(field.rawValue, diagnostics: &expected)
            #expect(field.diagnostics() == expected, "\(name):\(value)")
        }
    }

    @Test("Message-ID and Content-ID report what the single reader reports", arguments: values)
    func single(value: String) throws {
        for name in ["Message-ID", "Content-ID"] {
            let field = try #require(HeaderField(serialized: Array("\(name):\(value)\r\n".utf8)))
            var expected = field.decodedValue().diagnostics
            _ = MessageID.parse(field.rawValue, diagnostics: &expected)
            #expect(field.diagnostics() == expected, "\(name):\(value)")
        }
    }
}
