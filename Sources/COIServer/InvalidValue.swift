/// Why a value is refused: a sentence, and the byte offset where the problem starts when the
/// value is text. Shared by the module's validators so callers handle one shape.
public struct InvalidValue: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset in the refused text, or `nil` when the value is not text or the problem is
    /// the value as a whole.
    public var offset: Int?
    /// The reason.
    public var description: String

    /// Creates a refusal.
    public init(offset: Int? = nil, description: String) {
        self.offset = offset
        self.description = description
    }
}
