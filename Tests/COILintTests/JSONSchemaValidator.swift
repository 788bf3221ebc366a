import Foundation

/// A JSON value as the schema validator sees it: booleans, integers and other numbers kept apart,
/// which `JSONSerialization`'s `NSNumber`s do not do reliably on every platform.
indirect enum SchemaJSON: Decodable, Equatable {
    case null, bool(Bool), integer(Int), number(Double), string(String), array([SchemaJSON])
    case object([String: SchemaJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([SchemaJSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: SchemaJSON].self)) }
    }

    static func parse(_ text: String) throws -> SchemaJSON {
        try JSONDecoder().decode(SchemaJSON.self, from: Data(text.utf8))
    }

    subscript(key: String) -> SchemaJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }
}

/// A JSON Schema draft 4 validator for the keywords the SARIF 2.1.0 schema uses: `$ref` (local
/// `#/definitions/...`), `type`, `enum`, `properties`, `additionalProperties`, `required`,
/// `items`, `minItems`, `uniqueItems`, `minimum`, `maximum`, `pattern`, `format` (`uri`,
/// `uri-reference`, `date-time`), `anyOf` and `oneOf`. Annotations (`description`, `default`,
/// `title`, `id`, `$schema`) are ignored. Any other keyword is reported as an error, so that the
/// validator cannot silently pass a schema it does not understand.
struct JSONSchemaValidator {
    let root: SchemaJSON

    static let annotations: Set<String> = ["description", "default", "title", "id", "$schema", "definitions"]
    static let keywords: Set<String> = [
        "$ref", "type", "enum", "properties", "additionalProperties", "required", "items", "minItems",
        "uniqueItems", "minimum", "maximum", "pattern", "format", "anyOf", "oneOf",
    ]

    /// Every violation, as `path: reason`.
    func errors(_ instance: SchemaJSON) -> [String] {
        var errors: [String] = []
        validate(instance, against: root, path: "$", errors: &errors)
        return errors
    }

    private func resolve(_ reference: String) -> SchemaJSON? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: SchemaJSON? = root
        for component in reference.dropFirst(2).split(separator: "/") { node = node?[String(component)] }
        return node
    }

    private func validate(_ instance: SchemaJSON, against schema: SchemaJSON, path: String, errors: inout [String]) {
        guard case .object(let keywords) = schema else {
            errors.append("\(path): schema is not an object")
            return
        }
        for key in keywords.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            errors.append("\(path): unsupported schema keyword \(key)")
        }
        if case .string(let reference)? = keywords["$ref"] {
            guard let target = resolve(reference) else {
                errors.append("\(path): unresolved $ref \(reference)")
                return
            }
            validate(instance, against: target, path: path, errors: &errors)
        }
        if let type = keywords["type"] {
            let names: [String]
            switch type {
            case .string(let name): names = [name]
            case .array(let list): names = list.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: names = []
            }
            if !names.contains(where: { Self.matches(instance, type: $0) }) {
                errors.append("\(path): not of type \(names.joined(separator: "|"))")
                return
            }
        }
        if case .array(let allowed)? = keywords["enum"], !allowed.contains(instance) {
            errors.append("\(path): not one of the enumerated values")
        }
        if case .object(let members) = instance {
            let properties: [String: SchemaJSON]
            if case .object(let declared)? = keywords["properties"] { properties = declared } else { properties = [:] }
            if case .array(let required)? = keywords["required"] {
                for case .string(let name) in required where members[name] == nil {
                    errors.append("\(path): missing required property \(name)")
                }
            }
            for (name, value) in members {
                if let propertySchema = properties[name] {
                    validate(value, against: propertySchema, path: path + "." + name, errors: &errors)
                } else {
                    switch keywords["additionalProperties"] {
                    case .bool(false)?: errors.append("\(path): property \(name) is not allowed")
                    case .object(let additional)?:
                        validate(value, against: .object(additional), path: path + "." + name, errors: &errors)
                    default: break
                    }
                }
            }
        }
        if case .array(let elements) = instance {
            if case .integer(let minimum)? = keywords["minItems"], elements.count < minimum {
                errors.append("\(path): fewer than \(minimum) items")
            }
            if case .bool(true)? = keywords["uniqueItems"] {
                for (index, element) in elements.enumerated() where elements[..<index].contains(element) {
                    errors.append("\(path)[\(index)]: duplicate item")
                }
            }
            if let items = keywords["items"] {
                for (index, element) in elements.enumerated() {
                    validate(element, against: items, path: "\(path)[\(index)]", errors: &errors)
                }
            }
        }
        if let value = instance.number {
            if let minimum = keywords["minimum"]?.number, value < minimum { errors.append("\(path): below \(minimum)") }
            if let maximum = keywords["maximum"]?.number, value > maximum { errors.append("\(path): above \(maximum)") }
        }
        if case .string(let text) = instance {
            if case .string(let pattern)? = keywords["pattern"] {
                let regex = try? NSRegularExpression(pattern: pattern)
                let range = NSRange(text.startIndex..., in: text)
                if regex?.firstMatch(in: text, range: range) == nil {
                    errors.append("\(path): does not match \(pattern)")
                }
            }
            if case .string(let format)? = keywords["format"], !Self.satisfies(text, format: format) {
                errors.append("\(path): not a valid \(format)")
            }
        }
        if case .array(let alternatives)? = keywords["anyOf"] {
            let passing = alternatives.filter { alternative in
                var found: [String] = []
                validate(instance, against: alternative, path: path, errors: &found)
                return found.isEmpty
            }
            if passing.isEmpty { errors.append("\(path): matches none of anyOf") }
        }
        if case .array(let alternatives)? = keywords["oneOf"] {
            let passing = alternatives.filter { alternative in
                var found: [String] = []
                validate(instance, against: alternative, path: path, errors: &found)
                return found.isEmpty
            }
            if passing.count != 1 { errors.append("\(path): matches \(passing.count) of oneOf, not exactly one") }
        }
    }

    static func matches(_ instance: SchemaJSON, type: String) -> Bool {
        switch (type, instance) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
             ("integer", .integer), ("number", .integer), ("number", .number):
            true
        default:
            false
        }
    }

    /// `uri` (RFC 3986 absolute URI: a scheme and no spaces), `uri-reference` (no spaces or
    /// control characters) and `date-time` (RFC 3339).
    static func satisfies(_ text: String, format: String) -> Bool {
        let noSpaces = !text.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
        switch format {
        case "uri":
            guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isLetter else { return false }
            return noSpaces && text[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
        case "uri-reference":
            return noSpaces
        case "date-time":
            return ISO8601DateFormatter().date(from: text) != nil
        default:
            return true
        }
    }
}
