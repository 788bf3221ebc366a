import COI
import Foundation
import MIMECore
import Testing

/// Every `*.coi.json` fixture (the spec's examples in `Fixtures/coi-spec`, Delta Chat's shapes in
/// `Fixtures/deltachat`, and any other folder that holds them) classifies as stated.
@Suite("Classification fixtures")
struct FixtureClassificationTests {
    static var expectations: [String] {
        Fixtures.classificationFolders.flatMap { Fixtures.files(in: $0, suffix: ".coi.json") }
    }

    static func expected(_ path: String) throws -> COIEvent.Summary {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Fixtures.bytes(path))) as? [String: Any])
        func text(_ key: String) -> String? { object[key] as? String }
        return COIEvent.Summary(
            isChat: try #require(object["isChat"] as? Bool),
            detectedBy: try #require(object["detectedBy"] as? [String]),
            event: try #require(text("event")),
            groupID: text("groupId"), chatContent: text("chatContent"), refersTo: text("refersTo"))
    }

    @Test func fixturesArePresent() {
        #expect(Self.expectations.count >= 40)
        #expect(Fixtures.classificationFolders.contains("coi-spec"))
        #expect(Fixtures.classificationFolders.contains("deltachat"))
    }

    @Test(arguments: expectations)
    func classification(path: String) throws {
        let message = String(path.dropLast(".coi.json".count)) + ".eml"
        let event = COIEvent(classifying: try Fixtures.bytes(message))
        #expect(event.summary == (try Self.expected(path)))
    }
}
