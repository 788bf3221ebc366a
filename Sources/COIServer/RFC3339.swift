internal import MIMECore

/// RFC 3339 section 5.6 `date-time` values for `created` and the push payload's `date`.
enum RFC3339 {
    /// `seconds` since 1970 as `2019-10-16T16:14:17+00:00`: the spelling of the WebPush spec's
    /// listing example (RFC 3339 equally allows `Z`).
    static func format(_ seconds: Int64) -> String {
        guard let date = MessageDate(secondsSinceEpoch: seconds) else { return "1970-01-01T00:00:00+00:00" }
        return format(date)
    }

    /// A message date in its own offset, with `+00:00` for UTC.
    static func format(_ date: MessageDate) -> String {
        let text = date.rfc3339
        return text.hasSuffix("Z") ? String(text.dropLast()) + "+00:00" : text
    }

    /// Reads `date-time` (`full-date "T" full-time`, `T` and `Z` in either case, optional
    /// fraction ignored) into seconds since 1970, or `nil`.
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 40 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == UInt8(ascii: "-"), let month = number(5, 2), bytes[7] == UInt8(ascii: "-"),
              let day = number(8, 2), bytes[10] | 0x20 == UInt8(ascii: "t"), let hour = number(11, 2), bytes[13] == UInt8(ascii: ":"),
              let minute = number(14, 2), bytes[16] == UInt8(ascii: ":"), let second = number(17, 2) else { return nil }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > start, index < bytes.count else { return nil }
        }
        var offset = 0
        if bytes[index] | 0x20 == UInt8(ascii: "z"), index + 1 == bytes.count {
            offset = 0
        } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
                  let hours = number(index + 1, 2), bytes[index + 3] == UInt8(ascii: ":"), let minutes = number(index + 4, 2),
                  hours < 24, minutes < 60 {
            offset = (hours * 60 + minutes) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        return MessageDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                           offsetMinutes: offset)?.secondsSinceEpoch
    }
}
