/// A microformats2 item in generic form: its `h-*` types, its properties in source order, and
/// the items nested in it without a property name.
///
/// The typed values (``HCard``, ``HGroup``, ``HGeo``, ``Poll`` ...) are read from these; the
/// generic form is public so that tools can see properties no typed value knows.
/// See <https://microformats.org/wiki/microformats2-parsing>.
public struct MicroformatItem: Sendable, Hashable {
    /// The root class names, such as `["h-card"]`.
    public var types: [String]
    /// The properties in document order; a name repeats for repeated properties.
    public var properties: [MicroformatProperty]
    /// Items nested without a property class (such as the `h-card`s of a group's participants).
    public var children: [MicroformatItem]

    /// Creates an item.
    public init(types: [String], properties: [MicroformatProperty] = [], children: [MicroformatItem] = []) {
        self.types = types
        self.properties = properties
        self.children = children
    }

    /// The string values of the property `name` (given without prefix, such as `"email"`).
    public func values(_ name: String) -> [String] {
        properties.compactMap { $0.name == name ? $0.value.text : nil }
    }

    /// The first string value of the property `name`.
    public func value(_ name: String) -> String? {
        properties.first { $0.name == name }?.value.text
    }
}

/// One property of a ``MicroformatItem``.
public struct MicroformatProperty: Sendable, Hashable {
    /// The class prefix that marks how the value is read.
    public struct Prefix: RawRepresentable, Sendable, Hashable {
        /// The spelling without the dash: `"p"`, `"u"`, `"dt"`, `"e"`.
        public var rawValue: String
        /// Creates a prefix.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Plain text (`p-name`).
        public static let text = Prefix(rawValue: "p")
        /// A URL (`u-photo`).
        public static let url = Prefix(rawValue: "u")
        /// A date or time (`dt-bday`).
        public static let dateTime = Prefix(rawValue: "dt")
        /// Embedded markup (`e-participants`); kept as its text.
        public static let embedded = Prefix(rawValue: "e")
        /// COI's vendor-prefixed properties (`x-coi-status`), read as text.
        public static let coiExtension = Prefix(rawValue: "x-coi")
    }

    /// A property value: text, or an item when the property element is itself an item.
    public enum Value: Sendable, Hashable {
        /// A string value.
        case text(String)
        /// A nested item, such as an `h-card` with a property class.
        indirect case item(MicroformatItem)

        /// The string value, or nil for an item.
        public var text: String? {
            if case .text(let text) = self { return text }
            return nil
        }
    }

    /// How the value was read.
    public var prefix: Prefix
    /// The property name without prefix, such as `"email"`.
    public var name: String
    /// The value.
    public var value: Value

    /// Creates a property.
    public init(prefix: Prefix, name: String, value: Value) {
        self.prefix = prefix
        self.name = name
        self.value = value
    }

    /// The class name that carries the property, such as `"u-email"`.
    public var className: String { "\(prefix.rawValue)-\(name)" }

    /// Splits a class name into a property prefix and name, or nil for a class that is no property.
    static func parse(className: String) -> (Prefix, String)? {
        for prefix in [Prefix.coiExtension, .text, .url, .dateTime, .embedded] {
            let lead = prefix.rawValue + "-"
            if className.hasPrefix(lead), className.utf8.count > lead.utf8.count {
                return (prefix, String(className.dropFirst(lead.count)))
            }
        }
        return nil
    }
}
