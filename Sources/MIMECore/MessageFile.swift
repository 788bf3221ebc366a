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
        defer { close(descriptor) }
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
        defer { close(descriptor) }
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
        defer { close(descriptor) }
        try readMbox(fileDescriptor: descriptor, into: &reader, chunkSize: chunkSize, handler)
    }

    private static func openForReading(_ path: String) throws(MessageFile.Error) -> Int32 {
        while true {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
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
