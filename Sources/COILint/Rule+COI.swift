// The COI client specification's rules. Sections are the spec's headings, since the spec has no
// section numbers.

private let spec = "COI client spec"
private let specURL = "https://github.com/coi-dev/coi-specs/blob/master/coi-client-spec.md"
private let headerSection = "COI-specific Message Header Fields"

extension Rule {
    /// A chat message carries `Chat-Version: 1.0`.
    public static let coiChatVersion = Rule(
        "COI-CHAT-VERSION", .error, .coi, document: spec, section: headerSection, url: specURL + "#coi-specific-message-header-fields",
        summary: "A chat message has no Chat-Version field, or its value is not 1.0.",
        explanation: """
            A COI message MUST contain the Chat-Version header field with a value of "1.0"; \
            parameters MAY follow after a semicolon (Chat-Version: 1.0;name=value). Servers and \
            clients use the field to tell chat messages from other mail.
            """,
        failing: RuleExample.chat(changing: [("Chat-Version", "2")]),
        passing: RuleExample.chat())

    /// A chat message has exactly one author address.
    public static let coiSingleFrom = Rule(
        "COI-FROM-SINGLE", .error, .coi, document: spec, section: headerSection, url: specURL + "#coi-specific-message-header-fields",
        summary: "The From field of a chat message does not hold exactly one address.",
        explanation: """
            A COI message MUST only contain one address in the From field. RFC 5322 allows a \
            list of authors (with a Sender); a chat has exactly one.
            """,
        failing: RuleExample.chat(changing: [("From", "Anna <anna@example.org>, Cleo <cleo@example.org>")]),
        passing: RuleExample.chat())

    /// A chat message has a valid `Date`.
    public static let coiDate = Rule(
        "COI-DATE", .error, .coi, document: spec, section: headerSection, url: specURL + "#coi-specific-message-header-fields",
        summary: "A chat message has no Date field that can be read.",
        explanation: """
            A COI message MUST contain a Date header field with a value adhering to RFC 5322 \
            section 3.3. Clients order the conversation by it.
            """,
        failing: RuleExample.chat(changing: [("Date", "yesterday")]),
        passing: RuleExample.chat())

    /// A chat message's Message-ID is `chat$...@domain`.
    public static let coiMessageID = Rule(
        "COI-MESSAGE-ID", .error, .coi, document: spec, section: headerSection, url: specURL + "#coi-specific-message-header-fields",
        summary: "A chat message's Message-ID is missing or not of the form <chat$ID@domain>.",
        explanation: """
            A COI message MUST contain a Message-ID header field of the form "chat$" + \
            domain-unique ID + "@" + mail domain, such as <chat$KJKJK2312321312KJ@mydomain.org> \
            (group messages: chat$group.GROUPID.UNIQUE@domain). The prefix lets servers and \
            clients recognize replies from clients that know nothing of COI. Earlier drafts' \
            coi$ prefix and the Gr./Mr. forms of other chat-over-email clients are reported as \
            legacy by COI-MESSAGE-ID-LEGACY instead.
            """,
        failing: RuleExample.chat(changing: [("Message-ID", "<lunch-1@example.org>")]),
        passing: RuleExample.chat())

    /// Legacy chat Message-ID forms.
    public static let coiMessageIDLegacy = Rule(
        "COI-MESSAGE-ID-LEGACY", .info, .coi, document: spec, section: "Status & Discussion", url: specURL + "#status--discussion",
        summary: "A chat message's Message-ID uses a legacy prefix (coi$, Gr., Mr.).",
        explanation: """
            Earlier COI drafts used coi$ as the Message-ID prefix, and other chat-over-email \
            clients use Gr. (groups) and Mr. (one-to-one). Such messages are recognized as chat \
            messages, but new messages use chat$.
            """,
        failing: RuleExample.chat(changing: [("Message-ID", "<coi$lunch.7f3a9c2e1b@example.org>")]),
        passing: RuleExample.chat())

    /// A chat message declares `MIME-Version: 1.0`.
    public static let coiMIMEVersion = Rule(
        "COI-MIME-VERSION", .error, .coi, document: spec, section: headerSection, url: specURL + "#coi-specific-message-header-fields",
        summary: "A chat message has no MIME-Version: 1.0 field.",
        explanation: """
            A COI message MUST contain MIME-Version: 1.0 in the header, even a plain-text one, \
            so that its Content-Type (UTF-8, format=flowed) is honoured.
            """,
        failing: RuleExample.chat(changing: [("MIME-Version", nil), ("Content-Type", nil)]),
        passing: RuleExample.chat())

    /// A chat message has no `Sender`.
    public static let coiSender = Rule(
        "COI-SENDER", .warning, .coi, document: spec, section: headerSection, url: specURL + "#coi-specific-message-header-fields",
        summary: "A chat message has a Sender field.",
        explanation: """
            A COI message SHOULD NOT have a Sender header field: the author in From is the one \
            who sends, and clients show no "on behalf of".
            """,
        failing: RuleExample.chat(extra: ["Sender: Bot <bot@example.org>"]),
        passing: RuleExample.chat())

    /// `Disposition-Notification-To` equals `From`.
    public static let coiDispositionNotificationTo = Rule(
        "COI-DNT-NOT-FROM", .error, .coi, document: spec, section: headerSection, url: specURL + "#coi-specific-message-header-fields",
        summary: "Disposition-Notification-To is not the From address.",
        explanation: """
            A COI message MAY contain a Disposition-Notification-To header field to request read \
            receipts; if it is present, its content MUST be the same as the From header field, \
            so that receipts cannot be sent to a third party.
            """,
        failing: RuleExample.chat(extra: ["Disposition-Notification-To: Tracker <track@example.net>"]),
        passing: RuleExample.chat(extra: ["Disposition-Notification-To: Anna <anna@example.org>"]))

    /// `References` holds the first and last message-id only.
    public static let coiReferences = Rule(
        "COI-REFERENCES", .warning, .coi, document: spec, section: headerSection, url: specURL + "#coi-specific-message-header-fields",
        summary: "References holds more than the conversation's first and last message-ids.",
        explanation: """
            A COI message SHOULD contain a References header field with the message-IDs of the \
            initial message and the last message only (contrary to RFC 5322's advice to list \
            every ancestor), because chats have far more messages than mail threads.
            """,
        failing: RuleExample.chat(extra: [
            "In-Reply-To: <chat$c@example.org>",
            "References: <chat$a@example.org> <chat$b@example.org> <chat$c@example.org>",
        ]),
        passing: RuleExample.chat(extra: [
            "In-Reply-To: <chat$c@example.org>",
            "References: <chat$a@example.org> <chat$c@example.org>",
        ]))

    /// Edits and deletes name the message they change.
    public static let coiEditInReplyTo = Rule(
        "COI-EDIT-IN-REPLY-TO", .error, .coi, document: spec, section: "Edit and Delete Messages", url: specURL + "#edit-and-delete-messages",
        summary: "An edit or delete request has no In-Reply-To naming the changed message.",
        explanation: """
            An edit message MUST set Chat-Content to editrequest and In-Reply-To to the \
            message-ID of the edited message; a delete message likewise with deleterequest. \
            Without In-Reply-To the receiver cannot know which message to change.
            """,
        failing: RuleExample.chat(extra: ["Chat-Content: editrequest"], body: "See you at one!\n"),
        passing: RuleExample.chat(extra: ["Chat-Content: editrequest", "In-Reply-To: <chat$lunch.0@example.org>"],
                                  body: "See you at one!\n"))

    /// Group ids are `[0-9A-Za-z_-]{12,}`.
    public static let coiGroupID = Rule(
        "COI-GROUP-ID", .error, .coi, document: spec, section: "Group Messages", url: specURL + "#group-messages",
        summary: "A group ID is shorter than 12 characters or holds characters other than [0-9A-Za-z_-].",
        explanation: """
            The group ID MUST only contain alphanumeric, minus and underline characters \
            ([0-9A-Za-z_-]+), is case-sensitive and MUST contain at least 12 characters. It is \
            embedded in group message-ids as chat$group.<group ID>.<unique>@<domain>, and sent \
            in Chat-Group-ID.
            """,
        failing: RuleExample.chat(changing: [("Message-ID", "<chat$group.crew.7f3a9c2e1b@example.org>")]),
        passing: RuleExample.chat(changing: [("Message-ID", "<chat$group.4321dcba1234.7f3a9c2e1b@example.org>")]))

    /// Chat-Content values in legacy spellings.
    public static let coiChatContentLegacy = Rule(
        "COI-CHAT-CONTENT-LEGACY", .info, .coi, document: spec, section: headerSection, url: specURL + "#coi-specific-message-header-fields",
        summary: "A Chat-Content value uses a legacy spelling (edit, groupprofile, groupprofilerequest, a trailing ';').",
        explanation: """
            The spec's header list names groupprofile and groupprofilerequest where its group \
            sections use groupinfo and grouprequested, and its examples write edit for \
            editrequest and a value followed by a lone ';'. Readers accept all of these; \
            writers should send editrequest, deleterequest, groupinfo and grouprequested, \
            without the ';'.
            """,
        failing: RuleExample.chat(extra: ["Chat-Content: edit;", "In-Reply-To: <chat$lunch.0@example.org>"],
                                  body: "See you at one!\n"),
        passing: RuleExample.chat(extra: ["Chat-Content: editrequest", "In-Reply-To: <chat$lunch.0@example.org>"],
                                  body: "See you at one!\n"))

    /// Chat-Content values outside the spec's list.
    public static let coiChatContentUnknown = Rule(
        "COI-CHAT-CONTENT-UNKNOWN", .info, .coi, document: spec, section: headerSection, url: specURL + "#coi-specific-message-header-fields",
        summary: "A Chat-Content value is not in the spec's list.",
        explanation: """
            The spec's Chat-Content values are ignore, status, editrequest, deleterequest, \
            preview, contact, profile, profilerequest, group, groupinfo, grouprequested, \
            groupleft, location, poll, pollvote and pollclose. Client-specific values must \
            start with a client-specific name, preferably a reverse domain \
            (com.example.Sticker), and are not reported. Other clients ignore a value they do \
            not know.
            """,
        failing: RuleExample.chat(extra: ["Chat-Content: sticker"]),
        passing: RuleExample.chat(extra: ["Chat-Content: status"]))

    /// Binary parts declare their transfer encoding.
    public static let coiBinaryTransferEncoding = Rule(
        "COI-BINARY-TRANSFER-ENCODING", .error, .coi, document: spec, section: "Binary Messages", url: specURL + "#binary-messages",
        summary: "A binary part has no Content-Transfer-Encoding field.",
        explanation: """
            A binary message MUST contain the Content-Transfer-Encoding header field; base64 \
            MUST be supported. Without it, binary data travels as 7bit and is damaged.
            """,
        failing: RuleExample.chat(changing: [("Content-Type", "image/png")],
                                  extra: ["Content-Disposition: inline; filename=\"dot.png\"; size=4"], body: "iVBO\n"),
        passing: RuleExample.chat(changing: [("Content-Type", "image/png")],
                                  extra: ["Content-Transfer-Encoding: base64", "Content-Disposition: inline; filename=\"dot.png\"; size=3"],
                                  body: "iVBO\n"))

    /// Binary parts are inline with a file name and size.
    public static let coiBinaryDisposition = Rule(
        "COI-BINARY-DISPOSITION", .warning, .coi, document: spec, section: "Binary Messages", url: specURL + "#binary-messages",
        summary: "A binary part lacks Content-Disposition: inline with filename and size.",
        explanation: """
            A binary message MUST contain a Content-Disposition field; it SHOULD have the value \
            inline, and the parameters filename and size (in octets) SHOULD be present, such as \
            Content-Disposition: inline; filename="earth.jpg"; size=2048.
            """,
        failing: RuleExample.chat(changing: [("Content-Type", "image/png")],
                                  extra: ["Content-Transfer-Encoding: base64", "Content-Disposition: inline"], body: "iVBO\n"),
        passing: RuleExample.chat(changing: [("Content-Type", "image/png")],
                                  extra: ["Content-Transfer-Encoding: base64", "Content-Disposition: inline; filename=\"dot.png\"; size=3"],
                                  body: "iVBO\n"))

    /// Every chat message has a part people can read.
    public static let coiHumanReadable = Rule(
        "COI-HUMAN-READABLE", .error, .coi, document: spec, section: "Backwards Compatibility", url: specURL + "#backwards-compatibility",
        summary: "A chat message has no part that people can read (text/plain, text/html or a media part).",
        explanation: """
            Each message MUST have at least one part that explains its content to users of \
            ordinary mail clients: text/plain, text/html, or a common media type such as \
            image/jpeg. Parts marked Chat-Content: ignore do not count.
            """,
        failing: RuleExample.chat(changing: [("Content-Type", "application/json")], body: "{\"vote\": 1}\n"),
        passing: RuleExample.chat())

    /// Read receipts leave the original message out.
    public static let coiReadReceiptOriginal = Rule(
        "COI-READ-RECEIPT-ORIGINAL", .warning, .coi, document: spec, section: "Sending Read Receipts", url: specURL + "#sending-read-receipts",
        summary: "A read receipt includes the original message.",
        explanation: """
            To reduce traffic, a COI client SHOULD NOT include the original message in a \
            disposition notification, although RFC 8098 suggests it: no message/rfc822 or \
            text/rfc822-headers part in the multipart/report.
            """,
        failing: RuleExample.chat(
            changing: [("Content-Type", "multipart/report;\n report-type=disposition-notification; boundary=r")],
            body: "--r\nContent-Type: text/plain\n\nRead.\n--r\nContent-Type: message/disposition-notification\n\nFinal-Recipient: rfc822;ben@example.org\nDisposition: manual-action/MDN-sent-manually; displayed\n--r\nContent-Type: message/rfc822\n\nFrom: Ben <ben@example.org>\nDate: Wed, 4 Dec 2019 15:50:00 +0100\n\nHi\n--r--\n"),
        passing: RuleExample.chat(
            changing: [("Content-Type", "multipart/report;\n report-type=disposition-notification; boundary=r")],
            body: "--r\nContent-Type: text/plain\n\nRead.\n--r\nContent-Type: message/disposition-notification\n\nFinal-Recipient: rfc822;ben@example.org\nDisposition: manual-action/MDN-sent-manually; displayed\n--r--\n"))

    /// Profile parts are marked.
    public static let coiProfileChatContent = Rule(
        "COI-PROFILE-CHAT-CONTENT", .error, .coi, document: spec, section: "User Profile Messages", url: specURL + "#user-profile-messages",
        summary: "A profile part (or a part of a profile storage message) lacks Chat-Content: profile.",
        explanation: """
            Each part of a user profile storage message MUST contain the Chat-Content: profile \
            header, and profile information embedded in the text/html part of a message MUST be \
            marked with Chat-Content: profile; otherwise clients show the h-card as text.
            """,
        failing: RuleExample.chat(
            changing: [("Content-Type", "multipart/alternative; boundary=p")],
            body: "--p\nContent-Type: text/plain\n\nHi\n--p\nContent-Type: text/html\n\n<div class=\"h-card\"><span class=\"p-name\">Anna</span></div>\n--p--\n"),
        passing: RuleExample.chat(
            changing: [("Content-Type", "multipart/alternative; boundary=p")],
            body: "--p\nContent-Type: text/plain\n\nHi\n--p\nContent-Type: text/html\nChat-Content: profile\n\n<div class=\"h-card\"><span class=\"p-name\">Anna</span></div>\n--p--\n"))

    /// COI-From-Hash matches the contact's address.
    public static let coiFromHash = Rule(
        "COI-FROM-HASH", .error, .coi, document: spec, section: "Contact Storage Message Headers", url: specURL + "#contact-storage-message-headers",
        summary: "A COI-From-Hash (or an h-card's p-hash) is not the SHA3-256 of the contact's address.",
        explanation: """
            COI-From-Hash holds the SHA3-256 hash (64 lowercase hex digits) of the normalized \
            email address of the contact (quotes removed, UTF-8, lowercase), so that servers \
            find contact storage messages without reading them; group participants carry the \
            same hash in p-hash. A hash that matches none of the contact's addresses points \
            nowhere.
            """,
        failing: RuleExample.chat(
            changing: [("Content-Type", "text/html; charset=utf-8")],
            extra: ["Chat-Content: contact", "COI-From-Hash:\n 0000000000000000000000000000000000000000000000000000000000000000"],
            body: "<div class=\"h-card\">\n<a class=\"u-email\" href=\"mailto:john.doe@example.com\">John</a>\n</div>\n"),
        passing: RuleExample.chat(
            changing: [("Content-Type", "text/html; charset=utf-8")],
            extra: ["Chat-Content: contact", "COI-From-Hash:\n 834d1654133366cef4d81e81a7099f413b1b85b9fc9dd62140491303dec56532"],
            body: "<div class=\"h-card\">\n<a class=\"u-email\" href=\"mailto:john.doe@example.com\">John</a>\n</div>\n"))

    /// Mentions in HTML carry the `mention` class.
    public static let coiMentionClass = Rule(
        "COI-MENTION-CLASS", .error, .coi, document: spec, section: "Mentions in Group Messages", url: specURL + "#mentions-in-group-messages",
        summary: "A mention in HTML is not a link with the mention class.",
        explanation: """
            In HTML, a mention MUST be a link with the mention CSS class: \
            <a class="mention" href="mailto:gabe@example.com">@Gabe</a>. Clients find mentions \
            (and notify the mentioned) by that class.
            """,
        failing: RuleExample.chat(
            changing: [("Content-Type", "text/html; charset=utf-8")],
            body: "<p>Lunch, <a href=\"mailto:ben@example.org\">@Ben</a>?</p>\n"),
        passing: RuleExample.chat(
            changing: [("Content-Type", "text/html; charset=utf-8")],
            body: "<p>Lunch, <a class=\"mention\" href=\"mailto:ben@example.org\">@Ben</a>?</p>\n"))

    /// Every COI rule, in the order `coi-lint rules` lists them.
    public static let coiRules: [Rule] = [
        .coiChatVersion, .coiSingleFrom, .coiDate, .coiMessageID, .coiMessageIDLegacy, .coiMIMEVersion, .coiSender,
        .coiDispositionNotificationTo, .coiReferences, .coiEditInReplyTo, .coiGroupID, .coiChatContentLegacy,
        .coiChatContentUnknown, .coiBinaryTransferEncoding, .coiBinaryDisposition, .coiHumanReadable,
        .coiReadReceiptOriginal, .coiProfileChatContent, .coiFromHash, .coiMentionClass,
    ]
}
