/// A problem found while reading a message, kept instead of failing.
///
/// Mail in the wild breaks the RFCs in many small ways; the parsers recover the way widely used
/// mail clients do and leave one `Diagnostic` per recovery, so that a caller (or `coi-lint`) can
/// report exactly what was wrong and where.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is; stable across releases.
    public var code: Code
    /// How serious the problem is.
    public var severity: Severity
    /// The byte range of the offending input, relative to the start of the buffer that was parsed.
    public var range: Range<Int>
    /// A one-line human-readable explanation.
    public var message: String

    /// Creates a diagnostic.
    public init(_ code: Code, _ severity: Severity, at range: Range<Int>, _ message: String) {
        self.code = code
        self.severity = severity
        self.range = range
        self.message = message
    }

    /// Creates a diagnostic that points at a single byte offset.
    public init(_ code: Code, _ severity: Severity, at offset: Int, _ message: String) {
        self.init(code, severity, at: offset..<offset, message)
    }

    /// The byte offset where the problem starts.
    public var offset: Int { range.lowerBound }

    /// The same diagnostic with its range moved by `delta` bytes, for rebasing offsets found in a
    /// slice onto the enclosing message.
    public func shifted(by delta: Int) -> Diagnostic {
        var copy = self
        copy.range = (range.lowerBound + delta)..<(range.upperBound + delta)
        return copy
    }

    public var description: String {
        "\(severity) [\(code.rawValue)] at \(range.lowerBound): \(message)"
    }
}

extension Diagnostic {
    /// How serious a diagnostic is.
    ///
    /// The levels follow the requirement levels of RFC 2119: breaking a MUST is an `error`, a
    /// SHOULD a `warning`, and a legal but discouraged or legacy form is `info`.
    public enum Severity: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
        /// A legal but discouraged or legacy form.
        case info
        /// A SHOULD was broken; the input was understood.
        case warning
        /// A MUST was broken; the parser recovered leniently.
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

        /// `"info"`, `"warning"` or `"error"`.
        public var description: String {
            switch self {
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }
    }

    /// A stable identifier for a kind of diagnostic, such as `"base64-invalid-byte"`.
    ///
    /// An open set: each module declares its codes as static members in an extension, so that
    /// new codes never break users that switch over the known ones.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code's spelling, in lowercase kebab case.
        public var rawValue: String

        /// Creates a code from its spelling.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Creates a code from its spelling.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }
    }
}
