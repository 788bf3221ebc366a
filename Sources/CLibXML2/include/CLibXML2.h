#ifndef CLIBXML2_H
#define CLIBXML2_H

// libxml2's HTML parser behind a header that names no libxml2 type.
//
// Debian builds libxml2 with ICU, so its headers include ICU's; Foundation on Linux carries a
// private copy of the ICU headers, and a Swift module that saw both would not compile. Swift
// code therefore sees only the plain C declarations below. The parse runs libxml2 in SAX mode
// (no DOM, no network, no external entities, no scripts) and copies the element tree into a
// flat node table that the caller reads with the accessors and frees with
// `clibxml2_document_free`.

#include <stddef.h>
#include <stdint.h>

/// A parsed document: a flat table of nodes in document order.
typedef struct clibxml2_document clibxml2_document;

/// The bounds a parse keeps to; a parse that would exceed one stops with its status code.
typedef struct clibxml2_limits {
    size_t max_input_bytes;
    size_t max_elements;
    size_t max_depth;
    /// Bytes of names, attribute values and text kept in total.
    size_t max_stored_bytes;
    /// Attributes in one start tag. Checked by a linear pre-scan before libxml2 runs, because
    /// libxml2 compares each attribute with all earlier ones of its tag (quadratic time).
    size_t max_attributes;
} clibxml2_limits;

enum {
    CLIBXML2_OK = 0,
    CLIBXML2_INPUT_TOO_LARGE = 1,
    CLIBXML2_TOO_MANY_ELEMENTS = 2,
    CLIBXML2_TOO_DEEP = 3,
    CLIBXML2_TOO_MUCH_CONTENT = 4,
    CLIBXML2_OUT_OF_MEMORY = 5,
    CLIBXML2_PARSER_FAILED = 6,
    CLIBXML2_TOO_MANY_ATTRIBUTES = 7,
};

enum {
    CLIBXML2_NODE_ELEMENT = 1,
    CLIBXML2_NODE_TEXT = 2,
};

/// How an element's end was found.
enum {
    /// By its own end tag.
    CLIBXML2_END_TAG = 0,
    /// Implied by a later start tag, such as `<p>` ending an open `<p>`: the source nested the
    /// following content inside the element, HTML's rules put it after.
    CLIBXML2_END_IMPLIED_BY_START_TAG = 1,
    /// Implied by an ancestor's end tag or the end of the input.
    CLIBXML2_END_IMPLIED = 2,
};

/// Parses `length` bytes of UTF-8 HTML. On success stores a document in `*out` and returns
/// `CLIBXML2_OK`; otherwise returns the status and stores NULL. `*stopped_at` receives the
/// number of elements seen when a limit stopped the parse.
int32_t clibxml2_parse(const uint8_t *bytes, size_t length, const clibxml2_limits *limits,
                       clibxml2_document **out, size_t *stopped_at);

void clibxml2_document_free(clibxml2_document *document);

size_t clibxml2_node_count(const clibxml2_document *document);
int32_t clibxml2_node_kind(const clibxml2_document *document, size_t node);
/// The parent's index, or -1 for a top-level node.
int64_t clibxml2_node_parent(const clibxml2_document *document, size_t node);
/// Where the parser was in the input when it reported the node: at the end of an element's start
/// tag, or past a text node's end. Byte offsets into the input, for diagnostics.
size_t clibxml2_node_offset(const clibxml2_document *document, size_t node);
/// `CLIBXML2_END_*` for an element.
int32_t clibxml2_node_end(const clibxml2_document *document, size_t node);
/// An element's lowercase name, or a text node's text; not NUL-terminated.
const uint8_t *clibxml2_node_bytes(const clibxml2_document *document, size_t node, size_t *length);
size_t clibxml2_node_attribute_count(const clibxml2_document *document, size_t node);
const uint8_t *clibxml2_node_attribute_name(const clibxml2_document *document, size_t node,
                                            size_t index, size_t *length);
const uint8_t *clibxml2_node_attribute_value(const clibxml2_document *document, size_t node,
                                             size_t index, size_t *length);

#endif
