import COILint
import Foundation
import Testing

/// `coi-lint check --format sarif` output is valid against the official SARIF 2.1.0 schema
/// (`Fixtures/sarif/sarif-schema-2.1.0.json`).
@Suite struct SARIFSchemaTests {
    static func validator() throws -> JSONSchemaValidator {
        let url = Fixtures.packageRoot.appendingPathComponent("Fixtures/sarif/sarif-schema-2.1.0.json")
        return JSONSchemaValidator(root: try SchemaJSON.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self)))
    }

    @Test func checkOutputIsValidSARIF() throws {
        let fixtures = Fixtures.packageRoot.appendingPathComponent("Fixtures").path
        let run = try ExecutableRunner.run(["check", "--format", "sarif", "coi-spec", "mbox/three-messages.mbox",
                                            "messages/no-such-file.eml"], in: fixtures)
        #expect(run.status == 2)
        let document = try SchemaJSON.parse(run.standardOutput)
        let errors = try Self.validator().errors(document)
        #expect(errors.isEmpty, "\(errors.prefix(10))")
        #expect(document["runs"].map { if case .array(let runs) = $0 { runs.count } else { 0 } } == 1)
    }

    @Test func everyRuleIsInTheDriver() throws {
        let document = try SchemaJSON.parse(JSONWriter().string(for: LintReport().sarif(toolVersion: COILintVersion.current)))
        #expect(try Self.validator().errors(document).isEmpty)
        guard case .array(let runs)? = document["runs"], case .array(let rules)? = runs.first?["tool"]?["driver"]?["rules"] else {
            Issue.record("no tool.driver.rules")
            return
        }
        #expect(rules.compactMap { if case .string(let id)? = $0["id"] { id } else { nil } } == Rule.all.map(\.id.rawValue))
    }

    /// The validator rejects what the schema forbids, so that a passing validation means something.
    @Test func validatorRejectsInvalidLogs() throws {
        let validator = try Self.validator()
        let wrongVersion = try SchemaJSON.parse(#"{"version": "2.0.0", "runs": []}"#)
        let unknownKey = try SchemaJSON.parse(#"{"version": "2.1.0", "runs": [], "extra": 1}"#)
        let badLevel = try SchemaJSON.parse(#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}"#)
        let badRegion = try SchemaJSON.parse(#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a"}, "region": {"startLine": 0}}}]}]}]}"#)
        let noDriverName = try SchemaJSON.parse(#"{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}"#)
        for document in [wrongVersion, unknownKey, badLevel, badRegion, noDriverName] {
            #expect(!validator.errors(document).isEmpty)
        }
        #expect(validator.errors(try SchemaJSON.parse(#"{"version": "2.1.0", "runs": []}"#)).isEmpty)
    }
}
