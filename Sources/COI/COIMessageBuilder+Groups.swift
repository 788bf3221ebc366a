public import COIMicroformats
public import MIMECore

extension COIMessageBuilder {
    /// A new group conversation: a fresh group id (unless given), the name as `Subject`, the
    /// members in `To`, and no thread (COI client spec, "Converting a 1:1 to a Group
    /// Conversation": a new `Message-ID` and `References`). Send ``groupInfo(_:group:)`` with
    /// the first message.
    public func startingGroup(named name: String, members: [Address], id: GroupID? = nil) -> COIMessageBuilder {
        var copy = self
        copy.group = id ?? GroupID.generate()
        copy.groupName = name
        copy.subject = nil
        copy.to = members
        copy.inReplyTo = nil
        copy.references = []
        copy.messageID = nil
        return copy
    }

    /// The group of a received message that an ordinary mail client turned into a group (the
    /// spec's 1:1-to-group rule): the name from `Subject` without reply prefixes, the other
    /// participants from `From`, `To` and `Cc`, a new group id.
    public func startingGroup(from message: Message, id: GroupID? = nil) -> COIMessageBuilder {
        let name = SubjectNormalizer.groupName(fromSubject: message.subject ?? "")
        let own = COIFromHash.normalize(address: from.addrSpec)
        var seen: Set<String> = [own]
        var members: [Address] = []
        for mailbox in (message.from + message.to + message.cc).mailboxes {
            let key = COIFromHash.normalize(address: mailbox.addrSpec)
            if seen.insert(key).inserted { members.append(.mailbox(Mailbox(localPart: mailbox.localPart, domain: mailbox.domain))) }
        }
        return startingGroup(named: name, members: members, id: id)
    }

    /// A group message that describes the group (COI client spec, "Group Information Message
    /// Part"): `multipart/alternative` with the text and an HTML part holding the text and the
    /// h-group (hidden), marked `Chat-Content: groupinfo`. The h-group's id is the builder's
    /// group when it has none.
    public func groupInfo(_ text: String, group: HGroup) -> MessageBuilder {
        let group = completed(group)
        let html = Self.paragraph(text) + "<div style=\"display: none;\">\n<hr>\n" + group.html + "</div>\n"
        return envelope(.multipart("alternative", [Self.flowed(text), Self.html(html, chatContent: .groupInfo)]))
    }

    /// A group storage message (COI client spec, "Group Storage Message"): `Chat-Content:
    /// group`, a `multipart/mixed` holding one `text/html` part with the h-group. `Subject` is
    /// `Group` unless set.
    public func groupStorage(_ group: HGroup) -> MessageBuilder {
        let copy = storage(subject: "Group")
        let group = completed(group)
        return copy.envelope(.multipart("mixed", [Self.html(group.html)]), chatContent: ChatContent.group.rawValue)
    }

    /// Leaving the group (COI client spec, "Leaving a Group"): `Chat-Content: groupleft`, the
    /// text (a reason for the others), `To` and `Reply-To` the remaining members, so that
    /// ordinary mail clients answer only them.
    public func groupLeft(_ text: String, remaining: [Address]) -> MessageBuilder {
        var copy = self
        copy.to = remaining
        var message = copy.envelope(Self.flowed(text), chatContent: ChatContent.groupLeft.rawValue,
                                    extra: options.emitsDeltaChatHeaders
                                        ? [MessageBuilder.Field("Chat-Group-Member-Removed", .structured(fromAddress))] : [])
        message.replyTo = remaining
        return message
    }

    /// A request for the group's description (COI client spec, "Request Group Information"):
    /// a text message with `Chat-Content: grouprequested`.
    public func groupRequest(_ text: String) -> MessageBuilder {
        envelope(Self.flowed(text), chatContent: ChatContent.groupRequest.rawValue)
    }

    /// The h-group with this conversation's group id and name where it has none.
    func completed(_ group: HGroup) -> HGroup {
        var group = group
        if group.id == nil { group.id = self.group?.rawValue }
        if group.name == nil { group.name = groupName }
        return group
    }
}
