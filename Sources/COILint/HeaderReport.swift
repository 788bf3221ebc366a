/// One header field as the parser read it.
public struct HeaderReport: Sendable, Equatable {
    /// The field name as written, case preserved.
    public var name: String
    /// The value, unfolded and with encoded words decoded.
    public var value: String
    /// The byte offset of the first byte of the field name.
    public var offset: Int

    /// Creates a header report.
    public init(name: String, value: String, offset: Int) {
        self.name = name
        self.value = value
        self.offset = offset
    }
}
