// Foundation next to COIMicroformats in one module: this is the case the CLibXML2 target's
// opaque header exists for (libxml2's headers include ICU's, which clash with Foundation's).
import COIMicroformats
import Foundation

/// The spec's HTML snippets under `Fixtures/microformats/`, found through `#filePath`.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/microformats")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func document(_ name: String) throws -> HTMLDocument {
        try HTMLDocument(parsing: bytes(name))
    }

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".html") }.sorted()
    }

    /// The small avatar of the spec's contact examples, as the URL parser reads the wrapped attribute.
    static let cardPhoto = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgAQMAAABJtOi3AAAABlBMVEUAAAD///+l2Z/dAAAAOklEQVQI12P4DwQM6MQHeSDxgB9IHGAnSIDVgXWgmdLA/J/hHwPDf4Y/DAz1DD8YGOwhxAcGBnliCQCZoU0qOMX4LwAAAABJRU5ErkJggg=="
}
