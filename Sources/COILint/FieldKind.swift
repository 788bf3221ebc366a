internal import MIMECore

/// The header fields the rules treat specially, recognized once per field from its lowercased
/// name, so that the rules compare small integers rather than look names up again.
struct FieldKind: Hashable {
    /// The position of the field's name in ``names``, or -1 for any other field.
    let rawValue: Int

    /// The lowercased names of the fields the rules know, in a fixed order.
    private static let names: [String] = [
        // RFC 5322 section 3.6: at most once in a message.
        "date", "from", "sender", "reply-to", "to", "cc", "bcc", "message-id", "in-reply-to", "references", "subject",
        // RFC 2045 section 3 and RFC 2183: at most once per entity.
        "mime-version", "content-type", "content-transfer-encoding", "content-id", "content-description",
        "content-disposition",
        // Other structured fields the library's readers parse (see `HeaderField.diagnostics`).
        "resent-from", "resent-sender", "resent-to", "resent-cc", "resent-bcc", "disposition-notification-to",
        "resent-date", "resent-message-id",
        // COI detection (COI client specification).
        "chat-version", "chat-group-id",
    ]

    /// The known names grouped by length, for a lookup that compares a few bytes.
    private static let namesByLength: [[(name: [UInt8], kind: FieldKind)]] = {
        var table = Array(repeating: [(name: [UInt8], kind: FieldKind)](), count: 32)
        for (index, name) in names.enumerated() {
            table[name.utf8.count].append((Array(name.utf8), FieldKind(rawValue: index)))
        }
        return table
    }()

    static let other = FieldKind(rawValue: -1)
    static let date = FieldKind(rawValue: 0)
    static let from = FieldKind(rawValue: 1)
    static let subject = FieldKind(rawValue: 10)
    static let mimeVersion = FieldKind(rawValue: 11)
    static let contentType = FieldKind(rawValue: 12)
    static let contentTransferEncoding = FieldKind(rawValue: 13)
    static let contentDescription = FieldKind(rawValue: 15)
    static let messageID = FieldKind(rawValue: 7)
    static let references = FieldKind(rawValue: 9)
    static let chatVersion = FieldKind(rawValue: 25)
    static let chatGroupID = FieldKind(rawValue: 26)

    /// The kind of a field, from its name in any case; every field is looked up, so no string is
    /// built for it.
    init(_ field: borrowing HeaderField) {
        self = field.nameBytes.withUnsafeBufferPointer { bytes in
            guard bytes.count < Self.namesByLength.count else { return .other }
            for candidate in Self.namesByLength[bytes.count] where Self.equalsLowercase(bytes, candidate.name) {
                return candidate.kind
            }
            return .other
        }
    }

    private static func equalsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: [UInt8]) -> Bool {
        for index in 0..<bytes.count {
            let byte = bytes[index]
            let lowered = byte &- 0x41 < 26 ? byte | 0x20 : byte
            if lowered != lowercase[index] { return false }
        }
        return true
    }

    private init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// RFC 5322 section 3.6 allows the field at most once in a message's header.
    var isSingleInMessage: Bool { (0...10).contains(rawValue) }

    /// RFC 2045 section 3 and RFC 2183 allow the field at most once per entity.
    var isSingleInEntity: Bool { (11...16).contains(rawValue) }

    /// The library's field readers parse the value: every known RFC field but the unstructured
    /// `Subject` and `Content-Description`.
    var isStructured: Bool { (0...24).contains(rawValue) && self != .subject && self != .contentDescription }

    /// A bit of its own for each known field, for sets of kinds.
    var bit: UInt32 { rawValue >= 0 ? 1 << UInt32(rawValue) : 0 }
}
