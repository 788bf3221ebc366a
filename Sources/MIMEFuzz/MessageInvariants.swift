import MIMECodecs
import MIMECore

/// Properties every parsed message has, whatever the input: the checks the parser-facing
/// targets share.
enum MessageInvariants {
    /// Checks that every part's offsets are ordered and lie inside its parent, that parts follow
    /// each other, that diagnostics point into the source, and that nesting respects the limit.
    static func checkStructure(_ message: Message, options: ParserOptions) {
        let count = message.source.count
        checkDiagnostics(message.diagnostics, within: count, what: "structure")
        // (part, depth, enclosing range) in depth-first order, without recursion: the tree of a
        // hostile message may be as deep as the nesting ceiling.
        var stack: [(MIMEPart, Int, Range<Int>)] = [(message.root, 0, 0..<count)]
        var partCount = 0
        while let (part, depth, enclosing) = stack.popLast() {
            partCount += 1
            require(part.headerOffset <= part.headerEndOffset && part.headerEndOffset <= part.bodyOffset
                && part.bodyOffset <= part.endOffset,
                "part offsets out of order: \(part.headerOffset) \(part.headerEndOffset) \(part.bodyOffset) \(part.endOffset)")
            require(enclosing.lowerBound <= part.headerOffset && part.endOffset <= enclosing.upperBound,
                "part \(part.headerOffset)..<\(part.endOffset) outside its parent \(enclosing)")
            require(depth <= options.effectiveNestingDepth,
                "part at depth \(depth) beyond the limit \(options.effectiveNestingDepth)")
            for field in part.headers {
                if let range = field.range {
                    require(part.headerOffset <= range.lowerBound && range.upperBound <= part.headerEndOffset,
                        "field \(field.name) at \(range) outside its header block")
                }
            }
            switch part.content {
            case .leaf:
                break
            case .multipart(let multipart):
                var cursor = part.bodyOffset
                for child in multipart.parts {
                    require(cursor <= child.headerOffset, "sibling parts overlap at \(child.headerOffset)")
                    cursor = child.endOffset
                }
                for range in [multipart.preambleRange, multipart.epilogueRange].compactMap({ $0 }) {
                    require(part.bodyOffset <= range.lowerBound && range.upperBound <= part.endOffset,
                        "preamble or epilogue \(range) outside the multipart")
                }
                for child in multipart.parts.reversed() {
                    stack.append((child, depth + 1, part.bodyOffset..<part.endOffset))
                }
            case .message(let nested):
                checkDiagnostics(nested.diagnostics, within: count, what: "nested structure")
                stack.append((nested.root, depth + 1, part.bodyOffset..<part.endOffset))
            }
        }
        // The parser checks the part limit at each delimiter line; the root and the top-level
        // entities of encapsulated messages it enters on the way count as parts too, so the
        // count may pass the limit by one per nesting level, never more.
        require(partCount <= options.maximumParts + options.effectiveNestingDepth + 1, "\(partCount) parts beyond the limit \(options.maximumParts): \(message.diagnostics.map(\.code))")
    }

    /// Reads everything a client would read: typed fields, field diagnostics, decoded bodies and
    /// texts. Only crashes and out-of-range offsets count as failures here.
    static func readEverything(_ message: Message, options: ParserOptions) {
        let count = message.source.count
        _ = message.subject
        _ = message.from
        _ = message.to
        _ = message.date
        _ = message.messageID
        _ = message.references
        _ = message.mimeVersion
        checkDiagnostics(message.allDiagnostics(options: options), within: count, what: "all diagnostics")
        message.root.forEachPart { part in
            _ = part.contentType
            _ = part.filename
            _ = part.isAttachment
            for field in part.headers { _ = field.decodedValue(options: options) }
            if part.isLeaf {
                let decoded = part.decodedBody()
                checkDiagnostics(decoded.diagnostics, within: count, what: "body")
                if let text = part.text(unwrapFlowed: true) {
                    checkDiagnostics(text.diagnostics, within: count, what: "text")
                }
            }
        }
    }

    /// Diagnostics carry message offsets: they must lie inside the message.
    static func checkDiagnostics(_ diagnostics: [Diagnostic], within count: Int, what: String) {
        FuzzCheck.diagnostics(diagnostics, within: count, what: what)
    }

    /// Limits far below the defaults, so that short fuzz inputs reach every limit's code path.
    static func tightOptions(using random: inout FuzzRandom) -> ParserOptions {
        ParserOptions(
            maximumNestingDepth: Int.random(in: 0...6, using: &random),
            maximumHeaderFields: Int.random(in: 0...12, using: &random),
            maximumHeaderLineLength: Int.random(in: 1...200, using: &random),
            maximumParts: Int.random(in: 1...20, using: &random),
            maximumEncodedWords: Int.random(in: 0...8, using: &random))
    }
}
