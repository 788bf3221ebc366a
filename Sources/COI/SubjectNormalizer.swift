/// Turns the `Subject` of a group message into the group's name (COI client spec, "Group
/// Messages": the group name travels in `Subject`) by removing what mail clients add when they
/// reply or forward.
///
/// Removed, repeatedly and in any order, ignoring case:
/// - a reply or forward prefix of one of many languages followed by `:` (or the full-width
///   `：`), optionally with a counter (`Re[2]:`, `Re(3):`, `Re^2:`, `RE*2:`), e.g. `Re`, `Fwd`,
///   `Fw`, `AW`, `WG`, `SV`, `VS`, `Antw`, `Rif`, `Enc`, `R`, `TR`, `RV`, `Odp`, `回复`;
/// - a bracketed forward, `[Fwd: subject]` (the whole subject in brackets);
/// - a trailing `(fwd)`.
/// Mailing-list tags such as `[team]` are kept: they may be part of the name.
public enum SubjectNormalizer {
    /// Reply and forward prefixes, lowercased: English, German, Dutch, Scandinavian, Finnish,
    /// French, Italian, Spanish, Portuguese, Polish, Czech, Hungarian, Turkish, Greek, Hebrew,
    /// Chinese, Japanese and Korean clients.
    public static let prefixes: Set<String> = [
        "re", "fwd", "fw", "fwr",                      // English
        "aw", "wg", "antw", "antwort",                 // German
        "doorst",                                     // Dutch
        "sv", "vs", "vb", "vl", "fs", "vid",           // Scandinavian, Finnish, Icelandic
        "tr", "réf", "ref", "rép",                      // French
        "r", "rif", "i",                               // Italian
        "rv", "reenv", "res",                          // Spanish, Portuguese
        "enc",                                         // Portuguese
        "odp", "pd",                                   // Polish
        "př", "vá", "továbbítás",                // Czech, Hungarian
        "ynt", "ilt", "i̇lt",                           // Turkish
        "απ", "σχετ", "πρθ",                           // Greek
        "השב", "הועבר",                                // Hebrew
        "回复", "回覆", "答复", "转发", "轉寄", "转寄",  // Chinese
        "返信", "転送",                               // Japanese
        "회신", "답장", "전달",                          // Korean
        "отв", "пересл",                               // Russian
    ]

    /// The most prefixes removed from one subject, so that hostile input stays linear.
    public static let maximumRounds = 64

    /// The subject without reply and forward decorations, with white space trimmed; the
    /// original (trimmed) when nothing but decorations would remain.
    public static func groupName(fromSubject subject: String) -> String {
        var current = trim(Substring(subject))
        for _ in 0..<maximumRounds {
            guard let next = stripOnce(current) else { break }
            if trim(next).isEmpty { break }
            current = trim(next)
        }
        return String(current)
    }

    /// One decoration removed, or `nil` when there is none.
    static func stripOnce(_ text: Substring) -> Substring? {
        // [Fwd: subject]
        if text.first == "[", text.last == "]" {
            let inner = text.dropFirst().dropLast()
            if let rest = afterPrefix(trim(inner)) { return rest }
        }
        // subject (fwd)
        let lower = text.lowercased()
        if lower.hasSuffix("(fwd)") { return text.dropLast(5) }
        return afterPrefix(text)
    }

    /// The text after `prefix [counter] ":"`, or `nil`.
    static func afterPrefix(_ text: Substring) -> Substring? {
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        var word = text[..<colon]
        // A counter: Re[2], Re(2), Re^2, Re*2.
        if let last = word.last, last == "]" || last == ")" {
            let open: Character = last == "]" ? "[" : "("
            guard let start = word.lastIndex(of: open), word[word.index(after: start)..<word.index(before: word.endIndex)].allSatisfy(\.isNumber) else {
                return nil
            }
            word = word[..<start]
        } else if let mark = word.lastIndex(where: { $0 == "^" || $0 == "*" }),
                  word[word.index(after: mark)...].allSatisfy(\.isNumber) {
            word = word[..<mark]
        }
        let key = trim(word).lowercased()
        guard !key.isEmpty, key.count <= 12, prefixes.contains(key) else { return nil }
        return text[text.index(after: colon)...]
    }

    static func trim(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
