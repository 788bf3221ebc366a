public import COI

extension MessageReport {
    /// The report in the documented `inspect --json` shape, members in the documented order.
    public var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init("bytes", .int(byteCount)),
            .init("headers", .array(headers.map(\.json))),
            .init("subject", .string(subject)),
            .init("from", .array(from.map(\.json))),
            .init("to", .array(to.map(\.json))),
            .init("cc", .array(cc.map(\.json))),
            .init("date", .string(date)),
            .init("messageId", .string(messageID)),
            .init("inReplyTo", .array(inReplyTo.map(JSONValue.string))),
            .init("references", .array(references.map(JSONValue.string))),
            .init("root", root.json),
            .init("diagnostics", .array(diagnostics.map(\.json))),
        ]
        if let coi { members.append(.init("coi", coi.json)) }
        return .object(members)
    }

    /// The pretty-printed JSON text that `coi-lint inspect --json` prints.
    public var jsonText: String {
        JSONWriter().string(for: json)
    }
}

extension HeaderReport {
    /// `{"name", "value", "offset"}`.
    public var json: JSONValue {
        .object([.init("name", .string(name)), .init("value", .string(value)), .init("offset", .int(offset))])
    }
}

extension AddressReport {
    /// `{"name", "address"}`, with `null` for a missing display name.
    public var json: JSONValue {
        .object([.init("name", .string(name)), .init("address", .string(address))])
    }
}

extension DiagnosticReport {
    /// `{"code", "severity", "offset", "message"}`.
    public var json: JSONValue {
        .object([
            .init("code", .string(code)),
            .init("severity", .string(severity)),
            .init("offset", .int(offset)),
            .init("message", .string(message)),
        ])
    }
}

extension PartReport {
    /// The documented `PART` object: the common members, then those of the part's kind.
    public var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init("contentType", .string(contentType)),
            .init("parameters", .object(parameters.map { .init($0.name, .string($0.value)) })),
            .init("disposition", .string(disposition)),
            .init("filename", .string(filename)),
            .init("transferEncoding", .string(transferEncoding)),
            .init("headerOffset", .int(headerOffset)),
            .init("bodyOffset", .int(bodyOffset)),
            .init("endOffset", .int(endOffset)),
        ]
        switch content {
        case .leaf(let decodedSize, let sha256, let text):
            members.append(.init("decodedSize", .int(decodedSize)))
            members.append(.init("sha256", .string(sha256)))
            if let text { members.append(.init("text", .string(text))) }
        case .multipart(let children):
            members.append(.init("parts", .array(children.map(\.json))))
        case .message(let message):
            members.append(.init("message", message.json))
        }
        return .object(members)
    }
}

extension COIEvent.Summary {
    /// `{"isChat", "detectedBy", "event", "groupId", "chatContent", "refersTo"}`, the `"coi"`
    /// member of issue 5, with `null` for absent values.
    public var json: JSONValue {
        .object([
            .init("isChat", .bool(isChat)),
            .init("detectedBy", .array(detectedBy.map(JSONValue.string))),
            .init("event", .string(event)),
            .init("groupId", .string(groupID)),
            .init("chatContent", .string(chatContent)),
            .init("refersTo", .string(refersTo)),
        ])
    }
}
