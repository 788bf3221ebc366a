extension LintReport {
    /// The version of the JSON layout; it grows when keys are added and changes meaning never.
    public static let jsonFormatVersion = 1

    /// The report as `coi-lint check --format json` prints it (keys in this order; see the
    /// README's "JSON output" section).
    public var json: JSONValue {
        .object([
            .init("version", .int(Self.jsonFormatVersion)),
            .init("findings", .array(entries.map(\.json))),
            .init("unreadable", .array(failures.map { .object([.init("file", .string($0.file)), .init("reason", .string($0.reason))]) })),
            .init("summary", .object([
                .init("files", .int(fileCount)),
                .init("messages", .int(messageCount)),
                .init("errors", .int(count(.error))),
                .init("warnings", .int(count(.warning))),
                .init("infos", .int(count(.info))),
            ])),
        ])
    }

    /// ``json`` as text.
    public var jsonText: String { JSONWriter().string(for: json) }
}

extension LintReport.Entry {
    /// One finding as a JSON object.
    public var json: JSONValue {
        let rule = Rule.registry[self.rule]
        return .object([
            .init("rule", .string(self.rule.rawValue)),
            .init("severity", .string(severity.description)),
            .init("message", .string(message)),
            .init("file", .string(file)),
            .init("messageIndex", messageIndex.map(JSONValue.int) ?? .null),
            .init("messageOffset", messageOffset.map(JSONValue.int) ?? .null),
            .init("offset", .int(offset)),
            .init("length", .int(length)),
            .init("line", .int(line)),
            .init("column", .int(column)),
            .init("document", .string(rule?.document)),
            .init("section", .string(rule?.section)),
        ])
    }
}
