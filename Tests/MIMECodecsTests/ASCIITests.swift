import MIMECodecs
import Testing

@Suite("ASCII character classes")
struct ASCIITests {
    /// `atext = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "/" / "=" /
    /// "?" / "^" / "_" / "`" / "{" / "|" / "}" / "~"` (RFC 5322 section 3.2.3), for every byte.
    @Test func atextMatchesTheGrammarForEveryByte() {
        let symbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)
        for value in 0...255 {
            let byte = UInt8(value)
            let expected = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || (byte >= 0x30 && byte <= 0x39) || symbols.contains(byte)
            #expect(ASCII.isAtext(byte) == expected, "byte \(value)")
        }
    }

    @Test func lowercasedStringLowersASCIILettersOnly() {
        #expect(ASCII.lowercasedString("Content-Type".utf8) == "content-type")
        #expect(ASCII.lowercasedString(Array("ÄB".utf8)[...]) == "Äb")
        #expect(ASCII.lowercasedString([UInt8]()) == "")
    }

    /// Slices take the contiguous path; a sequence cut by the slice is repaired.
    @Test func stringDecodesSlices() {
        let bytes = Array("héllo".utf8)
        #expect(ASCII.string(bytes[1...]) == "éllo")
        #expect(ASCII.string(bytes[2...]) == "\u{FFFD}llo")
        #expect(ASCII.string(bytes.lazy.map { $0 }) == "héllo")
    }
}
