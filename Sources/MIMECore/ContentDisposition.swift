/// How a MIME entity should be presented, from its `Content-Disposition` field (RFC 2183).
///
/// `disposition := "Content-Disposition" ":" disposition-type *(";" disposition-parm)`
/// (RFC 2183 section 2).
public struct ContentDisposition: Sendable, Hashable, CustomStringConvertible {
    /// The `disposition-type` (RFC 2183 section 2): an open set, since extensions define more
    /// (`pinned` in COI, `reaction` in Delta Chat). Stored in lowercase.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The type in lowercase, such as `"inline"`.
        public var rawValue: String

        /// Creates a disposition type; it is lowercased.
        public init(rawValue: String) { self.rawValue = MIMEParameters.lowercased(rawValue) }

        /// Creates a disposition type from a literal; it is lowercased.
        public init(stringLiteral value: String) { self.init(rawValue: value) }

        /// `inline`: shown automatically as part of the message (RFC 2183 section 2.1).
        public static let inline = Kind(rawValue: "inline")
        /// `attachment`: shown only on request (RFC 2183 section 2.2).
        public static let attachment = Kind(rawValue: "attachment")
        /// `pinned`: a message pinned in a COI group chat (COI client specification).
        public static let pinned = Kind(rawValue: "pinned")
        /// `reaction`: an emoji reaction to another message (Delta Chat).
        public static let reaction = Kind(rawValue: "reaction")

        /// The type as written in the field, lowercase.
        public var description: String { rawValue }
    }

    /// The disposition type.
    public var kind: Kind
    /// The parameters, in header order.
    public var parameters: MIMEParameters

    /// Creates a disposition.
    public init(_ kind: Kind, parameters: MIMEParameters = MIMEParameters()) {
        self.kind = kind
        self.parameters = parameters
    }

    /// The `filename` parameter (RFC 2183 section 2.3), decoded, including RFC 2231 forms.
    public var filename: String? {
        get { parameters["filename"] }
        set { parameters.set("filename", to: newValue) }
    }

    /// The `size` parameter in octets (RFC 2183 section 2.7), if present and a number.
    public var size: Int? {
        get { parameters["size"].flatMap(ContentDisposition.parseSize) }
        set { parameters.set("size", to: newValue.map(String.init)) }
    }

    /// The `creation-date` parameter (RFC 2183 section 2.4), if present and a valid date.
    public var creationDate: MessageDate? {
        get { date("creation-date") }
        set { setDate("creation-date", newValue) }
    }

    /// The `modification-date` parameter (RFC 2183 section 2.5), if present and a valid date.
    public var modificationDate: MessageDate? {
        get { date("modification-date") }
        set { setDate("modification-date", newValue) }
    }

    /// The `read-date` parameter (RFC 2183 section 2.6), if present and a valid date.
    public var readDate: MessageDate? {
        get { date("read-date") }
        set { setDate("read-date", newValue) }
    }

    private func date(_ name: String) -> MessageDate? {
        parameters[name].flatMap { MessageDate($0) }
    }

    private mutating func setDate(_ name: String, _ date: MessageDate?) {
        // RFC 2183 section 2: date values are quoted-strings; the renderer quotes them because
        // they contain spaces.
        parameters.set(name, to: date?.rfc5322)
    }

    /// The field value, `type; name=value...`, without folding.
    public var rendered: String { kind.rawValue + parameters.rendered }

    /// The field value as tokens a header folder may fold between: the type first, then one
    /// `; name=value` per parameter or RFC 2231 section.
    public func renderedTokens(maximumLineLength: Int = MIMEParameters.recommendedLineLength) -> [String] {
        [kind.rawValue] + parameters.renderedTokens(maximumLineLength: maximumLineLength)
    }

    /// The field value; see `rendered`.
    public var description: String { rendered }

    /// `size-parm := "size" "=" 1*DIGIT` (RFC 2183 section 2).
    static func parseSize(_ text: String) -> Int? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy(ASCII.isDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}

extension ContentDisposition {
    /// Parses a `Content-Disposition` field value (RFC 2183 section 2):
    /// `disposition-type *(";" disposition-parm)`.
    ///
    /// A value without a disposition type (`; filename=a.txt`, `filename=a.txt`) is read as
    /// `attachment`, which RFC 2183 section 2.8 says to assume for unknown types. The parameters
    /// are checked: `size` must be digits, the dates must be `date-time`s in quotes; parameters
    /// that fail stay in the list with a diagnostic. Every leniency of `MIMEParameters.parse`
    /// applies, including RFC 2231 file names.
    public static func parse(_ value: ArraySlice<UInt8>, options: MIMEParameters.Options = .default,
                             diagnostics: inout [Diagnostic]) -> ContentDisposition {
        var scanner = FieldScanner(value)
        scanner.skipCFWS(diagnostics: &diagnostics)
        let start = scanner.position
        var kind = Kind.attachment
        let checkpoint = scanner.position
        if let token = scanner.readToken() {
            var lookahead = scanner
            var ignored: [Diagnostic] = []
            lookahead.skipCFWS(diagnostics: &ignored)
            if lookahead.peek == ASCII.equals {
                // A parameter where the type should be.
                scanner.position = checkpoint
                diagnostics.append(Diagnostic(.contentDispositionMissingType, .error, at: start..<start,
                                              "Content-Disposition has no type; attachment assumed "
                                              + "(RFC 2183 section 2.8)"))
            } else {
                kind = Kind(rawValue: ASCII.string(token))
            }
        } else {
            diagnostics.append(Diagnostic(.contentDispositionMissingType, .error, at: start..<start,
                                          "Content-Disposition has no type; attachment assumed (RFC 2183 section 2.8)"))
        }
        let afterType = scanner.position
        let parameters = MIMEParameters.parse(&scanner, requireLeadingSemicolon: afterType != checkpoint,
                                              options: options, diagnostics: &diagnostics)
        let result = ContentDisposition(kind, parameters: parameters)
        result.checkParameters(diagnostics: &diagnostics)
        return result
    }

    /// Parses a `Content-Disposition` field value leniently, discarding diagnostics, or returns
    /// `nil` when it has no disposition type (where `parse(_:options:diagnostics:)` would assume
    /// `attachment`).
    public init?(_ string: String) {
        var diagnostics: [Diagnostic] = []
        let parsed = ContentDisposition.parse(ArraySlice(Array(string.utf8)), diagnostics: &diagnostics)
        guard !diagnostics.contains(where: { $0.code == .contentDispositionMissingType }) else { return nil }
        self = parsed
    }

    static let nonNumericZoneCodes: Set<Diagnostic.Code> = [
        .dateMissingZone, .dateObsoleteZone, .dateMilitaryZone, .dateNonstandardZone,
    ]

    /// `size-parm` and the `quoted-date-time` of the date parameters (RFC 2183 section 2).
    func checkParameters(diagnostics: inout [Diagnostic]) {
        for parameter in parameters {
            let range = parameter.sourceRange ?? (0..<0)
            switch parameter.name {
            case "size":
                if ContentDisposition.parseSize(parameter.value) == nil {
                    diagnostics.append(Diagnostic(.contentDispositionInvalidSize, .warning, at: range,
                                                  "size '\(parameter.value)' is not a number of octets"))
                }
            case "creation-date", "modification-date", "read-date":
                var dateDiagnostics: [Diagnostic] = []
                let date = MessageDate.parse(ArraySlice(Array(parameter.value.utf8)), diagnostics: &dateDiagnostics)
                let zoneCodes = ContentDisposition.nonNumericZoneCodes
                if date == nil {
                    diagnostics.append(Diagnostic(.contentDispositionInvalidDate, .warning, at: range,
                                                  "\(parameter.name) '\(parameter.value)' is not a date"))
                } else if dateDiagnostics.contains(where: { zoneCodes.contains($0.code) }) {
                    // quoted-date-time: "numeric timezones (+HHMM or -HHMM) MUST be used".
                    diagnostics.append(Diagnostic(.contentDispositionInvalidDate, .warning, at: range,
                                                  "\(parameter.name) has no numeric zone (RFC 2183 section 2)"))
                }
            default:
                break
            }
        }
    }
}

extension Diagnostic.Code {
    /// A Content-Disposition without a disposition type (RFC 2183 section 2).
    public static let contentDispositionMissingType = Diagnostic.Code("content-disposition-missing-type")
    /// A `size` parameter that is not a number (RFC 2183 section 2.7).
    public static let contentDispositionInvalidSize = Diagnostic.Code("content-disposition-invalid-size")
    /// A date parameter that is not a `date-time` (RFC 2183 sections 2.4-2.6).
    public static let contentDispositionInvalidDate = Diagnostic.Code("content-disposition-invalid-date")
}
