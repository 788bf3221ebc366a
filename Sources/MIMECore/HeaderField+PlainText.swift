extension HeaderField {
    /// Whether `value` is `unstructured` text (RFC 5322 section 3.2.5) in the plain form, whose
    /// decoding (``decodedValue(options:)``) reports nothing: words of printable ASCII and
    /// RFC 2047 encoded words that decode cleanly, separated by white space or folding. Proved
    /// by one pass over the bytes, so that checking a `Subject` builds no string.
    ///
    /// At most `maximumEncodedWords` encoded words are accepted, so that a value the decoder
    /// would cut at its limit is left to it.
    static func isPlainUnstructured(_ value: ArraySlice<UInt8>, maximumEncodedWords: Int) -> Bool {
        value.withUnsafeBufferPointer { bytes in
            var encodedWords = PlainEncodedWords()
            var count = 0
            var index = PlainFieldReader.whitespaceEnd(bytes, from: 0)
            while index < bytes.count {
                let start = index
                while index < bytes.count, bytes[index] > ASCII.space, bytes[index] < 0x7F { index += 1 }
                // A control, a lone CR or LF, or an 8-bit byte: the decoder has something to say.
                guard index > start else { return false }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if PlainEncodedWords.containsEncodedWordStart(word) {
                    count += 1
                    guard count <= maximumEncodedWords, encodedWords.word(word) else { return false }
                } else {
                    guard encodedWords.endRun() else { return false }
                }
                index = PlainFieldReader.whitespaceEnd(bytes, from: index)
            }
            return encodedWords.endRun()
        }
    }
}
