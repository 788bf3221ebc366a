public import MIMECore

extension COIMessageBuilder {
    /// A file sent in a binary message.
    public struct Attachment: Sendable, Hashable {
        /// The content.
        public var bytes: [UInt8]
        /// The media type, such as `image/jpeg`.
        public var type: ContentType
        /// The file name, if any.
        public var filename: String?

        /// Creates an attachment.
        public init(_ bytes: [UInt8], type: ContentType, filename: String? = nil) {
            self.bytes = bytes
            self.type = type
            self.filename = filename
        }

        /// The part: base64, `Content-Disposition: inline` with `filename` and `size` (COI client
        /// spec, "Binary Messages").
        var part: MessageBuilder.Part {
            var part = MessageBuilder.Part.binary(bytes, type: type, filename: filename, inline: true)
            part.transferEncoding = .base64
            return part
        }
    }

    /// A binary message (COI client spec, "Binary Messages" and "Preview Message Parts"): one
    /// attachment alone is the whole body; a caption, a preview or more attachments make a
    /// `multipart/mixed` of caption, preview (`Chat-Content: preview`) and attachments.
    public func media(_ attachments: [Attachment], caption: String? = nil, preview: Attachment? = nil) -> MessageBuilder {
        if attachments.count == 1, caption == nil, preview == nil {
            return envelope(attachments[0].part)
        }
        var parts: [MessageBuilder.Part] = []
        if let caption { parts.append(Self.flowed(caption)) }
        if let preview {
            var part = preview.part
            part.extraFields.append(Self.chatContentField(.preview))
            parts.append(part)
        }
        parts += attachments.map(\.part)
        return envelope(.multipart("mixed", parts))
    }
}
