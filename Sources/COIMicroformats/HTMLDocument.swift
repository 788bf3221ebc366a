internal import CLibXML2
internal import MIMECodecs

/// An HTML document parsed with libxml2's HTML parser, read as a tree of elements and text.
///
/// Received HTML is hostile, so the parse is bounded by ``Limits`` and isolated: no network
/// access, no external entities, no DTD loading, and no script ever runs (script and style
/// bodies are dropped). Malformed markup is repaired the way libxml2's HTML parser repairs it;
/// where its rules close an element early (a `<p>` inside a `<p>`), the element remembers it in
/// ``HTMLElement/endWasImpliedByStartTag`` so that the microformat parser can follow the
/// nesting the author meant.
///
/// The input is UTF-8 (decode a MIME part with its charset first).
public struct HTMLDocument: Sendable {
    let storage: Storage

    /// Parses HTML bytes.
    ///
    /// - Throws: ``ParseError`` when the input breaks one of `limits`.
    public init(parsing bytes: [UInt8], limits: Limits = .default) throws(ParseError) {
        var climits = clibxml2_limits(
            max_input_bytes: limits.maximumInputBytes,
            max_elements: limits.maximumElements,
            max_depth: limits.maximumDepth,
            max_stored_bytes: limits.maximumStoredBytes,
            max_attributes: limits.maximumAttributesPerElement
        )
        var document: OpaquePointer?
        var stoppedAt = 0
        let status = bytes.withUnsafeBufferPointer { buffer in
            clibxml2_parse(buffer.baseAddress, buffer.count, &climits, &document, &stoppedAt)
        }
        guard status == Int32(CLIBXML2_OK), let document else {
            throw ParseError(status: status, limits: limits, inputBytes: bytes.count, elements: stoppedAt)
        }
        defer { clibxml2_document_free(document) }
        storage = Storage(document)
    }

    /// Parses HTML text.
    public init(parsing text: String, limits: Limits = .default) throws(ParseError) {
        try self.init(parsing: Array(text.utf8), limits: limits)
    }

    /// The top-level elements (normally the one `html` element libxml2 implies).
    public var rootElements: [HTMLElement] {
        storage.roots.compactMap { storage.nodes[$0].isElement ? HTMLElement(storage: storage, index: $0) : nil }
    }

    /// Every element in document order.
    public var elements: [HTMLElement] {
        storage.nodes.indices.compactMap { storage.nodes[$0].isElement ? HTMLElement(storage: storage, index: $0) : nil }
    }

    /// A complete UTF-8 HTML document around a fragment from the renderers (such as
    /// ``HCard/html``), for a `text/html` part; `fragment` is inserted as is.
    public static func rendering(body fragment: String) -> String {
        "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"></head>\n<body>\n\(fragment)</body>\n</html>\n"
    }

    /// The text of the whole document, script and style bodies excluded.
    public var textContent: String {
        var result = ""
        for node in storage.nodes where !node.isElement { result += node.value }
        return result
    }
}

extension HTMLDocument {
    /// Bounds on the work and memory one parse may use.
    public struct Limits: Sendable, Hashable {
        /// The largest input accepted, in bytes.
        public var maximumInputBytes: Int
        /// The most elements a document may hold.
        public var maximumElements: Int
        /// The deepest element nesting accepted. The microformat parser recurses once per level,
        /// so keep this in the thousands at most.
        public var maximumDepth: Int
        /// The most bytes of names, attribute values and text kept; bounds what entity
        /// references can expand to.
        public var maximumStoredBytes: Int
        /// The most attributes one start tag may carry (an over-approximating count, taken before
        /// parsing: libxml2's duplicate check takes time quadratic in this number).
        public var maximumAttributesPerElement: Int

        /// Creates limits.
        public init(maximumInputBytes: Int, maximumElements: Int, maximumDepth: Int, maximumStoredBytes: Int,
                    maximumAttributesPerElement: Int = 128) {
            self.maximumInputBytes = maximumInputBytes
            self.maximumElements = maximumElements
            self.maximumDepth = maximumDepth
            self.maximumStoredBytes = maximumStoredBytes
            self.maximumAttributesPerElement = maximumAttributesPerElement
        }

        /// 16 MiB of input (mail HTML carries inline images), 200,000 elements, depth 256,
        /// 32 MiB of stored content and 128 attributes per tag (the worst case, a 16 MiB input of
        /// tags with 128 attributes each, costs libxml2 about a second).
        public static let `default` = Limits(
            maximumInputBytes: 16 << 20,
            maximumElements: 200_000,
            maximumDepth: 256,
            maximumStoredBytes: 32 << 20,
            maximumAttributesPerElement: 128
        )
    }

    /// Why a document could not be parsed: a limit it broke, with the actual and allowed counts.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What went wrong.
        public var code: Code
        /// The count that broke the limit, where known (input bytes or elements seen).
        public var actual: Int
        /// The limit that was broken, or 0 for failures that are no limit.
        public var maximum: Int

        /// An open set of parse failures.
        public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
            /// The code's spelling.
            public var rawValue: String
            /// Creates a code.
            public init(rawValue: String) { self.rawValue = rawValue }
            /// The input is larger than ``Limits/maximumInputBytes``.
            public static let inputTooLarge = Code(rawValue: "html-input-too-large")
            /// The document holds more than ``Limits/maximumElements`` elements.
            public static let tooManyElements = Code(rawValue: "html-too-many-elements")
            /// Elements nest deeper than ``Limits/maximumDepth``.
            public static let tooDeep = Code(rawValue: "html-too-deep")
            /// Text and attributes exceed ``Limits/maximumStoredBytes``.
            public static let tooMuchContent = Code(rawValue: "html-too-much-content")
            /// A start tag carries more than ``Limits/maximumAttributesPerElement`` attributes.
            public static let tooManyAttributes = Code(rawValue: "html-too-many-attributes")
            /// Memory ran out.
            public static let outOfMemory = Code(rawValue: "html-out-of-memory")
            /// libxml2 could not set up a parse.
            public static let parserFailed = Code(rawValue: "html-parser-failed")
            /// The spelling.
            public var description: String { rawValue }
        }

        init(status: Int32, limits: Limits, inputBytes: Int, elements: Int) {
            switch status {
            case Int32(CLIBXML2_INPUT_TOO_LARGE):
                (code, actual, maximum) = (.inputTooLarge, inputBytes, limits.maximumInputBytes)
            case Int32(CLIBXML2_TOO_MANY_ELEMENTS):
                (code, actual, maximum) = (.tooManyElements, elements, limits.maximumElements)
            case Int32(CLIBXML2_TOO_DEEP):
                (code, actual, maximum) = (.tooDeep, limits.maximumDepth + 1, limits.maximumDepth)
            case Int32(CLIBXML2_TOO_MUCH_CONTENT):
                (code, actual, maximum) = (.tooMuchContent, limits.maximumStoredBytes + 1, limits.maximumStoredBytes)
            case Int32(CLIBXML2_TOO_MANY_ATTRIBUTES):
                let limit = limits.maximumAttributesPerElement
                (code, actual, maximum) = (.tooManyAttributes, limit + 1, limit)
            case Int32(CLIBXML2_OUT_OF_MEMORY):
                (code, actual, maximum) = (.outOfMemory, 0, 0)
            default:
                (code, actual, maximum) = (.parserFailed, 0, 0)
            }
        }

        /// The code with the counts.
        public var description: String {
            maximum > 0 ? "\(code): \(actual) > \(maximum)" : code.rawValue
        }
    }
}

extension HTMLDocument {
    /// The node table copied out of libxml2, immutable once built.
    final class Storage: Sendable {
        struct Node: Sendable {
            var isElement: Bool
            var parent: Int
            var offset: Int
            var endImpliedByStartTag: Bool
            /// An element's lowercase name or a text node's text.
            var value: String
            var attributes: [HTMLAttribute]
            var children: [Int] = []
        }

        let nodes: [Node]
        let roots: [Int]

        init(_ document: OpaquePointer) {
            let count = clibxml2_node_count(document)
            var nodes: [Node] = []
            nodes.reserveCapacity(count)
            var roots: [Int] = []
            for index in 0..<count {
                let isElement = clibxml2_node_kind(document, index) == Int32(CLIBXML2_NODE_ELEMENT)
                var length = 0
                let bytes = clibxml2_node_bytes(document, index, &length)
                var attributes: [HTMLAttribute] = []
                if isElement {
                    let attributeCount = clibxml2_node_attribute_count(document, index)
                    attributes.reserveCapacity(attributeCount)
                    for attribute in 0..<attributeCount {
                        var nameLength = 0
                        var valueLength = 0
                        let name = clibxml2_node_attribute_name(document, index, attribute, &nameLength)
                        let value = clibxml2_node_attribute_value(document, index, attribute, &valueLength)
                        attributes.append(HTMLAttribute(
                            name: Self.string(name, nameLength).lowercasedASCII(),
                            value: Self.string(value, valueLength)
                        ))
                    }
                }
                let parent = Int(clibxml2_node_parent(document, index))
                nodes.append(Node(
                    isElement: isElement,
                    parent: parent,
                    offset: clibxml2_node_offset(document, index),
                    endImpliedByStartTag: isElement
                        && clibxml2_node_end(document, index) == Int32(CLIBXML2_END_IMPLIED_BY_START_TAG),
                    value: Self.string(bytes, length),
                    attributes: attributes
                ))
                if parent >= 0 { nodes[parent].children.append(index) } else { roots.append(index) }
            }
            self.nodes = nodes
            self.roots = roots
        }

        private static func string(_ pointer: UnsafePointer<UInt8>?, _ length: Int) -> String {
            guard let pointer, length > 0 else { return "" }
            return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
    }
}

extension String {
    /// ASCII-only lowercasing: HTML names are ASCII-case-insensitive, and full Unicode case
    /// mapping would treat look-alike names as equal.
    func lowercasedASCII() -> String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        return ASCII.lowercasedString(utf8)
    }
}
