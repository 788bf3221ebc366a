/// A JSON value (RFC 8259) whose objects keep their members in the order they were built.
///
/// The `inspect --json` output is compared byte for byte by other tools and by the fixture tests,
/// so key order is part of the format; a dictionary-backed model could not promise that.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer number.
    case int(Int)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; members are written in this order, and names should be unique.
    case object([Member])

    /// One `name: value` pair of an object.
    public struct Member: Sendable, Equatable {
        /// The member name.
        public var name: String
        /// The member value.
        public var value: JSONValue

        /// Creates a member.
        public init(_ name: String, _ value: JSONValue) {
            self.name = name
            self.value = value
        }
    }

    /// A string, or `null` when `value` is `nil`.
    public static func string(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// The member names of an object in order, or `nil` for other values.
    public var memberNames: [String]? {
        guard case .object(let members) = self else { return nil }
        return members.map(\.name)
    }

    /// The value of the first member called `name`, if this is an object that has one.
    public subscript(name: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.name == name }?.value
    }
}
