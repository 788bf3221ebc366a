// The RFC 5322 and MIME rules. Each rule's failing example breaks that rule (and as few others
// as the rule allows), and its passing example breaks none; the fixture tests check both.

private let rfc5322 = "https://www.rfc-editor.org/rfc/rfc5322"
private let rfc2045 = "https://www.rfc-editor.org/rfc/rfc2045"
private let rfc2046 = "https://www.rfc-editor.org/rfc/rfc2046"
private let rfc2047 = "https://www.rfc-editor.org/rfc/rfc2047"

extension Rule {
    /// RFC 5322 section 3.6: every message has exactly one `From`.
    public static let fromMissing = Rule(
        "MIME-FROM-MISSING", .error, .rfc, document: "RFC 5322", section: "3.6", url: rfc5322 + "#section-3.6",
        summary: "The message has no From field.",
        explanation: """
            RFC 5322 section 3.6 requires the originator field From in every message: it names \
            the author. Without it, receivers cannot show who wrote the message and many \
            servers reject it.
            """,
        failing: RuleExample.message(changing: [("From", nil)]),
        passing: RuleExample.message())

    /// RFC 5322 section 3.6: every message has exactly one `Date`.
    public static let dateMissing = Rule(
        "MIME-DATE-MISSING", .error, .rfc, document: "RFC 5322", section: "3.6", url: rfc5322 + "#section-3.6",
        summary: "The message has no Date field.",
        explanation: """
            RFC 5322 section 3.6 requires the origination date field Date in every message: the \
            time the author finished the message. Receivers sort and display messages by it.
            """,
        failing: RuleExample.message(changing: [("Date", nil)]),
        passing: RuleExample.message())

    /// RFC 5322 section 3.6 (and RFC 2045 for the MIME fields): fields that may appear at most
    /// once.
    public static let fieldRepeated = Rule(
        "MIME-FIELD-REPEATED", .error, .rfc, document: "RFC 5322", section: "3.6", url: rfc5322 + "#section-3.6",
        summary: "A field that may appear at most once appears more than once.",
        explanation: """
            The table in RFC 5322 section 3.6 allows at most one Date, From, Sender, Reply-To, \
            To, Cc, Bcc, Message-ID, In-Reply-To, References and Subject; RFC 2045 allows one \
            MIME-Version, Content-Type, Content-Transfer-Encoding, Content-ID and \
            Content-Description per entity, and RFC 2183 one Content-Disposition. Readers \
            disagree about which copy counts, so a repeated field means different things to \
            different programs. The finding points at the second occurrence.
            """,
        failing: RuleExample.message(extra: ["Subject: Lunch again"]),
        passing: RuleExample.message())

    /// RFC 5322 section 2.1.1: lines MUST NOT exceed 998 octets.
    public static let lineTooLong = Rule(
        "MIME-LINE-TOO-LONG", .error, .rfc, document: "RFC 5322", section: "2.1.1", url: rfc5322 + "#section-2.1.1",
        summary: "A line is longer than 998 octets.",
        explanation: """
            RFC 5322 section 2.1.1: each line of characters MUST be no more than 998 characters, \
            excluding the CRLF. Mail servers may cut or wrap longer lines, which breaks the \
            content. Use quoted-printable or base64 for long lines, and fold long header fields.
            """,
        failing: RuleExample.message(body: String(repeating: "long ", count: 220) + "\n"),
        passing: RuleExample.message())

    /// RFC 5322 section 2.1.1: lines SHOULD NOT exceed 78 characters.
    public static let lineLong = Rule(
        "MIME-LINE-LONG", .info, .rfc, document: "RFC 5322", section: "2.1.1", url: rfc5322 + "#section-2.1.1",
        summary: "A line is longer than 78 characters.",
        explanation: """
            RFC 5322 section 2.1.1: each line SHOULD be no more than 78 characters, excluding \
            the CRLF, because some programs display longer lines badly. The finding points at \
            the first such line of a message and gives the number of such lines.
            """,
        failing: RuleExample.message(body: String(repeating: "word ", count: 20) + "\n"),
        passing: RuleExample.message())

    /// RFC 5322 sections 2.2 and 2.3: CR only as part of CRLF.
    public static let bareCR = Rule(
        "MIME-BARE-CR", .error, .rfc, document: "RFC 5322", section: "2.3", url: rfc5322 + "#section-2.3",
        summary: "A carriage return that is not followed by a line feed.",
        explanation: """
            RFC 5322 sections 2.2 and 2.3: CR and LF MUST only occur together as CRLF; they MUST \
            NOT appear independently. A bare CR is read as a line break by some programs and as \
            text by others, which lets hidden content slip past filters.
            """,
        failing: RuleExample.message(body: "First line\rsecond line\n"),
        passing: RuleExample.message())

    /// RFC 5322 section 2.3: a message uses one line ending.
    public static let mixedLineEndings = Rule(
        "MIME-MIXED-LINE-ENDINGS", .error, .rfc, document: "RFC 5322", section: "2.3", url: rfc5322 + "#section-2.3",
        summary: "Some lines end in CRLF and others in a bare LF.",
        explanation: """
            RFC 5322 section 2.3: CR and LF MUST only occur together as CRLF. Messages stored \
            with LF line endings throughout are the convention of Unix mail stores and are \
            accepted; a message that mixes CRLF and bare LF lines has been pieced together \
            wrongly and its bare LF lines are errors. The finding points at the first line whose \
            ending differs from the message's first line.
            """,
        failing: RuleExample.message(body: "First line\r\nsecond line\n"),
        passing: RuleExample.message())

    /// RFC 5322 section 2.2 and RFC 6532 section 3: 8-bit header text must be UTF-8.
    public static let header8Bit = Rule(
        "MIME-HEADER-8BIT", .error, .rfc, document: "RFC 6532", section: "3", url: "https://www.rfc-editor.org/rfc/rfc6532#section-3",
        summary: "A header field holds raw 8-bit bytes that are not UTF-8.",
        explanation: """
            RFC 5322 section 2.2 allows only US-ASCII in header fields; RFC 6532 extends this to \
            UTF-8 only. Raw bytes in a legacy charset (such as ISO-8859-1) cannot be decoded \
            reliably: encode such text as RFC 2047 encoded words. One finding per field, at the \
            first offending byte.
            """,
        failing: RuleExample.message(changing: [("Subject", "Caf\u{E9}")]),
        passing: RuleExample.message(changing: [("Subject", "=?ISO-8859-1?Q?Caf=E9?=")]),
        failingEncoding: .latin1)

    /// RFC 6532 section 3: UTF-8 header text needs internationalized mail support.
    public static let headerUTF8 = Rule(
        "MIME-HEADER-UTF8", .info, .rfc, document: "RFC 6532", section: "3", url: "https://www.rfc-editor.org/rfc/rfc6532#section-3",
        summary: "A header field holds raw UTF-8, which needs RFC 6532 support.",
        explanation: """
            Raw UTF-8 in header fields is allowed by RFC 6532 only where every system on the \
            way supports internationalized mail (SMTPUTF8, RFC 6531); elsewhere it MUST be \
            encoded as RFC 2047 encoded words. One finding per field, at the first 8-bit byte.
            """,
        failing: RuleExample.message(changing: [("Subject", "Caf\u{E9}")]),
        passing: RuleExample.message(changing: [("Subject", "=?UTF-8?Q?Caf=C3=A9?=")]))

    /// RFC 5322 section 2.2: the header section's own syntax.
    public static let headerSyntax = Rule(
        "MIME-HEADER-SYNTAX", .error, .rfc, document: "RFC 5322", section: "2.2", url: rfc5322 + "#section-2.2",
        summary: "A header line is not a field, or a quoted string or comment is not closed.",
        explanation: """
            RFC 5322 section 2.2: a header field is a field name, a colon and a field body; the \
            header section ends at the first empty line. Lines without a colon, a missing empty \
            line before the body, and quoted strings or comments that never end make readers \
            disagree about where fields and the body begin.
            """,
        failing: RuleExample.message(extra: ["This line is not a field"]),
        passing: RuleExample.message())

    /// RFC 5322 section 4: the obsolete syntax, which readers must accept but writers must not
    /// produce.
    public static let obsoleteSyntax = Rule(
        "MIME-OBSOLETE-SYNTAX", .info, .rfc, document: "RFC 5322", section: "4", url: rfc5322 + "#section-4",
        summary: "A field uses the obsolete syntax of RFC 5322 section 4.",
        explanation: """
            RFC 5322 section 4 lists forms that older software produced (two-digit years, \
            alphabetic time zones, whitespace before the colon, routes in addresses, phrases in \
            References, and so on). Readers MUST accept them; writers MUST NOT generate them.
            """,
        failing: RuleExample.message(changing: [("Date", "Wed, 4 Dec 19 15:51:37 +0100")]),
        passing: RuleExample.message())

    /// RFC 2047: encoded words.
    public static let encodedWord = Rule(
        "MIME-ENCODED-WORD", .error, .rfc, document: "RFC 2047", section: "2", url: rfc2047 + "#section-2",
        summary: "A malformed RFC 2047 encoded word, or one where it may not appear.",
        explanation: """
            RFC 2047 defines encoded words as =?charset?B|Q?text?=, at most 75 characters, \
            separated from other text by whitespace, with base64 or Q text that decodes in the \
            named charset; section 5 forbids them inside quoted strings and parameters. A \
            malformed word is shown raw or garbled.
            """,
        failing: RuleExample.message(changing: [("Subject", "=?UTF-8?X?Caf=C3=A9?=")]),
        passing: RuleExample.message(changing: [("Subject", "=?UTF-8?Q?Caf=C3=A9?=")]))

    /// RFC 2047 section 5: each encoded word holds whole characters.
    public static let encodedWordSplit = Rule(
        "MIME-ENCODED-WORD-SPLIT", .error, .rfc, document: "RFC 2047", section: "5", url: rfc2047 + "#section-5",
        summary: "A multibyte character is split across two encoded words.",
        explanation: """
            RFC 2047 section 5: each encoded word MUST represent an integral number of \
            characters; a multi-octet character may not be split across adjacent encoded words. \
            Decoders that decode word by word show replacement characters.
            """,
        failing: RuleExample.message(changing: [("Subject", "=?UTF-8?Q?Caf=C3?= =?UTF-8?Q?=A9?=")]),
        passing: RuleExample.message(changing: [("Subject", "=?UTF-8?Q?Caf=C3=A9?=")]))

    /// RFC 5322 section 3.4: address syntax.
    public static let address = Rule(
        "MIME-ADDRESS", .error, .rfc, document: "RFC 5322", section: "3.4", url: rfc5322 + "#section-3.4",
        summary: "An address field does not follow the address grammar.",
        explanation: """
            RFC 5322 section 3.4: an address is a mailbox (display-name <local@domain> or \
            local@domain) or a group; address lists separate addresses with commas. Addresses \
            that do not parse cannot be replied to.
            """,
        failing: RuleExample.message(changing: [("To", "Ben <ben.example.org>")]),
        passing: RuleExample.message())

    /// RFC 5322 section 3.4: address lists are comma-separated.
    public static let addressSemicolon = Rule(
        "MIME-ADDRESS-SEMICOLON", .error, .rfc, document: "RFC 5322", section: "3.4", url: rfc5322 + "#section-3.4",
        summary: "Addresses are separated by ';' instead of ','.",
        explanation: """
            RFC 5322 section 3.4: address-list = address *("," address). A semicolon only ends \
            a group. Lists separated by semicolons (a habit of some address books) are read as \
            one broken address by strict readers.
            """,
        failing: RuleExample.message(changing: [("To", "Ben <ben@example.org>; Cleo <cleo@example.org>")]),
        passing: RuleExample.message(changing: [("To", "Ben <ben@example.org>, Cleo <cleo@example.org>")]))

    /// RFC 5322 section 3.3: date syntax.
    public static let dateSyntax = Rule(
        "MIME-DATE-SYNTAX", .error, .rfc, document: "RFC 5322", section: "3.3", url: rfc5322 + "#section-3.3",
        summary: "A date field does not follow the date-time grammar.",
        explanation: """
            RFC 5322 section 3.3: date-time = [ day-of-week "," ] day month year hour ":" minute \
            [ ":" second ] zone, with a numeric zone such as +0100. ISO 8601 dates, missing \
            zones and out-of-range values are not understood by every reader.
            """,
        failing: RuleExample.message(changing: [("Date", "2019-12-04T15:51:37+01:00")]),
        passing: RuleExample.message())

    /// RFC 5322 section 3.3: the day of the week matches the date.
    public static let dateWeekday = Rule(
        "MIME-DATE-WEEKDAY", .error, .rfc, document: "RFC 5322", section: "3.3", url: rfc5322 + "#section-3.3",
        summary: "The day of the week does not match the date.",
        explanation: """
            RFC 5322 section 3.3: the day-of-week, if included, MUST be the day implied by the \
            date. A wrong weekday usually means a hand-written or wrongly computed date.
            """,
        failing: RuleExample.message(changing: [("Date", "Mon, 4 Dec 2019 15:51:37 +0100")]),
        passing: RuleExample.message())

    /// RFC 5322 section 3.6.4: message identifiers.
    public static let messageID = Rule(
        "MIME-MESSAGE-ID", .error, .rfc, document: "RFC 5322", section: "3.6.4", url: rfc5322 + "#section-3.6.4",
        summary: "A message identifier is malformed.",
        explanation: """
            RFC 5322 section 3.6.4: msg-id = "<" id-left "@" id-right ">". Message-ID, \
            In-Reply-To and References hold such identifiers (the last two a list separated by \
            whitespace). Broken identifiers break threading.
            """,
        failing: RuleExample.message(extra: ["In-Reply-To: <lunch-0@example.org"]),
        passing: RuleExample.message(extra: ["In-Reply-To: <lunch-0@example.org>"]))

    /// RFC 2045 section 5.1: Content-Type syntax.
    public static let contentType = Rule(
        "MIME-CONTENT-TYPE", .error, .rfc, document: "RFC 2045", section: "5.1", url: rfc2045 + "#section-5.1",
        summary: "A Content-Type field does not follow its grammar.",
        explanation: """
            RFC 2045 section 5.1: Content-Type = type "/" subtype *(";" parameter), parameter = \
            attribute "=" value. A missing subtype, stray text or broken parameters make \
            readers fall back to text/plain or drop parameters such as charset and boundary.
            """,
        failing: RuleExample.message(changing: [("Content-Type", "text; charset=utf-8")]),
        passing: RuleExample.message())

    /// RFC 2045 section 5.1: parameter values with tspecials are quoted.
    public static let parameterUnquoted = Rule(
        "MIME-PARAMETER-UNQUOTED", .error, .rfc, document: "RFC 2045", section: "5.1", url: rfc2045 + "#section-5.1",
        summary: "A parameter value holds characters that require quotes, but is not quoted.",
        explanation: """
            RFC 2045 section 5.1: value := token / quoted-string, and a token excludes spaces, \
            controls and the tspecials ()<>@,;:\\"/[]?=. Values such as file names with spaces \
            or boundaries with '/' MUST be quoted, or readers cut them short.
            """,
        failing: RuleExample.message(changing: [("Content-Type", "text/plain; charset=utf-8; name=lunch menu.txt")]),
        passing: RuleExample.message(changing: [("Content-Type", "text/plain; charset=utf-8; name=\"lunch menu.txt\"")]))

    /// RFC 2231: extended parameter values.
    public static let parameterEncoding = Rule(
        "MIME-PARAMETER-ENCODING", .error, .rfc, document: "RFC 2231", section: "3", url: "https://www.rfc-editor.org/rfc/rfc2231#section-3",
        summary: "An RFC 2231 parameter value, continuation or charset is malformed.",
        explanation: """
            RFC 2231 encodes long and non-ASCII parameter values as name*0*=charset'lang'text \
            continuations with percent-encoding. Gaps in the sections, bad percent escapes, \
            unknown charsets and encoded words in parameters (RFC 2047 section 5 forbids them) \
            garble file names.
            """,
        failing: RuleExample.message(changing: [("Content-Type", "text/plain; charset=utf-8; name*=utf-8''Caf%C")]),
        passing: RuleExample.message(changing: [("Content-Type", "text/plain; charset=utf-8; name*=utf-8''Caf%C3%A9")]))

    /// RFC 2183: Content-Disposition.
    public static let contentDisposition = Rule(
        "MIME-CONTENT-DISPOSITION", .error, .rfc, document: "RFC 2183", section: "2", url: "https://www.rfc-editor.org/rfc/rfc2183#section-2",
        summary: "A Content-Disposition field does not follow its grammar.",
        explanation: """
            RFC 2183 section 2: disposition := ("inline" / "attachment" / extension-token) \
            *(";" disposition-parm); size is a number of octets, dates are RFC 5322 dates in \
            quotes.
            """,
        failing: RuleExample.message(extra: ["Content-Disposition: inline; size=large"]),
        passing: RuleExample.message(extra: ["Content-Disposition: inline; size=22"]))

    /// RFC 2046 section 5.1.1: a multipart has a boundary that appears in its body.
    public static let boundaryMissing = Rule(
        "MIME-BOUNDARY-MISSING", .error, .rfc, document: "RFC 2046", section: "5.1.1", url: rfc2046 + "#section-5.1.1",
        summary: "A multipart has no boundary parameter, or its boundary never appears.",
        explanation: """
            RFC 2046 section 5.1.1: the boundary parameter is required for every multipart, and \
            the body consists of parts each introduced by a line --boundary. Without it the \
            parts cannot be found.
            """,
        failing: RuleExample.message(changing: [("Content-Type", "multipart/mixed")],
                                     body: "--x\nContent-Type: text/plain\n\nHello\n--x--\n"),
        passing: RuleExample.message(changing: [("Content-Type", "multipart/mixed; boundary=x")],
                                     body: "--x\nContent-Type: text/plain\n\nHello\n--x--\n"))

    /// RFC 2046 section 5.1.2: nested multiparts use boundaries that are not prefixes of each
    /// other.
    public static let boundaryReused = Rule(
        "MIME-BOUNDARY-REUSED", .error, .rfc, document: "RFC 2046", section: "5.1.2", url: rfc2046 + "#section-5.1.2",
        summary: "A nested multipart reuses an enclosing multipart's boundary.",
        explanation: """
            RFC 2046 section 5.1.2: the boundary delimiter of a nested multipart MUST NOT be \
            the same as, or begin with, that of an enclosing multipart, or the outer parser ends \
            the outer part at the inner delimiter.
            """,
        failing: RuleExample.message(
            changing: [("Content-Type", "multipart/mixed; boundary=x")],
            body: "--x\nContent-Type: multipart/alternative; boundary=x\n\n--x\nContent-Type: text/plain\n\nHi\n--x--\n"),
        passing: RuleExample.message(
            changing: [("Content-Type", "multipart/mixed; boundary=x")],
            body: "--x\nContent-Type: multipart/alternative; boundary=y\n\n--y\nContent-Type: text/plain\n\nHi\n--y--\n\n--x--\n"))

    /// RFC 2046 section 5.1.1: a multipart ends with its close delimiter.
    public static let boundaryUnclosed = Rule(
        "MIME-BOUNDARY-UNCLOSED", .error, .rfc, document: "RFC 2046", section: "5.1.1", url: rfc2046 + "#section-5.1.1",
        summary: "A multipart has no closing boundary line.",
        explanation: """
            RFC 2046 section 5.1.1: the last part is followed by the close delimiter \
            --boundary--. Without it the message may have been truncated, and readers cannot \
            tell where the multipart ends.
            """,
        failing: RuleExample.message(changing: [("Content-Type", "multipart/mixed; boundary=x")],
                                     body: "--x\nContent-Type: text/plain\n\nHello\n"),
        passing: RuleExample.message(changing: [("Content-Type", "multipart/mixed; boundary=x")],
                                     body: "--x\nContent-Type: text/plain\n\nHello\n--x--\n"))

    /// RFC 2045 section 6.8: base64.
    public static let base64 = Rule(
        "MIME-BASE64", .error, .rfc, document: "RFC 2045", section: "6.8", url: rfc2045 + "#section-6.8",
        summary: "A base64 body holds bytes outside the alphabet, bad padding or a truncated group.",
        explanation: """
            RFC 2045 section 6.8: base64 uses A-Z, a-z, 0-9, + and / in groups of four, padded \
            with =, with line breaks allowed. Other bytes and broken padding mean the content \
            was damaged; decoders differ in what they make of it.
            """,
        failing: RuleExample.message(extra: ["Content-Transfer-Encoding: base64"], body: "SGVsbG8gQmVu*\n"),
        passing: RuleExample.message(extra: ["Content-Transfer-Encoding: base64"], body: "SGVsbG8gQmVu\n"))

    /// RFC 2045 section 6.7: quoted-printable.
    public static let quotedPrintable = Rule(
        "MIME-QUOTED-PRINTABLE", .error, .rfc, document: "RFC 2045", section: "6.7", url: rfc2045 + "#section-6.7",
        summary: "A quoted-printable body has a bad escape or a line over 76 characters.",
        explanation: """
            RFC 2045 section 6.7: = is followed by two uppercase hexadecimal digits or ends a \
            line (a soft line break), and encoded lines are at most 76 characters.
            """,
        failing: RuleExample.message(extra: ["Content-Transfer-Encoding: quoted-printable"], body: "Caf=G9\n"),
        passing: RuleExample.message(extra: ["Content-Transfer-Encoding: quoted-printable"], body: "Caf=C3=A9\n"))

    /// RFC 2045 section 6.1: Content-Transfer-Encoding values.
    public static let transferEncoding = Rule(
        "MIME-TRANSFER-ENCODING", .error, .rfc, document: "RFC 2045", section: "6.1", url: rfc2045 + "#section-6.1",
        summary: "The Content-Transfer-Encoding is unknown or malformed.",
        explanation: """
            RFC 2045 section 6.1: the mechanism is 7bit, 8bit, binary, quoted-printable, base64 \
            or an x-token. Readers treat unknown encodings as binary data they cannot show.
            """,
        failing: RuleExample.message(extra: ["Content-Transfer-Encoding: base-64"], body: "SGVsbG8gQmVu\n"),
        passing: RuleExample.message(extra: ["Content-Transfer-Encoding: base64"], body: "SGVsbG8gQmVu\n"))

    /// RFC 2045 section 6.2 and RFC 2046 section 5.2.1: the encoding fits the content.
    public static let transferEncodingMismatch = Rule(
        "MIME-TRANSFER-ENCODING-MISMATCH", .error, .rfc, document: "RFC 2045", section: "6.2", url: rfc2045 + "#section-6.2",
        summary: "The transfer encoding does not fit the content.",
        explanation: """
            RFC 2045 section 6.2: 7bit data is lines of at most 998 US-ASCII octets, so a part \
            declared (or defaulting to) 7bit MUST NOT hold 8-bit bytes; RFC 2046 sections 5.1 \
            and 5.2.1: multipart and message/rfc822 entities MUST use 7bit, 8bit or binary.
            """,
        failing: RuleExample.message(body: "Caf\u{E9} at noon?\n"),
        passing: RuleExample.message(extra: ["Content-Transfer-Encoding: 8bit"], body: "Caf\u{E9} at noon?\n"))

    /// RFC 2046 section 4.1.2: the charset is one readers know.
    public static let charsetUnknown = Rule(
        "MIME-CHARSET-UNKNOWN", .warning, .rfc, document: "RFC 2046", section: "4.1.2", url: rfc2046 + "#section-4.1.2",
        summary: "The charset is not a known IANA charset.",
        explanation: """
            RFC 2046 section 4.1.2: the charset parameter names a registered charset. Readers \
            cannot decode text in a charset they do not know and fall back to guessing.
            """,
        failing: RuleExample.message(changing: [("Content-Type", "text/plain; charset=x-klingon")]),
        passing: RuleExample.message())

    /// RFC 2046 section 4.1.2: text is valid in its declared charset.
    public static let charsetBytes = Rule(
        "MIME-CHARSET-BYTES", .error, .rfc, document: "RFC 2046", section: "4.1.2", url: rfc2046 + "#section-4.1.2",
        summary: "Text holds bytes that are invalid in its declared charset.",
        explanation: """
            RFC 2046 section 4.1.2: the charset parameter states how the octets are to be \
            interpreted. Bytes that are invalid in that charset (such as Latin-1 text labelled \
            UTF-8) are shown as replacement characters.
            """,
        failing: RuleExample.message(extra: ["Content-Transfer-Encoding: quoted-printable"], body: "Caf=E9\n"),
        passing: RuleExample.message(extra: ["Content-Transfer-Encoding: quoted-printable"], body: "Caf=C3=A9\n"))

    /// RFC 2045 section 4: MIME content is declared with MIME-Version.
    public static let versionMissing = Rule(
        "MIME-VERSION-MISSING", .error, .rfc, document: "RFC 2045", section: "4", url: rfc2045 + "#section-4",
        summary: "The message uses MIME fields but has no MIME-Version field.",
        explanation: """
            RFC 2045 section 4: messages composed under MIME MUST include MIME-Version: 1.0 in \
            the message header. Without it, readers may ignore Content-Type and \
            Content-Transfer-Encoding and show the raw body.
            """,
        failing: RuleExample.message(changing: [("MIME-Version", nil)]),
        passing: RuleExample.message())

    /// RFC 2045 section 4: MIME-Version is 1.0.
    public static let versionInvalid = Rule(
        "MIME-VERSION-INVALID", .error, .rfc, document: "RFC 2045", section: "4", url: rfc2045 + "#section-4",
        summary: "The MIME-Version field is not 1.0.",
        explanation: """
            RFC 2045 section 4: version := "MIME-Version" ":" 1*DIGIT "." 1*DIGIT, and the only \
            version is 1.0 (comments are allowed).
            """,
        failing: RuleExample.message(changing: [("MIME-Version", "1.0 yes")]),
        passing: RuleExample.message(changing: [("MIME-Version", "1.0 (produced by a test)")]))

    /// The parser's limits: beyond them the content is not checked.
    public static let limitExceeded = Rule(
        "MIME-LIMIT-EXCEEDED", .warning, .rfc, document: "RFC 2046", section: "5.1", url: rfc2046 + "#section-5.1",
        summary: "Nesting, parts, fields or a header line exceed the checker's limits.",
        explanation: """
            RFC 2046 section 5.1 allows multiparts to nest, but real messages never nest deeper \
            than a few levels; coi-lint stops at 100 levels, 50,000 parts, 10,000 header fields, \
            header lines of 1 MiB and similar limits so that hostile input cannot exhaust memory. Content beyond a \
            limit is not checked, and other readers are likely to give up on it too.
            """,
        failing: RuleExample.message(
            changing: [("Content-Type", "multipart/mixed; boundary=b0")],
            body: (1...101).map { "--b\($0 - 1)\nContent-Type: multipart/mixed; boundary=b\($0)\n\n" }.joined()),
        passing: RuleExample.message())

    /// RFC 4155 / RFC 5322 section 2.2: a message file does not start with an mbox separator.
    public static let mboxFromLine = Rule(
        "MIME-MBOX-FROM-LINE", .warning, .rfc, document: "RFC 4155", section: "2", url: "https://www.rfc-editor.org/rfc/rfc4155#section-2",
        summary: "A single message starts with an mbox 'From ' separator line.",
        explanation: """
            RFC 4155: 'From ' lines separate messages in mbox files; they are not header fields \
            (RFC 5322 section 2.2 requires a colon). A message file that starts with one was cut \
            out of a mailbox without removing it. Check the mailbox itself with --mbox.
            """,
        failing: "From anna@example.org Wed Dec  4 15:51:37 2019\n" + RuleExample.message(),
        passing: RuleExample.message())

    /// Every RFC 5322 and MIME rule, in the order `coi-lint rules` lists them.
    public static let mimeRules: [Rule] = [
        .fromMissing, .dateMissing, .fieldRepeated, .lineTooLong, .lineLong, .bareCR, .mixedLineEndings,
        .header8Bit, .headerUTF8, .headerSyntax, .obsoleteSyntax, .encodedWord, .encodedWordSplit,
        .address, .addressSemicolon, .dateSyntax, .dateWeekday, .messageID, .contentType,
        .parameterUnquoted, .parameterEncoding, .contentDisposition, .boundaryMissing, .boundaryReused,
        .boundaryUnclosed, .base64, .quotedPrintable, .transferEncoding, .transferEncodingMismatch,
        .charsetUnknown, .charsetBytes, .versionMissing, .versionInvalid, .limitExceeded, .mboxFromLine,
    ]
}
