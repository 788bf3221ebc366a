internal import CICU

/// One open ICU converter. Not thread-safe (ICU converters keep state), so it is never shared: each
/// conversion call or incremental decoder owns its own.
final class ICUConverter {
    private let converter: OpaquePointer

    /// Opens a converter that stops at every illegal or unmappable sequence, so that conversions
    /// can report where the first one is.
    init?(name: String) {
        var err: cicu_status = 0
        guard let converter = cicu_ucnv_open(name, &err), cicu_failure(err) == 0 else { return nil }
        self.converter = converter
        cicu_ucnv_setToUStop(converter, &err)
        cicu_ucnv_setFromUStop(converter, &err)
        if cicu_failure(err) != 0 {
            cicu_ucnv_close(converter)
            return nil
        }
    }

    deinit { cicu_ucnv_close(converter) }

    /// Converts `source` to UTF-16, appending to `units`; each illegal, unmappable or truncated
    /// sequence becomes one U+FFFD. Returns the offset of the first such sequence relative to the
    /// start of `source` (negative when it began in an earlier chunk), or `nil`.
    func toUnicode(_ source: UnsafeBufferPointer<UInt8>, flush: Bool, into units: inout [UInt16]) -> Int? {
        var firstError: Int?
        var scratch = [UInt16](repeating: 0, count: Swift.min(8192, source.count * 2 + 64))
        let empty: [CChar] = [0]
        empty.withUnsafeBufferPointer { emptyBuffer in
            source.withMemoryRebound(to: CChar.self) { chars in
                let start = chars.baseAddress ?? emptyBuffer.baseAddress!
                let limit = start + chars.count
                var cursor: UnsafePointer<CChar>? = start
                scratch.withUnsafeMutableBufferPointer { target in
                    while true {
                        var err: cicu_status = 0
                        var out: UnsafeMutablePointer<UInt16>? = target.baseAddress!
                        let before = cursor
                        cicu_ucnv_toUnicode(
                            converter, &out, target.baseAddress! + target.count, &cursor, limit, flush ? 1 : 0, &err)
                        let produced = out! - target.baseAddress!
                        units.append(contentsOf: UnsafeBufferPointer(rebasing: target[0..<produced]))
                        if cicu_isBufferOverflow(err) != 0 { continue }
                        if cicu_failure(err) == 0 { break }
                        let consumed = cursor! - start
                        if firstError == nil {
                            firstError = consumed - Int(cicu_ucnv_invalidCharsLength(converter))
                        }
                        units.append(0xFFFD)
                        // Nothing left to convert, or no progress: stop rather than loop forever.
                        if cursor == limit || (cursor == before && produced == 0) { break }
                    }
                }
            }
        }
        return firstError
    }

    /// Converts UTF-16 to bytes; `nil` when a character has no mapping in the charset.
    func fromUnicode(_ source: UnsafeBufferPointer<UInt16>) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count * Int(cicu_ucnv_getMaxCharSize(converter)) / 2 + 16)
        var scratch = [CChar](repeating: 0, count: 4096)
        let empty: [UInt16] = [0]
        var failed = false
        empty.withUnsafeBufferPointer { emptyBuffer in
            let start = source.baseAddress ?? emptyBuffer.baseAddress!
            let limit = start + source.count
            var cursor: UnsafePointer<UInt16>? = start
            scratch.withUnsafeMutableBufferPointer { target in
                while true {
                    var err: cicu_status = 0
                    var out: UnsafeMutablePointer<CChar>? = target.baseAddress!
                    cicu_ucnv_fromUnicode(converter, &out, target.baseAddress! + target.count, &cursor, limit, 1, &err)
                    let produced = out! - target.baseAddress!
                    UnsafeBufferPointer(rebasing: target[0..<produced]).withMemoryRebound(to: UInt8.self) {
                        bytes.append(contentsOf: $0)
                    }
                    if cicu_isBufferOverflow(err) != 0 { continue }
                    failed = cicu_failure(err) != 0
                    break
                }
            }
        }
        return failed ? nil : bytes
    }
}
