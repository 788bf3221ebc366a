import Testing
@testable import MIMECharset

@Suite("Charset labels (RFC 2978)")
struct CharsetLabelTests {
    @Test(arguments: [
        ("utf-8", "UTF-8"), ("UTF-8", "UTF-8"), ("utf8", "UTF-8"), ("Utf_8", "UTF-8"), ("unicode-1-1-utf-8", "UTF-8"),
        (" \"utf-8\" ", "UTF-8"),
        ("shift_jis", "Shift_JIS"), ("cp932", "Shift_JIS"), ("koi8-r", "KOI8-R"), ("KOI8-R", "KOI8-R"),
        ("iso-2022-jp", "ISO-2022-JP"), ("iso-8859-15", "ISO-8859-15"), ("macintosh", "macintosh"),
        ("euc-jp", "EUC-JP"), ("utf-16", "UTF-16"), ("cp1252", "windows-1252"), ("x-cp1252", "windows-1252"),
    ])
    func resolvesAliasesToTheirMIMEName(label: String, mimeName: String) throws {
        let charset = try #require(Charset(label))
        #expect(charset.mimeName == mimeName)
        #expect(charset.description == mimeName)
    }

    @Test(arguments: [
        ("iso-8859-1", "windows-1252", "ISO-8859-1"), ("latin1", "windows-1252", "ISO-8859-1"),
        ("us-ascii", "windows-1252", "US-ASCII"), ("ascii", "windows-1252", "US-ASCII"),
        ("ANSI_X3.4-1968", "windows-1252", "US-ASCII"), ("ISO_8859-1:1987", "windows-1252", "ISO-8859-1"),
        ("iso-8859-9", "windows-1254", "ISO-8859-9"), ("gb2312", "GB18030", "GB2312"), ("gbk", "GB18030", "GBK"),
        ("euc-kr", "KSC_5601", "EUC-KR"), ("tis-620", "windows-874", "windows-874"),
        ("iso-8859-11", "windows-874", "iso-8859_11-2001"),
    ])
    func mailPolicyDecodesLegacyLabelsAsSupersets(label: String, mail: String, strict: String) throws {
        #expect(try #require(Charset(label)).mimeName == mail)
        #expect(try #require(Charset(label, policy: .mailCompatible)).mimeName == mail)
        #expect(try #require(Charset(label, policy: .strict)).mimeName == strict)
    }

    @Test("Common labels matched on their bytes resolve as the string path resolves them", arguments: [
        "utf-8", "UTF-8", "utf8", "Utf_8", "us-ascii", "US-ASCII", "ascii", "iso-8859-1", "ISO_8859-1", "latin1",
        "windows-1252", "cp1252", "-utf-8-", "utf--8", "iso-8859-15", "koi8-r", "utf-8*en", "utf 8", "utf-7",
        "iso-8859-1:1987", "x-cp1252", "utf88", "", String(repeating: "a", count: 41), "windows-12522",
        "windows125212345678", "ütf-8",
    ])
    func commonLabelsAgreeWithTheGeneralPath(label: String) {
        for policy in [Charset.LabelPolicy.mailCompatible, .strict] {
            let bytes = Array(label.utf8)
            let common = bytes.withUnsafeBufferPointer { Charset.commonLabel($0, policy: policy) }
            if let common {
                #expect(common == Charset(label, policy: policy), "\(label)")
            }
            #expect(Charset(label: bytes, policy: policy) == Charset(label, policy: policy), "\(label)")
        }
        let isCommon = ["utf-8", "UTF-8", "utf8", "Utf_8", "us-ascii", "US-ASCII", "ascii", "iso-8859-1",
                        "ISO_8859-1", "latin1", "windows-1252", "cp1252", "-utf-8-", "utf--8"].contains(label)
        let bytes = Array(label.utf8)
        #expect((bytes.withUnsafeBufferPointer { Charset.commonLabel($0) } != nil) == isCommon, "\(label)")
    }

    @Test(arguments: [
        "", "   ", "\"\"", "x-unknown-charset", "ibm-1047,swaplfnl", "utf-8*en", "utf 8", "utf-8\u{0}",
        "ütf-8", String(repeating: "a", count: 41), "x-user-defined",
    ])
    func rejectsUnknownAndAbsurdLabels(label: String) {
        #expect(Charset(label) == nil)
        #expect(Charset(label, policy: .strict) == nil)
    }

    @Test func resolvesLabelBytes() throws {
        #expect(try #require(Charset(label: Array("UTF-8".utf8))) == .utf8)
        #expect(Charset(label: [0x75, 0x74, 0x66, 0xC3, 0xA9]) == nil)
        #expect(Charset(label: [UInt8](repeating: 0x61, count: 1000)) == nil)
    }

    @Test func equalityFollowsTheResolvedCharset() {
        #expect(Charset("utf8") == Charset.utf8)
        #expect(Charset("cp932") != nil)
        #expect(Charset("cp932") == Charset("shift_jis"))
        #expect(Charset("latin1") == Charset.windows1252)
        #expect(Charset("latin1", policy: .strict) == Charset.isoLatin1)
        #expect(Set([Charset.utf8, Charset("UTF8")!, Charset.usASCII]).count == 2)
    }
}

@Suite("Charset decoding (RFC 2046 section 4.1.2)")
struct CharsetDecodingTests {
    @Test func utf8ReportsTheFirstBadByte() {
        let good = Charset.utf8.decode(Array("naïve ☃ 🎉".utf8))
        #expect(good.text == "naïve ☃ 🎉")
        #expect(!good.hadErrors)
        let bad = Charset.utf8.decode([0x61, 0x62, 0xC3, 0x28, 0x63])
        #expect(bad.text == "ab\u{FFFD}(c")
        #expect(bad.firstErrorOffset == 2)
        let truncated = Charset.utf8.decode([0x61, 0xE2, 0x98])
        #expect(truncated.text == "a\u{FFFD}")
        #expect(truncated.firstErrorOffset == 1)
        #expect(Charset.utf8.decode([0xED, 0xA0, 0x80]).firstErrorOffset == 0)  // a surrogate
        #expect(Charset.utf8.decode([0xC0, 0x80]).firstErrorOffset == 0)  // overlong
    }

    @Test func strictSingleByteCharsets() {
        #expect(Charset.isoLatin1.decode([0x63, 0x61, 0x66, 0xE9, 0x80]) == .init(text: "café\u{80}", firstErrorOffset: nil))
        let ascii = Charset.usASCII.decode([0x61, 0xE9, 0x62])
        #expect(ascii.text == "a\u{FFFD}b")
        #expect(ascii.firstErrorOffset == 1)
    }

    @Test func windows1252MapsEveryByte() {
        let decoded = Charset.windows1252.decode([0x80, 0x93, 0x94, 0x81, 0xE9, 0x9F])
        #expect(decoded.text == "€“”\u{81}éŸ")
        #expect(!decoded.hadErrors)
    }

    @Test func windows1252TableAgreesWithICU() {
        let icu = Charset(name: "ibm-5348_P100-1997", mimeName: "windows-1252", engine: .icu)
        for byte in UInt8.min...UInt8.max where ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte) {
            #expect(Charset.windows1252.decode([byte]).text == icu.decode([byte]).text, "byte \(byte)")
        }
    }

    @Test func decodesThroughICU() throws {
        let sjis = try #require(Charset("Shift_JIS"))
        #expect(sjis.decode([0x93, 0xFA, 0x96, 0x7B]).text == "日本")
        let koi8 = try #require(Charset("koi8-r"))
        #expect(koi8.decode([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]).text == "Привет")
        let jis = try #require(Charset("iso-2022-jp"))
        let decoded = jis.decode([0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42, 0x61])
        #expect(decoded.text == "日本a")
        #expect(!decoded.hadErrors)
        let hebrew = try #require(Charset("iso-8859-8"))
        #expect(hebrew.decode([0xF9, 0xEC, 0xE5, 0xED]).text == "שלום")
    }

    @Test func icuReportsTheFirstBadByteAndKeepsGoing() throws {
        let sjis = try #require(Charset("Shift_JIS"))
        // 0x93 0xFA is 日; 0x85 0x40 is unassigned; then "a".
        let decoded = sjis.decode([0x93, 0xFA, 0x85, 0x40, 0x61])
        #expect(decoded.hadErrors)
        #expect(decoded.firstErrorOffset == 2)
        #expect(decoded.text.hasPrefix("日"))
        #expect(decoded.text.hasSuffix("a"))
        #expect(decoded.text.contains("\u{FFFD}"))
        let truncated = sjis.decode([0x61, 0x93])
        #expect(truncated.text == "a\u{FFFD}")
        #expect(truncated.firstErrorOffset == 1)
    }

    @Test func decodesNonContiguousAndRawBuffers() throws {
        let bytes: [UInt8] = [0x68, 0xC3, 0xA9]
        #expect(Charset.utf8.decode(bytes.lazy.map { $0 }).text == "hé")
        #expect(bytes.withUnsafeBytes { Charset.utf8.decode($0) }.text == "hé")
        #expect(Charset.utf8.decode([UInt8]()).text == "")
        #expect(try #require(Charset("koi8-r")).decode([UInt8]()).text == "")
    }
}

@Suite("Charset encoding")
struct CharsetEncodingTests {
    @Test func encodesOrReturnsNil() throws {
        #expect(Charset.utf8.encode("é☃") == [0xC3, 0xA9, 0xE2, 0x98, 0x83])
        #expect(Charset.usASCII.encode("abc") == [0x61, 0x62, 0x63])
        #expect(Charset.usASCII.encode("é") == nil)
        #expect(Charset.isoLatin1.encode("café") == [0x63, 0x61, 0x66, 0xE9])
        #expect(Charset.isoLatin1.encode("€") == nil)
        #expect(Charset.windows1252.encode("€é\u{81}") == [0x80, 0xE9, 0x81])
        #expect(Charset.windows1252.encode("\u{80}") == nil)
        #expect(Charset.windows1252.encode("☃") == nil)
        let sjis = try #require(Charset("Shift_JIS"))
        #expect(sjis.encode("日本") == [0x93, 0xFA, 0x96, 0x7B])
        let koi8 = try #require(Charset("koi8-r"))
        #expect(koi8.encode("Привет") == [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4])
        #expect(koi8.encode("日") == nil)
        #expect(koi8.encode("") == [])
    }

    @Test(arguments: ["UTF-8", "windows-1252", "ISO-8859-15", "Shift_JIS", "EUC-JP", "GB18030", "Big5", "koi8-r", "iso-2022-jp"])
    func roundTripsWhatItCanEncode(label: String) throws {
        let charset = try #require(Charset(label, policy: .strict))
        for text in ["plain ascii", "Grüße", "日本語テキスト", "Привет", "中文"] {
            guard let bytes = charset.encode(text) else { continue }
            #expect(charset.decode(bytes) == .init(text: text, firstErrorOffset: nil), "\(label): \(text)")
        }
    }
}

@Suite("Incremental decoding")
struct IncrementalDecoderTests {
    private func decodeInChunks(_ charset: Charset, _ bytes: [UInt8], splitAt split: Int) -> (String, Int?) {
        var decoder = Charset.IncrementalDecoder(charset: charset)
        let first = decoder.decode(bytes[..<split])
        let second = decoder.decode(bytes[split...])
        let last = decoder.finish()
        return (first.text + second.text + last.text, decoder.firstErrorOffset)
    }

    @Test(arguments: ["UTF-8", "Shift_JIS", "iso-2022-jp", "GB18030", "windows-1252", "EUC-KR"])
    func multibyteCharactersSplitAcrossChunksDecode(label: String) throws {
        let charset = try #require(Charset(label, policy: .strict))
        let text = label == "windows-1252" ? "Grüße €" : label == "EUC-KR" ? "한국어 text" : "日本語 and 中文"
        let candidate = charset.encode(text) ?? charset.encode("日本語")!
        let expected = charset.decode(candidate).text
        for split in 0...candidate.count {
            let (decoded, error) = decodeInChunks(charset, candidate, splitAt: split)
            #expect(decoded == expected, "split at \(split)")
            #expect(error == nil)
        }
    }

    @Test func utf8ErrorsHaveStreamOffsets() {
        var decoder = Charset.IncrementalDecoder(charset: .utf8)
        #expect(decoder.decode([0x61, 0x62, 0xE2]).text == "ab")
        let second = decoder.decode([0x98, 0x83, 0x63, 0xFF])
        #expect(second.text == "☃c\u{FFFD}")
        #expect(second.firstErrorOffset == 6)
        #expect(decoder.firstErrorOffset == 6)
    }

    @Test func truncatedSequenceAtTheEndIsAnError() {
        var decoder = Charset.IncrementalDecoder(charset: .utf8)
        #expect(decoder.decode([0x61, 0xF0, 0x9F]).text == "a")
        let end = decoder.finish()
        #expect(end.text == "\u{FFFD}")
        #expect(end.firstErrorOffset == 1)
        #expect(decoder.finish().text == "")
    }

    @Test func errorInAChunkThatEndsWithAPartialCharacter() {
        var decoder = Charset.IncrementalDecoder(charset: .utf8)
        let first = decoder.decode([0xFF, 0x61, 0xC3])
        #expect(first.text == "\u{FFFD}a")
        #expect(decoder.decode([0xA9], isFinal: true).text == "é")
        #expect(decoder.firstErrorOffset == 0)
    }

    @Test func icuErrorsHaveStreamOffsets() throws {
        var decoder = Charset.IncrementalDecoder(charset: try #require(Charset("Shift_JIS")))
        #expect(decoder.decode([0x61, 0x62]).text == "ab")
        let bad = decoder.decode([0x85, 0x40, 0x63], isFinal: true)
        #expect(bad.firstErrorOffset == 2)
        #expect(bad.text.hasSuffix("c"))
    }

    @Test func byteByByteUTF8() {
        let bytes = Array("a☃🎉é".utf8)
        var decoder = Charset.IncrementalDecoder(charset: .utf8)
        var text = ""
        for byte in bytes { text += decoder.decode(CollectionOfOne(byte)).text }
        text += decoder.finish().text
        #expect(text == "a☃🎉é")
        #expect(decoder.firstErrorOffset == nil)
    }
}

@Suite("Raw header bytes (RFC 6532)")
struct HeaderBytesTests {
    @Test func utf8First() {
        let result = Charset.decodeHeaderBytes(Array("Grüße".utf8))
        #expect(result.text == "Grüße")
        #expect(result.charset == .utf8)
        #expect(!result.usedFallback)
        #expect(Charset.decodeHeaderBytes(Array("plain".utf8)).charset == .utf8)
    }

    @Test func fallsBackToWindows1252() {
        let result = Charset.decodeHeaderBytes([0x47, 0x72, 0xFC, 0xDF, 0x65, 0x20, 0x80])
        #expect(result.text == "Grüße €")
        #expect(result.charset == .windows1252)
        #expect(result.usedFallback)
        #expect(result.firstErrorOffset == nil)
    }

    @Test func configurableFallback() throws {
        let koi8 = try #require(Charset("koi8-r"))
        let result = Charset.decodeHeaderBytes([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], fallback: koi8)
        #expect(result.text == "Привет")
        #expect(result.charset == koi8)
        let lossy = Charset.decodeHeaderBytes([0x61, 0xFF], fallback: .utf8)
        #expect(lossy.text == "a\u{FFFD}")
        #expect(lossy.firstErrorOffset == 1)
    }
}
