/// What `coi-lint check` applies to each message: which rules, and to which messages.
public struct LintConfiguration: Sendable, Hashable {
    /// Which rule families apply to a message.
    public struct Profile: RawRepresentable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// `"auto"`, `"coi"` or `"rfc"`.
        public var rawValue: String

        /// Creates a profile from its spelling; any spelling other than the known ones is kept
        /// but behaves like ``auto``.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// RFC rules for every message, COI rules for messages detected as COI chat messages.
        public static let auto = Profile(rawValue: "auto")
        /// RFC and COI rules for every message, chat or not.
        public static let coi = Profile(rawValue: "coi")
        /// RFC rules only.
        public static let rfc = Profile(rawValue: "rfc")

        public static let allCases: [Profile] = [.auto, .coi, .rfc]

        public var description: String { rawValue }
    }

    /// Which families apply.
    public var profile: Profile
    /// Rules applied to every message whatever the profile says.
    public var enabled: Set<Rule.ID>
    /// Rules never applied; wins over ``enabled``.
    public var disabled: Set<Rule.ID>

    /// Creates a configuration; the default checks every rule the profile selects.
    public init(profile: Profile = .auto, enabled: Set<Rule.ID> = [], disabled: Set<Rule.ID> = []) {
        self.profile = profile
        self.enabled = enabled
        self.disabled = disabled
    }

    /// Whether findings of `rule` are kept for a message that is (or is not) a chat message.
    public func applies(_ rule: Rule.ID, isChat: Bool) -> Bool {
        if disabled.contains(rule) { return false }
        if enabled.contains(rule) { return true }
        guard let family = Rule.registry[rule]?.family else { return false }
        if family == .coi {
            switch profile {
            case .rfc: return false
            case .coi: return true
            default: return isChat
            }
        }
        return true
    }
}
