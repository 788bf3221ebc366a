import COILint
import Testing

/// Runs the built `coi-lint` executable and compares its standard output, standard error and exit
/// status with what the library and the expected files say.
@Suite struct EndToEndTests {
    static func run(_ arguments: [String]) throws -> ExecutableRunner.Run {
        try ExecutableRunner.run(arguments)
    }

    @Test(arguments: ["plain-ascii.eml", "mixed-attachments.eml", "nested-forward-rfc822.eml",
                      "legacy-iso-8859-1.eml", "no-headers-binary.eml", "deep-nesting.eml"])
    func jsonOutputMatchesExpectedFile(_ name: String) throws {
        let run = try Self.run(["inspect", Fixtures.url(name).path, "--json"])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        let difference = Fixtures.firstDifference(run.standardOutput, try Fixtures.expectedJSON(for: name))
        #expect(difference == nil, "\(name): \(difference ?? "")")
    }

    @Test(arguments: ["plain-ascii.eml", "closing-boundary-of-parent.eml", "message-global.eml"])
    func textOutputIsTheLibraryRendering(_ name: String) throws {
        let run = try Self.run(["inspect", Fixtures.url(name).path])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        let report = MessageReport.inspect(try Fixtures.messageBytes(name))
        #expect(run.standardOutput == report.text)
        #expect(run.standardOutput.hasPrefix("message, \(report.byteCount) bytes\n"))
        for diagnostic in report.diagnostics {
            #expect(run.standardOutput.contains("\(diagnostic.offset): \(diagnostic.severity) [\(diagnostic.code)] "))
        }
    }

    @Test func optionMayComeBeforeTheFile() throws {
        let run = try Self.run(["inspect", "--json", Fixtures.url("empty-body.eml").path])
        #expect(run.status == 0)
        #expect(run.standardOutput == (try Fixtures.expectedJSON(for: "empty-body.eml")))
    }

    @Test func missingFileIsAnIOError() throws {
        let path = Fixtures.url("does-not-exist.eml").path
        let run = try Self.run(["inspect", path, "--json"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains(path))
        #expect(run.standardError.contains("No such file or directory"))
    }

    @Test func directoryIsAnIOError() throws {
        let run = try Self.run(["inspect", Fixtures.directory.path])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("cannot read"))
    }

    @Test func missingArgumentIsAUsageError() throws {
        let run = try Self.run(["inspect"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("Missing expected argument"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let run = try Self.run(["inspect", "--yaml", Fixtures.url("plain-ascii.eml").path])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("--yaml"))
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let run = try Self.run(["frobnicate"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(!run.standardError.isEmpty)
    }

    @Test func noArgumentsPrintsHelp() throws {
        let run = try Self.run([])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("USAGE: coi-lint"))
        #expect(run.standardOutput.contains("inspect"))
    }

    @Test func inspectHelpDocumentsTheOptions() throws {
        let run = try Self.run(["inspect", "--help"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("--json"))
        #expect(run.standardOutput.contains("<file>"))
    }
}
