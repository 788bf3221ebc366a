public import MIMECore

/// The merge rules for duplicate contact storage messages (COI client spec, "Merging Contact
/// Storage Messages"): messages are duplicates when they share a `COI-From-Hash`; their header
/// fields are merged so that
/// - every `COI-TokenIn` is kept (duplicates once), except expired ones when a time is given;
/// - for each token "hash", only the `COI-TokenOut` with the newest creation time is kept
///   (tokens without hash or creation time are kept);
/// - every `COI-From-Hash` is kept (once);
/// - any other field comes from the newest message that has it: newest `Date`, then highest
///   IMAP UID, then latest in the input.
public enum ContactStorageMerger {
    /// One stored contact message, reduced to what merging needs.
    public struct Record: Sendable, Hashable {
        /// The header fields, name and unfolded value, in order.
        public var fields: [Field]
        /// The message's `Date`.
        public var date: MessageDate?
        /// The IMAP UID, the tie-breaker among equal dates.
        public var uid: UInt32?

        /// A header field.
        public struct Field: Sendable, Hashable {
            /// The name as written.
            public var name: String
            /// The value, unfolded.
            public var value: String
            /// Creates a field.
            public init(_ name: String, _ value: String) {
                self.name = name
                self.value = value
            }
        }

        /// Creates a record.
        public init(fields: [Field], date: MessageDate?, uid: UInt32? = nil) {
            self.fields = fields
            self.date = date
            self.uid = uid
        }

        /// Reads the top-level fields of a stored message.
        public init(message: Message, uid: UInt32? = nil) {
            self.init(fields: message.headers.map { Field($0.name, $0.value.trimmingSpaces()) }, date: message.date, uid: uid)
        }

        /// The values of fields named `name`, ignoring case.
        public func values(_ name: String) -> [String] {
            let lower = name.lowercased()
            return fields.filter { $0.name.lowercased() == lower }.map(\.value)
        }

        /// The `COI-From-Hash` values.
        public var hashes: [String] { values("COI-From-Hash") }
    }

    /// Groups of indices of `records` that are duplicates of each other (sharing a
    /// `COI-From-Hash`, directly or through another record), each group in input order;
    /// records without duplicates form groups of one.
    public static func duplicateGroups(_ records: [Record]) -> [[Int]] {
        var owner = Array(records.indices)
        func find(_ index: Int) -> Int {
            var index = index
            while owner[index] != index {
                owner[index] = owner[owner[index]]
                index = owner[index]
            }
            return index
        }
        var firstWithHash: [String: Int] = [:]
        for (index, record) in records.enumerated() {
            for hash in record.hashes {
                if let other = firstWithHash[hash] {
                    let a = find(index), b = find(other)
                    if a != b { owner[max(a, b)] = min(a, b) }
                } else {
                    firstWithHash[hash] = index
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in records.indices { groups[find(index), default: []].append(index) }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// Merges duplicate records into one; `now` (seconds since 1970) drops expired
    /// `COI-TokenIn` values.
    public static func merge(_ records: [Record], now: Int64? = nil) -> Record {
        let ordered = records.enumerated().sorted { lhs, rhs in
            isOlder(lhs.element, lhs.offset, rhs.element, rhs.offset)
        }.map(\.element)
        guard let newest = ordered.last else { return Record(fields: [], date: nil) }

        var fields: [Record.Field] = []
        var seenNames: Set<String> = []
        // Single fields: the newest record that has the field wins; the newest's order first.
        for record in ordered.reversed() {
            for field in record.fields {
                let lower = field.name.lowercased()
                if multiValued.contains(lower) || seenNames.contains(lower) { continue }
                let values = record.fields.filter { $0.name.lowercased() == lower }
                fields += values
                seenNames.insert(lower)
            }
        }
        var seenHashes: Set<String> = []
        for record in ordered.reversed() {
            for hash in record.hashes where seenHashes.insert(hash).inserted {
                fields.append(Record.Field("COI-From-Hash", hash))
            }
        }
        var seenIn: Set<String> = []
        for record in ordered {
            for value in record.values("COI-TokenIn") {
                let token = ContactToken(value)
                if let now, token.isExpired(at: now) { continue }
                if seenIn.insert(token.text).inserted { fields.append(Record.Field("COI-TokenIn", token.text)) }
            }
        }
        // COI-TokenOut: per hash, the newest creation time (later records win ties).
        var bestOut: [String: (token: ContactToken, order: Int)] = [:]
        var keptOut: [(token: ContactToken, order: Int)] = []
        var order = 0
        for record in ordered {
            for value in record.values("COI-TokenOut") {
                order += 1
                let token = ContactToken(value)
                guard let hash = token.hash else {
                    if !keptOut.contains(where: { $0.token.text == token.text }) { keptOut.append((token, order)) }
                    continue
                }
                if let current = bestOut[hash], (current.token.created ?? .min) > (token.created ?? .min) { continue }
                bestOut[hash] = (token, order)
            }
        }
        for entry in (keptOut + Array(bestOut.values)).sorted(by: { $0.order < $1.order }) {
            fields.append(Record.Field("COI-TokenOut", entry.token.text))
        }
        return Record(fields: fields, date: newest.date, uid: newest.uid)
    }

    static let multiValued: Set<String> = ["coi-from-hash", "coi-tokenin", "coi-tokenout"]

    static func isOlder(_ lhs: Record, _ lhsIndex: Int, _ rhs: Record, _ rhsIndex: Int) -> Bool {
        if let left = lhs.date, let right = rhs.date, left.secondsSinceEpoch != right.secondsSinceEpoch {
            return left.secondsSinceEpoch < right.secondsSinceEpoch
        }
        if let left = lhs.uid, let right = rhs.uid, left != right { return left < right }
        return lhsIndex < rhsIndex
    }
}
