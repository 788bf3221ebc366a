internal import CMIMEScan

/// An incremental, lenient Quoted-Printable decoder (RFC 2045 section 6.7).
///
/// Follows the grammar of section 6.7:
///
///     qp-line := *(qp-segment transport-padding CRLF) qp-part transport-padding
///     qp-segment := qp-section *(SPACE / TAB) "="
///     hex-octet := "=" 2(DIGIT / "A" / "B" / "C" / "D" / "E" / "F")
///
/// and recovers like widely used mail clients:
/// - `=XX` accepts lowercase hex (rule 1's note on robustness), with one warning per stream;
/// - a soft line break is `=` then optional whitespace (transport padding) then CRLF or a bare LF;
/// - whitespace at the end of a line, or at the end of the data, is transport padding and is
///   removed (rule 3);
/// - a hard line break is kept as written: CRLF stays CRLF, a bare LF stays a bare LF (a bare CR
///   is not a line break and is kept as an octet);
/// - an `=` that starts no valid escape (`=G1`, `=` then text, `=` CR not followed by LF, `=X`
///   at the end) is kept literally with a `qpInvalidEscape` error;
/// - an `=` (with optional whitespace) at the very end of the data is a soft break that removes
///   the final line break: in a multipart body the CRLF before the boundary belongs to the
///   delimiter (RFC 2046 section 5.1.1), so that is how encoders mark text without a final newline.
///
/// State (an escape cut by a chunk boundary, pending whitespace) is carried across chunks, and
/// diagnostic offsets count from the start of the whole stream. Whitespace runs longer than
/// 998 octets (RFC 5322's line limit) are released literally rather than buffered, so memory
/// stays bounded.
public struct QuotedPrintableDecoder: Sendable {
    /// Problems found so far, oldest first (see `takeDiagnostics()`).
    public private(set) var diagnostics: [Diagnostic] = []
    /// The most diagnostics kept per stream; beyond it problems are only counted and summed up in
    /// one `qpDiagnosticsSuppressed` diagnostic at `finish`. One-shot `QuotedPrintable.decode`
    /// sets no limit.
    public var diagnosticLimit = 100
    /// The number of encoded bytes consumed since the stream started.
    public private(set) var position = 0

    private enum State: UInt8, Sendable {
        case text, cr, equals, equalsHex, equalsWhitespace, equalsCR
    }

    private static let whitespaceLimit = 998

    private var state = State.text
    private var whitespace: [UInt8] = []
    private var firstHexDigit: UInt8 = 0
    private var escapeOffset = 0
    private var lineStart = 0
    private var column = 0
    private var reportedLowercase = false
    private var reportedLongLine = false
    private var reported = 0
    private var suppressed = 0

    /// Creates a decoder at the start of a stream.
    public init() {}

    /// Decodes the next chunk of the stream, appending the octets to `output`.
    public mutating func decode(_ chunk: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        let base = position
        position += chunk.count
        guard !chunk.isEmpty else { return }
        chunk.withMemoryRebound(to: UInt8.self) { bytes in
            let count = bytes.count
            // The fast paths write into scratch memory (they never produce more octets than
            // they read), which is appended to `output` in one go before any slow step.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { scratch in
              Self.specialTable.withUnsafeBufferPointer { special in
                let out = scratch.baseAddress!
                var written = 0
                var i = 0
                while i < count {
                    if state == .text && whitespace.isEmpty {
                        // Whole lines first: with the line end known, trailing whitespace and a
                        // soft break are decided up front, and only `=` needs a look per octet.
                        var w = written
                        decodeLines(bytes, from: &i, into: out, written: &w, base: base)
                        written = w
                        if i >= count { break }
                        // The octet loop keeps its counters in locals; it leaves on the first
                        // octet that needs `step`, or after a line end so that whole lines can
                        // take over again. Each case gives what `step` would.
                        var col = column
                        var atLineStart = false
                        scan: while i < count {
                            let byte = bytes[i]
                            if special[Int(byte)] == 0 {
                                out[w] = byte
                                w += 1
                                col += 1
                                i += 1
                                continue
                            }
                            if byte == ASCII.equals {
                                // An uppercase `=XX` escape.
                                if i + 2 < count, let high = Self.upperHexValue(bytes[i + 1]),
                                    let low = Self.upperHexValue(bytes[i + 2]) {
                                    out[w] = high << 4 | low
                                    w += 1
                                    col += 3
                                    i += 3
                                    continue
                                }
                                // A soft line break.
                                var next = i + 1
                                if next + 1 < count, bytes[next] == ASCII.cr { next += 1 }
                                if next < count, bytes[next] == ASCII.lf {
                                    column = col + 1
                                    endLine(nextLineAt: base + next + 1)
                                    col = 0
                                    i = next + 1
                                    atLineStart = true
                                    break scan
                                }
                                break scan
                            }
                            // A hard line break, kept as written.
                            if byte == ASCII.lf || (byte == ASCII.cr && i + 1 < count && bytes[i + 1] == ASCII.lf) {
                                let length = byte == ASCII.lf ? 1 : 2
                                if length == 2 { out[w] = ASCII.cr; w += 1 }
                                out[w] = ASCII.lf
                                w += 1
                                column = col
                                endLine(nextLineAt: base + i + length)
                                col = 0
                                i += length
                                atLineStart = true
                                break scan
                            }
                            // A space followed by anything but more whitespace or a line break
                            // is text (before `=`, `step` would flush it too).
                            if byte == ASCII.space, i + 1 < count, !ASCII.isWhitespaceOrNewline(bytes[i + 1]) {
                                out[w] = byte
                                w += 1
                                col += 1
                                i += 1
                                continue
                            }
                            break scan
                        }
                        written = w
                        column = col
                        if i >= count { break }
                        if atLineStart { continue }
                    }
                    if written > 0 {
                        output.append(contentsOf: UnsafeBufferPointer(start: out, count: written))
                        written = 0
                    }
                    if state == .text && !whitespace.isEmpty && !Self.isSpecial(bytes[i]) {
                        flushWhitespace(into: &output)
                        continue
                    }
                    step(bytes[i], at: base + i, into: &output)
                    i += 1
                }
                if written > 0 { output.append(contentsOf: UnsafeBufferPointer(start: out, count: written)) }
              }
            }
        }
    }

    /// Decodes the next chunk of the stream, appending the octets to `output`.
    public mutating func decode<C: Collection<UInt8>>(_ chunk: C, into output: inout [UInt8]) {
        chunk.withContiguousBytes { decode($0, into: &output) }
    }

    /// Decodes the next chunk of the stream and hands the octets to `sink` in pieces, holding at
    /// most about 64 KiB at a time.
    public mutating func decode(
        _ chunk: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        let slice = 64 * 1024
        var scratch: [UInt8] = []
        scratch.reserveCapacity(slice + Self.whitespaceLimit + 4)
        var offset = 0
        while offset < chunk.count {
            let end = min(offset + slice, chunk.count)
            decode(UnsafeRawBufferPointer(rebasing: chunk[offset..<end]), into: &scratch)
            if !scratch.isEmpty {
                try scratch.withUnsafeBytes { try sink($0) }
                scratch.removeAll(keepingCapacity: true)
            }
            offset = end
        }
    }

    /// Decodes the next chunk of the stream into `sink` (see `decode(_:sink:)`).
    public mutating func decode<C: Collection<UInt8>>(
        _ chunk: C, sink: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        try chunk.withContiguousBytes { try decode($0, sink: sink) }
    }

    /// Ends the stream: resolves what is pending, reports what is still open, and resets the
    /// decoder for a new stream (diagnostics stay until `takeDiagnostics()`).
    public mutating func finish(into output: inout [UInt8]) {
        switch state {
        case .text, .equals, .equalsWhitespace:
            break
        case .cr:
            output.append(ASCII.cr)
        case .equalsHex:
            invalidEscape("'=' followed by a single hex digit at the end of the data")
            output.append(ASCII.equals)
            output.append(firstHexDigit)
        case .equalsCR:
            invalidEscape("'=' followed by CR without LF at the end of the data")
            output.append(ASCII.equals)
            output.append(contentsOf: whitespace)
            output.append(ASCII.cr)
        }
        checkLineLength()
        if suppressed > 0 {
            diagnostics.append(Diagnostic(.qpDiagnosticsSuppressed, .info, at: position,
                                          "\(suppressed) further quoted-printable problems not reported"))
        }
        let kept = diagnostics
        let limit = diagnosticLimit
        self = QuotedPrintableDecoder()
        diagnostics = kept
        diagnosticLimit = limit
    }

    /// Ends the stream, handing the last octets (if any) to `sink` (see `finish(into:)`).
    public mutating func finish(sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var tail: [UInt8] = []
        finish(into: &tail)
        if !tail.isEmpty { try tail.withUnsafeBytes { try sink($0) } }
    }

    /// Returns the diagnostics found so far and forgets them.
    public mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    // MARK: - Internals

    /// Decodes complete lines starting at `i` (state `.text`, no pending whitespace) into `out`,
    /// which has room for every octet read. Stops before a line that ends outside the chunk, or
    /// at an `=` that is not an uppercase `=XX` escape or a soft break, or before trailing
    /// whitespace too long to drop safely, leaving those to the octet loop and `step`.
    ///
    /// Per line (RFC 2045 section 6.7): whitespace before the line break is transport padding
    /// (rule 3), a final `=` is a soft line break (rule 5), everything else is literal or `=XX`.
    private mutating func decodeLines(
        _ bytes: UnsafeBufferPointer<UInt8>, from i: inout Int, into out: UnsafeMutablePointer<UInt8>,
        written w: inout Int, base: Int
    ) {
        let count = bytes.count
        let start = bytes.baseAddress!
        while i < count {
            let found = cmime_memchr(start + i, ASCII.lf, count - i)
            if found < 0 { return }
            let lf = i + found
            var end = lf
            let crlf = end > i && bytes[end - 1] == ASCII.cr
            if crlf { end -= 1 }
            let rawEnd = end
            while end > i && (bytes[end - 1] == ASCII.space || bytes[end - 1] == ASCII.tab) { end -= 1 }
            // `step` releases whitespace runs past the limit literally; leave those to it.
            if rawEnd - end >= Self.whitespaceLimit { return }
            var p = i
            var softBreak = false
            while p < end {
                if bytes[p] != ASCII.equals {
                    // Literal runs are copied in bulk; runs of escapes skip the search.
                    let found = cmime_memchr(start + p, ASCII.equals, end - p)
                    let stop = found < 0 ? end : p + found
                    (out + w).update(from: start + p, count: stop - p)
                    w += stop - p
                    p = stop
                    if p == end { break }
                }
                if p == end - 1 {
                    softBreak = true
                    break
                }
                if p + 2 < end, let high = Self.upperHexValue(bytes[p + 1]),
                    let low = Self.upperHexValue(bytes[p + 2]) {
                    out[w] = high << 4 | low
                    w += 1
                    p += 3
                    continue
                }
                // Lowercase or invalid: the octet loop and `step` report it from here.
                column += p - i
                i = p
                return
            }
            if !softBreak {
                if crlf { out[w] = ASCII.cr; w += 1 }
                out[w] = ASCII.lf
                w += 1
            }
            column += rawEnd - i
            endLine(nextLineAt: base + lf + 1)
            i = lf + 1
        }
    }


    /// `DIGIT / "A" / ... / "F"` (RFC 2045 section 6.7 `hex-octet`); lowercase takes the slow
    /// path, which reports it.
    @inline(__always)
    private static func upperHexValue(_ byte: UInt8) -> UInt8? {
        if byte &- 0x30 < 10 { return byte &- 0x30 }
        if byte &- 0x41 < 6 { return byte &- 0x41 + 10 }
        return nil
    }

    /// 1 for the octets `isSpecial` accepts: a table lookup per octet in the copy loop.
    private static let specialTable: [UInt8] = (0...255).map { isSpecial(UInt8($0)) ? 1 : 0 }

    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == ASCII.equals || byte == ASCII.space || byte == ASCII.tab || byte == ASCII.cr || byte == ASCII.lf
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        if reported < diagnosticLimit {
            reported += 1
            diagnostics.append(diagnostic)
        } else {
            suppressed += 1
        }
    }

    private mutating func invalidEscape(_ message: String) {
        report(Diagnostic(.qpInvalidEscape, .error, at: escapeOffset..<max(position, escapeOffset + 1), message))
    }

    private mutating func flushWhitespace(into output: inout [UInt8]) {
        if !whitespace.isEmpty {
            output.append(contentsOf: whitespace)
            whitespace.removeAll(keepingCapacity: true)
        }
    }

    private mutating func checkLineLength() {
        if column > QuotedPrintable.maximumLineLength && !reportedLongLine {
            reportedLongLine = true
            report(Diagnostic(.qpLineTooLong, .warning, at: lineStart..<lineStart + column,
                              "encoded line of \(column) characters; at most 76 are allowed"))
        }
    }

    private mutating func endLine(nextLineAt offset: Int) {
        checkLineLength()
        lineStart = offset
        column = 0
    }

    /// Holds whitespace that may turn out to be transport padding, releasing it literally if the
    /// run grows past the limit.
    private mutating func holdWhitespace(_ byte: UInt8, into output: inout [UInt8]) {
        if whitespace.count >= Self.whitespaceLimit { flushWhitespace(into: &output) }
        whitespace.append(byte)
    }

    private mutating func step(_ byte: UInt8, at offset: Int, into output: inout [UInt8]) {
        if byte == ASCII.lf {
            endLine(nextLineAt: offset + 1)
        } else if byte != ASCII.cr {
            column += 1
        }
        // Each pass either consumes `byte` (return) or resolves a pending state and re-reads it.
        while true {
            switch state {
            case .text:
                switch byte {
                case ASCII.space, ASCII.tab:
                    holdWhitespace(byte, into: &output)
                case ASCII.cr:
                    state = .cr
                case ASCII.lf:
                    whitespace.removeAll(keepingCapacity: true)
                    output.append(ASCII.lf)
                case ASCII.equals:
                    flushWhitespace(into: &output)
                    escapeOffset = offset
                    state = .equals
                default:
                    flushWhitespace(into: &output)
                    output.append(byte)
                }
                return
            case .cr:
                if byte == ASCII.lf {
                    whitespace.removeAll(keepingCapacity: true)
                    output.append(ASCII.cr)
                    output.append(ASCII.lf)
                    state = .text
                    return
                }
                // A bare CR is an octet of the line; count it now that it is known to be one.
                column += 1
                flushWhitespace(into: &output)
                output.append(ASCII.cr)
                state = .text
            case .equals:
                if ASCII.hexValue(byte) != nil {
                    firstHexDigit = byte
                    state = .equalsHex
                    return
                }
                if resolveSoftBreak(byte, into: &output) { return }
                report(Diagnostic(.qpInvalidEscape, .error, at: escapeOffset..<offset + 1,
                                  "'=' not followed by two hex digits or a line break; kept literally"))
                output.append(ASCII.equals)
                state = .text
            case .equalsWhitespace:
                if resolveSoftBreak(byte, into: &output) { return }
                report(Diagnostic(.qpInvalidEscape, .error, at: escapeOffset..<offset + 1,
                                  "'=' followed by whitespace but no line break; kept literally"))
                output.append(ASCII.equals)
                state = .text
            case .equalsHex:
                if let low = ASCII.hexValue(byte), let high = ASCII.hexValue(firstHexDigit) {
                    output.append(high << 4 | low)
                    state = .text
                    if !reportedLowercase && (firstHexDigit >= 0x61 || byte >= 0x61) {
                        reportedLowercase = true
                        report(Diagnostic(.qpLowercaseHex, .warning, at: escapeOffset..<offset + 1,
                                          "lowercase hex digits in '=XX' escape"))
                    }
                    return
                }
                report(Diagnostic(.qpInvalidEscape, .error, at: escapeOffset..<offset + 1,
                                  "'=' followed by one hex digit only; kept literally"))
                output.append(ASCII.equals)
                output.append(firstHexDigit)
                state = .text
            case .equalsCR:
                if byte == ASCII.lf {
                    whitespace.removeAll(keepingCapacity: true)
                    state = .text
                    return
                }
                report(Diagnostic(.qpInvalidEscape, .error, at: escapeOffset..<offset,
                                  "'=' followed by CR without LF; kept literally"))
                output.append(ASCII.equals)
                flushWhitespace(into: &output)
                output.append(ASCII.cr)
                state = .text
            }
        }
    }

    /// Handles `byte` after `=` and optional whitespace: whitespace is transport padding (rule 3),
    /// CRLF or LF completes a soft line break. Returns `false` if `byte` starts neither.
    private mutating func resolveSoftBreak(_ byte: UInt8, into output: inout [UInt8]) -> Bool {
        switch byte {
        case ASCII.space, ASCII.tab:
            if whitespace.count >= Self.whitespaceLimit { return false }
            whitespace.append(byte)
            state = .equalsWhitespace
            return true
        case ASCII.lf:
            whitespace.removeAll(keepingCapacity: true)
            state = .text
            return true
        case ASCII.cr:
            state = .equalsCR
            return true
        default:
            return false
        }
    }
}
