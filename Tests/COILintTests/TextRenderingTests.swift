import COILint
import Testing

/// The readable rendering of `coi-lint inspect` without `--json`.
@Suite struct TextRenderingTests {
    @Test func rendersHeadersPartTreeAndDiagnostics() {
        let message = "From: A <a@example.com>\r\n"
            + "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
            + "Content-Type: multipart/mixed; boundary=b\r\n"
            + "\r\n"
            + "--b\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + "SGk=\r\n"
            + "--b\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Content-Disposition: attachment; filename=\"x.bin\"\r\n"
            + "\r\n"
            + "\u{01}\u{02}\r\n"
        let report = MessageReport.inspect(Array(message.utf8))
        #expect(report.text == """
            message, 299 bytes
            headers:
              0: From: A <a@example.com>
              25: Subject: Grüße
              63: Content-Type: multipart/mixed; boundary=b
            subject: Grüße
            from: A <a@example.com>
            parts:
              multipart/mixed  (2 parts)
                headers@0 body@108 end@299
                text/plain; charset=utf-8  (2 bytes decoded)
                  headers@113 body@191 end@195, base64
                  sha256 3639efcd08abb273b1619e82e78c29a7df02c1051b1820e99fc395dcaa3326b8
                application/octet-stream  (4 bytes decoded)
                  headers@202 body@295 end@299, attachment, filename "x.bin"
                  sha256 81170fcc483a4be455da23468cba85f18f9e1a6f3d8fbdb4578ec44fef57258f
            diagnostics:
              299: error [missing-closing-boundary] multipart is not closed before the end of the message

            """)
    }

    /// Folding whitespace and control characters would break the one-item-per-line layout.
    @Test func controlCharactersAreEscaped() {
        let report = MessageReport.inspect(Array("X-Folded: a\r\n\tb\u{1B}c\r\n\r\n".utf8))
        #expect(report.text.contains("  0: X-Folded: a\\tb\\u{1b}c\n"))
        #expect(report.text.hasSuffix("diagnostics: none\n"))
    }
}
