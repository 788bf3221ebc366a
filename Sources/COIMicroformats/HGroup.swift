/// A group as an `h-group` (COI client spec, "Group Storage Message" and "Group Information
/// Message Part").
///
/// Parsing accepts the spec's forms: participants under `e-participants` or `p-participants`,
/// `p-id` also spelled `p-Id`, and the spec's `<p>` elements nested in `<p>`. Rendering emits
/// `e-participants` and `div` containers.
public struct HGroup: Sendable, Hashable {
    /// `p-id`: the group ID.
    public var id: String?
    /// `p-name`: the group name.
    public var name: String?
    /// `p-description`.
    public var description: String?
    /// `u-photo`: the group avatar URL.
    public var photo: String?
    /// `p-notification`.
    public var notification: NotificationSettings?
    /// The participants' cards, in order.
    public var participants: [HCard]
    /// Properties this type does not model, kept so that a rewrite preserves them.
    public var otherProperties: [MicroformatProperty]

    /// Creates a group.
    public init(id: String? = nil, name: String? = nil, description: String? = nil, photo: String? = nil,
                notification: NotificationSettings? = nil, participants: [HCard] = [],
                otherProperties: [MicroformatProperty] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.photo = photo
        self.notification = notification
        self.participants = participants
        self.otherProperties = otherProperties
    }

    /// The root class.
    public static let type = "h-group"

    static let knownProperties: Set<String> = ["id", "Id", "name", "description", "photo", "notification", "participants"]

    /// Reads a group from a generic item of type `h-group`: participants are the nested
    /// `h-card`s, with or without a property class.
    public init(_ item: MicroformatItem) {
        var participants: [HCard] = []
        for property in item.properties {
            if case .item(let nested) = property.value, nested.types.contains(HCard.type) {
                participants.append(HCard(nested))
            }
        }
        participants += item.children.filter { $0.types.contains(HCard.type) }.map(HCard.init)
        self.init(
            id: item.value("id") ?? item.value("Id"),
            name: item.value("name"),
            description: item.value("description"),
            photo: item.value("photo"),
            notification: item.value("notification").map(NotificationSettings.init(parsing:)),
            participants: participants,
            otherProperties: item.properties.filter { !Self.knownProperties.contains($0.name) && $0.value.text != nil }
        )
    }

    /// The top-level groups in `document`.
    public static func groups(in document: HTMLDocument) -> [HGroup] {
        document.microformats.filter { $0.types.contains(type) }.map(HGroup.init)
    }

    /// The top-level groups in HTML bytes.
    public static func groups(inHTML bytes: [UInt8], limits: HTMLDocument.Limits = .default) throws(HTMLDocument.ParseError) -> [HGroup] {
        groups(in: try HTMLDocument(parsing: bytes, limits: limits))
    }

    /// The group as an HTML fragment.
    public var html: String {
        var writer = HTMLWriter()
        writer.open("div", class: Self.type)
        writer.line()
        if let photo {
            writer.element("img", class: "u-photo", attributes: [("alt", ""), ("style", "float: left"), ("src", photo)], text: nil)
            writer.line()
        }
        if let name {
            writer.text("Name: ")
            writer.element("span", class: "p-name", text: name)
            writer.output += "<br>\n"
        }
        if let description {
            writer.text("Description: ")
            writer.element("span", class: "p-description", text: description)
            writer.output += "<br>\n"
        }
        let hidden = [("style", "display: none")]
        if let id {
            writer.element("span", class: "p-id", attributes: hidden, text: id)
            writer.line()
        }
        if let notification {
            writer.element("span", class: "p-notification", attributes: hidden, text: notification.rendered)
            writer.line()
        }
        for property in otherProperties { writer.property(property, hidden: true) }
        writer.output += "<hr>\n<p>Participants</p>\n"
        writer.open("div", class: "e-participants")
        writer.line()
        for participant in participants { participant.render(into: &writer) }
        writer.close("div")
        writer.line()
        writer.close("div")
        writer.line()
        return writer.output
    }
}
