internal import CMIMEScan

/// Splits an mbox mailbox (RFC 4155, `application/mbox`) into messages, streaming: feed the
/// mailbox in chunks of any size and receive each message as soon as the next `From ` separator
/// line (or the end) shows that it is complete.
///
/// A separator is a line that starts with `From ` at the start of the mailbox or after an empty
/// line. The empty line before a separator belongs to the mbox format and is removed. Escaped
/// body lines are restored as the format says:
/// - ``Format/mboxrd``: a line matching `>+From ` loses one `>` (reversible escaping);
/// - ``Format/mboxo``: a line starting with `>From ` loses its `>` (the format cannot tell an
///   escaped line from one that had the `>`).
///
/// With ``usesContentLength``, a `Content-Length` header field (the `mboxcl` variants) gives the
/// body's length, which is then copied without looking for separators or escapes.
///
/// Memory is bounded by the largest message (up to ``maximumMessageSize``), not by the mailbox.
public struct MboxReader: Sendable {
    /// How `From ` lines in bodies were escaped.
    public enum Format: Sendable, Hashable {
        /// Every `>*From ` line got one more `>`; reading removes one.
        case mboxrd
        /// Only `From ` lines got a `>`; reading removes it from `>From ` lines.
        case mboxo
    }

    /// One message of the mailbox.
    public struct Entry: Sendable {
        /// The offset in the mailbox of the message's `From ` separator line (of the message
        /// itself when it has none: text before the first separator).
        public var offset: Int
        /// The separator line without its line ending, `nil` for text before the first separator.
        public var separator: [UInt8]?
        /// The offset in the mailbox of the message's first byte, after the separator line.
        public var messageOffset: Int
        /// The message, unescaped. Offsets within it match mailbox offsets (from
        /// ``messageOffset``) only up to the first unescaped line.
        public var bytes: [UInt8]
        /// Whether the message was longer than ``MboxReader/maximumMessageSize`` and was cut.
        public var isTruncated: Bool
        /// The position of the message among the mailbox's messages, from 0.
        public var index: Int
    }

    /// The escaping convention of the mailbox.
    public var format: Format
    /// Whether a `Content-Length` field is trusted to give the body's length.
    public var usesContentLength: Bool
    /// The most bytes kept of one message; the rest is skipped up to the next separator.
    public var maximumMessageSize: Int

    /// How many bytes have been fed so far.
    public private(set) var bytesFed = 0

    private var pending: [UInt8] = []
    private var pendingBase = 0
    private var current: [UInt8] = []
    private var currentOffset = 0
    private var currentMessageOffset = 0
    private var currentSeparator: [UInt8]? = nil
    private var truncated = false
    private var atMailboxStart = true
    private var previousLineEmpty = true
    private var messageIndex = 0
    private var inHeader = true
    private var contentLength: Int? = nil
    private var rawBytesLeft = 0

    /// Creates a reader at the start of a mailbox.
    public init(format: Format = .mboxrd, usesContentLength: Bool = false, maximumMessageSize: Int = 1 << 28) {
        self.format = format
        self.usesContentLength = usesContentLength
        self.maximumMessageSize = maximumMessageSize
    }

    /// Reads the next chunk of the mailbox, handing every message it completes to `handler`.
    public mutating func feed(_ chunk: [UInt8], _ handler: (Entry) throws -> Void) rethrows {
        guard !chunk.isEmpty else { return }
        bytesFed += chunk.count
        if pending.isEmpty {
            pendingBase = bytesFed - chunk.count
            try process(chunk, base: pendingBase, isFinal: false, handler)
        } else {
            pending.append(contentsOf: chunk)
            try process(pending, base: pendingBase, isFinal: false, handler)
        }
    }

    /// Ends the mailbox, handing on the last message.
    public mutating func finish(_ handler: (Entry) throws -> Void) rethrows {
        let rest = pending
        pending = []
        try process(rest, base: pendingBase, isFinal: true, handler)
        if currentSeparator != nil || current.contains(where: { !ASCII.isWhitespaceOrNewline($0) }) {
            try emit(handler)
        }
        current = []
        currentSeparator = nil
    }

    /// Reads the complete lines of `input` (all of it when final) and keeps the rest pending.
    private mutating func process(_ input: [UInt8], base: Int, isFinal: Bool, _ handler: (Entry) throws -> Void) rethrows {
        var consumed = 0
        try input.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var position = 0
            // Unescaped lines are copied in runs, not one by one.
            var runStart = 0
            func flush(to end: Int, _ reader: inout MboxReader) {
                if end > runStart { reader.append(UnsafeBufferPointer(rebasing: buffer[runStart..<end])) }
            }
            while position < count {
                if rawBytesLeft > 0 {
                    let take = min(rawBytesLeft, count - position)
                    rawBytesLeft -= take
                    position += take
                    if rawBytesLeft == 0 { previousLineEmpty = false }
                    continue
                }
                let found = cmime_memchr(buffer.baseAddress! + position, ASCII.lf, count - position)
                let lineEnd = found >= 0 ? position + found + 1 : count
                if found < 0 && !isFinal { break }
                let first = buffer[position]
                if first == UInt8(ascii: "F"), previousLineEmpty || atMailboxStart,
                    Self.startsWithFrom(buffer, at: position, end: lineEnd) {
                    flush(to: position, &self)
                    if !atMailboxStart || !current.isEmpty {
                        if previousLineEmpty { removeFinalLineEnding() }
                        if currentSeparator != nil || current.contains(where: { !ASCII.isWhitespaceOrNewline($0) }) {
                            try emit(handler)
                        }
                    }
                    var separatorEnd = lineEnd
                    if separatorEnd > position, buffer[separatorEnd - 1] == ASCII.lf { separatorEnd -= 1 }
                    if separatorEnd > position, buffer[separatorEnd - 1] == ASCII.cr { separatorEnd -= 1 }
                    startMessage(separator: Array(buffer[position..<separatorEnd]), offset: base + position,
                        messageOffset: base + lineEnd)
                    atMailboxStart = false
                    previousLineEmpty = false
                    position = lineEnd
                    runStart = position
                    continue
                }
                atMailboxStart = false
                let isEmpty = first == ASCII.lf || (first == ASCII.cr && lineEnd - position == 2 && found >= 0)
                if first == UInt8(ascii: ">"), let gt = escapeToRemove(buffer, at: position, end: lineEnd) {
                    flush(to: gt, &self)
                    runStart = gt + 1
                } else if inHeader {
                    if isEmpty {
                        inHeader = false
                        if let length = contentLength, length > 0 {
                            // The body is copied as it stands, separators and escapes included.
                            rawBytesLeft = length
                            previousLineEmpty = false
                            position = lineEnd
                            continue
                        }
                    } else if usesContentLength {
                        readContentLength(buffer, at: position, end: lineEnd)
                    }
                }
                previousLineEmpty = isEmpty
                position = lineEnd
            }
            flush(to: position, &self)
            consumed = position
        }
        if consumed < input.count {
            pending = Array(input[consumed...])
            pendingBase = base + consumed
        } else {
            pending = []
            pendingBase = base + input.count
        }
    }

    private static func startsWithFrom(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> Bool {
        guard end - position >= 5 else { return false }
        return buffer[position + 1] == UInt8(ascii: "r") && buffer[position + 2] == UInt8(ascii: "o")
            && buffer[position + 3] == UInt8(ascii: "m") && buffer[position + 4] == ASCII.space
    }

    /// The position of the `>` to remove from an escaped `From ` line, if the line is one.
    private func escapeToRemove(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> Int? {
        var index = position
        while index < end, buffer[index] == UInt8(ascii: ">") {
            index += 1
            if format == .mboxo { break }
        }
        guard Self.startsWithFrom(buffer, at: index, end: end), buffer[index] == UInt8(ascii: "F") else { return nil }
        return position
    }

    /// `Content-Length: 1234` in the header of the current message (mboxcl).
    private mutating func readContentLength(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) {
        let name = "content-length:".utf8
        guard end - position > name.count,
            ASCII.equalsIgnoringCase(UnsafeBufferPointer(rebasing: buffer[position..<(position + name.count)]), name)
        else { return }
        var index = position + name.count
        while index < end, ASCII.isWhitespace(buffer[index]) { index += 1 }
        var value = 0
        var digits = 0
        while index < end, ASCII.isDigit(buffer[index]), digits < 12 {
            value = value * 10 + Int(buffer[index] - 0x30)
            digits += 1
            index += 1
        }
        if digits > 0 { contentLength = value }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !truncated else { return }
        let room = maximumMessageSize - current.count
        if bytes.count > room {
            current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<max(room, 0)]))
            truncated = true
        } else {
            current.append(contentsOf: bytes)
        }
    }

    private mutating func removeFinalLineEnding() {
        if current.last == ASCII.lf { current.removeLast() }
        if current.last == ASCII.cr { current.removeLast() }
    }

    private mutating func startMessage(separator: [UInt8], offset: Int, messageOffset: Int) {
        current = []
        current.reserveCapacity(8192)
        currentSeparator = separator
        currentOffset = offset
        currentMessageOffset = messageOffset
        truncated = false
        inHeader = true
        contentLength = nil
        rawBytesLeft = 0
    }

    private mutating func emit(_ handler: (Entry) throws -> Void) rethrows {
        let entry = Entry(offset: currentOffset, separator: currentSeparator, messageOffset: currentMessageOffset,
            bytes: current, isTruncated: truncated, index: messageIndex)
        messageIndex += 1
        current = []
        try handler(entry)
    }
}
