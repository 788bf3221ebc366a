#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Error output: messages for people never go to standard output, which may be piped JSON.
enum StandardError {
    /// Writes `text` to file descriptor 2; the C `stderr` global is a mutable global that strict
    /// concurrency checking rejects.
    static func write(_ text: String) {
        var remaining = Array(text.utf8)[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { buffer in
                #if canImport(Darwin)
                Darwin.write(2, buffer.baseAddress, buffer.count)
                #elseif canImport(Musl)
                Musl.write(2, buffer.baseAddress, buffer.count)
                #else
                Glibc.write(2, buffer.baseAddress, buffer.count)
                #endif
            }
            if written <= 0 { return }
            remaining = remaining.dropFirst(written)
        }
    }
}
