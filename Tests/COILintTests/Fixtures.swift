import Foundation

/// The message corpus in `Fixtures/messages`, found from this file's path so that the tests need
/// no bundle resources: each `NAME.eml` has its expected `coi-lint inspect --json` output in
/// `NAME.json` beside it.
enum Fixtures {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // COILintTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let directory: URL = packageRoot
        .appendingPathComponent("Fixtures")
        .appendingPathComponent("messages")

    /// The names of the `.eml` files, sorted.
    static let messageNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted()
    }()

    static func url(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }

    static func messageBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }

    static func expectedJSONName(for messageName: String) -> String {
        String(messageName.dropLast(".eml".count)) + ".json"
    }

    static func expectedJSON(for messageName: String) throws -> String {
        String(decoding: try Data(contentsOf: url(expectedJSONName(for: messageName))), as: UTF8.self)
    }

    /// Where two texts first differ, by line, for a failure message that can be read.
    static func firstDifference(_ actual: String, _ expected: String) -> String? {
        guard actual != expected else { return nil }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let got = index < actualLines.count ? String(actualLines[index]) : "<end of output>"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            if got != want {
                return "line \(index + 1):\n  actual:   \(got)\n  expected: \(want)"
            }
        }
        return "the texts differ only in line endings"
    }
}
