import COILint
import MIMECore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines and columns for offsets in a file too large to hold: one pass over the file that counts
/// lines and keeps the text of the lines that hold an offset (up to ``keptLineLength`` bytes).
enum SourceLines {
    /// The most bytes of a line kept for the caret display.
    static let keptLineLength = 4096

    /// The file could not be rewound for the second pass.
    struct SeekError: Error, CustomStringConvertible {
        var code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    static func read(descriptor: Int32, offsets: [Int]) throws -> [LintReport.Location] {
        guard !offsets.isEmpty else { return [] }
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var locations = [LintReport.Location](repeating: .init(line: 1, column: 1, sourceLine: []), count: offsets.count)
        var next = 0
        var line = 1
        var lineStart = 0
        var position = 0
        var current: [UInt8] = []
        // Offsets waiting for the end of their line, to get its text.
        var waiting: [Int] = []
        func finishLine() {
            var text = current
            if text.last == 0x0D { text.removeLast() }
            for index in waiting { locations[index].sourceLine = text }
            waiting = []
        }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw SeekError(code: errno)
        }
        try MIMECore.MessageFile.forEachChunk(fileDescriptor: descriptor) { chunk in
            for byte in chunk {
                while next < order.count, offsets[order[next]] <= position {
                    let index = order[next]
                    locations[index] = .init(line: line, column: position - lineStart + 1, sourceLine: [])
                    if position - lineStart < keptLineLength { waiting.append(index) }
                    next += 1
                }
                if byte == 0x0A {
                    finishLine()
                    line += 1
                    lineStart = position + 1
                    current.removeAll(keepingCapacity: true)
                } else if current.count < keptLineLength {
                    current.append(byte)
                }
                position += 1
            }
        }
        while next < order.count {
            locations[order[next]] = .init(line: line, column: position - lineStart + 1, sourceLine: [])
            waiting.append(order[next])
            next += 1
        }
        finishLine()
        return locations
    }
}
