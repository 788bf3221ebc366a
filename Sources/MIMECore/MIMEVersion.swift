/// The value of a `MIME-Version` field, RFC 2045 section 4:
/// `version := "MIME-Version" ":" 1*DIGIT "." 1*DIGIT`, with comments allowed anywhere
/// (`1.(produced by MetaSend Vx.x)0`, the RFC's own example).
public struct MIMEVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number before the dot.
    public var major: Int
    /// The number after the dot.
    public var minor: Int

    /// Creates a version.
    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// `1.0`, the only version RFC 2045 defines.
    public static let v1_0 = MIMEVersion(major: 1, minor: 0)

    /// `major.minor`, as written in a header.
    public var description: String { "\(major).\(minor)" }

    /// Orders versions by major, then minor number.
    public static func < (lhs: MIMEVersion, rhs: MIMEVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// `1*DIGIT "." 1*DIGIT` with `CFWS` around and between the parts (RFC 2045 section 4,
    /// and RFC 822 structured-field rules that it builds on).
    ///
    /// Returns `nil` with an error diagnostic when the value is not a version; a version other
    /// than 1.0 is returned with a warning (section 4: such messages may not be interpreted
    /// correctly), trailing text after a valid version with an error.
    public static func parse(_ value: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]) -> MIMEVersion? {
        var scanner = FieldScanner(value)
        var sink = DiagnosticSink(limit: 16)
        defer { diagnostics.append(contentsOf: sink.finished(at: value.endIndex)) }
        _ = scanner.skipCFWSBounded(into: &sink)
        let start = scanner.position
        guard let major = readNumber(&scanner) else {
            sink.report(.mimeVersionInvalid, .error, at: start..<value.endIndex, "MIME-Version is not 'major.minor'")
            return nil
        }
        _ = scanner.skipCFWSBounded(into: &sink)
        guard scanner.consume(UInt8(ascii: ".")) else {
            sink.report(.mimeVersionInvalid, .error, at: start..<value.endIndex, "MIME-Version is not 'major.minor'")
            return nil
        }
        _ = scanner.skipCFWSBounded(into: &sink)
        guard let minor = readNumber(&scanner) else {
            sink.report(.mimeVersionInvalid, .error, at: start..<value.endIndex, "MIME-Version is not 'major.minor'")
            return nil
        }
        let end = scanner.position
        _ = scanner.skipCFWSBounded(into: &sink)
        if !scanner.isAtEnd {
            sink.report(.mimeVersionTrailingGarbage, .error, at: scanner.position..<value.endIndex,
                        "text after the MIME version ignored")
        }
        let version = MIMEVersion(major: major, minor: minor)
        if version != .v1_0 {
            sink.report(.mimeVersionUnsupported, .warning, at: start..<end,
                        "MIME-Version \(version) is not 1.0, the only version defined")
        }
        return version
    }

    /// Parses a `MIME-Version` value held in a string, dropping diagnostics.
    public init?(_ string: String) {
        var ignored: [Diagnostic] = []
        guard let version = MIMEVersion.parse(ArraySlice(Array(string.utf8)), diagnostics: &ignored) else { return nil }
        self = version
    }

    /// `1*DIGIT`, refusing numbers too long to be a version rather than overflowing.
    private static func readNumber(_ scanner: inout FieldScanner) -> Int? {
        let digits = scanner.read(while: ASCII.isDigit)
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}

extension Diagnostic.Code {
    /// A `MIME-Version` value that is not `1*DIGIT "." 1*DIGIT` (RFC 2045 section 4).
    public static let mimeVersionInvalid = Diagnostic.Code("mime-version-invalid")
    /// A `MIME-Version` other than 1.0 (RFC 2045 section 4).
    public static let mimeVersionUnsupported = Diagnostic.Code("mime-version-unsupported")
    /// Text after the version in `MIME-Version`.
    public static let mimeVersionTrailingGarbage = Diagnostic.Code("mime-version-trailing-garbage")
}
