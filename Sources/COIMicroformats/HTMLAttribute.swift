/// One attribute of an ``HTMLElement``: the name in lowercase, the value with character
/// references resolved.
public struct HTMLAttribute: Sendable, Hashable {
    /// The attribute name, lowercased.
    public var name: String
    /// The attribute value.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
