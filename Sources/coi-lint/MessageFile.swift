#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole message file with the C library, so that failures carry `strerror`'s reason
/// ("No such file or directory", "Is a directory") rather than a generic message.
enum MessageFile {
    /// A file that could not be read, with the system's reason.
    struct ReadError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot read \(path): \(reason)" }
    }

    static func read(path: String) throws -> [UInt8] {
        guard let handle = fopen(path, "rb") else {
            throw ReadError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            bytes.append(contentsOf: chunk[0..<count])
            if count < chunk.count {
                if ferror(handle) != 0 {
                    throw ReadError(path: path, reason: String(cString: strerror(errno)))
                }
                return bytes
            }
        }
    }
}
