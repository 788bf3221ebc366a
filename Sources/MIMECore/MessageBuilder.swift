#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A new message to be written: its top-level header fields (RFC 5322 section 3.6) and a body
/// that is a tree of MIME entities (RFC 2045, RFC 2046), serialized to bytes with
/// ``serialize()``.
///
/// A value type: set the fields, build the ``body`` from ``Part`` values, and serialize; the
/// builder is not changed by serializing, and can be copied to make variants. Everything is
/// rendered the way the RFCs ask of a generator:
/// - unstructured text (`Subject`, text extension fields) with non-ASCII characters becomes
///   RFC 2047 encoded words;
/// - addresses and message identifiers go through their renderers (RFC 5322 sections 3.4 and
///   3.6.4), the date through ``MessageDate/rfc5322`` (section 3.3);
/// - fields are folded by ``HeaderFolder`` (RFC 5322 section 2.2.3);
/// - parameters such as non-ASCII or long file names use RFC 2231;
/// - each leaf's content-transfer-encoding is chosen from its content by
///   ``TransferEncodingSelector`` (RFC 2045 section 6);
/// - multipart boundaries are checked against the encoded content (RFC 2046 section 5.1.1);
/// - lines end in `CRLF` and `MIME-Version: 1.0` is added (RFC 2045 section 4).
///
/// Output is deterministic when the caller supplies the ``date``, the ``messageID`` (or a
/// ``MessageIDGenerator``) and a ``BoundaryGenerator``; see
/// ``serialize(boundaries:messageIDs:now:)``.
public struct MessageBuilder: Sendable {
    /// `From` (RFC 5322 section 3.6.2): the authors; at least one is required.
    public var from: [Mailbox]
    /// `Sender` (RFC 5322 section 3.6.2): required when `from` has more than one mailbox.
    public var sender: Mailbox?
    /// `Reply-To` (RFC 5322 section 3.6.2).
    public var replyTo: [Address]
    /// `To` (RFC 5322 section 3.6.3).
    public var to: [Address]
    /// `Cc` (RFC 5322 section 3.6.3).
    public var cc: [Address]
    /// `Bcc` (RFC 5322 section 3.6.3). Written only when ``writesBcc`` is set: the usual way to
    /// send blind copies is to give these addresses to the transport and leave them out of the
    /// header (the first method of section 3.6.3).
    public var bcc: [Address]
    /// Whether to write the `Bcc` field (for a copy kept by the sender, say).
    public var writesBcc: Bool
    /// `Subject` (RFC 5322 section 3.6.5), any Unicode text; encoded per RFC 2047 when needed.
    public var subject: String?
    /// `Date` (RFC 5322 section 3.6.1); when `nil`, serialization uses the current time.
    public var date: MessageDate?
    /// `Message-ID` (RFC 5322 section 3.6.4); when `nil`, serialization generates one.
    public var messageID: MessageID?
    /// `In-Reply-To` (RFC 5322 section 3.6.4).
    public var inReplyTo: [MessageID]
    /// `References` (RFC 5322 section 3.6.4).
    public var references: [MessageID]
    /// Further fields, written in order after the standard ones (`Chat-Version`, `X-Mailer`...).
    public var extraFields: [Field]
    /// The body: a single leaf, a multipart tree or an encapsulated message.
    public var body: Part
    /// Whether leaves may be sent as `8bit` (RFC 6152 transports) instead of being encoded.
    public var allows8bit: Bool
    /// Whether the header may carry UTF-8 (RFC 6532, for transports with SMTPUTF8, RFC 6531):
    /// display names are then written as UTF-8 rather than encoded words, and addresses or
    /// identifiers with non-ASCII local parts or domains are accepted. Off by default, when such
    /// addresses are refused with ``Error/nonASCIIHeader(field:)``.
    public var allowsUTF8Headers: Bool

    /// Creates a message; everything but the body can also be set afterwards.
    public init(
        from: [Mailbox] = [], to: [Address] = [], cc: [Address] = [], subject: String? = nil,
        date: MessageDate? = nil, messageID: MessageID? = nil, body: Part = .text("")
    ) {
        self.from = from
        self.sender = nil
        self.replyTo = []
        self.to = to
        self.cc = cc
        self.bcc = []
        self.writesBcc = false
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.inReplyTo = []
        self.references = []
        self.extraFields = []
        self.body = body
        self.allows8bit = false
        self.allowsUTF8Headers = false
    }

    /// Serializes the message with random boundaries and message identifier
    /// (``RandomBoundaryGenerator``, ``RandomMessageIDGenerator``, both backed by the system's
    /// secure random source) and, when ``date`` is `nil`, the current time in UTC.
    public func serialize() throws(Error) -> [UInt8] {
        var boundaries = RandomBoundaryGenerator()
        var ids = RandomMessageIDGenerator()
        return try serialize(boundaries: &boundaries, messageIDs: &ids, now: MessageBuilder.currentDate)
    }

    /// Serializes the message (RFC 5322 section 3.5) with the given sources of boundaries,
    /// message identifiers and time, so that the output is reproducible.
    ///
    /// `now` is called only when a message (this one or an encapsulated one) has no ``date``;
    /// `messageIDs` only when one has no ``messageID``.
    public func serialize<Boundaries: BoundaryGenerator, IDs: MessageIDGenerator>(
        boundaries: inout Boundaries, messageIDs: inout IDs, now: () -> MessageDate
    ) throws(Error) -> [UInt8] {
        var writer = MessageWriter(boundaries: boundaries, messageIDs: messageIDs)
        defer {
            boundaries = writer.boundaries
            messageIDs = writer.messageIDs
        }
        return try writer.message(self, now: now)
    }

    /// Whether `boundary` matches `boundary := 0*69<bchars> bcharsnospace` (RFC 2046 section
    /// 5.1.1): 1 to 70 letters, digits and `'()+_,-./:=?` or space, not ending in a space.
    public static func isValidBoundary(_ boundary: String) -> Bool {
        let bytes = Array(boundary.utf8)
        guard (1...70).contains(bytes.count), bytes.last != ASCII.space else { return false }
        return bytes.allSatisfy { byte in
            if ASCII.isAlpha(byte) || ASCII.isDigit(byte) { return true }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"), UInt8(ascii: "_"),
                UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"),
                UInt8(ascii: "="), UInt8(ascii: "?"), ASCII.space:
                return true
            default:
                return false
            }
        }
    }

    /// The current time in UTC, from the system clock, for the `Date` field. UTC because the
    /// local offset needs the time zone database, and `+0000` is a correct `zone` (RFC 5322
    /// section 3.3).
    static func currentDate() -> MessageDate {
        let seconds = Int64(time(nil))
        if let date = MessageDate(secondsSinceEpoch: seconds) { return date }
        // Only a clock set beyond the year 9999 gets here; the epoch keeps the field valid.
        return MessageDate(year: 1970, month: 1, day: 1, hour: 0, minute: 0)!
    }
}
