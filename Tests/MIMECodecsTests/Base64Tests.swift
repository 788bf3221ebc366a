import MIMECodecs
import Testing

private func bytes(_ string: String) -> [UInt8] { Array(string.utf8) }

/// Decodes `input` in chunks of the given lengths with a fresh decoder.
private func decodeInChunks(_ input: [UInt8], lengths: [Int]) -> ([UInt8], [Diagnostic]) {
    var decoder = Base64Decoder()
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

@Suite("Base64 (RFC 2045 6.8, RFC 4648)")
struct Base64Tests {
    static let rfc4648Vectors: [(String, String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]

    @Test("RFC 4648 section 10 test vectors encode", arguments: rfc4648Vectors)
    func encodesRFC4648Vectors(plain: String, encoded: String) {
        #expect(Base64.encode(bytes(plain)) == bytes(encoded))
        #expect(Base64.encodeUnwrapped(bytes(plain)) == bytes(encoded))
        #expect(Base64.encodedString(bytes(plain)) == encoded)
    }

    @Test("RFC 4648 section 10 test vectors decode without diagnostics", arguments: rfc4648Vectors)
    func decodesRFC4648Vectors(plain: String, encoded: String) {
        let result = Base64.decode(bytes(encoded))
        #expect(result.bytes == bytes(plain))
        #expect(result.diagnostics.isEmpty)
    }

    @Test("MIME bodies wrap at 76 characters with CRLF and no final line break")
    func wrapsAt76() {
        let input = [UInt8](repeating: 0xFF, count: 57 * 2 + 1)
        let text = ASCII.string(Base64.encode(input))
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0].count == 76 && lines[1].count == 76)
        #expect(lines[2] == "/w==")
        #expect(!text.hasSuffix("\r\n"))
        #expect(Base64.encode(input, lineLength: 76, lineEnding: .lf).contains(ASCII.cr) == false)
        #expect(Base64.encode([UInt8](repeating: 0, count: 57)).count == 76)
    }

    @Test("odd line lengths and the minimum line length")
    func oddLineLengths() {
        let input = Array(0..<UInt8(100))
        let encoded = Base64.encode(input, lineLength: 10, lineEnding: .lf)
        let lines = encoded.split(separator: ASCII.lf)
        #expect(lines.dropLast().allSatisfy { $0.count == 10 })
        #expect(Base64.decode(encoded).bytes == input)
        let tiny = Base64.encode(input, lineLength: 1, lineEnding: .lf)
        #expect(tiny.split(separator: ASCII.lf).dropLast().allSatisfy { $0.count == 4 })
    }

    @Test("CR, LF, space and tab are skipped silently")
    func skipsWhitespace() {
        let result = Base64.decode(bytes("Zm9v\r\nYm\tFy \n"))
        #expect(result.bytes == bytes("foobar"))
        #expect(result.diagnostics.isEmpty)
    }

    @Test("missing padding is tolerated with a warning")
    func missingPadding() {
        let two = Base64.decode(bytes("Zm8"))
        #expect(two.bytes == bytes("fo"))
        #expect(two.diagnostics.map(\.code) == [.base64MissingPadding])
        #expect(two.diagnostics.first?.severity == .warning)
        #expect(two.diagnostics.first?.offset == 3)

        let one = Base64.decode(bytes("Zg"))
        #expect(one.bytes == bytes("f"))
        #expect(one.diagnostics.map(\.code) == [.base64MissingPadding])

        let half = Base64.decode(bytes("Zg=\r\n"))
        #expect(half.bytes == bytes("f"))
        #expect(half.diagnostics.map(\.code) == [.base64MissingPadding])
        #expect(half.diagnostics.first?.offset == 2)
    }

    @Test("a lone final character is reported as lost bits")
    func truncated() {
        let result = Base64.decode(bytes("Zm9vY"))
        #expect(result.bytes == bytes("foo"))
        #expect(result.diagnostics.map(\.code) == [.base64Truncated])
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.diagnostics.first?.offset == 5)

        let padded = Base64.decode(bytes("Zm9vY==="))
        #expect(padded.bytes == bytes("foo"))
        #expect(padded.diagnostics.first?.code == .base64Truncated)
        #expect(padded.diagnostics.first?.offset == 5)
    }

    @Test("each run of invalid bytes is skipped and reported with its range")
    func invalidRuns() {
        let result = Base64.decode(bytes("Zm9v!!Ym*Fy"))
        #expect(result.bytes == bytes("foobar"))
        #expect(result.diagnostics.map(\.code) == [.base64InvalidByte, .base64InvalidByte])
        #expect(result.diagnostics.map(\.range) == [4..<6, 8..<9])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test("whitespace does not split a run of invalid bytes")
    func invalidRunAcrossLineBreak() {
        let result = Base64.decode(bytes("Zm!\r\n!9v"))
        #expect(result.bytes == bytes("foo"))
        #expect(result.diagnostics.map(\.range) == [2..<6])
        #expect(result.diagnostics.first?.message.hasPrefix("2 bytes") == true)
    }

    @Test("8-bit bytes are invalid, not skipped silently")
    func highBytes() {
        let result = Base64.decode([0x5A, 0x67, 0xC3, 0xA9, 0x3D, 0x3D])
        #expect(result.bytes == bytes("f"))
        #expect(result.diagnostics.map(\.range) == [2..<4])
    }

    @Test("data after the final padding is ignored with an error")
    func dataAfterPadding() {
        let result = Base64.decode(bytes("Zg==\r\nZm9v\r\n"))
        #expect(result.bytes == bytes("f"))
        #expect(result.diagnostics.map(\.code) == [.base64DataAfterPadding])
        #expect(result.diagnostics.first?.range == 6..<10)

        let clean = Base64.decode(bytes("Zm8=\r\n \r\n"))
        #expect(clean.bytes == bytes("fo"))
        #expect(clean.diagnostics.isEmpty)

        let extraPad = Base64.decode(bytes("Zm8=="))
        #expect(extraPad.bytes == bytes("fo"))
        #expect(extraPad.diagnostics.map(\.code) == [.base64DataAfterPadding])
    }

    @Test("RFC 4648 3.5: non-zero pad bits are decoded with a warning")
    func nonzeroPadBits() {
        let two = Base64.decode(bytes("Zh=="))
        #expect(two.bytes == bytes("f"))
        #expect(two.diagnostics.map(\.code) == [.base64NonzeroPadBits])
        #expect(two.diagnostics.first?.offset == 1)
        let three = Base64.decode(bytes("Zm\r\n9 ="))
        #expect(three.bytes == bytes("fo"))
        #expect(three.diagnostics.map(\.code) == [.base64NonzeroPadBits])
        #expect(three.diagnostics.first?.offset == 4)
        let unpadded = Base64.decode(bytes("Zm9"))
        #expect(unpadded.diagnostics.map(\.code) == [.base64NonzeroPadBits, .base64MissingPadding])
    }

    @Test("padding after a complete quantum ends the data with a warning")
    func misplacedPadding() {
        let result = Base64.decode(bytes("Zm9v="))
        #expect(result.bytes == bytes("foo"))
        #expect(result.diagnostics.map(\.code) == [.base64MisplacedPadding])
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test("diagnostic offsets count from the start of the stream across chunks")
    func streamOffsets() {
        var decoder = Base64Decoder()
        var output: [UInt8] = []
        decoder.decode(bytes("Zm9v\r\n"), into: &output)
        decoder.decode(bytes("Ym?Fy"), into: &output)
        decoder.finish(into: &output)
        #expect(output == bytes("foobar"))
        #expect(decoder.diagnostics.map(\.range) == [8..<9])
    }

    @Test("an invalid run cut by a chunk boundary is one diagnostic")
    func invalidRunAcrossChunks() {
        let input = bytes("Zm9v!!!!Zm9v")
        let (output, diagnostics) = decodeInChunks(input, lengths: [5, 2])
        #expect(output == bytes("foofoo"))
        #expect(diagnostics.map(\.range) == [4..<8])
    }

    @Test("every two-chunk split decodes like one shot")
    func everySplit() {
        let inputs = [
            "Zm9vYmFy\r\nZm9v\r\nYg==", "Zm9!vYm\r\nFy=\r\n=junk", "Zm8", "Z", "=Zm9v", "Zm 9v Y", "Zm9v*\r\n*YmE=",
        ]
        for text in inputs {
            let input = bytes(text)
            let expected = Base64.decode(input)
            for split in 0...input.count {
                let (output, diagnostics) = decodeInChunks(input, lengths: [split])
                #expect(output == expected.bytes, "split \(split) of \(text)")
                #expect(diagnostics == expected.diagnostics, "split \(split) of \(text)")
            }
        }
    }

    @Test("round trip: decode(encode(x)) == x for random inputs and random chunking")
    func roundTrip() {
        var random = SeededGenerator(seed: 0xB64)
        for iteration in 0..<400 {
            let input = random.bytes(count: Int.random(in: 0...300, using: &random))
            let lineLength = [76, 64, 4, 13][iteration % 4]
            let encoded = Base64.encode(input, lineLength: lineLength, lineEnding: iteration % 3 == 0 ? .lf : .crlf)
            let oneShot = Base64.decode(encoded)
            #expect(oneShot.bytes == input)
            #expect(oneShot.diagnostics.isEmpty)
            let (chunked, diagnostics) = decodeInChunks(encoded, lengths: random.chunkLengths(total: encoded.count))
            #expect(chunked == input)
            #expect(diagnostics.isEmpty)
        }
    }

    @Test("incremental encoding with any chunking equals one-shot encoding")
    func incrementalEncoder() {
        var random = SeededGenerator(seed: 42)
        let lineLengths: [Int?] = [76, 5, 7, 8, nil]
        for iteration in 0..<250 {
            let input = random.bytes(count: Int.random(in: 0...200, using: &random))
            let lineLength = lineLengths[iteration % lineLengths.count]
            var encoder = Base64Encoder(lineLength: lineLength, lineEnding: .lf)
            var output: [UInt8] = []
            var start = 0
            for length in random.chunkLengths(total: input.count) {
                encoder.encode(input[start..<start + length], into: &output)
                start += length
            }
            encoder.finish(into: &output)
            if let lineLength {
                #expect(output == Base64.encode(input, lineLength: lineLength, lineEnding: .lf))
                let lines = output.split(separator: ASCII.lf, omittingEmptySubsequences: false)
                #expect(lines.dropLast().allSatisfy { $0.count == lineLength })
                #expect(lines.last.map { $0.count <= lineLength } ?? true)
            } else {
                #expect(output == Base64.encodeUnwrapped(input))
            }
            #expect(Base64.decode(output).bytes == input)
        }
    }

    @Test("random garbage never fails and reports offsets inside the input")
    func garbage() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let input = random.bytes(count: Int.random(in: 0...120, using: &random))
            let result = Base64.decode(input)
            #expect(result.bytes.count <= input.count)
            #expect(result.diagnostics.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= input.count })
            let (chunked, diagnostics) = decodeInChunks(input, lengths: random.chunkLengths(total: input.count))
            #expect(chunked == result.bytes)
            #expect(diagnostics == result.diagnostics)
        }
    }

    @Test("the sink API streams bounded pieces equal to the accumulated output")
    func sink() throws {
        var random = SeededGenerator(seed: 99)
        let input = random.bytes(count: 200_000)
        let encoded = Base64.encode(input)
        var decoder = Base64Decoder()
        var collected: [UInt8] = []
        var largestPiece = 0
        let half = encoded.count / 2
        for part in [encoded[..<half], encoded[half...]] {
            decoder.decode(part) { piece in
                largestPiece = max(largestPiece, piece.count)
                collected.append(contentsOf: piece)
            }
        }
        decoder.finish { collected.append(contentsOf: $0) }
        #expect(collected == input)
        #expect(largestPiece <= 48 * 1024 + 3)
        #expect(decoder.diagnostics.isEmpty)
    }

    @Test("the diagnostic limit bounds memory on hostile input")
    func diagnosticLimit() {
        var decoder = Base64Decoder()
        decoder.diagnosticLimit = 10
        var output: [UInt8] = []
        decoder.decode([UInt8](repeating: 0, count: 1).flatMap { _ in Array(repeating: bytes("A!"), count: 1000).flatMap { $0 } }, into: &output)
        decoder.finish(into: &output)
        let diagnostics = decoder.takeDiagnostics()
        #expect(diagnostics.count == 11)
        #expect(diagnostics.last?.code == .base64DiagnosticsSuppressed)
        #expect(diagnostics.last?.message.hasPrefix("990") == true)
        #expect(output.count == 750)
        #expect(decoder.diagnostics.isEmpty)
    }

    @Test("the decoder resets after finish and can decode a new stream")
    func reuse() {
        var decoder = Base64Decoder()
        var output: [UInt8] = []
        decoder.decode(bytes("Zg"), into: &output)
        decoder.finish(into: &output)
        decoder.decode(bytes("Zm8="), into: &output)
        decoder.finish(into: &output)
        #expect(output == bytes("ffo"))
        #expect(decoder.position == 0)
    }
}
