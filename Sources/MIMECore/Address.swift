/// One element of an `address-list`, RFC 5322 section 3.4: `address = mailbox / group`.
public enum Address: Sendable, Hashable, CustomStringConvertible {
    /// A single mailbox.
    case mailbox(Mailbox)
    /// A named group of mailboxes.
    case group(AddressGroup)

    /// The mailboxes this address stands for: itself, or the group's members.
    public var mailboxes: [Mailbox] {
        switch self {
        case .mailbox(let mailbox): [mailbox]
        case .group(let group): group.members
        }
    }

    /// The mailbox's or group's description, for logs.
    public var description: String {
        switch self {
        case .mailbox(let mailbox): mailbox.description
        case .group(let group): group.description
        }
    }

    /// Parses a single `address` (RFC 5322 section 3.4) leniently; `nil` when the text holds no
    /// address or more than one.
    public init?(_ string: String) {
        let addresses = AddressListParser().parse(string)
        guard addresses.count == 1 else { return nil }
        self = addresses[0]
    }

    /// Parses an `address-list` (RFC 5322 section 3.4) with the default limits of
    /// ``AddressListParser``.
    public static func parseList(_ value: ArraySlice<UInt8>, diagnostics: inout [Diagnostic]) -> [Address] {
        AddressListParser().parse(value, diagnostics: &diagnostics)
    }

    /// Parses an `address-list` held in a string (RFC 5322 section 3.4), dropping diagnostics.
    public static func parseList(_ string: String) -> [Address] {
        AddressListParser().parse(string)
    }
}

extension Array where Element == Address {
    /// Every mailbox of the list, group members in place of their group (RFC 5322 section 3.4
    /// gives groups no meaning for delivery).
    public var mailboxes: [Mailbox] { flatMap(\.mailboxes) }
}
