internal import MIMECodecs
internal import MIMECore

/// One classification pass over a message; see ``COIEvent`` for the rules.
struct COIClassifier {
    let message: Message
    /// The top-level fields with Delta Chat's hidden headers folded in.
    let fields: HeaderFields
    var findings: [Diagnostic] = []

    /// A leaf part with what the classifier needs of it.
    struct Leaf {
        var part: MIMEPart
        var type: ContentType
        var disposition: ContentDisposition?
        var chatContent: ChatContentField?
    }

    /// The most leaves looked at; the parser bounds the tree already, this bounds the work.
    static let maximumLeaves = 1000

    /// The fields Delta Chat hides in the first part of a top-level `multipart/mixed`
    /// (chatmail core's `is_hidden`); only these are read from there, so that a part cannot
    /// override the message's other fields.
    static let hiddenFieldNames: Set<String> = ["chat-edit", "chat-delete", "chat-user-avatar", "chat-group-avatar"]

    /// `Chat-Content` values Delta Chat sends for its own system messages; not extension
    /// values, but not spec breaks either.
    static let deltaChatContents: Set<String> = [
        "location-streaming-enabled", "ephemeral-timer-changed", "protection-enabled", "protection-disabled",
        "group-avatar-changed", "sticker", "call", "call-accepted", "call-ended", "sync-message", "webrtc",
    ]

    init(message: Message) {
        self.message = message
        var fields = message.headers
        let rootType = message.root.contentType
        if rootType.isMultipart, rootType.subtype == "mixed", let first = message.root.parts.first {
            let hidden = first.headers.filter { field in
                let name = field.name.lowercased()
                return COIClassifier.hiddenFieldNames.contains(name) && message.headers.first(named: name) == nil
            }
            if !hidden.isEmpty {
                for field in hidden { fields.append(field) }
                findings.append(Diagnostic(.coiHiddenHeaders, .info, at: first.headerOffset,
                                           "header fields read from the first part of multipart/mixed: "
                                               + hidden.map(\.name).joined(separator: ", ")))
            }
        }
        self.fields = fields
    }

    mutating func classify() -> COIEvent {
        let ownID = firstMessageID("Message-ID")
        let chatID = ownID.flatMap(COIMessageID.init)
        let firstReference = COIDetection.firstReference(in: fields)
        let detection = COIDetection(fields: fields, chatID: chatID, firstReference: firstReference)
        var event = COIEvent(kind: .plainEmail, detection: detection)
        let senders = addresses("From")
        event.sender = senders.first
        event.messageID = ownID
        event.groupID = GroupID(fields: fields, chatID: chatID, firstReference: { firstReference })
        var dateDiagnostics: [Diagnostic] = []
        event.date = fields.first(named: "Date").flatMap { MessageDate.parse($0.rawValue, diagnostics: &dateDiagnostics) }
        event.requestsReadReceipt = fields.first(named: "Disposition-Notification-To") != nil
            || fields.first(named: "Chat-Disposition-Notification-To") != nil

        let leaves = collectLeaves()
        let top = fields.first(named: "Chat-Content").map(ChatContentField.init)
        if let top { findings += top.findings }
        for leaf in leaves { if let field = leaf.chatContent { findings += field.findings } }

        // The Chat-Content that says what the message is: its own, else the first part's that
        // marks no mere presentation (ignore, preview).
        let deciding = top ?? leaves.lazy.compactMap(\.chatContent).first {
            $0.value != .ignore && $0.value != .preview
        }
        if let deciding {
            event.chatContent = deciding.text
            event.canonicalChatContent = deciding.value.canonical
            let value = deciding.value
            if !value.isKnown, !value.isExtension, !value.rawValue.isEmpty,
               !Self.deltaChatContents.contains(value.rawValue.lowercased()) {
                findings.append(Diagnostic(.coiChatContentUnknown, .warning, at: range(of: "Chat-Content"),
                                           "unknown Chat-Content \"\(value.rawValue)\" (extension values start with a reverse domain)"))
            }
        }
        let contentKind = deciding.flatMap { Self.kind(for: $0.value) }
        let deltaKind = deltaChatKind(&event)
        let kind: COIEvent.Kind
        if !detection.isChat {
            // Detection is the gate: an ordinary mail must not edit or delete chat history.
            kind = .plainEmail
        } else if isReport() {
            kind = .readReceipt
        } else if contentKind == .edit || deltaKind == .edit {
            kind = .edit
        } else if contentKind == .delete || deltaKind == .delete {
            kind = .delete
        } else if let reaction = reactionPart() {
            kind = .reaction
            event.reaction = reaction.text()?.text.trimmingSpaces()
        } else if let contentKind {
            kind = contentKind
        } else if let deltaKind {
            kind = deltaKind
        } else if message.root.contentDisposition?.kind == .pinned {
            kind = .pinned
        } else if leaves.contains(where: Self.isAttachment) {
            kind = .media
        } else {
            kind = .text
        }
        event.kind = kind
        event.profileCategories = leaves.compactMap { leaf in
            leaf.chatContent.flatMap { $0.value == .profile ? $0.categories : nil }
        }
        if let group = event.groupID {
            if let name = fields.first(named: "Chat-Group-Name")?.value {
                event.groupName = name.trimmingSpaces()
            } else if let subject = fields.first(named: "Subject")?.value {
                event.groupName = SubjectNormalizer.groupName(fromSubject: subject)
            }
            if group.rawValue.utf8.count < 12 && chatID?.prefix != .deltaGroup
                && fields.first(named: "Chat-Group-ID") == nil {
                findings.append(Diagnostic(.coiShortGroupID, .info, at: range(of: "Message-ID"),
                                           "group id \"\(group.rawValue)\" is shorter than the 12 characters the spec requires"))
            }
        }

        resolveReference(&event, leaves: leaves)
        if kind == .pinned { readPinned(&event) }
        if kind == .contact { checkContact() }
        if detection.isChat {
            checkChatMessage(chatID: chatID, senders: senders, leaves: leaves, dateDiagnostics: dateDiagnostics)
        }
        event.findings = findings
        return event
    }

    // MARK: - Kinds

    static func kind(for value: ChatContent) -> COIEvent.Kind? {
        switch value.canonical {
        case .editRequest: .edit
        case .deleteRequest: .delete
        case .contact: .contact
        case .profile: .profile
        case .profileRequest: .profileRequest
        case .group, .groupInfo: .groupInfo
        case .groupRequest: .groupRequest
        case .groupLeft: .groupLeft
        case .location: .location
        case .poll: .poll
        case .pollVote: .pollVote
        case .pollClose: .pollClose
        default: value.isExtension ? .extension : nil
        }
    }

    func deltaChatKind(_ event: inout COIEvent) -> COIEvent.Kind? {
        event.membersAdded = fields.all(named: "Chat-Group-Member-Added").map { $0.value.trimmingSpaces() }
        event.membersRemoved = fields.all(named: "Chat-Group-Member-Removed").map { $0.value.trimmingSpaces() }
        if fields.first(named: "Chat-Edit") != nil { return .edit }
        if fields.first(named: "Chat-Delete") != nil { return .delete }
        if let sender = event.sender,
           event.membersRemoved.contains(where: { COIFromHash.normalize(address: $0) == COIFromHash.normalize(address: sender.addrSpec) }) {
            return .groupLeft
        }
        if !event.membersAdded.isEmpty || !event.membersRemoved.isEmpty || fields.first(named: "Chat-Group-Name-Changed") != nil {
            return .groupInfo
        }
        return nil
    }

    /// The RFC 9078 reaction part: the body, or the first part of a top-level `multipart/mixed`.
    func reactionPart() -> MIMEPart? {
        if message.root.contentDisposition?.kind == .reaction { return message.root }
        let type = message.root.contentType
        if type.isMultipart, type.subtype == "mixed", let first = message.root.parts.first,
           first.contentDisposition?.kind == .reaction {
            return first
        }
        return nil
    }

    func isReport() -> Bool {
        let type = message.root.contentType
        return type.type == "multipart" && type.subtype == "report"
            && type.parameters["report-type"]?.lowercased() == "disposition-notification"
    }

    static func isAttachment(_ leaf: Leaf) -> Bool {
        if leaf.chatContent?.value == .preview || leaf.chatContent?.value == .ignore { return false }
        if leaf.disposition?.kind == .reaction { return false }
        switch leaf.type.type {
        case "text", "multipart": return leaf.disposition?.kind == .attachment
        case "message": return false
        default: return true
        }
    }

    func collectLeaves() -> [Leaf] {
        var leaves: [Leaf] = []
        // The walk keeps one position per level: pushing a multipart's children on a stack
        // would copy every part of it, however many there are past the limit.
        message.root.walkParts(includingNestedMessages: false) { part, _ in
            guard leaves.count < Self.maximumLeaves else { return }
            if case .multipart = part.content { return }
            leaves.append(Leaf(part: part, type: part.contentType, disposition: part.contentDisposition,
                               chatContent: part.headers.first(named: "Chat-Content").map(ChatContentField.init)))
        }
        return leaves
    }

    // MARK: - References

    mutating func resolveReference(_ event: inout COIEvent, leaves: [Leaf]) {
        switch event.kind {
        case .edit:
            event.refersTo = firstMessageID("Chat-Edit") ?? firstMessageID("In-Reply-To")
        case .delete:
            event.refersTo = firstMessageID("Chat-Delete") ?? firstMessageID("In-Reply-To")
        case .pollVote, .pollClose, .reaction:
            event.refersTo = firstMessageID("In-Reply-To")
        case .readReceipt:
            let receipt = ReadReceipt(message: message)
            event.readReceipt = receipt
            event.refersTo = receipt?.originalMessageID
            if let receipt {
                if receipt.originalMessageID == nil {
                    findings.append(Diagnostic(.coiReceiptWithoutOriginal, .warning, at: 0,
                                               "the read receipt has no Original-Message-ID"))
                }
                if receipt.includesOriginal {
                    findings.append(Diagnostic(.coiReceiptIncludesOriginal, .warning, at: 0,
                                               "the read receipt includes the original message, which COI clients should leave out"))
                }
            }
            return
        default:
            return
        }
        if event.refersTo == nil {
            findings.append(Diagnostic(.coiMissingReference, .error, at: range(of: "Chat-Content"),
                                       "\(event.kind.rawValue) without In-Reply-To naming the message it refers to"))
        }
    }

    // MARK: - Checks

    mutating func readPinned(_ event: inout COIEvent) {
        let dispositionField = message.headers.first(named: "Content-Disposition")
        guard let field = dispositionField else { return }
        let bytes = field.unfoldedValue
        guard let start = COIBytes.firstIndex(of: "timeout=", in: bytes) else { return }
        var value = String(decoding: bytes[(start + 8)...], as: UTF8.self).trimmingSpaces()
        if value.hasPrefix("\"") {
            value = String(value.dropFirst().prefix { $0 != "\"" })
        } else {
            // The spec writes the date unquoted (`timeout=Tue, 5 Dec 2019 0:00:00 +0100`): the
            // rest of the field up to a `;` is the value.
            value = String(value.prefix { $0 != ";" }).trimmingSpaces()
            if value.contains(" ") || value.contains(",") {
                findings.append(Diagnostic(.coiUnquotedParameter, .info, at: field.range ?? 0..<0,
                                           "the pinned timeout is not quoted"))
            }
        }
        if let date = MessageDate(value) {
            event.pinnedUntil = date
        } else {
            findings.append(Diagnostic(.coiPinnedTimeout, .warning, at: field.range ?? 0..<0,
                                       "the pinned timeout \"\(value)\" is no date"))
        }
    }

    mutating func checkContact() {
        let hashes = fields.all(named: "COI-From-Hash")
        if hashes.isEmpty {
            findings.append(Diagnostic(.coiContactHash, .warning, at: 0, "contact storage message without COI-From-Hash"))
        }
        for field in hashes where !COIFromHash.isWellFormed(field.value.trimmingSpaces()) {
            findings.append(Diagnostic(.coiContactHash, .error, at: field.range ?? 0..<0,
                                       "COI-From-Hash is not 64 lowercase hexadecimal digits"))
        }
    }

    mutating func checkChatMessage(chatID: COIMessageID?, senders: [Mailbox], leaves: [Leaf], dateDiagnostics: [Diagnostic]) {
        if let chatID {
            if chatID.prefix == .coi {
                findings.append(Diagnostic(.coiLegacyPrefix, .info, at: range(of: "Message-ID"),
                                           "the message-id uses the legacy coi$ prefix; chat$ is current"))
            }
            if chatID.hasMalformedGroupPart {
                findings.append(Diagnostic(.coiMalformedGroupID, .warning, at: range(of: "Message-ID"),
                                           "the message-id has a group part without a valid group id"))
            }
        }
        guard let version = fields.first(named: "Chat-Version") else {
            if chatID != nil {
                findings.append(Diagnostic(.coiMissingChatVersion, .warning, at: range(of: "Message-ID"),
                                           "a chat message-id without Chat-Version"))
            }
            return
        }
        // The rest applies to messages sent by chat clients, not to replies from mail clients.
        let versionText = version.value.trimmingSpaces()
        if versionText != "1.0" && !versionText.hasPrefix("1.0;") {
            findings.append(Diagnostic(.coiUnsupportedChatVersion, .warning, at: version.range ?? 0..<0,
                                       "Chat-Version \"\(versionText)\" is not 1.0"))
        }
        if chatID == nil, fields.first(named: "Message-ID") != nil, fields.first(named: "Chat-Group-ID") == nil {
            findings.append(Diagnostic(.coiMessageIDNotChat, .warning, at: range(of: "Message-ID"),
                                       "the Message-ID of a chat message should start with chat$"))
        }
        for name in ["Message-ID", "Date", "MIME-Version"] where fields.first(named: name) == nil {
            findings.append(Diagnostic(.coiMissingField, .error, at: 0, "a chat message must have \(name)"))
        }
        if senders.count != 1 {
            findings.append(Diagnostic(.coiMultipleFrom, .error, at: range(of: "From"),
                                       "a chat message must have exactly one From address, not \(senders.count)"))
        }
        if fields.first(named: "Sender") != nil {
            findings.append(Diagnostic(.coiSenderPresent, .warning, at: range(of: "Sender"),
                                       "a chat message should not have Sender"))
        }
        if let requested = addresses("Disposition-Notification-To").first, let sender = senders.first,
           COIFromHash.normalize(address: requested.addrSpec) != COIFromHash.normalize(address: sender.addrSpec) {
            findings.append(Diagnostic(.coiReceiptAddressMismatch, .warning, at: range(of: "Disposition-Notification-To"),
                                       "Disposition-Notification-To (\(requested.addrSpec)) is not the From address (\(sender.addrSpec))"))
        }
        if dateDiagnostics.contains(where: { $0.code == .dateWeekdayMismatch }) {
            findings.append(Diagnostic(.coiDateWeekday, .warning, at: range(of: "Date"),
                                       "the weekday of Date does not match the date"))
        }
        checkAddressLists()
        checkReferences()
        checkParts(leaves)
    }

    mutating func checkAddressLists() {
        for name in ["To", "Cc", "Reply-To"] {
            for field in fields.all(named: name) {
                var diagnostics: [Diagnostic] = []
                let parsed = Address.parseList(field.rawValue, diagnostics: &diagnostics)
                let isGroupSyntax = parsed.contains { if case .group = $0 { true } else { false } }
                let trailing = COIBytes.trimmed(Array(field.rawValue)).last == UInt8(ascii: ";")
                if diagnostics.contains(where: { $0.code == .addressSemicolonSeparator }) || (trailing && !isGroupSyntax) {
                    findings.append(Diagnostic(.coiAddressSemicolons, .info, at: field.range ?? 0..<0,
                                               "\(name) separates addresses with \";\"; commas are standard"))
                }
            }
        }
    }

    mutating func checkReferences() {
        for name in ["In-Reply-To", "References"] {
            for field in fields.all(named: name) {
                var diagnostics: [Diagnostic] = []
                _ = MessageID.parseList(field.rawValue, diagnostics: &diagnostics)
                if diagnostics.contains(where: { $0.severity >= .warning }) {
                    findings.append(Diagnostic(.coiMalformedReference, .warning, at: field.range ?? 0..<0,
                                               "\(name) holds a malformed message-id"))
                }
            }
        }
    }

    mutating func checkParts(_ leaves: [Leaf]) {
        let readable = leaves.contains { leaf in
            guard leaf.chatContent?.value != .ignore else { return false }
            switch leaf.type.type {
            case "text", "image", "audio", "video": return true
            default: return false
            }
        }
        if !readable && !isReport() {
            findings.append(Diagnostic(.coiNoReadablePart, .warning, at: 0,
                                       "no part that an ordinary mail client can show (text, HTML, image, audio or video)"))
        }
        for leaf in leaves where Self.isAttachment(leaf) && !leaf.type.isMessage {
            if leaf.part.headers.first(named: "Content-Transfer-Encoding") == nil {
                findings.append(Diagnostic(.coiBinaryPartFields, .error, at: leaf.part.headerOffset,
                                           "a binary part must have Content-Transfer-Encoding"))
            }
            if leaf.disposition == nil {
                findings.append(Diagnostic(.coiBinaryPartFields, .warning, at: leaf.part.headerOffset,
                                           "a binary part should have Content-Disposition: inline with filename and size"))
            }
        }
    }

    // MARK: - Field access

    func addresses(_ name: String) -> [Mailbox] {
        var ignored: [Diagnostic] = []
        return fields.all(named: name).flatMap { Address.parseList($0.rawValue, diagnostics: &ignored) }.mailboxes
    }

    func firstMessageID(_ name: String) -> MessageID? {
        var ignored: [Diagnostic] = []
        guard let field = fields.first(named: name) else { return nil }
        return MessageID.parseList(field.rawValue, maximumCount: 1, diagnostics: &ignored).first
    }

    func range(of name: String) -> Range<Int> {
        fields.first(named: name)?.range ?? 0..<0
    }
}
