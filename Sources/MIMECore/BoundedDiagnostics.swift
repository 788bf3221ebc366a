/// A list of diagnostics that keeps at most ``ParserOptions/maximumDiagnosticsPerCode`` of each
/// code and counts the rest, so that a message of a hundred thousand broken fields costs a
/// bounded list, not a diagnostic with its message text per field. What was dropped is summed up
/// in one ``Diagnostic/Code/diagnosticsTruncated`` diagnostic per code (the code the address
/// parser uses for the diagnostics it drops within one field).
struct BoundedDiagnostics {
    let limit: Int
    private var kept: [Diagnostic] = []
    private var counts: [Diagnostic.Code: Int] = [:]
    /// Per dropped code: how many, their highest severity and the first one's range.
    private var dropped: [Diagnostic.Code: (count: Int, severity: Diagnostic.Severity, range: Range<Int>)] = [:]

    init(limit: Int, _ initial: [Diagnostic] = []) {
        self.limit = max(limit, 0)
        append(contentsOf: initial)
    }

    /// Keeps `diagnostic` unless its code has reached the limit; counts it otherwise.
    mutating func append(_ diagnostic: Diagnostic) {
        let count = counts[diagnostic.code, default: 0]
        if count < limit {
            counts[diagnostic.code] = count + 1
            kept.append(diagnostic)
        } else if let seen = dropped[diagnostic.code] {
            dropped[diagnostic.code] = (seen.count + 1, max(seen.severity, diagnostic.severity), seen.range)
        } else {
            dropped[diagnostic.code] = (1, diagnostic.severity, diagnostic.range)
        }
    }

    /// Keeps or counts each of `diagnostics` as ``append(_:)`` does.
    mutating func append(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// The kept diagnostics, then one per code that had some dropped: at the first dropped one's
    /// place, with the highest severity among them, so that dropping never hides an error.
    var diagnostics: [Diagnostic] {
        let summarized = dropped.sorted {
            ($0.value.range.lowerBound, $0.key.rawValue) < ($1.value.range.lowerBound, $1.key.rawValue)
        }
        return kept + summarized.map { code, entry in
            Diagnostic(.diagnosticsTruncated, entry.severity, at: entry.range,
                "\(entry.count) more \"\(code.rawValue)\" diagnostics not kept (limit \(limit) per code)")
        }
    }
}
