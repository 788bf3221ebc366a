import MIMECore
import Testing

func parseDate(_ text: String) -> (date: MessageDate?, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let date = MessageDate.parse(ArraySlice(Array(text.utf8)), diagnostics: &diagnostics)
    return (date, diagnostics)
}

@Suite("MessageDate")
struct MessageDateTests {
    /// RFC 5322 appendix A, every date the examples hold, with the moment each denotes.
    static let appendixA: [(label: String, input: String, rfc3339: String, epoch: Int64)] = [
        ("A.1.1", "Fri, 21 Nov 1997 09:55:06 -0600", "1997-11-21T09:55:06-06:00", 880_127_706),
        ("A.1.2", "Tue, 1 Jul 2003 10:52:37 +0200", "2003-07-01T10:52:37+02:00", 1_057_049_557),
        ("A.1.3", "Thu, 13 Feb 1969 23:32:54 -0330", "1969-02-13T23:32:54-03:30", -27_723_426),
        ("A.2", "Fri, 21 Nov 1997 10:01:10 -0600", "1997-11-21T10:01:10-06:00", 880_128_070),
        ("A.3", "Mon, 24 Nov 1997 14:22:01 -0800", "1997-11-24T14:22:01-08:00", 880_410_121),
        ("A.4", " 21 Nov 1997 10:05:43 -0600", "1997-11-21T10:05:43-06:00", 880_128_343),
        ("A.4", " 21 Nov 1997 10:01:22 -0600", "1997-11-21T10:01:22-06:00", 880_128_082),
        ("A.5", "Thu,\r\n      13\r\n        Feb\r\n          1969\r\n      23:32\r\n               -0330 (Newfoundland Time)",
         "1969-02-13T23:32:00-03:30", -27_723_480),
        ("A.6.2", "21 Nov 97 09:55:06 GMT", "1997-11-21T09:55:06Z", 880_106_106),
        ("A.6.3", "Fri, 21 Nov 1997 09(comment):   55  :  06 -0600", "1997-11-21T09:55:06-06:00", 880_127_706),
    ]

    @Test("RFC 5322 appendix A dates", arguments: appendixA)
    func appendixADates(_ example: (label: String, input: String, rfc3339: String, epoch: Int64)) throws {
        let (date, diagnostics) = parseDate(example.input)
        let parsed = try #require(date, "\(example.label)")
        #expect(parsed.rfc3339 == example.rfc3339)
        #expect(parsed.secondsSinceEpoch == example.epoch)
        #expect(parsed.writtenWeekday == nil || parsed.writtenWeekday == parsed.weekday)
        // Obsolete and folded forms are legal: at most informational notes.
        #expect(diagnostics.allSatisfy { $0.severity == .info }, "\(diagnostics)")
    }

    @Test("The obsolete forms of appendix A.6 are noted")
    func obsoleteFormsNoted() throws {
        #expect(parseDate("21 Nov 97 09:55:06 GMT").diagnostics.map(\.code).contains(.dateObsoleteYear))
        #expect(parseDate("21 Nov 97 09:55:06 GMT").diagnostics.map(\.code).contains(.dateObsoleteZone))
        #expect(parseDate("Fri, 21 Nov 1997 09(comment):   55  :  06 -0600").diagnostics.map(\.code).contains(.dateExtraWhitespace))
        #expect(parseDate("Fri, 21 Nov 1997 09:55:06 -0600").diagnostics.isEmpty)
    }

    /// Broken forms found in real mail: each is read, with the diagnostic that names the problem.
    static let lenient: [(input: String, rfc3339: String, code: Diagnostic.Code)] = [
        ("Mon 23 Nov 2026 10:00:00 +0100", "2026-11-23T10:00:00+01:00", .dateMissingComma),
        ("Monday, 23 November 2026 10:00:00 +0100", "2026-11-23T10:00:00+01:00", .dateNonstandardName),
        ("mon, 23 nov 2026 10:00:00 +0100", "2026-11-23T10:00:00+01:00", .dateNonstandardName),
        ("MON, 23 NOV 2026 10:00:00 +0100", "2026-11-23T10:00:00+01:00", .dateNonstandardName),
        ("Mon, 23-Nov-2026 10:00:00 +0100", "2026-11-23T10:00:00+01:00", .dateDashSeparator),
        ("Monday, 23-Nov-26 10:00:00 GMT", "2026-11-23T10:00:00Z", .dateDashSeparator),
        ("Mon, 23 Nov 2026 10:00:00", "2026-11-23T10:00:00-00:00", .dateMissingZone),
        ("Mon, 23 Nov 2026 10:00:00 +01:00", "2026-11-23T10:00:00+01:00", .dateNonstandardZone),
        ("Mon, 23 Nov 2026 10:00:00 +01", "2026-11-23T10:00:00+01:00", .dateNonstandardZone),
        ("Mon, 23 Nov 2026 10:00:00 UTC", "2026-11-23T10:00:00Z", .dateNonstandardZone),
        ("Mon, 23 Nov 2026 10:00:00 Z", "2026-11-23T10:00:00Z", .dateNonstandardZone),
        ("Mon, 23 Nov 2026 10:00:00 GMT+0100", "2026-11-23T10:00:00+01:00", .dateNonstandardZone),
        ("Mon, 23 Nov 2026 10:00:00 (CET)", "2026-11-23T10:00:00+01:00", .dateNonstandardZone),
        ("Mon, 23 Nov 2026 10:00:00 (UTC)", "2026-11-23T10:00:00Z", .dateNonstandardZone),
        ("Mon, 23 Nov 2026 10:00:00 CEST", "2026-11-23T10:00:00+02:00", .dateNonstandardZone),
        ("Mon, 23 Nov 2026 10:00:00 XYZT", "2026-11-23T10:00:00-00:00", .dateNonstandardZone),
        ("Mon, 23 Nov 2026 10:00:00 EST", "2026-11-23T10:00:00-05:00", .dateObsoleteZone),
        ("Mon, 23 Nov 2026 10:00:00 EDT", "2026-11-23T10:00:00-04:00", .dateObsoleteZone),
        ("Mon, 23 Nov 2026 10:00:00 CST", "2026-11-23T10:00:00-06:00", .dateObsoleteZone),
        ("Mon, 23 Nov 2026 10:00:00 CDT", "2026-11-23T10:00:00-05:00", .dateObsoleteZone),
        ("Mon, 23 Nov 2026 10:00:00 MST", "2026-11-23T10:00:00-07:00", .dateObsoleteZone),
        ("Mon, 23 Nov 2026 10:00:00 MDT", "2026-11-23T10:00:00-06:00", .dateObsoleteZone),
        ("Mon, 23 Nov 2026 10:00:00 PST", "2026-11-23T10:00:00-08:00", .dateObsoleteZone),
        ("Mon, 23 Nov 2026 10:00:00 PDT", "2026-11-23T10:00:00-07:00", .dateObsoleteZone),
        ("Mon, 23 Nov 2026 10:00:00 UT", "2026-11-23T10:00:00Z", .dateObsoleteZone),
        ("Mon, 23 Nov 2026 10:00:00 A", "2026-11-23T10:00:00-00:00", .dateMilitaryZone),
        ("Mon, 23 Nov 2026 10:00:00 m", "2026-11-23T10:00:00-00:00", .dateMilitaryZone),
        ("Mon,  23  Nov  2026  10:00:00   +0100", "2026-11-23T10:00:00+01:00", .dateExtraWhitespace),
        ("Mon,\t23 Nov 2026 10:00:00 +0100", "2026-11-23T10:00:00+01:00", .dateExtraWhitespace),
        ("Mon, 23 Nov 2026 9:05:00 +0100", "2026-11-23T09:05:00+01:00", .dateDigitCount),
        ("Mon, 23 Nov 2026 10:00:00.250 +0100", "2026-11-23T10:00:00+01:00", .dateDigitCount),
        ("2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z", .dateISO8601),
        ("2026-11-23t10:00:00z", "2026-11-23T10:00:00Z", .dateISO8601),
        ("2026-11-23T10:00:00+01:00", "2026-11-23T10:00:00+01:00", .dateISO8601),
        ("2026-11-23T10:00:00.123-05:30", "2026-11-23T10:00:00-05:30", .dateISO8601),
        ("2026-11-23 10:00:00", "2026-11-23T10:00:00-00:00", .dateISO8601),
        ("2026-11-23T10:00:00-00:00", "2026-11-23T10:00:00-00:00", .dateISO8601),
        ("Mon Nov 23 10:00:00 2026", "2026-11-23T10:00:00-00:00", .dateAsctime),
        ("Mon Nov 23 10:00:00 2026 +0100", "2026-11-23T10:00:00+01:00", .dateAsctime),
        ("Mon Nov 23 10:00:00 CET 2026", "2026-11-23T10:00:00+01:00", .dateAsctime),
        ("Tue, 23 Nov 2026 10:00:00 +0100", "2026-11-23T10:00:00+01:00", .dateWeekdayMismatch),
        ("Mon, 4 Dec 2019 15:51:37 +0100", "2019-12-04T15:51:37+01:00", .dateWeekdayMismatch),
        ("Mon, 23 Nov 2026 10:00:00 +0100 CET", "2026-11-23T10:00:00+01:00", .dateTrailingText),
        ("23 Nov 103 10:00:00 +0000", "2003-11-23T10:00:00Z", .dateObsoleteYear),
        ("23 Nov 49 10:00:00 +0000", "2049-11-23T10:00:00Z", .dateObsoleteYear),
        ("23 Nov 50 10:00:00 +0000", "1950-11-23T10:00:00Z", .dateObsoleteYear),
        ("23 Nov 00 10:00:00 +0000", "2000-11-23T10:00:00Z", .dateObsoleteYear),
        ("23 Nov 99 10:00:00 +0000", "1999-11-23T10:00:00Z", .dateObsoleteYear),
        ("1 Jan 1850 00:00:00 +0000", "1850-01-01T00:00:00Z", .dateEarlyYear),
    ]

    @Test("Broken forms are read, with a diagnostic", arguments: lenient)
    func lenientForms(_ example: (input: String, rfc3339: String, code: Diagnostic.Code)) throws {
        let (date, diagnostics) = parseDate(example.input)
        let parsed = try #require(date, "\(example.input): \(diagnostics)")
        #expect(parsed.rfc3339 == example.rfc3339)
        #expect(diagnostics.map(\.code).contains(example.code), "\(diagnostics)")
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        for diagnostic in diagnostics {
            #expect(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= example.input.utf8.count)
        }
    }

    /// Legal forms that need no comment.
    static let clean: [(input: String, rfc3339: String)] = [
        ("Mon, 23 Nov 2026 10:00 +0100", "2026-11-23T10:00:00+01:00"),
        ("Mon, 23 Nov 2026 10:00:00 -0000", "2026-11-23T10:00:00-00:00"),
        ("Mon, 23 Nov 2026 10:00:00 +0000", "2026-11-23T10:00:00Z"),
        ("Mon, 23 Nov 2026 10:00:00 +0100 (CET)", "2026-11-23T10:00:00+01:00"),
        ("23 Nov 2026 10:00:00 +0100", "2026-11-23T10:00:00+01:00"),
        ("Sat, 31 Dec 2016 23:59:60 +0000", "2016-12-31T23:59:60Z"),
        ("Thu, 29 Feb 2024 12:00:00 +1400", "2024-02-29T12:00:00+14:00"),
        ("Wed, 1 Jan 2025 00:00:00 -1200", "2025-01-01T00:00:00-12:00"),
    ]

    @Test("Legal dates give no diagnostic", arguments: clean)
    func cleanForms(_ example: (input: String, rfc3339: String)) throws {
        let (date, diagnostics) = parseDate(example.input)
        #expect(try #require(date).rfc3339 == example.rfc3339)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    /// Dates that name a moment that does not exist, and text that is no date.
    static let rejected: [(input: String, code: Diagnostic.Code)] = [
        ("Mon, 23 Nov 2026 25:00:00 +0100", .dateOutOfRange),
        ("Mon, 23 Nov 2026 24:00:00 +0100", .dateOutOfRange),
        ("Mon, 32 Nov 2026 10:00:00 +0100", .dateOutOfRange),
        ("Mon, 31 Nov 2026 10:00:00 +0100", .dateOutOfRange),
        ("Mon, 30 Feb 2026 10:00:00 +0100", .dateOutOfRange),
        ("Sat, 29 Feb 2025 10:00:00 +0100", .dateOutOfRange),
        ("Mon, 29 Feb 2100 10:00:00 +0100", .dateOutOfRange),
        ("Mon, 0 Nov 2026 10:00:00 +0100", .dateOutOfRange),
        ("Mon, 123 Nov 2026 10:00:00 +0100", .dateOutOfRange),
        ("Mon, 23 Nov 2026 10:60:00 +0100", .dateOutOfRange),
        ("Mon, 23 Nov 2026 10:00:61 +0100", .dateOutOfRange),
        ("Mon, 23 Nov 2026 10:00:00 +0160", .dateOutOfRange),
        ("Mon, 23 Nov 12026 10:00:00 +0100", .dateOutOfRange),
        ("2026-13-01T00:00:00Z", .dateOutOfRange),
        ("2026-02-30T00:00:00Z", .dateOutOfRange),
        ("", .dateInvalid),
        ("   ", .dateInvalid),
        ("hello", .dateInvalid),
        ("Mon, 23 Foo 2026 10:00:00 +0100", .dateInvalid),
        ("Mon, 23 Nov 2026", .dateInvalid),
        ("Mon, 23 Nov 2026 10 +0100", .dateInvalid),
        ("Mon, Nov 2026 10:00 +0100", .dateInvalid),
        ("Funday, 23 Nov 2026 10:00 +0100", .dateInvalid),
        ("23 Nov 2026 10:00:00 +0100 " + String(repeating: "x ", count: 100), .dateInvalid),
        (String(repeating: "9", count: 5000), .dateOutOfRange),
        (String(repeating: "(", count: 5000), .dateInvalid),
    ]

    @Test("Impossible dates and non-dates give an error and no date", arguments: rejected)
    func rejectedForms(_ example: (input: String, code: Diagnostic.Code)) {
        let (date, diagnostics) = parseDate(example.input)
        #expect(date == nil)
        #expect(diagnostics.contains { $0.code == example.code && $0.severity == .error }, "\(diagnostics)")
        #expect(MessageDate(example.input) == nil)
    }

    /// Fields, moments and weekdays computed without Foundation, checked against values computed
    /// independently (Python's `datetime`).
    static let moments: [(fields: (Int, Int, Int, Int, Int, Int, Int), epoch: Int64, weekday: MessageDate.Weekday)] = [
        ((1970, 1, 1, 0, 0, 0, 0), 0, .thursday),
        ((2026, 11, 23, 10, 0, 0, 60), 1_795_424_400, .monday),
        ((2019, 12, 4, 15, 51, 37, 60), 1_575_471_097, .wednesday),
        ((2000, 2, 29, 12, 0, 0, 0), 951_825_600, .tuesday),
        ((1900, 3, 1, 0, 0, 0, 0), -2_203_891_200, .thursday),
        ((1, 1, 1, 0, 0, 0, 0), -62_135_596_800, .monday),
        ((9999, 12, 31, 23, 59, 59, 0), 253_402_300_799, .friday),
        ((1969, 12, 31, 23, 59, 59, 0), -1, .wednesday),
    ]

    @Test("Seconds since the epoch and weekdays", arguments: moments)
    func epochAndWeekday(_ example: (fields: (Int, Int, Int, Int, Int, Int, Int), epoch: Int64, weekday: MessageDate.Weekday)) throws {
        let f = example.fields
        let date = try #require(MessageDate(year: f.0, month: f.1, day: f.2, hour: f.3, minute: f.4, second: f.5,
                                            offsetMinutes: f.6))
        #expect(date.secondsSinceEpoch == example.epoch)
        #expect(date.weekday == example.weekday)
        let back = try #require(MessageDate(secondsSinceEpoch: example.epoch, offsetMinutes: f.6))
        #expect(back == date)
    }

    @Test("Field initializer rejects values out of range")
    func fieldValidation() {
        #expect(MessageDate(year: 2026, month: 2, day: 29, hour: 0, minute: 0) == nil)
        #expect(MessageDate(year: 2024, month: 2, day: 29, hour: 0, minute: 0) != nil)
        #expect(MessageDate(year: 0, month: 1, day: 1, hour: 0, minute: 0) == nil)
        #expect(MessageDate(year: 2026, month: 13, day: 1, hour: 0, minute: 0) == nil)
        #expect(MessageDate(year: 2026, month: 1, day: 1, hour: 0, minute: 0, offsetMinutes: 100 * 60) == nil)
        #expect(MessageDate(secondsSinceEpoch: .max) == nil)
        #expect(MessageDate(secondsSinceEpoch: .min) == nil)
    }

    static let renderings: [(input: String, rfc5322: String, rfc3339: String)] = [
        ("2026-11-23T10:00:00+01:00", "Mon, 23 Nov 2026 10:00:00 +0100", "2026-11-23T10:00:00+01:00"),
        ("Tue, 4 Dec 2019 15:51:37 +0100", "Wed, 4 Dec 2019 15:51:37 +0100", "2019-12-04T15:51:37+01:00"),
        ("21 Nov 97 09:55:06 GMT", "Fri, 21 Nov 1997 09:55:06 +0000", "1997-11-21T09:55:06Z"),
        ("Thu, 13 Feb 1969 23:32 -0330", "Thu, 13 Feb 1969 23:32:00 -0330", "1969-02-13T23:32:00-03:30"),
        ("Mon, 23 Nov 2026 10:00:00 -0000", "Mon, 23 Nov 2026 10:00:00 -0000", "2026-11-23T10:00:00-00:00"),
        ("Mon, 23 Nov 2026 10:00:00 A", "Mon, 23 Nov 2026 10:00:00 -0000", "2026-11-23T10:00:00-00:00"),
        ("1 Jan 0999 00:00:00 +0545", "Tue, 1 Jan 0999 00:00:00 +0545", "0999-01-01T00:00:00+05:45"),
    ]

    @Test("Rendering as RFC 5322 (with the right weekday) and RFC 3339 (in the original offset)",
          arguments: renderings)
    func rendering(_ example: (input: String, rfc5322: String, rfc3339: String)) throws {
        let date = try #require(MessageDate(example.input))
        #expect(date.rfc5322 == example.rfc5322)
        #expect(date.rfc3339 == example.rfc3339)
        #expect(date.description == example.rfc3339)
    }

    @Test("Unknown offset is kept apart from UTC")
    func unknownOffset() throws {
        let unknown = try #require(MessageDate("Mon, 23 Nov 2026 10:00:00 -0000"))
        let utc = try #require(MessageDate("Mon, 23 Nov 2026 10:00:00 +0000"))
        #expect(unknown.isOffsetUnknown)
        #expect(!utc.isOffsetUnknown)
        #expect(unknown != utc)
        #expect(unknown.isSameInstant(as: utc))
        let plus = try #require(MessageDate("Mon, 23 Nov 2026 11:00:00 +0100"))
        #expect(plus.isSameInstant(as: utc))
    }

    @Test("Equality ignores the weekday written, and compares zones")
    func equality() throws {
        let wrong = try #require(MessageDate("Tue, 23 Nov 2026 10:00:00 +0100"))
        let none = try #require(MessageDate("23 Nov 2026 10:00:00 +0100"))
        #expect(wrong.writtenWeekday == .tuesday)
        #expect(none.writtenWeekday == nil)
        #expect(wrong == none)
        #expect(Set([wrong, none]).count == 1)
        let utc = try #require(MessageDate("23 Nov 2026 09:00:00 +0000"))
        #expect(utc != none)
        #expect(utc.isSameInstant(as: none))
    }

    @Test("Diagnostics of a date inside a message point into the message")
    func offsetsInSlice() throws {
        let field = Array("Date: Mon 23 Nov 2026 10:00:00 +0100\r\n".utf8)
        var diagnostics: [Diagnostic] = []
        let date = MessageDate.parse(field[6..<36], diagnostics: &diagnostics)
        #expect(date?.hour == 10)
        let missingComma = try #require(diagnostics.first { $0.code == .dateMissingComma })
        #expect(missingComma.offset == 9)
    }

    /// Random dates in every year, zone and form render and parse back to the same value.
    @Test("Property: render then parse gives the same date", arguments: [UInt64(1), 2, 3, 0xC01])
    func roundTrip(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let year = Int.random(in: 1900...9999, using: &generator)
            let month = Int.random(in: 1...12, using: &generator)
            let day = Int.random(in: 1...28, using: &generator) + (Bool.random(using: &generator) ? 0 : Int.random(in: 0...3, using: &generator))
            let unknown = Int.random(in: 0..<8, using: &generator) == 0
            let offset = Int.random(in: -(23 * 60 + 59)...(23 * 60 + 59), using: &generator)
            guard let date = MessageDate(year: year, month: month, day: day,
                                         hour: Int.random(in: 0...23, using: &generator),
                                         minute: Int.random(in: 0...59, using: &generator),
                                         second: Int.random(in: 0...59, using: &generator),
                                         offsetMinutes: offset, isOffsetUnknown: unknown)
            else { continue }
            let (fromRFC5322, diagnostics) = parseDate(date.rfc5322)
            #expect(fromRFC5322 == date, "\(date.rfc5322)")
            #expect(fromRFC5322?.writtenWeekday == date.weekday)
            #expect(diagnostics.isEmpty, "\(date.rfc5322): \(diagnostics)")
            let fromRFC3339 = MessageDate(date.rfc3339)
            #expect(fromRFC3339 == date, "\(date.rfc3339)")
            let fromEpoch = MessageDate(secondsSinceEpoch: date.secondsSinceEpoch, offsetMinutes: date.offsetMinutes,
                                        isOffsetUnknown: unknown)
            #expect(fromEpoch == date)
        }
    }

    /// Every day across four centuries: the calendar arithmetic agrees with a day-by-day count.
    @Test("Property: consecutive days are one day apart and weekdays cycle")
    func consecutiveDays() throws {
        var previous = try #require(MessageDate(year: 1899, month: 12, day: 31, hour: 0, minute: 0))
        var year = 1900
        var month = 1
        var day = 1
        while year < 2301 {
            let date = try #require(MessageDate(year: year, month: month, day: day, hour: 0, minute: 0))
            #expect(date.secondsSinceEpoch - previous.secondsSinceEpoch == 86_400)
            #expect(date.weekday.rawValue == (previous.weekday.rawValue + 1) % 7)
            previous = date
            day += 1
            if MessageDate(year: year, month: month, day: day, hour: 0, minute: 0) == nil {
                day = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
        }
    }
}
