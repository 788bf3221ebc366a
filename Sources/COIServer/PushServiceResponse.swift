internal import MIMECore

/// What a server should do after a push service answered a push request (WebPush spec, "Push
/// Service Response Codes"; RFC 8030 sections 5 and 8.4).
public enum PushServiceAction: Sendable, Hashable {
    /// `201 Created`: accepted; nothing to do.
    case delivered
    /// `429 Too Many Requests` (or a 5xx): try again, after the given seconds when the service
    /// said (`Retry-After`), else after a back-off of the server's choosing.
    case retry(afterSeconds: Int64?)
    /// `400 Bad Request`: a header is invalid; resending the same request will not help.
    case badRequest
    /// `404 Not Found` or `410 Gone`: the subscription is expired or unsubscribed; delete it.
    case removeSubscription
    /// `413 Payload Too Large`: send again with a smaller payload (without `content`).
    case payloadTooLarge
    /// Any other status: log it; the spec gives it no meaning.
    case unexpected(status: Int)

    /// Maps a response to an action; `retryAfter` is the `Retry-After` value if present
    /// (delta-seconds or an HTTP-date, RFC 9110 section 10.2.3) and `now` the time in seconds
    /// since 1970, for turning a date into seconds.
    public init(status: Int, retryAfter: String? = nil, now: Int64 = 0) {
        switch status {
        case 200, 201, 202: self = .delivered
        case 429, 500...599: self = .retry(afterSeconds: retryAfter.flatMap { PushServiceAction.seconds(from: $0, now: now) })
        case 400: self = .badRequest
        case 404, 410: self = .removeSubscription
        case 413: self = .payloadTooLarge
        default: self = .unexpected(status: status)
        }
    }

    /// `Retry-After = HTTP-date / delay-seconds`.
    static func seconds(from value: String, now: Int64) -> Int64? {
        let trimmed = value.trimmingASCIISpaces
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return nil }
        if trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // delay-seconds = 1*DIGIT; absurdly long values are capped rather than refused.
            return trimmed.utf8.count > 9 ? 999_999_999 : Int64(trimmed)
        }
        // IMF-fixdate is a valid RFC 5322 date-time, so MIMECore's date parser reads it.
        guard let date = MessageDate(trimmed) else { return nil }
        return max(0, date.secondsSinceEpoch - now)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingASCIISpaces: String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
