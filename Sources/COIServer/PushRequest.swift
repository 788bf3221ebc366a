/// A push request (RFC 8030 section 5) ready for any HTTP client: `POST` to ``url`` with
/// ``headers`` and ``body``.
public struct PushRequest: Sendable, Hashable {
    /// One header field.
    public struct Header: Sendable, Hashable {
        /// The field name.
        public var name: String
        /// The field value; empty for `WebPush-Validation`.
        public var value: String
        /// Creates a header field.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The `Urgency` of RFC 8030 section 5.3; an open set.
    public struct Urgency: RawRepresentable, Sendable, Hashable {
        /// The header spelling.
        public var rawValue: String
        /// Creates an urgency.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// `very-low`: for example advertisements.
        public static let veryLow = Urgency(rawValue: "very-low")
        /// `low`: for example topic updates.
        public static let low = Urgency(rawValue: "low")
        /// `normal`: for example a chat message.
        public static let normal = Urgency(rawValue: "normal")
        /// `high`: for example an incoming phone call.
        public static let high = Urgency(rawValue: "high")
    }

    /// The HTTP method: always `POST`.
    public var method: String { "POST" }
    /// The push resource URL.
    public var url: String
    /// The header fields, in sending order.
    public var headers: [Header]
    /// The encrypted body.
    public var body: [UInt8]

    /// The value of the first header called `name` (ASCII case-insensitive), or `nil`.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Describes how to sign and address a push request.
    public struct Sender: Sendable {
        /// The VAPID key.
        public var vapid: VAPIDKey
        /// The `sub` claim: a `mailto:` or `https:` contact of the server's operator.
        public var subject: String
        /// Creates a sender.
        public init(vapid: VAPIDKey, subject: String) {
            self.vapid = vapid
            self.subject = subject
        }
    }

    /// Why a request cannot be built.
    public typealias Error = InvalidValue

    /// A push request carrying `payload` (the JSON of a ``PushPayload`` or a validation
    /// message), encrypted for `subscription` with a fresh key, signed by `sender` at `now`.
    ///
    /// `ttl` is the seconds the push service may keep an undelivered message (RFC 8030
    /// section 5.2). Set `isValidation` for the validation message: it adds the empty
    /// `WebPush-Validation` header the WebPush spec requires.
    public static func make(payload: [UInt8], to subscription: PushSubscription, sender: Sender, now: Int64,
                            ttl: Int = 86_400, urgency: Urgency = .normal, isValidation: Bool = false) throws(Error) -> PushRequest {
        let body: [UInt8]
        do {
            body = try WebPushEncryption.encrypt(payload, for: subscription.keys)
        } catch {
            throw Error(description: "encryption: \(error)")
        }
        return try make(encryptedBody: body, to: subscription.endpoint, sender: sender, now: now, ttl: ttl,
                        urgency: urgency, isValidation: isValidation)
    }

    /// A push request around an already encrypted body.
    public static func make(encryptedBody: [UInt8], to endpoint: PushEndpoint, sender: Sender, now: Int64,
                            ttl: Int = 86_400, urgency: Urgency = .normal, isValidation: Bool = false) throws(Error) -> PushRequest {
        let authorization: String
        do {
            authorization = try sender.vapid.authorization(for: endpoint, subject: sender.subject, now: now)
        } catch {
            throw Error(description: "VAPID: \(error)")
        }
        var headers = [
            Header("TTL", String(max(ttl, 0))),
            Header("Content-Encoding", "aes128gcm"),
            Header("Content-Type", "application/octet-stream"),
            Header("Content-Length", String(encryptedBody.count)),
            Header("Urgency", urgency.rawValue),
            Header("Authorization", authorization),
        ]
        if isValidation { headers.append(Header("WebPush-Validation", "")) }
        return PushRequest(url: endpoint.url, headers: headers, body: encryptedBody)
    }
}
