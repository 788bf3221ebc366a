import ArgumentParser
import COILint

/// `coi-lint rules`: lists every rule.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: ID, severity, the document and section it comes from, and what it checks."
    )

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: "Print the Markdown table the README shows.")
    var markdown = false

    @Option(help: ArgumentHelp("Write each rule's examples as DIR/RULE-ID/fail-example.eml and pass-example.eml.",
                               visibility: .hidden))
    var writeExamples: String? = nil

    func run() throws {
        if let folder = writeExamples {
            try ExampleWriter.write(to: folder)
            return
        }
        if markdown {
            print(RuleCatalog.markdownTable, terminator: "")
        } else {
            print(json ? JSONWriter().string(for: RuleCatalog.json) : RuleCatalog.text, terminator: "")
        }
    }
}

/// `coi-lint explain ID`: the full explanation of one rule.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule, with a message that breaks it and one that keeps it."
    )

    @Argument(help: "The rule's ID, such as MIME-DATE-MISSING.")
    var id: String

    func validate() throws {
        if Rule.named(id) == nil { throw ValidationError("unknown rule '\(id)'; 'coi-lint rules' lists them") }
    }

    func run() {
        if let rule = Rule.named(id) { print(RuleCatalog.explanation(of: rule), terminator: "") }
    }
}
