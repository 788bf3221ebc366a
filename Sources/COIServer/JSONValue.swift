/// A JSON value (RFC 8259) read from untrusted client input.
///
/// Internal on purpose: the module's public types are the typed values built from it, so the
/// representation can change without touching users. Objects keep their members in order, which
/// lets the parser refuse duplicate names (RFC 8259 section 4 leaves their meaning open, and a
/// client that sends two `endpoint` members is either broken or probing).
enum JSONValue: Sendable, Equatable {
    case object([(name: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    /// The number's text as it appeared, validated against the RFC 8259 `number` rule.
    case number(String)
    case bool(Bool)
    case null

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.object(a), .object(b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && $0.value == $1.value }
        case let (.array(a), .array(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    /// The member called `name` of an object, or `nil`.
    subscript(member name: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.name == name }?.value
    }

    /// A short name of the value's kind, for refusal messages.
    var kindName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}
