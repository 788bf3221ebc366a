internal import CMIMEScan

/// An incremental (push) parser for RFC 5322 messages with the MIME structure of RFC 2045 and
/// RFC 2046: feed the message in chunks of any size as they arrive (an IMAP literal, SMTP `DATA`,
/// reads from a file) and receive ``Event``s: header blocks, the start and end of every entity
/// with byte offsets, and body content, raw and optionally transfer-decoded.
///
/// It reads exactly the structure that ``Message/parse(_:options:)`` reads, whatever the chunk
/// boundaries: both parsers share the rules for header lines and boundary delimiters. Its memory
/// is bounded whatever the message size: body bytes are handed on as they are scanned and only a
/// possible delimiter line is held back (at most a boundary, 998 octets of transport padding and
/// a line break), a header field is kept up to ``ParserOptions/maximumHeaderLineLength`` octets,
/// and a header block up to ``ParserOptions/maximumHeaderFields`` fields.
///
/// ```swift
/// var parser = StreamingParser()
/// for chunk in chunks { parser.feed(chunk) { event in handle(event) } }
/// parser.finish { event in handle(event) }
/// ```
///
/// Parsing never fails; problems are reported as ``Event/diagnostic(_:)`` events. If a handler
/// throws, the error is passed on and the parser must not be used further.
public struct StreamingParser: Sendable {
    /// The limits in force.
    public let options: ParserOptions
    /// Whether leaf content is also reported transfer-decoded (base64 and quoted-printable,
    /// RFC 2045 sections 6.7 and 6.8).
    public let decodesBodies: Bool

    /// How many bytes have been fed so far.
    public private(set) var bytesFed = 0
    /// Whether the message has ended: ``finish(_:)`` was called.
    public private(set) var isFinished = false

    /// How many input bytes are held back, waiting for more input to decide what they are: a
    /// possible delimiter line (a boundary, up to 998 octets of padding and a line break), the
    /// start of a header line (up to 998 octets), plus up to 4 KiB being added; and up to 64 KiB
    /// only at the start of a message without a header block whose first line feed has not come
    /// yet (it sets the line ending of the message's fields). Never more, whatever the size.
    public var bufferedByteCount: Int { buffer.count }

    /// Input not consumed yet; its first byte is at message offset `bufferBase`.
    private var buffer: [UInt8] = []
    private var bufferBase = 0
    /// Everything before `cursor` has been consumed.
    private var cursor = 0

    private var frames: [Frame] = []
    private var partCount = 0
    private var mode: Mode
    private var lineEnding: [UInt8] = [ASCII.cr, ASCII.lf]
    private var lineEndingKnown = false

    private var decoder: BodyDecoder = .identity
    private var decoded: [UInt8] = []

    /// Creates a parser at the start of a message.
    public init(options: ParserOptions = ParserOptions(), decodesBodies: Bool = false) {
        self.options = options
        self.decodesBodies = decodesBodies
        self.mode = .header(HeaderState(start: 0, depth: 0, defaultType: .textPlain, skipMboxFromLine: true))
    }

    // MARK: State

    private struct Frame: Sendable {
        var header: HeaderBlock
        var depth: Int
        var kind: Kind

        enum Kind: Sendable {
            case multipart(boundary: [UInt8], partCount: Int, preamble: Range<Int>?)
            case message
        }

        var boundary: [UInt8]? {
            if case .multipart(let boundary, _, _) = kind { return boundary }
            return nil
        }
    }

    private struct HeaderBlock: Sendable {
        var start: Int
        var end: Int
        var bodyStart: Int
        var media: MediaType
        var depth: Int
    }

    /// A header block being read line by line, with the same rules as the one-shot parser.
    private struct HeaderState: Sendable {
        var start: Int
        var depth: Int
        var defaultType: MediaType
        var skipMboxFromLine: Bool
        var blockStart: Int
        var lineStart: Int
        var fields: [HeaderField] = []
        var fieldBytes: [UInt8] = []
        var fieldStart = -1
        var fieldLength = 0
        var fieldColon = 0
        var droppedFields = 0
        var sawInvalidStart = false
        /// The rest of the current line still has to be read: into the field (`storesLine`) or
        /// skipped (an mbox `From ` line).
        var inLine = false
        var storesLine = false
        var skippingFromLine = false

        init(start: Int, depth: Int, defaultType: MediaType, skipMboxFromLine: Bool) {
            self.start = start
            self.depth = depth
            self.defaultType = defaultType
            self.skipMboxFromLine = skipMboxFromLine
            self.blockStart = start
            self.lineStart = start
        }
    }

    /// What to do once the delimiter search of a body region has found the next delimiter (or
    /// the end): the steps of the one-shot parser that follow each of its delimiter searches.
    private enum Continuation: Sendable {
        /// The first delimiter of the multipart on top of the stack.
        case firstDelimiter(HeaderBlock)
        /// The end of the epilogue of a multipart whose close delimiter came first.
        case emptyMultipartEnd(HeaderBlock, boundary: [UInt8], preamble: Range<Int>, first: BoundaryDelimiter)
        /// The end of a leaf.
        case leafEnd(HeaderBlock)
        /// The end of the epilogue of a multipart (already popped) closed by `close`.
        case epilogueEnd(Frame, close: BoundaryDelimiter)
        /// The next own delimiter of a multipart past the part limit.
        case skipping
        /// The end of the epilogue of a multipart past the part limit.
        case skippedEpilogueEnd(Frame, close: BoundaryDelimiter)
    }

    private struct Search: Sendable {
        var regionStart: Int
        var searchFrom: Int
        var emitted: Int
        var checkedStart = false
        var region: BodyRegion
        var continuation: Continuation
    }

    private enum Mode: Sendable {
        case header(HeaderState)
        /// An encapsulated message's header block was read; whether its body is empty decides
        /// whether it is parsed as a message.
        case awaitingBody(HeaderBlock, HeaderFields)
        case body(Search)
        /// A header block without fields ended before the message's first line feed, which sets
        /// the line ending its fields would get: waits for it (at most 64 KiB).
        case awaitingLineEnding(HeaderState, headerEnd: Int, bodyStart: Int)
        case done
        /// Held while the state of another case is being changed in place.
        case running
    }

    private enum BodyDecoder: Sendable {
        case identity
        case base64(Base64Decoder)
        case quotedPrintable(QuotedPrintableDecoder)
    }

    // MARK: Input

    /// Parses the next chunk of the message, reporting what it completes to `handler`.
    public mutating func feed(_ chunk: [UInt8], _ handler: (Event) throws -> Void) rethrows {
        guard !isFinished, !chunk.isEmpty else { return }
        let chunkBase = bytesFed
        bytesFed += chunk.count
        if !lineEndingKnown { detectLineEnding(chunk, base: chunkBase) }
        var offset = 0
        while offset < chunk.count {
            if buffer.isEmpty {
                // Nothing held back: scan the caller's chunk in place, keep what is left.
                try process(chunk, base: chunkBase, isFinal: false, handler)
                let consumed = cursor - chunkBase
                if consumed < chunk.count {
                    buffer = Array(chunk[max(consumed, 0)...])
                    bufferBase = chunkBase + max(consumed, 0)
                }
                return
            }
            // Bytes are held back (a possible delimiter line, the start of a header line): add
            // input in small steps until they are decided, then go back to scanning in place.
            let take = min(chunk.count - offset, 4096)
            buffer.append(contentsOf: chunk[offset..<(offset + take)])
            offset += take
            try process(buffer, base: bufferBase, isFinal: false, handler)
            dropConsumed()
        }
    }

    /// Parses the next chunk of the message, reporting what it completes to `handler`.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, _ handler: (Event) throws -> Void) rethrows {
        try feed(Array(chunk), handler)
    }

    /// Ends the message: whatever is still open is closed, as at the end of the input of the
    /// one-shot parser.
    public mutating func finish(_ handler: (Event) throws -> Void) rethrows {
        guard !isFinished else { return }
        if buffer.isEmpty { bufferBase = cursor }
        try process(buffer, base: bufferBase, isFinal: true, handler)
        buffer = []
        isFinished = true
    }

    private mutating func dropConsumed() {
        let consumed = cursor - bufferBase
        if consumed >= buffer.count {
            buffer.removeAll(keepingCapacity: true)
            bufferBase = cursor
        } else if consumed > 0 {
            buffer.removeFirst(consumed)
            bufferBase = cursor
        }
    }

    /// New fields follow the message's own line ending: the one its first line uses, judged like
    /// the one-shot parser within the first 64 KiB.
    private mutating func detectLineEnding(_ chunk: [UInt8], base: Int) {
        let limit = (1 << 16) - base
        guard limit > 0 else { lineEndingKnown = true; return }
        chunk.withUnsafeBufferPointer { bytes in
            let found = cmime_memchr(bytes.baseAddress!, ASCII.lf, min(bytes.count, limit))
            guard found >= 0 else {
                if bytes.count >= limit { lineEndingKnown = true }
                return
            }
            lineEndingKnown = true
            let lf = base + found
            if lf > 0 {
                let before = found > 0 ? bytes[found - 1] : lastByteBeforeChunk
                if before != ASCII.cr { lineEnding = [ASCII.lf] }
            }
        }
        if let last = chunk.last { lastByteBeforeChunk = last }
    }

    private var lastByteBeforeChunk: UInt8 = 0

    // MARK: Driver

    /// Runs the state machine over `array`, whose first byte is at message offset `base`, from
    /// `cursor` until it needs more input or the message ends.
    private mutating func process(
        _ array: [UInt8], base: Int, isFinal: Bool, _ handler: (Event) throws -> Void
    ) rethrows {
        try array.withUnsafeBytes { window in
            var progressing = true
            while progressing {
                switch mode {
                case .header(var state):
                    mode = .running
                    progressing = try readHeader(&state, window, base: base, isFinal: isFinal, handler)
                    if case .running = mode { mode = .header(state) }
                case .awaitingBody(let header, let fields):
                    if header.bodyStart < base + window.count {
                        try startMessage(header, fields, handler)
                    } else if isFinal {
                        try startLeaf(header, fields, handler)
                    } else {
                        progressing = false
                    }
                case .awaitingLineEnding(var state, let headerEnd, let bodyStart):
                    if lineEndingKnown || isFinal {
                        mode = .running
                        try finishHeader(&state, headerEnd: headerEnd, bodyStart: bodyStart, isFinal: true, handler)
                    } else {
                        progressing = false
                    }
                case .body(var search):
                    mode = .running
                    progressing = try scanBody(&search, array, window, base: base, isFinal: isFinal, handler)
                    if case .running = mode { mode = .body(search) }
                case .done, .running:
                    cursor = base + window.count
                    progressing = false
                }
            }
        }
    }

    // MARK: Header block

    /// `fields = *(...)` followed by an empty line (RFC 5322 section 3.5, RFC 2045 section 3),
    /// read line by line; lenient exactly where ``Message/parse(_:options:)`` is. Returns whether
    /// it made progress; sets `mode` when the block is complete.
    private mutating func readHeader(
        _ state: inout HeaderState, _ window: UnsafeRawBufferPointer, base: Int, isFinal: Bool,
        _ handler: (Event) throws -> Void
    ) rethrows -> Bool {
        let end = base + window.count
        while true {
            if state.inLine {
                // The rest of a field, continuation or `From ` line, up to its line feed.
                let from = max(cursor, base)
                let found = from < end ? cmime_memchr(window.baseAddress! + (from - base), ASCII.lf, end - from) : -1
                let lineEnd = found >= 0 ? from + found + 1 : end
                if state.storesLine { appendFieldBytes(&state, window, base: base, from: from, to: lineEnd) }
                cursor = lineEnd
                if found < 0 && !isFinal { return false }
                state.inLine = false
                state.lineStart = lineEnd
                if state.skippingFromLine {
                    state.skippingFromLine = false
                    state.blockStart = lineEnd
                }
                continue
            }
            let position = state.lineStart
            cursor = position
            if position >= end {
                guard isFinal else { return false }
                try closeField(&state, at: position, handler)
                try finishHeader(&state, headerEnd: position, bodyStart: position, isFinal: isFinal, handler)
                return true
            }
            let byte = window[position - base]
            // The empty line that ends the header block.
            if byte == ASCII.lf {
                try closeField(&state, at: position, handler)
                try finishHeader(&state, headerEnd: position, bodyStart: position + 1, isFinal: isFinal, handler)
                return true
            }
            if byte == ASCII.cr {
                if position + 1 < end {
                    if window[position + 1 - base] == ASCII.lf {
                        try closeField(&state, at: position, handler)
                        try finishHeader(&state, headerEnd: position, bodyStart: position + 2, isFinal: isFinal, handler)
                        return true
                    }
                } else if !isFinal {
                    return false
                }
            }
            // A delimiter of an enclosing multipart ends the header block (and an empty body).
            if byte == ASCII.hyphen, !frames.isEmpty {
                let frames = self.frames
                switch BoundaryDelimiter.match(in: window, base: base, lineStart: position, isFinal: isFinal,
                    boundaryCount: frames.count, boundary: { frames[$0].boundary }) {
                case .needMoreInput:
                    return false
                case .delimiter:
                    try closeField(&state, at: position, handler)
                    if state.fields.isEmpty && state.droppedFields == 0 {
                        try handler(.diagnostic(Diagnostic(.missingHeaderSeparator, .warning, at: position,
                            "part ends inside its header block")))
                    }
                    try finishHeader(&state, headerEnd: position, bodyStart: position, isFinal: isFinal, handler)
                    return true
                case .none:
                    break
                }
            }
            if ASCII.isWhitespace(byte) {
                if state.fieldStart >= 0 || state.droppedFields > 0 || !state.fields.isEmpty {
                    // obs-FWS / folding: continues the current field.
                    state.inLine = true
                    state.storesLine = state.fieldStart >= 0
                    continue
                }
                state.sawInvalidStart = true
            } else {
                switch HeaderLine.fieldStart(in: window, base: base, at: position, isFinal: isFinal) {
                case .needMoreInput:
                    return false
                case .field(let colon, let nameEnd):
                    try closeField(&state, at: position, handler)
                    state.fieldStart = position
                    state.fieldColon = colon
                    state.fieldLength = 0
                    state.fieldBytes.removeAll(keepingCapacity: true)
                    if nameEnd != colon {
                        try handler(.diagnostic(Diagnostic(.whitespaceBeforeColon, .info, at: nameEnd..<colon,
                            "whitespace between field name and colon (obsolete syntax)")))
                    }
                    state.inLine = true
                    state.storesLine = true
                    continue
                case .notAField:
                    if position == state.start && state.skipMboxFromLine {
                        let prefix = Self.mboxFromLine
                        if position + prefix.count > end && !isFinal {
                            var available = true
                            for index in 0..<(end - position) where window[position - base + index] != prefix[index] {
                                available = false
                            }
                            if available { return false }
                        } else if position + prefix.count <= end,
                            (0..<prefix.count).allSatisfy({ window[position - base + $0] == prefix[$0] }) {
                            try handler(.diagnostic(Diagnostic(.mboxFromLine, .info, at: position,
                                "mbox \"From \" line before the header fields skipped")))
                            state.inLine = true
                            state.storesLine = false
                            state.skippingFromLine = true
                            continue
                        }
                    }
                    state.sawInvalidStart = state.fields.isEmpty && state.fieldStart < 0 && state.droppedFields == 0
                }
            }
            // Neither a field nor a continuation.
            try closeField(&state, at: position, handler)
            if state.sawInvalidStart {
                try handler(.diagnostic(Diagnostic(.missingHeaderBlock, .warning, at: state.blockStart,
                    "entity does not start with a header block; read as a body")))
                try finishHeader(&state, headerEnd: state.blockStart, bodyStart: state.blockStart, isFinal: isFinal, handler)
            } else {
                try handler(.diagnostic(Diagnostic(.missingHeaderSeparator, .error, at: position,
                    "header block does not end with an empty line")))
                try finishHeader(&state, headerEnd: position, bodyStart: position, isFinal: isFinal, handler)
            }
            return true
        }
    }

    private static let mboxFromLine: [UInt8] = Array("From ".utf8)

    private func appendFieldBytes(_ state: inout HeaderState, _ window: UnsafeRawBufferPointer, base: Int, from: Int, to: Int) {
        let count = to - from
        let room = options.maximumHeaderLineLength - state.fieldBytes.count
        if room > 0 {
            let take = min(room, count)
            state.fieldBytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: window[(from - base)..<(from - base + take)]))
        }
        state.fieldLength += count
    }

    /// Adds the current field to the block, or counts it when the block is full.
    private func closeField(_ state: inout HeaderState, at end: Int, _ handler: (Event) throws -> Void) rethrows {
        guard state.fieldStart >= 0 else { return }
        defer { state.fieldStart = -1 }
        if state.fields.count >= options.maximumHeaderFields {
            state.droppedFields += 1
            return
        }
        let bytes = state.fieldBytes
        let colon = state.fieldColon - state.fieldStart
        var valueEnd = bytes.count
        if valueEnd > colon + 1, bytes[valueEnd - 1] == ASCII.lf { valueEnd -= 1 }
        if valueEnd > colon + 1, bytes[valueEnd - 1] == ASCII.cr { valueEnd -= 1 }
        if end - state.fieldStart > options.maximumHeaderLineLength {
            // Reported like the one-shot parser; only the first bytes are kept, so that a field
            // cannot grow memory without bound.
            try handler(.diagnostic(Diagnostic(.headerLineTooLong, .error, at: state.fieldStart..<end,
                "header field of \(end - state.fieldStart) octets exceeds the limit of \(options.maximumHeaderLineLength)")))
        }
        // A name longer than the kept bytes is cut with them: the kept bytes are all there is.
        state.fields.append(HeaderField(streamed: bytes, valueRange: min(colon + 1, valueEnd)..<valueEnd,
            offset: state.fieldStart), growingAtMost: options.maximumHeaderFields)
    }

    private mutating func finishHeader(
        _ state: inout HeaderState, headerEnd: Int, bodyStart: Int, isFinal: Bool, _ handler: (Event) throws -> Void
    ) rethrows {
        if !lineEndingKnown && !isFinal {
            cursor = bodyStart
            mode = .awaitingLineEnding(state, headerEnd: headerEnd, bodyStart: bodyStart)
            return
        }
        if state.droppedFields > 0 {
            try handler(.diagnostic(Diagnostic(.tooManyHeaderFields, .error, at: state.blockStart..<headerEnd,
                "\(state.fields.count + state.droppedFields) header fields exceed the limit of \(options.maximumHeaderFields); the rest are not indexed")))
        }
        let fields = HeaderFields(state.fields, lineEnding: lineEnding)
        let media = MediaType(headers: fields, default: state.defaultType)
        let header = HeaderBlock(start: state.blockStart, end: headerEnd, bodyStart: bodyStart, media: media, depth: state.depth)
        cursor = bodyStart
        try dispatch(header, fields, handler)
    }

    // MARK: Entities

    /// Decides what the entity's body is, as the one-shot parser does after a header block.
    private mutating func dispatch(_ header: HeaderBlock, _ fields: HeaderFields, _ handler: (Event) throws -> Void) rethrows {
        partCount += 1
        let media = header.media
        if media.isMultipart, let boundary = media.boundary, header.depth < options.effectiveNestingDepth {
            frames.append(Frame(header: header, depth: header.depth,
                kind: .multipart(boundary: boundary, partCount: 0, preamble: nil)))
            try handler(.partStart(PartStart(headers: fields, headerOffset: header.start, headerEndOffset: header.end,
                bodyOffset: header.bodyStart, depth: header.depth, kind: .multipart)))
            search(from: header.bodyStart, region: .preamble, then: .firstDelimiter(header))
        } else if media.isMessage, !media.isEncodedMessage, header.depth < options.effectiveNestingDepth {
            mode = .awaitingBody(header, fields)
        } else {
            try startLeaf(header, fields, handler)
        }
    }

    private mutating func startMessage(_ header: HeaderBlock, _ fields: HeaderFields, _ handler: (Event) throws -> Void) rethrows {
        frames.append(Frame(header: header, depth: header.depth, kind: .message))
        try handler(.partStart(PartStart(headers: fields, headerOffset: header.start, headerEndOffset: header.end,
            bodyOffset: header.bodyStart, depth: header.depth, kind: .message)))
        beginEntity(at: header.bodyStart, depth: header.depth + 1, defaultType: .textPlain)
    }

    private mutating func startLeaf(_ header: HeaderBlock, _ fields: HeaderFields, _ handler: (Event) throws -> Void) rethrows {
        let media = header.media
        if (media.isMultipart || media.isMessage) && header.depth >= options.effectiveNestingDepth {
            try handler(.diagnostic(Diagnostic(.nestingTooDeep, .error, at: header.start,
                "nesting deeper than \(options.effectiveNestingDepth) levels; the body is kept unparsed")))
        } else if media.isMultipart {
            try handler(.diagnostic(Diagnostic(.missingBoundaryParameter, .error, at: header.start,
                "multipart content type without a boundary parameter")))
        } else if media.isEncodedMessage {
            try handler(.diagnostic(Diagnostic(.encodedMessagePart, .warning, at: header.start,
                "message part with a base64 or quoted-printable body (RFC 2046 section 5.2.1); kept as a leaf")))
        }
        try handler(.partStart(PartStart(headers: fields, headerOffset: header.start, headerEndOffset: header.end,
            bodyOffset: header.bodyStart, depth: header.depth, kind: .leaf)))
        if decodesBodies { decoder = Self.decoder(for: fields) }
        search(from: header.bodyStart, region: .content, then: .leafEnd(header))
    }

    private static func decoder(for fields: HeaderFields) -> BodyDecoder {
        guard let field = fields.first(named: "Content-Transfer-Encoding") else { return .identity }
        var ignored: [Diagnostic] = []
        switch ContentTransferEncoding.parse(field.rawValue, diagnostics: &ignored) {
        case .base64?: return .base64(Base64Decoder())
        case .quotedPrintable?: return .quotedPrintable(QuotedPrintableDecoder())
        default: return .identity
        }
    }

    private mutating func beginEntity(at position: Int, depth: Int, defaultType: MediaType) {
        cursor = position
        mode = .header(HeaderState(start: position, depth: depth, defaultType: defaultType, skipMboxFromLine: false))
    }

    private mutating func search(from start: Int, region: BodyRegion, then continuation: Continuation) {
        cursor = start
        mode = .body(Search(regionStart: start, searchFrom: start, emitted: start, region: region, continuation: continuation))
    }

    // MARK: Body

    /// Scans a body region for the next delimiter of any open multipart (the one-shot parser's
    /// `findDelimiter(from:)`), handing on the bytes before it. Returns whether it made progress.
    private mutating func scanBody(
        _ search: inout Search, _ array: [UInt8], _ window: UnsafeRawBufferPointer, base: Int, isFinal: Bool,
        _ handler: (Event) throws -> Void
    ) rethrows -> Bool {
        let end = base + window.count
        let frames = self.frames
        func match(_ lineStart: Int) -> BoundaryDelimiter.Match {
            BoundaryDelimiter.match(in: window, base: base, lineStart: lineStart, isFinal: isFinal,
                boundaryCount: frames.count, boundary: { frames[$0].boundary })
        }
        if frames.isEmpty {
            // Nothing can end the region but the end of the input.
            try emit(&search, array, base: base, upTo: end, handler)
            cursor = end
            guard isFinal else { return false }
            try resolve(search.continuation, nil, handler)
            return true
        }
        if !search.checkedStart {
            let start = search.regionStart
            if start >= end {
                guard isFinal else { return false }
                try resolve(search.continuation, nil, handler)
                return true
            }
            if window[start - base] == ASCII.hyphen {
                switch match(start) {
                case .needMoreInput:
                    cursor = start
                    return false
                case .delimiter(var delimiter):
                    // The line break before it belongs to whatever came before `start`.
                    delimiter.contentEnd = start
                    cursor = delimiter.nextLineStart
                    try resolve(search.continuation, delimiter, handler)
                    return true
                case .none:
                    break
                }
            }
            search.checkedStart = true
        }
        while true {
            let from = search.searchFrom
            let candidate = from < end ? BoundaryDelimiter.nextCandidate(
                in: window.baseAddress!.assumingMemoryBound(to: UInt8.self), from: from - base, end: end - base) : -1
            let found = candidate < 0 ? -1 : candidate + base - from
            if found < 0 {
                if isFinal {
                    try emit(&search, array, base: base, upTo: end, handler)
                    cursor = end
                    try resolve(search.continuation, nil, handler)
                    return true
                }
                // Keep the bytes that could begin a delimiter's line break and dashes.
                try emit(&search, array, base: base, upTo: max(search.emitted, end - 3), handler)
                search.searchFrom = max(search.searchFrom, end - 2)
                cursor = search.emitted
                return false
            }
            let lf = from + found
            let dash = lf + 1
            var contentEnd = lf
            // A byte before the window was handed on already, so it is no CR of this line break.
            if contentEnd > search.regionStart, contentEnd - 1 >= base, window[contentEnd - 1 - base] == ASCII.cr {
                contentEnd -= 1
            }
            try emit(&search, array, base: base, upTo: max(contentEnd, search.regionStart), handler)
            switch match(dash) {
            case .needMoreInput:
                search.searchFrom = lf
                cursor = search.emitted
                return false
            case .delimiter(var delimiter):
                delimiter.contentEnd = max(delimiter.contentEnd, search.regionStart)
                cursor = delimiter.nextLineStart
                try resolve(search.continuation, delimiter, handler)
                return true
            case .none:
                search.searchFrom = dash
            }
        }
    }

    private mutating func emit(
        _ search: inout Search, _ array: [UInt8], base: Int, upTo end: Int, _ handler: (Event) throws -> Void
    ) rethrows {
        guard end > search.emitted else { return }
        let bytes = array[(search.emitted - base)..<(end - base)]
        let offset = search.emitted
        search.emitted = end
        try handler(.body(BodyChunk(bytes: bytes, offset: offset, region: search.region)))
        if decodesBodies, search.region == .content { try decode(bytes, handler) }
    }

    private mutating func decode(_ bytes: ArraySlice<UInt8>, _ handler: (Event) throws -> Void) rethrows {
        switch decoder {
        case .identity:
            try handler(.decodedBody(bytes))
            return
        case .base64(var base64):
            decoder = .identity
            decoded.removeAll(keepingCapacity: true)
            base64.decode(bytes, into: &decoded)
            decoder = .base64(base64)
        case .quotedPrintable(var quotedPrintable):
            decoder = .identity
            decoded.removeAll(keepingCapacity: true)
            quotedPrintable.decode(bytes, into: &decoded)
            decoder = .quotedPrintable(quotedPrintable)
        }
        if !decoded.isEmpty { try handler(.decodedBody(decoded[...])) }
    }

    /// Ends the decoding of a leaf whose body starts at `bodyOffset`.
    private mutating func finishDecoding(bodyOffset: Int, _ handler: (Event) throws -> Void) rethrows {
        guard decodesBodies else { return }
        var diagnostics: [Diagnostic] = []
        decoded.removeAll(keepingCapacity: true)
        switch decoder {
        case .identity:
            break
        case .base64(var base64):
            base64.finish(into: &decoded)
            diagnostics = base64.takeDiagnostics()
        case .quotedPrintable(var quotedPrintable):
            quotedPrintable.finish(into: &decoded)
            diagnostics = quotedPrintable.takeDiagnostics()
        }
        decoder = .identity
        if !decoded.isEmpty { try handler(.decodedBody(decoded[...])) }
        for diagnostic in diagnostics { try handler(.diagnostic(diagnostic.shifted(by: bodyOffset))) }
    }

    // MARK: Structure

    /// The one-shot parser's steps after each delimiter search, given what the search found.
    private mutating func resolve(
        _ continuation: Continuation, _ found: BoundaryDelimiter?, _ handler: (Event) throws -> Void
    ) rethrows {
        let end = bytesFedOrEnd
        switch continuation {
        case .firstDelimiter(let header):
            if let first = found, first.frameIndex == frames.count - 1, !first.isClose {
                setPreamble(header.bodyStart..<first.contentEnd)
                if partCount >= options.maximumParts {
                    try handler(.diagnostic(Diagnostic(.tooManyParts, .error, at: first.lineStart,
                        "more than \(options.maximumParts) parts; the rest is kept unparsed")))
                    try skipMultipart(after: first, handler)
                } else {
                    beginEntity(at: first.nextLineStart, depth: header.depth + 1, defaultType: header.media.childDefault)
                }
                return
            }
            // No opening delimiter: the whole body is preamble-like text (or the close
            // delimiter came first).
            guard case .multipart(let boundary, _, _) = frames.removeLast().kind else { return }
            try handler(.diagnostic(Diagnostic(.boundaryNotFound, .error, at: header.bodyStart,
                "multipart body has no delimiter line for its boundary")))
            if let first = found, first.frameIndex == frames.count, first.isClose {
                // `--boundary--` without any part: the rest up to the enclosing delimiter.
                search(from: first.nextLineStart, region: .epilogue,
                    then: .emptyMultipartEnd(header, boundary: boundary,
                        preamble: header.bodyStart..<max(header.bodyStart, first.contentEnd), first: first))
                return
            }
            let partEnd = found?.contentEnd ?? end
            let layout = StreamingParser.MultipartLayout(boundary: boundary, partCount: 0,
                preambleRange: header.bodyStart..<max(header.bodyStart, partEnd), epilogueRange: nil, isClosed: false)
            try complete(header, .multipart, end: partEnd, layout: layout, terminator: found, handler)
        case .emptyMultipartEnd(let header, let boundary, let preamble, let first):
            let partEnd = found?.contentEnd ?? end
            let layout = StreamingParser.MultipartLayout(boundary: boundary, partCount: 0, preambleRange: preamble,
                epilogueRange: first.nextLineStart..<max(first.nextLineStart, partEnd), isClosed: true)
            try complete(header, .multipart, end: partEnd, layout: layout, terminator: found, handler)
        case .leafEnd(let header):
            try finishDecoding(bodyOffset: header.bodyStart, handler)
            try complete(header, .leaf, end: found?.contentEnd ?? end, layout: nil, terminator: found, handler)
        case .epilogueEnd(let frame, let close):
            let partEnd = max(found?.contentEnd ?? end, close.nextLineStart)
            try completeMultipart(frame, end: partEnd, epilogue: close.nextLineStart..<partEnd, isClosed: true,
                terminator: found, handler)
        case .skipping:
            guard let next = found else {
                let frame = frames.removeLast()
                try completeMultipart(frame, end: end, epilogue: nil, isClosed: false, terminator: nil, handler)
                return
            }
            try skipMultipart(after: next, handler)
        case .skippedEpilogueEnd(let frame, let close):
            let partEnd = max(found?.contentEnd ?? end, close.nextLineStart)
            try completeMultipart(frame, end: partEnd, epilogue: close.nextLineStart..<partEnd, isClosed: true,
                terminator: found, handler)
        }
    }

    /// The end of the input, once `finish` has been called (the only time a search ends without
    /// a delimiter).
    private var bytesFedOrEnd: Int { bytesFed }

    private mutating func setPreamble(_ range: Range<Int>) {
        guard var frame = frames.popLast(), case .multipart(let boundary, let count, _) = frame.kind else { return }
        frame.kind = .multipart(boundary: boundary, partCount: count, preamble: range.isEmpty ? nil : range)
        frames.append(frame)
    }

    /// After the part limit: walks past the innermost multipart's own delimiters, keeping its
    /// parts unparsed, until its close delimiter or a parent's delimiter.
    private mutating func skipMultipart(after delimiter: BoundaryDelimiter, _ handler: (Event) throws -> Void) rethrows {
        let ownIndex = frames.count - 1
        if delimiter.frameIndex == ownIndex && !delimiter.isClose {
            search(from: delimiter.nextLineStart, region: .unparsed, then: .skipping)
            return
        }
        let frame = frames.removeLast()
        if delimiter.frameIndex == ownIndex && delimiter.isClose {
            search(from: delimiter.nextLineStart, region: .epilogue, then: .skippedEpilogueEnd(frame, close: delimiter))
            return
        }
        try completeMultipart(frame, end: delimiter.contentEnd, epilogue: nil, isClosed: false, terminator: delimiter, handler)
    }

    private mutating func completeMultipart(
        _ frame: Frame, end: Int, epilogue: Range<Int>?, isClosed: Bool, terminator: BoundaryDelimiter?,
        _ handler: (Event) throws -> Void
    ) rethrows {
        guard case .multipart(let boundary, let count, let preamble) = frame.kind else { return }
        let layout = StreamingParser.MultipartLayout(boundary: boundary, partCount: count, preambleRange: preamble,
            epilogueRange: epilogue, isClosed: isClosed)
        try complete(frame.header, .multipart, end: end, layout: layout, terminator: terminator, handler)
    }

    /// Reports the end of an entity and attaches it to its parents, closing them as far as
    /// `terminator` says (the one-shot parser's loop over its frame stack).
    private mutating func complete(
        _ header: HeaderBlock, _ kind: PartKind, end: Int, layout: MultipartLayout?, terminator: BoundaryDelimiter?,
        _ handler: (Event) throws -> Void
    ) rethrows {
        var completedEnd = max(end, header.bodyStart)
        try handler(.partEnd(PartEnd(kind: kind, depth: header.depth, headerOffset: header.start,
            endOffset: completedEnd, multipart: layout)))
        while true {
            guard var frame = frames.popLast() else {
                mode = .done
                return
            }
            switch frame.kind {
            case .message:
                completedEnd = max(completedEnd, frame.header.bodyStart)
                try handler(.partEnd(PartEnd(kind: .message, depth: frame.depth, headerOffset: frame.header.start,
                    endOffset: completedEnd, multipart: nil)))
                continue
            case .multipart(let boundary, let count, let preamble):
                frame.kind = .multipart(boundary: boundary, partCount: count + 1, preamble: preamble)
                let ownIndex = frames.count
                if let delimiter = terminator, delimiter.frameIndex == ownIndex, !delimiter.isClose {
                    frames.append(frame)
                    if partCount >= options.maximumParts {
                        try handler(.diagnostic(Diagnostic(.tooManyParts, .error, at: delimiter.lineStart,
                            "more than \(options.maximumParts) parts; the rest is kept unparsed")))
                        try skipMultipart(after: delimiter, handler)
                        return
                    }
                    beginEntity(at: delimiter.nextLineStart, depth: frame.depth + 1, defaultType: frame.header.media.childDefault)
                    return
                }
                if let delimiter = terminator, delimiter.frameIndex == ownIndex {
                    search(from: delimiter.nextLineStart, region: .epilogue, then: .epilogueEnd(frame, close: delimiter))
                    return
                }
                let partEnd = terminator?.contentEnd ?? bytesFedOrEnd
                try handler(.diagnostic(Diagnostic(.missingClosingBoundary, .error, at: partEnd,
                    terminator == nil
                        ? "multipart is not closed before the end of the message"
                        : "multipart is closed by an enclosing multipart's boundary")))
                completedEnd = max(partEnd, frame.header.bodyStart)
                let layout = StreamingParser.MultipartLayout(boundary: boundary, partCount: count + 1,
                    preambleRange: preamble, epilogueRange: nil, isClosed: false)
                try handler(.partEnd(PartEnd(kind: .multipart, depth: frame.depth, headerOffset: frame.header.start,
                    endOffset: completedEnd, multipart: layout)))
                continue
            }
        }
    }
}
