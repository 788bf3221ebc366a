/// A named group of mailboxes, RFC 5322 section 3.4:
/// `group = display-name ":" [group-list] ";" [CFWS]`.
///
/// Groups let a sender name a list without disclosing it; the common empty group is
/// `undisclosed-recipients:;`.
public struct AddressGroup: Sendable, Hashable, CustomStringConvertible {
    /// The group's `display-name`, decoded like a mailbox's display name.
    public var name: String
    /// The members, in order; empty for `Name:;`. Groups do not nest (section 3.4).
    public var members: [Mailbox]

    /// Creates a group.
    public init(name: String, members: [Mailbox] = []) {
        self.name = name
        self.members = members
    }

    /// `Name: a@x, b@y;`, for logs; use ``headerText(allowingUTF8:)`` to write a header.
    public var description: String {
        "\(name): " + members.map(\.description).joined(separator: ", ") + ";"
    }

    /// Parses a single `group` (RFC 5322 section 3.4) leniently; `nil` when the text is not one
    /// group.
    public init?(_ string: String) {
        let addresses = AddressListParser().parse(string)
        guard addresses.count == 1, case .group(let group) = addresses[0] else { return nil }
        self = group
    }
}
