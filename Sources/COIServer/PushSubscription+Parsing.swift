extension PushSubscription {
    /// Reads and validates a client's subscription document, the value of
    /// `SETMETADATA …/webpush/subscriptions/<id>`.
    ///
    /// The size is checked before anything is read, nesting and string lengths while reading.
    /// Members the spec does not define are dropped, and so are `created` and `validated` from
    /// the client: the server sets `created` to `createdAt` and `validated` to `false`.
    /// `client` and `device` are optional; `msgtype` and `resource` with `endpoint` and both keys
    /// are required. `msgtype` is case-sensitive; `any` and `email` are accepted for `all` and
    /// `mail` with a note in ``notes``.
    public init(parsing bytes: [UInt8], id: PushRegistrationID, createdAt: Int64,
                limits: Limits = Limits()) throws(PushSubscriptionError) {
        let document = try PushSubscription.readDocument(bytes, limits: limits)
        try self.init(document: document, id: id, created: createdAt, validated: false)
    }

    /// Reads a document this module wrote with ``storedValue``, keeping its `created` and
    /// `validated`.
    public init(stored bytes: [UInt8], id: PushRegistrationID, limits: Limits = Limits()) throws(PushSubscriptionError) {
        let document = try PushSubscription.readDocument(bytes, limits: limits)
        guard case let .string(createdText)? = document[member: "created"], let created = RFC3339.parse(createdText) else {
            throw PushSubscriptionError(code: .invalidStoredState, member: "created", message: "missing or not an RFC 3339 date-time")
        }
        guard case let .bool(validated)? = document[member: "validated"] else {
            throw PushSubscriptionError(code: .invalidStoredState, member: "validated", message: "missing or not a boolean")
        }
        try self.init(document: document, id: id, created: created, validated: validated)
    }

    private static func readDocument(_ bytes: [UInt8], limits: Limits) throws(PushSubscriptionError) -> JSONValue {
        let jsonLimits = JSONParser.Limits(maxBytes: limits.maximumBytes, maxDepth: limits.maximumDepth,
                                           maxStringBytes: limits.maximumBytes)
        do {
            return try JSONParser.parse(bytes, limits: jsonLimits)
        } catch {
            switch error.reason {
            case let .tooLarge(actual, maximum):
                throw PushSubscriptionError(code: .tooLarge, member: "", offset: error.offset,
                                            message: "document is \(actual) octets, more than \(maximum)")
            case let .tooDeep(maximum):
                throw PushSubscriptionError(code: .tooDeep, member: "", offset: error.offset,
                                            message: "document nests deeper than \(maximum) levels")
            default:
                throw PushSubscriptionError(code: .malformedJSON, member: "", offset: error.offset,
                                            message: "not valid JSON at offset \(error.offset): \(error.reason)")
            }
        }
    }

    private init(document: JSONValue, id: PushRegistrationID, created: Int64, validated: Bool) throws(PushSubscriptionError) {
        guard case .object = document else {
            throw PushSubscriptionError(code: .wrongType, member: "", message: "document must be a JSON object, not \(document.kindName)")
        }
        var notes: [String] = []
        let client = try PushSubscription.optionalName(document, "client")
        let device = try PushSubscription.optionalName(document, "device")
        let typeText = try PushSubscription.string(document, "msgtype", path: "msgtype")
        let messageType: PushMessageType
        if let type = PushMessageType(rawValue: typeText) {
            messageType = type
        } else if let type = PushMessageType.alternativeSpellings[typeText] {
            messageType = type
            notes.append("msgtype \"\(typeText)\" read as \"\(type.rawValue)\"")
        } else {
            throw PushSubscriptionError(code: .invalidMessageType, member: "msgtype",
                                        message: "must be \"chat\", \"mail\" or \"all\" (case-sensitive), not \"\(typeText.prefix(40))\"")
        }
        guard let resource = document[member: "resource"] else {
            throw PushSubscriptionError(code: .missingMember, member: "resource", message: "missing")
        }
        guard case .object = resource else {
            throw PushSubscriptionError(code: .wrongType, member: "resource", message: "must be an object, not \(resource.kindName)")
        }
        let endpointText = try PushSubscription.string(resource, "endpoint", path: "resource.endpoint")
        let endpoint: PushEndpoint
        do {
            endpoint = try PushEndpoint(validating: endpointText)
        } catch {
            throw PushSubscriptionError(code: .invalidEndpoint, member: "resource.endpoint", message: error.description)
        }
        guard let keysValue = resource[member: "keys"] else {
            throw PushSubscriptionError(code: .missingMember, member: "resource.keys", message: "missing")
        }
        guard case .object = keysValue else {
            throw PushSubscriptionError(code: .wrongType, member: "resource.keys", message: "must be an object, not \(keysValue.kindName)")
        }
        let p256dhText = try PushSubscription.string(keysValue, "p256dh", path: "resource.keys.p256dh")
        let authText = try PushSubscription.string(keysValue, "auth", path: "resource.keys.auth")
        let keys: PushKeys
        do {
            keys = try PushKeys(p256dh: p256dhText, auth: authText)
        } catch {
            throw PushSubscriptionError(code: .invalidKey, member: "resource.keys." + error.field, message: error.description)
        }
        self.init(id: id, client: client, device: device, messageType: messageType, endpoint: endpoint, keys: keys,
                  created: created, validated: validated, notes: notes)
    }

    private static func string(_ object: JSONValue, _ name: String, path: String) throws(PushSubscriptionError) -> String {
        guard let value = object[member: name] else {
            throw PushSubscriptionError(code: .missingMember, member: path, message: "missing")
        }
        guard case let .string(text) = value else {
            throw PushSubscriptionError(code: .wrongType, member: path, message: "must be a string, not \(value.kindName)")
        }
        return text
    }

    private static func optionalName(_ object: JSONValue, _ name: String) throws(PushSubscriptionError) -> String? {
        guard let value = object[member: name], value != .null else { return nil }
        guard case let .string(text) = value else {
            throw PushSubscriptionError(code: .wrongType, member: name, message: "must be a string, not \(value.kindName)")
        }
        guard text.utf8.count <= maximumNameLength else {
            throw PushSubscriptionError(code: .tooLong, member: name,
                                        message: "is \(text.utf8.count) octets, more than \(maximumNameLength)")
        }
        return text
    }

    /// Parses arbitrary bytes as a subscription document and reports whether it was accepted;
    /// the entry point for fuzzing. Never traps, whatever the input; an accepted document must
    /// read back from its stored form to the same subscription, and the result says so.
    public static func fuzzParse(_ bytes: [UInt8]) -> Bool {
        guard let id = try? PushRegistrationID(validating: "fuzz-subscription"),
              let subscription = try? PushSubscription(parsing: bytes, id: id, createdAt: 1_600_000_000) else { return false }
        let stored = try? PushSubscription(stored: Array(subscription.storedValue.utf8), id: id)
        return stored?.storedValue == subscription.storedValue
    }
}
