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
        self.init(fields: fields, chatID: COIDetection.messageID(in: fields),
                  firstReference: COIDetection.firstReference(in: fields))
    }

    /// Detection from fields whose chat message-id and first reference were already read.
    init(fields: HeaderFields, chatID: COIMessageID?, firstReference: COIMessageID?) {
        var rules: [Rule] = []
        if fields.first(named: "Chat-Version") != nil { rules.append(.chatVersion) }
        if chatID != nil { rules.append(.messageID) }
        if firstReference != nil { rules.append(.references) }
        if let field = fields.first(named: "Chat-Group-ID"), GroupID(field.unfoldedValue) != nil {
            rules.append(.chatGroupID)
        }
        self.init(detectedBy: rules)
    }

    /// The `Message-ID` of `fields` read as a chat identifier, if it is one.
    public static func messageID(in fields: HeaderFields) -> COIMessageID? {
        var ignored: [Diagnostic] = []
        guard let field = fields.first(named: "Message-ID"), mayHoldChatID(field.rawValue),
              let id = MessageID.parse(field.rawValue, diagnostics: &ignored) else { return nil }
        return COIMessageID(id)
    }

    /// Whether a message-id value may hold a chat identifier: one pass over the bytes, so that
    /// detection does not parse the message-ids of ordinary mail. Every chat id holds `$`
    /// (`chat$`, `coi$`) or starts with `Gr.` or `Mr.`; a quoted or escaped id is left to the parser.
    public static func mayHoldChatID(_ value: ArraySlice<UInt8>) -> Bool {
        var index = value.startIndex
        while index < value.endIndex {
            switch value[index] {
            case UInt8(ascii: "$"), UInt8(ascii: "\\"), UInt8(ascii: "\""):
                return true
            case UInt8(ascii: "."):
                if index - 2 >= value.startIndex, value[index - 1] == UInt8(ascii: "r"),
                   value[index - 2] == UInt8(ascii: "G") || value[index - 2] == UInt8(ascii: "M") {
                    return true
                }
            default:
                break
            }
            index += 1
        }
        return false
    }

    /// The first `References` id of `fields` read as a chat identifier, if it is one.
    public static func firstReference(in fields: HeaderFields) -> COIMessageID? {
        var ignored: [Diagnostic] = []
        guard let field = fields.first(named: "References"), mayHoldChatID(field.rawValue),
              let id = MessageID.parseList(field.rawValue, maximumCount: 1, diagnostics: &ignored).first else {
            return nil
        }
        return COIMessageID(id)
    }
}
