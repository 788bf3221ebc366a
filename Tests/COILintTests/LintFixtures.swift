import Foundation

/// The rule fixtures in `Fixtures/lint/RULE-ID/`: `fail-*.eml` files break the rule, `pass-*.eml`
/// files break no rule at all.
enum LintFixtures {
    struct Case: CustomStringConvertible, Sendable {
        var rule: String
        var file: String
        var isFailing: Bool { file.hasPrefix("fail-") }
        var description: String { "\(rule)/\(file)" }
    }

    static let directory = Fixtures.packageRoot.appendingPathComponent("Fixtures").appendingPathComponent("lint")

    /// The rule folders, sorted.
    static let rules: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    static func files(of rule: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(rule).path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted()
    }

    static let cases: [Case] = rules.flatMap { rule in files(of: rule).map { Case(rule: rule, file: $0) } }

    static func bytes(_ rule: String, _ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(rule).appendingPathComponent(file)))
    }
}
