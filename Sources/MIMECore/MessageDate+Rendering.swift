extension MessageDate {
    /// The date as an RFC 5322 section 3.3 `date-time`, such as `Mon, 23 Nov 2026 10:00:00 +0100`.
    ///
    /// The weekday is computed from the date, never copied from `writtenWeekday`; the day of the
    /// month has no leading zero, as in the examples of RFC 5322 appendix A; an unknown offset is
    /// written `-0000`.
    public var rfc5322: String {
        var text = weekday.abbreviation
        text += ", "
        text += String(day)
        text += " "
        text += MessageDate.monthNames[month - 1]
        text += " "
        text += MessageDate.padded(year, 4)
        text += " "
        text += MessageDate.padded(hour, 2) + ":" + MessageDate.padded(minute, 2) + ":" + MessageDate.padded(second, 2)
        text += " "
        if isOffsetUnknown {
            text += "-0000"
        } else {
            text += offsetMinutes < 0 ? "-" : "+"
            text += MessageDate.padded(abs(offsetMinutes) / 60, 2) + MessageDate.padded(abs(offsetMinutes) % 60, 2)
        }
        return text
    }

    /// The date as an RFC 3339 section 5.6 `date-time` in its original offset, such as
    /// `2026-11-23T10:00:00+01:00`.
    ///
    /// A known offset of zero is written `Z`; an unknown offset (`-0000` in RFC 5322) is written
    /// `-00:00`, the convention RFC 3339 section 4.3 defines for exactly that meaning. Offsets of
    /// 24 hours or more, which RFC 5322 allows and RFC 3339 does not, are written as they are.
    public var rfc3339: String {
        var text = MessageDate.padded(year, 4) + "-" + MessageDate.padded(month, 2) + "-" + MessageDate.padded(day, 2)
        text += "T"
        text += MessageDate.padded(hour, 2) + ":" + MessageDate.padded(minute, 2) + ":" + MessageDate.padded(second, 2)
        if isOffsetUnknown {
            text += "-00:00"
        } else if offsetMinutes == 0 {
            text += "Z"
        } else {
            text += offsetMinutes < 0 ? "-" : "+"
            let magnitude = abs(offsetMinutes)
            text += MessageDate.padded(magnitude / 60, 2) + ":" + MessageDate.padded(magnitude % 60, 2)
        }
        return text
    }

    /// A non-negative number with leading zeros up to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.utf8.count >= width ? digits : String(repeating: "0", count: width - digits.utf8.count) + digits
    }
}
