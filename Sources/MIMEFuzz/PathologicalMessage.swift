import MIMECodecs
import MIMECore

/// A hostile message shape that must parse in time and memory proportional to its size
/// (issue 4), generated at any scale.
///
/// The benchmarks run each case at its ``baseCount`` and at twice that and compare time and peak
/// memory; the tests run them at smaller counts and check that the limits report what they cut.
public struct PathologicalMessage: Sendable {
    /// A short name, used on the benchmark's command line.
    public let name: String
    /// What `count` counts.
    public let unit: String
    /// The count the issue names for this case (the benchmark's N).
    public let baseCount: Int
    private let generator: @Sendable (Int) -> [UInt8]

    init(name: String, unit: String, baseCount: Int, generator: @escaping @Sendable (Int) -> [UInt8]) {
        self.name = name
        self.unit = unit
        self.baseCount = baseCount
        self.generator = generator
    }

    /// The message with `count` of the case's unit.
    public func generate(count: Int) -> [UInt8] {
        generator(count)
    }

    /// The case called `name`, if there is one.
    public static func named(_ name: String) -> PathologicalMessage? {
        all.first { $0.name == name }
    }

    /// Every case of issue 4's list, in its order.
    public static let all: [PathologicalMessage] = [
        nestedMultiparts, nestedMessages, siblingParts, headerFields, longHeaderLine, encodedWords,
        unbrokenBase64, missingClosingBoundary, randomBinary, boundaryPrefix, boundaryInBase64,
        crOnlyLineEnds, nulInHeaders,
    ]
}

extension PathologicalMessage {
    /// Multiparts nested `count` deep, each with one part, all properly closed.
    public static let nestedMultiparts = PathologicalMessage(name: "nested-multiparts", unit: "levels",
        baseCount: 10_000) { count in
        var bytes = Array("From: a@example.com\r\nMIME-Version: 1.0\r\n".utf8)
        for level in 0..<count {
            bytes += Array("Content-Type: multipart/mixed; boundary=\"b\(level)\"\r\n\r\n--b\(level)\r\n".utf8)
        }
        bytes += Array("Content-Type: text/plain\r\n\r\ninnermost\r\n".utf8)
        for level in (0..<count).reversed() { bytes += Array("--b\(level)--\r\n".utf8) }
        return bytes
    }

    /// `message/rfc822` parts nested `count` deep.
    public static let nestedMessages = PathologicalMessage(name: "nested-messages", unit: "levels",
        baseCount: 2_000) { count in
        var bytes: [UInt8] = []
        for level in 0..<count {
            bytes += Array("Subject: level \(level)\r\nContent-Type: message/rfc822\r\n\r\n".utf8)
        }
        bytes += Array("Subject: innermost\r\n\r\nbody\r\n".utf8)
        return bytes
    }

    /// One multipart with `count` small parts.
    public static let siblingParts = PathologicalMessage(name: "sibling-parts", unit: "parts",
        baseCount: 100_000) { count in
        var bytes = Array("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"sep\"\r\n\r\n".utf8)
        for index in 0..<count { bytes += Array("--sep\r\nContent-Type: text/plain\r\n\r\npart \(index)\r\n".utf8) }
        bytes += Array("--sep--\r\n".utf8)
        return bytes
    }

    /// One header block of `count` fields.
    public static let headerFields = PathologicalMessage(name: "header-fields", unit: "fields",
        baseCount: 100_000) { count in
        var bytes: [UInt8] = []
        for index in 0..<count { bytes += Array("X-Field-\(index % 100): value \(index)\r\n".utf8) }
        bytes += Array("\r\nbody\r\n".utf8)
        return bytes
    }

    /// A `Subject` line of `count` octets of words, never folded.
    public static let longHeaderLine = PathologicalMessage(name: "long-header-line", unit: "octets",
        baseCount: 5_000_000) { count in
        var bytes = Array("Subject: ".utf8)
        bytes.reserveCapacity(count + 32)
        let word = Array("word ".utf8)
        while bytes.count < count { bytes += word }
        bytes += Array("\r\n\r\nbody\r\n".utf8)
        return bytes
    }

    /// A `Subject` of `count` encoded words.
    public static let encodedWords = PathologicalMessage(name: "encoded-words", unit: "words",
        baseCount: 200_000) { count in
        var bytes = Array("Subject:".utf8)
        let word = Array(" =?utf-8?q?caf=C3=A9?=".utf8)
        for _ in 0..<count { bytes += word }
        bytes += Array("\r\n\r\nbody\r\n".utf8)
        return bytes
    }

    /// A base64 body of `count` octets on one line.
    public static let unbrokenBase64 = PathologicalMessage(name: "unbroken-base64", unit: "octets",
        baseCount: 20_000_000) { count in
        var bytes = Array("Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8)
        var random = PatternBytes()
        bytes += Base64.encodeUnwrapped(random.bytes(count: count / 4 * 3))
        return bytes
    }

    /// A multipart of `count` parts whose closing delimiter never comes.
    public static let missingClosingBoundary = PathologicalMessage(name: "missing-closing-boundary", unit: "parts",
        baseCount: 20_000) { count in
        var bytes = Array("Content-Type: multipart/mixed; boundary=\"open\"\r\n\r\n".utf8)
        for index in 0..<count { bytes += Array("--open\r\n\r\nunterminated part \(index)\r\n".utf8) }
        return bytes
    }

    /// `count` random octets: a body without headers.
    public static let randomBinary = PathologicalMessage(name: "random-binary", unit: "octets",
        baseCount: 5_000_000) { count in
        var random = PatternBytes()
        return random.bytes(count: count)
    }

    /// A multipart with boundary `abc` around one with boundary `abcd` of `count` parts: every
    /// inner delimiter line starts like an outer one (RFC 2046 section 5.1.1 forbids it; mail
    /// still does it).
    public static let boundaryPrefix = PathologicalMessage(name: "boundary-prefix", unit: "parts",
        baseCount: 20_000) { count in
        var bytes = Array("Content-Type: multipart/mixed; boundary=abc\r\n\r\n--abc\r\n".utf8)
        bytes += Array("Content-Type: multipart/mixed; boundary=abcd\r\n\r\n".utf8)
        for index in 0..<count { bytes += Array("--abcd\r\n\r\npart \(index)\r\n".utf8) }
        bytes += Array("--abcd--\r\n--abc--\r\n".utf8)
        return bytes
    }

    /// A base64 part of `count` octets whose text is made of the boundary string itself.
    public static let boundaryInBase64 = PathologicalMessage(name: "boundary-in-base64", unit: "octets",
        baseCount: 5_000_000) { count in
        var bytes = Array("Content-Type: multipart/mixed; boundary=AAAA\r\n\r\n--AAAA\r\n".utf8)
        bytes += Array("Content-Transfer-Encoding: base64\r\n\r\n".utf8)
        bytes += Base64.encode([UInt8](repeating: 0, count: count / 4 * 3))
        bytes += Array("\r\n--AAAA--\r\n".utf8)
        return bytes
    }

    /// A multipart of `count` parts with bare CR line ends throughout.
    public static let crOnlyLineEnds = PathologicalMessage(name: "cr-only-line-ends", unit: "parts",
        baseCount: 20_000) { count in
        var bytes = Array("MIME-Version: 1.0\rContent-Type: multipart/mixed; boundary=cr\r\r".utf8)
        for index in 0..<count { bytes += Array("--cr\rContent-Type: text/plain\r\rline \(index)\rnext\r".utf8) }
        bytes += Array("--cr--\r".utf8)
        return bytes
    }

    /// A header block of `count` fields with NUL bytes in their values. (A NUL in a field name
    /// makes the line no field, which ends the header block; the fuzz targets cover that.)
    public static let nulInHeaders = PathologicalMessage(name: "nul-in-headers", unit: "fields",
        baseCount: 20_000) { count in
        var bytes: [UInt8] = []
        for index in 0..<count {
            bytes += index % 3 == 2 ? Array("X-Nul-\(index % 7): v\0lue\r\n".utf8) : Array("Subject: a\0\0b \(index)\r\n".utf8)
        }
        bytes += Array("\r\nbody\0\r\n".utf8)
        return bytes
    }
}

/// Deterministic pseudo-random bytes (xorshift), so that every run measures the same input.
struct PatternBytes {
    private var state: UInt64 = 0x2545_F491_4F6C_DD1D

    mutating func bytes(count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                buffer[index] = UInt8(truncatingIfNeeded: state >> 32)
            }
            initialized = count
        }
    }
}
