/// Builds the example messages of the rules: a well-formed message whose fields can be replaced,
/// removed or added to, so that each example differs from a clean message only where its rule
/// looks.
enum RuleExample {
    /// The fields of a clean plain-text message, in order.
    static let plainFields: [(String, String)] = [
        ("From", "Anna <anna@example.org>"),
        ("To", "Ben <ben@example.org>"),
        ("Subject", "Lunch"),
        ("Date", "Wed, 4 Dec 2019 15:51:37 +0100"),
        ("Message-ID", "<lunch-1@example.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
    ]

    /// The fields of a clean COI chat message (COI client spec, "COI-specific Message Header
    /// Fields"), in order.
    static let chatFields: [(String, String)] = [
        ("From", "Anna <anna@example.org>"),
        ("To", "Ben <ben@example.org>"),
        ("Subject", "Chat"),
        ("Date", "Wed, 4 Dec 2019 15:51:37 +0100"),
        ("Message-ID", "<chat$lunch.7f3a9c2e1b@example.org>"),
        ("Chat-Version", "1.0"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
    ]

    /// A message built from `fields`: each `changes` entry replaces the field of that name (or
    /// removes it when its value is `nil`, or appends it when there is none), `extra` lines are
    /// added verbatim after the fields, and `body` follows the empty line.
    static func message(
        _ fields: [(String, String)] = plainFields, changing changes: [(String, String?)] = [],
        extra: [String] = [], body: String = "Shall we meet at noon?\n"
    ) -> String {
        var result = fields
        for (name, value) in changes {
            if let index = result.firstIndex(where: { $0.0.lowercased() == name.lowercased() }) {
                if let value { result[index].1 = value } else { result.remove(at: index) }
            } else if let value {
                result.append((name, value))
            }
        }
        var text = ""
        for (name, value) in result { text += "\(name): \(value)\n" }
        for line in extra { text += line + "\n" }
        return text + "\n" + body
    }

    /// A COI chat message; see ``message(_:changing:extra:body:)``.
    static func chat(changing changes: [(String, String?)] = [], extra: [String] = [],
                     body: String = "See you at noon!\n") -> String {
        message(chatFields, changing: changes, extra: extra, body: body)
    }
}
