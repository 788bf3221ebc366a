import ArgumentParser
import COILint

/// `coi-lint inspect FILE [--json]`: prints what the parser sees in one message.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print the header fields, part tree and diagnostics the parser finds in a message.",
        discussion: """
            With --json the output is one JSON object whose shape and key order are stable, for \
            other tools to read. Exit status: 0 on success, 2 on a usage or I/O error.
            """
    )

    @Argument(help: "The message file (.eml) to read.")
    var file: String

    @Flag(help: "Print JSON instead of the indented tree.")
    var json = false

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try MessageFile.read(path: file)
        } catch {
            StandardError.write("coi-lint: \(error)\n")
            throw ExitCode(COILintCommand.failureStatus)
        }
        let report = MessageReport.inspect(bytes)
        print(json ? report.jsonText : report.text, terminator: "")
    }
}
