/// Makes multipart boundaries (RFC 2046 section 5.1.1) from random letters and digits.
///
/// Thirty-two characters drawn from 62 carry about 190 bits, so that a boundary practically never
/// occurs in content by chance; the builder still verifies it against the encoded content. The
/// default source is `SystemRandomNumberGenerator`, which on Linux reads the kernel's secure
/// random source, so boundaries reveal nothing about other output of the process. A seeded
/// generator gives reproducible boundaries for tests.
public struct RandomBoundaryGenerator<Source: RandomNumberGenerator & Sendable>: BoundaryGenerator {
    /// The random source.
    public var source: Source
    /// The fixed text before the random part, such as `"=_"`; `bchars` only.
    public let prefix: String
    /// How many random characters follow the prefix.
    public let randomLength: Int

    /// Creates a generator drawing from `source`. The prefix and length together must stay within
    /// the 70 characters RFC 2046 section 5.1.1 allows; the length is clamped to that.
    public init(source: Source, prefix: String = "", randomLength: Int = 32) {
        self.source = source
        self.prefix = prefix
        self.randomLength = max(1, min(randomLength, 70 - prefix.utf8.count))
    }

    /// Returns `prefix` followed by `randomLength` random letters and digits.
    public mutating func nextBoundary() -> String {
        var bytes = Array(prefix.utf8)
        for _ in 0..<randomLength {
            bytes.append(Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &source)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static var alphabet: [UInt8] {
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
    }
}

extension RandomBoundaryGenerator where Source == SystemRandomNumberGenerator {
    /// Creates a generator drawing from the system's secure random source.
    public init(prefix: String = "", randomLength: Int = 32) {
        self.init(source: SystemRandomNumberGenerator(), prefix: prefix, randomLength: randomLength)
    }
}
