/// One option of a ``Poll``.
public struct PollOption: Sendable, Hashable {
    /// How an option's value reads: text, a date-time, or a URL of an image or other media.
    public struct Kind: RawRepresentable, Sendable, Hashable {
        /// The class prefix: `"p"`, `"dt"` or `"u"`.
        public var rawValue: String
        /// Creates a kind.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// `p-poll-option`: text.
        public static let text = Kind(rawValue: "p")
        /// `dt-poll-option`: an ISO 8601 date or date-time.
        public static let dateTime = Kind(rawValue: "dt")
        /// `u-poll-option`: a URL, normally `cid:` of an image, audio or video part.
        public static let media = Kind(rawValue: "u")

        init(prefix: MicroformatProperty.Prefix) {
            self.init(rawValue: prefix == .coiExtension || prefix == .embedded ? "p" : prefix.rawValue)
        }
    }

    /// How ``value`` reads.
    public var kind: Kind
    /// The text, date-time or URL.
    public var value: String

    /// Creates an option.
    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// A text option.
    public static func text(_ text: String) -> PollOption { PollOption(kind: .text, value: text) }
    /// A date-time option.
    public static func dateTime(_ value: String) -> PollOption { PollOption(kind: .dateTime, value: value) }
    /// A media option referring to a URL such as `cid:...`.
    public static func media(_ url: String) -> PollOption { PollOption(kind: .media, value: url) }

    func render(into writer: inout HTMLWriter) {
        switch kind {
        case .media:
            writer.open("li", class: nil)
            writer.element("a", class: "u-poll-option", attributes: [("href", value)], text: value)
            writer.close("li")
        case .dateTime:
            writer.open("li", class: nil)
            writer.element("time", class: "dt-poll-option", attributes: [("datetime", value)], text: value)
            writer.close("li")
        default:
            writer.element("li", class: "p-poll-option", text: value)
        }
    }
}
