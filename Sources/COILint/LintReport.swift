public import MIMECore

/// The outcome of checking a set of files: every finding with its position in its file, and
/// every file that could not be read. The text, JSON and SARIF renderers work from this.
public struct LintReport: Sendable {
    /// One finding placed in its file.
    public struct Entry: Sendable, Hashable {
        /// The rule that was broken.
        public var rule: Rule.ID
        /// The rule's severity.
        public var severity: Diagnostic.Severity
        /// What is wrong here.
        public var message: String
        /// The path as given on the command line (`-` for standard input).
        public var file: String
        /// The message's position in a mailbox, from 0; `nil` for a single message.
        public var messageIndex: Int?
        /// The byte offset in the file where the message starts (after its mbox separator line);
        /// `nil` for a single message.
        public var messageOffset: Int?
        /// The byte offset in the file where the problem starts.
        public var offset: Int
        /// The number of offending bytes (0 when the finding points between bytes).
        public var length: Int
        /// The line in the file, from 1.
        public var line: Int
        /// The column in the line, in bytes, from 1.
        public var column: Int
        /// The line's text without its line ending, for the caret display.
        public var sourceLine: [UInt8]
    }

    /// A file that could not be read or found.
    public struct Failure: Sendable, Hashable {
        /// The path as given.
        public var file: String
        /// The system's reason.
        public var reason: String

        /// Creates a failure.
        public init(file: String, reason: String) {
            self.file = file
            self.reason = reason
        }
    }

    /// The findings in the order the files and messages were checked, by offset within each.
    public var entries: [Entry] = []
    /// Files that could not be read.
    public var failures: [Failure] = []
    /// How many files were checked.
    public var fileCount = 0
    /// How many messages were checked.
    public var messageCount = 0

    /// Creates an empty report.
    public init() {}

    /// How many entries have `severity`.
    public func count(_ severity: Diagnostic.Severity) -> Int {
        entries.lazy.filter { $0.severity == severity }.count
    }

    /// Whether any finding is at or above `level`.
    public func hasFindings(atOrAbove level: Diagnostic.Severity) -> Bool {
        entries.contains { $0.severity >= level }
    }

    /// Adds the findings of one message.
    ///
    /// - Parameters:
    ///   - findings: the findings, offsets relative to `bytes`, sorted by offset.
    ///   - bytes: the message.
    ///   - file: the path to report.
    ///   - mailbox: for a message of a mailbox, its index, the file offset of its first byte and
    ///     the file line (from 1) of its first byte.
    public mutating func add(
        _ findings: [Finding], in bytes: [UInt8], file: String,
        mailbox: (index: Int, offset: Int, line: Int)? = nil
    ) {
        messageCount += 1
        var locator = SourceLocator(bytes)
        for finding in findings {
            let position = locator.locate(finding.offset)
            entries.append(Entry(
                rule: finding.rule, severity: finding.severity, message: finding.message, file: file,
                messageIndex: mailbox?.index, messageOffset: mailbox?.offset,
                offset: (mailbox?.offset ?? 0) + finding.offset, length: finding.range.count,
                line: position.line + (mailbox?.line ?? 1) - 1, column: position.column,
                sourceLine: position.sourceLine))
        }
    }
}

extension LintReport {
    /// Where a finding is in its file.
    public struct Location: Sendable, Hashable {
        /// The line, from 1.
        public var line: Int
        /// The byte column, from 1.
        public var column: Int
        /// The line's text (possibly cut short), without its line ending.
        public var sourceLine: [UInt8]

        /// Creates a location.
        public init(line: Int, column: Int, sourceLine: [UInt8]) {
            self.line = line
            self.column = column
            self.sourceLine = sourceLine
        }
    }

    /// Adds the findings of one message that was streamed from `file`, with their locations
    /// found separately (one per finding, in the same order).
    public mutating func add(_ findings: [Finding], located locations: [Location], file: String) {
        messageCount += 1
        for (finding, location) in zip(findings, locations) {
            entries.append(Entry(
                rule: finding.rule, severity: finding.severity, message: finding.message, file: file,
                messageIndex: nil, messageOffset: nil, offset: finding.offset, length: finding.range.count,
                line: location.line, column: location.column, sourceLine: location.sourceLine))
        }
    }
}

/// Turns byte offsets into lines and columns, for offsets given in increasing order (or not:
/// it starts over when asked for an earlier one).
struct SourceLocator {
    private let bytes: [UInt8]
    private var lineStart = 0
    private var line = 1

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The line (from 1), byte column (from 1) and line text of `offset`.
    mutating func locate(_ offset: Int) -> (line: Int, column: Int, sourceLine: [UInt8]) {
        let target = min(max(offset, 0), bytes.count)
        if target < lineStart {
            lineStart = 0
            line = 1
        }
        var index = lineStart
        while index < target {
            if bytes[index] == ASCII.lf {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        var end = lineStart
        while end < bytes.count, bytes[end] != ASCII.lf { end += 1 }
        if end > lineStart, bytes[end - 1] == ASCII.cr { end -= 1 }
        return (line, target - lineStart + 1, Array(bytes[lineStart..<max(lineStart, end)]))
    }
}
