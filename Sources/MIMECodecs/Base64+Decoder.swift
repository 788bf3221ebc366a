/// An incremental, lenient Base64 decoder (RFC 2045 section 6.8, RFC 4648 sections 3.3 and 4).
///
/// Feed the encoded stream in chunks of any size, split anywhere, then call `finish`. Up to
/// three pending sextets are carried between chunks, so memory stays bounded whatever the input.
///
/// Recovery follows widely used mail clients: CR, LF, SP and HTAB are skipped; other bytes
/// outside the alphabet are skipped and reported as one `base64InvalidByte` diagnostic per run;
/// the first `=` ends the data and anything but whitespace and padding after it is ignored with a
/// diagnostic; missing padding is tolerated. Diagnostic offsets count from the start of the
/// whole stream.
public struct Base64Decoder: Sendable {
    /// Problems found so far, oldest first (see `takeDiagnostics()`).
    public private(set) var diagnostics: [Diagnostic] = []
    /// The most diagnostics kept per stream; beyond it problems are only counted and summed up in
    /// one `base64DiagnosticsSuppressed` diagnostic at `finish`, so that hostile input cannot
    /// grow memory. One-shot `Base64.decode` sets no limit.
    public var diagnosticLimit = 100
    /// The number of encoded bytes consumed since the stream started.
    public private(set) var position = 0

    private enum Phase: UInt8, Sendable {
        case data, padding, done
    }

    private var bits: UInt32 = 0
    private var pending = 0
    private var phase = Phase.data
    private var invalidStart = -1
    private var invalidEnd = -1
    private var invalidCount = 0
    private var trailingStart = -1
    private var trailingEnd = -1
    private var paddingOffset = 0
    private var lastSextetOffset = 0
    private var reported = 0
    private var suppressed = 0

    /// Creates a decoder at the start of a stream.
    public init() {}

    /// Decodes the next chunk of the stream, appending the octets to `output`.
    public mutating func decode(_ chunk: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        guard !chunk.isEmpty else { return }
        let capacity = Self.maximumOutput(for: chunk.count)
        if output.isEmpty && output.capacity < capacity {
            // Skips the zero-filling below for the common one-shot case.
            output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                initialized = decodeBlock(chunk, into: buffer.baseAddress!)
            }
            return
        }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: capacity))
        let written = output.withUnsafeMutableBufferPointer { buffer in
            decodeBlock(chunk, into: buffer.baseAddress! + start)
        }
        output.removeLast(capacity - written)
    }

    /// Decodes the next chunk of the stream, appending the octets to `output`.
    public mutating func decode<C: Collection<UInt8>>(_ chunk: C, into output: inout [UInt8]) {
        chunk.withContiguousBytes { decode($0, into: &output) }
    }

    /// Decodes the next chunk of the stream and hands the octets to `sink` in pieces of at most
    /// 48 KiB, never holding more than that: for writing large attachments straight into a file or
    /// a hasher.
    public mutating func decode(
        _ chunk: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        let slice = Self.sinkInputSlice
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maximumOutput(for: slice)) { scratch in
            var offset = 0
            while offset < chunk.count {
                let end = min(offset + slice, chunk.count)
                let written = decodeBlock(UnsafeRawBufferPointer(rebasing: chunk[offset..<end]), into: scratch.baseAddress!)
                if written > 0 {
                    try sink(UnsafeRawBufferPointer(start: scratch.baseAddress!, count: written))
                }
                offset = end
            }
        }
    }

    /// Decodes the next chunk of the stream into `sink` (see `decode(_:sink:)`).
    public mutating func decode<C: Collection<UInt8>>(
        _ chunk: C, sink: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        try chunk.withContiguousBytes { try decode($0, sink: sink) }
    }

    /// Ends the stream: decodes a final unpadded quantum, reports what is still open, and resets
    /// the decoder for a new stream (diagnostics stay until `takeDiagnostics()`).
    public mutating func finish(into output: inout [UInt8]) {
        var tail: (UInt8, UInt8, Int) = (0, 0, 0)
        finishState(&tail)
        if tail.2 > 0 { output.append(tail.0) }
        if tail.2 > 1 { output.append(tail.1) }
    }

    /// Ends the stream, handing the last octets (if any) to `sink` (see `finish(into:)`).
    public mutating func finish(sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var tail: (UInt8, UInt8, Int) = (0, 0, 0)
        finishState(&tail)
        if tail.2 > 0 {
            let bytes = [tail.0, tail.1]
            try bytes.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[0..<tail.2])) }
        }
    }

    /// Returns the diagnostics found so far and forgets them, so that a long-running stream does
    /// not accumulate them.
    public mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    // MARK: - Internals

    /// Input bytes decoded per sink call: 64 KiB of text gives at most 48 KiB of octets.
    static let sinkInputSlice = 64 * 1024

    /// An upper bound on the octets that `count` more input bytes can complete, counting the
    /// three sextets that may be pending.
    static func maximumOutput(for count: Int) -> Int { count / 4 * 3 + 3 }

    private mutating func report(_ diagnostic: Diagnostic) {
        if reported < diagnosticLimit {
            reported += 1
            diagnostics.append(diagnostic)
        } else {
            suppressed += 1
        }
    }

    private mutating func closeInvalidRun() {
        guard invalidStart >= 0 else { return }
        report(Diagnostic(
            .base64InvalidByte, .error, at: invalidStart..<invalidEnd,
            "\(invalidCount) byte\(invalidCount == 1 ? "" : "s") outside the Base64 alphabet skipped"))
        invalidStart = -1
        invalidCount = 0
    }

    private mutating func noteTrailing(at offset: Int) {
        if trailingStart < 0 { trailingStart = offset }
        trailingEnd = offset + 1
    }

    /// Decodes `input` into `out`, which must have room for `maximumOutput(for: input.count)`
    /// octets, and returns how many were written.
    private mutating func decodeBlock(_ input: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let count = input.count
        let base = position
        position += count
        return input.withMemoryRebound(to: UInt8.self) { bytes -> Int in
            guard let p = bytes.baseAddress else { return 0 }
            return Base64.decodeTables.withUnsafeBufferPointer { tables -> Int in
                let t0 = tables.baseAddress!
                let t1 = t0 + 256, t2 = t0 + 512, t3 = t0 + 768
                var i = 0
                var o = 0
                while i < count {
                    if pending == 0 && phase == .data && invalidStart < 0 {
                        // Fast path: whole quanta with no line break, padding or junk inside.
                        while i &+ 4 <= count {
                            let v = t0[Int(p[i])] | t1[Int(p[i &+ 1])] | t2[Int(p[i &+ 2])] | t3[Int(p[i &+ 3])]
                            if v & Base64.markerMask != 0 { break }
                            out[o] = UInt8(truncatingIfNeeded: v >> 16)
                            out[o &+ 1] = UInt8(truncatingIfNeeded: v >> 8)
                            out[o &+ 2] = UInt8(truncatingIfNeeded: v)
                            o &+= 3
                            i &+= 4
                        }
                        if i >= count { break }
                    }
                    // Slow path, one byte at a time, until a quantum boundary is reached again.
                    let offset = base + i
                    let entry = t3[Int(p[i])]
                    i += 1
                    if entry & Base64.markerMask == 0 {
                        guard phase == .data else {
                            noteTrailing(at: offset)
                            continue
                        }
                        closeInvalidRun()
                        bits = bits << 6 | entry
                        pending += 1
                        lastSextetOffset = offset
                        if pending == 4 {
                            out[o] = UInt8(truncatingIfNeeded: bits >> 16)
                            out[o + 1] = UInt8(truncatingIfNeeded: bits >> 8)
                            out[o + 2] = UInt8(truncatingIfNeeded: bits)
                            o += 3
                            bits = 0
                            pending = 0
                        }
                    } else if entry == Base64.skipMarker {
                        continue
                    } else if entry == Base64.padMarker {
                        switch phase {
                        case .data:
                            closeInvalidRun()
                            o += padQuantum(at: offset, into: out + o)
                        case .padding:
                            phase = .done
                        case .done:
                            noteTrailing(at: offset)
                        }
                    } else if phase == .data {
                        if invalidStart < 0 { invalidStart = offset }
                        invalidEnd = offset + 1
                        invalidCount += 1
                    } else {
                        noteTrailing(at: offset)
                    }
                }
                return o
            }
        }
    }

    /// Handles the first `=` of a quantum (RFC 4648 section 4: `xx==` or `xxx=`), writing the
    /// octets it completes to `out` and returning their count.
    private mutating func padQuantum(at offset: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        paddingOffset = offset
        var written = 0
        switch pending {
        case 0:
            report(Diagnostic(.base64MisplacedPadding, .warning, at: offset..<offset + 1,
                              "'=' after a complete quantum ends the data"))
            phase = .done
        case 1:
            report(Diagnostic(.base64Truncated, .error, at: offset..<offset + 1,
                              "a single Base64 character before '=' cannot form an octet; 6 bits dropped"))
            phase = .done
        case 2:
            out[0] = UInt8(truncatingIfNeeded: bits >> 4)
            written = 1
            checkPadBits(bits & 0x0F, at: lastSextetOffset)
            phase = .padding
        default:
            out[0] = UInt8(truncatingIfNeeded: bits >> 10)
            out[1] = UInt8(truncatingIfNeeded: bits >> 2)
            written = 2
            checkPadBits(bits & 0x03, at: lastSextetOffset)
            phase = .done
        }
        bits = 0
        pending = 0
        return written
    }

    /// RFC 4648 section 3.5: encoders MUST set the bits below the last octet to zero, so set
    /// bits hint at a damaged or concatenated stream.
    private mutating func checkPadBits(_ padBits: UInt32, at offset: Int) {
        if padBits != 0 {
            report(Diagnostic(.base64NonzeroPadBits, .warning, at: offset,
                              "the unused bits of the last Base64 character are not zero"))
        }
    }

    private mutating func finishState(_ tail: inout (UInt8, UInt8, Int)) {
        closeInvalidRun()
        switch phase {
        case .data:
            switch pending {
            case 1:
                report(Diagnostic(.base64Truncated, .error, at: position,
                                  "the data ends with a single Base64 character; 6 bits dropped"))
            case 2:
                tail = (UInt8(truncatingIfNeeded: bits >> 4), 0, 1)
                checkPadBits(bits & 0x0F, at: lastSextetOffset)
                report(Diagnostic(.base64MissingPadding, .warning, at: position,
                                  "the data ends without '==' padding"))
            case 3:
                tail = (UInt8(truncatingIfNeeded: bits >> 10), UInt8(truncatingIfNeeded: bits >> 2), 2)
                checkPadBits(bits & 0x03, at: lastSextetOffset)
                report(Diagnostic(.base64MissingPadding, .warning, at: position,
                                  "the data ends without '=' padding"))
            default:
                break
            }
        case .padding:
            report(Diagnostic(.base64MissingPadding, .warning, at: paddingOffset..<paddingOffset + 1,
                              "only one '=' where '==' was expected"))
        case .done:
            break
        }
        if trailingStart >= 0 {
            report(Diagnostic(.base64DataAfterPadding, .error, at: trailingStart..<trailingEnd,
                              "data after the final '=' padding ignored"))
        }
        if suppressed > 0 {
            diagnostics.append(Diagnostic(.base64DiagnosticsSuppressed, .info, at: position,
                                          "\(suppressed) further Base64 problems not reported"))
        }
        let kept = diagnostics
        let limit = diagnosticLimit
        self = Base64Decoder()
        diagnostics = kept
        diagnosticLimit = limit
    }
}
