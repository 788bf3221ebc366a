extension Rule {
    /// Every rule, in the order `coi-lint rules` lists them: RFC rules, then COI rules.
    public static let all: [Rule] = mimeRules + coiRules

    /// The rules by identifier.
    public static let registry: [ID: Rule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The rule with identifier `id` (compared case-insensitively), if there is one.
    public static func named(_ id: String) -> Rule? {
        registry[ID(id.uppercased())]
    }
}
