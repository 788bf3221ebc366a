import COILint
import Foundation
import Testing

/// Runs `coi-lint check`, `rules` and `explain` as built and compares their output and exit
/// status with committed snapshots (`Snapshots/`). Set `COI_LINT_RECORD_SNAPSHOTS=1` to rewrite
/// the snapshots after an intended change, and review the diff.
@Suite struct CheckCommandTests {
    static let fixtures = Fixtures.packageRoot.appendingPathComponent("Fixtures").path
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// The files of the snapshot runs, relative to `Fixtures/`: RFC findings, COI findings, a
    /// clean message and a mailbox.
    static let inputs = [
        "messages/wrong-weekday.eml", "messages/semicolon-address-separator.eml", "messages/bad-base64.eml",
        "lint/COI-DNT-NOT-FROM/fail-example.eml", "lint/MIME-BARE-CR/fail-example.eml",
        "lint/MIME-LINE-TOO-LONG/fail-example.eml", "messages/plain-ascii.eml", "mbox/three-messages.mbox",
    ]

    static func compare(_ output: String, snapshot name: String) throws {
        let url = snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["COI_LINT_RECORD_SNAPSHOTS"] == "1" {
            try Data(output.utf8).write(to: url)
        }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let difference = Fixtures.firstDifference(output, expected)
        #expect(difference == nil, "\(name): \(difference ?? "")")
    }

    @Test(arguments: ["text", "json", "sarif"])
    func outputMatchesSnapshot(_ format: String) throws {
        let run = try ExecutableRunner.run(["check", "--format", format] + Self.inputs, in: Self.fixtures)
        #expect(run.status == 1)
        #expect(run.standardError.isEmpty)
        try Self.compare(run.standardOutput, snapshot: "check.\(format == "text" ? "txt" : format)")
    }

    @Test func cleanMessageExitsZero() throws {
        let run = try ExecutableRunner.run(["check", "messages/plain-ascii.eml"], in: Self.fixtures)
        #expect(run.status == 0)
        #expect(run.standardOutput == "0 errors, 0 warnings and 0 infos in 1 file (1 message)\n")
    }

    @Test func unreadableFileIsReportedAndTheOthersAreChecked() throws {
        let run = try ExecutableRunner.run(["check", "messages/no-such-file.eml", "messages/wrong-weekday.eml"],
                                           in: Self.fixtures)
        #expect(run.status == 2)
        #expect(run.standardOutput.hasPrefix("messages/no-such-file.eml: error: No such file or directory\n"))
        #expect(run.standardOutput.contains("[MIME-DATE-WEEKDAY]"))
        #expect(run.standardOutput.hasSuffix("in 1 file (1 message); 1 file could not be read\n"))
    }

    @Test func failOnLevelDecidesTheExitStatus() throws {
        // unknown-charset.eml has a warning and no error.
        let lenient = try ExecutableRunner.run(["check", "messages/unknown-charset.eml"], in: Self.fixtures)
        let strict = try ExecutableRunner.run(["check", "--fail-on", "warning", "messages/unknown-charset.eml"], in: Self.fixtures)
        #expect(lenient.status == 0)
        #expect(strict.status == 1)
    }

    @Test func quietPrintsOnlyFindingsAtTheFailLevel() throws {
        let run = try ExecutableRunner.run(["check", "--quiet", "messages/two-digit-year.eml", "messages/wrong-weekday.eml"],
                                           in: Self.fixtures)
        #expect(run.status == 1)
        #expect(!run.standardOutput.contains("info:"))
        #expect(run.standardOutput.contains("error:"))
        #expect(!run.standardOutput.contains(" in 2 files "))
    }

    @Test func disabledRuleIsNotReported() throws {
        let run = try ExecutableRunner.run(["check", "--disable", "MIME-DATE-WEEKDAY", "messages/wrong-weekday.eml"],
                                           in: Self.fixtures)
        #expect(run.status == 0)
        #expect(!run.standardOutput.contains("MIME-DATE-WEEKDAY"))
    }

    @Test func unknownRuleIsAUsageError() throws {
        let run = try ExecutableRunner.run(["check", "--enable", "MIME-NOPE", "messages/plain-ascii.eml"], in: Self.fixtures)
        #expect(run.status == 2)
        #expect(run.standardError.contains("unknown rule 'MIME-NOPE'"))
    }

    @Test func standardInputIsCheckedAsDash() throws {
        let run = try ExecutableRunner.run(["check", "-"], in: Self.fixtures,
                                           input: Self.fixtures + "/messages/wrong-weekday.eml")
        #expect(run.status == 1)
        #expect(run.standardOutput.hasPrefix("-:4:7: error: "))
    }

    @Test func mailboxMessagesCarryTheirIndex() throws {
        let run = try ExecutableRunner.run(["check", "--format", "json", "mbox/three-messages.mbox"], in: Self.fixtures)
        #expect(run.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        #expect(findings.compactMap { $0["messageIndex"] as? Int } == [1, 2, 2])
        #expect(findings.compactMap { $0["line"] as? Int } == [15, 21, 22])
    }

    /// A message over the streaming threshold is checked in chunks; the RFC findings are the same
    /// (this fixture has no charset findings, which need the whole message).
    @Test func streamedMessageHasTheSameFindings() throws {
        let arguments = ["check", "--format", "json", "--profile", "rfc", "messages/bad-base64.eml"]
        let whole = try ExecutableRunner.run(arguments, in: Self.fixtures)
        let streamed = try ExecutableRunner.run(arguments + ["--stream-threshold", "1"], in: Self.fixtures)
        #expect(whole.status == 1)
        #expect(streamed.status == whole.status)
        #expect(streamed.standardOutput == whole.standardOutput)
    }

    @Test func folderIsSearchedRecursively() throws {
        let run = try ExecutableRunner.run(["check", "--format", "json", "lint/MIME-BASE64"], in: Self.fixtures)
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("\"files\": 2,"))
    }

    @Test func rulesListsEveryRule() throws {
        let run = try ExecutableRunner.run(["rules"])
        #expect(run.status == 0)
        #expect(run.standardOutput == RuleCatalog.text)
        #expect(run.standardOutput.split(separator: "\n").count == Rule.all.count)
    }

    @Test func explainPrintsTheRuleWithExamples() throws {
        let run = try ExecutableRunner.run(["explain", "coi-dnt-not-from"])
        #expect(run.status == 0)
        try Self.compare(run.standardOutput, snapshot: "explain-COI-DNT-NOT-FROM.txt")
        let unknown = try ExecutableRunner.run(["explain", "MIME-NOPE"])
        #expect(unknown.status == 2)
    }
}
