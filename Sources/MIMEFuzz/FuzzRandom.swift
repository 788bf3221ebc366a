/// A SplitMix64 generator seeded from the input's bytes, so that choices a body makes (chunk
/// sizes, limits) are a function of the input and a crash reproduces from the input alone.
public struct FuzzRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Seeds from a 64-bit FNV-1a hash of `bytes`.
    public init(seededBy bytes: [UInt8]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        state = hash
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Split points for feeding `count` bytes in chunks of 1 to `maximumChunk` bytes.
    public mutating func splits(of count: Int, maximumChunk: Int) -> [Int] {
        var result: [Int] = []
        var position = 0
        while true {
            position += Int.random(in: 1...max(1, maximumChunk), using: &self)
            guard position < count else { return result }
            result.append(position)
        }
    }

    /// Calls `body` with consecutive chunks of `input` that end at `splits`.
    static func forEachChunk(of input: [UInt8], splits: [Int], _ body: (UnsafeRawBufferPointer) -> Void) {
        var start = 0
        for split in splits + [input.count] where split >= start {
            input[start..<split].withUnsafeBytes(body)
            start = split
        }
    }
}
