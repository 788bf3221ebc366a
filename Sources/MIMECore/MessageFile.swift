internal import Glibc

/// Reading messages from files and file descriptors, whole or streamed in chunks, with plain
/// POSIX `open`/`read` (no Foundation).
///
/// Streaming keeps memory bounded by the chunk size whatever the file size: each chunk is handed
/// to a ``StreamingParser`` (or to an ``MboxReader``) and dropped.
public enum MessageFile {
    /// The chunk size used when none is given: large enough that system calls cost little, small
    /// enough to stay in the cache.
    public static let defaultChunkSize = 1 << 16

    /// An error from the operating system while opening or reading a file.
    public struct Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// The `errno` value.
        public var code: Int32
        /// What was being done: the path, or the file descriptor.
        public var context: String

        /// A readable description with the system's message.
        public var description: String { "\(context): \(String(cString: strerror(code)))" }
    }

    /// Reads a whole file into memory.
    public static func read(path: String) throws(MessageFile.Error) -> [UInt8] {
        let descriptor = try openForReading(path)
        defer { _ = Glibc.close(descriptor) }
        var size = 0
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_size > 0 { size = Int(info.st_size) }
        var result: [UInt8] = []
        result.reserveCapacity(size)
        try forEachChunk(fileDescriptor: descriptor, chunkSize: max(defaultChunkSize, min(size + 1, 1 << 24))) { chunk in
            result.append(contentsOf: chunk)
        }
        return result
    }

    /// Reads a file into memory and parses it with the one-shot parser.
    public static func parse(path: String, options: ParserOptions = ParserOptions()) throws(MessageFile.Error) -> Message {
        Message.parse(try read(path: path), options: options)
    }

    /// Streams a file through `parser` in chunks and finishes it, handing every event to `handler`.
    public static func stream(
        path: String, into parser: inout StreamingParser, chunkSize: Int = defaultChunkSize,
        _ handler: (StreamingParser.Event) -> Void
    ) throws(MessageFile.Error) {
        let descriptor = try openForReading(path)
        defer { _ = Glibc.close(descriptor) }
        try stream(fileDescriptor: descriptor, into: &parser, chunkSize: chunkSize, handler)
    }

    /// Streams everything readable from `descriptor` through `parser` and finishes it. The
    /// descriptor is read from its current position and is not closed.
    public static func stream(
        fileDescriptor descriptor: Int32, into parser: inout StreamingParser, chunkSize: Int = defaultChunkSize,
        _ handler: (StreamingParser.Event) -> Void
    ) throws(MessageFile.Error) {
        try forEachChunk(fileDescriptor: descriptor, chunkSize: chunkSize) { chunk in
            parser.feed(chunk, handler)
        }
        parser.finish(handler)
    }

    /// Calls `body` with each chunk read from `descriptor` until the end of the file; a chunk's
    /// storage is reused for the next one unless `body` keeps it.
    public static func forEachChunk(
        fileDescriptor descriptor: Int32, chunkSize: Int = defaultChunkSize, _ body: ([UInt8]) -> Void
    ) throws(MessageFile.Error) {
        let size = max(chunkSize, 1)
        var chunk = [UInt8](repeating: 0, count: size)
        while true {
            // Reuse the storage: the chunk is unique again once `body` has returned.
            if chunk.count != size { chunk = [UInt8](repeating: 0, count: size) }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, size) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Error(code: errno, context: "read from file descriptor \(descriptor)")
            }
            if count == 0 { return }
            if count < size { chunk.removeLast(size - count) }
            body(chunk)
        }
    }

    /// Streams everything readable from `descriptor` through `reader`, handing every message to
    /// `handler`.
    public static func readMbox(
        fileDescriptor descriptor: Int32, into reader: inout MboxReader, chunkSize: Int = defaultChunkSize,
        _ handler: (MboxReader.Entry) -> Void
    ) throws(MessageFile.Error) {
        try forEachChunk(fileDescriptor: descriptor, chunkSize: chunkSize) { chunk in
            reader.feed(chunk, handler)
        }
        reader.finish(handler)
    }

    /// Streams an mbox file through `reader`, handing every message to `handler`.
    public static func readMbox(
        path: String, into reader: inout MboxReader, chunkSize: Int = defaultChunkSize,
        _ handler: (MboxReader.Entry) -> Void
    ) throws(MessageFile.Error) {
        let descriptor = try openForReading(path)
        defer { _ = Glibc.close(descriptor) }
        try readMbox(fileDescriptor: descriptor, into: &reader, chunkSize: chunkSize, handler)
    }

    /// Streams a file through a ``StreamingParser`` and returns its part tree, bodies left in
    /// the file: memory stays bounded by the chunk size and the number of parts.
    public static func index(
        path: String, options: ParserOptions = ParserOptions(), chunkSize: Int = defaultChunkSize
    ) throws(MessageFile.Error) -> MessageIndex {
        var parser = StreamingParser(options: options)
        var index = MessageIndex()
        try stream(path: path, into: &parser, chunkSize: chunkSize) { index.add($0) }
        return index
    }

    /// Reads a part's body from the file with `pread` and hands it to `sink` transfer-decoded
    /// (base64 and quoted-printable, RFC 2045 sections 6.7 and 6.8; other encodings as they
    /// stand), in pieces of at most about `chunkSize` octets: for writing an attachment into a
    /// file or a hasher without holding it. The descriptor's position is not changed.
    ///
    /// Returns the decoder's diagnostics, with message offsets. Throws a ``MessageFile/Error``
    /// when reading fails, or what `sink` throws.
    @discardableResult
    public static func decodeBody(
        of part: MessageIndex.Part, fileDescriptor descriptor: Int32, chunkSize: Int = defaultChunkSize,
        _ sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> [Diagnostic] {
        var encoding = ContentTransferEncoding.sevenBit
        if let field = part.headers.first(named: "Content-Transfer-Encoding") {
            var ignored: [Diagnostic] = []
            encoding = ContentTransferEncoding.parse(field.rawValue, diagnostics: &ignored) ?? .sevenBit
        }
        var base64 = Base64Decoder()
        var quotedPrintable = QuotedPrintableDecoder()
        let size = max(chunkSize, 4)
        var chunk = [UInt8](repeating: 0, count: size)
        var offset = part.bodyRange.lowerBound
        let end = part.bodyRange.upperBound
        while offset < end {
            let want = min(size, end - offset)
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, want, off_t(offset)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Error(code: errno, context: "read from file descriptor \(descriptor)")
            }
            if count == 0 { throw Error(code: EIO, context: "file ends before offset \(end)") }
            try chunk.withUnsafeBytes { buffer in
                let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
                switch encoding {
                case .base64: try base64.decode(bytes, sink: sink)
                case .quotedPrintable: try quotedPrintable.decode(bytes, sink: sink)
                default: try sink(bytes)
                }
            }
            offset += count
        }
        switch encoding {
        case .base64:
            try base64.finish(sink: sink)
            return base64.takeDiagnostics().map { $0.shifted(by: part.bodyOffset) }
        case .quotedPrintable:
            try quotedPrintable.finish(sink: sink)
            return quotedPrintable.takeDiagnostics().map { $0.shifted(by: part.bodyOffset) }
        default:
            return []
        }
    }

    /// Opens a file for reading, for ``decodeBody(of:fileDescriptor:chunkSize:_:)`` and the
    /// other descriptor-based functions; close it with ``close(fileDescriptor:)``.
    public static func open(path: String) throws(MessageFile.Error) -> Int32 {
        try openForReading(path)
    }

    /// Closes a descriptor from ``open(path:)``.
    public static func close(fileDescriptor descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    private static func openForReading(_ path: String) throws(MessageFile.Error) -> Int32 {
        while true {
            let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw Error(code: errno, context: path) }
        }
    }
}

extension StreamingParser {
    /// Parses a message that arrives as an asynchronous sequence of byte chunks (a network
    /// connection, a file read in the background) and finishes it.
    public mutating func parse<Chunks: AsyncSequence>(
        _ chunks: Chunks, _ handler: (Event) throws -> Void
    ) async throws where Chunks.Element == [UInt8] {
        for try await chunk in chunks {
            try feed(chunk, handler)
        }
        try finish(handler)
    }
}
