/// Random identifiers for message-ids and group ids.
enum COIRandom {
    /// `[0-9A-Za-z_-]`: the URL-safe base64 alphabet, the group id alphabet.
    static let urlSafeAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// `[0-9A-Za-z]`: letters and digits, safe in every `dot-atom-text` and readable.
    static let alphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// `count` characters drawn uniformly from `alphabet` (`Int.random(in:using:)` rejects
    /// biased draws, so every character is equally likely).
    static func string<Source: RandomNumberGenerator>(count: Int, alphabet: [UInt8], using source: inout Source) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            bytes.append(alphabet[Int.random(in: 0..<alphabet.count, using: &source)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Small byte helpers shared by the COI parsers.
enum COIBytes {
    /// Whether `byte` is SP, HTAB, CR or LF.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// `bytes` without leading and trailing white space.
    static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// ASCII lowercase of one byte.
    static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    /// Whether `bytes` starts with `prefix`, ignoring ASCII case.
    static func hasPrefix(_ bytes: some Collection<UInt8>, _ prefix: String, ignoringCase: Bool = true) -> Bool {
        var iterator = bytes.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = iterator.next() else { return false }
            if ignoringCase ? lower(byte) != lower(expected) : byte != expected { return false }
        }
        return true
    }

    /// The offset of the first occurrence of the ASCII `needle` in `bytes`, ignoring case; for
    /// short header values only.
    static func firstIndex(of needle: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where hasPrefix(bytes[start...], needle) {
            return start
        }
        return nil
    }
}
