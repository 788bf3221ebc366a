import Foundation
import MIMECore
import COI

/// Fixtures found through `#filePath`, so that no bundle resources are needed.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relativePath)))
    }

    /// The files in `folder` ending in `suffix`, relative to `Fixtures/`, sorted.
    static func files(in folder: String, suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { folder + "/" + $0 }
    }

    /// Every folder under `Fixtures/` holding `.coi.json` expectations.
    static var classificationFolders: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().filter { !files(in: $0, suffix: ".coi.json").isEmpty }
    }
}

/// Boundaries `b1`, `b2`... so that built messages are byte-for-byte reproducible.
struct CountingBoundaries: BoundaryGenerator {
    var prefix = "coi-boundary-"
    var count = 0
    mutating func nextBoundary() -> String {
        count += 1
        return prefix + String(count)
    }
}

/// Message-ids for messages that have none; every builder here sets one, so this is unused
/// unless a test forgets, in which case the id is visibly wrong.
struct FixedIDs: MessageIDGenerator {
    mutating func nextMessageID(domain: String?) -> MessageID { MessageID(left: "missing", right: "id.invalid") }
}

extension MessageBuilder {
    /// Serializes with counting boundaries and a fixed clock.
    func deterministicBytes() throws -> [UInt8] {
        var boundaries = CountingBoundaries()
        var ids = FixedIDs()
        return try serialize(boundaries: &boundaries, messageIDs: &ids, now: { MessageDate(secondsSinceEpoch: 0)! })
    }
}

extension String {
    /// LF line ends turned into CRLF.
    var crlf: String { replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n") }
}
