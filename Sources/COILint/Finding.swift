public import MIMECore

/// One violation of a ``Rule`` in one message.
public struct Finding: Sendable, Hashable {
    /// The rule that was broken.
    public var rule: Rule.ID
    /// The rule's severity.
    public var severity: Diagnostic.Severity
    /// The offending bytes, as offsets into the message that was checked.
    public var range: Range<Int>
    /// A one-line explanation of this occurrence.
    public var message: String

    /// Creates a finding.
    public init(_ rule: Rule, at range: Range<Int>, _ message: String) {
        self.rule = rule.id
        self.severity = rule.severity
        self.range = range
        self.message = message
    }

    /// Creates a finding that points at one byte offset.
    public init(_ rule: Rule, at offset: Int, _ message: String) {
        self.init(rule, at: offset..<offset, message)
    }

    /// The byte offset where the problem starts.
    public var offset: Int { range.lowerBound }
}
