/// A source of multipart boundaries (RFC 2046 section 5.1.1) for ``MessageBuilder``.
///
/// The builder asks for a boundary for each multipart it writes, checks it against the grammar
/// with ``MessageBuilder/isValidBoundary(_:)``, and asks again if a line of the encoded content
/// starts with `--` and the boundary. A generator that returns fixed values makes the output deterministic;
/// ``RandomBoundaryGenerator`` is the default.
public protocol BoundaryGenerator: Sendable {
    /// Returns the next boundary: 1 to 70 `bchars`, not ending in a space (RFC 2046 section
    /// 5.1.1). Successive calls should return different values, since the builder calls again
    /// when a boundary collides with the content.
    mutating func nextBoundary() -> String
}
