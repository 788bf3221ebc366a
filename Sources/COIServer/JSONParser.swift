/// A bounded JSON reader (RFC 8259 `JSON-text`) for client-supplied METADATA values.
///
/// Written here rather than taken from Foundation because a subscription comes from any client:
/// the reader enforces a byte ceiling, a nesting ceiling and a per-string ceiling before it
/// allocates, reports the byte offset of what it refused, and refuses duplicate member names and
/// invalid UTF-8 instead of silently picking one interpretation.
struct JSONParser {
    /// Limits applied while reading.
    struct Limits: Sendable, Hashable {
        var maxBytes: Int
        var maxDepth: Int
        var maxStringBytes: Int
    }

    /// Why a text is not acceptable JSON, with the byte offset where reading stopped.
    struct Failure: Error, Sendable, Hashable {
        enum Reason: Sendable, Hashable {
            case tooLarge(actual: Int, maximum: Int)
            case tooDeep(maximum: Int)
            case stringTooLong(maximum: Int)
            case unexpectedByte(UInt8)
            case unexpectedEnd
            case invalidEscape
            case invalidUTF8
            case invalidNumber
            case duplicateMember(String)
            case trailingData
        }
        var reason: Reason
        var offset: Int
    }

    private let bytes: [UInt8]
    private var position = 0
    private let limits: Limits

    private init(bytes: [UInt8], limits: Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// Reads one JSON text; whitespace may surround it, nothing else may follow it.
    static func parse(_ bytes: [UInt8], limits: Limits) throws(Failure) -> JSONValue {
        guard bytes.count <= limits.maxBytes else {
            throw Failure(reason: .tooLarge(actual: bytes.count, maximum: limits.maxBytes), offset: limits.maxBytes)
        }
        var parser = JSONParser(bytes: bytes, limits: limits)
        // JSON-text = ws value ws
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw Failure(reason: .trailingData, offset: parser.position) }
        return value
    }

    private mutating func skipWhitespace() {
        // ws = *( %x20 / %x09 / %x0A / %x0D )
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private func fail(_ reason: Failure.Reason) -> Failure { Failure(reason: reason, offset: position) }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard position < bytes.count else { throw fail(.unexpectedEnd) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail(.unexpectedByte(bytes[position]))
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw fail(.unexpectedEnd) }
        for index in 0..<count where bytes[position + index] != word.utf8Start[index] {
            position += index
            throw fail(.unexpectedByte(bytes[position]))
        }
        position += count
    }

    // object = begin-object [ member *( value-separator member ) ] end-object
    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        var members: [(name: String, value: JSONValue)] = []
        try elements(closedBy: UInt8(ascii: "}"), depth: depth) { parser throws(Failure) in
            // member = string name-separator value
            guard parser.position < parser.bytes.count else { throw parser.fail(.unexpectedEnd) }
            guard parser.bytes[parser.position] == UInt8(ascii: "\"") else { throw parser.fail(.unexpectedByte(parser.bytes[parser.position])) }
            let nameOffset = parser.position
            let name = try parser.string()
            if members.contains(where: { $0.name == name }) {
                throw Failure(reason: .duplicateMember(name), offset: nameOffset)
            }
            parser.skipWhitespace()
            try parser.expect(UInt8(ascii: ":"))
            parser.skipWhitespace()
            members.append((name, try parser.value(depth: depth)))
        }
        return .object(members)
    }

    // array = begin-array [ value *( value-separator value ) ] end-array
    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        var values: [JSONValue] = []
        try elements(closedBy: UInt8(ascii: "]"), depth: depth) { parser throws(Failure) in
            values.append(try parser.value(depth: depth))
        }
        return .array(values)
    }

    /// Reads the opening byte, then `element` separated by commas up to `close`, for objects and
    /// arrays alike.
    private mutating func elements(closedBy close: UInt8, depth: Int,
                                   _ element: (inout JSONParser) throws(Failure) -> Void) throws(Failure) {
        guard depth <= limits.maxDepth else { throw fail(.tooDeep(maximum: limits.maxDepth)) }
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == close {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            guard position < bytes.count else { throw fail(.unexpectedEnd) }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(close)
            return
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard position < bytes.count else { throw fail(.unexpectedEnd) }
        guard bytes[position] == byte else { throw fail(.unexpectedByte(bytes[position])) }
        position += 1
    }

    // number = [ minus ] int [ frac ] [ exp ]
    private mutating func number() throws(Failure) -> String {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        // int = zero / ( digit1-9 *DIGIT )
        guard position < bytes.count, isDigit(bytes[position]) else { throw fail(.invalidNumber) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            skipDigits()
        }
        // frac = decimal-point 1*DIGIT
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw fail(.invalidNumber) }
            skipDigits()
        }
        // exp = e [ minus / plus ] 1*DIGIT
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw fail(.invalidNumber) }
            skipDigits()
        }
        guard position - start <= limits.maxStringBytes else {
            position = start
            throw fail(.stringTooLong(maximum: limits.maxStringBytes))
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    // string = quotation-mark *char quotation-mark
    private mutating func string() throws(Failure) -> String {
        position += 1
        var output: [UInt8] = []
        while true {
            guard position < bytes.count else { throw fail(.unexpectedEnd) }
            guard output.count <= limits.maxStringBytes else { throw fail(.stringTooLong(maximum: limits.maxStringBytes)) }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard output.count <= limits.maxStringBytes else { throw fail(.stringTooLong(maximum: limits.maxStringBytes)) }
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &output)
            case 0x00..<0x20:
                // unescaped = %x20-21 / %x23-5B / %x5D-10FFFF: control characters must be escaped.
                throw fail(.unexpectedByte(byte))
            case 0x20..<0x80:
                output.append(byte)
                position += 1
            default:
                try utf8Sequence(into: &output)
            }
        }
    }

    /// Copies one well-formed multi-byte UTF-8 sequence (RFC 3629 `UTF8-2` .. `UTF8-4`).
    private mutating func utf8Sequence(into output: inout [UInt8]) throws(Failure) {
        let lead = bytes[position]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw fail(.invalidUTF8)
        }
        guard bytes.count - position >= length else { throw fail(.invalidUTF8) }
        for index in 1..<length {
            let continuation = bytes[position + index]
            let (low, high) = index == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
            guard continuation >= low, continuation <= high else { throw fail(.invalidUTF8) }
        }
        output.append(contentsOf: bytes[position..<(position + length)])
        position += length
    }

    // escape = %x5C ( %x22 / %x5C / %x2F / %x62 / %x66 / %x6E / %x72 / %x74 / %x75 4HEXDIG )
    private mutating func escape(into output: inout [UInt8]) throws(Failure) {
        guard position + 1 < bytes.count else { throw fail(.unexpectedEnd) }
        let letter = bytes[position + 1]
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(letter)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            let first = try hexQuad(at: position + 2)
            var scalarValue = UInt32(first)
            var consumed = 6
            if (0xD800..<0xDC00).contains(first) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard position + 7 < bytes.count, bytes[position + 6] == UInt8(ascii: "\\"),
                      bytes[position + 7] == UInt8(ascii: "u") else { throw fail(.invalidEscape) }
                let second = try hexQuad(at: position + 8)
                guard (0xDC00..<0xE000).contains(second) else { throw fail(.invalidEscape) }
                scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
                consumed = 12
            } else if (0xDC00..<0xE000).contains(first) {
                throw fail(.invalidEscape)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw fail(.invalidEscape) }
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
            position += consumed
            return
        default: throw fail(.invalidEscape)
        }
        position += 2
    }

    private func hexQuad(at start: Int) throws(Failure) -> UInt16 {
        guard bytes.count - start >= 4 else { throw fail(.unexpectedEnd) }
        var value: UInt16 = 0
        for byte in bytes[start..<(start + 4)] {
            guard let digit = JSONWriter.hexValue(byte) else { throw fail(.invalidEscape) }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
