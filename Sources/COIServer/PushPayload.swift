public import MIMECore
internal import COI

/// The JSON payload of a push message about a delivered message (WebPush spec, "Push
/// Notification Payload").
///
/// Built from any message, however malformed its header: every string member is escaped for
/// JSON and cut as the spec requires (``JSONWriter``), so the plaintext stays within
/// ``WebPushEncryption/maximumPlaintextLength`` (3993 octets) and the encrypted body within
/// 4096. `content` is added only when the whole payload with it still fits; an MDN gets no
/// payload at all.
public struct PushPayload: Sendable, Hashable {
    /// `from-email`: the first `From` address, lowercased.
    public var fromEmail: String?
    /// `from-name`: the first `From` display name, decoded; absent when there is none.
    public var fromName: String?
    /// `subject`: the decoded `Subject`; absent when missing or blank.
    public var subject: String?
    /// `content`: the message body as it was delivered (still in its transfer encoding), when
    /// it fits and is UTF-8.
    public var content: String?
    /// `content-type`: the `Content-Type` field value, when `content` is present and it is not
    /// plain `text/plain` (no charset, `us-ascii` or `utf-8`).
    public var contentType: String?
    /// `content-encoding`: the `Content-Transfer-Encoding`, when `content` is present and it is
    /// not an identity encoding (`7bit`, `8bit`, `binary`, or absent).
    public var contentEncoding: String?
    /// `date`: the `Date` field as an RFC 3339 timestamp in the message's own offset.
    public var date: String?
    /// `msg-id`: the `Message-ID` without angle brackets.
    public var messageID: String?
    /// `uid`: the message's IMAP UID.
    public var uid: UInt32
    /// `uidvalidity`: the mailbox's UIDVALIDITY.
    public var uidValidity: UInt32
    /// `folder`: the mailbox name; absent when its JSON form exceeds 200 octets.
    public var folder: String?
    /// `group-id`: the COI group ID for group messages; absent when longer than 128 octets.
    public var groupID: String?

    /// Limits on the escaped form of the string members, from the spec.
    public enum Limit {
        /// `from-email`, `from-name`, `subject` and `msg-id`: 100 octets, then U+2026.
        public static let short = 100
        /// `content-type`: 200 octets, then U+2026.
        public static let contentType = 200
        /// `folder`: omitted above 200 octets.
        public static let folder = 200
        /// `group-id`: omitted above 128 octets.
        public static let groupID = 128
    }

    /// Reads the members from `message`; `group-id` comes from the COI layer's reading of the
    /// Message-ID, `Chat-Group-ID` or first `References` id (``GroupID/init(fields:)``). Returns `nil` for a message disposition notification
    /// (RFC 8098: `multipart/report; report-type=disposition-notification`), which the spec says
    /// triggers no push.
    ///
    /// `maximumLength` caps the JSON plaintext: 3993 keeps the encrypted body within the
    /// 4096 octets every push service must accept (RFC 8030 section 7.2).
    public init?(message: Message, uid: UInt32, uidValidity: UInt32, folder: String,
                 maximumLength: Int = WebPushEncryption.maximumPlaintextLength) {
        guard !PushPayload.isDispositionNotification(message) else { return nil }
        let author = message.from.mailboxes.first
        fromEmail = author.map { $0.addrSpec.lowercased() }
        fromName = author?.displayName.flatMap { $0.trimmingASCIISpaces.isEmpty ? nil : $0 }
        subject = message.subject.flatMap { $0.trimmingASCIISpaces.isEmpty ? nil : $0 }
        date = message.date.map(RFC3339.format)
        messageID = message.messageID?.text
        self.uid = uid
        self.uidValidity = uidValidity
        self.folder = JSONWriter.escaped(folder).bytes.count <= Limit.folder ? folder : nil
        self.groupID = GroupID(fields: message.headers).flatMap { $0.rawValue.utf8.count <= Limit.groupID ? $0.rawValue : nil }
        // The body goes in only if the whole payload with it still fits.
        let root = message.root
        if root.rawBody.count <= maximumLength, let body = String(validating: root.rawBody, as: UTF8.self) {
            var candidate = self
            candidate.content = body
            let contentType = root.contentType
            let plain = contentType.mimeType == "text/plain" && [nil, "us-ascii", "utf-8"].contains(contentType.charset?.lowercased())
            if !plain, let field = root.headers.first(named: "Content-Type") {
                candidate.contentType = String(decoding: field.unfoldedValue, as: UTF8.self).trimmingASCIISpaces
            }
            if let encoding = root.transferEncoding, !encoding.isIdentity {
                candidate.contentEncoding = encoding.rawValue
            }
            if candidate.json.count <= maximumLength { self = candidate }
        }
    }

    /// The payload without `content`, `content-type` and `content-encoding`: what to send again
    /// after a push service answered `413 Payload Too Large` (``PushServiceAction/payloadTooLarge``).
    public var withoutContent: PushPayload {
        var copy = self
        copy.content = nil
        copy.contentType = nil
        copy.contentEncoding = nil
        return copy
    }

    /// The payload as a JSON object, members in the order of the spec's example.
    public var json: [UInt8] {
        var writer = JSONWriter()
        if let fromEmail { writer.string("from-email", fromEmail, limit: Limit.short) }
        if let fromName { writer.string("from-name", fromName, limit: Limit.short) }
        if let subject { writer.string("subject", subject, limit: Limit.short) }
        if let content { writer.string("content", content) }
        if let contentType { writer.string("content-type", contentType, limit: Limit.contentType) }
        if let contentEncoding { writer.string("content-encoding", contentEncoding, limit: Limit.short) }
        if let date { writer.string("date", date) }
        if let messageID { writer.string("msg-id", messageID, limit: Limit.short) }
        writer.integer("uid", uid)
        writer.integer("uidvalidity", uidValidity)
        if let folder { writer.string("folder", folder) }
        if let groupID { writer.string("group-id", groupID) }
        return writer.finished()
    }

    /// Whether `message` is a message disposition notification (RFC 8098 section 3).
    public static func isDispositionNotification(_ message: Message) -> Bool {
        let type = message.root.contentType
        if type.mimeType == "multipart/report", type.parameters["report-type"]?.lowercased() == "disposition-notification" {
            return true
        }
        // Some senders omit report-type; the notification part itself is decisive.
        return type.mimeType == "multipart/report"
            && message.root.parts.contains { $0.contentType.mimeType == "message/disposition-notification" }
    }
}
