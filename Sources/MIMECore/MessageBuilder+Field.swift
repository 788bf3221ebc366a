extension MessageBuilder {
    /// A header field beyond those the builder manages, such as COI's `Chat-Version` or an
    /// `X-` field (RFC 5322 section 3.6.8, `optional-field`), written in the order given.
    public struct Field: Sendable, Hashable {
        /// The field name: printable US-ASCII except `:` (RFC 5322 section 3.6.8).
        public var name: String
        /// The value and how to render it.
        public var value: Value

        /// Creates a field.
        public init(_ name: String, _ value: Value) {
            self.name = name
            self.value = value
        }

        /// A field of unstructured text (RFC 5322 section 3.2.5), RFC 2047-encoded as needed.
        public static func text(_ name: String, _ text: String) -> Field {
            Field(name, .text(text))
        }

        /// How a field value is rendered: unstructured or structured (RFC 5322 sections 2.2.1
        /// and 2.2.2).
        public enum Value: Sendable, Hashable {
            /// Unstructured text (RFC 5322 section 3.2.5): any Unicode; non-ASCII and control
            /// characters are written as RFC 2047 encoded words (section 5 (1)).
            case text(String)
            /// An `address-list` (RFC 5322 section 3.4), through the address renderer.
            case addresses([Address])
            /// A list of `msg-id`s (RFC 5322 section 3.6.4), through the message-id renderer.
            case messageIDs([MessageID])
            /// A `date-time` (RFC 5322 section 3.3).
            case date(MessageDate)
            /// A structured value already written in its grammar, in printable US-ASCII; it is
            /// folded at whitespace outside quoted strings and comments and otherwise left as it is.
            case structured(String)
        }
    }
}
