/// A mailbox of RFC 5322 section 3.4: `mailbox = name-addr / addr-spec`, an optional display
/// name and the `addr-spec` (section 3.4.1) mail is delivered to.
///
/// Every part is decoded: the display name has its quoting, `quoted-pair` escapes and RFC 2047
/// encoded words undone, the local part its quoting. Non-ASCII text (RFC 6532) is kept as
/// Unicode. Use ``addrSpec`` for the address in canonical, re-quoted form.
public struct Mailbox: Sendable, Hashable, CustomStringConvertible {
    /// The display name (`display-name = phrase`, RFC 5322 section 3.4), or `nil` when the
    /// mailbox has none. A name found in a comment after a bare addr-spec (`john@x (John)`)
    /// is used when there is no other.
    public var displayName: String?
    /// The `local-part` of RFC 5322 section 3.4.1, unquoted: `"john doe"@x` has local part
    /// `john doe`.
    public var localPart: String
    /// The `domain` of RFC 5322 section 3.4.1, or `nil` for an address that had none (accepted
    /// leniently with a diagnostic). A `domain-literal` keeps its brackets: `[192.0.2.1]`.
    public var domain: String?
    /// The domains of an `obs-route` (`<@a,@b:user@host>`, RFC 5322 section 4.4), without `@`;
    /// kept for inspection but ignored for delivery and not rendered, as section 4.4 requires.
    public var route: [String]

    /// Creates a mailbox from its decoded parts.
    public init(displayName: String? = nil, localPart: String, domain: String?, route: [String] = []) {
        self.displayName = displayName
        self.localPart = localPart
        self.domain = domain
        self.route = route
    }

    /// The `addr-spec = local-part "@" domain` of RFC 5322 section 3.4.1 in canonical form: the
    /// local part as a `dot-atom` when it is one, otherwise as a `quoted-string`; just the local
    /// part when there is no domain.
    public var addrSpec: String {
        let local = Mailbox.renderLocalPart(localPart)
        guard let domain else { return local }
        return local + "@" + domain
    }

    /// `Name <local@domain>` or `local@domain`, for logs; use ``headerText(allowingUTF8:)`` to write a header.
    public var description: String {
        guard let displayName else { return addrSpec }
        return "\(displayName) <\(addrSpec)>"
    }

    /// Parses a single `mailbox` (RFC 5322 section 3.4) leniently; `nil` when the text holds no
    /// mailbox, or more than one address.
    public init?(_ string: String) {
        let addresses = AddressListParser().parse(string)
        guard addresses.count == 1, case .mailbox(let mailbox) = addresses[0] else { return nil }
        self = mailbox
    }
}
