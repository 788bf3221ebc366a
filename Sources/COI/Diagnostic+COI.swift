public import MIMECodecs

/// Findings of ``COIEvent/init(classifying:)``: ways a message breaks or stretches the COI client
/// spec. Legacy spellings the spec itself uses are `info`; broken SHOULDs are `warning`; broken
/// MUSTs are `error`. The codes start with `coi-`.
extension Diagnostic.Code {
    /// `Chat-Content` uses a superseded spelling (`edit`, `groupprofile`, `groupprofilerequest`).
    public static let coiChatContentLegacy = Diagnostic.Code("coi-chat-content-legacy")
    /// `Chat-Content` ends with a bare `;` (`deleterequest;`).
    public static let coiChatContentTrailingSemicolon = Diagnostic.Code("coi-chat-content-trailing-semicolon")
    /// `Chat-Content` holds a value the spec does not define and that starts with no reverse
    /// domain, as extension values must.
    public static let coiChatContentUnknown = Diagnostic.Code("coi-chat-content-unknown")
    /// A parameter value with spaces or commas is not quoted (`timeout=Tue, 5 Dec ...`).
    public static let coiUnquotedParameter = Diagnostic.Code("coi-unquoted-parameter")
    /// The message-id uses the `coi$` prefix used before 2019-07 instead of `chat$`.
    public static let coiLegacyPrefix = Diagnostic.Code("coi-legacy-prefix")
    /// A `chat$group.` message-id whose group id breaks the group id grammar.
    public static let coiMalformedGroupID = Diagnostic.Code("coi-malformed-group-id")
    /// A group id shorter than the 12 characters the spec requires (11-character ids are
    /// Delta Chat's and are accepted).
    public static let coiShortGroupID = Diagnostic.Code("coi-short-group-id")
    /// A message sent as a chat message (chat `Message-ID`) without `Chat-Version`.
    public static let coiMissingChatVersion = Diagnostic.Code("coi-missing-chat-version")
    /// A `Chat-Version` other than 1.0.
    public static let coiUnsupportedChatVersion = Diagnostic.Code("coi-unsupported-chat-version")
    /// A chat message whose `Message-ID` is not a chat identifier.
    public static let coiMessageIDNotChat = Diagnostic.Code("coi-message-id-not-chat")
    /// A chat message without `Message-ID`, `Date` or `MIME-Version`, or with more than one
    /// `From` address.
    public static let coiMissingField = Diagnostic.Code("coi-missing-field")
    /// More than one address in `From`.
    public static let coiMultipleFrom = Diagnostic.Code("coi-multiple-from")
    /// A chat message with a `Sender` field.
    public static let coiSenderPresent = Diagnostic.Code("coi-sender-present")
    /// `Disposition-Notification-To` differs from `From`.
    public static let coiReceiptAddressMismatch = Diagnostic.Code("coi-receipt-address-mismatch")
    /// An edit, delete, vote, poll close or reaction without the message it refers to.
    public static let coiMissingReference = Diagnostic.Code("coi-missing-reference")
    /// A malformed message-id in `In-Reply-To` or `References`.
    public static let coiMalformedReference = Diagnostic.Code("coi-malformed-reference")
    /// A chat message with no part an ordinary mail client can show.
    public static let coiNoReadablePart = Diagnostic.Code("coi-no-readable-part")
    /// A binary part without `Content-Transfer-Encoding`, or without `inline` disposition.
    public static let coiBinaryPartFields = Diagnostic.Code("coi-binary-part-fields")
    /// A read receipt that includes the original message, which COI clients should not send.
    public static let coiReceiptIncludesOriginal = Diagnostic.Code("coi-receipt-includes-original")
    /// A read receipt without `Original-Message-ID`.
    public static let coiReceiptWithoutOriginal = Diagnostic.Code("coi-receipt-without-original")
    /// A contact storage message without a well-formed `COI-From-Hash`.
    public static let coiContactHash = Diagnostic.Code("coi-contact-hash")
    /// A pinned message whose `timeout` is no date.
    public static let coiPinnedTimeout = Diagnostic.Code("coi-pinned-timeout")
    /// Address lists separated by `;` or ending in `;`, which the spec's examples use.
    public static let coiAddressSemicolons = Diagnostic.Code("coi-address-semicolons")
    /// A `Date` whose weekday does not match the date (every example of the spec has one).
    public static let coiDateWeekday = Diagnostic.Code("coi-date-weekday")
    /// Header fields read from the first part of a `multipart/mixed` body (Delta Chat's
    /// protected headers) rather than from the message header.
    public static let coiHiddenHeaders = Diagnostic.Code("coi-hidden-headers")
    /// The HTML of a microformat part could not be read.
    public static let coiUnreadableHTML = Diagnostic.Code("coi-unreadable-html")
}
