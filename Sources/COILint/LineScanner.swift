internal import CMIMEScan
internal import MIMECore

/// Checks line lengths and line endings (RFC 5322 sections 2.1.1 and 2.3) over a message fed in
/// chunks of any size, so that a message of any length is checked in constant memory.
///
/// Lines are found with `memchr`, so the scan runs at memory speed; only the bytes of a line that
/// holds a carriage return are looked at one by one.
public struct LineScanner: Sendable {
    /// The most findings of each kind reported for one message: a generated message with every
    /// line too long would otherwise print a finding per line.
    public static let findingLimit = 100

    private var lineStart = 0
    private var offset = 0
    private var previousByte: UInt8 = 0
    private var pendingCR: Int? = nil
    private var firstEndsInCRLF: Bool? = nil
    private var mixedReported = false
    private var longLines = 0
    private var firstLongLine: Int? = nil
    private var tooLongCount = 0
    private var bareCRCount = 0
    /// What was found so far.
    public private(set) var findings: [Finding] = []

    /// Creates a scanner at the start of a message.
    public init() {}

    /// Scans the next bytes of the message.
    public mutating func scan(_ chunk: UnsafeRawBufferPointer) {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), chunk.count > 0 else { return }
        let count = chunk.count
        if let cr = pendingCR {
            pendingCR = nil
            if base[0] != ASCII.lf { reportBareCR(at: cr) }
        }
        var index = 0
        // One pass finds both line ends and carriage returns.
        while index < count {
            let hit = cmime_memchr2(base + index, ASCII.lf, ASCII.cr, count - index)
            if hit < 0 { break }
            let position = index + hit
            if base[position] == ASCII.cr {
                if position + 1 < count {
                    if base[position + 1] != ASCII.lf { reportBareCR(at: offset + position) }
                } else {
                    pendingCR = offset + position
                }
            } else {
                let before = position > 0 ? base[position - 1] : previousByte
                endLine(atLF: offset + position, afterCR: before == ASCII.cr)
            }
            index = position + 1
        }
        previousByte = base[count - 1]
        offset += count
    }

    /// Scans the next bytes of the message.
    public mutating func scan(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { scan($0) }
    }

    /// Ends the message and returns everything found, in message order.
    public mutating func finish() -> [Finding] {
        if let cr = pendingCR {
            pendingCR = nil
            reportBareCR(at: cr)
        }
        if offset > lineStart { checkLength(end: offset) }
        if let first = firstLongLine {
            let more = longLines > 1 ? " (and \(longLines - 1) more such lines)" : ""
            findings.append(Finding(.lineLong, at: first, "line is longer than 78 characters\(more)"))
        }
        firstLongLine = nil
        return findings.sorted { $0.offset < $1.offset }
    }

    @inline(__always)
    private mutating func endLine(atLF lf: Int, afterCR: Bool) {
        checkLength(end: afterCR ? lf - 1 : lf)
        if let first = firstEndsInCRLF {
            if first != afterCR && !mixedReported {
                mixedReported = true
                let ending = afterCR ? "CRLF" : "a bare LF"
                let firstEnding = first ? "CRLF" : "LF"
                findings.append(Finding(.mixedLineEndings, at: afterCR ? lf - 1 : lf,
                                        "line ends in \(ending), but the first line ends in \(firstEnding)"))
            }
        } else {
            firstEndsInCRLF = afterCR
        }
        lineStart = lf + 1
    }

    @inline(__always)
    private mutating func checkLength(end: Int) {
        let length = end - lineStart
        if length > 998 {
            tooLongCount += 1
            if tooLongCount <= Self.findingLimit {
                findings.append(Finding(.lineTooLong, at: lineStart + 998,
                                        "line is \(length) octets long; the limit is 998"))
            }
        } else if length > 78 {
            longLines += 1
            if firstLongLine == nil { firstLongLine = lineStart + 78 }
        }
    }

    private mutating func reportBareCR(at position: Int) {
        bareCRCount += 1
        if bareCRCount <= Self.findingLimit {
            findings.append(Finding(.bareCR, at: position, "carriage return not followed by a line feed"))
        }
    }
}
