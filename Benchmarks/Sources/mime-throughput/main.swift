// mime-throughput: the library's counterpart of ../shared/bench/gmime_bench, for compare.sh.
//
//   mime-throughput [-n ITER] [-s] [-l] parse|decode FILE...   |   mime-throughput [-n ITER] [-s] [-l] mbox FILE
//
// -l: check each message with coi-lint's Linter (every RFC and COI rule, bodies decoded and
// charset-checked) instead of the parse work; with -s, with StreamingLinter. Compare its MBps
// with the same command without -l for the lint-to-parse ratio.
//
// parse: parse each message, walk every part, read every header's decoded value (unfolded and
// RFC 2047-decoded), plus the Date. decode: also transfer-decode every leaf into a null sink.
// mbox: split the mailbox and do the parse work on each message. Inputs are read before the
// clock starts, unless -s streams each file through the push parser in 64 KiB reads.
// The last stdout line: bytes=... seconds=... MBps=... messages=...
import COILint
import Glibc
import MIMECodecs
import MIMECore

struct Stats {
    var messages = 0
    var parts = 0
    var headers = 0
    var headerChars = 0
    var decodedBytes = 0
    var findings = 0
}

func printError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}

func fail(_ message: String) -> Never {
    printError("mime-throughput: \(message)\n")
    exit(2)
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The decoded value of a field: unfolded, and RFC 2047-decoded when it may hold encoded words
/// or raw 8-bit text (plain ASCII without `=?` decodes to itself).
func decodedValue(_ field: HeaderField) -> String {
    let unfolded = field.unfoldedValue
    var plain = true
    var previous: UInt8 = 0
    for byte in unfolded {
        if byte >= 0x80 || (byte == UInt8(ascii: "?") && previous == UInt8(ascii: "=")) { plain = false; break }
        previous = byte
    }
    return plain ? String(decoding: unfolded, as: UTF8.self) : EncodedWord.decode(unfolded).text
}

func touch(_ headers: HeaderFields, _ stats: inout Stats) {
    for field in headers {
        let value = decodedValue(field)
        stats.headers += 1
        stats.headerChars += field.name.utf8.count + value.utf8.count
    }
}

func touchMessageFields(_ headers: HeaderFields) {
    if let date = headers.first(named: "Date") {
        var diagnostics: [Diagnostic] = []
        _ = MessageDate.parse(date.rawValue, diagnostics: &diagnostics)
    }
}

/// Transfer-decodes a leaf body into a null sink.
func decode(_ part: MIMEPart, _ stats: inout Stats) {
    var encoding = ContentTransferEncoding.sevenBit
    if let field = part.headers.first(named: "Content-Transfer-Encoding") {
        var diagnostics: [Diagnostic] = []
        encoding = ContentTransferEncoding.parse(field.rawValue, diagnostics: &diagnostics) ?? .sevenBit
    }
    let body = part.rawBody
    body.withUnsafeBytes { raw in
        switch encoding {
        case .base64:
            var decoder = Base64Decoder()
            decoder.decode(raw) { stats.decodedBytes += $0.count }
            decoder.finish { stats.decodedBytes += $0.count }
        case .quotedPrintable:
            var decoder = QuotedPrintableDecoder()
            decoder.decode(raw) { stats.decodedBytes += $0.count }
            decoder.finish { stats.decodedBytes += $0.count }
        default:
            stats.decodedBytes += raw.count
        }
    }
}

func walk(_ message: Message, decoding: Bool, _ stats: inout Stats) {
    stats.messages += 1
    touchMessageFields(message.headers)
    message.root.forEachPart { part in
        stats.parts += 1
        touch(part.headers, &stats)
        if decoding, part.isLeaf { decode(part, &stats) }
    }
}

/// The streamed variant: events only, nothing of the message is kept.
func stream(path: String, decoding: Bool, _ stats: inout Stats) {
    var parser = StreamingParser(decodesBodies: decoding)
    var local = stats
    local.messages += 1
    do {
        try MessageFile.stream(path: path, into: &parser) { event in
            switch event {
            case .partStart(let start):
                local.parts += 1
                touch(start.headers, &local)
                if start.depth == 0 { touchMessageFields(start.headers) }
            case .decodedBody(let bytes):
                local.decodedBytes += bytes.count
            default:
                break
            }
        }
    } catch {
        fail("\(error)")
    }
    stats = local
}

var arguments = Array(CommandLine.arguments.dropFirst())
var iterations = 1
var streaming = false
var linting = false
while let first = arguments.first, first.hasPrefix("-") {
    arguments.removeFirst()
    switch first {
    case "-n":
        guard let value = arguments.first.flatMap({ Int($0) }), value > 0 else { fail("-n needs a positive count") }
        iterations = value
        arguments.removeFirst()
    case "-s":
        streaming = true
    case "-l":
        linting = true
    default:
        fail("unknown option \(first)")
    }
}
guard let mode = arguments.first, ["parse", "decode", "mbox"].contains(mode), arguments.count >= 2 else {
    fail("usage: mime-throughput [-n ITER] [-s] [-l] parse|decode FILE... | mbox FILE")
}
let paths = Array(arguments.dropFirst())
let decoding = mode == "decode"

var inputs: [[UInt8]] = []
var totalBytes = 0
for path in paths {
    do {
        if streaming {
            var info = stat()
            guard stat(path, &info) == 0 else { fail("cannot stat \(path)") }
            totalBytes += Int(info.st_size)
        } else {
            let bytes = try MessageFile.read(path: path)
            totalBytes += bytes.count
            inputs.append(bytes)
        }
    } catch {
        fail("\(error)")
    }
}

/// The -l work: every finding of every rule, counted so that nothing is optimized away.
let linter = Linter()
func lint(_ bytes: [UInt8], _ stats: inout Stats) {
    stats.messages += 1
    stats.findings += linter.lint(bytes).count
}

func lintStreamed(path: String, _ stats: inout Stats) {
    var streaming = StreamingLinter(linter)
    do {
        let descriptor = try MessageFile.open(path: path)
        defer { MessageFile.close(fileDescriptor: descriptor) }
        try MessageFile.forEachChunk(fileDescriptor: descriptor) { streaming.feed($0) }
    } catch {
        fail("\(error)")
    }
    stats.messages += 1
    stats.findings += streaming.finish().count
}

var stats = Stats()
let start = now()
for _ in 0..<iterations {
    if mode == "mbox" {
        var reader = MboxReader()
        let handle: (MboxReader.Entry) -> Void = { entry in
            if linting { lint(entry.bytes, &stats) } else { walk(Message.parse(entry.bytes), decoding: false, &stats) }
        }
        if streaming {
            do { try MessageFile.readMbox(path: paths[0], into: &reader, handle) } catch { fail("\(error)") }
        } else {
            reader.feed(inputs[0], handle)
            reader.finish(handle)
        }
    } else if streaming {
        for path in paths {
            if linting { lintStreamed(path: path, &stats) } else { stream(path: path, decoding: decoding, &stats) }
        }
    } else {
        for input in inputs {
            if linting { lint(input, &stats) } else { walk(Message.parse(input), decoding: decoding, &stats) }
        }
    }
}
let seconds = now() - start
let bytes = totalBytes * iterations
printError("parts=\(stats.parts) headers=\(stats.headers) header_chars=\(stats.headerChars) decoded=\(stats.decodedBytes)"
           + (linting ? " findings=\(stats.findings)\n" : "\n"))
print("bytes=\(bytes) seconds=\(format6(seconds)) MBps=\(format6(Double(bytes) / 1e6 / seconds)) messages=\(stats.messages)")

func format6(_ value: Double) -> String {
    let scaled = (value * 1_000_000).rounded()
    let whole = Int(scaled) / 1_000_000
    let fraction = Int(scaled) % 1_000_000
    let digits = String(fraction)
    return "\(whole)." + String(repeating: "0", count: 6 - digits.count) + digits
}
