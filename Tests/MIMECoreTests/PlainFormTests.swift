import Testing
import TestSupport
@testable import MIMECore

/// `HeaderField.diagnostics` skips the date and Content-Disposition readers when one pass proves
/// a value plain. Whatever the recognizers accept must read without a diagnostic.
@Suite("Header field diagnostics: plain dates and dispositions")
struct PlainFormTests {
    static func dateIsClean(_ text: String) -> Bool {
        var diagnostics: [Diagnostic] = []
        let date = MessageDate.parse(ArraySlice(Array(text.utf8)), diagnostics: &diagnostics)
        return date != nil && diagnostics.isEmpty
    }

    static func isPlain(_ text: String) -> Bool {
        var diagnostics: [Diagnostic] = []
        return MessageDate.parsePlain(ArraySlice(Array(text.utf8)), diagnostics: &diagnostics) != nil
    }

    /// The plain reader and the tokenizing parser agree on the value, its written weekday and
    /// the diagnostics.
    static func readersAgree(_ text: String) -> Bool {
        let value = ArraySlice(Array(text.utf8))
        var plainDiagnostics: [Diagnostic] = []
        var tokenDiagnostics: [Diagnostic] = []
        let plain = MessageDate.parsePlain(value, diagnostics: &plainDiagnostics)
        let tokens = MessageDate.parseTokens(value, diagnostics: &tokenDiagnostics)
        guard let plain else { return plainDiagnostics.isEmpty }
        return plain == tokens && plain.writtenWeekday == tokens?.writtenWeekday && plainDiagnostics == tokenDiagnostics
    }

    @Test("Plain dates are recognized", arguments: [
        " Mon, 6 Jan 2025 10:00:00 +0000", "Wed, 04 Dec 2019 10:29:00 -0800", " 29 Feb 2024 23:59:59 +1400",
        " Sat, 29 Feb 2020 00:00 +0100", " Thu, 01 Jan 1970 00:00:00 +0000",
    ])
    func plainDates(text: String) {
        #expect(Self.isPlain(text), "\(text)")
        #expect(Self.dateIsClean(text), "\(text)")
        #expect(Self.readersAgree(text), "\(text)")
    }

    @Test("Irregular dates are left to the parser", arguments: [
        "", " Mon 6 Jan 2025 10:00:00 +0000", " mon, 6 Jan 2025 10:00:00 +0000",
        " 6 jan 2025 10:00:00 +0000", " 6 Jan 25 10:00:00 +0000", " 6 Jan 2025 10:00:00 GMT", " 6 Jan 2025 10:00:00",
        " 6 Jan 2025 10:00:00 -0000", " 30 Feb 2024 10:00:00 +0000", " 6 Jan 2025 24:00:00 +0000",
        " 6 Jan 2025 10:60:00 +0000", " 6 Jan 2025 10:00:60 +0000", " 6 Jan 2025 1:00:00 +0000", " 6  Jan 2025 10:00 +0000",
        "  6 Jan 2025 10:00 +0000", " 6 Jan 2025 10:00 +0000 ", " 6 Jan 2025 10:00 +0000 (UTC)", " 6 Jan 1899 10:00 +0000",
        " 6 Jan 2025 10:00 +00000", " 6 Jan 2025 10:00 +0060", " Monday, 6 Jan 2025 10:00 +0000", " 006 Jan 2025 10:00 +0000",
        " 6 Jan 2025\r\n 10:00 +0000", " Mon,6 Jan 2025 10:00 +0000",
    ])
    func irregularDates(text: String) {
        #expect(!Self.isPlain(text), "\(text)")
    }

    @Test("A wrong day name is read directly and reported as the parser reports it", arguments: [
        " Mon, 4 Dec 2019 10:29:00 -0800", "Wed, 9 Sep 2023 11:44:15 +0000",
    ])
    func wrongWeekday(text: String) {
        #expect(Self.isPlain(text), "\(text)")
        #expect(Self.readersAgree(text), "\(text)")
        #expect(!Self.dateIsClean(text), "\(text)")
    }

    @Test("Random dates: whatever is recognized reads cleanly", arguments: 0..<4)
    func randomDates(seed: UInt64) {
        var generator = SeededGenerator(seed: 0xDA7E_0000 + seed)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var recognized = 0
        for _ in 0..<500 {
            let day = Int.random(in: 0...32, using: &generator)
            var text = Bool.random(using: &generator) ? " " : ""
            if Int.random(in: 0...2, using: &generator) > 0 { text += days.randomElement(using: &generator)! + ", " }
            text += "\(day) \(months.randomElement(using: &generator)!) \(Int.random(in: 1895...2105, using: &generator)) "
            text += String(format2: Int.random(in: 0...25, using: &generator)) + ":"
                + String(format2: Int.random(in: 0...61, using: &generator))
            if Bool.random(using: &generator) { text += ":" + String(format2: Int.random(in: 0...61, using: &generator)) }
            text += " " + (Bool.random(using: &generator) ? "+" : "-")
                + String(format2: Int.random(in: 0...15, using: &generator))
                + String(format2: [0, 30, 45, 61].randomElement(using: &generator)!)
            if Self.isPlain(text) { recognized += 1 }
            #expect(Self.readersAgree(text), "\(text)")
        }
        #expect(recognized >= 20, "only \(recognized) of 500 recognized")
    }

    @Test("Plain and irregular dispositions", arguments: [
        (" inline", true), (" attachment; filename=\"a b.pdf\"", true), (" Attachment;\r\n filename=x.txt; size=1234", true),
        (" inline; filename=a; filename=b", false), (" attachment; size=12k", false),
        (" attachment; creation-date=\"Mon, 6 Jan 2025 10:00:00 +0000\"", false), (" form-data; name=x", false),
        (" attachment; filename*=utf-8''a", true), (" attachment;", false), (" ; filename=a", false), ("", false),
        (" attachment; filename=\"caf\u{E9}\"", false), (" attachment filename=a", false),
        (" attachment;\n filename*=utf-8''Pr%C3%A4sentation.zip", true), (" inline; filename*=iso-8859-1'fr'caf%E9", true),
        (" attachment; filename*=UTF-8''%C3", false), (" attachment; filename=a; filename*=utf-8''b", false),
        (" attachment; filename*=''a", false), (" attachment; filename*=utf-8'a", false), (" attachment; filename*=x-y''a", false),
        (" attachment; filename*=utf-8''a%2", false), (" attachment; filename*=\"utf-8''a\"", false),
        (" attachment; filename*0=a", false), (" attachment; size*=utf-8''12", false),
    ])
    func dispositions(text: String, plain: Bool) {
        let value = ArraySlice(Array(text.utf8))
        #expect(ContentDisposition.isPlain(value) == plain, "\(text)")
        if plain {
            var diagnostics: [Diagnostic] = []
            _ = ContentDisposition.parse(value, diagnostics: &diagnostics)
            #expect(diagnostics.isEmpty, "\(text): \(diagnostics)")
        }
    }
}

/// Unstructured fields (`Subject`) of plain words and clean encoded words skip the decoder.
@Suite("Header field diagnostics: plain unstructured text")
struct PlainUnstructuredTests {
    static func isPlain(_ text: String) -> Bool {
        HeaderField.isPlainUnstructured(ArraySlice(Array(text.utf8)), maximumEncodedWords: 200)
    }

    static func decodingReports(_ text: String) -> [Diagnostic] {
        HeaderField(serialized: Array("Subject:\(text)\r\n".utf8))?.decodedValue().diagnostics ?? []
    }

    @Test("Plain and irregular values", arguments: [
        (" Hello world", true), (" =?utf-8?Q?=CE=97=CE=BC=CE=B5?=", true), (" Re: =?iso-8859-1?Q?R=E9union?= today", true),
        (" =?utf-8?B?zpfOvM61z4HOrs+DzrnOsSDOtM65zqzPhM6xzr7Otw==?=", true), (" a\r\n b\n\tc", true), ("", true),
        (" =?utf-8?q?=C3?=\r\n =?utf-8?q?=A9?=", true), (" =?utf-8?q?=C3?= x", false), (" caf\u{E9}", false),
        (" Re:=?utf-8?q?x?=", false), (" =?utf-8?q?a b?=", false), (" =?x-unknown?q?a?=", false), (" a\u{1}b", false),
        (" a\rb", false), (" =?utf-8?b?w6?=", false), (" (=?utf-8?q?a?=)", false),
    ])
    func values(text: String, plain: Bool) {
        #expect(Self.isPlain(text) == plain, "\(text)")
        if plain { #expect(Self.decodingReports(text).isEmpty, "\(text)") }
    }

    @Test("Random values: whatever is recognized decodes without a diagnostic", arguments: 0..<4)
    func randomValues(seed: UInt64) {
        var generator = SeededGenerator(seed: 0x5B7_0000 + seed)
        let words = ["Re:", "Hello", "=?utf-8?B?w6k=?=", "=?utf-8?Q?=C3=A9t=C3=A9?=", "=?iso-8859-1?Q?Ren=E9e?=",
                     "=?utf-8?q?=C3?=", "=?utf-8?q?=A9?=", "=?utf-8?b?w6?=", "=?UTF-8?Q?a_b?=", "(c)", "x=?y", "caf\u{E9}",
                     "=?windows-1252?q?=81?=", "=?us-ascii?b?QQ==?=", "=?utf-8*en?q?a?=", "=?utf-8?q?=ZZ?=", "a\u{7F}"]
        let spaces = [" ", "\r\n ", "\n\t", "  ", "\t", ""]
        var recognized = 0
        for _ in 0..<400 {
            var text = " "
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                text += words.randomElement(using: &generator)! + spaces.randomElement(using: &generator)!
            }
            if Self.isPlain(text) {
                recognized += 1
                #expect(Self.decodingReports(text).isEmpty, "\(text): \(Self.decodingReports(text))")
            }
        }
        #expect(recognized >= 20, "only \(recognized) of 400 recognized")
    }
}

private extension String {
    /// Two digits, zero-padded.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}

@Suite("Header field diagnostics: the reader of a field name")
struct ValueReaderLookupTests {
    static func field(_ name: String) -> HeaderField {
        HeaderField(serialized: Array("\(name): x\r\n".utf8))!
    }

    /// The byte lookup finds the dictionary's reader for every known name in any case, and none
    /// for names that are not known, including ones that share a length with a known name.
    @Test func byteLookupAgreesWithTheTable() {
        for (name, reader) in HeaderField.valueReaders {
            let mixed = String(name.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.uppercased()) : $0.element })
            #expect(Self.field(name).valueReader == reader, "\(name)")
            #expect(Self.field(mixed).valueReader == reader, "\(mixed)")
        }
        for name in ["X-Mailer", "Subject", "Dates", "Tp", "Content-Typo", "Disposition-Notification-Tx",
                     "A-Name-Longer-Than-Any-Known-Field-Name"] {
            #expect(Self.field(name).valueReader == nil, "\(name)")
        }
    }

    /// Encoded words are decoded exactly in the fields that are not in the structured set.
    @Test func encodedWordsFollowTheStructuredSet() {
        for name in HeaderField.valueReaders.keys {
            #expect(Self.field(name).mayContainEncodedWords == !HeaderField.structuredWithoutEncodedWords.contains(name),
                    "\(name)")
        }
        #expect(Self.field("Subject").mayContainEncodedWords)
        #expect(!Self.field("DKIM-Signature").mayContainEncodedWords)
    }
}
