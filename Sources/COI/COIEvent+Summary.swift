extension COIEvent {
    /// The classification as `coi-lint inspect --json` prints it under `"coi"`:
    /// `{"isChat", "detectedBy", "event", "groupId", "chatContent", "refersTo"}`, message-ids
    /// without angle brackets. Plain values, so that tools can render it without this module's
    /// types.
    public struct Summary: Sendable, Hashable, CustomStringConvertible {
        /// Whether the message is a chat message.
        public var isChat: Bool
        /// The detection rules that matched, as spelled in ``COIDetection/Rule``.
        public var detectedBy: [String]
        /// The event kind, as spelled in ``COIEvent/Kind``.
        public var event: String
        /// The group id, if any.
        public var groupID: String?
        /// The `Chat-Content` value as sent, if any.
        public var chatContent: String?
        /// The referenced message-id without angle brackets, if any.
        public var refersTo: String?

        /// Creates a summary.
        public init(isChat: Bool, detectedBy: [String], event: String, groupID: String?, chatContent: String?,
                    refersTo: String?) {
            self.isChat = isChat
            self.detectedBy = detectedBy
            self.event = event
            self.groupID = groupID
            self.chatContent = chatContent
            self.refersTo = refersTo
        }

        /// A one-line form for test output.
        public var description: String {
            "isChat=\(isChat) detectedBy=\(detectedBy) event=\(event) groupId=\(groupID ?? "null") "
                + "chatContent=\(chatContent ?? "null") refersTo=\(refersTo ?? "null")"
        }
    }

    /// The event as the inspect JSON reports it.
    public var summary: Summary {
        Summary(isChat: detection.isChat, detectedBy: detection.detectedBy.map(\.rawValue), event: kind.rawValue,
                groupID: groupID?.rawValue, chatContent: chatContent, refersTo: refersTo?.text)
    }
}
