import COI
import Foundation
import MIMECodecs
import MIMECore
import Testing

/// Build, serialize, parse, classify: every kind comes back as what was built, and the
/// committed `Fixtures/coi/KIND.eml` are exactly what the library builds today.
@Suite("Built kinds round-trip")
struct BuiltKindTests {
    @Test(arguments: BuiltKinds.all)
    func roundTrip(kind: BuiltKind) throws {
        let bytes = try kind.message.deterministicBytes()
        let event = COIEvent(classifying: Message.parse(bytes))
        #expect(event.kind == kind.kind)
        #expect(event.detection.isChat)
        #expect(event.detection.detectedBy.first == .chatVersion)
        #expect(event.chatContent == kind.chatContent)
        #expect(event.refersTo?.text == kind.refersTo)
        #expect(event.groupID?.rawValue == kind.groupID)
        #expect(event.messageID == kind.message.messageID)
        // What this library builds breaks no rule of the spec.
        #expect(event.findings.filter { $0.severity >= .warning } == [], "\(event.findings)")
    }

    @Test(arguments: BuiltKinds.all)
    func fixtureIsWhatTheLibraryBuilds(kind: BuiltKind) throws {
        let bytes = try kind.message.deterministicBytes()
        let path = "coi/\(kind.name).eml"
        if ProcessInfo.processInfo.environment["COI_WRITE_FIXTURES"] == "1" {
            try FileManager.default.createDirectory(at: Fixtures.url("coi"), withIntermediateDirectories: true)
            try Data(bytes).write(to: Fixtures.url(path))
        }
        let stored = try Fixtures.bytes(path)
        #expect(String(decoding: stored, as: UTF8.self) == String(decoding: bytes, as: UTF8.self))
        let event = COIEvent(classifying: Message.parse(stored))
        #expect(event.kind == kind.kind)
    }

    @Test func everyKindOfTheInspectVocabularyIsBuilt() {
        let built = Set(BuiltKinds.all.map(\.kind.rawValue))
        // plainEmail is what the library never builds.
        let vocabulary: Set<String> = [
            "text", "media", "edit", "delete", "readReceipt", "contact", "profile", "profileRequest", "groupInfo",
            "groupLeft", "groupRequest", "location", "pinned", "poll", "pollVote", "pollClose", "extension", "reaction",
        ]
        #expect(built == vocabulary)
    }
}
