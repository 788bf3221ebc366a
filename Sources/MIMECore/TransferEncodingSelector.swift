/// Chooses the content-transfer-encoding for a body from its bytes (RFC 2045 sections 6 to 6.8).
///
/// The rules, in order:
/// 1. `7bit` when the content already is 7bit data (RFC 2045 section 2.7): US-ASCII without
///    `NUL`, `CR` and `LF` only as `CRLF`, and every line short: at most ``maximumLineLength``
///    (78, the SHOULD of RFC 5322 section 2.1.1; the MUST of 998 is the ceiling).
/// 2. `8bit`, only when the caller allows it, for 8bit data (RFC 2045 section 2.8): the same with
///    octets above 127 allowed and lines of up to 998 octets.
/// 3. For text, whichever of `quoted-printable` (section 6.7) and `base64` (section 6.8) is
///    smaller: mostly-ASCII text stays readable as quoted-printable, mostly non-ASCII text
///    (Cyrillic, CJK, emoji) is smaller as base64.
/// 4. For binary data, `base64`: quoted-printable would have to escape every line break
///    (section 6.7 rule 4) and is rarely smaller.
public struct TransferEncodingSelector: Sendable, Hashable {
    /// Whether `8bit` may be chosen, for transports that announce 8BITMIME (RFC 6152). Off by
    /// default: only 7bit is safe everywhere.
    public var allows8bit: Bool
    /// The longest line, in octets without the `CRLF`, that is sent unencoded as `7bit`.
    public var maximumLineLength: Int

    /// Creates a selector; by default it never chooses `8bit` and keeps 7bit lines to 78 octets.
    public init(allows8bit: Bool = false, maximumLineLength: Int = 78) {
        self.allows8bit = allows8bit
        self.maximumLineLength = min(max(maximumLineLength, 1), 998)
    }

    /// What the selector measured in a body: the properties that decide between 7bit data,
    /// 8bit data (RFC 2045 sections 2.7 and 2.8) and the encodings of sections 6.7 and 6.8.
    public struct Statistics: Sendable, Hashable {
        /// The number of octets.
        public var count = 0
        /// Octets above 127.
        public var nonASCII = 0
        /// `NUL` octets, which neither 7bit nor 8bit data may hold (RFC 2045 section 2.7).
        public var nul = 0
        /// `CR` or `LF` octets that are not part of a `CRLF` pair.
        public var bareLineBreaks = 0
        /// The longest line in octets, excluding its `CRLF`.
        public var longestLine = 0
        /// What a quoted-printable encoding would take, in octets, soft breaks included.
        public var quotedPrintableLength = 0

        /// Measures `bytes`.
        public init<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
            var lineLength = 0
            var previous: UInt8 = 0
            var pendingCR = false
            var qpLine = 0
            for byte in bytes {
                count += 1
                if pendingCR {
                    pendingCR = false
                    if byte != ASCII.lf { bareLineBreaks += 1 }
                }
                switch byte {
                case ASCII.cr:
                    pendingCR = true
                case ASCII.lf:
                    if previous != ASCII.cr { bareLineBreaks += 1 }
                    longestLine = max(longestLine, lineLength)
                    lineLength = 0
                    quotedPrintableLength += qpLine + qpLine / 75 * 3 + 2
                    qpLine = 0
                default:
                    lineLength += 1
                    if byte >= 0x80 { nonASCII += 1 }
                    if byte == 0 { nul += 1 }
                    qpLine += (33...126).contains(byte) && byte != ASCII.equals || ASCII.isWhitespace(byte) ? 1 : 3
                }
                previous = byte
            }
            if pendingCR { bareLineBreaks += 1 }
            longestLine = max(longestLine, lineLength)
            quotedPrintableLength += qpLine + qpLine / 75 * 3
        }

        /// What a base64 encoding would take, in octets, with a `CRLF` after every 76 characters.
        public var base64Length: Int {
            let characters = (count + 2) / 3 * 4
            return characters + max(0, (characters - 1) / 76) * 2
        }

        /// Whether the bytes are 7bit data with lines of at most `limit` octets.
        public func isSevenBit(maximumLineLength limit: Int) -> Bool {
            nonASCII == 0 && nul == 0 && bareLineBreaks == 0 && longestLine <= limit
        }

        /// Whether the bytes are 8bit data (RFC 2045 section 2.8).
        public var isEightBit: Bool { nul == 0 && bareLineBreaks == 0 && longestLine <= 998 }
    }

    /// The encoding for text already in canonical form (lines ended by `CRLF`, RFC 2046 section
    /// 4.1.1) and in its charset's bytes.
    public func encoding<Bytes: Collection<UInt8>>(forText bytes: Bytes) -> ContentTransferEncoding {
        let stats = Statistics(bytes)
        if stats.isSevenBit(maximumLineLength: maximumLineLength) { return .sevenBit }
        if allows8bit, stats.isEightBit { return .eightBit }
        return stats.quotedPrintableLength <= stats.base64Length ? .quotedPrintable : .base64
    }

    /// The encoding for binary data, whose octets (line breaks included) must arrive unchanged.
    public func encoding<Bytes: Collection<UInt8>>(forBinary bytes: Bytes) -> ContentTransferEncoding {
        let stats = Statistics(bytes)
        if stats.isSevenBit(maximumLineLength: maximumLineLength) { return .sevenBit }
        if allows8bit, stats.isEightBit { return .eightBit }
        return .base64
    }
}
