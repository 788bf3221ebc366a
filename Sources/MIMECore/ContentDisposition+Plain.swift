extension ContentDisposition {
    /// Whether `value` is a `Content-Disposition` in the plain form, in which
    /// ``parse(_:options:diagnostics:)`` finds nothing to report: `inline` or `attachment` with
    /// plain parameters (see `PlainFieldReader`), proved by one pass over the bytes.
    static func isPlain(_ value: ArraySlice<UInt8>) -> Bool {
        value.withUnsafeBufferPointer { buffer in
            var reader = PlainFieldReader(bytes: buffer)
            return reader.readContentDisposition()
        }
    }
}
