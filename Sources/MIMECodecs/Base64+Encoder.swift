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
        let done: Void? = chunk.withContiguousStorageIfAvailable { buffer in
            encode(UnsafeRawBufferPointer(buffer), into: &output)
        }
        if done == nil {
            let copy = Array(chunk)
            copy.withUnsafeBytes { encode($0, into: &output) }
        }
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
        while i + 3 <= count {
            emitQuantum(chunk[i], chunk[i + 1], chunk[i + 2], into: &output)
            i += 3
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
