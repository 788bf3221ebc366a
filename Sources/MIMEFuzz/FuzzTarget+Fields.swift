import MIMECodecs
import MIMECore

extension FuzzTarget {
    /// The header field parsers on an arbitrary field value: addresses, dates, message-ids,
    /// MIME types, dispositions and parameters (RFC 2231), and encoded words (RFC 2047) in every
    /// context. None traps, every diagnostic points into the value, and what the library renders
    /// from a cleanly parsed value parses back to the same value.
    public static let fields = FuzzTarget(name: "fields") { input in
        let value = input[...]
        let count = input.count
        func check(_ diagnostics: [Diagnostic], _ what: String) {
            MessageInvariants.checkDiagnostics(diagnostics, within: count, what: what)
        }

        var diagnostics: [Diagnostic] = []
        let addresses = Address.parseList(value, diagnostics: &diagnostics)
        check(diagnostics, "address")
        if !diagnostics.contains(where: { $0.severity >= .error }) {
            for address in addresses {
                // The obsolete route is read but never written (RFC 5322 section 4.4), so the
                // value comes back without it (Fixtures/fuzz/fields/finding-address-route-roundtrip).
                let rendered = address.headerText(allowingUTF8: true)
                let reparsed = Address.parseList(rendered)
                require(reparsed == [address.withoutRoute],
                    "address \(address) renders as \(rendered), which parses as \(reparsed)")
            }
        }

        diagnostics = []
        if let date = MessageDate.parse(value, diagnostics: &diagnostics) {
            let rendered = date.rfc5322
            var again: [Diagnostic] = []
            let reparsed = MessageDate.parse(Array(rendered.utf8)[...], diagnostics: &again)
            require(reparsed.map { $0.isSameInstant(as: date) } == true,
                "date \(date) renders as \(rendered), which parses as \(String(describing: reparsed))")
        }
        check(diagnostics, "date")

        diagnostics = []
        if let id = MessageID.parse(value, diagnostics: &diagnostics),
            !diagnostics.contains(where: { $0.severity >= .error }) {
            var again: [Diagnostic] = []
            let reparsed = MessageID.parse(Array(id.bracketed.utf8)[...], diagnostics: &again)
            require(reparsed == id, "message-id \(id) parses back as \(String(describing: reparsed))")
        }
        check(diagnostics, "message-id")
        diagnostics = []
        _ = MessageID.parseList(value, diagnostics: &diagnostics)
        check(diagnostics, "message-id list")

        diagnostics = []
        let type = ContentType.parse(value, diagnostics: &diagnostics)
        check(diagnostics, "content-type")
        // The renderer writes names of RFC 2231 attribute-chars only (no `%`, `'` or `*`, which
        // RFC 2045 tokens allow), so names outside that set are not expected to round-trip.
        if !diagnostics.contains(where: { $0.severity >= .warning }),
            type.parameters.allSatisfy({ $0.name.utf8.allSatisfy(ParameterValue.isAttributeChar) }) {
            let rendered = type.renderedTokens().joined(separator: " ")
            var again: [Diagnostic] = []
            let reparsed = ContentType.parse(Array(rendered.utf8)[...], diagnostics: &again)
            require(reparsed == type, "content type \(type.parameters.map(\.name.debugDescription)) renders as "
                + "\(rendered.debugDescription), which parses as \(reparsed.parameters.map(\.name.debugDescription)) \(again)")
        }
        diagnostics = []
        _ = ContentDisposition.parse(value, diagnostics: &diagnostics)
        check(diagnostics, "content-disposition")
        diagnostics = []
        _ = MIMEParameters.parse(value, diagnostics: &diagnostics)
        check(diagnostics, "parameters")
        diagnostics = []
        _ = ContentTransferEncoding.parse(value, diagnostics: &diagnostics)
        check(diagnostics, "content-transfer-encoding")
        diagnostics = []
        _ = MIMEVersion.parse(value, diagnostics: &diagnostics)
        check(diagnostics, "mime-version")

        for context in [EncodedWord.Context.unstructured, .phrase, .comment] {
            check(EncodedWord.decode(value, context: context).diagnostics, "encoded words (\(context))")
            let limited = EncodedWord.DecodingOptions(maximumEncodedWords: 2, decodesInsideQuotedStrings: false)
            check(EncodedWord.decode(value, context: context, options: limited).diagnostics, "encoded words (\(context), limited)")
        }
        check(ParameterValue.decodeExtended(value).diagnostics, "RFC 2231 value")
    }
}
