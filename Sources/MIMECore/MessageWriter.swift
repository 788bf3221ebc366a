/// Turns a ``MessageBuilder`` into bytes: renders and folds the fields, encodes the leaves and
/// lays out multiparts. Holds the boundary and message-id sources while it runs.
struct MessageWriter<Boundaries: BoundaryGenerator, IDs: MessageIDGenerator> {
    var boundaries: Boundaries
    var messageIDs: IDs
    let folder = HeaderFolder()
    /// Whether the message being written may carry UTF-8 in its header (RFC 6532).
    var utf8Headers = false

    /// How often a colliding boundary is replaced before giving up; a random generator
    /// practically never needs a second attempt.
    static var maximumBoundaryAttempts: Int { 64 }

    init(boundaries: Boundaries, messageIDs: IDs) {
        self.boundaries = boundaries
        self.messageIDs = messageIDs
    }

    /// A body ready to be written after its part's fields.
    struct EncodedPart {
        var fields: [UInt8]
        var body: [UInt8]
        /// Whether the body holds octets above 127, so that enclosing entities are `8bit`.
        var isEightBit: Bool

        var bytes: [UInt8] { fields + [ASCII.cr, ASCII.lf] + body }
    }

    // MARK: - Messages

    /// `message = fields CRLF body` (RFC 5322 section 3.5), with the fields in the order of the
    /// table in section 3.6.
    mutating func message(_ message: MessageBuilder, now: () -> MessageDate) throws(MessageBuilder.Error) -> [UInt8] {
        guard !message.from.isEmpty else { throw .missingFrom }
        guard message.from.count == 1 || message.sender != nil else { throw .missingSender }
        // An encapsulated message has its own setting; the enclosing one's resumes after it.
        let enclosingUTF8Headers = utf8Headers
        utf8Headers = message.allowsUTF8Headers
        defer { utf8Headers = enclosingUTF8Headers }

        var fields: [UInt8] = []
        try fold(&fields, "Date", structured: Array((message.date ?? now()).rfc5322.utf8))
        let utf8 = utf8Headers
        try fold(&fields, "From", tokens: message.from.headerTokens(allowingUTF8: utf8))
        if let sender = message.sender { try fold(&fields, "Sender", tokens: sender.headerTokens(allowingUTF8: utf8)) }
        if !message.replyTo.isEmpty {
            try fold(&fields, "Reply-To", tokens: message.replyTo.headerTokens(allowingUTF8: utf8))
        }
        if !message.to.isEmpty { try fold(&fields, "To", tokens: message.to.headerTokens(allowingUTF8: utf8)) }
        if !message.cc.isEmpty { try fold(&fields, "Cc", tokens: message.cc.headerTokens(allowingUTF8: utf8)) }
        if message.writesBcc, !message.bcc.isEmpty {
            try fold(&fields, "Bcc", tokens: message.bcc.headerTokens(allowingUTF8: utf8))
        }
        let id = message.messageID ?? messageIDs.nextMessageID(domain: message.from.first?.domain)
        try fold(&fields, "Message-ID", tokens: [id.bracketed])
        if !message.inReplyTo.isEmpty { try fold(&fields, "In-Reply-To", tokens: message.inReplyTo.headerTokens) }
        if !message.references.isEmpty { try fold(&fields, "References", tokens: message.references.headerTokens) }
        if let subject = message.subject { try fold(&fields, "Subject", text: subject) }
        try fold(&fields, "MIME-Version", tokens: [MIMEVersion.v1_0.description])
        for field in message.extraFields {
            guard !Self.isReservedMessageField(field.name) else { throw .reservedFieldName(field.name) }
            try fold(&fields, field)
        }

        let body = try part(message.body, allows8bit: message.allows8bit, now: now)
        return fields + body.bytes
    }

    // MARK: - Parts

    /// `entity-headers CRLF body` (RFC 2045 section 3): the fields of a part and its encoded body.
    mutating func part(
        _ part: MessageBuilder.Part, allows8bit: Bool, now: () -> MessageDate
    ) throws(MessageBuilder.Error) -> EncodedPart {
        let typeTokens: [String]
        let encoding: ContentTransferEncoding?
        let body: [UInt8]
        var isEightBit = false
        let selector = TransferEncodingSelector(allows8bit: allows8bit)

        switch part.content {
        case .text(let text, let subtype, let charset, let format):
            var parameters: MIMEParameters = [("charset", charset.mimeName.lowercased())]
            var plain = Self.canonicalLineBreaks(text)
            switch format {
            case .fixed:
                break
            case .flowed, .flowedDelSp:
                let delSp = format == .flowedDelSp
                plain = FormatFlowed.encode(plain, options: FormatFlowed.EncodingOptions(delSp: delSp))
                parameters.append(name: "format", value: "flowed")
                if delSp { parameters.append(name: "delsp", value: "yes") }
            }
            let bytes: [UInt8]
            if charset == .utf8 {
                bytes = Array(plain.utf8)
            } else if let encoded = charset.encode(plain) {
                bytes = encoded
            } else {
                throw .unencodableText(charset: charset.mimeName)
            }
            typeTokens = try Self.mediaTypeTokens(ContentType(type: "text", subtype: subtype, parameters: parameters))
            let chosen = try Self.leafEncoding(part.transferEncoding, bytes) ?? selector.encoding(forText: bytes)
            encoding = chosen
            body = Self.encode(bytes, chosen, isText: true)
            isEightBit = chosen == .eightBit || chosen == .binary

        case .binary(let bytes, let type):
            typeTokens = try Self.mediaTypeTokens(type)
            let chosen = try Self.leafEncoding(part.transferEncoding, bytes) ?? selector.encoding(forBinary: bytes)
            encoding = chosen
            body = Self.encode(bytes, chosen, isText: false)
            isEightBit = chosen == .eightBit || chosen == .binary

        case .multipart(let subtype, var parameters, let parts, let preamble, let epilogue):
            guard !parts.isEmpty else { throw .emptyMultipart }
            var children: [[UInt8]] = []
            children.reserveCapacity(parts.count)
            for child in parts {
                let encoded = try self.part(child, allows8bit: allows8bit, now: now)
                isEightBit = isEightBit || encoded.isEightBit
                children.append(encoded.bytes)
            }
            let preambleBytes = try Self.asciiText(preamble)
            let epilogueBytes = try Self.asciiText(epilogue)
            let boundary = try chooseBoundary(avoiding: children + [preambleBytes ?? [], epilogueBytes ?? []])
            // The boundary is the builder's to choose; one given by the caller is replaced.
            parameters.set("boundary", to: ASCII.string(boundary))
            typeTokens = try Self.mediaTypeTokens(
                ContentType(type: "multipart", subtype: subtype, parameters: parameters))
            encoding = try Self.compositeEncoding(part.transferEncoding, isEightBit: isEightBit)
            body = Self.multipartBody(children, boundary: boundary, preamble: preambleBytes, epilogue: epilogueBytes)

        case .message(let inner):
            body = try message(inner, now: now)
            isEightBit = body.contains { $0 >= 0x80 }
            typeTokens = try Self.mediaTypeTokens(.messageRFC822)
            encoding = try Self.compositeEncoding(part.transferEncoding, isEightBit: isEightBit)
        }

        var fields: [UInt8] = []
        try fold(&fields, "Content-Type", tokens: typeTokens)
        if let encoding { try fold(&fields, "Content-Transfer-Encoding", tokens: [encoding.rawValue]) }
        if let disposition = part.disposition {
            try fold(&fields, "Content-Disposition", tokens: Self.dispositionTokens(disposition))
        }
        if let id = part.contentID { try fold(&fields, "Content-ID", tokens: [id.bracketed]) }
        if let description = part.contentDescription { try fold(&fields, "Content-Description", text: description) }
        for field in part.extraFields {
            guard !Self.isReservedPartField(field.name) else { throw .reservedFieldName(field.name) }
            try fold(&fields, field)
        }
        return EncodedPart(fields: fields, body: body, isEightBit: isEightBit)
    }

    /// Applies a transfer encoding to a leaf's bytes (RFC 2045 sections 6.2, 6.7, 6.8).
    static func encode(_ bytes: [UInt8], _ encoding: ContentTransferEncoding, isText: Bool) -> [UInt8] {
        switch encoding {
        case .quotedPrintable:
            // Text line breaks become hard breaks; in binary data CR and LF are data (rule 4).
            // `From ` and lone dots are escaped so that mbox files and careless SMTP clients
            // cannot alter the body.
            let options = QuotedPrintable.EncodingOptions(
                mode: isText ? .text : .binary, protectFromLines: true, protectDotLines: true)
            return QuotedPrintable.encode(bytes, options: options)
        case .base64:
            return Base64.encode(bytes)
        default:
            return bytes
        }
    }

    /// The requested leaf encoding, if any, after checking that the content can be sent with it.
    static func leafEncoding(
        _ requested: ContentTransferEncoding?, _ bytes: [UInt8]
    ) throws(MessageBuilder.Error) -> ContentTransferEncoding? {
        guard let encoding = requested else { return nil }
        let stats = TransferEncodingSelector.Statistics(bytes)
        switch encoding {
        case .quotedPrintable, .base64, .binary:
            return encoding
        case .sevenBit where stats.isSevenBit(maximumLineLength: 998):
            return encoding
        case .eightBit where stats.isEightBit:
            return encoding
        default:
            throw .unsuitableTransferEncoding(encoding)
        }
    }

    /// The encoding of a multipart or message: only identity encodings are allowed (RFC 2045
    /// section 6.4). `7bit` is the default and is left unwritten.
    static func compositeEncoding(
        _ requested: ContentTransferEncoding?, isEightBit: Bool
    ) throws(MessageBuilder.Error) -> ContentTransferEncoding? {
        if let requested {
            guard requested.isIdentity, !(requested == .sevenBit && isEightBit) else {
                throw .unsuitableTransferEncoding(requested)
            }
            return requested
        }
        return isEightBit ? .eightBit : nil
    }

    // MARK: - Multipart

    /// `multipart-body := [preamble CRLF] dash-boundary CRLF body-part *encapsulation
    /// close-delimiter [CRLF epilogue]` (RFC 2046 section 5.1.1). The close delimiter is always
    /// followed by `CRLF`, so that a message ends with a line break and a nested multipart ends
    /// before its parent's delimiter (whose own `CRLF` starts it).
    static func multipartBody(
        _ children: [[UInt8]], boundary: [UInt8], preamble: [UInt8]?, epilogue: [UInt8]?
    ) -> [UInt8] {
        let crlf: [UInt8] = [ASCII.cr, ASCII.lf]
        let dashBoundary = [ASCII.hyphen, ASCII.hyphen] + boundary
        var body: [UInt8] = []
        body.reserveCapacity(children.reduce(0) { $0 + $1.count + boundary.count + 6 } + 64)
        if let preamble { body += preamble + crlf }
        for (index, child) in children.enumerated() {
            if index > 0 { body += crlf }
            body += dashBoundary + crlf
            body += child
        }
        body += crlf + dashBoundary + [ASCII.hyphen, ASCII.hyphen] + crlf
        if let epilogue { body += epilogue }
        return body
    }

    /// Asks the generator for boundaries until one occurs at the start of no line of the
    /// encoded children, preamble or epilogue (RFC 2046 section 5.1.1: "the boundary delimiter
    /// MUST NOT appear inside any of the encapsulated parts"). A line that merely starts with
    /// `--boundary` counts, since readers match delimiters by prefix.
    mutating func chooseBoundary(avoiding contents: [[UInt8]]) throws(MessageBuilder.Error) -> [UInt8] {
        for _ in 0..<Self.maximumBoundaryAttempts {
            let candidate = boundaries.nextBoundary()
            let bytes = Array(candidate.utf8)
            guard MessageBuilder.isValidBoundary(candidate) else { throw .invalidBoundary(candidate) }
            if !contents.contains(where: { Self.hasLine(startingWith: bytes, in: $0) }) { return bytes }
        }
        throw .boundaryCollision(attempts: Self.maximumBoundaryAttempts)
    }

    /// Whether a line of `content` starts with `--` and `boundary`.
    static func hasLine(startingWith boundary: [UInt8], in content: [UInt8]) -> Bool {
        let needed = boundary.count + 2
        var lineStart = 0
        while lineStart + needed <= content.count {
            if content[lineStart] == ASCII.hyphen, content[lineStart + 1] == ASCII.hyphen,
               content[(lineStart + 2)..<(lineStart + needed)].elementsEqual(boundary) {
                return true
            }
            guard let lf = content[lineStart...].firstIndex(of: ASCII.lf) else { return false }
            lineStart = lf + 1
        }
        return false
    }

    // MARK: - Field rendering

    /// `type "/" subtype *(";" parameter)` (RFC 2045 section 5.1) through the content-type
    /// renderer, as folding tokens.
    static func mediaTypeTokens(_ type: ContentType) throws(MessageBuilder.Error) -> [String] {
        guard isToken(type.type), isToken(type.subtype) else { throw .invalidMediaType(type.mimeType) }
        return foldingTokens(type.renderedTokens())
    }

    /// `disposition := disposition-type *(";" disposition-parm)` (RFC 2183 section 2) through the
    /// content-disposition renderer, as folding tokens.
    static func dispositionTokens(_ disposition: ContentDisposition) throws(MessageBuilder.Error) -> [String] {
        guard isToken(disposition.kind.rawValue) else { throw .invalidMediaType(disposition.kind.rawValue) }
        return foldingTokens(disposition.renderedTokens())
    }

    /// `token` of RFC 2045 section 5.1, in US-ASCII.
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 < 0x80 && FieldScanner.isTokenChar($0) }
    }

    /// The renderers write each parameter as `; name=value`; for folding, the `;` goes with the
    /// previous token and the space before the parameter is the break point.
    static func foldingTokens(_ rendered: [String]) -> [String] {
        var tokens: [String] = []
        for item in rendered {
            var text = Substring(item)
            if text.hasPrefix(";"), !tokens.isEmpty {
                tokens[tokens.count - 1] += ";"
                text = text.dropFirst()
            }
            while text.first == " " { text = text.dropFirst() }
            if !text.isEmpty { tokens.append(String(text)) }
        }
        return tokens
    }

    static func isReservedMessageField(_ name: String) -> Bool {
        let reserved = ["date", "from", "sender", "reply-to", "to", "cc", "bcc", "message-id", "in-reply-to",
                        "references", "subject", "mime-version"]
        return reserved.contains(name.lowercased()) || isReservedPartField(name)
    }

    static func isReservedPartField(_ name: String) -> Bool {
        let reserved = ["content-type", "content-transfer-encoding", "content-disposition", "content-id",
                        "content-description", "mime-version"]
        return reserved.contains(name.lowercased())
    }

    // MARK: - Folding

    /// Folds a field whose tokens come from a renderer. Only addresses and identifiers given
    /// with non-ASCII local parts or domains can bring 8-bit bytes here; without RFC 6532 they
    /// would make the header invalid, so they are refused.
    private func fold(_ output: inout [UInt8], _ name: String, tokens: [String]) throws(MessageBuilder.Error) {
        let folderTokens = tokens.map { HeaderFolder.Token.spaced($0) }
        guard utf8Headers || folderTokens.allSatisfy({ $0.text.allSatisfy { $0 < 0x80 } }) else {
            throw .nonASCIIHeader(field: name)
        }
        do {
            output += try folder.fold(name: name, folderTokens)
        } catch {
            throw .folding(field: name, error)
        }
    }

    private func fold(_ output: inout [UInt8], _ name: String, structured value: [UInt8]) throws(MessageBuilder.Error) {
        do {
            output += try folder.foldStructured(name: name, value)
        } catch {
            throw .folding(field: name, error)
        }
    }

    /// Unstructured text (RFC 5322 section 3.2.5) through the RFC 2047 encoder, which leaves
    /// printable ASCII words readable and encodes the rest (section 5 (1)), and keeps the tokens
    /// it returns whole.
    ///
    /// A plain ASCII word longer than a line (997 characters) is left as it is by the encoder and
    /// so fails with ``HeaderFolder/Error/tokenTooLong(tokenIndex:length:)``.
    private func fold(_ output: inout [UInt8], _ name: String, text: String) throws(MessageBuilder.Error) {
        var tokens = EncodedWord.encode(text, context: .unstructured).map { HeaderFolder.Token.spaced($0) }
        if tokens.isEmpty { tokens = [HeaderFolder.Token(leadingWhitespace: [ASCII.space], text: [])] }
        do {
            output += try folder.fold(name: name, tokens)
        } catch {
            throw .folding(field: name, error)
        }
    }

    func fold(_ output: inout [UInt8], _ field: MessageBuilder.Field) throws(MessageBuilder.Error) {
        switch field.value {
        case .text(let text):
            try fold(&output, field.name, text: text)
        case .addresses(let addresses):
            try fold(&output, field.name, tokens: addresses.headerTokens(allowingUTF8: utf8Headers))
        case .messageIDs(let ids):
            try fold(&output, field.name, tokens: ids.headerTokens)
        case .date(let date):
            try fold(&output, field.name, structured: Array(date.rfc5322.utf8))
        case .structured(let value):
            let bytes = Array(value.utf8)
            guard bytes.allSatisfy({ (0x20...0x7E).contains($0) || $0 == ASCII.tab }) else {
                throw .invalidStructuredValue(field: field.name)
            }
            try fold(&output, field.name, structured: bytes)
        }
    }

    // MARK: - Text

    /// The text with every line break (CRLF, lone LF, lone CR) as CRLF, the canonical form of
    /// RFC 2046 section 4.1.1.
    static func canonicalLineBreaks(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        bytes.reserveCapacity(source.count + source.count / 32)
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == ASCII.cr {
                bytes += [ASCII.cr, ASCII.lf]
                if index + 1 < source.count, source[index + 1] == ASCII.lf { index += 1 }
            } else if byte == ASCII.lf {
                bytes += [ASCII.cr, ASCII.lf]
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Preamble or epilogue text: US-ASCII with canonical line breaks.
    static func asciiText(_ text: String?) throws(MessageBuilder.Error) -> [UInt8]? {
        guard let text else { return nil }
        let bytes = Array(canonicalLineBreaks(text).utf8)
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0 }) else { throw .nonASCIIPreambleOrEpilogue }
        return bytes
    }
}
