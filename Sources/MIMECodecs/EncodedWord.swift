import MIMECharset

/// RFC 2047 encoded words (`=?charset?B|Q?encoded-text?=`): non-ASCII text in message headers.
///
/// Decoding follows RFC 2047 sections 2 to 6 and RFC 2231 section 5 (the `*language` suffix of
/// the charset), plus the workarounds that widely used mail clients apply to real mail; see
/// ``decode(_:context:options:)``. Encoding follows RFC 2047 sections 4 and 5; see
/// ``encode(_:context:)``.
public enum EncodedWord: Sendable {
    /// Where in a header the text appears, which decides the rules of RFC 2047 section 5.
    public struct Context: Sendable, Hashable, CustomStringConvertible {
        enum Kind: Sendable, Hashable {
            case unstructured
            case phrase
            case comment
        }

        let kind: Kind

        /// `*text` of an unstructured field (Subject, Comments, extension and `X-` fields):
        /// RFC 2047 section 5 (1). Every byte except encoded words is text.
        public static let unstructured = Context(kind: .unstructured)

        /// A `phrase` (display names of addresses, RFC 5322 section 3.2.5): RFC 2047 section 5 (3).
        /// Quoted strings and comments are recognised; when encoding, Q may only use letters,
        /// digits and `!*+-/`.
        public static let phrase = Context(kind: .phrase)

        /// The text of a `comment` (RFC 5322 section 3.2.2): RFC 2047 section 5 (2). Parentheses
        /// nest and backslash quotes; encoded words never contain `(`, `)` or `"`.
        public static let comment = Context(kind: .comment)

        /// `"unstructured"`, `"phrase"` or `"comment"`.
        public var description: String {
            switch kind {
            case .unstructured: "unstructured"
            case .phrase: "phrase"
            case .comment: "comment"
            }
        }
    }

    /// The longest encoded word RFC 2047 section 2 allows, in characters.
    public static let maximumLength = 75
}

extension Diagnostic.Code {
    /// An encoded word names a charset that is not known (RFC 2047 section 3); the word is kept as
    /// literal text.
    public static let encodedWordUnknownCharset = Diagnostic.Code("encoded-word-unknown-charset")
    /// An encoded word's encoding is neither `B` nor `Q` (RFC 2047 section 4); the word is kept as
    /// literal text.
    public static let encodedWordUnknownEncoding = Diagnostic.Code("encoded-word-unknown-encoding")
    /// `=?charset?encoding?` is not followed by `?=` before white space or the end (RFC 2047
    /// section 2); the text is kept literally.
    public static let encodedWordUnterminated = Diagnostic.Code("encoded-word-unterminated")
    /// The text of a `B` word is not valid base64 (RFC 2047 section 4.1); what could be decoded was
    /// kept.
    public static let encodedWordInvalidBase64 = Diagnostic.Code("encoded-word-invalid-base64")
    /// The text of a `Q` word has an `=` not followed by two hexadecimal digits (RFC 2047 section
    /// 4.2); the `=` was kept literally.
    public static let encodedWordInvalidQ = Diagnostic.Code("encoded-word-invalid-q")
    /// The decoded bytes of one or more adjacent encoded words are not valid in their charset; the
    /// bad sequences became U+FFFD.
    public static let encodedWordInvalidCharsetBytes = Diagnostic.Code("encoded-word-invalid-charset-bytes")
    /// An encoded word is longer than 75 characters (RFC 2047 section 2); it was decoded anyway.
    public static let encodedWordTooLong = Diagnostic.Code("encoded-word-too-long")
    /// An encoded word is not separated from adjacent text by white space (RFC 2047 section 5);
    /// it was decoded anyway, as mail clients do.
    public static let encodedWordNotDelimited = Diagnostic.Code("encoded-word-not-delimited")
    /// An encoded word appears inside a quoted string, where RFC 2047 section 5 (3) forbids it; it
    /// was decoded anyway, because many clients write display names that way.
    public static let encodedWordInQuotedString = Diagnostic.Code("encoded-word-in-quoted-string")
    /// An encoded word's text contains raw 8-bit bytes (RFC 2047 section 2 allows printable ASCII
    /// only); in Q text they were taken as the bytes they are.
    public static let encodedWordEightBitText = Diagnostic.Code("encoded-word-8bit-text")
    /// An encoded word has no encoded text (RFC 2047 section 2 requires at least one character).
    public static let encodedWordEmpty = Diagnostic.Code("encoded-word-empty")
    /// A `B` word ended in the middle of a base64 group and the next word continued it; the two
    /// were decoded as one, as some broken encoders require.
    public static let encodedWordSplitBase64 = Diagnostic.Code("encoded-word-split-base64")
    /// The field holds more encoded words than ``EncodedWord/DecodingOptions/maximumEncodedWords``;
    /// the rest of the field was kept as literal text.
    public static let encodedWordLimitExceeded = Diagnostic.Code("encoded-word-limit-exceeded")
    /// Raw 8-bit header text outside encoded words is not UTF-8 (RFC 6532 section 3.2); it was
    /// decoded with the fallback charset.
    public static let headerTextNotUTF8 = Diagnostic.Code("header-text-not-utf8")
}
