import MIMECodecs
import MIMECore

/// The structure of a parsed message in a form both parsers produce: the one-shot tree walked
/// depth first, or the streaming parser's events collected. Two parses of the same bytes must
/// give equal outlines.
struct MessageOutline: Equatable {
    struct Part: Equatable {
        var depth: Int
        var kind: StreamingParser.PartKind
        var offsets: [Int]
        var fields: [[UInt8]]
        var fieldOffsets: [Int?]
        var lineEnding: [UInt8]
        var layout: StreamingParser.MultipartLayout?
        /// The raw content of a leaf.
        var content: [UInt8]
        /// The transfer-decoded content of a leaf, when it was asked for.
        var decoded: [UInt8]
    }

    var parts: [Part] = []
    /// One list per message: the top-level message, then nested ones in order of their start.
    var diagnostics: [[Diagnostic]] = [[]]

    /// The outline of a one-shot parse; `decoding` adds each leaf's decoded body.
    ///
    /// Fields are cut to `options.maximumHeaderLineLength` octets, as the streaming parser keeps
    /// them (it cannot buffer an unbounded line); the one-shot tree keeps them whole.
    init(message: Message, options: ParserOptions, decoding: Bool) {
        var nested: [Message] = []
        var stack: [(MIMEPart, Int)] = [(message.root, 0)]
        while let (part, depth) = stack.popLast() {
            var outline = Part(depth: depth, kind: .leaf,
                offsets: [part.headerOffset, part.headerEndOffset, part.bodyOffset, part.endOffset],
                fields: part.headers.map { Array($0.rawBytes.prefix(options.maximumHeaderLineLength)) },
                fieldOffsets: part.headers.map(\.offset),
                lineEnding: part.headers.lineEnding, layout: nil, content: [], decoded: [])
            switch part.content {
            case .leaf:
                outline.content = Array(part.rawBody)
                if decoding { outline.decoded = part.decodedBody().bytes }
            case .multipart(let multipart):
                outline.kind = .multipart
                outline.layout = StreamingParser.MultipartLayout(boundary: multipart.boundary,
                    partCount: multipart.parts.count, preambleRange: multipart.preambleRange,
                    epilogueRange: multipart.epilogueRange, isClosed: multipart.isClosed)
                stack.append(contentsOf: multipart.parts.reversed().map { ($0, depth + 1) })
            case .message(let inner):
                outline.kind = .message
                nested.append(inner)
                stack.append((inner.root, depth + 1))
            }
            parts.append(outline)
        }
        diagnostics = [message.diagnostics] + nested.map(\.diagnostics)
    }

    /// The outline of a streaming parse of `input` fed in chunks that end at `splits`.
    ///
    /// Body-decoding diagnostics are left out: the one-shot tree reports those only when a body
    /// is decoded, not in the message's structure diagnostics.
    init(streaming input: [UInt8], splits: [Int], options: ParserOptions, decoding: Bool) {
        var parser = StreamingParser(options: options, decodesBodies: decoding)
        var open: [Int] = []
        var messages: [Int] = [0]
        var nextContent = 0
        var outline = MessageOutline()
        func take(_ event: StreamingParser.Event) {
            switch event {
            case .partStart(let start):
                require(start.depth == open.count, "part starts at depth \(start.depth) with \(open.count) open")
                outline.parts.append(Part(depth: start.depth, kind: start.kind,
                    offsets: [start.headerOffset, start.headerEndOffset, start.bodyOffset, -1],
                    fields: start.headers.map { Array($0.rawBytes) }, fieldOffsets: start.headers.map(\.offset),
                    lineEnding: start.headers.lineEnding, layout: nil, content: [], decoded: []))
                open.append(outline.parts.count - 1)
                if start.kind == .message {
                    outline.diagnostics.append([])
                    messages.append(outline.diagnostics.count - 1)
                }
                nextContent = start.bodyOffset
            case .body(let chunk):
                require(!open.isEmpty, "body chunk outside any part")
                if chunk.region == .content {
                    require(chunk.offset == nextContent, "content chunk at \(chunk.offset), expected \(nextContent)")
                    outline.parts[open[open.count - 1]].content += chunk.bytes
                    nextContent = chunk.offset + chunk.bytes.count
                }
            case .decodedBody(let bytes):
                require(!open.isEmpty, "decoded bytes outside any part")
                outline.parts[open[open.count - 1]].decoded += bytes
            case .partEnd(let end):
                guard let index = open.popLast() else { return require(false, "part end without a start") }
                require(outline.parts[index].offsets[0] == end.headerOffset, "part end does not match its start")
                outline.parts[index].offsets[3] = end.endOffset
                outline.parts[index].layout = end.multipart
                if end.kind == .message { messages.removeLast() }
            case .diagnostic(let diagnostic):
                if !decoding { outline.diagnostics[messages[messages.count - 1]].append(diagnostic) }
            }
        }
        FuzzRandom.forEachChunk(of: input, splits: splits) { parser.feed($0, take) }
        parser.finish(take)
        require(open.isEmpty, "\(open.count) parts still open after finish")
        self = outline
    }

    private init() {}

    /// Where `other` first differs from this outline, for the failure message.
    func firstDifference(from other: MessageOutline) -> String {
        for (index, (mine, theirs)) in zip(parts, other.parts).enumerated() where mine != theirs {
            var detail = ""
            if mine.lineEnding != theirs.lineEnding { detail += " line endings \(mine.lineEnding) vs \(theirs.lineEnding)" }
            if mine.content != theirs.content { detail += " content differs" }
            if mine.decoded != theirs.decoded { detail += " decoded content differs" }
            for (field, (a, b)) in zip(mine.fields, theirs.fields).enumerated() where a != b {
                detail += " field \(field): \(String(decoding: a, as: UTF8.self).debugDescription) vs \(String(decoding: b, as: UTF8.self).debugDescription)"
                break
            }
            return "part \(index):\(detail) \(mine.summary) vs \(theirs.summary)"
        }
        if parts.count != other.parts.count { return "\(parts.count) parts vs \(other.parts.count)" }
        let codes = diagnostics.map { $0.map { "\($0.code)@\($0.range)" } }
        let otherCodes = other.diagnostics.map { $0.map { "\($0.code)@\($0.range)" } }
        return "diagnostics \(codes) vs \(otherCodes)"
    }
}

extension MessageOutline.Part {
    var summary: String {
        "depth \(depth) \(kind) offsets \(offsets) \(fields.count) fields at \(fieldOffsets) layout \(String(describing: layout)) "
            + "content \(content.count) decoded \(decoded.count)"
    }
}
