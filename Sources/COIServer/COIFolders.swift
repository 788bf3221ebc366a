/// The COI folders under a mailbox root and the rules that tie them to the `enabled` setting
/// (COI server spec, "Configure COI Usage" and "Indirectly Disabling and Enabling COI").
public struct COIFolders: Sendable, Hashable {
    /// The root mailbox, `COI` by default.
    public var mailboxRoot: String
    /// The hierarchy delimiter.
    public var delimiter: Character

    /// Creates the rules for a root.
    public init(mailboxRoot: String = COIConfiguration.defaultMailboxRoot, delimiter: Character = "/") {
        self.mailboxRoot = mailboxRoot
        self.delimiter = delimiter
    }

    /// `<root>/Chats`, where chat messages are filed.
    public var chats: String { mailboxRoot + String(delimiter) + "Chats" }
    /// `<root>/Contacts`, where clients keep contacts.
    public var contacts: String { mailboxRoot + String(delimiter) + "Contacts" }

    /// The folders enabling COI must create before the server answers `OK`, with whether to
    /// subscribe them: Chats SHOULD be subscribed, Contacts MAY be (this module does not).
    public var requiredWhenEnabling: [(name: String, subscribe: Bool)] {
        [(contacts, false), (chats, true)]
    }

    /// What a folder operation means for COI.
    public enum Decision: Sendable, Hashable {
        /// An ordinary operation; COI is unaffected.
        case allow
        /// Allowed, and COI becomes enabled: store `enabled` = `yes`.
        case allowAndEnableCOI
        /// Allowed, and COI becomes disabled: remove `enabled`.
        case allowAndDisableCOI
        /// Refuse with `NO` and this text.
        case refuse(String)

        /// The `enabled` value to store with the operation, when it changes: `.some(nil)` removes it.
        public var enabledSetting: String?? {
            switch self {
            case .allowAndEnableCOI: .some("yes")
            case .allowAndDisableCOI: .some(nil)
            case .allow, .refuse: nil
            }
        }
    }

    /// `CREATE name`: creating `<root>/Chats` indirectly enables COI.
    public func create(_ name: String) -> Decision {
        name == chats ? .allowAndEnableCOI : .allow
    }

    /// `DELETE name`: deleting `<root>/Chats` indirectly disables COI. Deleting the root itself
    /// leaves its children (RFC 3501 section 6.3.4), so only Chats counts.
    public func delete(_ name: String) -> Decision {
        name == chats ? .allowAndDisableCOI : .allow
    }

    /// `RENAME from to`, given the user's trash folders (the `\Trash` special-use mailbox and the
    /// server's default trash).
    ///
    /// Moving Chats (or a parent that carries it) into a trash folder disables COI; any other
    /// rename of Chats is refused, as the spec recommends; renaming something to `<root>/Chats`
    /// enables COI.
    public func rename(from source: String, to target: String, trash: Set<String>) -> Decision {
        let separator = String(delimiter)
        let movesChats = source == chats || chats.hasPrefix(source + separator)
        if movesChats {
            let intoTrash = trash.contains { target == $0 || target.hasPrefix($0 + separator) }
            return intoTrash ? .allowAndDisableCOI : .refuse("\(chats) can only be moved to the trash")
        }
        return target == chats ? .allowAndEnableCOI : .allow
    }

    /// Whether `name` can name a mailbox: non-empty, no IMAP wildcard, no empty level, no
    /// control character.
    public static func isValidMailboxName(_ name: String, delimiter: Character) -> Bool {
        guard !name.isEmpty, !name.contains("*"), !name.contains("%") else { return false }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return false }
        return !name.split(separator: delimiter, omittingEmptySubsequences: false).contains { $0.isEmpty }
    }
}
