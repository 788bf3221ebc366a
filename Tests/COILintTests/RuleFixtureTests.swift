import COILint
import Testing

/// Every rule is triggered by its failing fixtures and by nothing in its passing ones.
@Suite struct RuleFixtureTests {
    @Test(arguments: LintFixtures.cases)
    func fixtureHasExpectedFindings(_ fixture: LintFixtures.Case) throws {
        let findings = Linter().lint(try LintFixtures.bytes(fixture.rule, fixture.file))
        if fixture.isFailing {
            #expect(findings.contains { $0.rule.rawValue == fixture.rule }, "\(fixture): \(findings)")
        } else {
            #expect(findings.isEmpty, "\(fixture): \(findings)")
        }
    }

    @Test(arguments: Rule.all.map(\.id.rawValue))
    func everyRuleHasAFailingAndAPassingFixture(_ id: String) {
        let files = LintFixtures.files(of: id)
        #expect(files.contains { $0.hasPrefix("fail-") }, "\(id) has no fail-*.eml")
        #expect(files.contains { $0.hasPrefix("pass-") }, "\(id) has no pass-*.eml")
    }

    /// The examples `coi-lint explain` prints are the committed fixtures (written by
    /// `coi-lint rules --write-examples Fixtures/lint`), so neither can drift from the other.
    @Test(arguments: Rule.all.map(\.id.rawValue))
    func explainExamplesAreTheFixtures(_ id: String) throws {
        let rule = try #require(Rule.named(id))
        #expect(try LintFixtures.bytes(rule.id.rawValue, "fail-example.eml") == rule.failingExample)
        #expect(try LintFixtures.bytes(rule.id.rawValue, "pass-example.eml") == rule.passingExample)
    }

    @Test func everyFixtureFolderIsARule() {
        for folder in LintFixtures.rules {
            #expect(Rule.named(folder) != nil, "Fixtures/lint/\(folder) names no rule")
        }
    }
}
