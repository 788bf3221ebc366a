/// The client-generated ID of a push registration (IMAP WebPush extension, "Subscribe"):
/// `[0-9A-Za-z_-]`, 10 to 36 characters.
public struct PushRegistrationID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The ID as the client wrote it.
    public let rawValue: String

    /// The shortest ID the spec allows.
    public static let minimumLength = 10
    /// The longest ID the spec allows.
    public static let maximumLength = 36

    /// Why a text is not a registration ID: the offset of the first offending character, or
    /// the length for a bad length.
    public typealias Error = InvalidValue

    /// Validates `text` against the spec's rule.
    public init(validating text: String) throws(Error) {
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            let allowed = (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            if !allowed {
                throw Error(offset: index, description: "push registration ID may only contain [0-9A-Za-z_-]; offset \(index) does not")
            }
        }
        guard (PushRegistrationID.minimumLength...PushRegistrationID.maximumLength).contains(bytes.count) else {
            throw Error(offset: bytes.count,
                        description: "push registration ID must be 10 to 36 characters long, not \(bytes.count)")
        }
        rawValue = text
    }

    /// The ID.
    public var description: String { rawValue }

    /// Orders IDs by their bytes.
    public static func < (lhs: PushRegistrationID, rhs: PushRegistrationID) -> Bool { lhs.rawValue < rhs.rawValue }
}
