import COILint
import Foundation
import MIMECore

/// Finds the files behind the command line's paths, reads each as a message or a mailbox, and
/// collects the findings into one report.
///
/// Memory stays bounded: a mailbox is split while it streams (one message in memory at a time),
/// and a single message larger than ``streamThreshold`` is checked by ``StreamingLinter``.
struct CheckRunner {
    /// 64 MiB: larger single messages are streamed.
    static let defaultStreamThreshold = 64 << 20

    let linter: Linter
    let forcesMbox: Bool
    let streamThreshold: Int
    private(set) var report = LintReport()

    init(linter: Linter, forcesMbox: Bool, streamThreshold: Int) {
        self.linter = linter
        self.forcesMbox = forcesMbox
        self.streamThreshold = streamThreshold
    }

    /// Checks one command-line path: `-`, a file or a folder.
    mutating func check(path: String) {
        if path == "-" {
            checkStandardInput()
            return
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            report.failures.append(.init(file: path, reason: "No such file or directory"))
            return
        }
        if isFolder.boolValue {
            let files = Self.messageFiles(in: path)
            if files.failed { report.failures.append(.init(file: path, reason: "cannot list the folder")) }
            for file in files.paths { checkFile(file) }
        } else {
            checkFile(path)
        }
    }

    /// The `.eml` and `.mbox` files in a folder and its subfolders, and the files that start with
    /// an mbox separator, sorted; hidden files and folders are skipped.
    static func messageFiles(in folder: String) -> (paths: [String], failed: Bool) {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return ([], true) }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let path = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let lowercased = name.lowercased()
            if lowercased.hasSuffix(".eml") || lowercased.hasSuffix(".mbox") || startsWithSeparator(path) {
                paths.append(path)
            }
        }
        return (paths.sorted(), false)
    }

    private static func startsWithSeparator(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 5)).map { Array($0) == Array("From ".utf8) } ?? false
    }

    /// Whether a file is read as a mailbox: when forced, by its name, or when it starts with an
    /// mbox `From ` line and is not named `.eml`.
    private func isMailbox(path: String, start: [UInt8]) -> Bool {
        if forcesMbox { return true }
        let lowercased = path.lowercased()
        if lowercased.hasSuffix(".mbox") { return true }
        return !lowercased.hasSuffix(".eml") && start.starts(with: Array("From ".utf8))
    }

    private mutating func checkFile(_ path: String) {
        let descriptor: Int32
        do {
            descriptor = try MIMECore.MessageFile.open(path: path)
        } catch {
            report.failures.append(.init(file: path, reason: Self.reason(error)))
            return
        }
        defer { MIMECore.MessageFile.close(fileDescriptor: descriptor) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var start = [UInt8](repeating: 0, count: 5)
        let peeked = start.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 5, 0) }
        start = Array(start.prefix(max(0, peeked)))
        do {
            if isMailbox(path: path, start: start) {
                try checkMailbox(descriptor: descriptor, file: path)
            } else if size > streamThreshold {
                try checkStreamed(descriptor: descriptor, file: path)
            } else {
                var bytes: [UInt8] = []
                bytes.reserveCapacity(size)
                try MIMECore.MessageFile.forEachChunk(fileDescriptor: descriptor) { bytes.append(contentsOf: $0) }
                checkMessage(bytes, file: path)
            }
            report.fileCount += 1
        } catch {
            report.failures.append(.init(file: path, reason: Self.reason(error)))
        }
    }

    private mutating func checkStandardInput() {
        var bytes: [UInt8] = []
        do {
            try MIMECore.MessageFile.forEachChunk(fileDescriptor: 0) { bytes.append(contentsOf: $0) }
        } catch {
            report.failures.append(.init(file: "-", reason: Self.reason(error)))
            return
        }
        report.fileCount += 1
        if forcesMbox || bytes.starts(with: Array("From ".utf8)) {
            var reader = MboxReader()
            var tracker = MailboxLines()
            reader.feed(bytes) { checkEntry($0, file: "-", tracker: &tracker) }
            reader.finish { checkEntry($0, file: "-", tracker: &tracker) }
        } else {
            checkMessage(bytes, file: "-")
        }
    }

    private mutating func checkMessage(_ bytes: [UInt8], file: String) {
        report.add(linter.lint(bytes), in: bytes, file: file)
    }

    private mutating func checkMailbox(descriptor: Int32, file: String) throws(MIMECore.MessageFile.Error) {
        var reader = MboxReader()
        var tracker = MailboxLines()
        try MIMECore.MessageFile.readMbox(fileDescriptor: descriptor, into: &reader) { entry in
            checkEntry(entry, file: file, tracker: &tracker)
        }
    }

    private mutating func checkEntry(_ entry: MboxReader.Entry, file: String, tracker: inout MailboxLines) {
        let line = tracker.line(of: entry)
        report.add(linter.lint(entry.bytes), in: entry.bytes, file: file,
                   mailbox: (index: entry.index, offset: entry.messageOffset, line: line))
    }

    private mutating func checkStreamed(descriptor: Int32, file: String) throws {
        var streaming = StreamingLinter(linter)
        try MIMECore.MessageFile.forEachChunk(fileDescriptor: descriptor) { streaming.feed($0) }
        let findings = streaming.finish()
        // Lines and columns come from a second pass over the file, which keeps only the lines
        // that hold a finding.
        let located = try SourceLines.read(descriptor: descriptor, offsets: findings.map(\.offset))
        report.add(findings, located: located, file: file)
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? MIMECore.MessageFile.Error {
            return String(cString: strerror(error.code))
        }
        return "\(error)"
    }
}

/// The file line of each mailbox message's first byte, from the messages themselves: the
/// reader removes the separator line and the empty line before it, and keeps every other line.
struct MailboxLines {
    private var nextSeparatorLine = 1

    mutating func line(of entry: MboxReader.Entry) -> Int {
        let line = entry.separator == nil ? nextSeparatorLine : nextSeparatorLine + 1
        var newlines = 0
        for byte in entry.bytes where byte == 0x0A { newlines += 1 }
        // The next separator follows this message's lines and the empty line before it.
        nextSeparatorLine = line + newlines + 1
        return line
    }
}
