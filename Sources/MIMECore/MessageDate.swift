/// A date and time as written in a message header (RFC 5322 section 3.3, `date-time`), kept in
/// the sender's local time together with its offset from UTC.
///
/// The fields are those written in the header, not converted to UTC: `Tue, 1 Jul 2003 10:52:37
/// +0200` keeps hour 10 and an offset of +120 minutes. An offset of `-0000` (RFC 5322 section
/// 3.3: "the date-time contains no information about the local time zone") and the obsolete zones
/// that section 4.3 says to read as `-0000` set `isOffsetUnknown`; the time is then UTC.
public struct MessageDate: Sendable, Hashable, CustomStringConvertible {
    /// The year, 1 through 9999 (RFC 5322 section 3.3 `year`, after the `obs-year` mapping of
    /// section 4.3 for two- and three-digit years).
    public private(set) var year: Int
    /// The month, 1 (January) through 12.
    public private(set) var month: Int
    /// The day of the month, 1 through the length of the month.
    public private(set) var day: Int
    /// The hour, 0 through 23.
    public private(set) var hour: Int
    /// The minute, 0 through 59.
    public private(set) var minute: Int
    /// The second, 0 through 60 (60 only for a leap second, as RFC 5322 section 3.3 allows).
    public private(set) var second: Int
    /// The offset of the local time from UTC in minutes, east positive: `+0130` is 90.
    /// Zero when `isOffsetUnknown`.
    public private(set) var offsetMinutes: Int
    /// Whether the zone was `-0000`, a military letter, or absent or unrecognised (RFC 5322
    /// sections 3.3 and 4.3): the time is in UTC but says nothing about the sender's zone.
    public private(set) var isOffsetUnknown: Bool
    /// The day of the week as written in the header, if it was; it may disagree with `weekday`.
    /// Not part of equality.
    public var writtenWeekday: Weekday?

    /// Dates are equal when they have the same fields and zone: the same local time at the same
    /// offset. The weekday written is left out, since it is redundant when right and ignored when
    /// wrong. Use `isSameInstant(as:)` to compare moments across zones.
    public static func == (lhs: MessageDate, rhs: MessageDate) -> Bool {
        lhs.year == rhs.year && lhs.month == rhs.month && lhs.day == rhs.day && lhs.hour == rhs.hour
            && lhs.minute == rhs.minute && lhs.second == rhs.second && lhs.offsetMinutes == rhs.offsetMinutes
            && lhs.isOffsetUnknown == rhs.isOffsetUnknown
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(secondsSinceEpoch)
        hasher.combine(offsetMinutes)
        hasher.combine(isOffsetUnknown)
    }

    /// Creates a date from its fields, or returns `nil` if any field is out of range.
    ///
    /// `offsetMinutes` must lie within the `zone` range of RFC 5322 section 3.3 (-9959 through
    /// +9959, with fewer than 60 minutes); when `isOffsetUnknown` is true it is ignored and zero.
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0,
                 offsetMinutes: Int = 0, isOffsetUnknown: Bool = false, writtenWeekday: Weekday? = nil) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= MessageDate.daysInMonth(year: year, month: month),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              abs(offsetMinutes) <= 99 * 60 + 59
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetMinutes = isOffsetUnknown ? 0 : offsetMinutes
        self.isOffsetUnknown = isOffsetUnknown
        self.writtenWeekday = writtenWeekday
    }

    /// The local date and time at `secondsSinceEpoch` (seconds since 1970-01-01T00:00:00Z,
    /// leap seconds not counted, as in POSIX) for a zone `offsetMinutes` east of UTC, or `nil`
    /// when that falls outside the years 1 through 9999.
    public init?(secondsSinceEpoch: Int64, offsetMinutes: Int = 0, isOffsetUnknown: Bool = false) {
        let offset = isOffsetUnknown ? 0 : offsetMinutes
        guard abs(offset) <= 99 * 60 + 59 else { return nil }
        // Bounds keep the arithmetic below far from overflow for any Int64 input.
        let lowest: Int64 = -62_135_596_800  // 0001-01-01T00:00:00Z
        let highest: Int64 = 253_402_300_799  // 9999-12-31T23:59:59Z
        guard secondsSinceEpoch >= lowest - 86_400, secondsSinceEpoch <= highest + 86_400 else { return nil }
        let local = Int(secondsSinceEpoch) + offset * 60
        let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
        let secondOfDay = local - days * 86_400
        let civil = MessageDate.civil(fromDays: days)
        self.init(year: civil.year, month: civil.month, day: civil.day,
                  hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60,
                  offsetMinutes: offset, isOffsetUnknown: isOffsetUnknown)
    }

    /// Seconds since 1970-01-01T00:00:00Z, leap seconds not counted (a second of 60 counts as
    /// the first second of the next minute).
    public var secondsSinceEpoch: Int64 {
        let days = MessageDate.days(fromCivilYear: year, month: month, day: day)
        let local = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return local - Int64(offsetMinutes * 60)
    }

    /// The day of the week of the date (in its own zone), computed from the calendar.
    public var weekday: Weekday {
        let days = MessageDate.days(fromCivilYear: year, month: month, day: day)
        // 1970-01-01 was a Thursday.
        let index = ((days % 7) + 7 + 4) % 7
        return Weekday(rawValue: index) ?? .sunday
    }

    /// Whether two dates denote the same instant, whatever their zones.
    public func isSameInstant(as other: MessageDate) -> Bool {
        secondsSinceEpoch == other.secondsSinceEpoch
    }

    /// The RFC 3339 form; see `rfc3339`.
    public var description: String { rfc3339 }

    /// Whether `year` is a leap year in the proleptic Gregorian calendar.
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month; 0 for a month outside 1...12.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    ///
    /// Years are counted from March so that the leap day falls at the end of the counted year,
    /// and in 400-year eras of exactly 146 097 days so that the result is exact for any year.
    static func days(fromCivilYear year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let monthFromMarch = (month + 9) % 12
        // Month lengths from March repeat 31,30,31,30,31 every five months: 153 days.
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        // 719 468 days separate 0000-03-01 from 1970-01-01.
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date `days` after 1970-01-01: the inverse of `days(fromCivilYear:month:day:)`.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        // Undo the leap days of the era's first 4, 100 and 400 years to find the year of era.
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

extension MessageDate {
    /// A day of the week, as in `day-name` (RFC 5322 section 3.3).
    ///
    /// A closed set: the calendar will not grow an eighth day.
    public enum Weekday: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// `Sun`
        case sunday = 0
        /// `Mon`
        case monday
        /// `Tue`
        case tuesday
        /// `Wed`
        case wednesday
        /// `Thu`
        case thursday
        /// `Fri`
        case friday
        /// `Sat`
        case saturday

        /// The three-letter `day-name` of RFC 5322 section 3.3, such as `"Mon"`.
        public var abbreviation: String {
            MessageDate.weekdayNames[rawValue]
        }

        /// The three-letter `day-name`.
        public var description: String { abbreviation }
    }

    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let weekdayFullNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthFullNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]
}
