/// One problem the parser recovered from, as `inspect` shows it.
public struct DiagnosticReport: Sendable, Equatable {
    /// The stable code, such as `"base64-invalid-byte"`.
    public var code: String
    /// `"error"`, `"warning"` or `"info"`.
    public var severity: String
    /// The byte offset where the problem starts.
    public var offset: Int
    /// A one-line explanation.
    public var message: String

    /// Creates a diagnostic report.
    public init(code: String, severity: String, offset: Int, message: String) {
        self.code = code
        self.severity = severity
        self.offset = offset
        self.message = message
    }
}
