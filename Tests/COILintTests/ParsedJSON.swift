import FoundationEssentials

/// JSON as an independent parser reads it: Foundation's `JSONDecoder`, which shares no code with
/// the writer under test.
///
/// `Foundation` proper (`JSONSerialization`) cannot be imported here: it brings Foundation's
/// private ICU headers, which clash with the system ICU that `MIMECharset` imports, in any module
/// that sees both. `FoundationEssentials` has the same JSON parser without ICU.
enum ParsedJSON: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([ParsedJSON])
    /// Member order is not kept, as with any dictionary-based parser.
    case object([String: ParsedJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let elements = try? container.decode([ParsedJSON].self) {
            self = .array(elements)
        } else {
            self = .object(try container.decode([String: ParsedJSON].self))
        }
    }

    /// Parses JSON text; throws when it is not valid JSON.
    static func parse(_ text: String) throws -> ParsedJSON {
        try JSONDecoder().decode(ParsedJSON.self, from: Data(text.utf8))
    }

    var object: [String: ParsedJSON]? {
        if case .object(let members) = self { return members }
        return nil
    }

    var array: [ParsedJSON]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var isInteger: Bool {
        if case .integer = self { return true }
        return false
    }

    var isStringOrNull: Bool { self == .null || string != nil }
}
