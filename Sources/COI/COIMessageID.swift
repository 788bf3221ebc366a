public import MIMECore

/// A chat message identifier (COI client spec, "COI-specific Message Header Fields" and
/// "Sending a Chat Message to a Group"):
///
/// ```
/// coi-msg-id   = "<" prefix [ "group." group-id "." ] unique "@" domain ">"
/// prefix       = "chat$" / "coi$"          ; "coi$" is the form used before 2019-07
/// delta-msg-id = "<" ( "Gr." group-id / "Mr." token ) "." unique "@" domain ">"
/// ```
///
/// The group form lets a client find the group of a reply written by an ordinary mail client,
/// which copies the message-id into `References`. Delta Chat's `Gr.` (group) and `Mr.`
/// (one-to-one) identifiers are read too. This library only ever generates `chat$`.
public struct COIMessageID: Sendable, Hashable, CustomStringConvertible {
    /// The scheme an identifier starts with; an open set so that new conventions can be added.
    public struct Prefix: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The prefix as written, e.g. `"chat$"`.
        public var rawValue: String
        /// Creates a prefix from its spelling.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `chat$`: the current COI prefix, the only one emitted.
        public static let chat = Prefix(rawValue: "chat$")
        /// `coi$`: the COI prefix used before 2019-07; accepted as legacy.
        public static let coi = Prefix(rawValue: "coi$")
        /// `Gr.`: Delta Chat's group message identifier (`Gr.GROUPID.UNIQUE@domain`).
        public static let deltaGroup = Prefix(rawValue: "Gr.")
        /// `Mr.`: Delta Chat's one-to-one message identifier (`Mr.TOKEN.UNIQUE@domain`).
        public static let deltaMessage = Prefix(rawValue: "Mr.")

        /// Whether a COI client should no longer emit this prefix.
        public var isLegacy: Bool { self != .chat }

        /// The prefix's spelling.
        public var description: String { rawValue }
    }

    /// How the identifier starts.
    public var prefix: Prefix
    /// The group the message belongs to, for `chat$group.` and `Gr.` identifiers.
    public var groupID: GroupID?
    /// The part that makes the identifier unique within its domain (everything between the
    /// prefix or group id and the `@`).
    public var unique: String
    /// The `id-right`, normally the sender's mail domain.
    public var domain: String

    /// Creates an identifier from its parts.
    public init(prefix: Prefix = .chat, groupID: GroupID? = nil, unique: String, domain: String) {
        self.prefix = prefix
        self.groupID = groupID
        self.unique = unique
        self.domain = domain
    }

    /// The `id-left`: prefix, group part and unique part.
    public var left: String {
        switch prefix {
        case .deltaGroup:
            return prefix.rawValue + (groupID?.rawValue ?? "") + "." + unique
        case .deltaMessage:
            return prefix.rawValue + unique
        default:
            guard let groupID else { return prefix.rawValue + unique }
            return prefix.rawValue + "group." + groupID.rawValue + "." + unique
        }
    }

    /// The identifier as a core ``MIMECore/MessageID``.
    public var messageID: MessageID { MessageID(left: left, right: domain) }

    /// The identifier with angle brackets, as written in a header.
    public var description: String { messageID.bracketed }

    /// Reads a message-id as a chat identifier; `nil` when it follows none of the conventions
    /// above or has no domain.
    public init?(_ id: MessageID) {
        guard let domain = id.right, !domain.isEmpty else { return nil }
        let left = Array(id.left.utf8)
        let slice = left[...]
        func rest(after count: Int) -> ArraySlice<UInt8> { slice.dropFirst(count) }
        if COIBytes.hasPrefix(slice, "chat$") {
            self.init(prefix: .chat, coiRest: rest(after: 5), domain: domain)
        } else if COIBytes.hasPrefix(slice, "coi$") {
            self.init(prefix: .coi, coiRest: rest(after: 4), domain: domain)
        } else if COIBytes.hasPrefix(slice, "Gr.", ignoringCase: false) {
            // Gr.GROUPID.UNIQUE: a group id is required, or this is not Delta Chat's form.
            let body = rest(after: 3)
            guard let dot = body.firstIndex(of: UInt8(ascii: ".")),
                  let group = GroupID(body[..<dot]), dot + 1 < body.endIndex else { return nil }
            self.init(prefix: .deltaGroup, groupID: group,
                      unique: String(decoding: body[(dot + 1)...], as: UTF8.self), domain: domain)
        } else if COIBytes.hasPrefix(slice, "Mr.", ignoringCase: false) {
            let body = rest(after: 3)
            guard !body.isEmpty else { return nil }
            self.init(prefix: .deltaMessage, unique: String(decoding: body, as: UTF8.self), domain: domain)
        } else {
            return nil
        }
    }

    /// Parses a message-id given as text, with or without angle brackets.
    public init?(_ string: String) {
        guard let id = MessageID(string) else { return nil }
        self.init(id)
    }

    /// `[ "group." group-id "." ] unique` after `chat$` or `coi$`. A `group.` part whose id
    /// breaks the group id grammar is kept in the unique part, so the identifier still reads as
    /// a chat message without a group.
    private init?(prefix: Prefix, coiRest rest: ArraySlice<UInt8>, domain: String) {
        guard !rest.isEmpty else { return nil }
        if COIBytes.hasPrefix(rest, "group.") {
            let body = rest.dropFirst(6)
            if let dot = body.firstIndex(of: UInt8(ascii: ".")), dot + 1 < body.endIndex,
               let group = GroupID(body[..<dot]) {
                self.init(prefix: prefix, groupID: group,
                          unique: String(decoding: body[(dot + 1)...], as: UTF8.self), domain: domain)
                return
            }
        }
        self.init(prefix: prefix, unique: String(decoding: rest, as: UTF8.self), domain: domain)
    }

    /// Whether the unique part starts with `group.` although no valid group id follows: a
    /// group message-id this library could not read the group from.
    public var hasMalformedGroupPart: Bool {
        groupID == nil && (prefix == .chat || prefix == .coi) && COIBytes.hasPrefix(unique.utf8, "group.")
    }

    /// Generates a new `chat$` identifier (`chat$group.GROUPID.UNIQUE@domain` when `groupID` is
    /// given) whose unique part is 24 letters and digits (142 bits) drawn from `source`.
    public static func generate<Source: RandomNumberGenerator>(domain: String, groupID: GroupID? = nil,
                                                               using source: inout Source) -> COIMessageID {
        let unique = COIRandom.string(count: 24, alphabet: COIRandom.alphanumeric, using: &source)
        return COIMessageID(prefix: .chat, groupID: groupID, unique: unique, domain: domain)
    }

    /// Generates a new `chat$` identifier from the system's secure random source.
    public static func generate(domain: String, groupID: GroupID? = nil) -> COIMessageID {
        var source = SystemRandomNumberGenerator()
        return generate(domain: domain, groupID: groupID, using: &source)
    }
}
