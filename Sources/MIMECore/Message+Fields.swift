extension Message {
    /// `Subject` (RFC 5322 section 3.6.5), decoded for display, or `nil` without the field.
    public var subject: String? { headers.first(named: "Subject")?.value }

    /// `From` (RFC 5322 section 3.6.2): the authors.
    public var from: [Address] { addresses("From") }
    /// `Sender` (RFC 5322 section 3.6.2).
    public var sender: [Address] { addresses("Sender") }
    /// `Reply-To` (RFC 5322 section 3.6.2).
    public var replyTo: [Address] { addresses("Reply-To") }
    /// `To` (RFC 5322 section 3.6.3).
    public var to: [Address] { addresses("To") }
    /// `Cc` (RFC 5322 section 3.6.3).
    public var cc: [Address] { addresses("Cc") }
    /// `Bcc` (RFC 5322 section 3.6.3).
    public var bcc: [Address] { addresses("Bcc") }

    /// `Date` (RFC 5322 section 3.6.1), or `nil` when absent or unreadable.
    public var date: MessageDate? {
        var diagnostics: [Diagnostic] = []
        return headers.first(named: "Date").flatMap { MessageDate.parse($0.rawValue, diagnostics: &diagnostics) }
    }

    /// `Message-ID` (RFC 5322 section 3.6.4).
    public var messageID: MessageID? {
        var diagnostics: [Diagnostic] = []
        return headers.first(named: "Message-ID").flatMap { MessageID.parse($0.rawValue, diagnostics: &diagnostics) }
    }

    /// `In-Reply-To` (RFC 5322 section 3.6.4).
    public var inReplyTo: [MessageID] { messageIDs("In-Reply-To") }

    /// `References` (RFC 5322 section 3.6.4).
    public var references: [MessageID] { messageIDs("References") }

    /// `MIME-Version` (RFC 2045 section 4).
    public var mimeVersion: MIMEVersion? {
        var diagnostics: [Diagnostic] = []
        return headers.first(named: "MIME-Version").flatMap { MIMEVersion.parse($0.rawValue, diagnostics: &diagnostics) }
    }

    /// The addresses of every field named `name`, in order; a field that appears more often than
    /// RFC 5322 allows still contributes its addresses.
    public func addresses(_ name: String) -> [Address] {
        var diagnostics: [Diagnostic] = []
        return headers.all(named: name).flatMap { Address.parseList($0.rawValue, diagnostics: &diagnostics) }
    }

    /// The message-ids of every field named `name`, in order.
    public func messageIDs(_ name: String) -> [MessageID] {
        var diagnostics: [Diagnostic] = []
        return headers.all(named: name).flatMap { MessageID.parseList($0.rawValue, diagnostics: &diagnostics) }
    }
}
