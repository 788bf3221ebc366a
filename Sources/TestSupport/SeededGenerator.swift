/// SplitMix64: a small deterministic generator, so that a failing property test replays with
/// the same values. Shared by the test targets; not a product of the package.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` random octets.
    public mutating func bytes(count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }

    /// Splits `count` into random chunk lengths of at most 17 (some empty), for feeding
    /// incremental decoders and parsers.
    public mutating func chunkLengths(total count: Int) -> [Int] {
        var lengths: [Int] = []
        var left = count
        while left > 0 {
            let length = Int.random(in: 0...min(left, 17), using: &self)
            lengths.append(length)
            left -= length
        }
        return lengths
    }
}
