internal import MIMECore

extension Linter {
    /// Whether the message is a COI chat message.
    static func isChat(_ message: Message) -> Bool {
        message.headers.first(named: "Chat-Version") != nil
    }

    /// The COI client specification findings.
    func coiFindings(_ message: Message) -> [Finding] {
        []
    }
}
