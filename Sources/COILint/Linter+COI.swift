internal import COI
internal import COIMicroformats
internal import MIMECore

/// The `Chat-Content` values of the COI client spec's list ("COI-specific Message Header Fields").
/// The Chat-Content values of the spec: those of its header list and those its sections define
/// (groupinfo, grouprequested and location appear only in the sections).
private let listedChatContent: Set<String> = [
    "ignore", "status", "editrequest", "deleterequest", "preview", "contact", "profile", "profilerequest", "group",
    "groupinfo", "grouprequested", "groupleft", "location", "poll", "pollvote", "pollclose",
]

/// Spellings readers accept and writers should replace (issue 5's accept/emit table): the header
/// list's names for the group parts disagree with the sections, which this library emits.
private let legacyChatContent: [String: String] = [
    "edit": "editrequest", "groupprofile": "groupinfo", "groupprofilerequest": "grouprequested",
]

extension Linter {
    /// Whether the message is a COI chat message (the COI layer's detection: Chat-Version, a
    /// chat Message-ID, a chat References id or Chat-Group-ID).
    static func isChat(_ message: Message) -> Bool {
        // Ordinary mail has none of the fields detection looks at, or message-ids that cannot be
        // chat ids: one pass over the header rules that out before the detection's lookups.
        for index in message.headers.indices {
            let field = message.headers[index]
            let kind = FieldKind(field)
            if kind == .chatVersion || kind == .chatGroupID
                || ((kind == .messageID || kind == .references) && COIDetection.mayHoldChatID(field.rawValue)) {
                return COIDetection(message: message).isChat
            }
        }
        return false
    }

    /// The COI client specification findings of a message (its own parts, not those of
    /// messages encapsulated in it).
    func coiFindings(_ message: Message) -> [Finding] {
        let headers = message.headers
        let start = message.root.headerOffset
        var findings: [Finding] = []

        // Chat-Version: 1.0, parameters allowed after ';'.
        if let field = headers.first(named: "Chat-Version") {
            let value = Self.trimmed(field.decodedValue(options: options).text)
            let version = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { Self.trimmed(String($0)) } ?? ""
            if version != "1.0" {
                findings.append(Finding(.coiChatVersion, at: Self.valueOffset(field), "Chat-Version is \"\(value)\"; it must be 1.0"))
            }
        } else {
            findings.append(Finding(.coiChatVersion, at: start, "chat message without a Chat-Version field"))
        }

        // Exactly one From address.
        if headers.first(named: "From") != nil {
            let count = message.from.mailboxes.count
            if count != 1 || message.from.count != 1, let field = headers.first(named: "From") {
                findings.append(Finding(.coiSingleFrom, at: Self.valueOffset(field),
                                        "From holds \(count) addresses; a chat message has exactly one author"))
            }
        } else {
            findings.append(Finding(.coiSingleFrom, at: start, "chat message without a From field"))
        }

        // A Date that can be read.
        if let field = headers.first(named: "Date") {
            if message.date == nil {
                findings.append(Finding(.coiDate, at: Self.valueOffset(field), "the Date cannot be read as an RFC 5322 date"))
            }
        } else {
            findings.append(Finding(.coiDate, at: start, "chat message without a Date field"))
        }

        findings += messageIDFindings(message, at: start)

        if let field = headers.first(named: "MIME-Version") {
            if Self.trimmed(ASCII.string(field.unfoldedValue)).prefix(3) != "1.0" {
                findings.append(Finding(.coiMIMEVersion, at: Self.valueOffset(field), "MIME-Version must be 1.0"))
            }
        } else {
            findings.append(Finding(.coiMIMEVersion, at: start, "chat message without MIME-Version: 1.0"))
        }

        if let field = headers.first(named: "Sender") {
            findings.append(Finding(.coiSender, at: field.offset ?? start, "a chat message should not have a Sender field"))
        }

        if let field = headers.first(named: "Disposition-Notification-To") {
            let requested = Set(message.addresses("Disposition-Notification-To").mailboxes.map { $0.addrSpec.lowercased() })
            let authors = Set(message.from.mailboxes.map { $0.addrSpec.lowercased() })
            if requested != authors {
                let shown = requested.sorted().joined(separator: ", ")
                findings.append(Finding(.coiDispositionNotificationTo, at: Self.valueOffset(field),
                                        "Disposition-Notification-To (\(shown)) is not the From address"))
            }
        }

        if let field = headers.first(named: "References") {
            let count = message.references.count
            if count > 2 {
                findings.append(Finding(.coiReferences, at: Self.valueOffset(field),
                                        "References holds \(count) message-ids; a chat message sends the first and the last only"))
            }
        }

        // Each rule walks the parts again rather than collecting them: a message of many small
        // parts keeps them as compact records, which an array of parts would undo.
        message.root.forEachPartInMessage { part in
            findings += chatContentFindings(part, message: message)
            findings += pinnedTimeoutFindings(part)
        }
        findings += bodyFindings(message)
        findings += fromHashFindings(message)
        return findings
    }

    /// COI-MESSAGE-ID, COI-MESSAGE-ID-LEGACY and COI-GROUP-ID.
    private func messageIDFindings(_ message: Message, at start: Int) -> [Finding] {
        var findings: [Finding] = []
        if let field = message.headers.first(named: "Chat-Group-ID") {
            findings += groupIDFindings(Self.trimmed(ASCII.string(field.unfoldedValue)), at: Self.valueOffset(field))
        }
        guard let field = message.headers.first(named: "Message-ID") else {
            return findings + [Finding(.coiMessageID, at: start, "chat message without a Message-ID field")]
        }
        let offset = Self.valueOffset(field)
        guard let id = message.messageID else {
            return findings + [Finding(.coiMessageID, at: offset, "the Message-ID cannot be read")]
        }
        guard let chatID = COIMessageID(id) else {
            return findings + [Finding(.coiMessageID, at: offset, "Message-ID <\(id.text)> does not start with chat$")]
        }
        if chatID.prefix.isLegacy {
            findings.append(Finding(.coiMessageIDLegacy, at: offset,
                                    "Message-ID uses the legacy prefix \(chatID.prefix); new messages use chat$"))
        }
        if chatID.hasMalformedGroupPart {
            let groupPart = chatID.unique.dropFirst("group.".count).prefix { $0 != "." }
            findings += groupIDFindings(String(groupPart), at: offset)
        } else if let group = chatID.groupID {
            findings += groupIDFindings(group.rawValue, at: offset)
        }
        return findings
    }

    /// A group id breaks the spec's grammar: `[0-9A-Za-z_-]+`, at least 12 characters (COI client
    /// spec, "Group Messages"). The COI layer reads 11-character ids for Delta Chat's sake; the
    /// spec does not allow them.
    private func groupIDFindings(_ id: String, at offset: Int) -> [Finding] {
        if GroupID(rawValue: id) == nil {
            return [Finding(.coiGroupID, at: offset, "group ID \"\(id)\" is not 12 or more characters of [0-9A-Za-z_-]")]
        }
        if id.utf8.count < 12 {
            return [Finding(.coiGroupID, at: offset, "group ID \"\(id)\" has \(id.utf8.count) characters; the spec requires 12 or more")]
        }
        return []
    }

    /// The `Chat-Content` field of one part: spelling, and edits and deletes without
    /// `In-Reply-To`.
    private func chatContentFindings(_ part: MIMEPart, message: Message) -> [Finding] {
        guard let field = part.headers.first(named: "Chat-Content") else { return [] }
        let raw = Self.trimmed(field.decodedValue(options: options).text)
        let pieces = raw.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        let value = Self.trimmed(String(pieces.first ?? "")).lowercased()
        let parameters = pieces.count > 1 ? Self.trimmed(String(pieces[1])) : nil
        let offset = Self.valueOffset(field)
        var findings: [Finding] = []
        if let replacement = legacyChatContent[value] {
            findings.append(Finding(.coiChatContentLegacy, at: offset,
                                    "Chat-Content \"\(value)\" is the legacy spelling of \(replacement)"))
        } else if !listedChatContent.contains(value) && !value.contains(".") {
            // A value with a dot is a client-specific (reverse domain) extension, which the spec allows.
            findings.append(Finding(.coiChatContentUnknown, at: offset, "Chat-Content \"\(value)\" is not in the spec's list"))
        }
        if parameters == "" {
            findings.append(Finding(.coiChatContentLegacy, at: offset, "Chat-Content \"\(raw)\" ends in a ';' without parameters"))
        }
        if ["edit", "editrequest", "deleterequest"].contains(value), message.inReplyTo.isEmpty {
            findings.append(Finding(.coiEditInReplyTo, at: offset,
                                    "\(value) without an In-Reply-To naming the message it changes"))
        }
        return findings
    }

    /// The `timeout` of `Content-Disposition: pinned` (COI client spec, "Pinned Messages") is a
    /// date-time, checked with the RFC 5322 date rules. It is read from the raw field, up to the
    /// next `;` or the closing quote, because the spec's own example leaves it unquoted and the
    /// parameter grammar would stop at its first comma.
    private func pinnedTimeoutFindings(_ part: MIMEPart) -> [Finding] {
        guard let field = part.headers.first(named: "Content-Disposition"), let fieldOffset = field.offset,
              part.contentDisposition?.kind.rawValue.lowercased() == "pinned" else { return [] }
        let value = field.rawValue
        let name = Array("timeout=".utf8)
        var index = value.startIndex
        while index + name.count <= value.endIndex,
              !ASCII.equalsIgnoringCase(value[index..<index + name.count], name) { index += 1 }
        guard index + name.count <= value.endIndex else { return [] }
        var start = index + name.count
        var end = value.endIndex
        if start < end, value[start] == ASCII.quote {
            start += 1
            end = value[start...].firstIndex(of: ASCII.quote) ?? end
        } else {
            end = value[start...].firstIndex(of: ASCII.semicolon) ?? end
        }
        var diagnostics: [Diagnostic] = []
        _ = MessageDate.parse(value[start..<end], diagnostics: &diagnostics)
        let delta = fieldOffset - field.rawBytes.startIndex
        return diagnostics.compactMap { diagnostic in
            Self.finding(diagnostic.shifted(by: delta)).map { finding in
                var finding = finding
                finding.message = "pinned timeout: " + finding.message
                return finding
            }
        }
    }

    /// The rules about the message's parts: binary parts, a human-readable part, read
    /// receipts, profile parts and mentions.
    private func bodyFindings(_ message: Message) -> [Finding] {
        var findings: [Finding] = []
        var hasReadablePart = false
        let messageChatContent = Self.chatContentValue(message.root)
        message.root.forEachPartInMessage { part in
            guard part.isLeaf else { return }
            let type = part.contentType
            let chatContent = Self.chatContentValue(part)
            let media = type.type.lowercased()
            if chatContent != "ignore",
               (type.isText && ["plain", "html"].contains(type.subtype.lowercased())) || ["image", "audio", "video"].contains(media) {
                hasReadablePart = true
            }
            if Self.isBinary(type) {
                if part.headers.first(named: "Content-Transfer-Encoding") == nil {
                    findings.append(Finding(.coiBinaryTransferEncoding, at: part.headerOffset,
                                            "binary \(type.mimeType) part without Content-Transfer-Encoding"))
                }
                let disposition = part.contentDisposition
                var missing: [String] = []
                if disposition?.kind.rawValue.lowercased() != "inline" { missing.append("inline") }
                if disposition?.parameters["filename"] == nil { missing.append("filename") }
                if disposition?.parameters["size"] == nil { missing.append("size") }
                if !missing.isEmpty {
                    let field = part.headers.first(named: "Content-Disposition")
                    findings.append(Finding(.coiBinaryDisposition, at: field.map(Self.valueOffset) ?? part.headerOffset,
                                            "binary \(type.mimeType) part without Content-Disposition \(missing.joined(separator: ", "))"))
                }
            }
            if messageChatContent == "profile", part.headers.first(named: "Chat-Content") == nil,
               part.headerOffset != message.root.headerOffset {
                findings.append(Finding(.coiProfileChatContent, at: part.headerOffset,
                                        "part of a profile message without Chat-Content: profile"))
            }
            if type.isText, type.subtype.lowercased() == "html" {
                findings += htmlFindings(part, message: message, chatContent: chatContent ?? messageChatContent)
            }
        }
        if !hasReadablePart {
            findings.append(Finding(.coiHumanReadable, at: message.root.headerOffset,
                                    "no text/plain, text/html or media part that people can read"))
        }
        message.root.forEachPartInMessage { part in
            guard Self.isReadReceipt(part) else { return }
            for child in part.parts {
                let type = child.contentType.mimeType.lowercased()
                if type == "message/rfc822" || type == "text/rfc822-headers" || type == "message/global" {
                    findings.append(Finding(.coiReadReceiptOriginal, at: child.headerOffset,
                                            "read receipt includes the original message (\(type))"))
                }
            }
        }
        return findings
    }

    /// Mentions without the `mention` class, and h-cards in parts not marked as profiles.
    private func htmlFindings(_ part: MIMEPart, message: Message, chatContent: String?) -> [Finding] {
        let body = part.decodedBody().bytes
        guard let document = try? HTMLDocument(parsing: body) else { return [] }
        let formats = Microformats(document: document)
        // Offsets into the HTML are body offsets only when the body is not transfer-encoded, and
        // only while they stay inside it: libxml2 reports positions in its converted input, which
        // grows when it reads invalid UTF-8 as Latin-1 (found by fuzz-lint).
        let encoding = part.transferEncoding
        let identity = encoding == nil || encoding == .sevenBit || encoding == .eightBit || encoding == .binary
        func position(_ offset: Int) -> Int {
            identity && offset >= 0 && offset <= body.count ? part.bodyOffset + offset : part.bodyOffset
        }
        var findings: [Finding] = []
        for diagnostic in formats.mentions.findings where diagnostic.code == .mentionWithoutClass {
            findings.append(Finding(.coiMentionClass, at: position(diagnostic.offset), diagnostic.message))
        }
        findings += hashElementFindings(document, message: message, position: position)
        let marked: Set<String> = ["profile", "contact", "group", "groupprofile", "groupinfo", "groupleft"]
        if !formats.cards.isEmpty, !marked.contains(chatContent ?? "") {
            findings.append(Finding(.coiProfileChatContent, at: part.headerOffset,
                                    "HTML part with an h-card but without Chat-Content: profile"))
        }
        return findings
    }

    /// `p-hash` values (group participants, COI client spec "Group Storage Message") that are the
    /// hash of no address in the message: not of a `u-email` in the HTML, nor of an address
    /// field. Elements are searched by class rather than through the h-card tree, because a
    /// `<p class="h-card">` holding a `<p class="p-hash">` is closed early by the HTML parser and
    /// the hash ends up outside its card (as in the spec's own example).
    private func hashElementFindings(_ document: HTMLDocument, message: Message, position: (Int) -> Int) -> [Finding] {
        let hashElements = document.elements.filter { $0.hasClass("p-hash") }
        guard !hashElements.isEmpty else { return [] }
        var addresses: [String] = []
        for element in document.elements where element.hasClass("u-email") {
            let value = Self.trimmed(element.attribute("href") ?? element.textContent)
            addresses.append(value.lowercased().hasPrefix("mailto:") ? String(value.dropFirst(7).prefix { $0 != "?" }) : value)
        }
        for name in ["From", "Sender", "Reply-To", "To", "Cc"] {
            addresses += message.addresses(name).mailboxes.map(\.addrSpec)
        }
        let hashes = Set(addresses.map { COIFromHash.hash(address: $0) })
        var findings: [Finding] = []
        for element in hashElements {
            let value = Self.trimmed(element.textContent).lowercased()
            if !hashes.contains(value) {
                findings.append(Finding(.coiFromHash, at: position(element.sourceOffset),
                                        "p-hash \(value.prefix(16))... is the SHA3-256 of no address in the message"))
            }
        }
        return findings
    }

    /// COI-From-Hash fields that match none of the addresses of the h-cards in the message.
    private func fromHashFindings(_ message: Message) -> [Finding] {
        let fields = message.headers.all(named: "COI-From-Hash")
        guard !fields.isEmpty else { return [] }
        var addresses: [String] = []
        message.root.forEachPartInMessage { part in
            guard part.isLeaf && part.contentType.isText && part.contentType.subtype.lowercased() == "html" else { return }
            if let formats = try? Microformats(html: part.decodedBody().bytes) {
                addresses += (formats.cards + formats.groups.flatMap(\.participants)).flatMap(\.emails)
            }
        }
        let hashes = Set(addresses.map { COIFromHash.hash(address: $0) })
        var findings: [Finding] = []
        for field in fields {
            let value = Self.trimmed(ASCII.string(field.unfoldedValue))
            if !COIFromHash.isWellFormed(value) {
                findings.append(Finding(.coiFromHash, at: Self.valueOffset(field),
                                        "COI-From-Hash is not 64 lowercase hexadecimal digits"))
            } else if !hashes.isEmpty, !hashes.contains(value) {
                findings.append(Finding(.coiFromHash, at: Self.valueOffset(field),
                                        "COI-From-Hash is the SHA3-256 of none of the contact's addresses (\(addresses.joined(separator: ", ")))"))
            }
        }
        return findings
    }

    /// The lowercased `Chat-Content` value of a part without parameters.
    static func chatContentValue(_ part: MIMEPart) -> String? {
        guard let field = part.headers.first(named: "Chat-Content") else { return nil }
        let text = ASCII.string(field.unfoldedValue)
        return trimmed(String(text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")).lowercased()
    }

    /// Media that the spec's "Binary Messages" section covers: images, audio, video and other
    /// application data except JSON, which COI uses for structured data.
    static func isBinary(_ type: ContentType) -> Bool {
        let media = type.type.lowercased()
        let subtype = type.subtype.lowercased()
        if ["image", "audio", "video"].contains(media) { return true }
        return media == "application" && subtype != "json" && !subtype.hasSuffix("+json")
    }

    static func isReadReceipt(_ part: MIMEPart) -> Bool {
        let type = part.contentType
        return type.isMultipart && type.subtype.lowercased() == "report"
            && type.parameters["report-type"]?.lowercased() == "disposition-notification"
    }

    /// The message offset of the first non-blank byte of a field's value.
    static func valueOffset(_ field: HeaderField) -> Int {
        guard let offset = field.offset else { return 0 }
        let value = field.rawValue
        let first = value.firstIndex { !ASCII.isWhitespaceOrNewline($0) } ?? value.startIndex
        return offset + (first - field.rawBytes.startIndex)
    }

    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension MIMEPart {
    /// Calls `body` with this part and every part below it, depth first, without descending
    /// into encapsulated messages (they are messages of their own).
    func forEachPartInMessage(_ body: (MIMEPart) -> Void) {
        walkParts(includingNestedMessages: false) { part, _ in body(part) }
    }
}
