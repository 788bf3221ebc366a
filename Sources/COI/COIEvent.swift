public import MIMECodecs
public import MIMECore

/// What a received message means to a chat client: its ``Kind``, group, the message it refers
/// to, and findings for everything that breaks the COI client spec.
///
/// Create one with ``init(classifying:)`` from a parsed message, or with
/// ``init(classifying:options:)`` straight from bytes (any bytes: this never traps, and is
/// the entry point the fuzzers drive). Delta Chat's messages are read into the same events.
///
/// `chatContent` is the top-level `Chat-Content` value as sent (unfolded and trimmed, legacy
/// spelling and trailing `;` kept); when the message has none, the value of the first part
/// whose `Chat-Content` decided the kind (a `groupinfo`, `location` or `profile` part), else
/// `nil`. The kind is decided in this order:
/// 1. the top-level `Chat-Content` (`editrequest`/`edit` → edit, `deleterequest` → delete,
///    `contact`, `profile`, `profilerequest`, `group`/`groupinfo`/`groupprofile` → groupInfo,
///    `grouprequested`/`groupprofilerequest` → groupRequest, `groupleft`, `location`, `poll`,
///    `pollvote`, `pollclose`, a reverse-domain value → extension);
/// 2. Delta Chat's `Chat-Edit`, `Chat-Delete`, `Chat-Group-Member-Removed` (the sender itself →
///    groupLeft), `Chat-Group-Member-Added`/`-Removed`/`Chat-Group-Name-Changed` → groupInfo;
/// 3. an RFC 9078 reaction (`Content-Disposition: reaction`);
/// 4. an RFC 8098 report (`multipart/report; report-type=disposition-notification`) → readReceipt;
/// 5. a part's `Chat-Content` (`groupinfo`, `location`, `profile`, `poll`... as above);
/// 6. `Content-Disposition: pinned` → pinned;
/// 7. an attachment (a non-text leaf that is no preview) → media;
/// 8. text for a chat message, plainEmail otherwise.
public struct COIEvent: Sendable {
    /// An event kind. An open set; raw values are the `"event"` spellings of
    /// `coi-lint inspect --json`.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The kind's spelling.
        public var rawValue: String
        /// Creates a kind from its spelling.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A text message (also formatted text and mentions).
        public static let text = Kind(rawValue: "text")
        /// One or more attachments (images, audio, video, files).
        public static let media = Kind(rawValue: "media")
        /// An edit request for ``COIEvent/refersTo``.
        public static let edit = Kind(rawValue: "edit")
        /// A delete request for ``COIEvent/refersTo``.
        public static let delete = Kind(rawValue: "delete")
        /// A read receipt (RFC 8098) for ``COIEvent/refersTo``.
        public static let readReceipt = Kind(rawValue: "readReceipt")
        /// A contact storage message.
        public static let contact = Kind(rawValue: "contact")
        /// A profile: a profile storage message, or a message with a profile part.
        public static let profile = Kind(rawValue: "profile")
        /// A request for the recipient's profile.
        public static let profileRequest = Kind(rawValue: "profileRequest")
        /// A group was created or changed: a groupinfo part, a group storage message, or Delta
        /// Chat's member and name changes.
        public static let groupInfo = Kind(rawValue: "groupInfo")
        /// The sender left the group.
        public static let groupLeft = Kind(rawValue: "groupLeft")
        /// A request for the group's description.
        public static let groupRequest = Kind(rawValue: "groupRequest")
        /// A location (h-geo).
        public static let location = Kind(rawValue: "location")
        /// A pinned message.
        public static let pinned = Kind(rawValue: "pinned")
        /// A poll.
        public static let poll = Kind(rawValue: "poll")
        /// A vote on the poll ``COIEvent/refersTo``.
        public static let pollVote = Kind(rawValue: "pollVote")
        /// The poll ``COIEvent/refersTo`` was closed.
        public static let pollClose = Kind(rawValue: "pollClose")
        /// A client-specific extension message.
        public static let `extension` = Kind(rawValue: "extension")
        /// A reaction (RFC 9078) to ``COIEvent/refersTo``.
        public static let reaction = Kind(rawValue: "reaction")
        /// Not a chat message.
        public static let plainEmail = Kind(rawValue: "plainEmail")

        /// The kind's spelling.
        public var description: String { rawValue }
    }

    /// What the message is.
    public var kind: Kind
    /// Whether and why it is a chat message.
    public var detection: COIDetection
    /// The group it belongs to (``GroupID/init(fields:)``).
    public var groupID: GroupID?
    /// The group's name: Delta Chat's `Chat-Group-Name`, else, in a group, the `Subject`
    /// without reply prefixes (``SubjectNormalizer``).
    public var groupName: String?
    /// The `Chat-Content` value as sent (see the type's documentation for which one).
    public var chatContent: String?
    /// ``chatContent``'s value in the spelling this library emits.
    public var canonicalChatContent: ChatContent?
    /// The message an edit, delete, read receipt, vote, poll close or reaction refers to.
    public var refersTo: MessageID?
    /// The message's own `Message-ID`.
    public var messageID: MessageID?
    /// The sender (first `From` mailbox).
    public var sender: Mailbox?
    /// `Date`.
    public var date: MessageDate?
    /// Whether the sender asks for a read receipt (`Disposition-Notification-To` or Delta
    /// Chat's `Chat-Disposition-Notification-To`).
    public var requestsReadReceipt: Bool
    /// The receipt, for ``Kind/readReceipt``.
    public var readReceipt: ReadReceipt?
    /// The reaction text (usually one emoji; empty withdraws), for ``Kind/reaction``.
    public var reaction: String?
    /// Until when a pinned message stays pinned (`timeout`), if given and readable.
    public var pinnedUntil: MessageDate?
    /// The `categories` of the profile parts, in part order (empty lists for parts for everyone).
    public var profileCategories: [[String]]
    /// Delta Chat's group member changes.
    public var membersAdded: [String]
    /// Delta Chat's group member changes.
    public var membersRemoved: [String]
    /// Problems found, with byte ranges in the message.
    public var findings: [Diagnostic]

    /// Classifies a parsed message.
    public init(classifying message: Message) {
        var classifier = COIClassifier(message: message)
        self = classifier.classify()
    }

    /// Parses and classifies any bytes; never traps, whatever the input (the parser's limits in
    /// `options` bound time and memory).
    public init(classifying bytes: [UInt8], options: ParserOptions = ParserOptions()) {
        self.init(classifying: Message.parse(bytes, options: options))
    }

    init(kind: Kind, detection: COIDetection) {
        self.kind = kind
        self.detection = detection
        groupID = nil
        groupName = nil
        chatContent = nil
        canonicalChatContent = nil
        refersTo = nil
        messageID = nil
        sender = nil
        date = nil
        requestsReadReceipt = false
        readReceipt = nil
        reaction = nil
        pinnedUntil = nil
        profileCategories = []
        membersAdded = []
        membersRemoved = []
        findings = []
    }
}
