/// The header fields of a message or body part, in order, duplicates included (RFC 5322
/// section 3.6 and RFC 2045 section 3).
///
/// Order matters (trace fields, `Received` chains, signatures over headers), so the fields are
/// kept as a list; lookups by name ignore case. Changing the list marks the header block as
/// modified, so that only a changed header block is re-rendered on serialization.
public struct HeaderFields: Sendable, Hashable, RandomAccessCollection {
    // Declared so that the flag comes last: a part then packs its own flag right after it.
    private var fields: [HeaderField]

    /// The line ending new fields get: the one the parsed message uses, CRLF otherwise.
    public var lineEnding: [UInt8]

    /// Whether fields were added, removed or replaced since the block was parsed.
    public private(set) var isModified: Bool

    /// Creates a header block from fields, marked unmodified.
    public init(_ fields: [HeaderField] = [], lineEnding: [UInt8] = [ASCII.cr, ASCII.lf]) {
        self.fields = fields
        self.isModified = false
        self.lineEnding = lineEnding
    }

    /// The position of the first field.
    public var startIndex: Int { fields.startIndex }
    /// The position after the last field.
    public var endIndex: Int { fields.endIndex }
    /// The field at `position`.
    public subscript(position: Int) -> HeaderField { fields[position] }

    /// The first field named `name` (ignoring case), if any.
    public func first(named name: String) -> HeaderField? {
        // Every lookup passes most fields of the block: only the match is copied out (a copy
        // of a field retains its storage).
        for index in fields.indices where fields[index].hasName(name) {
            return fields[index]
        }
        return nil
    }

    /// Every field named `name` (ignoring case), in order.
    public func all(named name: String) -> [HeaderField] {
        fields.filter { $0.hasName(name) }
    }

    /// How many fields are named `name` (ignoring case).
    public func count(named name: String) -> Int {
        fields.reduce(0) { $0 + ($1.hasName(name) ? 1 : 0) }
    }

    /// Appends a field at the end of the block.
    public mutating func append(_ field: HeaderField) {
        fields.append(field)
        isModified = true
    }

    /// Inserts a field at `index`.
    public mutating func insert(_ field: HeaderField, at index: Int) {
        fields.insert(field, at: index)
        isModified = true
    }

    /// Removes every field named `name` (ignoring case).
    public mutating func removeAll(named name: String) {
        let before = fields.count
        fields.removeAll { $0.hasName(name) }
        if fields.count != before { isModified = true }
    }

    /// Removes the field at `index`.
    @discardableResult
    public mutating func remove(at index: Int) -> HeaderField {
        isModified = true
        return fields.remove(at: index)
    }

    /// Replaces the first field named like `field` with it, in place, and removes the other fields
    /// of that name; appends it when there is none. The other fields keep their bytes.
    public mutating func replace(with field: HeaderField) {
        if let index = fields.firstIndex(where: { $0.hasName(field.name) }) {
            fields[index] = field
            var position = index + 1
            while position < fields.count {
                if fields[position].hasName(field.name) { fields.remove(at: position) } else { position += 1 }
            }
        } else {
            fields.append(field)
        }
        isModified = true
    }
}
