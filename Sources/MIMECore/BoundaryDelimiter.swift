internal import CMIMEScan

/// A boundary delimiter line found in a multipart body (RFC 2046 section 5.1.1:
/// `delimiter := CRLF dash-boundary`, `close-delimiter := delimiter "--"`, each followed by
/// `transport-padding CRLF`).
///
/// The one-shot parser and the streaming parser both match delimiters with
/// ``match(in:base:lineStart:isFinal:boundaryCount:boundary:)``, so that both read the same
/// structure from the same bytes however the input is split.
struct BoundaryDelimiter {
    /// Where the content before the delimiter ends: the line break before `--` belongs to the
    /// delimiter.
    var contentEnd: Int
    /// The position of the `--`.
    var lineStart: Int
    /// The position after the delimiter line and its line ending.
    var nextLineStart: Int
    /// Which open multipart's boundary matched, counted from the outermost.
    var frameIndex: Int
    /// Whether it is the close delimiter (`--boundary--`).
    var isClose: Bool

    /// The longest run of transport padding accepted after a boundary. RFC 5322 section 2.1.1
    /// limits lines to 998 octets, so a longer run is not a delimiter line in any real message;
    /// the bound keeps what a streaming parser must hold back while it decides bounded.
    static let maximumTransportPadding = 998

    /// What matching a line against the open boundaries found.
    enum Match {
        case delimiter(BoundaryDelimiter)
        case none
        /// The bytes available end before the line could be decided; only when not final.
        case needMoreInput
    }

    /// Checks whether the line at `lineStart` is a delimiter of one of the open multiparts,
    /// innermost first: `"--" boundary ["--"] transport-padding CRLF`. Only whitespace may follow
    /// the boundary, so that a boundary that is a prefix of another does not match it.
    ///
    /// `buffer` holds the input from absolute offset `base`; the byte before `lineStart` (a line
    /// break, when there is one) must be in it. `isFinal` says that no input follows the buffer.
    /// `boundary(i)` is the boundary of open frame `i` (0 is the outermost), `nil` for frames that
    /// are not multiparts.
    @inline(__always)
    static func match(
        in buffer: UnsafeRawBufferPointer, base: Int, lineStart: Int, isFinal: Bool,
        boundaryCount: Int, boundary: (Int) -> [UInt8]?
    ) -> Match {
        let count = buffer.count
        let start = lineStart - base
        guard start + 2 <= count else {
            if isFinal { return .none }
            if start < count, buffer[start] != ASCII.hyphen { return .none }
            return .needMoreInput
        }
        guard buffer[start] == ASCII.hyphen, buffer[start + 1] == ASCII.hyphen else { return .none }
        var frameIndex = boundaryCount - 1
        while frameIndex >= 0 {
            defer { frameIndex -= 1 }
            guard let boundary = boundary(frameIndex) else { continue }
            var index = start + 2
            var matches = true
            var truncated = false
            for byte in boundary {
                if index == count { truncated = true; break }
                if buffer[index] != byte { matches = false; break }
                index += 1
            }
            guard matches else { continue }
            if truncated {
                if isFinal { continue }
                return .needMoreInput
            }
            var isClose = false
            if index + 1 < count {
                if buffer[index] == ASCII.hyphen, buffer[index + 1] == ASCII.hyphen {
                    isClose = true
                    index += 2
                }
            } else if !isFinal {
                return .needMoreInput
            }
            let paddingStart = index
            while index < count, ASCII.isWhitespace(buffer[index]) {
                index += 1
                if index - paddingStart > maximumTransportPadding { break }
            }
            if index - paddingStart > maximumTransportPadding { continue }
            let next: Int
            if index == count {
                if !isFinal { return .needMoreInput }
                next = count
            } else if buffer[index] == ASCII.lf {
                next = index + 1
            } else if buffer[index] == ASCII.cr {
                if index + 1 < count {
                    guard buffer[index + 1] == ASCII.lf else { continue }
                    next = index + 2
                } else if isFinal {
                    next = count
                } else {
                    return .needMoreInput
                }
            } else {
                continue
            }
            var contentEnd = start
            if contentEnd > 0, buffer[contentEnd - 1] == ASCII.lf {
                contentEnd -= 1
                if contentEnd > 0, buffer[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            }
            return .delimiter(BoundaryDelimiter(
                contentEnd: base + contentEnd, lineStart: lineStart, nextLineStart: base + next,
                frameIndex: frameIndex, isClose: isClose))
        }
        return .none
    }

    /// Finds the next `LF "--"` at or after `from` and before `end` in `bytes`, returning the line
    /// feed's position, or -1.
    ///
    /// It looks for the dash with `memchr` rather than for the three bytes with `memmem`: the
    /// dash never occurs in base64 and rarely in text, so the scan runs at `memchr`'s speed
    /// instead of stopping at every line feed.
    @inline(__always)
    static func nextCandidate(in bytes: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        var index = from + 1
        while index + 1 < end {
            let found = cmime_memchr(bytes + index, ASCII.hyphen, end - 1 - index)
            if found < 0 { return -1 }
            let dash = index + found
            if bytes[dash + 1] == ASCII.hyphen && bytes[dash - 1] == ASCII.lf { return dash - 1 }
            index = dash + 1
        }
        return -1
    }
}
