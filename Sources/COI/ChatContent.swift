/// A `Chat-Content` value (COI client spec, "COI-specific Message Header Fields"): what a message
/// or part holds. An open set: extension messages use client-specific values, recommended to
/// start with a reverse domain (`com.example.MyMessage`).
///
/// The spec spells several values more than one way. This type reads every spelling and
/// ``canonical`` maps each to the one this library emits:
///
/// | read | emitted |
/// |---|---|
/// | `edit`, `editrequest` | `editrequest` |
/// | `deleterequest` (with or without a trailing `;`) | `deleterequest` |
/// | `groupprofile`, `groupinfo` | `groupinfo` |
/// | `groupprofilerequest`, `grouprequested` | `grouprequested` |
public struct ChatContent: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The value, lowercased unless it is an extension value (whose case is the client's).
    public var rawValue: String

    /// Creates a value from its spelling; known values are matched ignoring case.
    public init(rawValue: String) {
        let lower = rawValue.lowercased()
        self.rawValue = ChatContent.known.contains(lower) ? lower : rawValue
    }

    /// `ignore`: a part COI clients do not show (it is for ordinary mail clients).
    public static let ignore = ChatContent(rawValue: "ignore")
    /// `status`: the user's status.
    public static let status = ChatContent(rawValue: "status")
    /// `editrequest`: the message replaces the one in `In-Reply-To`.
    public static let editRequest = ChatContent(rawValue: "editrequest")
    /// `edit`: the spec's other spelling of ``editRequest``; read, never emitted.
    public static let legacyEdit = ChatContent(rawValue: "edit")
    /// `deleterequest`: the message deletes the one in `In-Reply-To`.
    public static let deleteRequest = ChatContent(rawValue: "deleterequest")
    /// `preview`: a small stand-in for a large part of the same message.
    public static let preview = ChatContent(rawValue: "preview")
    /// `contact`: a contact storage message.
    public static let contact = ChatContent(rawValue: "contact")
    /// `profile`: the sender's profile (a storage message, or a part of a chat message).
    public static let profile = ChatContent(rawValue: "profile")
    /// `profilerequest`: asks the recipient for their profile.
    public static let profileRequest = ChatContent(rawValue: "profilerequest")
    /// `group`: a group storage message.
    public static let group = ChatContent(rawValue: "group")
    /// `groupinfo`: a part describing the group (h-group).
    public static let groupInfo = ChatContent(rawValue: "groupinfo")
    /// `groupprofile`: the spec's other spelling of ``groupInfo``; read, never emitted.
    public static let legacyGroupProfile = ChatContent(rawValue: "groupprofile")
    /// `grouprequested`: asks the group for its description.
    public static let groupRequest = ChatContent(rawValue: "grouprequested")
    /// `groupprofilerequest`: the spec's other spelling of ``groupRequest``; read, never emitted.
    public static let legacyGroupProfileRequest = ChatContent(rawValue: "groupprofilerequest")
    /// `groupleft`: the sender leaves the group.
    public static let groupLeft = ChatContent(rawValue: "groupleft")
    /// `location`: an h-geo location.
    public static let location = ChatContent(rawValue: "location")
    /// `poll`: a poll (this project's design; see ``COIMessageBuilder/poll(_:)``).
    public static let poll = ChatContent(rawValue: "poll")
    /// `pollvote`: a vote on the poll in `In-Reply-To`.
    public static let pollVote = ChatContent(rawValue: "pollvote")
    /// `pollclose`: closes the poll in `In-Reply-To`.
    public static let pollClose = ChatContent(rawValue: "pollclose")

    static let known: Set<String> = [
        "ignore", "status", "editrequest", "edit", "deleterequest", "preview", "contact", "profile",
        "profilerequest", "group", "groupinfo", "groupprofile", "grouprequested", "groupprofilerequest",
        "groupleft", "location", "poll", "pollvote", "pollclose",
    ]

    /// The spelling this library emits for the same meaning.
    public var canonical: ChatContent {
        switch self {
        case .legacyEdit: .editRequest
        case .legacyGroupProfile: .groupInfo
        case .legacyGroupProfileRequest: .groupRequest
        default: self
        }
    }

    /// Whether this is one of the spec's superseded spellings.
    public var isLegacySpelling: Bool { canonical != self }

    /// Whether the spec defines this value (in any spelling).
    public var isKnown: Bool { ChatContent.known.contains(rawValue) }

    /// Whether this is an extension value: unknown, and starting with a reverse domain
    /// (`label "." label ...`), as the spec recommends for client-specific values.
    public var isExtension: Bool {
        guard !isKnown else { return false }
        let labels = rawValue.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.allSatisfy { byte in
                GroupID.isIDByte(byte)
            }
        }
    }

    /// The value.
    public var description: String { rawValue }
}
