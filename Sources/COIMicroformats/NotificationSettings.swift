/// The `p-notification` value of contacts and groups (COI client spec, "Contact Storage
/// Message Body"): `;`-separated `key=value` pairs, lists separated by `,`, such as
/// `enabled=true;types=sound,banner;sounds=friend;filters=message,mention`.
public struct NotificationSettings: Sendable, Hashable {
    /// `enabled`: on unless set to `false` or `no`.
    public var isEnabled: Bool
    /// `types`: client-specific kinds such as `sound` or `banner`.
    public var types: [String]
    /// `sounds`: client-specific sound names.
    public var sounds: [String]
    /// `filters`: when to notify, such as ``Filter/message`` or ``Filter/mention``.
    public var filters: [Filter]
    /// Pairs with other keys, kept in order so that a rewrite preserves them.
    public var otherSettings: [Setting]

    /// A `filters` value; an open set.
    public struct Filter: RawRepresentable, Sendable, Hashable {
        /// The spelling.
        public var rawValue: String
        /// Creates a filter.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Any user-generated message.
        public static let message = Filter(rawValue: "message")
        /// Messages that mention the user.
        public static let mention = Filter(rawValue: "mention")
    }

    /// A `key=value` pair with an unknown key.
    public struct Setting: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value as written.
        public var value: String
        /// Creates a pair.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Creates settings.
    public init(isEnabled: Bool = true, types: [String] = [], sounds: [String] = [], filters: [Filter] = [],
                otherSettings: [Setting] = []) {
        self.isEnabled = isEnabled
        self.types = types
        self.sounds = sounds
        self.filters = filters
        self.otherSettings = otherSettings
    }

    /// Reads a `p-notification` value; whitespace around pairs, keys and values is ignored (the
    /// spec's example folds the value over two lines) and empty list entries are dropped.
    public init(parsing text: String) {
        self.init()
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = MicroformatParser.trimmed(String(parts[0])).lowercased()
            let value = parts.count > 1 ? MicroformatParser.trimmed(String(parts[1])) : ""
            guard !key.isEmpty else { continue }
            switch key {
            case "enabled": isEnabled = !["false", "no"].contains(value.lowercased())
            case "types": types = Self.list(value)
            case "sounds": sounds = Self.list(value)
            case "filters": filters = Self.list(value).map(Filter.init(rawValue:))
            default: otherSettings.append(Setting(key: key, value: value))
            }
        }
    }

    /// The `p-notification` text, `enabled` always spelled out.
    public var rendered: String {
        var pairs = ["enabled=\(isEnabled)"]
        if !types.isEmpty { pairs.append("types=" + types.joined(separator: ",")) }
        if !sounds.isEmpty { pairs.append("sounds=" + sounds.joined(separator: ",")) }
        if !filters.isEmpty { pairs.append("filters=" + filters.map(\.rawValue).joined(separator: ",")) }
        pairs += otherSettings.map { "\($0.key)=\($0.value)" }
        return pairs.joined(separator: ";")
    }

    static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { MicroformatParser.trimmed(String($0)) }.filter { !$0.isEmpty }
    }
}
