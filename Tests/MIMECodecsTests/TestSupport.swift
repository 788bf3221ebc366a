/// A small deterministic generator (SplitMix64) so that property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }

    /// Splits `count` into random chunk lengths (some empty).
    mutating func chunkLengths(total count: Int) -> [Int] {
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
