/// The Quoted-Printable content-transfer-encoding (RFC 2045 section 6.7).
///
/// One-shot entry points; `QuotedPrintableDecoder` decodes incrementally.
public enum QuotedPrintable {
    /// The line break written by the encoder; the same type as Base64's.
    public typealias LineEnding = Base64.LineEnding

    /// The longest encoded line RFC 2045 section 6.7 rule 5 allows, not counting the line break.
    public static let maximumLineLength = 76

    /// Decodes Quoted-Printable text leniently (RFC 2045 section 6.7).
    ///
    /// Hard line breaks are kept as they appear in the input (CRLF stays CRLF, a bare LF stays a
    /// bare LF); see `QuotedPrintableDecoder` for the recovery rules. Diagnostic offsets count
    /// from the start of `input`.
    public static func decode<C: Collection<UInt8>>(_ input: C) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        var decoder = QuotedPrintableDecoder()
        decoder.diagnosticLimit = Int.max
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        decoder.decode(input, into: &bytes)
        decoder.finish(into: &bytes)
        return (bytes, decoder.takeDiagnostics())
    }

    /// How the encoder treats line breaks in its input (RFC 2045 section 6.7 rule 4).
    public enum Mode: Sendable, Hashable {
        /// The input is text: each CRLF or bare LF is a line break and becomes a hard line break
        /// of the encoded text; a bare CR is encoded as `=0D`.
        case text
        /// The input is binary: CR and LF are octets like any other and are encoded as `=0D` and
        /// `=0A`, so the decoded data is exactly the input.
        case binary
    }

    /// Options for `encode(_:options:)`.
    public struct EncodingOptions: Sendable, Hashable {
        /// Text or binary treatment of line breaks.
        public var mode: Mode
        /// The line break written for hard and soft line breaks.
        public var lineEnding: LineEnding
        /// The longest encoded line, soft break `=` included; clamped to 4...76 (rule 5).
        public var lineLength: Int
        /// Encode the `F` of a line starting with `From ` as `=46`, so that mbox storage does not
        /// mangle the line into `>From ` (RFC 2049 section 3, point 8).
        public var protectFromLines: Bool
        /// Encode a `.` standing alone on a line as `=2E`, so that an SMTP client that forgets
        /// dot-stuffing cannot end the message early (RFC 5321 section 4.5.2).
        public var protectDotLines: Bool

        /// Creates options; the defaults produce plain RFC 2045 text encoding with CRLF.
        public init(
            mode: Mode = .text, lineEnding: LineEnding = .crlf, lineLength: Int = QuotedPrintable.maximumLineLength,
            protectFromLines: Bool = false, protectDotLines: Bool = false
        ) {
            self.mode = mode
            self.lineEnding = lineEnding
            self.lineLength = lineLength
            self.protectFromLines = protectFromLines
            self.protectDotLines = protectDotLines
        }
    }

    /// Encodes `bytes` as Quoted-Printable (RFC 2045 section 6.7 rules 1 to 5).
    ///
    /// Octets 33-60 and 62-126 stay literal (rule 2), everything else becomes `=XX` with
    /// uppercase hex (rule 1); SP and HTAB stay literal except before a line break or at the end
    /// of the data, where they are encoded (rule 3); lines are soft-broken with `=` so that no
    /// line exceeds `lineLength` octets, never inside an `=XX` (rule 5). In `.text` mode input
    /// line breaks become hard line breaks (rule 4). The output has no line break after the last
    /// line unless the input ends with one.
    public static func encode<C: Collection<UInt8>>(_ bytes: C, options: EncodingOptions = EncodingOptions()) -> [UInt8] {
        if let result = bytes.withContiguousStorageIfAvailable({ encode($0, options) }) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer { encode($0, options) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func encode(_ input: UnsafeBufferPointer<UInt8>, _ options: EncodingOptions) -> [UInt8] {
        let count = input.count
        let binary = options.mode == .binary
        let eol = options.lineEnding.bytes
        let limit = min(max(options.lineLength, 4), maximumLineLength)
        var output: [UInt8] = []
        output.reserveCapacity(count + count / 8 + 16)

        // The length of the line break at `i` in text mode, or 0.
        func lineBreak(at i: Int) -> Int {
            guard !binary, i < count else { return 0 }
            if input[i] == ASCII.lf { return 1 }
            if input[i] == ASCII.cr && i + 1 < count && input[i + 1] == ASCII.lf { return 2 }
            return 0
        }
        func endsLine(_ i: Int) -> Bool { i == count || lineBreak(at: i) > 0 }
        func startsFrom(_ i: Int) -> Bool {
            guard i + 5 <= count else { return false }
            return input[i] == 0x46 && input[i + 1] == 0x72 && input[i + 2] == 0x6F
                && input[i + 3] == 0x6D && input[i + 4] == ASCII.space
        }

        var column = 0
        var i = 0
        while i < count {
            let breakLength = lineBreak(at: i)
            if breakLength > 0 {
                output.append(contentsOf: eol)
                column = 0
                i += breakLength
                continue
            }
            let byte = input[i]
            let last = endsLine(i + 1)
            var literal: Bool
            switch byte {
            case 33...60, 62...126: literal = true
            case ASCII.space, ASCII.tab: literal = !last
            default: literal = false
            }
            if literal && column == 0 {
                if options.protectFromLines && startsFrom(i) { literal = false }
                if options.protectDotLines && byte == 0x2E && last { literal = false }
            }
            let width = literal ? 1 : 3
            // A soft break's `=` takes one column, except on the line's last token (rule 5).
            if column > 0 && column + width > (last ? limit : limit - 1) {
                output.append(ASCII.equals)
                output.append(contentsOf: eol)
                column = 0
                continue
            }
            if literal {
                output.append(byte)
            } else {
                output.append(ASCII.equals)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
            column += width
            i += 1
        }
        return output
    }
}

extension Diagnostic.Code {
    /// An `=` not followed by two hexadecimal digits or a line break (RFC 2045 section 6.7
    /// rule 1); it was kept literally, as RFC 2045 suggests for robustness.
    public static let qpInvalidEscape = Diagnostic.Code("qp-invalid-escape")
    /// An `=XX` escape used lowercase hex digits, which rule 1 forbids; decoded anyway. Reported
    /// once per stream.
    public static let qpLowercaseHex = Diagnostic.Code("qp-lowercase-hex")
    /// An encoded line exceeded 76 characters (RFC 2045 section 6.7 rule 5); decoded anyway.
    /// Reported once per stream.
    public static let qpLineTooLong = Diagnostic.Code("qp-line-too-long")
    /// More problems were found than the decoder's `diagnosticLimit`; the rest were counted only.
    public static let qpDiagnosticsSuppressed = Diagnostic.Code("qp-diagnostics-suppressed")
}
