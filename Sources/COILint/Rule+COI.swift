extension Rule {
    /// Every COI rule.
    public static let coiRules: [Rule] = []
}
