/// A COI group identifier: the `GROUPID` of `chat$group.GROUPID.UNIQUE@domain` message-ids
/// (COI client spec, "Sending a Chat Message to a Group"), the `p-id` of an h-group, and the
/// value of Delta Chat's `Chat-Group-ID` header.
///
/// The spec gives no grammar; its examples use 12 and 14 letters and digits, Delta Chat uses 11
/// or more characters of the URL-safe base64 alphabet. This type accepts 11 to 128 characters of
/// `[0-9A-Za-z_-]` on input and generates 16 to 32 of them, so that every id it emits is read
/// by every client that follows either convention. The alphabet excludes `.`, which is what
/// separates the id from the unique part inside a message-id.
public struct GroupID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The identifier's characters.
    public let rawValue: String

    /// The lengths accepted on input.
    public static let acceptedLengths: ClosedRange<Int> = 11...128
    /// The lengths this library emits.
    public static let emittedLengths: ClosedRange<Int> = 16...32

    /// Accepts 11 to 128 characters of `[0-9A-Za-z_-]`; `nil` otherwise.
    public init?(rawValue: String) {
        guard GroupID.isValid(rawValue.utf8, lengths: GroupID.acceptedLengths) else { return nil }
        self.rawValue = rawValue
    }

    /// Parses the identifier from bytes (for example a header value), trimming surrounding white
    /// space; `nil` when it is not 11 to 128 characters of `[0-9A-Za-z_-]`.
    public init?(_ bytes: some Collection<UInt8>) {
        let trimmed = COIBytes.trimmed(Array(bytes))
        guard GroupID.isValid(trimmed, lengths: GroupID.acceptedLengths) else { return nil }
        self.rawValue = String(decoding: trimmed, as: UTF8.self)
    }

    /// Whether the identifier has a length this library would emit (16 to 32); shorter or
    /// longer ids from other clients are read but never generated.
    public var isEmittable: Bool { GroupID.emittedLengths.contains(rawValue.utf8.count) }

    /// Generates a new identifier of `length` characters (clamped to 16...32) from `source`.
    ///
    /// Each character carries 6 bits, so the default 24 characters give 144 random bits.
    public static func generate<Source: RandomNumberGenerator>(length: Int = 24, using source: inout Source) -> GroupID {
        let count = min(max(length, emittedLengths.lowerBound), emittedLengths.upperBound)
        return GroupID(unchecked: COIRandom.string(count: count, alphabet: COIRandom.urlSafeAlphabet, using: &source))
    }

    /// Generates a new 24-character identifier from the system's secure random source.
    public static func generate() -> GroupID {
        var source = SystemRandomNumberGenerator()
        return generate(using: &source)
    }

    /// The identifier.
    public var description: String { rawValue }

    /// Orders identifiers by their characters, for stable output.
    public static func < (lhs: GroupID, rhs: GroupID) -> Bool { lhs.rawValue < rhs.rawValue }

    init(unchecked rawValue: String) { self.rawValue = rawValue }

    /// Whether `byte` belongs to the identifier alphabet `[0-9A-Za-z_-]`.
    static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    static func isValid(_ bytes: some Collection<UInt8>, lengths: ClosedRange<Int>) -> Bool {
        var count = 0
        for byte in bytes {
            guard isIDByte(byte) else { return false }
            count += 1
            if count > lengths.upperBound { return false }
        }
        return lengths.contains(count)
    }
}
