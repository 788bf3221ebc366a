// Runs each pathological message of issue 4 at its size N and at 2N, and reports how time and
// peak memory grow per doubling (bound: 2.2) and peak memory against the input (bound: 3x).
//
//   pathological [--gate] [--repetitions K] [--scale F] [--sizes] [CASE ...]
//
// Peak memory is the input plus the highest number of bytes the parse held allocated beyond it,
// counted exactly by the CPeakAlloc malloc interposer: it is deterministic, so --gate checks it
// strictly, both its growth per doubling and its ratio to the input. Time is the fastest of K
// runs (noise on a shared machine only ever adds time); a time ratio over the bound is measured
// again with twice the runs before --gate fails on it.
//
// Every case is gated at 3x the input. The tightest are the multiparts of tens of thousands of
// ~20-byte parts, which stay within it because `MIMEPart.Parts` keeps a headerless leaf part in
// 8 bytes. --sizes prints the stored sizes of the tree's types.
import CPeakAlloc
import MIMECore
import MIMEFuzz
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

struct Measurement {
    var inputBytes: Int
    var seconds: Double
    var peakBytes: Int
    var reading: PathologicalMessage.Reading
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func measure(_ bytes: [UInt8], repetitions: Int) -> Measurement {
    let before = peak_alloc_current()
    peak_alloc_reset()
    let reading = PathologicalMessage.read(bytes)
    let extra = Int(peak_alloc_peak()) - Int(before)
    var fastest = Double.infinity
    let clock = ContinuousClock()
    for _ in 0..<repetitions {
        let start = clock.now
        let again = PathologicalMessage.read(bytes)
        fastest = min(fastest, seconds(clock.now - start))
        precondition(again.partCount == reading.partCount)
    }
    return Measurement(inputBytes: bytes.count, seconds: fastest, peakBytes: bytes.count + max(extra, 0), reading: reading)
}

func timeOnly(_ bytes: [UInt8], repetitions: Int) -> Double {
    measure(bytes, repetitions: repetitions).seconds
}

var gate = false
var repetitions = 5
var scale = 1.0
var names: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--gate": gate = true
    case "--repetitions": repetitions = Int(arguments.popFirst() ?? "") ?? repetitions
    case "--scale": scale = Double(arguments.popFirst() ?? "") ?? scale
    case "--sizes":
        // What one field, header block, part and diagnostic cost where they are stored in arrays.
        print("HeaderField \(MemoryLayout<HeaderField>.stride) B, HeaderFields \(MemoryLayout<HeaderFields>.stride) B, "
            + "MIMEPart \(MemoryLayout<MIMEPart>.stride) B (8 B as a headerless leaf in MIMEPart.Parts), Diagnostic \(MemoryLayout<Diagnostic>.stride) B")
        exit(0)
    default: names.append(argument)
    }
}
let cases = names.isEmpty ? PathologicalMessage.all : names.compactMap { name in
    guard let found = PathologicalMessage.named(name) else { fatalError("unknown case \(name)") }
    return found
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
func format(_ value: Double, _ digits: Int = 2) -> String {
    var scaled = (value * pow10(digits)).rounded() / pow10(digits)
    if scaled == -0.0 { scaled = 0 }
    return "\(scaled)"
}
func pow10(_ digits: Int) -> Double { (0..<digits).reduce(1.0) { value, _ in value * 10 } }

let bound = 2.2
let memoryFactorBound = 3.0
var failures: [String] = []
print(pad("case", 26) + pad("N", 11) + pad("input MB", 10) + pad("time ms", 10) + pad("peak MB", 9)
    + pad("time x2N", 10) + pad("mem x2N", 9) + pad("peak/input", 11) + "limits reported")
for item in cases {
    let count = max(1, Int(Double(item.baseCount) * scale))
    let small = item.generate(count: count)
    let first = measure(small, repetitions: repetitions)
    let large = item.generate(count: count * 2)
    let second = measure(large, repetitions: repetitions)
    var timeRatio = second.seconds / first.seconds
    if timeRatio > bound {
        // One more look with more runs: a burst of load from another process inflates one side.
        timeRatio = timeOnly(large, repetitions: repetitions * 2) / timeOnly(small, repetitions: repetitions * 2)
    }
    let memoryRatio = Double(second.peakBytes) / Double(first.peakBytes)
    let memoryFactor = max(Double(first.peakBytes) / Double(first.inputBytes), Double(second.peakBytes) / Double(second.inputBytes))
    let limits = Set(second.reading.diagnostics.map(\.code.rawValue)).filter {
        ["nesting-too-deep", "too-many-parts", "too-many-header-fields", "header-line-too-long",
         "encoded-word-limit-exceeded", "missing-closing-boundary"].contains($0)
    }.sorted().joined(separator: ",")
    print(pad(item.name, 26) + pad("\(count)", 11) + pad(format(Double(first.inputBytes) / 1e6), 10)
        + pad(format(first.seconds * 1000), 10) + pad(format(Double(first.peakBytes) / 1e6), 9)
        + pad(format(timeRatio), 10) + pad(format(memoryRatio), 9) + pad(format(memoryFactor), 11)
        + (limits.isEmpty ? "-" : limits))
    if timeRatio > bound { failures.append("\(item.name): time grows \(format(timeRatio))x per doubling") }
    if memoryRatio > bound { failures.append("\(item.name): peak memory grows \(format(memoryRatio))x per doubling") }
    if memoryFactor > memoryFactorBound {
        failures.append("\(item.name): peak memory is \(format(memoryFactor))x the input")
    }
}
for failure in failures { print("over the bound: " + failure) }
if gate && !failures.isEmpty {
    print("pathological: FAILED")
    exit(1)
}
print(failures.isEmpty ? "pathological: every case within its bounds" : "pathological: \(failures.count) over the bound (not gated)")
