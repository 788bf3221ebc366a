internal import COIMicroformats
public import MIMECore

/// Builds every message of the COI client spec with one call each, on top of
/// ``MIMECore/MessageBuilder``.
///
/// Set the conversation once (sender, recipients, group, thread), then call one method per
/// message kind; each returns a ``MIMECore/MessageBuilder`` ready to serialize. Every message
/// gets `Chat-Version: 1.0`, a `chat$` message-id (`chat$group.GROUPID.…` in a group) unless
/// one is set, and a part an ordinary mail client can show. Values are emitted in the spelling
/// the accept/emit table of ``ChatContent`` names: `editrequest`, `deleterequest`, `groupinfo`,
/// `grouprequested`, `chat$`, comma-separated address lists, quoted parameter values.
///
/// ```swift
/// var chat = COIMessageBuilder(from: Mailbox("Me <me@example.com>")!, to: [Address("you@example.org")!])
/// let bytes = try chat.text("Hello COI world!").serialize()
/// ```
public struct COIMessageBuilder: Sendable {
    /// Building options.
    public struct Options: Sendable, Hashable {
        /// Also write Delta Chat's headers (`Chat-Group-ID`, `Chat-Group-Name`,
        /// `Chat-Group-Member-Removed`, `Chat-Edit`, `Chat-Delete`,
        /// `Chat-Disposition-Notification-To`), so that Delta Chat places the message in the
        /// right chat. Off by default.
        public var emitsDeltaChatHeaders: Bool
        /// The `Subject` of one-to-one chat messages without a subject of their own; `nil`
        /// writes none (the spec's examples send an empty one).
        public var defaultSubject: String?

        /// Creates options.
        public init(emitsDeltaChatHeaders: Bool = false, defaultSubject: String? = nil) {
            self.emitsDeltaChatHeaders = emitsDeltaChatHeaders
            self.defaultSubject = defaultSubject
        }
    }

    /// The sender; COI messages have exactly one `From` address.
    public var from: Mailbox
    /// The recipients (`To`), the group participants in a group.
    public var to: [Address]
    /// Further recipients (`Cc`).
    public var cc: [Address]
    /// `Subject`; in a group the group name is used when this is `nil`.
    public var subject: String?
    /// `Date`; the current time when `nil`.
    public var date: MessageDate?
    /// The `Message-ID`; a new ``COIMessageID`` (with ``group``) when `nil`.
    public var messageID: MessageID?
    /// The group this conversation is, if it is one.
    public var group: GroupID?
    /// The group's name, written as `Subject` (COI client spec, "Sending a Chat Message to a
    /// Group").
    public var groupName: String?
    /// The message answered (`In-Reply-To`).
    public var inReplyTo: MessageID?
    /// `References`: the spec recommends the first and the last message of the thread only.
    public var references: [MessageID]
    /// Whether to ask for a read receipt (`Disposition-Notification-To` equal to `From`).
    public var requestsReadReceipt: Bool
    /// Further header fields, written after the COI ones.
    public var extraFields: [MessageBuilder.Field]
    /// Options.
    public var options: Options

    /// Starts a conversation from `from` to `to`.
    public init(from: Mailbox, to: [Address] = [], cc: [Address] = [], subject: String? = nil,
                date: MessageDate? = nil, messageID: MessageID? = nil, group: GroupID? = nil,
                groupName: String? = nil, options: Options = Options()) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.group = group
        self.groupName = groupName
        self.inReplyTo = nil
        self.references = []
        self.requestsReadReceipt = false
        self.extraFields = []
        self.options = options
    }

    /// The same conversation set up to answer `message`: `In-Reply-To` it, `References` the
    /// thread's first message and it (the spec's "initial and last message only"), a fresh
    /// message-id.
    public func replying(to message: MessageID, threadStart: MessageID? = nil) -> COIMessageBuilder {
        var copy = self
        copy.inReplyTo = message
        copy.references = [threadStart, message].compactMap { $0 }
        if copy.references.count == 2, copy.references[0] == copy.references[1] { copy.references.removeLast() }
        copy.messageID = nil
        return copy
    }

    /// The same conversation answering `target` (`In-Reply-To` it, added to `References`), for
    /// the kinds that refer to one message: edits, deletes, votes, closes, reactions.
    func referring(to target: MessageID) -> COIMessageBuilder {
        var copy = self
        copy.inReplyTo = target
        if !copy.references.contains(target) { copy.references.append(target) }
        return copy
    }

    /// The builder for a storage message (contact, profile, group): no recipients, no receipt
    /// request, `subject` unless one is set.
    func storage(subject defaultSubject: String) -> COIMessageBuilder {
        var copy = self
        if copy.subject == nil { copy.subject = defaultSubject }
        copy.to = []
        copy.cc = []
        copy.requestsReadReceipt = false
        copy.options.emitsDeltaChatHeaders = false
        return copy
    }

    /// The message-id this builder writes: ``messageID`` or a new ``COIMessageID``.
    func resolvedMessageID() -> MessageID {
        if let messageID { return messageID }
        return COIMessageID.generate(domain: from.domain ?? "localhost", groupID: group).messageID
    }

    /// The address of ``from`` without display name.
    var fromAddress: String { from.addrSpec }

    /// The envelope every kind shares, around `body`.
    func envelope(_ body: MessageBuilder.Part, chatContent: String? = nil,
                  extra: [MessageBuilder.Field] = []) -> MessageBuilder {
        var message = MessageBuilder(from: [from], to: to, cc: cc,
                                     subject: subject ?? groupName ?? options.defaultSubject,
                                     date: date, messageID: resolvedMessageID(), body: body)
        if let inReplyTo { message.inReplyTo = [inReplyTo] }
        message.references = references
        message.allowsUTF8Headers = false
        var fields: [MessageBuilder.Field] = [MessageBuilder.Field("Chat-Version", .structured("1.0"))]
        if let chatContent { fields.append(MessageBuilder.Field("Chat-Content", .structured(chatContent))) }
        if requestsReadReceipt {
            fields.append(MessageBuilder.Field("Disposition-Notification-To", .addresses([.mailbox(from)])))
        }
        if options.emitsDeltaChatHeaders {
            if let group {
                fields.append(MessageBuilder.Field("Chat-Group-ID", .structured(group.rawValue)))
                if let name = groupName ?? subject { fields.append(.text("Chat-Group-Name", name)) }
            }
            if requestsReadReceipt {
                fields.append(MessageBuilder.Field("Chat-Disposition-Notification-To", .addresses([.mailbox(from)])))
            }
        }
        message.extraFields = fields + extra + extraFields
        return message
    }

    /// A `text/plain; charset=utf-8; format=flowed` part.
    static func flowed(_ text: String) -> MessageBuilder.Part {
        .text(text, format: .flowed)
    }

    /// A `text/html; charset=utf-8` part holding `body` inside a minimal document.
    static func html(_ body: String, chatContent: ChatContent? = nil) -> MessageBuilder.Part {
        var part = MessageBuilder.Part.text(HTMLDocument.rendering(body: body), subtype: "html")
        if let chatContent { part.extraFields.append(chatContentField(chatContent)) }
        return part
    }

    /// `Chat-Content: value` as a part field.
    static func chatContentField(_ value: ChatContent, parameters: [(name: String, value: String)] = []) -> MessageBuilder.Field {
        MessageBuilder.Field("Chat-Content", .structured(ChatContentField.render(value, parameters: parameters)))
    }

    /// A paragraph of escaped text, line breaks kept.
    static func paragraph(_ text: String) -> String {
        "<p>" + HTMLEscaping.text(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>\n") + "</p>\n"
    }
}
