public import COIMicroformats
public import MIMECore

extension COIMessageBuilder {
    /// A contact storage message (COI client spec, "Contact Storage Messages"): the h-card in
    /// `text/html`, `Chat-Content: contact`, one `COI-From-Hash` per address of the card,
    /// `COI-Blocked: yes` for a blocked contact, and the server's `COI-TokenIn`/`COI-TokenOut`
    /// values copied unchanged (clients must not change them). `Subject` is `Contact` unless set.
    public func contact(_ card: HCard, blocked: Bool = false, tokensIn: [String] = [],
                        tokensOut: [String] = []) -> MessageBuilder {
        var copy = storage(subject: "Contact")
        copy.group = nil
        var fields: [MessageBuilder.Field] = card.emails.map {
            MessageBuilder.Field("COI-From-Hash", .structured(COIFromHash.hash(address: $0)))
        }
        if blocked { fields.append(MessageBuilder.Field("COI-Blocked", .structured("yes"))) }
        fields += tokensIn.map { MessageBuilder.Field("COI-TokenIn", .structured($0)) }
        fields += tokensOut.map { MessageBuilder.Field("COI-TokenOut", .structured($0)) }
        return copy.envelope(Self.html(card.html), chatContent: ChatContent.contact.rawValue, extra: fields)
    }

    /// One audience's profile in a profile storage message.
    public struct ProfileVariant: Sendable, Hashable {
        /// The profile shown to this audience.
        public var card: HCard
        /// The contact categories it is for (`friend`, `family`, `work`...); empty for everyone else.
        public var categories: [String]

        /// Creates a variant.
        public init(_ card: HCard, categories: [String] = []) {
            self.card = card
            self.categories = categories
        }
    }

    /// A user profile storage message (COI client spec, "User Profile Storage Message"):
    /// `multipart/mixed` of `text/html` h-card parts, each with `Chat-Content: profile` and a
    /// quoted `categories` list when it is for some categories only. `Subject` is `Profile`
    /// unless set.
    public func profileStorage(_ variants: [ProfileVariant]) -> MessageBuilder {
        var copy = storage(subject: "Profile")
        copy.group = nil
        let parts = variants.map { variant -> MessageBuilder.Part in
            var part = Self.html(variant.card.html)
            let parameters = variant.categories.isEmpty ? [] : [(name: "categories", value: variant.categories.joined(separator: ","))]
            part.extraFields.append(Self.chatContentField(.profile, parameters: parameters))
            return part
        }
        return copy.envelope(.multipart("mixed", parts), chatContent: ChatContent.profile.rawValue)
    }

    /// A chat message carrying the sender's profile (COI client spec, "User Profile Information
    /// Message Part"): `multipart/alternative` with the text and an HTML part holding the text
    /// and the h-card, marked `Chat-Content: profile`.
    public func textWithProfile(_ text: String, profile card: HCard) -> MessageBuilder {
        let html = Self.paragraph(text) + "<hr>\n" + card.html
        return envelope(.multipart("alternative", [Self.flowed(text), Self.html(html, chatContent: .profile)]))
    }

    /// A profile request (COI client spec, "Requesting Profile Information"): a text message
    /// with `Chat-Content: profilerequest`.
    public func profileRequest(_ text: String) -> MessageBuilder {
        envelope(Self.flowed(text), chatContent: ChatContent.profileRequest.rawValue)
    }
}
