public import MIMECodecs
public import MIMECore

extension PathologicalMessage {
    /// What reading a message found: the numbers the tests check and the benchmark prints.
    public struct Reading: Sendable {
        /// Parts in the tree, nested messages' parts included.
        public var partCount = 0
        /// The deepest part's depth (the root is 0).
        public var depth = 0
        /// Transfer-decoded body octets, summed over the leaves.
        public var decodedByteCount = 0
        /// Structure, header field and body-decoding diagnostics.
        public var diagnostics: [Diagnostic] = []

        /// Whether some diagnostic has `code`.
        public func reports(_ code: Diagnostic.Code) -> Bool {
            diagnostics.contains { $0.code == code }
        }
    }

    /// Parses `bytes` and reads what a client reads: the structure, every header field's
    /// diagnostics (which decodes encoded words and parses the fields the library knows), and
    /// every leaf's transfer-decoded body, streamed so that no decoded body is held whole.
    public static func read(_ bytes: [UInt8], options: ParserOptions = ParserOptions()) -> Reading {
        let message = Message.parse(bytes, options: options)
        var reading = Reading()
        reading.diagnostics = message.allDiagnostics(includingBodies: false, options: options)
        message.root.walkParts { part, depth in
            reading.partCount += 1
            reading.depth = max(reading.depth, depth)
            if part.isLeaf { reading.diagnostics += part.decodeBody { reading.decodedByteCount += $0.count } }
        }
        return reading
    }
}
