/// The Base64 content-transfer-encoding (RFC 2045 section 6.8, RFC 4648 section 4).
///
/// One-shot entry points; `Base64Decoder` and `Base64Encoder` do the work and also run
/// incrementally over a stream of chunks.
public enum Base64: Sendable {
    /// The line break written between encoded lines (RFC 2045 section 6.8 asks for CRLF; LF is
    /// offered for local storage formats that use it).
    public enum LineEnding: Sendable, Hashable {
        /// `CR LF`, the canonical MIME line break (RFC 2045 section 2.1).
        case crlf
        /// A bare `LF`, for Unix mailboxes and tests.
        case lf

        @usableFromInline
        var bytes: [UInt8] {
            switch self {
            case .crlf: [ASCII.cr, ASCII.lf]
            case .lf: [ASCII.lf]
            }
        }
    }

    /// The line length RFC 2045 section 6.8 sets as the maximum for encoded lines.
    public static let mimeLineLength = 76

    /// The 6-bit value of a character of the base64 alphabet (RFC 4648 section 4, table 1), or
    /// `nil` for any other byte, padding included.
    public static func sextet(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    /// Decodes Base64 text leniently (RFC 2045 section 6.8, RFC 4648 section 3.3).
    ///
    /// Line breaks, spaces and tabs are skipped, missing padding is tolerated, decoding stops at
    /// the `=` padding, and invalid bytes are skipped; every recovery leaves a `Diagnostic` whose
    /// offset counts from the start of `input`.
    public static func decode<C: Collection<UInt8>>(_ input: C) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        var decoder = Base64Decoder()
        decoder.diagnosticLimit = Int.max
        var bytes: [UInt8] = []
        decoder.decode(input, into: &bytes)
        decoder.finish(into: &bytes)
        return (bytes, decoder.takeDiagnostics())
    }

    /// Encodes `bytes` as Base64 body text (RFC 2045 section 6.8): lines of at most
    /// `lineLength` characters separated by `lineEnding`, with no line break after the last line
    /// (in a multipart body the CRLF before the next boundary belongs to the delimiter, RFC 2046
    /// section 5.1.1).
    ///
    /// `lineLength` values below 4 are raised to 4; RFC 2045 forbids more than 76.
    public static func encode<C: Collection<UInt8>>(
        _ bytes: C, lineLength: Int = mimeLineLength, lineEnding: LineEnding = .crlf
    ) -> [UInt8] {
        var encoder = Base64Encoder(lineLength: lineLength, lineEnding: lineEnding)
        var output: [UInt8] = []
        let count = bytes.count
        output.reserveCapacity((count + 2) / 3 * 4 + (count / 57 + 1) * 2)
        encoder.encode(bytes, into: &output)
        encoder.finish(into: &output)
        return output
    }

    /// Encodes `bytes` as one unbroken line of padded Base64 (RFC 4648 section 4), as the "B"
    /// encoding of RFC 2047 section 4.1 needs.
    public static func encodeUnwrapped<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] {
        var encoder = Base64Encoder(lineLength: nil)
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        encoder.encode(bytes, into: &output)
        encoder.finish(into: &output)
        return output
    }

    /// `encodeUnwrapped(_:)` as a `String` (Base64 output is always ASCII).
    public static func encodedString<C: Collection<UInt8>>(_ bytes: C) -> String {
        ASCII.string(encodeUnwrapped(bytes))
    }

    /// The Base64 alphabet of RFC 4648 section 4, table 1.
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    // Marker bits above the 24 data bits: a group whose four entries OR to a value with any of
    // them set leaves the fast path. Each marker also tells the slow path what the byte is.
    static let skipMarker: UInt32 = 0x8000_0000
    static let padMarker: UInt32 = 0x4000_0000
    static let invalidMarker: UInt32 = 0x2000_0000
    static let markerMask: UInt32 = 0xFF00_0000

    /// Four 256-entry tables, one per position in a quantum, holding each sextet already shifted
    /// into place so that a group decodes with four loads and three ORs.
    static let decodeTables: [UInt32] = {
        var tables = [UInt32](repeating: invalidMarker, count: 1024)
        for table in 0..<4 {
            for byte in [ASCII.cr, ASCII.lf, ASCII.space, ASCII.tab] {
                tables[table * 256 + Int(byte)] = skipMarker
            }
            tables[table * 256 + Int(ASCII.equals)] = padMarker
            for (value, byte) in alphabet.enumerated() {
                tables[table * 256 + Int(byte)] = UInt32(value) << UInt32(18 - 6 * table)
            }
        }
        return tables
    }()
}

extension Diagnostic.Code {
    /// Bytes outside the Base64 alphabet were skipped (RFC 2045 section 6.8: "any characters
    /// outside of the base64 alphabet are to be ignored"); the data may be damaged.
    public static let base64InvalidByte = Diagnostic.Code("base64-invalid-byte")
    /// Non-padding data followed the final `=` padding and was ignored (RFC 2045 section 6.8:
    /// padding marks the end of the data).
    public static let base64DataAfterPadding = Diagnostic.Code("base64-data-after-padding")
    /// The encoded data ended without the `=` padding RFC 4648 section 3.2 requires; the
    /// partial quantum was decoded anyway.
    public static let base64MissingPadding = Diagnostic.Code("base64-missing-padding")
    /// The data ended after a single character of a quantum, whose 6 bits cannot form an octet
    /// and were dropped (RFC 4648 section 4 allows only 2 or 3 characters before padding).
    public static let base64Truncated = Diagnostic.Code("base64-truncated")
    /// `=` appeared where a full quantum had just ended, so it pads nothing (RFC 4648 section 4).
    public static let base64MisplacedPadding = Diagnostic.Code("base64-misplaced-padding")
    /// The bits below the last octet of the final quantum were not zero, which RFC 4648
    /// section 3.5 requires of encoders; often a sign of a damaged or concatenated stream.
    public static let base64NonzeroPadBits = Diagnostic.Code("base64-nonzero-pad-bits")
    /// More problems were found than the decoder's `diagnosticLimit`; the rest were counted only.
    public static let base64DiagnosticsSuppressed = Diagnostic.Code("base64-diagnostics-suppressed")
}
