import COILint
import Foundation

/// Writes the rules' examples as fixture files (`Fixtures/lint/RULE-ID/fail-example.eml` and
/// `pass-example.eml`), which the fixture tests check against the registry.
enum ExampleWriter {
    static func write(to folder: String) throws {
        let root = URL(fileURLWithPath: folder)
        for rule in Rule.all {
            let directory = root.appendingPathComponent(rule.id.rawValue)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(rule.failingExample).write(to: directory.appendingPathComponent("fail-example.eml"))
            try Data(rule.passingExample).write(to: directory.appendingPathComponent("pass-example.eml"))
        }
    }
}
