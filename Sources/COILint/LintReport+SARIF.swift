internal import MIMECore

extension LintReport {
    /// The SARIF version written.
    public static let sarifVersion = "2.1.0"

    /// The report as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format): one
    /// run whose `tool.driver.rules` lists every rule, so that code-scanning services can show
    /// each result with its rule's description and help link.
    public func sarif(toolVersion: String) -> JSONValue {
        let rules = Rule.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        let driver: JSONValue = .object([
            .init("name", .string("coi-lint")),
            .init("informationUri", .string("https://github.com/coi-dev/coi-specs")),
            .init("version", .string(toolVersion)),
            .init("rules", .array(rules.map(\.sarif))),
        ])
        var results: [JSONValue] = []
        for entry in entries {
            var properties: [JSONValue.Member] = []
            if let index = entry.messageIndex { properties.append(.init("messageIndex", .int(index))) }
            if let offset = entry.messageOffset { properties.append(.init("messageOffset", .int(offset))) }
            var members: [JSONValue.Member] = [
                .init("ruleId", .string(entry.rule.rawValue)),
            ]
            if let index = ruleIndex[entry.rule] { members.append(.init("ruleIndex", .int(index))) }
            members += [
                .init("level", .string(Self.sarifLevel(entry.severity))),
                .init("message", .object([.init("text", .string(entry.message))])),
                .init("locations", .array([.object([
                    .init("physicalLocation", .object([
                        .init("artifactLocation", .object([.init("uri", .string(Self.uri(entry.file)))])),
                        .init("region", .object([
                            .init("startLine", .int(entry.line)),
                            .init("startColumn", .int(entry.column)),
                            .init("byteOffset", .int(entry.offset)),
                            .init("byteLength", .int(entry.length)),
                        ])),
                    ])),
                ])])),
            ]
            if !properties.isEmpty { members.append(.init("properties", .object(properties))) }
            results.append(.object(members))
        }
        let notifications: [JSONValue] = failures.map { failure in
            .object([
                .init("level", .string("error")),
                .init("message", .object([.init("text", .string("cannot read \(failure.file): \(failure.reason)"))])),
            ])
        }
        return .object([
            .init("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            .init("version", .string(Self.sarifVersion)),
            .init("runs", .array([.object([
                .init("tool", .object([.init("driver", driver)])),
                .init("invocations", .array([.object([
                    .init("executionSuccessful", .bool(failures.isEmpty)),
                    .init("toolExecutionNotifications", .array(notifications)),
                ])])),
                .init("results", .array(results)),
            ])])),
        ])
    }

    /// `error`, `warning` or `note`: SARIF's names for the three severities.
    static func sarifLevel(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI reference for a path (RFC 3986): characters outside the unreserved set and
    /// `/` are percent-encoded; standard input is `stdin`.
    static func uri(_ path: String) -> String {
        if path == "-" { return "stdin" }
        var out = ""
        for byte in path.utf8 {
            if ASCII.isAlpha(byte) || ASCII.isDigit(byte) || "-._~/".utf8.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }
}

extension Rule {
    /// The rule as a SARIF `reportingDescriptor`.
    var sarif: JSONValue {
        .object([
            .init("id", .string(id.rawValue)),
            .init("name", .string(sarifName)),
            .init("shortDescription", .object([.init("text", .string(summary))])),
            .init("fullDescription", .object([.init("text", .string(explanation))])),
            .init("helpUri", .string(documentURL)),
            .init("defaultConfiguration", .object([.init("level", .string(LintReport.sarifLevel(severity)))])),
            .init("properties", .object([
                .init("document", .string(document)),
                .init("section", .string(section)),
            ])),
        ])
    }

    /// `DateMissing` for `MIME-DATE-MISSING`: SARIF's `name` is an identifier-like form.
    var sarifName: String {
        id.rawValue.split(separator: "-").dropFirst().map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined()
    }
}
