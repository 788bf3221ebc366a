import COILint
import Foundation
import Testing

/// The library renders every fixture message to exactly the JSON committed beside it.
///
/// The expected files were generated with `coi-lint inspect --json` and then checked by hand
/// against the messages; where the parser was wrong, the file holds the correct reading and the
/// test fails until the library is fixed.
@Suite struct FixtureTests {
    @Test func corpusIsComplete() {
        #expect(Fixtures.messageNames.count >= 25)
        for name in Fixtures.messageNames {
            let expected = Fixtures.url(Fixtures.expectedJSONName(for: name))
            #expect(FileManager.default.fileExists(atPath: expected.path), "\(name) has no expected JSON")
        }
    }

    @Test(arguments: Fixtures.messageNames)
    func rendersExpectedJSON(_ name: String) throws {
        let bytes = try Fixtures.messageBytes(name)
        let expected = try Fixtures.expectedJSON(for: name)
        let actual = MessageReport.inspect(bytes).jsonText
        let difference = Fixtures.firstDifference(actual, expected)
        #expect(difference == nil, "\(name): \(difference ?? "")")
    }

    /// Rendering is a pure function of the input: a second run gives the same bytes.
    @Test(arguments: ["mixed-attachments.eml", "nested-forward-rfc822.eml", "deep-nesting.eml"])
    func renderingIsDeterministic(_ name: String) throws {
        let bytes = try Fixtures.messageBytes(name)
        #expect(MessageReport.inspect(bytes).jsonText == MessageReport.inspect(bytes).jsonText)
    }
}
