/// One user's COI settings, and the rules for changing them with `SETMETADATA` (COI server spec,
/// "Getting COI Namespace Configuration", "Configure COI Usage", "Configure Message Filtering").
public struct COIConfiguration: Sendable, Hashable {
    /// Whether COI is enabled: only a stored `enabled` of exactly `yes` counts.
    public var isEnabled: Bool
    /// The root mailbox of the COI folders, `COI` unless the server says otherwise.
    public var mailboxRoot: String
    /// The filter mode; `none` when unset.
    public var messageFilter: MessageFilter
    /// Whether users may set their own `mailbox-root`; the spec makes this the server's choice
    /// and its example refuses it.
    public var allowsUserMailboxRoot: Bool
    /// The hierarchy delimiter of the server's mailbox names.
    public var delimiter: Character

    /// The default root mailbox.
    public static let defaultMailboxRoot = "COI"

    /// Creates a configuration.
    public init(isEnabled: Bool = false, mailboxRoot: String = COIConfiguration.defaultMailboxRoot,
                messageFilter: MessageFilter = .none, allowsUserMailboxRoot: Bool = false, delimiter: Character = "/") {
        self.isEnabled = isEnabled
        self.mailboxRoot = mailboxRoot
        self.messageFilter = messageFilter
        self.allowsUserMailboxRoot = allowsUserMailboxRoot
        self.delimiter = delimiter
    }

    /// Reads stored values the way the spec tells clients to: `enabled` counts only when it is
    /// `yes`, an unknown filter value counts as `none`.
    public init(stored: [COISetting: String], allowsUserMailboxRoot: Bool = false, delimiter: Character = "/") {
        self.init(isEnabled: stored[.enabled] == "yes",
                  mailboxRoot: stored[.mailboxRoot].flatMap { $0.isEmpty ? nil : $0 } ?? COIConfiguration.defaultMailboxRoot,
                  messageFilter: stored[.messageFilter].flatMap(MessageFilter.init(rawValue:)) ?? .none,
                  allowsUserMailboxRoot: allowsUserMailboxRoot, delimiter: delimiter)
    }

    /// The folder rules for this configuration's root and delimiter.
    public var folders: COIFolders { COIFolders(mailboxRoot: mailboxRoot, delimiter: delimiter) }

    /// The values to return for `GETMETADATA (DEPTH 1) "" (/private/vendor/vendor.dovecot/coi/config)`,
    /// in the spec example's order; `enabled` and `message-filter` only when set.
    public var metadataEntries: [(path: String, value: String)] {
        var entries: [(String, String)] = []
        if isEnabled { entries.append((COISetting.enabled.path, "yes")) }
        entries.append((COISetting.mailboxRoot.path, mailboxRoot))
        if messageFilter != .none { entries.append((COISetting.messageFilter.path, messageFilter.rawValue)) }
        return entries
    }

    /// What the server must do before it answers `OK` to an accepted `SETMETADATA`.
    public enum Action: Sendable, Hashable {
        /// Create the mailbox if it does not exist; `subscribe` says whether to subscribe it on
        /// the user's behalf.
        case createMailboxIfMissing(String, subscribe: Bool)
        /// Store (or, for `nil`, remove) the setting's value.
        case store(COISetting, String?)
        /// Start filtering delivered messages in this mode.
        case startFiltering(MessageFilter)
        /// Stop filtering chat messages (COI was disabled).
        case stopFiltering
    }

    /// Validates `SETMETADATA <setting> <value>` (`nil` for `NIL`) and returns the actions it
    /// requires, updating the configuration; refuses with the spec's reasons.
    ///
    /// - `enabled`: `yes` (case-sensitive) or `NIL`; anything else is refused with
    ///   `invalid value for …/enabled: "VALUE"` (quoted, as in the spec's example).
    /// - `message-filter`: `none`, `active` or `seen` (case-sensitive) or `NIL`; anything else is
    ///   refused with `invalid value for …/message-filter: VALUE` (unquoted, as in the spec's
    ///   example, which differs from the `enabled` one).
    /// - `mailbox-root`: refused with `unable to set …/mailbox-root` unless
    ///   ``allowsUserMailboxRoot``; then any name that is a valid mailbox name.
    public mutating func set(_ setting: COISetting, to value: String?) throws(MetadataRefusal) -> [Action] {
        switch setting {
        case .enabled:
            switch value {
            case nil:
                isEnabled = false
                return [.store(.enabled, nil), .stopFiltering]
            case "yes":
                isEnabled = true
                var actions = folders.requiredWhenEnabling.map { Action.createMailboxIfMissing($0.name, subscribe: $0.subscribe) }
                actions.append(.store(.enabled, "yes"))
                if messageFilter != .none { actions.append(.startFiltering(messageFilter)) }
                return actions
            case let value?:
                throw MetadataRefusal(code: .invalidValue, text: "invalid value for \(setting.path): \"\(value)\"")
            }
        case .messageFilter:
            guard let value else {
                messageFilter = .none
                return [.store(.messageFilter, nil)] + (isEnabled ? [.startFiltering(.none)] : [])
            }
            guard let mode = MessageFilter(rawValue: value) else {
                throw MetadataRefusal(code: .invalidValue, text: "invalid value for \(setting.path): \(value)")
            }
            messageFilter = mode
            var actions: [Action] = []
            if mode != .none {
                actions.append(.createMailboxIfMissing(folders.chats, subscribe: true))
            }
            actions.append(.store(.messageFilter, mode.rawValue))
            if isEnabled { actions.append(.startFiltering(mode)) }
            return actions
        case .mailboxRoot:
            guard allowsUserMailboxRoot else {
                throw MetadataRefusal(code: .cannotSet, text: "unable to set \(setting.path)")
            }
            let root = value ?? COIConfiguration.defaultMailboxRoot
            guard COIFolders.isValidMailboxName(root, delimiter: delimiter) else {
                throw MetadataRefusal(code: .invalidValue, text: "invalid value for \(setting.path): \"\(root)\"")
            }
            mailboxRoot = root
            var actions: [Action] = [.store(.mailboxRoot, value)]
            if isEnabled {
                actions = folders.requiredWhenEnabling.map { Action.createMailboxIfMissing($0.name, subscribe: $0.subscribe) } + actions
            }
            return actions
        }
    }
}
