import ArgumentParser

/// The `coi-lint` root command; without a subcommand it prints its help.
struct COILintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coi-lint",
        abstract: "Inspect and check Internet messages (RFC 5322, MIME) and COI chat messages.",
        subcommands: [CheckCommand.self, RulesCommand.self, ExplainCommand.self, InspectCommand.self]
    )

    /// The status for usage and I/O errors: the tool promises 2 for both, where ArgumentParser
    /// would use 64 (`EX_USAGE`) for the former.
    static let failureStatus: Int32 = 2
}
