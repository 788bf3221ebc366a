import MIMECodecs

extension FuzzTarget {
    /// The codecs: decoding arbitrary bytes never traps, reports offsets inside the input, and
    /// gives the same result in chunks as in one call; encoding then decoding is the identity for
    /// Base64, Quoted-Printable (binary and text mode), RFC 2047 encoded words in every context,
    /// RFC 2231 values and format=flowed paragraphs.
    public static let codecs = FuzzTarget(name: "codecs") { input in
        var random = FuzzRandom(seededBy: input)
        let splits = random.splits(of: input.count, maximumChunk: 1 << Int.random(in: 0...8, using: &random))
        CodecProperties.base64(input, splits: splits, random: &random)
        CodecProperties.quotedPrintable(input, splits: splits, random: &random)
        let text = String(decoding: input, as: UTF8.self)
        CodecProperties.encodedWords(text)
        CodecProperties.parameterValue(text, random: &random)
        CodecProperties.formatFlowed(text, random: &random)
    }
}

/// The properties the codecs target checks, one function per codec.
enum CodecProperties {
    static func base64(_ input: [UInt8], splits: [Int], random: inout FuzzRandom) {
        let whole = Base64.decode(input)
        MessageInvariants.checkDiagnostics(whole.diagnostics, within: input.count, what: "base64")
        // The one-shot decode reports every problem; the streaming default stops at 100.
        var decoder = Base64Decoder()
        decoder.diagnosticLimit = Int.max
        var chunked: [UInt8] = []
        FuzzRandom.forEachChunk(of: input, splits: splits) { decoder.decode($0, into: &chunked) }
        decoder.finish(into: &chunked)
        require(chunked == whole.bytes, "base64 decodes differently in chunks")
        let chunkedDiagnostics = decoder.takeDiagnostics()
        require(chunkedDiagnostics == whole.diagnostics,
            "base64 reports differently in chunks: " + CodecProperties.difference(chunkedDiagnostics, whole.diagnostics))

        let lineLength = Int.random(in: 0...80, using: &random)
        let encoded = Base64.encode(input, lineLength: lineLength, lineEnding: Bool.random(using: &random) ? .crlf : .lf)
        let decoded = Base64.decode(encoded)
        require(decoded.bytes == input && decoded.diagnostics.isEmpty,
            "base64 encode then decode (line length \(lineLength)) is not the identity: \(decoded.diagnostics)")
    }

    static func quotedPrintable(_ input: [UInt8], splits: [Int], random: inout FuzzRandom) {
        let whole = QuotedPrintable.decode(input)
        MessageInvariants.checkDiagnostics(whole.diagnostics, within: input.count, what: "quoted-printable")
        var decoder = QuotedPrintableDecoder()
        decoder.diagnosticLimit = Int.max
        var chunked: [UInt8] = []
        FuzzRandom.forEachChunk(of: input, splits: splits) { decoder.decode($0, into: &chunked) }
        decoder.finish(into: &chunked)
        require(chunked == whole.bytes, "quoted-printable decodes differently in chunks")
        let chunkedDiagnostics = decoder.takeDiagnostics()
        require(chunkedDiagnostics == whole.diagnostics,
            "quoted-printable reports differently in chunks: "
                + CodecProperties.difference(chunkedDiagnostics, whole.diagnostics))

        let lineLength = Int.random(in: 4...76, using: &random)
        let binary = QuotedPrintable.EncodingOptions(mode: .binary, lineLength: lineLength,
            protectFromLines: Bool.random(using: &random), protectDotLines: Bool.random(using: &random))
        let decodedBinary = QuotedPrintable.decode(QuotedPrintable.encode(input, options: binary))
        require(decodedBinary.bytes == input && decodedBinary.diagnostics.isEmpty,
            "quoted-printable binary round trip (line length \(lineLength)) is not the identity")

        // Text mode turns every line break into CRLF: the identity holds for CRLF-only text.
        var text: [UInt8] = []
        for byte in input where byte != ASCII.cr {
            if byte == ASCII.lf { text.append(ASCII.cr) }
            text.append(byte)
        }
        let textOptions = QuotedPrintable.EncodingOptions(mode: .text, lineLength: lineLength,
            protectFromLines: true, protectDotLines: true)
        let encodedText = QuotedPrintable.encode(text, options: textOptions)
        for line in encodedText.split(separator: ASCII.lf, omittingEmptySubsequences: false) {
            let length = line.last == ASCII.cr ? line.count - 1 : line.count
            require(length <= lineLength, "quoted-printable line of \(length) octets, limit \(lineLength)")
        }
        let decodedText = QuotedPrintable.decode(encodedText)
        require(decodedText.bytes == text && decodedText.diagnostics.isEmpty,
            "quoted-printable text round trip (line length \(lineLength)) is not the identity")
    }

    static func encodedWords(_ text: String) {
        for context in [EncodedWord.Context.unstructured, .phrase, .comment] {
            let tokens = EncodedWord.encode(text, context: context)
            for token in tokens {
                require(!token.isEmpty && token.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F },
                    "encoded-word token \(token.debugDescription) is not printable ASCII")
            }
            // A folder may put CRLF before any joining space; unfolding removes only the CRLF.
            for separator in [" ", "\r\n "] {
                let decoded = EncodedWord.decode(Array(tokens.joined(separator: separator).utf8), context: context)
                require(decoded.text.unicodeScalars.elementsEqual(text.unicodeScalars) && decoded.diagnostics.isEmpty,
                    "encoded words (\(context)) of \(text.debugDescription) decode as \(decoded.text.debugDescription)")
            }
        }
    }

    static func parameterValue(_ text: String, random: inout FuzzRandom) {
        let single = ParameterValue.decodeExtended(Array(ParameterValue.encodeExtended(text).utf8))
        require(single.text.unicodeScalars.elementsEqual(text.unicodeScalars) && single.diagnostics.isEmpty,
            "RFC 2231 value of \(text.debugDescription) decodes as \(single.text.debugDescription)")
        let length = Int.random(in: 1...80, using: &random)
        let segments = ParameterValue.encodeExtendedSegments(text, maximumSegmentLength: length)
        let joined = ParameterValue.decode(segments: segments.map { .init(bytes: Array($0.utf8), isExtended: true) })
        require(joined.text.unicodeScalars.elementsEqual(text.unicodeScalars),
            "RFC 2231 segments (\(length)) of \(text.debugDescription) decode as \(joined.text.debugDescription)")
    }

    static func formatFlowed(_ text: String, random: inout FuzzRandom) {
        // A paragraph holds no line break, and the encoder drops trailing spaces (RFC 3676
        // section 4.2) except in the signature separator.
        var paragraphs: [FormatFlowed.Paragraph] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            var content = Substring(line)
            if content != "-- " { while content.last == " " { content.removeLast() } }
            paragraphs.append(FormatFlowed.Paragraph(quoteDepth: Int.random(in: 0...3, using: &random), text: String(content)))
        }
        for delSp in [false, true] {
            let encoded = FormatFlowed.encode(paragraphs, options: .init(delSp: delSp))
            let decoded = FormatFlowed.paragraphs(in: encoded, delSp: delSp)
            require(decoded == paragraphs, "format=flowed (delsp \(delSp)) of \(paragraphs) decodes as \(decoded)")
        }
    }

    /// The first place two diagnostic lists differ, for failure messages.
    static func difference(_ chunked: [Diagnostic], _ whole: [Diagnostic]) -> String {
        let index = zip(chunked, whole).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(chunked.count, whole.count)
        return "\(chunked.count) vs \(whole.count) diagnostics, first difference at \(index): "
            + "\(chunked.dropFirst(index).first.map(String.init(describing:)) ?? "none") vs "
            + "\(whole.dropFirst(index).first.map(String.init(describing:)) ?? "none")"
    }
}
