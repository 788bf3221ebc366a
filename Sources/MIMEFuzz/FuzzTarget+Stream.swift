import MIMECore

extension FuzzTarget {
    /// The streaming parser fed in chunk sizes derived from the input: its events describe the
    /// same tree, bytes, limits and diagnostics as the one-shot parser's, and with body decoding
    /// the same decoded bytes.
    public static let stream = FuzzTarget(name: "stream") { input in
        var random = FuzzRandom(seededBy: input)
        let options = Bool.random(using: &random) ? ParserOptions() : MessageInvariants.tightOptions(using: &random)
        let message = Message.parse(input, options: options)
        let expected = MessageOutline(message: message, options: options, decoding: false)
        // Chunk sizes from tiny (delimiters and CRLFs split everywhere) to large.
        let maximumChunk = 1 << Int.random(in: 0...12, using: &random)
        let splits = random.splits(of: input.count, maximumChunk: maximumChunk)
        let streamed = MessageOutline(streaming: input, splits: splits, options: options, decoding: false)
        require(streamed == expected,
            "streaming (chunks up to \(maximumChunk), \(options)) and one-shot parses differ: \(expected.firstDifference(from: streamed))")

        let decodedSplits = random.splits(of: input.count, maximumChunk: 1 << Int.random(in: 0...12, using: &random))
        let decoded = MessageOutline(streaming: input, splits: decodedSplits, options: options, decoding: true)
        let expectedDecoded = MessageOutline(message: message, options: options, decoding: true)
        require(decoded.parts == expectedDecoded.parts,
            "streamed decoded bodies differ from decodedBody(): \(expectedDecoded.firstDifference(from: decoded))")
    }
}
