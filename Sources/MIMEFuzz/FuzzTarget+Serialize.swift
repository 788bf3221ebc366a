import MIMECore

extension FuzzTarget {
    /// Serialization: an unmodified message serializes to exactly its bytes; a message whose
    /// every header block is marked modified (without a real change) serializes field by field
    /// to the same bytes wherever the block consists of its fields, and in any case parses again
    /// into a tree of the same shape.
    public static let serialize = FuzzTarget(name: "serialize") { input in
        let message = Message.parse(input)
        require(message.serialize() == input, "an unmodified message does not serialize to its bytes")

        var touched = message
        var blocksAreFields = true
        touched.root = SerializationProperties.touchingHeaders(message.root, blocksAreFields: &blocksAreFields)
        let output = touched.serialize()
        if blocksAreFields {
            require(output == input, "header blocks written field by field differ from the parsed bytes")
        }
        let reparsed = Message.parse(output)
        require(SerializationProperties.shape(of: reparsed.root) == SerializationProperties.shape(of: message.root),
            "the serialized message parses into a different tree")
    }
}

/// Helpers of the serialization target.
enum SerializationProperties {
    /// A copy of `part` in which every non-empty header block is marked modified by removing its
    /// first field and inserting it again; `blocksAreFields` turns false when some block holds
    /// bytes other than its indexed fields (lines a limit left unindexed, or junk), which
    /// field-by-field writing legitimately drops.
    static func touchingHeaders(_ part: MIMEPart, blocksAreFields: inout Bool) -> MIMEPart {
        var copy = part
        let block = part.source[part.headerOffset..<part.headerEndOffset]
        var fieldBytes: [UInt8] = []
        for field in part.headers { fieldBytes += field.rawBytes }
        if !block.elementsEqual(fieldBytes) { blocksAreFields = false }
        if !copy.headers.isEmpty {
            let first = copy.headers.remove(at: 0)
            copy.headers.insert(first, at: 0)
        }
        switch part.content {
        case .leaf:
            break
        case .multipart(var multipart):
            multipart.parts = MIMEPart.Parts(multipart.parts.map { touchingHeaders($0, blocksAreFields: &blocksAreFields) })
            copy.content = .multipart(multipart)
        case .message(var nested):
            nested.root = touchingHeaders(nested.root, blocksAreFields: &blocksAreFields)
            copy.content = .message(nested)
        }
        return copy
    }

    /// The tree's shape: one entry per part, depth first, giving its kind and child count.
    static func shape(of root: MIMEPart) -> [Int] {
        var result: [Int] = []
        root.forEachPart { part in
            switch part.content {
            case .leaf: result.append(-1)
            case .multipart(let multipart): result.append(multipart.parts.count)
            case .message: result.append(-2)
            }
        }
        return result
    }
}
