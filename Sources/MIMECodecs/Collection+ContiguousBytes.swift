extension Collection<UInt8> {
    /// Calls `body` with the bytes as contiguous raw memory, copying them only when the collection
    /// does not store them contiguously. The codecs' generic entry points go through this to
    /// reach their unsafe-buffer fast paths.
    @inlinable
    func withContiguousBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        if let result = try withContiguousStorageIfAvailable({ try body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return try Array(self).withUnsafeBytes(body)
    }
}
