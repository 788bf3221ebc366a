/// An incremental Base64 encoder (RFC 2045 section 6.8, RFC 4648 section 4).
///
/// Carries up to two octets and the current column between chunks, so a large attachment can be
/// encoded piece by piece with the same output as one call. Lines are broken before the first
/// character that would exceed `lineLength`; no line break follows the last line.
public struct Base64Encoder: Sendable {
    /// The longest encoded line, or `nil` for one unbroken line (RFC 2047 "B" words).
    public let lineLength: Int?
    /// The line break written between lines.
    public let lineEnding: Base64.LineEnding

    private var carry: (UInt8, UInt8) = (0, 0)
    private var carryCount = 0
    private var column = 0

    /// Creates an encoder; a `lineLength` below 4 is raised to 4.
    public init(lineLength: Int? = Base64.mimeLineLength, lineEnding: Base64.LineEnding = .crlf) {
        self.lineLength = lineLength.map { max($0, 4) }
        self.lineEnding = lineEnding
    }

    /// Encodes the next chunk, appending Base64 text to `output`.
    public mutating func encode<C: Collection<UInt8>>(_ chunk: C, into output: inout [UInt8]) {
        chunk.withContiguousBytes { encode($0, into: &output) }
    }

    /// Encodes the next chunk, appending Base64 text to `output`.
    public mutating func encode(_ chunk: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        var i = 0
        let count = chunk.count
        // Complete the quantum left over from the previous chunk first.
        while carryCount > 0 && i < count {
            if carryCount == 1 {
                carry.1 = chunk[i]
                carryCount = 2
                i += 1
            } else {
                emitQuantum(carry.0, carry.1, chunk[i], into: &output)
                carryCount = 0
                i += 1
            }
        }
        let quanta = (count - i) / 3
        if quanta > 0 {
            i = encodeQuanta(chunk, from: i, count: quanta, into: &output)
        }
        while i < count {
            if carryCount == 0 { carry.0 = chunk[i] } else { carry.1 = chunk[i] }
            carryCount += 1
            i += 1
        }
    }

    /// Ends the stream: writes the last, padded quantum (RFC 4648 section 4) and resets the
    /// encoder for a new stream.
    public mutating func finish(into output: inout [UInt8]) {
        let table = Base64.alphabet
        switch carryCount {
        case 1:
            let a = carry.0
            emit(table[Int(a >> 2)], into: &output)
            emit(table[Int((a & 0x03) << 4)], into: &output)
            emit(ASCII.equals, into: &output)
            emit(ASCII.equals, into: &output)
        case 2:
            let (a, b) = carry
            emit(table[Int(a >> 2)], into: &output)
            emit(table[Int((a & 0x03) << 4 | b >> 4)], into: &output)
            emit(table[Int((b & 0x0F) << 2)], into: &output)
            emit(ASCII.equals, into: &output)
        default:
            break
        }
        carryCount = 0
        column = 0
    }

    /// Encodes `quanta` whole 3-octet groups starting at `start` straight into `output`'s
    /// storage, returning the index after them.
    private mutating func encodeQuanta(
        _ chunk: UnsafeRawBufferPointer, from start: Int, count quanta: Int, into output: inout [UInt8]
    ) -> Int {
        let eol = lineEnding.bytes
        let characters = quanta * 4
        let breaks = lineLength.map { characters / $0 + 1 } ?? 0
        let capacity = characters + breaks * eol.count
        let base = output.count
        output.append(contentsOf: repeatElement(0, count: capacity))
        let lineLength = self.lineLength ?? Int.max
        var column = self.column
        let written = output.withUnsafeMutableBufferPointer { buffer -> Int in
            Base64.alphabet.withUnsafeBufferPointer { table -> Int in
                let out = buffer.baseAddress! + base
                var o = 0
                var i = start
                func put(_ sextet: UInt8) {
                    if column == lineLength {
                        for byte in eol {
                            out[o] = byte
                            o += 1
                        }
                        column = 0
                    }
                    out[o] = table[Int(sextet)]
                    o += 1
                    column += 1
                }
                for _ in 0..<quanta {
                    let a = chunk[i], b = chunk[i + 1], c = chunk[i + 2]
                    i += 3
                    let sextets = (a >> 2, (a & 0x03) << 4 | b >> 4, (b & 0x0F) << 2 | c >> 6, c & 0x3F)
                    if column + 4 <= lineLength {
                        out[o] = table[Int(sextets.0)]
                        out[o + 1] = table[Int(sextets.1)]
                        out[o + 2] = table[Int(sextets.2)]
                        out[o + 3] = table[Int(sextets.3)]
                        o += 4
                        column += 4
                        continue
                    }
                    // The quantum straddles a line end (or starts a new line): one at a time.
                    put(sextets.0)
                    put(sextets.1)
                    put(sextets.2)
                    put(sextets.3)
                }
                return o
            }
        }
        output.removeLast(capacity - written)
        self.column = column
        return start + quanta * 3
    }

    private mutating func emitQuantum(_ a: UInt8, _ b: UInt8, _ c: UInt8, into output: inout [UInt8]) {
        let table = Base64.alphabet
        if let lineLength, column + 4 <= lineLength {
            // Common case: the whole quantum fits on the line.
            output.append(table[Int(a >> 2)])
            output.append(table[Int((a & 0x03) << 4 | b >> 4)])
            output.append(table[Int((b & 0x0F) << 2 | c >> 6)])
            output.append(table[Int(c & 0x3F)])
            column += 4
            return
        }
        emit(table[Int(a >> 2)], into: &output)
        emit(table[Int((a & 0x03) << 4 | b >> 4)], into: &output)
        emit(table[Int((b & 0x0F) << 2 | c >> 6)], into: &output)
        emit(table[Int(c & 0x3F)], into: &output)
    }

    private mutating func emit(_ character: UInt8, into output: inout [UInt8]) {
        if let lineLength, column == lineLength {
            output.append(contentsOf: lineEnding.bytes)
            column = 0
        }
        output.append(character)
        column += 1
    }
}
