/// A message identifier, RFC 5322 section 3.6.4:
/// `msg-id = [CFWS] "<" id-left "@" id-right ">" [CFWS]`.
///
/// Used by `Message-ID`, `In-Reply-To`, `References` and their `Resent-` forms to thread
/// messages; two identifiers are the same message when their ``text`` is equal.
public struct MessageID: Sendable, Hashable, CustomStringConvertible {
    /// The `id-left` (or `obs-id-left`), unquoted.
    public var left: String
    /// The `id-right` (or `obs-id-right`, or `no-fold-literal` with its brackets), or `nil` for
    /// an identifier without `@` (accepted leniently with a diagnostic).
    public var right: String?

    /// Creates an identifier from its parts.
    public init(left: String, right: String?) {
        self.left = left
        self.right = right
    }

    /// The identifier without angle brackets, `left@right`: the `id-left` as a `dot-atom-text`
    /// when it is one, else as a `quoted-string` (the `obs-id-left` form of section 4.5.4).
    public var text: String {
        let local = AddressRendering.isDotAtom(left.utf8) ? left : AddressRendering.quoted(left)
        guard let right else { return local }
        return local + "@" + right
    }

    /// The identifier as written in a header, `<left@right>` (RFC 5322 section 3.6.4).
    public var bracketed: String { "<" + text + ">" }

    /// ``bracketed``.
    public var description: String { bracketed }

    /// Parses one `msg-id` (RFC 5322 section 3.6.4) leniently, with or without angle brackets;
    /// `nil` when the text holds no identifier or more than one.
    public init?(_ string: String) {
        var diagnostics: [Diagnostic] = []
        let ids = MessageID.parseList(ArraySlice(Array(string.utf8)), diagnostics: &diagnostics)
        guard ids.count == 1 else { return nil }
        self = ids[0]
    }
}

extension Array where Element == MessageID {
    /// The identifiers as header tokens, `1*msg-id` of RFC 5322 section 3.6.4 (`References`,
    /// `In-Reply-To`): one bracketed identifier per token. Joined with single spaces they form
    /// the field body, which may be folded at any of those spaces.
    public var headerTokens: [String] { map(\.bracketed) }

    /// ``headerTokens`` joined with single spaces.
    public var headerText: String { headerTokens.joined(separator: " ") }
}
