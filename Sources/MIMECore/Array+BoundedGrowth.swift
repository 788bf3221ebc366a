extension Array {
    /// Appends `element`, doubling the storage when it is full as `append` does, but never
    /// beyond `limit` elements.
    ///
    /// The parsers keep at most `limit` header fields or parts in one array (the limits of
    /// ``ParserOptions``); plain doubling would reserve up to twice the limit and hold both the
    /// old and the new storage while it copies.
    mutating func append(_ element: Element, growingAtMost limit: Int) {
        if count == capacity, count < limit {
            reserveCapacity(Swift.min(Swift.max(count * 2, 1), limit))
        }
        append(element)
    }
}
