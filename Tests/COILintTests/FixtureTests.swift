import COILint
import Foundation
import MIMECore
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

    /// The parser options reach the parse: with a small nesting limit, the fourth multipart of
    /// the deep-nesting fixture becomes an opaque leaf, reported where its header starts.
    @Test func nestingLimitFromOptionsApplies() throws {
        let bytes = try Fixtures.messageBytes("deep-nesting.eml")
        let report = MessageReport.inspect(bytes, options: ParserOptions(maximumNestingDepth: 3))
        var part = report.root
        var depth = 0
        while case .multipart(let children) = part.content {
            try #require(children.count == 1)
            part = children[0]
            depth += 1
        }
        #expect(depth == 3)
        #expect(part.contentType == "multipart/mixed")
        #expect(part.parameters == [.init(name: "boundary", value: "level-3")])
        let header = Array("Content-Type: multipart/mixed; boundary=\"level-3\"".utf8)
        let headerOffset = (0...(bytes.count - header.count)).first { bytes[$0..<($0 + header.count)].elementsEqual(header) }
        #expect(part.headerOffset == headerOffset)
        #expect(report.diagnostics.map(\.code) == ["nesting-too-deep"])
        #expect(report.diagnostics.first?.offset == headerOffset)
    }

    /// Rendering is a pure function of the input: a second run gives the same bytes.
    @Test(arguments: ["mixed-attachments.eml", "nested-forward-rfc822.eml", "deep-nesting.eml"])
    func renderingIsDeterministic(_ name: String) throws {
        let bytes = try Fixtures.messageBytes(name)
        #expect(MessageReport.inspect(bytes).jsonText == MessageReport.inspect(bytes).jsonText)
    }
}
