/// Finds microformats2 items in a parsed document
/// (<https://microformats.org/wiki/microformats2-parsing>, the subset COI uses).
///
/// One repair goes beyond the algorithm: the COI spec's examples nest `<p>` elements
/// (`<p class="h-card"><p class="p-hash">...</p>...</p>`), which HTML's rules split into
/// siblings. An item `p` element whose end was implied by such a start tag therefore also takes the
/// siblings that follow it, up to the next item of the same type, as the author meant.
enum MicroformatParser {
    /// The top-level items of `document` in document order.
    static func items(in document: HTMLDocument) -> [MicroformatItem] {
        var found: [MicroformatItem] = []
        var none: MicroformatItem?
        walk(document.rootElements, into: &none, found: &found)
        return found
    }

    /// The items rooted at `element` or below it.
    static func items(in element: HTMLElement) -> [MicroformatItem] {
        var found: [MicroformatItem] = []
        var none: MicroformatItem?
        walk([element], into: &none, found: &found)
        return found
    }

    private static func walk(_ elements: [HTMLElement], into item: inout MicroformatItem?, found: inout [MicroformatItem]) {
        var position = 0
        while position < elements.count {
            let element = elements[position]
            position += 1
            let classes = element.classes
            let types = classes.filter(isRootClass)
            let properties = classes.compactMap(MicroformatProperty.parse(className:))
            if !types.isEmpty {
                var scope = element.childElements
                // Only `p`: that is the spec's defect, and other implied ends (`li`, `option`) are
                // ordinary HTML whose following siblings belong elsewhere.
                if element.name == "p", element.endWasImpliedByStartTag {
                    while position < elements.count, !elements[position].classes.contains(where: types.contains) {
                        scope.append(elements[position])
                        position += 1
                    }
                }
                var nested: MicroformatItem? = MicroformatItem(types: types)
                walk(scope, into: &nested, found: &found)
                guard let nested else { continue }
                if item != nil {
                    if properties.isEmpty {
                        item!.children.append(nested)
                    } else {
                        for (prefix, name) in properties {
                            item!.properties.append(MicroformatProperty(prefix: prefix, name: name, value: .item(nested)))
                        }
                    }
                } else {
                    found.append(nested)
                }
                continue
            }
            if item != nil {
                for (prefix, name) in properties {
                    item!.properties.append(MicroformatProperty(prefix: prefix, name: name, value: .text(value(of: element, prefix: prefix))))
                }
            }
            walk(element.childElements, into: &item, found: &found)
        }
    }

    /// `h-` followed by lowercase letters, digits and dashes (microformats2 root class names).
    static func isRootClass(_ name: String) -> Bool {
        guard name.hasPrefix("h-"), name.utf8.count > 2 else { return false }
        return name.utf8.dropFirst(2).allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// A property value by the parsing rules for its prefix.
    static func value(of element: HTMLElement, prefix: MicroformatProperty.Prefix) -> String {
        let name = element.name
        switch prefix {
        case .url:
            if ["a", "area", "link"].contains(name), let href = element.attribute("href") { return cleanURL(href) }
            if ["img", "audio", "video", "source", "iframe"].contains(name), let source = element.attribute("src") {
                return cleanURL(source)
            }
            if name == "video", let poster = element.attribute("poster") { return cleanURL(poster) }
            if name == "object", let data = element.attribute("data") { return cleanURL(data) }
        case .dateTime:
            if ["time", "ins", "del"].contains(name), let datetime = element.attribute("datetime") { return trimmed(datetime) }
        default:
            break
        }
        if prefix != .embedded {
            if name == "abbr" || name == "link", let title = element.attribute("title") { return trimmed(title) }
            if name == "data" || name == "input", let value = element.attribute("value") { return trimmed(value) }
            if name == "img" || name == "area", let alt = element.attribute("alt") { return trimmed(alt) }
        }
        return trimmed(element.textContent)
    }

    /// ASCII whitespace as HTML defines it: space, tab, line feed, form feed, carriage return.
    static func isHTMLSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    /// Removes leading and trailing HTML whitespace.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isHTMLSpace($0) }),
              let last = scalars.lastIndex(where: { !isHTMLSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// A URL attribute as the URL parser reads it: tab and line breaks removed, spaces trimmed;
    /// a `data:` URL also loses inner spaces, which base64 ignores (the spec's examples wrap
    /// their images over several indented lines).
    static func cleanURL(_ value: String) -> String {
        var result = String(value.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        result = trimmed(result)
        if result.utf8.count >= 5, result.prefix(5).lowercased() == "data:" {
            result = String(result.unicodeScalars.filter { $0 != " " && $0 != "\u{0C}" })
        }
        return result
    }
}

extension HTMLDocument {
    /// The microformats2 items in the document, top-level items in document order.
    public var microformats: [MicroformatItem] { MicroformatParser.items(in: self) }
}
