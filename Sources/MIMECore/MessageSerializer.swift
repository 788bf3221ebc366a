extension MIMEPart {
    /// Appends the part's serialized bytes to `output`.
    ///
    /// What was not modified is copied from the source bytes as it stands, so that a parsed part
    /// serializes byte for byte. A modified header block is written field by field (unchanged
    /// fields keep their bytes); the bytes between child parts (delimiter lines, preamble,
    /// epilogue, and anything a limit left unparsed) are always copied.
    public func serialize(into output: inout [UInt8]) {
        guard isModified else {
            output.append(contentsOf: source[headerOffset..<endOffset])
            return
        }
        if headers.isModified {
            for field in headers {
                output.append(contentsOf: field.rawBytes)
            }
            if headerEndOffset == bodyOffset && headerEndOffset == headerOffset && !headers.isEmpty {
                // The entity had no header block: the empty line that ends the new one is needed.
                output.append(contentsOf: headers.lineEnding)
            } else {
                output.append(contentsOf: source[headerEndOffset..<bodyOffset])
            }
        } else {
            output.append(contentsOf: source[headerOffset..<bodyOffset])
        }
        switch content {
        case .leaf:
            output.append(contentsOf: source[bodyOffset..<endOffset])
        case .multipart(let multipart):
            var cursor = bodyOffset
            for part in multipart.parts {
                output.append(contentsOf: source[cursor..<part.headerOffset])
                part.serialize(into: &output)
                cursor = part.endOffset
            }
            output.append(contentsOf: source[cursor..<endOffset])
        case .message(let message):
            output.append(contentsOf: source[bodyOffset..<message.root.headerOffset])
            message.root.serialize(into: &output)
            output.append(contentsOf: source[message.root.endOffset..<endOffset])
        }
    }
}

extension Message {
    /// The message as bytes: exactly the parsed bytes when nothing was modified (RFC 5322
    /// section 2.1 format, line endings as they were).
    public func serialize() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(root.endOffset + 256)
        // Bytes before the first entity (an mbox `From ` line) are kept.
        output.append(contentsOf: source[0..<root.headerOffset])
        root.serialize(into: &output)
        return output
    }
}
