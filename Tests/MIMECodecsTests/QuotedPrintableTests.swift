import MIMECodecs
import Testing

private func bytes(_ string: String) -> [UInt8] { Array(string.utf8) }

private func decoded(_ string: String) -> (String, [Diagnostic]) {
    let result = QuotedPrintable.decode(bytes(string))
    return (ASCII.string(result.bytes), result.diagnostics)
}

private func encoded(_ string: String, _ options: QuotedPrintable.EncodingOptions = .init()) -> String {
    ASCII.string(QuotedPrintable.encode(bytes(string), options: options))
}

private func decodeInChunks(_ input: [UInt8], lengths: [Int]) -> ([UInt8], [Diagnostic]) {
    var decoder = QuotedPrintableDecoder()
    var output: [UInt8] = []
    var start = 0
    for length in lengths {
        decoder.decode(input[start..<start + length], into: &output)
        start += length
    }
    decoder.decode(input[start...], into: &output)
    decoder.finish(into: &output)
    return (output, decoder.takeDiagnostics())
}

/// The encoded lines, split at CRLF.
private func lines(_ text: String) -> [Substring] {
    text.split(separator: "\r\n", omittingEmptySubsequences: false)
}

@Suite("Quoted-Printable decoding (RFC 2045 6.7)")
struct QuotedPrintableDecodingTests {
    @Test("rule 1: =XX is the octet with that hex value")
    func hexOctets() {
        let (text, diagnostics) = decoded("caf=C3=A9 =3D 100=25")
        #expect(text == "café = 100%")
        #expect(diagnostics.isEmpty)
    }

    @Test("rule 1: lowercase hex is decoded with one warning per stream")
    func lowercaseHex() {
        let (text, diagnostics) = decoded("=c3=a9=3d")
        #expect(text == "é=")
        #expect(diagnostics.map(\.code) == [.qpLowercaseHex])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.range == 0..<3)
    }

    @Test("rule 5: the RFC 2045 soft line break example")
    func rfcSoftBreakExample() {
        let input = "Now's the time =\r\nfor all folk to come=\r\n to the aid of their country."
        let (text, diagnostics) = decoded(input)
        #expect(text == "Now's the time for all folk to come to the aid of their country.")
        #expect(diagnostics.isEmpty)
    }

    @Test("rule 3: trailing whitespace on a line is transport padding and removed")
    func trailingWhitespace() {
        let (text, diagnostics) = decoded("abc \t \r\ndef  \r\n  ghi\t")
        #expect(text == "abc\r\ndef\r\n  ghi")
        #expect(diagnostics.isEmpty)
    }

    @Test("rule 3: whitespace between a soft break '=' and the line break is removed")
    func paddedSoftBreak() {
        let (text, diagnostics) = decoded("abc= \t\r\ndef=  \nghi")
        #expect(text == "abcdefghi")
        #expect(diagnostics.isEmpty)
    }

    @Test("whitespace before a soft break is data")
    func whitespaceBeforeSoftBreak() {
        #expect(decoded("a  =\r\nb").0 == "a  b")
    }

    @Test("hard line breaks keep their form: CRLF stays CRLF, bare LF stays LF")
    func lineEndings() {
        #expect(decoded("a\r\nb\nc=\nd").0 == "a\r\nb\ncd")
        #expect(decoded("a\rb").0 == "a\rb")
    }

    @Test("invalid escapes are kept literally with an error", arguments: [
        ("=G1", "=G1", 0..<2),
        ("x=4", "x=4", 1..<3),
        ("a = b", "a = b", 2..<5),
        ("a=\rb", "a=\rb", 1..<3),
        ("a==41", "a=A", 1..<3),
        ("=4\r\n", "=4\r\n", 0..<3),
    ])
    func invalidEscapes(input: String, expected: String, range: Range<Int>) {
        let (text, diagnostics) = decoded(input)
        #expect(text == expected)
        #expect(diagnostics.map(\.code) == [.qpInvalidEscape])
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.range == range)
    }

    @Test("'=' at the very end of the data is a soft break that drops the final newline")
    func softBreakAtEnd() {
        #expect(decoded("no newline=").0 == "no newline")
        #expect(decoded("no newline= \t").0 == "no newline")
        #expect(decoded("no newline=").1.isEmpty)
    }

    @Test("encoded lines longer than 76 characters get one warning")
    func longLines() {
        let long = String(repeating: "x", count: 77)
        let (text, diagnostics) = decoded(long + "\r\n" + long)
        #expect(text == long + "\r\n" + long)
        #expect(diagnostics.map(\.code) == [.qpLineTooLong])
        #expect(diagnostics.first?.range == 0..<77)
        #expect(decoded(String(repeating: "y", count: 75) + "=\r\n").1.isEmpty)
    }

    @Test("every two-chunk split decodes like one shot")
    func everySplit() {
        let inputs = [
            "Now's the time =\r\nfor all =3D=c3=A9 \t \r\nfolk=  \r\n=G1=4\r\nx=\rx",
            "a = b  =\n c\r\r\n=", "==41=\r", "trailing  ",
        ]
        for text in inputs {
            let input = bytes(text)
            let expected = QuotedPrintable.decode(input)
            for split in 0...input.count {
                let (output, diagnostics) = decodeInChunks(input, lengths: [split])
                #expect(output == expected.bytes, "split \(split) of \(text.debugDescription)")
                #expect(diagnostics == expected.diagnostics, "split \(split) of \(text.debugDescription)")
            }
        }
    }

    @Test("random garbage never fails and chunking never changes the result")
    func garbage() {
        var random = SeededGenerator(seed: 0x9E)
        let alphabet = bytes("=\r\n \taF3g")
        for iteration in 0..<300 {
            let count = Int.random(in: 0...100, using: &random)
            let input: [UInt8] = iteration % 2 == 0
                ? random.bytes(count: count)
                : (0..<count).map { _ in alphabet.randomElement(using: &random)! }
            let result = QuotedPrintable.decode(input)
            #expect(result.bytes.count <= input.count)
            #expect(result.diagnostics.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= input.count })
            let (chunked, diagnostics) = decodeInChunks(input, lengths: random.chunkLengths(total: input.count))
            #expect(chunked == result.bytes)
            #expect(diagnostics == result.diagnostics)
        }
    }

    @Test("whole-line decoding gives what octet-at-a-time decoding gives, diagnostics included")
    func wholeLinesMatchOctets() {
        // One-octet chunks never hold a complete line, so they take the octet path throughout;
        // long lines, bare CRs and lowercase escapes exercise every way out of the line path.
        var random = SeededGenerator(seed: 0x51)
        let alphabet = bytes("==\r\n\n  \tAD3fxyz")
        for _ in 0..<300 {
            let count = Int.random(in: 0...400, using: &random)
            let input = (0..<count).map { _ in alphabet.randomElement(using: &random)! }
            let whole = QuotedPrintable.decode(input)
            let (octets, diagnostics) = decodeInChunks(input, lengths: [Int](repeating: 1, count: count))
            #expect(octets == whole.bytes)
            #expect(diagnostics == whole.diagnostics)
        }
    }

    @Test("a huge whitespace run is released, not buffered without bound")
    func hugeWhitespace() {
        let input = [UInt8](repeating: ASCII.space, count: 5000) + bytes("x")
        let result = QuotedPrintable.decode(input)
        #expect(result.bytes == input)
    }

    @Test("the sink API gives the same octets")
    func sink() {
        let input = bytes(String(repeating: "caf=C3=A9 =\r\nline \r\n", count: 10_000))
        var decoder = QuotedPrintableDecoder()
        var collected: [UInt8] = []
        input.withUnsafeBytes { buffer in
            decoder.decode(buffer) { collected.append(contentsOf: $0) }
        }
        decoder.finish { collected.append(contentsOf: $0) }
        #expect(collected == QuotedPrintable.decode(input).bytes)
    }

    @Test("stream offsets and the diagnostic limit")
    func limit() {
        var decoder = QuotedPrintableDecoder()
        decoder.diagnosticLimit = 3
        var output: [UInt8] = []
        decoder.decode(bytes("abc"), into: &output)
        decoder.decode(bytes("=Z=Z=Z=Z=Z"), into: &output)
        decoder.finish(into: &output)
        #expect(ASCII.string(output) == "abc=Z=Z=Z=Z=Z")
        #expect(decoder.diagnostics.map(\.offset) == [3, 5, 7, 13])
        #expect(decoder.diagnostics.last?.code == .qpDiagnosticsSuppressed)
    }
}

@Suite("Quoted-Printable encoding (RFC 2045 6.7)")
struct QuotedPrintableEncodingTests {
    @Test("rules 1 and 2: printable ASCII is literal, '=' and other octets are =XX uppercase")
    func literalAndEscaped() {
        #expect(encoded("a=b") == "a=3Db")
        #expect(encoded("café") == "caf=C3=A9")
        #expect(encoded("\u{7F}\u{01}~!<>") == "=7F=01~!<>")
    }

    @Test("rule 3: whitespace before a line break or at the end is encoded")
    func trailingWhitespace() {
        #expect(encoded("a b \r\nc\t\n d ") == "a b=20\r\nc=09\r\n d=20")
        #expect(encoded("  ") == " =20")
    }

    @Test("rule 4: text mode turns CRLF and LF into CRLF hard breaks, bare CR is encoded")
    func textMode() {
        #expect(encoded("a\nb\r\nc\rd\n") == "a\r\nb\r\nc=0Dd\r\n")
        #expect(encoded("a\nb", .init(lineEnding: .lf)) == "a\nb")
    }

    @Test("binary mode encodes CR and LF")
    func binaryMode() {
        #expect(encoded("a \r\nb", .init(mode: .binary)) == "a =0D=0Ab")
    }

    @Test("rule 5: lines are at most 76 characters and escapes are never split")
    func softBreaks() {
        let text = String(repeating: "é", count: 40)
        let output = encoded(text)
        let outputLines = lines(output)
        #expect(outputLines.allSatisfy { $0.utf8.count <= 76 })
        #expect(outputLines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(outputLines.allSatisfy { $0.split(separator: "=").allSatisfy { $0.count == 2 } })
        #expect(ASCII.string(QuotedPrintable.decode(bytes(output)).bytes) == text)

        // A last token may use the 76th column since no '=' follows it.
        let exact = String(repeating: "x", count: 76)
        #expect(encoded(exact) == exact)
        #expect(encoded(exact + "x") == String(repeating: "x", count: 75) + "=\r\nxx")
    }

    @Test("optional From and lone-dot protection")
    func protections() {
        let options = QuotedPrintable.EncodingOptions(protectFromLines: true, protectDotLines: true)
        #expect(encoded("From me\nFrom\n.\n..\nx.", options) == "=46rom me\r\nFrom\r\n=2E\r\n..\r\nx.")
        #expect(encoded("From me\n.") == "From me\r\n.")
    }

    @Test("round trip in binary mode for random octets")
    func binaryRoundTrip() {
        var random = SeededGenerator(seed: 0x0921)
        for _ in 0..<300 {
            let input = random.bytes(count: Int.random(in: 0...300, using: &random))
            let output = QuotedPrintable.encode(input, options: .init(mode: .binary))
            #expect(lines(ASCII.string(output)).allSatisfy { $0.utf8.count <= 76 })
            let result = QuotedPrintable.decode(output)
            #expect(result.bytes == input)
            #expect(result.diagnostics.isEmpty)
        }
    }

    @Test("round trip in text mode for random CRLF text with whitespace, short line limits included")
    func textRoundTrip() {
        var random = SeededGenerator(seed: 0x7E47)
        let pieces: [[UInt8]] = [bytes(" "), bytes("\t"), bytes("\r\n"), bytes("="), bytes("From "), bytes("."), [0xC3, 0xA9], [0], bytes("word")]
        for iteration in 0..<300 {
            var input: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &random) { input += pieces.randomElement(using: &random)! }
            let options = QuotedPrintable.EncodingOptions(
                lineLength: iteration % 2 == 0 ? 76 : 9, protectFromLines: iteration % 3 == 0, protectDotLines: true)
            let output = QuotedPrintable.encode(input, options: options)
            #expect(lines(ASCII.string(output)).allSatisfy { $0.utf8.count <= options.lineLength })
            let result = QuotedPrintable.decode(output)
            #expect(result.bytes == input)
            #expect(result.diagnostics.isEmpty)
        }
    }
}
