internal import MIMECore

/// Checks a message fed in chunks, in memory bounded by the chunk size and the number of parts:
/// for messages too large to hold, such as a 1 GB attachment.
///
/// It applies the RFC rules that need no whole body: line lengths and endings, every header
/// field of every entity, the multipart structure and the transfer encodings (decoded as they
/// stream past). Charset checks of text bodies and the COI rules need the whole message and are
/// left to ``Linter``.
public struct StreamingLinter: Sendable {
    private let linter: Linter
    private var parser: StreamingParser
    private var lines = LineScanner()
    private var findings: [Finding] = []
    private var expectsMessageHeader = true
    private var checksEightBit = false
    private var boundaries: [[UInt8]] = []
    private var partBoundaries: [Bool] = []

    /// Creates a streaming linter with the rules and limits of `linter`.
    public init(_ linter: Linter = Linter()) {
        self.linter = linter
        self.parser = StreamingParser(options: linter.options, decodesBodies: true)
    }

    /// Checks the next bytes of the message.
    public mutating func feed(_ chunk: [UInt8]) {
        lines.scan(chunk)
        var events: [StreamingParser.Event] = []
        parser.feed(chunk) { events.append($0) }
        for event in events { handle(event) }
    }

    /// Ends the message and returns every finding, sorted by offset.
    public mutating func finish() -> [Finding] {
        var events: [StreamingParser.Event] = []
        parser.finish { events.append($0) }
        for event in events { handle(event) }
        return linter.finish(findings + lines.finish(), isChat: false)
    }

    private mutating func handle(_ event: StreamingParser.Event) {
        switch event {
        case .partStart(let start):
            findings += linter.fieldFindings(start.headers, at: start.headerOffset, allowsUTF8: false,
                                             isMessageHeader: expectsMessageHeader).findings
            expectsMessageHeader = start.kind == .message
            var ignored: [Diagnostic] = []
            let encoding = start.headers.first(named: "Content-Transfer-Encoding")
                .flatMap { ContentTransferEncoding.parse($0.rawValue, diagnostics: &ignored) }
            checksEightBit = start.kind == .leaf && (encoding == nil || encoding == .sevenBit)
            var boundary: [UInt8]? = nil
            if start.kind == .multipart, let type = start.headers.first(named: "Content-Type") {
                boundary = ContentType.parse(type.rawValue, diagnostics: &ignored).boundary.map { Array($0.utf8) }
            }
            if let boundary {
                if boundaries.contains(where: { Linter.isPrefix($0, of: boundary) || Linter.isPrefix(boundary, of: $0) }) {
                    findings.append(Finding(.boundaryReused, at: start.headerOffset,
                                            "boundary \"\(ASCII.string(boundary))\" overlaps the boundary of an enclosing multipart"))
                }
                boundaries.append(boundary)
            }
            partBoundaries.append(boundary != nil)
        case .body(let chunk):
            if checksEightBit, chunk.region == .content, let index = Linter.firstEightBitByte(chunk.bytes) {
                checksEightBit = false
                findings.append(Finding(.transferEncodingMismatch, at: chunk.offset + index - chunk.bytes.startIndex,
                                        "8-bit byte in a body declared or defaulting to 7bit; declare 8bit or encode the body"))
            }
        case .decodedBody:
            break
        case .partEnd:
            checksEightBit = false
            if partBoundaries.popLast() == true { boundaries.removeLast() }
        case .diagnostic(let diagnostic):
            if let finding = Linter.finding(diagnostic) { findings.append(finding) }
        }
    }
}
