/// An element of an ``HTMLDocument``: a view that shares the document's storage.
public struct HTMLElement: Sendable, Hashable {
    let storage: HTMLDocument.Storage
    let index: Int

    var node: HTMLDocument.Storage.Node { storage.nodes[index] }

    /// The element name in lowercase, such as `"span"`.
    public var name: String { node.value }

    /// The attributes in source order.
    public var attributes: [HTMLAttribute] { node.attributes }

    /// The value of the first attribute named `name` (ASCII case-insensitive).
    public func attribute(_ name: String) -> String? {
        let name = name.lowercasedASCII()
        return node.attributes.first { $0.name == name }?.value
    }

    /// The class names of the `class` attribute, split on ASCII whitespace.
    public var classes: [String] {
        guard let value = attribute("class") else { return [] }
        return value.unicodeScalars.split(whereSeparator: MicroformatParser.isHTMLSpace).map(String.init)
    }

    /// Whether the class list holds `name` (class names are case-sensitive).
    public func hasClass(_ name: String) -> Bool { classes.contains(name) }

    /// The child nodes in document order.
    public var children: [HTMLNode] {
        node.children.map { child in
            storage.nodes[child].isElement
                ? .element(HTMLElement(storage: storage, index: child)) : .text(storage.nodes[child].value)
        }
    }

    /// The child elements in document order.
    public var childElements: [HTMLElement] {
        node.children.compactMap { storage.nodes[$0].isElement ? HTMLElement(storage: storage, index: $0) : nil }
    }

    /// The element's descendants in document order.
    public var descendants: [HTMLElement] {
        var result: [HTMLElement] = []
        var stack = Array(node.children.reversed())
        while let next = stack.popLast() {
            guard storage.nodes[next].isElement else { continue }
            result.append(HTMLElement(storage: storage, index: next))
            stack.append(contentsOf: storage.nodes[next].children.reversed())
        }
        return result
    }

    /// The parent element, or nil at the top.
    public var parent: HTMLElement? {
        node.parent >= 0 ? HTMLElement(storage: storage, index: node.parent) : nil
    }

    /// The concatenated text of all descendant text nodes (script and style bodies excluded).
    public var textContent: String {
        var result = ""
        var stack = Array(node.children.reversed())
        while let next = stack.popLast() {
            let child = storage.nodes[next]
            if child.isElement {
                stack.append(contentsOf: child.children.reversed())
            } else {
                result += child.value
            }
        }
        return result
    }

    /// The byte offset of the end of the element's start tag in the input (its `>`), for diagnostics.
    public var sourceOffset: Int { node.offset }

    /// Whether HTML's rules ended the element at a later start tag that the source nested inside
    /// it, as with `<p class="h-card"><p class="p-hash">...</p>...</p>`: the content the author put
    /// in the element then follows it as siblings.
    public var endWasImpliedByStartTag: Bool { node.endImpliedByStartTag }

    /// The elements after this one under the same parent, in document order.
    public var followingSiblings: [HTMLElement] {
        let siblings = node.parent >= 0 ? storage.nodes[node.parent].children : storage.roots
        guard let position = siblings.firstIndex(of: index) else { return [] }
        return siblings[(position + 1)...].compactMap {
            storage.nodes[$0].isElement ? HTMLElement(storage: storage, index: $0) : nil
        }
    }

    public static func == (lhs: HTMLElement, rhs: HTMLElement) -> Bool {
        lhs.storage === rhs.storage && lhs.index == rhs.index
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(storage))
        hasher.combine(index)
    }
}

/// A child of an element: another element or a run of text.
public enum HTMLNode: Sendable, Hashable {
    /// An element.
    case element(HTMLElement)
    /// Text, with character references resolved.
    case text(String)
}
