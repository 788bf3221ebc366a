extension MIMEPart {
    /// The body parts of a multipart (RFC 2046 section 5.1.1), in order.
    ///
    /// A collection of ``MIMEPart`` values with integer positions from zero, used like an array:
    /// reading a part, replacing the part at a position and appending are constant time;
    /// inserting or removing anywhere rebuilds the collection, linear in its length.
    ///
    /// Anyone can send a multipart of a hundred thousand parts of twenty bytes each, and a
    /// `MIMEPart` takes 72 bytes: kept as an array, the part tree would be many times the size of
    /// the message. So a part without header fields whose body is a leaf, the common shape of such
    /// messages, is kept as an 8-byte record of its offsets and built again when it is read;
    /// every other part is kept whole. What is read back is always the part that was stored.
    public struct Parts: Sendable, RandomAccessCollection, MutableCollection, RangeReplaceableCollection,
        ExpressibleByArrayLiteral
    {
        /// One part: a headerless leaf as offsets from ``Shared/base``, or a position in `whole`.
        private struct Record {
            /// The part's start relative to the base, shifted left by two, with the length of
            /// the empty line that ends its (empty) header block in the low two bits (0, 1 or
            /// 2). The value 3 in those bits marks a part kept whole.
            var startAndBreak: UInt32
            /// The part's end relative to the base; for a part kept whole, its position in `whole`.
            var end: UInt32

            static let wholeMark: UInt32 = 3

            var isWhole: Bool { startAndBreak & 3 == Self.wholeMark }

            init(startAndBreak: UInt32, end: UInt32) {
                self.startAndBreak = startAndBreak
                self.end = end
            }

            init(whole index: Int) {
                self.init(startAndBreak: Self.wholeMark, end: UInt32(index))
            }
        }

        /// What the parts stored as records have in common, taken from the first of them.
        private struct Shared {
            var source: [UInt8]
            var base: Int
            /// The header block's line ending, as a position in `lineEndings`.
            var lineEnding: UInt8
            var defaultsToMessage: Bool
        }

        /// The line endings a record's header block can have: the ones the parsers give.
        private static let lineEndings: [[UInt8]] = [[ASCII.cr, ASCII.lf], [ASCII.lf], [ASCII.cr]]

        // Until the first part that fits a record arrives, `records` stays empty and `whole`
        // holds every part in order: a multipart whose parts all have header fields costs what
        // an array of parts does, allocations included.
        private var records: [Record]
        private var whole: [MIMEPart]
        private var shared: Shared?

        /// Creates an empty collection.
        public init() {
            records = []
            whole = []
            shared = nil
        }

        /// Creates a collection of the listed parts.
        public init(arrayLiteral parts: MIMEPart...) {
            self.init()
            reserveCapacity(parts.count)
            for part in parts { append(part) }
        }

        /// The position of the first part.
        public var startIndex: Int { 0 }
        /// The position after the last part.
        public var endIndex: Int { records.isEmpty ? whole.count : records.count }

        /// The part at `position`.
        public subscript(position: Int) -> MIMEPart {
            // Reading a multipart whose parts all have fields costs what an array's subscript
            // does: the records are looked at only when there are some.
            @inline(__always) get {
                if records.isEmpty { return whole[position] }
                return recordedPart(at: position)
            }
            set {
                if records.isEmpty {
                    whole[position] = newValue
                    return
                }
                let record = records[position]
                if record.isWhole {
                    whole[Int(record.end)] = newValue
                } else {
                    // Each position moves to `whole` at most once, so `whole` never outgrows
                    // the records.
                    records[position] = Record(whole: whole.count)
                    whole.append(newValue)
                }
            }
        }

        /// The part at `position` when the parts are kept as records.
        private func recordedPart(at position: Int) -> MIMEPart {
            let record = records[position]
            if record.isWhole { return whole[Int(record.end)] }
            // A record exists only once `shared` is set.
            let shared = shared.unsafelyUnwrapped
            let start = shared.base + Int(record.startAndBreak >> 2)
            return MIMEPart(
                headers: HeaderFields([], lineEnding: Self.lineEndings[Int(shared.lineEnding)]), content: .leaf,
                headerOffset: start, headerEndOffset: start,
                bodyOffset: start + Int(record.startAndBreak & 3), endOffset: shared.base + Int(record.end),
                source: shared.source, defaultsToMessage: shared.defaultsToMessage)
        }

        /// How many parts are kept whole rather than as records (for tests of the storage).
        var wholeCount: Int { whole.count }

        /// Reserves room for `minimumCapacity` parts.
        public mutating func reserveCapacity(_ minimumCapacity: Int) {
            // Which array the parts go to is known only as they arrive; the records are the
            // small ones, and the parser never reserves.
            if records.isEmpty && whole.isEmpty { return }
            if records.isEmpty { whole.reserveCapacity(minimumCapacity) } else { records.reserveCapacity(minimumCapacity) }
        }

        /// Appends `part`, in constant time on average.
        public mutating func append(_ part: MIMEPart) {
            append(part, growingAtMost: Int.max)
        }

        /// Appends `part`, growing the storage no further than `limit` parts (see
        /// `Array.append(_:growingAtMost:)`).
        mutating func append(_ part: MIMEPart, growingAtMost limit: Int) {
            if part.headers.isEmpty, let record = record(for: part) {
                if records.isEmpty && !whole.isEmpty {
                    records.reserveCapacity(whole.count + 1)
                    for index in whole.indices { records.append(Record(whole: index)) }
                }
                records.append(record, growingAtMost: limit)
            } else if records.isEmpty {
                whole.append(part, growingAtMost: limit)
            } else {
                records.append(Record(whole: whole.count), growingAtMost: limit)
                whole.append(part, growingAtMost: limit)
            }
        }

        /// Replaces the parts in `subrange` with `newParts`, rebuilding the collection.
        public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newParts: C)
            where C.Element == MIMEPart
        {
            precondition(subrange.lowerBound >= 0 && subrange.upperBound <= count, "range out of bounds")
            if subrange.isEmpty && subrange.lowerBound == count {
                reserveCapacity(count + newParts.count)
                for part in newParts { append(part) }
                return
            }
            // Rebuilding drops the whole parts the removed positions held.
            var rebuilt = Parts()
            rebuilt.reserveCapacity(count - subrange.count + newParts.count)
            for position in 0..<subrange.lowerBound { rebuilt.append(self[position]) }
            for part in newParts { rebuilt.append(part) }
            for position in subrange.upperBound..<count { rebuilt.append(self[position]) }
            self = rebuilt
        }

        /// The record for `part` if it is a headerless leaf that the 8-byte form can hold, as
        /// the parser makes them; `nil` for a part to keep whole.
        private mutating func record(for part: MIMEPart) -> Record? {
            guard part.headers.isEmpty, !part.headers.isModified, part.isLeaf,
                  part.headerEndOffset == part.headerOffset
            else { return nil }
            let lineBreak = part.bodyOffset - part.headerOffset
            guard lineBreak >= 0, lineBreak <= 2,
                  let lineEnding = Self.lineEndings.firstIndex(of: part.headers.lineEnding)
            else { return nil }
            if shared == nil {
                shared = Shared(source: part.source, base: part.headerOffset, lineEnding: UInt8(lineEnding),
                                defaultsToMessage: part.defaultsToMessage)
            }
            let shared = shared.unsafelyUnwrapped
            let start = part.headerOffset - shared.base
            let end = part.endOffset - shared.base
            guard start >= 0, start < 1 << 30, end >= 0, end <= Int(UInt32.max),
                  part.defaultsToMessage == shared.defaultsToMessage,
                  UInt8(lineEnding) == shared.lineEnding,
                  Self.isSameBuffer(part.source, shared.source)
            else { return nil }
            return Record(startAndBreak: UInt32(start) << 2 | UInt32(lineBreak), end: UInt32(end))
        }

        /// Whether two arrays share their storage; offsets are only meaningful in the message
        /// they were taken from.
        private static func isSameBuffer(_ first: [UInt8], _ second: [UInt8]) -> Bool {
            first.withUnsafeBufferPointer { a in
                second.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count }
            }
        }
    }
}
