/// A poll (`Chat-Content: poll`): the COI client spec lists what a poll holds but leaves the
/// format empty; this is the project's design, documented in the catalog's "Polls" article.
///
/// ```html
/// <div class="h-poll">
/// <p class="p-name">Movie night</p>
/// <p class="p-description">Which one shall we watch?</p>
/// <ol>
/// <li class="p-poll-option">E.T.</li>
/// <li><time class="dt-poll-option" datetime="2019-12-31">2019-12-31</time></li>
/// <li><a class="u-poll-option" href="cid:trailer@example.com">cid:trailer@example.com</a></li>
/// </ol>
/// <data class="p-poll-selection" value="single">Choose one option.</data>
/// <data class="p-poll-voting" value="once">You can vote once.</data>
/// </div>
/// ```
public struct Poll: Sendable, Hashable {
    /// `p-name`: the title.
    public var title: String
    /// `p-description`: an optional description.
    public var description: String?
    /// The options in order; votes refer to them by 1-based position.
    public var options: [PollOption]
    /// `u-photo`: an optional background image or video (often a `cid:` URL of a part).
    public var background: String?
    /// `p-poll-selection`: whether a vote may choose several options (the default) or one.
    public var allowsMultipleChoices: Bool
    /// `p-poll-voting`: whether participants may vote again, each vote replacing the last (the
    /// default), or only once.
    public var allowsRevoting: Bool
    /// `dt-end`: when the poll closes, as written (an ISO 8601 date-time), if set.
    public var end: String?

    /// Creates a poll.
    public init(title: String, description: String? = nil, options: [PollOption], background: String? = nil,
                allowsMultipleChoices: Bool = true, allowsRevoting: Bool = true, end: String? = nil) {
        self.title = title
        self.description = description
        self.options = options
        self.background = background
        self.allowsMultipleChoices = allowsMultipleChoices
        self.allowsRevoting = allowsRevoting
        self.end = end
    }

    /// The root class.
    public static let type = "h-poll"

    /// Reads a poll from a generic item; nil without a title. (The spec's minimum of two options
    /// is left to validators such as coi-lint, so that they can report it.)
    public init?(_ item: MicroformatItem) {
        guard item.types.contains(Self.type), let title = item.value("name") else { return nil }
        let options = item.properties.compactMap { property -> PollOption? in
            guard property.name == "poll-option", let value = property.value.text else { return nil }
            return PollOption(kind: PollOption.Kind(prefix: property.prefix), value: value)
        }
        self.init(
            title: title,
            description: item.value("description"),
            options: options,
            background: item.value("photo"),
            allowsMultipleChoices: item.value("poll-selection")?.lowercased() != "single",
            allowsRevoting: item.value("poll-voting")?.lowercased() != "once",
            end: item.value("end")
        )
    }

    /// The polls in `document`.
    public static func polls(in document: HTMLDocument) -> [Poll] {
        document.microformats.compactMap(Poll.init)
    }

    /// The polls in HTML bytes.
    public static func polls(inHTML bytes: [UInt8], limits: HTMLDocument.Limits = .default) throws(HTMLDocument.ParseError) -> [Poll] {
        polls(in: try HTMLDocument(parsing: bytes, limits: limits))
    }

    /// The poll as an HTML fragment that also reads well in an ordinary mail client.
    public var html: String {
        var writer = HTMLWriter()
        writer.open("div", class: Self.type)
        writer.line()
        writer.element("p", class: "p-name", text: title)
        writer.line()
        if let description {
            writer.element("p", class: "p-description", text: description)
            writer.line()
        }
        if let background {
            writer.element("img", class: "u-photo", attributes: [("alt", ""), ("src", background)], text: nil)
            writer.line()
        }
        writer.output += "<ol>\n"
        for option in options {
            option.render(into: &writer)
            writer.line()
        }
        writer.output += "</ol>\n"
        writer.element("data", class: "p-poll-selection", attributes: [("value", allowsMultipleChoices ? "multiple" : "single")],
                       text: allowsMultipleChoices ? "You can choose several options." : "Choose one option.")
        writer.line()
        writer.element("data", class: "p-poll-voting", attributes: [("value", allowsRevoting ? "repeated" : "once")],
                       text: allowsRevoting ? "You can change your vote." : "You can vote once.")
        writer.line()
        if let end {
            writer.text("Closes ")
            writer.element("time", class: "dt-end", attributes: [("datetime", end)], text: end)
            writer.line()
        }
        writer.close("div")
        writer.line()
        return writer.output
    }

    /// The poll as plain text for the `text/plain` part: title, description, numbered options.
    public var plainText: String {
        var lines = ["Poll: \(title)"]
        if let description { lines.append(description) }
        for (number, option) in zip(1..., options) { lines.append("\(number). \(option.value)") }
        return lines.joined(separator: "\n")
    }
}
