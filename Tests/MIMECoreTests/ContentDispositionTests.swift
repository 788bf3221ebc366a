import MIMECore
import Testing

func parseDisposition(_ text: String) -> (ContentDisposition, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let disposition = ContentDisposition.parse(ArraySlice(Array(text.utf8)), diagnostics: &diagnostics)
    return (disposition, diagnostics)
}

@Suite("ContentDisposition")
struct ContentDispositionTests {
    /// Field values with the type, file name and size they hold, and the diagnostics they must
    /// raise (none above `info` when the list is empty).
    static let cases: [(input: String, kind: ContentDisposition.Kind, filename: String?, size: Int?, codes: [Diagnostic.Code])] = [
        // RFC 2183 section 2 examples.
        ("inline", .inline, nil, nil, []),
        ("attachment; filename=genome.jpeg;\r\n  modification-date=\"Wed, 12 Feb 1997 16:29:51 -0500\";",
         .attachment, "genome.jpeg", nil, [.parameterStraySemicolon]),
        // The COI specification's values.
        ("inline;filename=\"earth.jpg\";size=2048", .inline, "earth.jpg", 2048, []),
        ("inline;filename=earth.jpg;size=2048", .inline, "earth.jpg", 2048, []),
        ("pinned", .pinned, nil, nil, []),
        ("reaction", .reaction, nil, nil, []),
        ("Attachment; FILENAME=\"Report.PDF\"", .attachment, "Report.PDF", nil, []),
        ("x-custom; a=b", ContentDisposition.Kind(rawValue: "X-Custom"), nil, nil, []),
        ("attachment (comment); filename=a.txt (comment)", .attachment, "a.txt", nil, []),
        // File names in RFC 2231 and RFC 2047 forms.
        ("attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf", .attachment, "€ rates.pdf", nil, []),
        ("attachment;\r\n filename*0*=utf-8''%61%6C%70%68%61%E5%9B%B3;\r\n filename*1*=%E9%9D%A2.txt",
         .attachment, "alpha図面.txt", nil, []),
        ("attachment; filename=\"r.pdf\"; filename*=utf-8''r%C3%A9.pdf", .attachment, "ré.pdf", nil, [.parameterSuperseded]),
        ("attachment; filename=\"=?UTF-8?B?csOpc3Vtw6kucGRm?=\"", .attachment, "résumé.pdf", nil, [.parameterEncodedWord]),
        ("attachment; filename==?iso-8859-1?q?caf=E9.txt?=", .attachment, "café.txt", nil, [.parameterEncodedWord]),
        // Breakage.
        ("attachment; filename=my file.pdf", .attachment, "my file.pdf", nil, [.parameterUnquotedSpecials]),
        ("attachment; size=big", .attachment, nil, nil, [.contentDispositionInvalidSize]),
        ("attachment; size=-1", .attachment, nil, nil, [.contentDispositionInvalidSize]),
        ("attachment; creation-date=\"yesterday\"", .attachment, nil, nil, [.contentDispositionInvalidDate]),
        ("attachment; read-date=\"21 Nov 97 09:55:06 GMT\"", .attachment, nil, nil, [.contentDispositionInvalidDate]),
        ("attachment; modification-date=Wed, 12 Feb 1997 16:29:51 -0500", .attachment, nil, nil,
         [.parameterUnquotedSpecials]),
        ("filename=a.txt", .attachment, "a.txt", nil, [.contentDispositionMissingType]),
        ("; filename=a.txt", .attachment, "a.txt", nil, [.contentDispositionMissingType]),
        ("", .attachment, nil, nil, [.contentDispositionMissingType]),
        ("inline filename=a.txt", .inline, "a.txt", nil, [.parameterMissingSemicolon]),
    ]

    @Test("Content-Disposition values, strict and broken", arguments: cases)
    func dispositions(_ example: (input: String, kind: ContentDisposition.Kind, filename: String?, size: Int?, codes: [Diagnostic.Code])) {
        let (disposition, diagnostics) = parseDisposition(example.input)
        #expect(disposition.kind == example.kind)
        #expect(disposition.filename == example.filename)
        #expect(disposition.size == example.size)
        let codes = Set(diagnostics.map(\.code))
        for code in example.codes {
            #expect(codes.contains(code), "\(code) not in \(diagnostics)")
        }
        if example.codes.isEmpty {
            #expect(diagnostics.allSatisfy { $0.severity == .info }, "\(diagnostics)")
        }
    }

    @Test("Date parameters of RFC 2183 sections 2.4-2.6")
    func dates() throws {
        let disposition = try #require(ContentDisposition(
            "attachment; creation-date=\"Mon, 23 Nov 2026 10:00:00 +0100\";\r\n"
                + " modification-date=\"Wed, 12 Feb 1997 16:29:51 -0500\"; read-date=\"21 Nov 97 09:55:06 GMT\""))
        #expect(try #require(disposition.creationDate).rfc3339 == "2026-11-23T10:00:00+01:00")
        #expect(try #require(disposition.modificationDate).rfc3339 == "1997-02-12T16:29:51-05:00")
        #expect(try #require(disposition.readDate).rfc3339 == "1997-11-21T09:55:06Z")
        #expect(try #require(ContentDisposition("attachment")).creationDate == nil)
        #expect(ContentDisposition("filename=a.txt") == nil)
        #expect(ContentDisposition("") == nil)
    }

    @Test("Kinds are an open set compared without case")
    func kinds() {
        #expect(ContentDisposition.Kind(rawValue: "INLINE") == .inline)
        #expect(ContentDisposition.Kind("Pinned") == .pinned)
        #expect(ContentDisposition.Kind(rawValue: "notification").rawValue == "notification")
    }

    @Test("Building and rendering")
    func rendering() throws {
        var disposition = ContentDisposition(.inline)
        disposition.filename = "earth.jpg"
        disposition.size = 2048
        #expect(disposition.rendered == "inline; filename=earth.jpg; size=2048")
        #expect(disposition.renderedTokens() == ["inline", "; filename=earth.jpg", "; size=2048"])

        disposition.modificationDate = MessageDate("Wed, 12 Feb 1997 16:29:51 -0500")
        #expect(disposition.rendered
            == "inline; filename=earth.jpg; size=2048; modification-date=\"Wed, 12 Feb 1997 16:29:51 -0500\"")

        disposition.filename = "Weltkarte – Übersicht.jpg"
        #expect(disposition.renderedTokens()[1] == "; filename*=UTF-8''Weltkarte%20%E2%80%93%20%C3%9Cbersicht.jpg")

        let (parsed, diagnostics) = parseDisposition(disposition.rendered)
        #expect(parsed == disposition)
        #expect(parsed.modificationDate == disposition.modificationDate)
        #expect(diagnostics.isEmpty, "\(diagnostics)")

        disposition.size = nil
        disposition.filename = nil
        disposition.modificationDate = nil
        #expect(disposition.rendered == "inline")
    }
}
