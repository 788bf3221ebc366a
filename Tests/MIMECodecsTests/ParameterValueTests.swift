import MIMECharset
import Testing
@testable import MIMECodecs

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite("RFC 2231 examples")
struct ParameterValueRFCExampleTests {
    /// Section 3: `URL*0="ftp://"; URL*1="cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar"`.
    @Test func continuationsWithoutEncoding() {
        let decoded = ParameterValue.decode(segments: [
            .init(bytes: bytes("ftp://"), isExtended: false),
            .init(bytes: bytes("cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar"), isExtended: false),
        ])
        #expect(decoded.text == "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar")
        #expect(decoded.charsetLabel == nil)
        #expect(decoded.diagnostics.isEmpty)
    }

    /// Section 4: `title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A`.
    @Test func extendedValue() {
        let decoded = ParameterValue.decodeExtended(bytes("us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A"))
        #expect(decoded.text == "This is ***fun***")
        #expect(decoded.charsetLabel == "us-ascii")
        #expect(decoded.language == "en-us")
        #expect(decoded.diagnostics.isEmpty)
    }

    /// Section 4.1: `title*0*=us-ascii'en'This%20is%20even%20more%20`,
    /// `title*1*=%2A%2A%2Afun%2A%2A%2A%20`, `title*2="isn't it!"`.
    @Test func mixedContinuations() {
        let decoded = ParameterValue.decode(segments: [
            .init(bytes: bytes("us-ascii'en'This%20is%20even%20more%20"), isExtended: true, offset: 10),
            .init(bytes: bytes("%2A%2A%2Afun%2A%2A%2A%20"), isExtended: true, offset: 60),
            .init(bytes: bytes("isn't it!"), isExtended: false, offset: 100),
        ])
        #expect(decoded.text == "This is even more ***fun*** isn't it!")
        #expect(decoded.language == "en")
        #expect(decoded.diagnostics.isEmpty)
    }
}

@Suite("RFC 2231 decoding")
struct ParameterValueDecodingTests {
    @Test func emptyCharsetAndLanguage() {
        let utf8 = ParameterValue.decodeExtended(bytes("''na%C3%AFve.txt"))
        #expect(utf8.text == "naïve.txt")
        #expect(utf8.charsetLabel == nil)
        #expect(utf8.language == nil)
        #expect(utf8.diagnostics.isEmpty)
        let latin1 = ParameterValue.decodeExtended(bytes("''na%EFve.txt"))
        #expect(latin1.text == "naïve.txt")
        #expect(latin1.diagnostics.map(\.code) == [.headerTextNotUTF8])
    }

    @Test func charsets() {
        #expect(ParameterValue.decodeExtended(bytes("UTF-8''%E2%82%AC%20rates")).text == "€ rates")
        #expect(ParameterValue.decodeExtended(bytes("iso-8859-1'de'Gr%FC%DFe%80")).text == "Grüße€")
        #expect(ParameterValue.decodeExtended(bytes("iso-8859-1'de'%80"), policy: .strict).text == "\u{80}")
        #expect(ParameterValue.decodeExtended(bytes("Shift_JIS''%93%FA%96%7B")).text == "日本")
        #expect(ParameterValue.decodeExtended(bytes("utf-8''%e2%82%ac")).text == "€")
    }

    @Test func unknownCharsetFallsBack() {
        let utf8 = ParameterValue.decodeExtended(bytes("x-klingon''%C3%A9"), offset: 7)
        #expect(utf8.text == "é")
        #expect(utf8.charsetLabel == "x-klingon")
        #expect(utf8.diagnostics.map(\.code) == [.parameterValueUnknownCharset])
        #expect(utf8.diagnostics[0].range == 7..<24)
        let latin1 = ParameterValue.decodeExtended(bytes("x-klingon''%E9"))
        #expect(latin1.text == "é")
        let koi8 = ParameterValue.decodeExtended(bytes("x-klingon''%F0"), fallback: Charset("koi8-r")!)
        #expect(koi8.text == "П")
    }

    @Test func invalidPercentEscapesAreKept() {
        let decoded = ParameterValue.decodeExtended(bytes("utf-8''100%25%2Xsure%"), offset: 20)
        #expect(decoded.text == "100%%2Xsure%")
        #expect(decoded.diagnostics.map(\.code) == [.parameterValueInvalidPercentEncoding, .parameterValueInvalidPercentEncoding])
        #expect(decoded.diagnostics[0].range == 33..<36)
        #expect(decoded.diagnostics[1].range == 40..<41)
        #expect(decoded.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func charactersThatShouldHaveBeenEscaped() {
        let decoded = ParameterValue.decodeExtended(bytes("utf-8''a b/c"))
        #expect(decoded.text == "a b/c")
        #expect(decoded.diagnostics.map(\.code) == [.parameterValueInvalidCharacter])
        #expect(decoded.diagnostics[0].range == 8..<9)
    }

    @Test func invalidBytesInTheCharset() {
        let decoded = ParameterValue.decodeExtended(bytes("utf-8''a%FFb"))
        #expect(decoded.text == "a\u{FFFD}b")
        #expect(decoded.diagnostics.map(\.code) == [.parameterValueInvalidCharsetBytes])
    }

    @Test func missingPrefix() {
        let decoded = ParameterValue.decodeExtended(bytes("%E2%82%AC.txt"))
        #expect(decoded.text == "€.txt")
        #expect(decoded.diagnostics.map(\.code) == [.parameterValueMissingCharset])
        let oneQuote = ParameterValue.decodeExtended(bytes("utf-8'x"))
        #expect(oneQuote.text == "utf-8'x")
        #expect(oneQuote.diagnostics.map(\.code).contains(.parameterValueMissingCharset))
    }

    @Test func quotedExtendedValue() {
        let decoded = ParameterValue.decodeExtended(bytes("\"UTF-8''a%20b\""), offset: 5)
        #expect(decoded.text == "a b")
        #expect(decoded.diagnostics.map(\.code) == [.parameterValueQuotedExtendedValue])
        #expect(decoded.diagnostics[0].range == 5..<19)
    }

    @Test func multibyteCharacterSplitAcrossSegments() {
        let decoded = ParameterValue.decode(segments: [
            .init(bytes: bytes("UTF-8''caf%C3"), isExtended: true),
            .init(bytes: bytes("%A9.txt"), isExtended: true),
        ])
        #expect(decoded.text == "café.txt")
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func splitInitialSegment() {
        let initial = ParameterValue.splitInitialSegment(bytes("utf-8'en'x%20y"))
        #expect(initial == .init(charsetLabel: "utf-8", language: "en", valueStart: 9))
        #expect(ParameterValue.splitInitialSegment(bytes("''")) == .init(charsetLabel: nil, language: nil, valueStart: 2))
        #expect(ParameterValue.splitInitialSegment(bytes("no quotes")) == nil)
    }

    @Test func percentDecodeOneSegment() {
        var output: [UInt8] = [0x41]
        var diagnostics: [Diagnostic] = []
        ParameterValue.percentDecode(bytes("%C3%a9x%G0"), offset: 100, into: &output, diagnostics: &diagnostics)
        #expect(output == [0x41, 0xC3, 0xA9, 0x78, 0x25, 0x47, 0x30])
        #expect(diagnostics.map(\.range) == [107..<110])
    }

    @Test func decodeTextDirectly() {
        var diagnostics: [Diagnostic] = []
        let text = ParameterValue.decodeText([0xE9], charsetLabel: "latin1", range: 0..<1, diagnostics: &diagnostics)
        #expect(text == "é")
        #expect(diagnostics.isEmpty)
    }
}

@Suite("RFC 2231 encoding")
struct ParameterValueEncodingTests {
    @Test func extendedInitialValue() {
        #expect(ParameterValue.encodeExtended("naïve file.txt") == "UTF-8''na%C3%AFve%20file.txt")
        #expect(ParameterValue.encodeExtended("a*b'c%d(e)", language: "en") == "UTF-8'en'a%2Ab%27c%25d%28e%29")
        #expect(ParameterValue.encodeExtended("x", language: "bad'tag") == "UTF-8''x")
        #expect(ParameterValue.encodeExtended("") == "UTF-8''")
    }

    @Test func attributeChars() {
        let allowed = (UInt8(0)...UInt8(127)).filter(ParameterValue.isAttributeChar)
        #expect(String(decoding: allowed, as: UTF8.self) == "!#$&+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz{|}~")
    }

    @Test func needsExtendedEncoding() {
        #expect(!ParameterValue.needsExtendedEncoding("report (final).pdf"))
        #expect(ParameterValue.needsExtendedEncoding("résumé.pdf"))
        #expect(ParameterValue.needsExtendedEncoding("tab\there"))
    }

    @Test func segmentsNeverSplitEscapesOrCharacters() {
        let text = String(repeating: "日本語 ", count: 10) + "👩‍👩‍👧 end"
        let segments = ParameterValue.encodeExtendedSegments(text, language: "ja", maximumSegmentLength: 30)
        #expect(segments.count > 3)
        #expect(segments[0].hasPrefix("UTF-8'ja'"))
        for (index, segment) in segments.enumerated() {
            #expect(segment.utf8.count <= 30)
            let value = index == 0 ? String(segment.dropFirst("UTF-8'ja'".count)) : segment
            // Each segment decodes on its own to whole characters.
            let alone = ParameterValue.decodeExtended(bytes("UTF-8''" + value))
            #expect(alone.diagnostics.isEmpty, "\(segment)")
        }
        let joined = ParameterValue.decode(segments: segments.map { .init(bytes: bytes($0), isExtended: true) })
        #expect(joined.text == text)
        #expect(joined.language == "ja")
    }

    @Test func segmentLengths() {
        let segments = ParameterValue.encodeExtendedSegments(String(repeating: "a", count: 100), maximumSegmentLength: 40)
        #expect(segments.map(\.utf8.count) == [40, 40, 27])
        #expect(ParameterValue.encodeExtendedSegments("") == ["UTF-8''"])
        #expect(ParameterValue.encodeExtendedSegments("é", maximumSegmentLength: 1) == ["UTF-8''%C3%A9"])
    }

    @Test func roundTripsRandomText() {
        var generator = SeededGenerator(seed: 2231)
        for _ in 0..<500 {
            let text = randomText(using: &generator)
            let single = ParameterValue.decodeExtended(bytes(ParameterValue.encodeExtended(text)))
            #expect(single.text.unicodeScalars.elementsEqual(text.unicodeScalars))
            #expect(single.diagnostics.isEmpty)
            let segments = ParameterValue.encodeExtendedSegments(text, maximumSegmentLength: 50)
            #expect(segments.allSatisfy { $0.utf8.count <= 50 && $0.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F } })
            let joined = ParameterValue.decode(segments: segments.map { .init(bytes: bytes($0), isExtended: true) })
            #expect(joined.text.unicodeScalars.elementsEqual(text.unicodeScalars))
        }
    }
}

@Suite("RFC 2231 robustness")
struct ParameterValueRobustnessTests {
    @Test func randomInputNeverBreaksTheDecoder() {
        let pieces: [[UInt8]] = [
            Array("'".utf8), Array("%".utf8), Array("%2".utf8), Array("%C3".utf8), Array("%A9".utf8), Array("utf-8".utf8),
            Array("en".utf8), Array("\"".utf8), Array(" ".utf8), [0xC3], [0xFF], [0x00], Array("x-nope".utf8),
        ]
        var generator = SeededGenerator(seed: 2184)
        for _ in 0..<2000 {
            var input: [UInt8] = []
            for _ in 0..<Int.random(in: 0...30, using: &generator) { input += pieces.randomElement(using: &generator)! }
            let decoded = ParameterValue.decodeExtended(input, offset: 3)
            for diagnostic in decoded.diagnostics {
                #expect(diagnostic.range.lowerBound >= 3 && diagnostic.range.upperBound <= input.count + 3, "\(input)")
            }
            let split = Int.random(in: 0...input.count, using: &generator)
            let segments = ParameterValue.decode(segments: [
                .init(bytes: Array(input[..<split]), isExtended: true, offset: 0),
                .init(bytes: Array(input[split...]), isExtended: Bool.random(using: &generator), offset: split),
            ])
            #expect(segments.diagnostics.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= input.count })
            #expect(segments.text.utf8.count <= input.count * 3)
        }
    }
}
