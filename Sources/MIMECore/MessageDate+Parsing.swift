extension MessageDate {
    /// Parses a `date-time` (RFC 5322 section 3.3) with the obsolete forms of section 4.3 and the
    /// broken forms common in real mail, each recovered with a diagnostic.
    ///
    /// Accepted beyond the grammar: a missing comma after the weekday, full or lowercase day and
    /// month names, dashes between day, month and year (`23-Nov-2026`), a missing zone (read as
    /// `-0000`), zones written `+01:00`, `+01`, `UTC` or `Z`, a zone named only in a trailing
    /// comment (`(CET)`), single-digit hours and minutes, ISO 8601 / RFC 3339 timestamps
    /// (`2026-11-23T10:00:00Z`) and the C `asctime` form (`Mon Nov 23 10:00:00 2026`). A weekday
    /// that does not match the date is kept in `writtenWeekday`, with a diagnostic.
    ///
    /// Values out of range (hour 25, day 32, 30 February) give an error and `nil`.
    ///
    /// - Parameters:
    ///   - value: the field value; its indices are the offsets that diagnostics report.
    ///   - diagnostics: receives one diagnostic per recovery.
    public static func parse(_ value: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]) -> MessageDate? {
        if let plain = parsePlain(value, diagnostics: &diagnostics) { return plain }
        return parseTokens(value, diagnostics: &diagnostics)
    }

    /// ``parse(_:diagnostics:)`` for every form: the tokenizing parser with its workarounds.
    static func parseTokens(_ value: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]) -> MessageDate? {
        var lexer = Lexer(value)
        guard lexer.tokenize(diagnostics: &diagnostics) else {
            diagnostics.append(Diagnostic(.dateInvalid, .error, at: value.startIndex..<value.endIndex,
                                          "date is too long or has too many parts"))
            return nil
        }
        var parser = Parser(tokens: lexer.tokens, comments: lexer.comments, whole: value)
        let result = parser.parse(diagnostics: &diagnostics)
        if result != nil, lexer.hasIrregularWhitespace {
            diagnostics.append(Diagnostic(.dateExtraWhitespace, .info, at: value.startIndex..<value.endIndex,
                                          "date has white space other than single spaces between its parts"))
        }
        return result
    }

    /// Parses a `date-time` (RFC 5322 section 3.3) leniently, as `parse(_:diagnostics:)` does,
    /// discarding the diagnostics.
    public init?(_ string: String) {
        var diagnostics: [Diagnostic] = []
        guard let date = MessageDate.parse(ArraySlice(Array(string.utf8)), diagnostics: &diagnostics) else {
            return nil
        }
        self = date
    }
}

extension Diagnostic.Code {
    /// A date could not be read at all (RFC 5322 section 3.3).
    public static let dateInvalid = Diagnostic.Code("date-invalid")
    /// A date names a day, month, hour, minute, second, year or zone offset out of range.
    public static let dateOutOfRange = Diagnostic.Code("date-out-of-range")
    /// The weekday written does not match the date (RFC 5322 section 3.3 says it must).
    public static let dateWeekdayMismatch = Diagnostic.Code("date-weekday-mismatch")
    /// No comma after the day of the week (RFC 5322 section 3.3 `date-time`).
    public static let dateMissingComma = Diagnostic.Code("date-missing-comma")
    /// A day or month name is spelled out in full or not in the canonical case.
    public static let dateNonstandardName = Diagnostic.Code("date-nonstandard-name")
    /// Day, month and year are separated by dashes, as in RFC 850 (`23-Nov-2026`).
    public static let dateDashSeparator = Diagnostic.Code("date-dash-separator")
    /// The zone is missing; the date is read as `-0000` (unknown local offset).
    public static let dateMissingZone = Diagnostic.Code("date-missing-zone")
    /// The zone is one of the obsolete names of RFC 5322 section 4.3 (`GMT`, `EST`, ...).
    public static let dateObsoleteZone = Diagnostic.Code("date-obsolete-zone")
    /// The zone is a military letter, read as `-0000` per RFC 5322 section 4.3.
    public static let dateMilitaryZone = Diagnostic.Code("date-military-zone")
    /// The zone is in a form no RFC 5322 grammar allows (`+01:00`, `UTC`, `CET`, a comment).
    public static let dateNonstandardZone = Diagnostic.Code("date-nonstandard-zone")
    /// The year has two or three digits (RFC 5322 section 4.3 `obs-year`).
    public static let dateObsoleteYear = Diagnostic.Code("date-obsolete-year")
    /// A year before 1900, which RFC 5322 section 3.3 excludes.
    public static let dateEarlyYear = Diagnostic.Code("date-early-year")
    /// An hour, minute, second or day written with the wrong number of digits.
    public static let dateDigitCount = Diagnostic.Code("date-digit-count")
    /// The date is an ISO 8601 / RFC 3339 timestamp instead of an RFC 5322 `date-time`.
    public static let dateISO8601 = Diagnostic.Code("date-iso8601")
    /// The date is in the C `asctime` form (`Mon Nov 23 10:00:00 2026`).
    public static let dateAsctime = Diagnostic.Code("date-asctime")
    /// Text follows the date and was ignored.
    public static let dateTrailingText = Diagnostic.Code("date-trailing-text")
    /// Comments or folding inside the date, or runs of white space (legal, but RFC 5322 section
    /// 3.3 recommends single spaces).
    public static let dateExtraWhitespace = Diagnostic.Code("date-extra-whitespace")
}

extension MessageDate {
    /// A lexical unit of a date: a run of digits, a run of letters, or one other byte.
    struct Token {
        enum Kind: Equatable {
            case number
            case word
            case symbol(UInt8)
        }

        var kind: Kind
        var range: Range<Int>
        var bytes: ArraySlice<UInt8>
        /// Whether white space or a comment separated this token from the previous one.
        var spaced: Bool

        /// The value of a run of digits, or `nil` past nine digits (no field of a date is that long).
        var number: Int? {
            guard kind == .number, bytes.count <= 9 else { return nil }
            return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }

        func isSymbol(_ byte: UInt8) -> Bool { kind == .symbol(byte) }
    }

    /// Splits a date into tokens, skipping `CFWS` (RFC 5322 section 3.2.2) between them.
    struct Lexer {
        /// Far more than any date has; past it the input is not a date and is not read further.
        static let maximumTokens = 40

        var scanner: FieldScanner
        var tokens: [Token] = []
        /// Comment texts with the number of tokens that precede them.
        var comments: [(afterToken: Int, text: ArraySlice<UInt8>, range: Range<Int>)] = []
        var hasIrregularWhitespace = false

        init(_ value: ArraySlice<UInt8>) {
            scanner = FieldScanner(value)
        }

        /// `*([CFWS] (1*DIGIT / 1*ALPHA / VCHAR))`: the tokens of the value with the comments between
        /// them. Returns `false` past `maximumTokens`.
        mutating func tokenize(diagnostics: inout [Diagnostic]) -> Bool {
            while true {
                let gapStart = scanner.position
                var sawComment = false
                while true {
                    scanner.skipFWS()
                    let commentStart = scanner.position
                    guard let text = scanner.readComment(diagnostics: &diagnostics) else { break }
                    sawComment = true
                    comments.append((tokens.count, text, commentStart..<scanner.position))
                    if comments.count > Lexer.maximumTokens { return false }
                }
                let gap = scanner.bytes[gapStart..<scanner.position]
                let spaced = !gap.isEmpty
                if !tokens.isEmpty, !scanner.isAtEnd, spaced,
                   sawComment || gap.count > 1 || gap.first != ASCII.space {
                    hasIrregularWhitespace = true
                }
                guard let byte = scanner.peek else { return true }
                let start = scanner.position
                let kind: Token.Kind
                if ASCII.isDigit(byte) {
                    _ = scanner.read(while: ASCII.isDigit)
                    kind = .number
                } else if ASCII.isAlpha(byte) {
                    _ = scanner.read(while: ASCII.isAlpha)
                    kind = .word
                } else {
                    _ = scanner.next()
                    kind = .symbol(byte)
                }
                tokens.append(Token(kind: kind, range: start..<scanner.position,
                                        bytes: scanner.bytes[start..<scanner.position], spaced: spaced))
                if tokens.count > Lexer.maximumTokens { return false }
            }
        }
    }

    /// The grammar of `date-time` (RFC 5322 sections 3.3 and 4.3) over the tokens of a date, with
    /// the ISO 8601 and `asctime` forms beside it.
    struct Parser {
        let tokens: [Token]
        let comments: [(afterToken: Int, text: ArraySlice<UInt8>, range: Range<Int>)]
        let whole: ArraySlice<UInt8>
        var index = 0

        init(tokens: [Token], comments: [(afterToken: Int, text: ArraySlice<UInt8>, range: Range<Int>)],
             whole: ArraySlice<UInt8>) {
            self.tokens = tokens
            self.comments = comments
            self.whole = whole
        }

        var current: Token? { index < tokens.count ? tokens[index] : nil }

        func token(at offset: Int) -> Token? {
            index + offset < tokens.count ? tokens[index + offset] : nil
        }

        /// The position just past the last token read, for diagnostics about something missing.
        var here: Int { index > 0 ? tokens[index - 1].range.upperBound : whole.startIndex }

        func fail(_ message: String, _ diagnostics: inout [Diagnostic]) -> MessageDate? {
            let range = current?.range ?? (here..<here)
            diagnostics.append(Diagnostic(.dateInvalid, .error, at: range, message))
            return nil
        }

        mutating func consume(symbol: UInt8) -> Bool {
            guard let token = current, token.isSymbol(symbol) else { return false }
            index += 1
            return true
        }

        /// `date-time = [ day-of-week "," ] date time [CFWS]`
        mutating func parse(diagnostics: inout [Diagnostic]) -> MessageDate? {
            guard let first = current else { return fail("date is empty", &diagnostics) }
            if first.kind == .number, first.bytes.count == 4, token(at: 1)?.isSymbol(ASCII.hyphen) == true {
                return parseISO8601(diagnostics: &diagnostics)
            }
            var writtenWeekday: MessageDate.Weekday?
            var weekdayRange: Range<Int>?
            if first.kind == .word {
                // day-of-week = ([FWS] day-name) / obs-day-of-week
                guard let weekday = matchWeekday(first, &diagnostics) else {
                    return fail("expected a day of the week or a day of the month", &diagnostics)
                }
                writtenWeekday = weekday
                weekdayRange = first.range
                index += 1
                if current?.kind == .word {
                    return parseAsctime(weekday: weekday, weekdayRange: first.range, diagnostics: &diagnostics)
                }
                if !consume(symbol: UInt8(ascii: ",")) {
                    diagnostics.append(Diagnostic(.dateMissingComma, .warning, at: here,
                                                  "no comma after the day of the week"))
                }
            }
            guard let date = parseDate(diagnostics: &diagnostics) else { return nil }
            guard let time = parseTimeOfDay(diagnostics: &diagnostics) else { return nil }
            let zone = parseZone(diagnostics: &diagnostics)
            checkTrailing(&diagnostics)
            return build(year: date.year, month: date.month, day: date.day, time: time, zone: zone,
                         writtenWeekday: writtenWeekday, weekdayRange: weekdayRange, diagnostics: &diagnostics)
        }

        /// `date = day month year`, with `obs-day`, `obs-month`, `obs-year` (RFC 5322 section 4.3)
        /// and dashes in place of white space.
        mutating func parseDate(
            diagnostics: inout [Diagnostic]
        ) -> (year: Int, month: Int, day: Int, range: Range<Int>)? {
            // day = ([FWS] 1*2DIGIT FWS) / obs-day
            guard let dayToken = current, dayToken.kind == .number else {
                _ = fail("expected the day of the month", &diagnostics)
                return nil
            }
            guard dayToken.bytes.count <= 2, let day = dayToken.number else {
                diagnostics.append(Diagnostic(.dateOutOfRange, .error, at: dayToken.range,
                                              "day of the month is out of range"))
                return nil
            }
            index += 1
            var dashed = false
            if consume(symbol: ASCII.hyphen) { dashed = true }
            // month = (FWS month-name FWS) / obs-month
            guard let monthToken = current, monthToken.kind == .word,
                  let month = matchMonth(monthToken, &diagnostics)
            else {
                _ = fail("expected the name of a month", &diagnostics)
                return nil
            }
            index += 1
            if consume(symbol: ASCII.hyphen) { dashed = true }
            if dashed {
                diagnostics.append(Diagnostic(.dateDashSeparator, .warning, at: dayToken.range.lowerBound..<here,
                                              "day, month and year are separated by dashes"))
            }
            guard let yearToken = current, yearToken.kind == .number else {
                _ = fail("expected a year", &diagnostics)
                return nil
            }
            index += 1
            guard let year = readYear(yearToken, &diagnostics) else { return nil }
            return (year, month, day, dayToken.range.lowerBound..<yearToken.range.upperBound)
        }

        /// `year = (FWS 4*DIGIT FWS) / obs-year`, where `obs-year = [CFWS] 2*DIGIT [CFWS]`: two
        /// digits from 00 to 49 are 2000-2049, from 50 to 99 are 1950-1999, and three digits are
        /// added to 1900 (RFC 5322 section 4.3).
        func readYear(_ token: Token, _ diagnostics: inout [Diagnostic]) -> Int? {
            guard let value = token.number, value <= 9999 || token.bytes.count <= 4 else {
                diagnostics.append(Diagnostic(.dateOutOfRange, .error, at: token.range, "year is out of range"))
                return nil
            }
            switch token.bytes.count {
            case 1, 2:
                diagnostics.append(Diagnostic(.dateObsoleteYear, .info, at: token.range,
                                              "two-digit year (obsolete, RFC 5322 section 4.3)"))
                return value < 50 ? 2000 + value : 1900 + value
            case 3:
                diagnostics.append(Diagnostic(.dateObsoleteYear, .info, at: token.range,
                                              "three-digit year (obsolete, RFC 5322 section 4.3)"))
                return 1900 + value
            default:
                if value < 1900 {
                    diagnostics.append(Diagnostic(.dateEarlyYear, .warning, at: token.range,
                                                  "year before 1900 (RFC 5322 section 3.3)"))
                }
                return value
            }
        }

        /// `time-of-day = hour ":" minute [ ":" second ]`, with `obs-hour`, `obs-minute` and
        /// `obs-second` (comments and folding around each part) and single-digit parts.
        mutating func parseTimeOfDay(diagnostics: inout [Diagnostic]) -> (hour: Int, minute: Int, second: Int)? {
            guard let hour = readTwoDigits("hour", &diagnostics) else { return nil }
            guard consume(symbol: ASCII.colon) else {
                _ = fail("expected ':' after the hour", &diagnostics)
                return nil
            }
            guard let minute = readTwoDigits("minute", &diagnostics) else { return nil }
            var second = 0
            if current?.isSymbol(ASCII.colon) == true {
                index += 1
                guard let value = readTwoDigits("second", &diagnostics) else { return nil }
                second = value
                // Fractions of a second have no place in RFC 5322; some generators add them anyway.
                if let dot = current, dot.isSymbol(UInt8(ascii: ".")),
                   let fraction = token(at: 1), fraction.kind == .number {
                    diagnostics.append(Diagnostic(.dateDigitCount, .warning,
                                                  at: dot.range.lowerBound..<fraction.range.upperBound,
                                                  "fraction of a second ignored"))
                    index += 2
                }
            }
            return (hour, minute, second)
        }

        /// `2DIGIT`, leniently one digit (with a diagnostic).
        mutating func readTwoDigits(_ what: String, _ diagnostics: inout [Diagnostic]) -> Int? {
            guard let token = current, token.kind == .number else {
                _ = fail("expected the \(what)", &diagnostics)
                return nil
            }
            index += 1
            guard token.bytes.count <= 2, let value = token.number else {
                diagnostics.append(Diagnostic(.dateOutOfRange, .error, at: token.range, "\(what) is out of range"))
                return nil
            }
            if token.bytes.count == 1 {
                diagnostics.append(Diagnostic(.dateDigitCount, .warning, at: token.range,
                                              "\(what) written with one digit"))
            }
            return value
        }

        /// The zone read: minutes east of UTC, or `nil` for an unknown local offset.
        struct Zone {
            var offset: Int?
            var range: Range<Int>
        }

        /// `zone = (FWS ( "+" / "-" ) 4DIGIT) / obs-zone`, leniently `+HH:MM`, `+HH`, `UTC`, zone
        /// names followed by an offset (`GMT+0100`), and a zone named only in a comment.
        mutating func parseZone(diagnostics: inout [Diagnostic]) -> Zone? {
            guard let head = current else { return zoneFromComment(diagnostics: &diagnostics) }
            switch head.kind {
            case .symbol(UInt8(ascii: "+")), .symbol(ASCII.hyphen):
                guard let digits = token(at: 1), digits.kind == .number, !digits.spaced else {
                    return zoneFromComment(diagnostics: &diagnostics)
                }
                return parseNumericZone(diagnostics: &diagnostics)
            case .word:
                index += 1
                let name = ASCII.lowercasedString(head.bytes)
                // A name glued to an offset (`GMT+0100`, `UTC-05:00`) means the offset.
                if let sign = current, sign.isSymbol(UInt8(ascii: "+")) || sign.isSymbol(ASCII.hyphen), !sign.spaced,
                   token(at: 1)?.kind == .number {
                    diagnostics.append(Diagnostic(.dateNonstandardZone, .warning, at: head.range,
                                                  "zone name followed by an offset"))
                    return parseNumericZone(diagnostics: &diagnostics)
                }
                return zone(named: name, at: head.range, inComment: false, diagnostics: &diagnostics)
            default:
                return zoneFromComment(diagnostics: &diagnostics)
            }
        }

        /// `( "+" / "-" ) 4DIGIT`, leniently `+HH:MM` and `+HH`.
        mutating func parseNumericZone(diagnostics: inout [Diagnostic]) -> Zone? {
            guard let sign = current, let digits = token(at: 1) else { return nil }
            let negative = sign.isSymbol(ASCII.hyphen)
            index += 2
            var hours: Int
            var minutes = 0
            var end = digits.range.upperBound
            switch digits.bytes.count {
            case 4:
                let value = digits.number ?? 0
                hours = value / 100
                minutes = value % 100
            case 1, 2:
                hours = digits.number ?? 0
                if current?.isSymbol(ASCII.colon) == true, let minuteToken = token(at: 1), minuteToken.kind == .number,
                   minuteToken.bytes.count == 2 {
                    minutes = minuteToken.number ?? 0
                    end = minuteToken.range.upperBound
                    index += 2
                    diagnostics.append(Diagnostic(.dateNonstandardZone, .warning, at: sign.range.lowerBound..<end,
                                                  "zone written with a colon; RFC 5322 writes +HHMM"))
                } else {
                    diagnostics.append(Diagnostic(.dateNonstandardZone, .warning, at: sign.range.lowerBound..<end,
                                                  "zone written as hours only; RFC 5322 writes +HHMM"))
                }
            default:
                diagnostics.append(Diagnostic(.dateNonstandardZone, .warning, at: sign.range.lowerBound..<end,
                                              "zone offset is not four digits; read as -0000"))
                return Zone(offset: nil, range: sign.range.lowerBound..<end)
            }
            let range = sign.range.lowerBound..<end
            guard minutes < 60, hours <= 99 else {
                diagnostics.append(Diagnostic(.dateOutOfRange, .error, at: range, "zone offset is out of range"))
                return Zone(offset: .min, range: range)
            }
            let total = hours * 60 + minutes
            // RFC 5322 section 3.3: "-0000" says nothing about the local zone; "+0000" is UTC.
            if negative, total == 0 { return Zone(offset: nil, range: range) }
            return Zone(offset: negative ? -total : total, range: range)
        }

        /// A zone given by name, from `obs-zone` (RFC 5322 section 4.3) or, leniently, the usual
        /// abbreviations.
        func zone(named name: String, at range: Range<Int>, inComment: Bool,
                  diagnostics: inout [Diagnostic]) -> Zone? {
            let where_ = inComment ? " (named only in a comment)" : ""
            switch name {
            case "ut", "gmt":
                if inComment {
                    diagnostics.append(Diagnostic(.dateNonstandardZone, .warning, at: range,
                                                  "zone \(name.uppercased())\(where_)"))
                } else {
                    diagnostics.append(Diagnostic(.dateObsoleteZone, .info, at: range,
                                                  "obsolete zone \(name.uppercased()) (RFC 5322 section 4.3); +0000"))
                }
                return Zone(offset: 0, range: range)
            case "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst":
                let offsets = ["edt": -4, "est": -5, "cdt": -5, "cst": -6, "mdt": -6, "mst": -7, "pdt": -7, "pst": -8]
                let offset = (offsets[name] ?? 0) * 60
                if inComment {
                    diagnostics.append(Diagnostic(.dateNonstandardZone, .warning, at: range,
                                                  "zone \(name.uppercased())\(where_)"))
                } else {
                    diagnostics.append(Diagnostic(.dateObsoleteZone, .info, at: range,
                                                  "obsolete zone \(name.uppercased()) (RFC 5322 section 4.3)"))
                }
                return Zone(offset: offset, range: range)
            case "utc", "z":
                // "Z" is also a military letter, but unlike the others it meant UTC whichever way
                // RFC 822's sign error is read, so it keeps that meaning.
                diagnostics.append(Diagnostic(.dateNonstandardZone, .warning, at: range,
                                              "zone \(name.uppercased())\(where_); RFC 5322 writes +0000"))
                return Zone(offset: 0, range: range)
            default:
                if !inComment, name.utf8.count == 1, name != "j" {
                    diagnostics.append(Diagnostic(.dateMilitaryZone, .warning, at: range,
                                                  "military zone \(name.uppercased()) read as -0000 "
                                                      + "(RFC 5322 section 4.3)"))
                    return Zone(offset: nil, range: range)
                }
                if let hours = Parser.commonZoneNames[name] {
                    diagnostics.append(Diagnostic(.dateNonstandardZone, .warning, at: range,
                                                  "zone \(name.uppercased())\(where_) is not an RFC 5322 zone"))
                    return Zone(offset: hours * 60, range: range)
                }
                if inComment { return nil }
                diagnostics.append(Diagnostic(.dateNonstandardZone, .warning, at: range,
                                              "unknown zone \(name.uppercased()) read as -0000"))
                return Zone(offset: nil, range: range)
            }
        }

        /// Abbreviations seen in mail whose offset is not in doubt; ambiguous ones (`IST`, `BST` as
        /// Bangladesh time) are left out and read as unknown.
        static let commonZoneNames: [String: Int] = [
            "cet": 1, "cest": 2, "met": 1, "mest": 2, "mez": 1, "mesz": 2, "wet": 0, "west": 1,
            "eet": 2, "eest": 3, "bst": 1, "msk": 3, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8,
            "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13, "hst": -10, "akst": -9, "akdt": -8,
        ]

        /// No zone token: the last comment may name the zone (`10:00:00 (CET)`); otherwise the
        /// offset is unknown.
        func zoneFromComment(diagnostics: inout [Diagnostic]) -> Zone? {
            for comment in comments where comment.afterToken >= index {
                var scanner = FieldScanner(comment.text)
                scanner.skipFWS()
                let word = scanner.read(while: ASCII.isAlpha)
                scanner.skipFWS()
                guard !word.isEmpty, scanner.isAtEnd else { continue }
                var ignored: [Diagnostic] = []
                let name = ASCII.lowercasedString(word)
                if let zone = zone(named: name, at: comment.range, inComment: true, diagnostics: &ignored),
                   zone.offset != nil {
                    diagnostics.append(contentsOf: ignored)
                    return zone
                }
            }
            diagnostics.append(Diagnostic(.dateMissingZone, .warning, at: here,
                                          "date has no zone; read as -0000 (unknown local offset)"))
            return nil
        }

        func checkTrailing(_ diagnostics: inout [Diagnostic]) {
            guard let token = current else { return }
            let end = tokens[tokens.count - 1].range.upperBound
            diagnostics.append(Diagnostic(.dateTrailingText, .warning, at: token.range.lowerBound..<end,
                                          "text after the date ignored"))
        }

        /// `day-name`, or a full English day name.
        func matchWeekday(_ token: Token, _ diagnostics: inout [Diagnostic]) -> MessageDate.Weekday? {
            guard let index = matchName(token, short: MessageDate.weekdayNames, full: MessageDate.weekdayFullNames,
                                        &diagnostics) else { return nil }
            return MessageDate.Weekday(rawValue: index)
        }

        /// `month-name`, or a full English month name; returns 1...12.
        func matchMonth(_ token: Token, _ diagnostics: inout [Diagnostic]) -> Int? {
            matchName(token, short: MessageDate.monthNames, full: MessageDate.monthFullNames, &diagnostics)
                .map { $0 + 1 }
        }

        func matchName(_ token: Token, short: [String], full: [String], _ diagnostics: inout [Diagnostic]) -> Int? {
            let bytes = token.bytes
            for (i, name) in short.enumerated() where ASCII.equalsIgnoringCase(bytes, name.utf8) {
                if !bytes.elementsEqual(name.utf8) {
                    diagnostics.append(Diagnostic(.dateNonstandardName, .info, at: token.range,
                                                  "'\(ASCII.string(bytes))' is not written '\(name)'"))
                }
                return i
            }
            for (i, name) in full.enumerated() where ASCII.equalsIgnoringCase(bytes, name.utf8) {
                diagnostics.append(Diagnostic(.dateNonstandardName, .warning, at: token.range,
                                              "'\(ASCII.string(bytes))' written in full; "
                                                  + "RFC 5322 writes '\(short[i])'"))
                return i
            }
            return nil
        }

        /// The C library's `asctime` form, `day-name SP month-name SP day SP time-of-day SP year`,
        /// sometimes with a zone before or after the year (`date(1)` output).
        mutating func parseAsctime(weekday: MessageDate.Weekday, weekdayRange: Range<Int>,
                                   diagnostics: inout [Diagnostic]) -> MessageDate? {
            let start = weekdayRange.lowerBound
            guard let monthToken = current, let month = matchMonth(monthToken, &diagnostics) else {
                return fail("expected the name of a month", &diagnostics)
            }
            index += 1
            guard let dayToken = current, dayToken.kind == .number else {
                return fail("expected the day of the month", &diagnostics)
            }
            guard dayToken.bytes.count <= 2, let day = dayToken.number else {
                diagnostics.append(Diagnostic(.dateOutOfRange, .error, at: dayToken.range,
                                              "day of the month is out of range"))
                return nil
            }
            index += 1
            guard let time = parseTimeOfDay(diagnostics: &diagnostics) else { return nil }
            var zone: Zone?
            var zoneRead = false
            if current?.kind == .word {
                zone = parseZone(diagnostics: &diagnostics)
                zoneRead = true
            }
            guard let yearToken = current, yearToken.kind == .number else {
                return fail("expected a year", &diagnostics)
            }
            index += 1
            guard let year = readYear(yearToken, &diagnostics) else { return nil }
            if !zoneRead { zone = parseZone(diagnostics: &diagnostics) }
            checkTrailing(&diagnostics)
            diagnostics.append(Diagnostic(.dateAsctime, .warning, at: start..<yearToken.range.upperBound,
                                          "date in asctime form, not RFC 5322"))
            return build(year: year, month: month, day: day, time: time, zone: zone,
                         writtenWeekday: weekday, weekdayRange: weekdayRange, diagnostics: &diagnostics)
        }

        /// ISO 8601 / RFC 3339 `date-time`: `full-date ("T" / " ") partial-time [time-offset]`.
        mutating func parseISO8601(diagnostics: inout [Diagnostic]) -> MessageDate? {
            let start = tokens[index].range.lowerBound
            guard let yearToken = current, let year = yearToken.number else {
                return fail("expected a year", &diagnostics)
            }
            index += 2
            guard let monthToken = current, monthToken.kind == .number, let month = monthToken.number,
                  consumeNumber(), consume(symbol: ASCII.hyphen),
                  let dayToken = current, dayToken.kind == .number, let day = dayToken.number, consumeNumber()
            else { return fail("expected an ISO 8601 date, YYYY-MM-DD", &diagnostics) }
            if month < 1 || month > 12 {
                diagnostics.append(Diagnostic(.dateOutOfRange, .error, at: monthToken.range, "month is out of range"))
                return nil
            }
            // The "T" lexes as a word of its own because digits follow it.
            if let separator = current, separator.kind == .word, ASCII.equalsIgnoringCase(separator.bytes, "t".utf8) {
                index += 1
            }
            guard let time = parseTimeOfDay(diagnostics: &diagnostics) else { return nil }
            var zone: Zone?
            if let head = current, head.kind == .word, ASCII.equalsIgnoringCase(head.bytes, "z".utf8) {
                index += 1
                zone = Zone(offset: 0, range: head.range)
            } else if let head = current, head.isSymbol(UInt8(ascii: "+")) || head.isSymbol(ASCII.hyphen),
                      token(at: 1)?.kind == .number {
                var ignored: [Diagnostic] = []
                zone = parseNumericZone(diagnostics: &ignored)
                diagnostics.append(contentsOf: ignored.filter { $0.code != .dateNonstandardZone })
            } else {
                zone = zoneFromComment(diagnostics: &diagnostics)
            }
            diagnostics.append(Diagnostic(.dateISO8601, .warning, at: start..<here,
                                          "ISO 8601 timestamp instead of an RFC 5322 date"))
            checkTrailing(&diagnostics)
            return build(year: year, month: month, day: day, time: time, zone: zone,
                         writtenWeekday: nil, weekdayRange: nil, diagnostics: &diagnostics)
        }

        mutating func consumeNumber() -> Bool {
            guard current?.kind == .number else { return false }
            index += 1
            return true
        }

        /// Checks every field's range, then the weekday.
        func build(year: Int, month: Int, day: Int, time: (hour: Int, minute: Int, second: Int), zone: Zone?,
                   writtenWeekday: MessageDate.Weekday?, weekdayRange: Range<Int>?,
                   diagnostics: inout [Diagnostic]) -> MessageDate? {
            let whole = whole.startIndex..<(tokens.last?.range.upperBound ?? whole.startIndex)
            if zone?.offset == .min { return nil }
            guard let date = MessageDate(year: year, month: month, day: day,
                                         hour: time.hour, minute: time.minute, second: time.second,
                                         offsetMinutes: zone?.offset ?? 0, isOffsetUnknown: zone?.offset == nil,
                                         writtenWeekday: writtenWeekday)
            else {
                let what: String
                if year < 1 || year > 9999 {
                    what = "year \(year)"
                } else if day < 1 || day > MessageDate.daysInMonth(year: year, month: month) {
                    what = "day \(day) of \(MessageDate.monthNames[(month - 1) % 12]) \(year)"
                } else if time.hour > 23 {
                    what = "hour \(time.hour)"
                } else if time.minute > 59 {
                    what = "minute \(time.minute)"
                } else {
                    what = "second \(time.second)"
                }
                diagnostics.append(Diagnostic(.dateOutOfRange, .error, at: whole, "\(what) does not exist"))
                return nil
            }
            if let writtenWeekday, writtenWeekday != date.weekday, let weekdayRange {
                diagnostics.append(Diagnostic(.dateWeekdayMismatch, .warning, at: weekdayRange,
                                              "\(writtenWeekday) written, but that date is a \(date.weekday)"))
            }
            return date
        }
    }
}
