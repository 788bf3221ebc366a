extension HeaderField {
    /// Renders a field for a parsed message: RFC 2047 encoded where the value needs it, folded at
    /// 78 characters where the field's grammar allows (RFC 5322 section 2.2.3), ending in
    /// `lineEnding` (use the message's ``HeaderFields/lineEnding`` to keep its style).
    ///
    /// Assign the result with ``HeaderFields/replace(with:)`` or ``HeaderFields/append(_:)``; only
    /// the changed field is rendered when the message is serialized.
    public init(
        _ field: MessageBuilder.Field, allowingUTF8: Bool = false, lineEnding: [UInt8] = [ASCII.cr, ASCII.lf]
    ) throws(MessageBuilder.Error) {
        var writer = MessageWriter(boundaries: RandomBoundaryGenerator(), messageIDs: RandomMessageIDGenerator())
        writer.utf8Headers = allowingUTF8
        var bytes: [UInt8] = []
        try writer.fold(&bytes, field)
        if lineEnding != [ASCII.cr, ASCII.lf] {
            bytes = HeaderField.replacingCRLF(bytes, with: lineEnding)
        }
        // The folder only writes valid field names, so the bytes always parse back.
        self.init(serialized: bytes)!
    }

    /// A field of unstructured text such as `Subject` (RFC 5322 section 3.2.5).
    public init(name: String, text: String, lineEnding: [UInt8] = [ASCII.cr, ASCII.lf]) throws(MessageBuilder.Error) {
        try self.init(.text(name, text), lineEnding: lineEnding)
    }

    private static func replacingCRLF(_ bytes: [UInt8], with lineEnding: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == ASCII.cr, index + 1 < bytes.count, bytes[index + 1] == ASCII.lf {
                output += lineEnding
                index += 2
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}
