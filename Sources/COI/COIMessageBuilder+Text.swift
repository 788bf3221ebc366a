public import COIMicroformats
public import MIMECore

extension COIMessageBuilder {
    /// A text message (COI client spec, "Text Messages"): `text/plain; charset=utf-8;
    /// format=flowed`.
    public func text(_ text: String) -> MessageBuilder {
        envelope(Self.flowed(text))
    }

    /// A formatted text message: `multipart/alternative` with the plain text, the HTML (with an
    /// optional `Chat-Content: ignore` note for ordinary mail clients, both in a
    /// `multipart/mixed`), and optionally the markdown source, in increasing richness.
    ///
    /// - Parameter html: an HTML fragment (the body's content); it is sent as given.
    public func formattedText(plain: String, html: String, markdown: String? = nil,
                              ignoredHTML: String? = nil) -> MessageBuilder {
        var htmlPart = Self.html(html)
        if let ignoredHTML {
            var note = Self.html(ignoredHTML, chatContent: .ignore)
            note.disposition = nil
            htmlPart = .multipart("mixed", [htmlPart, note])
        }
        var parts = [Self.flowed(plain), htmlPart]
        if let markdown { parts.append(.text(markdown, subtype: "markdown")) }
        return envelope(.multipart("alternative", parts))
    }

    /// A piece of a message that mentions participants.
    public enum Segment: Sendable, Hashable {
        /// Plain text.
        case text(String)
        /// A mention: `@"Name":address` in plain text, a `mention` link in HTML.
        case mention(Mention)
    }

    /// A text message with mentions (COI client spec, "Mentions in Group Messages"):
    /// `multipart/alternative` with the plain-text form (`@"Name":address`, `@all`) and the
    /// HTML form (`<a class="mention" href="mailto:address">@Name</a>`).
    public func mentioning(_ segments: [Segment]) -> MessageBuilder {
        var plain = ""
        var html = ""
        for segment in segments {
            switch segment {
            case .text(let text):
                plain += text
                html += HTMLEscaping.text(text).replacingNewlines(with: "<br>\n")
            case .mention(let mention):
                plain += mention.plainText
                html += mention.html
            }
        }
        return envelope(.multipart("alternative", [Self.flowed(plain), Self.html("<p>" + html + "</p>\n")]))
    }

    /// An edit request (COI client spec, "Edit and Delete Messages"): the new text, with
    /// `Chat-Content: editrequest` and `In-Reply-To` the edited message (the last edit of it,
    /// when it was edited before).
    public func edit(_ original: MessageID, newText: String) -> MessageBuilder {
        let copy = referring(to: original)
        let delta = options.emitsDeltaChatHeaders ? [MessageBuilder.Field("Chat-Edit", .messageIDs([original]))] : []
        return copy.envelope(Self.flowed(newText), chatContent: ChatContent.editRequest.rawValue, extra: delta)
    }

    /// A delete request: `Chat-Content: deleterequest`, `In-Reply-To` the deleted message, and
    /// a short note for ordinary mail clients.
    public func delete(_ original: MessageID, note: String = "(original message marked as deleted)") -> MessageBuilder {
        let copy = referring(to: original)
        let delta = options.emitsDeltaChatHeaders ? [MessageBuilder.Field("Chat-Delete", .messageIDs([original]))] : []
        return copy.envelope(Self.flowed(note), chatContent: ChatContent.deleteRequest.rawValue, extra: delta)
    }

    /// A location (COI client spec, "Location Messages"): `multipart/alternative` with the text
    /// and a `Position: LAT, LON` line, and an HTML part with the h-geo marked
    /// `Chat-Content: location`.
    public func location(_ location: HGeo, text: String) -> MessageBuilder {
        let plain = text + "\n-\n" + location.plainText + "\n"
        let html = Self.paragraph(text) + "<hr>\n<p>Position:</p>\n" + location.html
        return envelope(.multipart("alternative", [Self.flowed(plain), Self.html(html, chatContent: .location)]))
    }

    /// A pinned message (COI client spec, "Pinned Messages"): the text with
    /// `Content-Disposition: pinned` and, when given, a quoted `timeout` date.
    public func pinned(_ text: String, until timeout: MessageDate? = nil) -> MessageBuilder {
        var part = Self.flowed(text)
        var disposition = ContentDisposition(.pinned)
        if let timeout { disposition.parameters.set("timeout", to: timeout.rfc5322) }
        part.disposition = disposition
        return envelope(part)
    }

    /// A reaction (RFC 9078): the emoji as `text/plain` with `Content-Disposition: reaction`,
    /// `In-Reply-To` the message reacted to; an empty reaction withdraws the sender's earlier one.
    public func reaction(_ emoji: String, to target: MessageID) -> MessageBuilder {
        let copy = referring(to: target)
        var part = MessageBuilder.Part.text(emoji)
        part.disposition = ContentDisposition(.reaction)
        return copy.envelope(part)
    }

    /// An extension message (COI client spec, "Extension Messages"): a plain-text explanation
    /// for other clients, then the client's parts, each marked with `chatContent`, in a
    /// `multipart/mixed`; the message itself carries `Chat-Content` too.
    ///
    /// - Precondition: `chatContent` should start with a reverse domain (``ChatContent/isExtension``).
    public func extensionMessage(_ chatContent: ChatContent, explanation: String,
                                 parts: [MessageBuilder.Part]) -> MessageBuilder {
        let marked = parts.map { part -> MessageBuilder.Part in
            var part = part
            part.extraFields.append(Self.chatContentField(chatContent))
            if case .binary = part.content, part.disposition == nil {
                part.disposition = ContentDisposition(.inline)
                part.transferEncoding = part.transferEncoding ?? .base64
            }
            return part
        }
        return envelope(.multipart("mixed", [Self.flowed(explanation)] + marked), chatContent: chatContent.rawValue)
    }
}

extension String {
    /// The text with every line break replaced by `separator`.
    func replacingNewlines(with separator: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: separator)
    }
}
