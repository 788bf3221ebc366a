import TestSupport
/// The shared deterministic generator (see Sources/TestSupport).
typealias SeededGenerator = TestSupport.SeededGenerator

/// Random messages that mix well-formed and broken structure: nested multiparts, encapsulated
/// messages, missing close delimiters, stray delimiters, bare LF and random bytes.
enum RandomMessage {
    static func make(using generator: inout SeededGenerator) -> [UInt8] {
        var output: [UInt8] = []
        let lineEnding = Bool.random(using: &generator) ? "\r\n" : "\n"
        entity(into: &output, depth: 0, boundaries: [], lineEnding: lineEnding, using: &generator)
        return output
    }

    private static func entity(
        into output: inout [UInt8], depth: Int, boundaries: [String], lineEnding: String,
        using generator: inout SeededGenerator
    ) {
        func line(_ text: String) { output += Array((text + lineEnding).utf8) }
        let kind = depth > 3 ? 0 : Int.random(in: 0..<4, using: &generator)
        if Int.random(in: 0..<10, using: &generator) > 0 { line("Subject: s\(depth)") }
        if Int.random(in: 0..<5, using: &generator) == 0 { line("X-Folded: a"); line("  b") }
        switch kind {
        case 1, 2:
            let boundary = "b\(depth)-\(Int.random(in: 0..<3, using: &generator))"
            line("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
            line("")
            if Bool.random(using: &generator) { line("preamble") }
            let count = Int.random(in: 0..<4, using: &generator)
            for _ in 0..<count {
                line("--\(boundary)")
                entity(into: &output, depth: depth + 1, boundaries: boundaries + [boundary], lineEnding: lineEnding, using: &generator)
                line("")
            }
            if Int.random(in: 0..<4, using: &generator) > 0 { line("--\(boundary)--") }
            if Bool.random(using: &generator) { line("epilogue") }
        case 3:
            line("Content-Type: message/rfc822")
            line("")
            entity(into: &output, depth: depth + 1, boundaries: boundaries, lineEnding: lineEnding, using: &generator)
        default:
            if Bool.random(using: &generator) { line("") }
            for _ in 0..<Int.random(in: 0..<4, using: &generator) {
                switch Int.random(in: 0..<6, using: &generator) {
                case 0: if let b = boundaries.randomElement(using: &generator) { line("--\(b)") }
                case 1: output += (0..<Int.random(in: 0..<40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                default: line("text line \(Int.random(in: 0..<100, using: &generator))")
                }
            }
        }
    }
}
