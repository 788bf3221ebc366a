public import MIMECore

/// A read receipt: a message disposition notification (RFC 8098) sent as
/// `multipart/report; report-type=disposition-notification` (RFC 6522), without the original
/// message, as the COI client spec ("Sending Read Receipts") asks.
public struct ReadReceipt: Sendable, Hashable {
    /// `Original-Message-ID` (RFC 8098 section 3.2.5): the message that was read.
    public var originalMessageID: MessageID?
    /// `Disposition` (RFC 8098 section 3.2.6), such as `manual-action/MDN-sent-manually; displayed`.
    public var disposition: String
    /// `Final-Recipient` address (RFC 8098 section 3.2.4), without the `rfc822;` type.
    public var finalRecipient: String?
    /// `Original-Recipient` address (RFC 8098 section 3.2.3), without the `rfc822;` type.
    public var originalRecipient: String?
    /// `Reporting-UA` (RFC 8098 section 3.2.1).
    public var reportingUA: String?
    /// Whether the report carried the original message or its header (a third part), which
    /// COI clients should leave out.
    public var includesOriginal: Bool

    /// Creates a receipt.
    public init(originalMessageID: MessageID?, disposition: String = "manual-action/MDN-sent-manually; displayed",
                finalRecipient: String? = nil, originalRecipient: String? = nil, reportingUA: String? = nil,
                includesOriginal: Bool = false) {
        self.originalMessageID = originalMessageID
        self.disposition = disposition
        self.finalRecipient = finalRecipient
        self.originalRecipient = originalRecipient
        self.reportingUA = reportingUA
        self.includesOriginal = includesOriginal
    }

    /// Reads the receipt of a report message: the first `message/disposition-notification`
    /// (or `message/global-disposition-notification`, RFC 6533) part anywhere in the tree;
    /// `nil` when there is none.
    public init?(message: Message) {
        var found: MIMEPart?
        var includesOriginal = false
        message.root.forEachPart { part in
            let type = part.contentType
            if type.type == "message", type.subtype == "disposition-notification" || type.subtype == "global-disposition-notification" {
                if found == nil { found = part }
            } else if type.isMessage || (type.type == "text" && type.subtype == "rfc822-headers") {
                includesOriginal = true
            }
        }
        guard let part = found else { return nil }
        // The notification's body is a block of header-like fields (RFC 8098 section 3.1).
        var body = part.decodedBody().bytes
        body += [0x0D, 0x0A, 0x0D, 0x0A]
        let fields = Message.parse(body).headers
        func value(_ name: String) -> String? {
            fields.first(named: name).map { String(decoding: COIBytes.trimmed($0.unfoldedValue), as: UTF8.self) }
        }
        func address(_ name: String) -> String? {
            guard let text = value(name) else { return nil }
            // address-type ";" generic-address
            guard let semicolon = text.firstIndex(of: ";") else { return text }
            return text[text.index(after: semicolon)...].trimmingSpaces()
        }
        self.init(originalMessageID: value("Original-Message-ID").flatMap { MessageID($0) },
                  disposition: value("Disposition") ?? "",
                  finalRecipient: address("Final-Recipient"),
                  originalRecipient: address("Original-Recipient"),
                  reportingUA: value("Reporting-UA"),
                  includesOriginal: includesOriginal)
    }

    /// The `message/disposition-notification` body (RFC 8098 section 3.1), CRLF line ends.
    public var notificationFields: String {
        var lines: [String] = []
        if let reportingUA { lines.append("Reporting-UA: " + reportingUA) }
        if let originalRecipient { lines.append("Original-Recipient: rfc822;" + originalRecipient) }
        if let finalRecipient { lines.append("Final-Recipient: rfc822;" + finalRecipient) }
        if let originalMessageID { lines.append("Original-Message-ID: " + originalMessageID.bracketed) }
        lines.append("Disposition: " + disposition)
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension COIMessageBuilder {
    /// A read receipt for `receipt.originalMessageID` (COI client spec, "Sending Read
    /// Receipts"; RFC 8098): `multipart/report` with a human-readable part and the
    /// notification, without the original message. `Subject` is `Chat: Read receipt` unless set.
    public func readReceipt(_ receipt: ReadReceipt, note: String? = nil) -> MessageBuilder {
        var copy = self
        if copy.subject == nil { copy.subject = "Chat: Read receipt" }
        if let original = receipt.originalMessageID, !copy.references.contains(original) {
            copy.references.append(original)
        }
        copy.requestsReadReceipt = false
        let text = note ?? "Your message \(receipt.originalMessageID?.bracketed ?? "") was displayed."
        let notification = MessageBuilder.Part(.binary(Array(receipt.notificationFields.utf8),
                                                       type: ContentType(type: "message", subtype: "disposition-notification")))
        return copy.envelope(.multipart("report", [Self.flowed(text), notification],
                                        parameters: [("report-type", "disposition-notification")]))
    }
}
