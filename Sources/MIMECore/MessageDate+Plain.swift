extension MessageDate {
    /// Reads a `date-time` in the form RFC 5322 section 3.3 recommends in one pass over the
    /// bytes, or returns `nil` (adding nothing to `diagnostics`) for any other form, which
    /// ``parse(_:diagnostics:)`` then tokenizes. Nearly every date is in this form, so reading
    /// it directly keeps date parsing cheap for readers and checkers alike.
    ///
    /// The form is `[day-name "," SP] day SP month SP year SP hour ":" minute [":" second] SP zone`
    /// after at most one space: names in their registered spelling, a one- or two-digit day that
    /// exists in its month, a four-digit year from 1900, two-digit time fields, and a numeric zone
    /// other than `-0000`. The result and the diagnostics are the tokenizing parser's: a day name
    /// that does not match the date is kept in `writtenWeekday` and reported.
    static func parsePlain(_ value: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]) -> MessageDate? {
        let read = value.withUnsafeBufferPointer { bytes in
            var reader = PlainDateReader(bytes: bytes)
            return reader.read()
        }
        guard let read else { return nil }
        let writtenWeekday = read.weekday.flatMap { Weekday(rawValue: $0.index) }
        guard let date = MessageDate(year: read.year, month: read.month, day: read.day, hour: read.hour,
                                     minute: read.minute, second: read.second, offsetMinutes: read.offsetMinutes,
                                     writtenWeekday: writtenWeekday)
        else { return nil }
        if let writtenWeekday, let written = read.weekday, writtenWeekday != date.weekday {
            let start = value.startIndex + written.offset
            diagnostics.append(Diagnostic(.dateWeekdayMismatch, .warning, at: start..<(start + 3),
                                          "\(writtenWeekday) written, but that date is a \(date.weekday)"))
        }
        return date
    }
}

/// The reader behind ``MessageDate/parsePlain(_:diagnostics:)``.
private struct PlainDateReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The fields of a plain date, offsets relative to the value.
    struct Fields {
        var weekday: (index: Int, offset: Int)?
        var day: Int
        var month: Int
        var year: Int
        var hour: Int
        var minute: Int
        var second: Int
        var offsetMinutes: Int
    }

    mutating func read() -> Fields? {
        if index < bytes.count, bytes[index] == ASCII.space { index += 1 }
        var weekday: (index: Int, offset: Int)?
        if index < bytes.count, ASCII.isAlpha(bytes[index]) {
            let offset = index
            guard let found = name(Self.weekdayKeys), consume(UInt8(ascii: ",")), consume(ASCII.space)
            else { return nil }
            weekday = (found, offset)
        }
        guard let day = number(digits: 1...2), consume(ASCII.space),
              let monthIndex = name(Self.monthKeys), consume(ASCII.space),
              let year = number(digits: 4...4), year >= 1900, consume(ASCII.space),
              let hour = number(digits: 2...2), hour <= 23, consume(UInt8(ascii: ":")),
              let minute = number(digits: 2...2), minute <= 59
        else { return nil }
        var second = 0
        if consume(UInt8(ascii: ":")) {
            guard let value = number(digits: 2...2), value <= 59 else { return nil }
            second = value
        }
        guard consume(ASCII.space), index < bytes.count else { return nil }
        let sign = bytes[index]
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        index += 1
        guard let zone = number(digits: 4...4), zone % 100 <= 59, index == bytes.count,
              !(sign == UInt8(ascii: "-") && zone == 0)
        else { return nil }
        let month = monthIndex + 1
        guard day >= 1, day <= MessageDate.daysInMonth(year: year, month: month) else { return nil }
        let offset = (zone / 100 * 60 + zone % 100) * (sign == UInt8(ascii: "-") ? -1 : 1)
        return Fields(weekday: weekday, day: day, month: month, year: year, hour: hour, minute: minute,
                      second: second, offsetMinutes: offset)
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A run of digits whose length is in `digits`.
    mutating func number(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        let start = index
        while index < bytes.count, ASCII.isDigit(bytes[index]), index - start < digits.upperBound {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard digits.contains(index - start), index == bytes.count || !ASCII.isDigit(bytes[index]) else { return nil }
        return value
    }

    /// The index in `names` of the three letters at the reader, spelled exactly as registered.
    mutating func name(_ names: [UInt32]) -> Int? {
        guard index + 3 <= bytes.count else { return nil }
        let key = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
        guard let position = names.firstIndex(of: key) else { return nil }
        index += 3
        // "Mon" must not be the start of a longer word such as "Monday".
        guard index == bytes.count || !ASCII.isAlpha(bytes[index]) else { return nil }
        return position
    }

    /// Three-letter names packed for ``name(_:)``.
    static func keys(_ names: [String]) -> [UInt32] {
        names.map { name in name.utf8.reduce(0) { $0 << 8 | UInt32($1) } }
    }

    static let weekdayKeys = keys(MessageDate.weekdayNames)
    static let monthKeys = keys(MessageDate.monthNames)
}
