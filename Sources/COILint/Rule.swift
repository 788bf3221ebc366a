public import MIMECore

/// One check of `coi-lint check`: a stable identifier, the requirement it enforces and where
/// that requirement is written down.
///
/// Severities follow the requirement level of the source text (RFC 2119): a broken MUST is an
/// error, a broken SHOULD a warning, and a MAY or a legacy form is info.
public struct Rule: Sendable, Hashable, Identifiable {
    /// A rule's stable identifier: `MIME-...` for RFC 5322 and MIME rules, `COI-...` for the COI
    /// specifications. Identifiers never change meaning once released.
    public struct ID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The identifier's spelling, such as `"MIME-DATE-MISSING"`.
        public var rawValue: String

        /// Creates an identifier from its spelling.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Creates an identifier from its spelling.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Which messages a rule applies to; see ``LintConfiguration/Profile``.
    public struct Family: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// `"rfc"` or `"coi"`.
        public var rawValue: String

        /// Creates a family from its spelling.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// RFC 5322 and MIME rules: they apply to every message.
        public static let rfc = Family(rawValue: "rfc")
        /// COI client specification rules: they apply to chat messages.
        public static let coi = Family(rawValue: "coi")

        public var description: String { rawValue }
    }

    /// The identifier.
    public var id: ID
    /// The severity of every finding of this rule.
    public var severity: Diagnostic.Severity
    /// Which messages the rule applies to.
    public var family: Family
    /// The document the requirement comes from, such as `"RFC 5322"` or `"COI client spec"`.
    public var document: String
    /// The section of ``document``, such as `"3.6"` or `"COI-specific Message Header Fields"`.
    public var section: String
    /// Where the document can be read.
    public var documentURL: String
    /// One line saying what the rule checks.
    public var summary: String
    /// The full explanation printed by `coi-lint explain`.
    public var explanation: String
    /// A message (LF line endings) that breaks the rule.
    public var failingExample: [UInt8]
    /// A message (LF line endings) that keeps the rule.
    public var passingExample: [UInt8]

    /// How an example's text is turned into bytes.
    public enum ExampleEncoding: Sendable, Hashable {
        /// UTF-8, as almost every example is written.
        case utf8
        /// One byte per character (ISO-8859-1), for examples that show legacy 8-bit bytes.
        case latin1

        func bytes(_ text: String) -> [UInt8] {
            switch self {
            case .utf8: Array(text.utf8)
            case .latin1: text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
            }
        }
    }

    /// Creates a rule.
    public init(
        _ id: String, _ severity: Diagnostic.Severity, _ family: Family,
        document: String, section: String, url: String, summary: String, explanation: String,
        failing: String, passing: String, failingEncoding: ExampleEncoding = .utf8
    ) {
        self.id = ID(id)
        self.severity = severity
        self.family = family
        self.document = document
        self.section = section
        self.documentURL = url
        self.summary = summary
        self.explanation = explanation
        self.failingExample = failingEncoding.bytes(failing)
        self.passingExample = Array(passing.utf8)
    }

    /// `"RFC 5322 section 3.6"`: the document and section together, as the outputs print them.
    public var reference: String { "\(document) section \(section)" }
}
