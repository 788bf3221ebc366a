/// A contact or profile as an `h-card` (COI client spec, "Contact Storage Message Body" and
/// "User Profile Messages"; <https://microformats.org/wiki/h-card>).
///
/// Parsing accepts the spec's forms: `x-coi-status` as well as `p-status`, several categories
/// in one comma-separated `p-category`, `<p>` elements nested in the card. Rendering emits
/// `p-status`, one `p-category` per category and a `div` container.
public struct HCard: Sendable, Hashable {
    /// `p-name`: the person's name (mandatory in COI, optional here so that bad input still reads).
    public var name: String?
    /// `p-nickname`.
    public var nickname: String?
    /// `u-email`: the addresses, without a `mailto:` scheme.
    public var emails: [String]
    /// `u-photo`: the avatar URL, usually a `data:` URL.
    public var photo: String?
    /// `p-status` (or the spec's `x-coi-status`): a status line such as "gone fishing".
    public var status: String?
    /// `p-category`: `friend`, `family`, `work`, `partner` or a client-specific value.
    public var categories: [String]
    /// `dt-bday` as written, such as `1998-12-24` or `--12-24` (no year).
    public var birthday: String?
    /// `p-notification`.
    public var notification: NotificationSettings?
    /// `u-key`: public keys (a group's participants carry them for encryption).
    public var keys: [String]
    /// `p-hash`: the SHA3-256 hash of the address that points to the contact storage message
    /// (in a group's participant list).
    public var hash: String?
    /// Properties this type does not model, kept so that a rewrite preserves them.
    public var otherProperties: [MicroformatProperty]

    /// Creates a card.
    public init(name: String? = nil, nickname: String? = nil, emails: [String] = [], photo: String? = nil,
                status: String? = nil, categories: [String] = [], birthday: String? = nil,
                notification: NotificationSettings? = nil, keys: [String] = [], hash: String? = nil,
                otherProperties: [MicroformatProperty] = []) {
        self.name = name
        self.nickname = nickname
        self.emails = emails
        self.photo = photo
        self.status = status
        self.categories = categories
        self.birthday = birthday
        self.notification = notification
        self.keys = keys
        self.hash = hash
        self.otherProperties = otherProperties
    }

    /// The root class.
    public static let type = "h-card"

    static let knownProperties: Set<String> = [
        "name", "nickname", "email", "photo", "status", "category", "bday", "notification", "key", "hash",
    ]

    /// Reads a card from a generic item of type `h-card`.
    public init(_ item: MicroformatItem) {
        self.init(
            name: item.value("name"),
            nickname: item.value("nickname"),
            emails: item.values("email").map(Self.address(fromEmailValue:)),
            photo: item.value("photo"),
            status: item.value("status"),
            categories: item.values("category").flatMap(NotificationSettings.list),
            birthday: item.value("bday"),
            notification: item.value("notification").map(NotificationSettings.init(parsing:)),
            keys: item.values("key"),
            hash: item.value("hash"),
            otherProperties: item.properties.filter { !Self.knownProperties.contains($0.name) && $0.value.text != nil }
        )
    }

    /// The top-level cards in `document`.
    public static func cards(in document: HTMLDocument) -> [HCard] {
        document.microformats.filter { $0.types.contains(type) }.map(HCard.init)
    }

    /// The top-level cards in HTML bytes.
    public static func cards(inHTML bytes: [UInt8], limits: HTMLDocument.Limits = .default) throws(HTMLDocument.ParseError) -> [HCard] {
        cards(in: try HTMLDocument(parsing: bytes, limits: limits))
    }

    /// `u-email` values are often `mailto:` links; the address is what COI compares and hashes.
    static func address(fromEmailValue value: String) -> String {
        guard value.utf8.count > 7, value.prefix(7).lowercased() == "mailto:" else { return value }
        let address = value.dropFirst(7)
        return String(address.prefix { $0 != "?" })
    }

    /// The card as an HTML fragment: visible name, nickname, addresses and status, the other
    /// properties hidden.
    public var html: String {
        var writer = HTMLWriter()
        render(into: &writer)
        return writer.output
    }

    func render(into writer: inout HTMLWriter) {
        writer.open("div", class: Self.type, attributes: [("style", "white-space: nowrap")])
        writer.line()
        if let photo {
            writer.element("img", class: "u-photo", attributes: [("alt", ""), ("style", "float: left"), ("src", photo)], text: nil)
            writer.line()
        }
        if let name {
            writer.element("span", class: "p-name", text: name)
            writer.output += "<br>\n"
        }
        if let nickname {
            writer.text("Nickname: ")
            writer.element("span", class: "p-nickname", text: nickname)
            writer.output += "<br>\n"
        }
        for email in emails {
            writer.text("Email: ")
            writer.element("span", class: "u-email", text: email)
            writer.output += "<br>\n"
        }
        for key in keys {
            writer.text("Key: ")
            writer.element("span", class: "u-key", text: key)
            writer.output += "<br>\n"
        }
        if let status {
            writer.element("span", class: "p-status", text: status)
            writer.line()
        }
        let hidden = [("style", "display: none")]
        for category in categories {
            writer.element("span", class: "p-category", attributes: hidden, text: category)
            writer.line()
        }
        if let birthday {
            writer.element("time", class: "dt-bday", attributes: [("datetime", birthday)] + hidden, text: birthday)
            writer.line()
        }
        if let notification {
            writer.element("span", class: "p-notification", attributes: hidden, text: notification.rendered)
            writer.line()
        }
        if let hash {
            writer.element("span", class: "p-hash", attributes: hidden, text: hash)
            writer.line()
        }
        for property in otherProperties { writer.property(property, hidden: true) }
        writer.close("div")
        writer.line()
    }
}
