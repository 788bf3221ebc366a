public import MIMECore

extension MessageReport {
    /// Parses `bytes` with `options` and reports what the parser sees.
    public static func inspect(_ bytes: [UInt8], options: ParserOptions = ParserOptions()) -> MessageReport {
        MessageReader(options: options).inspect(bytes)
    }
}
