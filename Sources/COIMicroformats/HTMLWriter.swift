/// Builds the HTML the renderers emit, escaping every value for its context.
struct HTMLWriter {
    var output = ""

    /// `<name class="..." attributes...>text</name>`, or a void element when `text` is nil and
    /// `name` is void.
    mutating func element(_ name: String, class className: String?, attributes: [(String, String)] = [], text: String?) {
        open(name, class: className, attributes: attributes)
        if let text {
            output += HTMLEscaping.text(text)
            output += "</\(name)>"
        }
    }

    mutating func open(_ name: String, class className: String?, attributes: [(String, String)] = []) {
        output += "<\(name)"
        if let className { output += " class=\"\(HTMLEscaping.attribute(className))\"" }
        for (attribute, value) in attributes { output += " \(attribute)=\"\(HTMLEscaping.attribute(value))\"" }
        output += ">"
    }

    mutating func close(_ name: String) { output += "</\(name)>" }

    mutating func text(_ text: String) { output += HTMLEscaping.text(text) }

    mutating func line() { output += "\n" }

    /// A property element by its prefix: text in a span (hidden when `hidden`), a URL as a link, a
    /// date in a `time` element, embedded content as a `div`.
    mutating func property(_ property: MicroformatProperty, hidden: Bool) {
        guard case .text(let value) = property.value else { return }
        let style: [(String, String)] = hidden ? [("style", "display: none")] : []
        switch property.prefix {
        case .url: element("a", class: property.className, attributes: [("href", value)] + style, text: value)
        case .dateTime: element("time", class: property.className, attributes: [("datetime", value)] + style, text: value)
        case .embedded: element("div", class: property.className, attributes: style, text: value)
        default: element("span", class: property.className, attributes: style, text: value)
        }
        line()
    }
}
