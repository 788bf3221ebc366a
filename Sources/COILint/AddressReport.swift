/// One mailbox of an address list (RFC 5322 section 3.4).
public struct AddressReport: Sendable, Equatable {
    /// The decoded display name, if there is one.
    public var name: String?
    /// The `addr-spec`, `local-part@domain`.
    public var address: String

    /// Creates an address report.
    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}
