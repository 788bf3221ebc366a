public import MIMECore
internal import MIMECodecs

/// Whether a message is a chat message, and why (COI client spec, "COI-specific Message Header
/// Fields" and "Filter COI Messages").
///
/// A message is a chat message when any of these holds, checked in this order and all reported:
/// 1. ``Rule/chatVersion``: it has a `Chat-Version` field;
/// 2. ``Rule/messageID``: its `Message-ID` is a ``COIMessageID`` (`chat$`, legacy `coi$`, or
///    Delta Chat's `Gr.`/`Mr.`);
/// 3. ``Rule/references``: the first id of `References` is such an identifier, which is how a
///    reply from an ordinary mail client to a chat message is recognised;
/// 4. ``Rule/chatGroupID``: it has Delta Chat's `Chat-Group-ID` field with a valid ``GroupID``.
///
/// Only header fields are read, so servers can run it on a streamed header block.
public struct COIDetection: Sendable, Hashable {
    /// A detection rule. An open set; raw values are the spellings of `coi-lint inspect --json`'s
    /// `"detectedBy"` array.
    public struct Rule: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The rule's spelling.
        public var rawValue: String
        /// Creates a rule from its spelling.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `"chat-version"`: a `Chat-Version` field is present.
        public static let chatVersion = Rule(rawValue: "chat-version")
        /// `"message-id"`: the `Message-ID` is a chat identifier.
        public static let messageID = Rule(rawValue: "message-id")
        /// `"references"`: the first `References` id is a chat identifier.
        public static let references = Rule(rawValue: "references")
        /// `"chat-group-id"`: Delta Chat's `Chat-Group-ID` field holds a group id.
        public static let chatGroupID = Rule(rawValue: "chat-group-id")

        /// The rule's spelling.
        public var description: String { rawValue }
    }

    /// The rules that matched, in the order listed on ``COIDetection``.
    public var detectedBy: [Rule]

    /// Whether any rule matched.
    public var isChat: Bool { !detectedBy.isEmpty }

    /// Creates a detection result from the rules that matched.
    public init(detectedBy: [Rule]) {
        self.detectedBy = detectedBy
    }

    /// Detects from a parsed message's top-level header fields.
    public init(message: Message) {
        self.init(fields: message.headers)
    }

    /// Detects from a header block alone, for servers and streamed input.
    public init(fields: HeaderFields) {
        var rules: [Rule] = []
        if fields.first(named: "Chat-Version") != nil { rules.append(.chatVersion) }
        if COIDetection.messageID(in: fields) != nil { rules.append(.messageID) }
        if COIDetection.firstReference(in: fields) != nil { rules.append(.references) }
        if let field = fields.first(named: "Chat-Group-ID"), GroupID(field.unfoldedValue) != nil {
            rules.append(.chatGroupID)
        }
        self.init(detectedBy: rules)
    }

    /// The `Message-ID` of `fields` read as a chat identifier, if it is one.
    public static func messageID(in fields: HeaderFields) -> COIMessageID? {
        var ignored: [Diagnostic] = []
        guard let field = fields.first(named: "Message-ID"),
              let id = MessageID.parse(field.rawValue, diagnostics: &ignored) else { return nil }
        return COIMessageID(id)
    }

    /// The first `References` id of `fields` read as a chat identifier, if it is one.
    public static func firstReference(in fields: HeaderFields) -> COIMessageID? {
        var ignored: [Diagnostic] = []
        guard let field = fields.first(named: "References"),
              let id = MessageID.parseList(field.rawValue, maximumCount: 1, diagnostics: &ignored).first else {
            return nil
        }
        return COIMessageID(id)
    }
}
