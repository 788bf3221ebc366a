internal import MIMECore

extension Rule {
    /// The rule that covers each diagnostic code of the MIME library.
    ///
    /// Codes missing here are dropped: those that a lint-level check reports more precisely
    /// (raw 8-bit header text is found byte by byte by the header scan), and none else -- a test
    /// checks that every code the library declares is either mapped or listed in
    /// ``Rule/supersededDiagnosticCodes``.
    public static let diagnosticCodes: [String: Rule.ID] = {
        var map: [String: Rule] = [:]
        func add(_ rule: Rule, _ codes: [String]) {
            for code in codes { map[code] = rule }
        }
        add(.headerSyntax, ["missing-header-separator", "missing-header-block", "unterminated-quoted-string",
                            "unterminated-comment"])
        add(.obsoleteSyntax, ["whitespace-before-colon", "message-id-obsolete-whitespace", "message-id-phrase-skipped",
                              "address-obsolete-whitespace", "address-obsolete-route", "display-name-obsolete-period",
                              "display-name-in-comment", "address-empty-element", "date-obsolete-year",
                              "date-obsolete-zone", "date-military-zone", "date-extra-whitespace",
                              "date-early-year", "date-missing-comma", "address-whitespace-around-at"])
        add(.encodedWord, ["encoded-word-empty", "encoded-word-in-quoted-string", "encoded-word-invalid-base64",
                           "encoded-word-invalid-charset-bytes", "encoded-word-invalid-q", "encoded-word-not-delimited",
                           "encoded-word-too-long", "encoded-word-unknown-charset", "encoded-word-unknown-encoding",
                           "encoded-word-unterminated"])
        add(.encodedWordSplit, ["encoded-word-split-base64"])
        add(.address, ["address-invalid-syntax", "address-missing-domain", "address-missing-local-part",
                       "address-missing-separator", "address-nested-group", "address-too-long",
                       "address-trailing-garbage", "address-unparsable", "angle-address-unterminated",
                       "group-unterminated", "display-name-unquoted-special"])
        add(.addressSemicolon, ["address-semicolon-separator"])
        add(.dateSyntax, ["date-asctime", "date-dash-separator", "date-digit-count", "date-invalid", "date-iso8601",
                          "date-missing-zone", "date-nonstandard-name", "date-nonstandard-zone", "date-out-of-range",
                          "date-trailing-text"])
        add(.dateWeekday, ["date-weekday-mismatch"])
        add(.messageID, ["message-id-comma-separator", "message-id-extra", "message-id-invalid-syntax",
                         "message-id-missing-at", "message-id-missing-brackets", "message-id-missing-space",
                         "message-id-unexpected-character", "message-id-unterminated"])
        add(.contentType, ["content-type-invalid", "content-type-missing-subtype", "content-type-trailing-text",
                           "parameter-duplicate", "parameter-invalid", "parameter-missing-semicolon",
                           "parameter-missing-value", "parameter-stray-semicolon", "parameter-trailing-text",
                           "parameter-superseded"])
        add(.parameterUnquoted, ["parameter-unquoted-specials"])
        add(.parameterEncoding, ["parameter-encoded-word", "parameter-invalid-section", "parameter-section-gap",
                                 "parameter-sections-out-of-order", "parameter-value-invalid-character",
                                 "parameter-value-invalid-charset-bytes", "parameter-value-invalid-percent-encoding",
                                 "parameter-value-missing-charset", "parameter-value-quoted-extended-value",
                                 "parameter-value-unknown-charset"])
        add(.contentDisposition, ["content-disposition-invalid-date", "content-disposition-invalid-size",
                                  "content-disposition-missing-type"])
        add(.boundaryMissing, ["boundary-not-found", "content-type-missing-boundary", "missing-boundary-parameter",
                               "content-type-invalid-boundary"])
        add(.boundaryUnclosed, ["missing-closing-boundary"])
        add(.base64, ["base64-data-after-padding", "base64-diagnostics-suppressed", "base64-invalid-byte",
                      "base64-misplaced-padding", "base64-missing-padding", "base64-nonzero-pad-bits",
                      "base64-truncated"])
        add(.quotedPrintable, ["qp-diagnostics-suppressed", "qp-invalid-escape", "qp-line-too-long", "qp-lowercase-hex"])
        add(.transferEncoding, ["transfer-encoding-invalid", "transfer-encoding-misspelled",
                                "transfer-encoding-trailing-garbage", "transfer-encoding-unknown",
                                "transfer-encoding-unsupported"])
        add(.transferEncodingMismatch, ["encoded-message-part"])
        add(.charsetUnknown, ["unknown-charset"])
        add(.charsetBytes, ["invalid-charset-bytes"])
        add(.versionInvalid, ["mime-version-invalid", "mime-version-trailing-garbage", "mime-version-unsupported"])
        add(.limitExceeded, ["nesting-too-deep", "too-many-parts", "too-many-header-fields", "header-line-too-long",
                             "comment-too-deep", "address-limit-exceeded", "encoded-word-limit-exceeded",
                             "message-id-limit-exceeded", "parameter-limit", "diagnostics-truncated"])
        add(.mboxFromLine, ["mbox-from-line"])
        return map.mapValues(\.id)
    }()

    /// Diagnostic codes that a lint-level check replaces with one finding at the exact byte:
    /// raw 8-bit header text (``Rule/header8Bit``, ``Rule/headerUTF8``), which the library
    /// reports once per word.
    public static let supersededDiagnosticCodes: Set<String> = [
        "header-text-not-utf8", "encoded-word-8bit-text", "parameter-8bit",
    ]
}
