internal import CMIMEScan

/// The one-shot parser: reads a whole message held in memory into a tree of ``MIMEPart``s.
///
/// It makes a single forward pass over the bytes. Multipart nesting is tracked with an explicit
/// stack of open entities, not recursion, so no input can exhaust the call stack, and every
/// candidate delimiter line is checked against all open boundaries at once, so that nested
/// multiparts cost no second scan (RFC 2046 section 5.1.1: a delimiter of an enclosing multipart
/// also ends the inner ones).
struct MessageParser {
    let source: [UInt8]
    let options: ParserOptions
    private var partCount = 0
    private var frames: [Frame] = []
    /// One diagnostics list per message being built; the last one is the innermost message.
    private var diagnosticStack: [BoundedDiagnostics]
    private var lineEnding: [UInt8] = [ASCII.cr, ASCII.lf]

    init(source: [UInt8], options: ParserOptions) {
        self.source = source
        self.options = options
        self.diagnosticStack = [BoundedDiagnostics(limit: options.maximumDiagnosticsPerCode)]
    }

    private var depthLimit: Int { options.effectiveNestingDepth }

    /// An entity whose body is still being read: a multipart (with its boundary) or an
    /// encapsulated message.
    private struct Frame {
        var header: HeaderBlock
        var depth: Int
        /// The multipart's boundary; `nil` for an encapsulated message.
        var boundary: [UInt8]?
        /// The multipart's parts read so far. A field of its own, not an enum payload, so that
        /// appending changes it in place.
        var parts = MIMEPart.Parts()
        var preamble: Range<Int>? = nil
    }

    /// A parsed header block and what it says about the body.
    private struct HeaderBlock {
        var fields: HeaderFields
        var start: Int
        var end: Int
        var bodyStart: Int
        var media: MediaType
        var defaultsToMessage: Bool
    }

    typealias Delimiter = BoundaryDelimiter

    mutating func parse() -> Message {
        detectLineEnding()
        var position = 0
        var depth = 0
        var defaultType = MediaType.textPlain
        var skipMboxLine = true
        while true {
            // Start an entity at `position`.
            let header = parseHeaderBlock(at: position, skipMboxFromLine: skipMboxLine, defaultType: defaultType)
            skipMboxLine = false
            partCount += 1
            var completed: MIMEPart
            var terminator: Delimiter?
            let media = header.media

            if media.isMultipart, let boundary = media.boundary, depth < depthLimit {
                frames.append(Frame(header: header, depth: depth, boundary: boundary))
                let first = findDelimiter(from: header.bodyStart)
                if let first, first.frameIndex == frames.count - 1, !first.isClose {
                    setPreamble(header.bodyStart..<first.contentEnd)
                    if partCount >= options.maximumParts {
                        report(.tooManyParts, .error, at: first.lineStart,
                            "more than \(options.maximumParts) parts; the rest is kept unparsed")
                        (completed, terminator) = finishSkippedMultipart(after: first)
                    } else {
                        position = first.nextLineStart
                        depth += 1
                        defaultType = media.childDefault
                        continue
                    }
                } else {
                    // No opening delimiter: the whole body is preamble-like text (or the close
                    // delimiter came first).
                    frames.removeLast()
                    report(.boundaryNotFound, .error, at: header.bodyStart,
                        "multipart body has no delimiter line for its boundary")
                    var end = source.count
                    var epilogue: Range<Int>? = nil
                    var closed = false
                    if let first, first.frameIndex == frames.count, first.isClose {
                        // `--boundary--` without any part: skip to the enclosing delimiter.
                        closed = true
                        let next = findDelimiter(from: first.nextLineStart)
                        end = next?.contentEnd ?? source.count
                        epilogue = first.nextLineStart..<max(first.nextLineStart, end)
                        terminator = next
                    } else {
                        end = first?.contentEnd ?? source.count
                        terminator = first
                    }
                    let multipart = MIMEPart.Multipart(boundary: boundary, parts: [],
                        preambleRange: header.bodyStart..<max(header.bodyStart, closed ? first!.contentEnd : end),
                        epilogueRange: epilogue, isClosed: closed)
                    completed = makePart(header, .multipart(multipart), end: end)
                }
            } else if media.isMessage, !media.isEncodedMessage, depth < depthLimit, header.bodyStart < source.count {
                frames.append(Frame(header: header, depth: depth, boundary: nil))
                diagnosticStack.append(BoundedDiagnostics(limit: options.maximumDiagnosticsPerCode))
                position = header.bodyStart
                depth += 1
                defaultType = .textPlain
                continue
            } else {
                if (media.isMultipart || media.isMessage) && depth >= depthLimit {
                    report(.nestingTooDeep, .error, at: header.start,
                        "nesting deeper than \(depthLimit) levels; the body is kept unparsed")
                } else if media.isMultipart {
                    report(.missingBoundaryParameter, .error, at: header.start,
                        "multipart content type without a boundary parameter")
                } else if media.isEncodedMessage {
                    report(.encodedMessagePart, .warning, at: header.start,
                        "message part with a base64 or quoted-printable body (RFC 2046 section 5.2.1); kept as a leaf")
                }
                terminator = frames.isEmpty ? nil : findDelimiter(from: header.bodyStart)
                completed = makePart(header, .leaf, end: terminator?.contentEnd ?? source.count)
            }

            // Attach the completed entity to its parents, closing them as far as `terminator` says.
            while true {
                guard let top = frames.indices.last else {
                    return Message(root: completed, diagnostics: diagnosticStack.removeLast().diagnostics)
                }
                guard let boundary = frames[top].boundary else {
                    let frame = frames.removeLast()
                    let nested = Message(root: completed, diagnostics: diagnosticStack.removeLast().diagnostics)
                    completed = makePart(frame.header, .message(nested), end: completed.endOffset)
                    continue
                }
                // In place: a frame moved off the stack and back costs a copy of it per part.
                frames[top].parts.append(completed, growingAtMost: options.maximumParts)
                let ownIndex = top
                if let delimiter = terminator, delimiter.frameIndex == ownIndex, !delimiter.isClose {
                    if partCount >= options.maximumParts {
                        report(.tooManyParts, .error, at: delimiter.lineStart,
                            "more than \(options.maximumParts) parts; the rest is kept unparsed")
                        (completed, terminator) = finishSkippedMultipart(after: delimiter)
                        continue
                    }
                    position = delimiter.nextLineStart
                    depth = frames[top].depth + 1
                    defaultType = frames[top].header.media.childDefault
                    break
                }
                let frame = frames.removeLast()
                var epilogue: Range<Int>? = nil
                var end: Int
                let closed: Bool
                if let delimiter = terminator, delimiter.frameIndex == ownIndex {
                    closed = true
                    let next = findDelimiter(from: delimiter.nextLineStart)
                    end = next?.contentEnd ?? source.count
                    end = max(end, delimiter.nextLineStart)
                    epilogue = delimiter.nextLineStart..<end
                    terminator = next
                } else {
                    closed = false
                    end = terminator?.contentEnd ?? source.count
                    report(.missingClosingBoundary, .error, at: end,
                        terminator == nil
                            ? "multipart is not closed before the end of the message"
                            : "multipart is closed by an enclosing multipart's boundary")
                }
                let multipart = MIMEPart.Multipart(boundary: boundary, parts: frame.parts,
                    preambleRange: frame.preamble, epilogueRange: epilogue, isClosed: closed)
                completed = makePart(frame.header, .multipart(multipart), end: end)
            }
        }
    }

    /// After the part limit: skips the rest of the innermost multipart, keeping it as unparsed
    /// bytes between its last part and its end, and completes it.
    private mutating func finishSkippedMultipart(after delimiter: Delimiter) -> (MIMEPart, Delimiter?) {
        let ownIndex = frames.count - 1
        var next: Delimiter? = delimiter
        // Walk past this multipart's own open delimiters, its frame still on the stack; nested
        // ones are not tracked any more.
        while let found = next, found.frameIndex == ownIndex && !found.isClose {
            next = findDelimiter(from: found.nextLineStart)
        }
        let frame = frames.removeLast()
        guard let boundary = frame.boundary else { preconditionFailure("only multipart frames are skipped") }
        // Ends at the message's end, at its own close delimiter (then followed by an epilogue up
        // to the enclosing delimiter), or where an enclosing multipart's delimiter cuts it off.
        var end = next?.contentEnd ?? source.count
        var epilogue: Range<Int>? = nil
        var terminator = next
        if let close = next, close.frameIndex == ownIndex && close.isClose {
            terminator = findDelimiter(from: close.nextLineStart)
            end = max(terminator?.contentEnd ?? source.count, close.nextLineStart)
            epilogue = close.nextLineStart..<end
        }
        let multipart = MIMEPart.Multipart(boundary: boundary, parts: frame.parts, preambleRange: frame.preamble,
            epilogueRange: epilogue, isClosed: epilogue != nil)
        return (makePart(frame.header, .multipart(multipart), end: end), terminator)
    }

    private mutating func setPreamble(_ range: Range<Int>) {
        frames[frames.count - 1].preamble = range.isEmpty ? nil : range
    }

    private func makePart(_ header: HeaderBlock, _ content: MIMEPart.Content, end: Int) -> MIMEPart {
        MIMEPart(headers: header.fields, content: content, headerOffset: header.start, headerEndOffset: header.end,
            bodyOffset: min(header.bodyStart, max(end, header.bodyStart)), endOffset: max(end, header.bodyStart),
            source: source, defaultsToMessage: header.defaultsToMessage)
    }

    private mutating func report(_ code: Diagnostic.Code, _ severity: Diagnostic.Severity, at offset: Int, _ message: String) {
        diagnosticStack[diagnosticStack.count - 1].append(Diagnostic(code, severity, at: offset, message))
    }

    private mutating func report(_ code: Diagnostic.Code, _ severity: Diagnostic.Severity, at range: Range<Int>, _ message: String) {
        diagnosticStack[diagnosticStack.count - 1].append(Diagnostic(code, severity, at: range, message))
    }

    /// New fields follow the message's own line ending: the one its first line uses.
    private mutating func detectLineEnding() {
        source.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let lf = cmime_memchr(base, ASCII.lf, min(buffer.count, 1 << 16))
            if lf > 0, buffer[lf - 1] != ASCII.cr { lineEnding = [ASCII.lf] }
        }
    }

    // MARK: Header block

    /// `fields = *(...)` followed by an empty line (RFC 5322 section 3.5, RFC 2045 section 3).
    ///
    /// Lenient where mail is broken: a first line that is not a field makes the whole entity a
    /// body without headers; a later line that is neither a field nor a continuation ends the
    /// header block as if the empty line were missing; an mbox `From ` line at the very start is
    /// skipped. Each is reported.
    private mutating func parseHeaderBlock(at start: Int, skipMboxFromLine: Bool, defaultType: MediaType) -> HeaderBlock {
        var fields: [HeaderField] = []
        var position = start
        var fieldStart = -1
        var fieldColon = 0
        var droppedFields = 0
        var headerEnd = start
        var bodyStart = start
        var sawInvalidStart = false
        // An mbox `From ` line is not part of the entity: it starts after it.
        var blockStart = start

        func lineEnd(from index: Int) -> (contentEnd: Int, next: Int) {
            let next = source.withUnsafeBufferPointer { buffer -> Int in
                let found = cmime_memchr(buffer.baseAddress! + index, ASCII.lf, buffer.count - index)
                return found < 0 ? buffer.count : index + found + 1
            }
            var contentEnd = next
            if contentEnd > index, source[contentEnd - 1] == ASCII.lf { contentEnd -= 1 }
            if contentEnd > index, source[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            return (contentEnd, next)
        }

        func closeField(at end: Int, into fields: inout [HeaderField], parser: inout MessageParser) {
            guard fieldStart >= 0 else { return }
            defer { fieldStart = -1 }
            if fields.count >= parser.options.maximumHeaderFields {
                droppedFields += 1
                return
            }
            // The value of an overlong field is cut for decoding and for the structure it
            // implies (ParserOptions.maximumHeaderLineLength), exactly where the streaming
            // parser cuts it, so that both parsers read the same Content-Type; the raw bytes
            // stay whole for serialization.
            var valueEnd = min(end, fieldStart + parser.options.maximumHeaderLineLength)
            if valueEnd > fieldColon + 1, parser.source[valueEnd - 1] == ASCII.lf { valueEnd -= 1 }
            if valueEnd > fieldColon + 1, parser.source[valueEnd - 1] == ASCII.cr { valueEnd -= 1 }
            let raw = parser.source[fieldStart..<end]
            if end - fieldStart > parser.options.maximumHeaderLineLength {
                parser.report(.headerLineTooLong, .error, at: fieldStart..<end,
                    "header field of \(end - fieldStart) octets exceeds the limit of \(parser.options.maximumHeaderLineLength)")
            }
            fields.append(HeaderField(parsed: raw, in: parser.source, valueRange: min(fieldColon + 1, valueEnd)..<valueEnd),
                growingAtMost: parser.options.maximumHeaderFields)
        }

        while true {
            if position >= source.count {
                closeField(at: position, into: &fields, parser: &self)
                headerEnd = position
                bodyStart = position
                break
            }
            let byte = source[position]
            // The empty line that ends the header block.
            if byte == ASCII.lf || (byte == ASCII.cr && position + 1 < source.count && source[position + 1] == ASCII.lf) {
                closeField(at: position, into: &fields, parser: &self)
                headerEnd = position
                bodyStart = position + (byte == ASCII.lf ? 1 : 2)
                break
            }
            // A delimiter of an enclosing multipart ends the header block (and an empty body).
            if byte == ASCII.hyphen, !frames.isEmpty, let _ = matchDelimiter(at: position) {
                closeField(at: position, into: &fields, parser: &self)
                if fields.isEmpty && droppedFields == 0 {
                    report(.missingHeaderSeparator, .warning, at: position, "part ends inside its header block")
                }
                headerEnd = position
                bodyStart = position
                break
            }
            let (_, next) = lineEnd(from: position)
            if ASCII.isWhitespace(byte) {
                if fieldStart >= 0 || droppedFields > 0 || !fields.isEmpty {
                    // obs-FWS / folding: continues the current field.
                    position = next
                    continue
                }
                sawInvalidStart = true
            } else if let colon = fieldColonPosition(at: position) {
                closeField(at: position, into: &fields, parser: &self)
                fieldStart = position
                fieldColon = colon
                var nameEnd = colon
                while nameEnd > position, ASCII.isWhitespace(source[nameEnd - 1]) { nameEnd -= 1 }
                if nameEnd != colon {
                    report(.whitespaceBeforeColon, .info, at: nameEnd..<colon, "whitespace between field name and colon (obsolete syntax)")
                }
                position = next
                continue
            } else if position == start && skipMboxFromLine && source[position...].starts(with: Self.mboxFromLine) {
                report(.mboxFromLine, .info, at: position, "mbox \"From \" line before the header fields skipped")
                position = next
                blockStart = next
                continue
            } else {
                sawInvalidStart = fields.isEmpty && fieldStart < 0 && droppedFields == 0
            }
            // Neither a field nor a continuation.
            closeField(at: position, into: &fields, parser: &self)
            if sawInvalidStart {
                report(.missingHeaderBlock, .warning, at: blockStart, "entity does not start with a header block; read as a body")
                headerEnd = blockStart
                bodyStart = blockStart
            } else {
                report(.missingHeaderSeparator, .error, at: position, "header block does not end with an empty line")
                headerEnd = position
                bodyStart = position
            }
            break
        }
        if droppedFields > 0 {
            report(.tooManyHeaderFields, .error, at: blockStart..<headerEnd,
                "\(fields.count + droppedFields) header fields exceed the limit of \(options.maximumHeaderFields); the rest are not indexed")
        }
        let headerFields = HeaderFields(fields, lineEnding: lineEnding)
        let media = MediaType(headers: headerFields, default: defaultType)
        return HeaderBlock(fields: headerFields, start: blockStart, end: headerEnd, bodyStart: bodyStart, media: media,
            defaultsToMessage: defaultType.isMessage)
    }

    private static let mboxFromLine: [UInt8] = Array("From ".utf8)

    /// `field-name ":"` with the obsolete whitespace before the colon (RFC 5322 section 4.5).
    /// Returns the colon's position.
    private func fieldColonPosition(at start: Int) -> Int? {
        let found = source.withUnsafeBytes { buffer in
            HeaderLine.fieldStart(in: buffer, base: 0, at: start, isFinal: true)
        }
        if case .field(let colon, _) = found { return colon }
        return nil
    }

    // MARK: Boundary delimiters

    /// Finds the next delimiter line of any open multipart at or after `start`, which must be the
    /// start of a line (RFC 2046 section 5.1.1: `delimiter := CRLF dash-boundary`).
    func findDelimiter(from start: Int) -> Delimiter? {
        guard !frames.isEmpty, start < source.count else { return nil }
        if source[start] == ASCII.hyphen, var match = matchDelimiter(at: start) {
            // The line break before it belongs to whatever came before `start`.
            match.contentEnd = start
            return match
        }
        return source.withUnsafeBufferPointer { buffer -> Delimiter? in
            let base = buffer.baseAddress!
            var from = start
            while from < buffer.count {
                let lf = BoundaryDelimiter.nextCandidate(in: base, from: from, end: buffer.count)
                if lf < 0 { return nil }
                let dash = lf + 1
                if var match = matchDelimiter(at: dash) {
                    match.contentEnd = max(match.contentEnd, start)
                    return match
                }
                from = dash
            }
            return nil
        }
    }

    /// Checks whether the line at `lineStart` is a delimiter of one of the open multiparts,
    /// innermost first (see ``BoundaryDelimiter/match(in:base:lineStart:isFinal:boundaryCount:boundary:)``).
    func matchDelimiter(at lineStart: Int) -> Delimiter? {
        let frames = self.frames
        let match = source.withUnsafeBytes { buffer in
            BoundaryDelimiter.match(in: buffer, base: 0, lineStart: lineStart, isFinal: true,
                boundaryCount: frames.count, boundary: { frames[$0].boundary })
        }
        if case .delimiter(let delimiter) = match { return delimiter }
        return nil
    }
}

extension Diagnostic.Code {
    /// A multipart's body ends without its close delimiter (RFC 2046 section 5.1.1).
    public static let missingClosingBoundary = Diagnostic.Code("missing-closing-boundary")
    /// A multipart's body has no delimiter line for its boundary (RFC 2046 section 5.1.1).
    public static let boundaryNotFound = Diagnostic.Code("boundary-not-found")
    /// A `multipart/*` content type has no `boundary` parameter (RFC 2046 section 5.1.1).
    public static let missingBoundaryParameter = Diagnostic.Code("missing-boundary-parameter")
    /// The header block ended without the empty line (RFC 5322 section 2.1).
    public static let missingHeaderSeparator = Diagnostic.Code("missing-header-separator")
    /// The input does not start with a header field; it was read as a body.
    public static let missingHeaderBlock = Diagnostic.Code("missing-header-block")
    /// An mbox `From ` separator line preceded the header fields.
    public static let mboxFromLine = Diagnostic.Code("mbox-from-line")
    /// Whitespace between a field name and its colon (RFC 5322 section 4.5, obsolete).
    public static let whitespaceBeforeColon = Diagnostic.Code("whitespace-before-colon")
    /// A header field is longer than ``ParserOptions/maximumHeaderLineLength``.
    public static let headerLineTooLong = Diagnostic.Code("header-line-too-long")
    /// A header block has more fields than ``ParserOptions/maximumHeaderFields``.
    public static let tooManyHeaderFields = Diagnostic.Code("too-many-header-fields")
    /// Entities nest deeper than ``ParserOptions/maximumNestingDepth``.
    public static let nestingTooDeep = Diagnostic.Code("nesting-too-deep")
    /// A `message/rfc822` or `message/global` part has a base64 or quoted-printable body, which
    /// RFC 2046 section 5.2.1 forbids; it is kept as a leaf.
    public static let encodedMessagePart = Diagnostic.Code("encoded-message-part")
    /// A message has more parts than ``ParserOptions/maximumParts``.
    public static let tooManyParts = Diagnostic.Code("too-many-parts")
}
