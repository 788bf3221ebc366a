import TestSupport
import COIMicroformats

/// The shared deterministic generator (see Sources/TestSupport).
typealias SeededGenerator = TestSupport.SeededGenerator

/// Random values of the microformat types, within what their text forms can carry: values are
/// non-empty and carry no leading or trailing whitespace (microformats2 trims it), list items
/// avoid their separators, URLs hold no whitespace.
struct ValueGenerator {
    var random: SeededGenerator

    /// Markup-significant characters, quotes, non-ASCII letters, an emoji and inner whitespace.
    static let alphabet: [Character] = Array("abcXYZ019 <>&\"'=;,:@#%/-_.é中😀\u{A0}\n\t") + ["\u{200B}"]
    static let wordAlphabet: [Character] = Array("abcdefXYZ0189_-éü中")

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func bool() -> Bool { Bool.random(using: &random) }

    mutating func text(excluding excluded: Set<Character> = []) -> String {
        let letters = Self.alphabet.filter { !excluded.contains($0) }
        while true {
            let value = String((0..<int(1...16)).map { _ in letters.randomElement(using: &random)! })
            let trimmed = value.trimmingHTMLSpace
            if !trimmed.isEmpty, trimmed == value { return value }
        }
    }

    mutating func word() -> String {
        String((0..<int(1...10)).map { _ in Self.wordAlphabet.randomElement(using: &random)! })
    }

    mutating func optional<T>(_ make: (inout ValueGenerator) -> T) -> T? {
        bool() ? make(&self) : nil
    }

    mutating func list<T>(_ range: ClosedRange<Int>, _ make: (inout ValueGenerator) -> T) -> [T] {
        (0..<int(range)).map { _ in make(&self) }
    }

    mutating func url() -> String {
        ["data:image/png;base64,", "https://example.com/", "cid:", "mailto:"].randomElement(using: &random)! + word()
            + "?q=<&\"'>"
    }

    mutating func address() -> String {
        let local = String((0..<int(1...8)).map { _ in Array("abz09.+_-%é").randomElement(using: &random)! })
        return "x" + local + "@example-" + word() + ".org"
    }

    mutating func notification() -> NotificationSettings {
        NotificationSettings(
            isEnabled: bool(), types: list(0...3) { $0.word() }, sounds: list(0...2) { $0.word() },
            filters: list(0...2) { NotificationSettings.Filter(rawValue: $0.word()) },
            otherSettings: list(0...2) { NotificationSettings.Setting(key: "x" + $0.word().lowercased(), value: $0.word()) }
        )
    }

    mutating func property() -> MicroformatProperty {
        let prefix = [MicroformatProperty.Prefix.text, .url, .dateTime, .embedded].randomElement(using: &random)!
        let value = prefix == .url ? url() : text()
        return MicroformatProperty(prefix: prefix, name: "x" + word().lowercased(), value: .text(value))
    }

    mutating func card() -> HCard {
        HCard(
            name: optional { $0.text() }, nickname: optional { $0.text() }, emails: list(0...3) { $0.address() },
            photo: optional { $0.url() }, status: optional { $0.text() },
            categories: list(0...3) { $0.text(excluding: [","]) }, birthday: optional { $0.text() },
            notification: optional { $0.notification() }, keys: list(0...2) { $0.text() }, hash: optional { $0.word() },
            otherProperties: list(0...3) { $0.property() }
        )
    }

    mutating func group() -> HGroup {
        HGroup(
            id: optional { $0.word() }, name: optional { $0.text() }, description: optional { $0.text() },
            photo: optional { $0.url() }, notification: optional { $0.notification() },
            participants: list(0...4) { $0.card() }, otherProperties: list(0...2) { $0.property() }
        )
    }

    mutating func geo() -> HGeo {
        HGeo(latitude: Double.random(in: -90...90, using: &random), longitude: Double.random(in: -180...180, using: &random),
             altitude: optional { Double.random(in: -500...9000, using: &$0.random) })
    }

    mutating func poll() -> Poll {
        Poll(
            title: text(), description: optional { $0.text() },
            options: list(2...6) { generator -> PollOption in
                switch generator.int(0...2) {
                case 0: .dateTime(generator.text())
                case 1: .media(generator.url())
                default: .text(generator.text())
                }
            },
            background: optional { $0.url() }, allowsMultipleChoices: bool(), allowsRevoting: bool(),
            end: optional { $0.text() }
        )
    }

    mutating func mention() -> Mention {
        int(0...5) == 0 ? .all : Mention(name: text(excluding: ["\""]), address: address())
    }
}

extension String {
    var trimmingHTMLSpace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
