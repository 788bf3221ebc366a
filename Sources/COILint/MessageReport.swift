public import COI

/// What the parser sees in one message: the model behind `coi-lint inspect`.
///
/// A report is plain data detached from the parser's types, so that the JSON and text renderers
/// (``json`` and ``text``) depend only on this shape, and so that a nested `message/rfc822` or
/// `message/global` part is described exactly like a top-level message.
public struct MessageReport: Sendable {
    /// The size of the message in bytes.
    public var byteCount: Int
    /// The header fields in the order they appear.
    public var headers: [HeaderReport]
    /// The decoded `Subject`, if the message has one.
    public var subject: String?
    /// The mailboxes of `From`, group members flattened in.
    public var from: [AddressReport]
    /// The mailboxes of `To`, group members flattened in.
    public var to: [AddressReport]
    /// The mailboxes of `Cc`, group members flattened in.
    public var cc: [AddressReport]
    /// The `Date` in RFC 3339 form with the message's own UTC offset, if it could be read.
    public var date: String?
    /// The `Message-ID` without angle brackets.
    public var messageID: String?
    /// The message identifiers of `In-Reply-To`, without angle brackets.
    public var inReplyTo: [String]
    /// The message identifiers of `References`, without angle brackets.
    public var references: [String]
    /// The root of the MIME part tree.
    public var root: PartReport
    /// What the parser had to recover from in this message (not in messages nested in it), by
    /// offset; diagnostics at the same offset keep the order in which they were found.
    public var diagnostics: [DiagnosticReport]
    /// The COI classification of a top-level message (``COI/COIEvent``); `nil` for messages
    /// nested in another, which are not classified on their own.
    public var coi: COIEvent.Summary?

    /// Creates a report.
    public init(
        byteCount: Int, headers: [HeaderReport], subject: String?,
        from: [AddressReport], to: [AddressReport], cc: [AddressReport],
        date: String?, messageID: String?, inReplyTo: [String], references: [String],
        root: PartReport, diagnostics: [DiagnosticReport], coi: COIEvent.Summary? = nil
    ) {
        self.byteCount = byteCount
        self.headers = headers
        self.subject = subject
        self.from = from
        self.to = to
        self.cc = cc
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.root = root
        self.diagnostics = diagnostics
        self.coi = coi
    }
}
