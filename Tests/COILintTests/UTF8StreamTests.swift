import Testing
import TestSupport
@testable import COILint

/// Text bodies are checked for UTF-8 as they are transfer-decoded, chunk by chunk: the verdict
/// must not depend on where the chunks are cut.
@Suite("UTF-8 checked in chunks")
struct UTF8StreamTests {
    static let samples: [[UInt8]] = [
        Array("plain ASCII text, long enough to use the eight-byte skip".utf8),
        Array("caf\u{E9} na\u{EF}ve \u{1F600} \u{4E2D}\u{6587} end".utf8),
        [0x61, 0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x61, 0x80, 0x62], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82, 0x41], [], Array("\u{E9}".utf8) + [0xFF],
    ]

    static func whole(_ bytes: [UInt8]) -> Bool {
        UTF8Validation.firstInvalidByte(in: bytes[...]) == nil
    }

    /// The verdict on `bytes` fed in random chunks.
    static func streamed(_ bytes: [UInt8], using generator: inout SeededGenerator) -> Bool {
        var stream = UTF8Validation.Stream()
        var offset = 0
        for length in generator.chunkLengths(total: bytes.count) {
            bytes[offset..<(offset + length)].withUnsafeBytes { stream.feed($0) }
            offset += length
        }
        return stream.finish()
    }

    @Test("Any cut gives the whole buffer's verdict", arguments: 0..<16)
    func anyCut(seed: UInt64) {
        var generator = SeededGenerator(seed: 0x07F8_0000 + seed)
        for sample in Self.samples {
            #expect(Self.streamed(sample, using: &generator) == Self.whole(sample), "\(sample)")
        }
        // Random bytes too, mostly invalid, some valid.
        for _ in 0..<50 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x20...0x7E, using: &generator)
                    : UInt8.random(in: 0x80...0xF4, using: &generator)
            }
            #expect(Self.streamed(bytes, using: &generator) == Self.whole(bytes), "\(bytes)")
        }
    }

    @Test("The first invalid byte", arguments: [
        ([0x61, 0x62], nil), ([0x61, 0xC3], 1), ([0x61, 0x80], 1), ([0xE2, 0x82, 0x41], 0), ([0xC3, 0xA9, 0xFF], 2),
    ] as [([UInt8], Int?)])
    func firstInvalid(bytes: [UInt8], expected: Int?) {
        #expect(UTF8Validation.firstInvalidByte(in: bytes[...]) == expected)
    }
}
