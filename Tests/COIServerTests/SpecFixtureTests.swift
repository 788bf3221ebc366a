import COI
import COIServer
import Foundation
import MIMECore
import Testing

/// Every example message of the COI client spec (and the Delta Chat samples), run through the
/// server's delivery decision and push payload; the expected classification is the `coi` object
/// `coi-lint inspect --json` prints, stored next to each message.
enum ServerFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static var messages: [String] {
        ["coi-spec", "deltachat"].flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            return names.filter { $0.hasSuffix(".eml") }.map { folder + "/" + $0 }
        }.sorted()
    }

    static func load(_ path: String) throws -> (message: Message, expected: [String: Any]) {
        let bytes = Array(try Data(contentsOf: root.appendingPathComponent(path)))
        let jsonURL = root.appendingPathComponent(String(path.dropLast(4)) + ".coi.json")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL)) as? [String: Any])
        return (Message.parse(bytes), expected)
    }
}

@Suite struct SpecFixtureTests {
    @Test func fixturesArePresent() {
        #expect(ServerFixtures.messages.count >= 30)
    }

    @Test(arguments: ServerFixtures.messages)
    func deliveryAndPayload(path: String) throws {
        let (message, expected) = try ServerFixtures.load(path)
        let filter = COIDeliveryFilter(configuration: COIConfiguration(isEnabled: true, messageFilter: .active))
        let decision = filter.decide(message: message)
        let isChat = try #require(expected["isChat"] as? Bool)
        #expect(decision.isChat == isChat)
        #expect(decision.detection.detectedBy.map(\.rawValue) == (expected["detectedBy"] as? [String]))
        #expect(decision.addsChatKeyword == isChat)
        #expect(decision.mailbox == (isChat ? "COI/Chats" : "INBOX"))

        let payload = PushPayload(message: message, uid: 42, uidValidity: 7, folder: decision.mailbox)
        if PushPayload.isDispositionNotification(message) {
            #expect(payload == nil)
            #expect(expected["event"] as? String == "readReceipt")
            return
        }
        let built = try #require(payload)
        #expect(built.json.count <= WebPushEncryption.maximumPlaintextLength)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(built.json)) as? [String: Any])
        #expect(json["group-id"] as? String == expected["groupId"] as? String)
        #expect(json["folder"] as? String == decision.mailbox)
        #expect(json["msg-id"] as? String == message.messageID?.text)
    }
}
