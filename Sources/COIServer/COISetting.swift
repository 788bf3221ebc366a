/// A setting under `/private/vendor/vendor.dovecot/coi/config` (COI server spec, "Getting COI
/// Namespace Configuration").
public enum COISetting: String, Sendable, Hashable, CaseIterable {
    /// `enabled`: `yes` when the user has turned COI on.
    case enabled
    /// `mailbox-root`: the root mailbox of the COI folders, `COI` by default.
    case mailboxRoot = "mailbox-root"
    /// `message-filter`: how delivered chat messages are filed.
    case messageFilter = "message-filter"

    /// The setting's full entry name.
    public var path: String { MetadataPath.coiSetting(self).description }
}
