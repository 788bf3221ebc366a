import ArgumentParser
import COILint
import MIMECore

/// `coi-lint check PATH...`: checks messages and mailboxes against the rules.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check messages and mailboxes against RFC 5322, MIME and the COI client specification.",
        discussion: """
            PATH may be a message file, an mbox mailbox, a folder (searched recursively for .eml \
            and .mbox files and for files that start with an mbox 'From ' line) or - for \
            standard input. Exit status: 0 when nothing is at or above the --fail-on level, 1 \
            when something is, 2 on a usage error or when a file could not be read (the other \
            files are still checked).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    enum Level: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info

        var severity: Diagnostic.Severity {
            switch self {
            case .error: .error
            case .warning: .warning
            case .info: .info
            }
        }
    }

    @Argument(help: "Message files, mailboxes, folders, or - for standard input.")
    var paths: [String]

    @Option(help: "Output format: text, json or sarif.")
    var format: Format = .text

    @Option(help: "The lowest severity that makes the exit status 1: error, warning or info.")
    var failOn: Level = .error

    @Option(help: "Apply this rule to every message whatever the profile (repeatable).")
    var enable: [String] = []

    @Option(help: "Do not apply this rule (repeatable).")
    var disable: [String] = []

    @Option(help: "auto: COI rules for chat messages only; coi: for every message; rfc: no COI rules.")
    var profile: String = "auto"

    @Flag(help: "Read every file as an mbox mailbox.")
    var mbox = false

    @Flag(help: "Report only findings at or above the --fail-on level, and no summary line.")
    var quiet = false

    @Option(help: ArgumentHelp("Messages larger than this many bytes are streamed (RFC rules only).", visibility: .hidden))
    var streamThreshold: Int = CheckRunner.defaultStreamThreshold

    func validate() throws {
        for id in enable + disable where Rule.named(id) == nil {
            throw ValidationError("unknown rule '\(id)'; 'coi-lint rules' lists them")
        }
        guard LintConfiguration.Profile.allCases.contains(where: { $0.rawValue == profile }) else {
            throw ValidationError("unknown profile '\(profile)'; use auto, coi or rfc")
        }
        guard streamThreshold > 0 else { throw ValidationError("--stream-threshold must be positive") }
    }

    func run() throws {
        let configuration = LintConfiguration(
            profile: LintConfiguration.Profile(rawValue: profile),
            enabled: Set(enable.compactMap { Rule.named($0)?.id }),
            disabled: Set(disable.compactMap { Rule.named($0)?.id }))
        var runner = CheckRunner(linter: Linter(configuration: configuration), forcesMbox: mbox,
                                 streamThreshold: streamThreshold)
        for path in paths { runner.check(path: path) }
        var report = runner.report
        if quiet { report.entries.removeAll { $0.severity < failOn.severity } }
        switch format {
        case .text:
            if quiet {
                var findingsOnly = report.text(colors: Terminal.standardOutputHasColors)
                findingsOnly = String(findingsOnly.dropLast(report.summary.utf8.count + 1))
                print(findingsOnly, terminator: "")
            } else {
                print(report.text(colors: Terminal.standardOutputHasColors), terminator: "")
            }
        case .json:
            print(report.jsonText, terminator: "")
        case .sarif:
            print(JSONWriter().string(for: report.sarif(toolVersion: COILintVersion.current)), terminator: "")
        }
        if !report.failures.isEmpty { throw ExitCode(COILintCommand.failureStatus) }
        if report.hasFindings(atOrAbove: failOn.severity) { throw ExitCode(1) }
    }
}
