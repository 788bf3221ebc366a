/// A `COI-TokenIn` or `COI-TokenOut` value of a contact storage message.
///
/// The COI client spec says the token structure is "defined in the COI server specification",
/// which does not define it. Clients must keep tokens unchanged, so this type keeps the text as
/// sent and only reads what the merge rules need, from `;`-separated `name=value` attributes
/// when present: `hash` (the unique "hash" the rules group `COI-TokenOut` by), `created` and
/// `expires` (seconds since 1970). Tokens without them are opaque and always kept.
public struct ContactToken: Sendable, Hashable, CustomStringConvertible {
    /// The value as sent.
    public var text: String
    /// The `hash` attribute, if any.
    public var hash: String?
    /// The `created` attribute (seconds since 1970), if any.
    public var created: Int64?
    /// The `expires` attribute (seconds since 1970), if any.
    public var expires: Int64?

    /// Reads a token value.
    public init(_ text: String) {
        self.text = text.trimmingSpaces()
        for item in self.text.split(separator: ";") {
            guard let equals = item.firstIndex(of: "=") else { continue }
            let name = item[..<equals].trimmingSpaces().lowercased()
            let value = item[item.index(after: equals)...].trimmingSpaces()
            switch name {
            case "hash": hash = value
            case "created", "create": created = Int64(value)
            case "expires", "expire": expires = Int64(value)
            default: break
            }
        }
    }

    /// Whether the token has expired at `now` (seconds since 1970); tokens without an expiry
    /// never do.
    public func isExpired(at now: Int64) -> Bool {
        guard let expires else { return false }
        return expires <= now
    }

    /// The value as sent.
    public var description: String { text }
}
