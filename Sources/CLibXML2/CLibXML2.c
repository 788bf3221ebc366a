#include "CLibXML2.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct node_record {
    int32_t kind;
    int32_t end;
    int64_t parent;
    size_t source_offset;
    size_t bytes_offset;
    size_t bytes_length;
    size_t attributes_start;
    size_t attributes_count;
} node_record;

typedef struct attribute_record {
    size_t name_offset, name_length;
    size_t value_offset, value_length;
} attribute_record;

struct clibxml2_document {
    node_record *nodes;
    size_t node_count, node_capacity;
    attribute_record *attributes;
    size_t attribute_count, attribute_capacity;
    uint8_t *pool;
    size_t pool_length, pool_capacity;
};

typedef struct parse_state {
    clibxml2_document *document;
    clibxml2_limits limits;
    htmlParserCtxtPtr context;
    int64_t *stack;  // indices of the open elements
    size_t depth, stack_capacity;
    size_t elements;
    int64_t last_text;  // the text node that adjacent character data extends, or -1
    int32_t status;
} parse_state;

static void stop(parse_state *state, int32_t status) {
    if (state->status == CLIBXML2_OK) state->status = status;
    xmlStopParser(state->context);
}

static int grow(void **buffer, size_t *capacity, size_t needed, size_t element_size) {
    if (needed <= *capacity) return 1;
    size_t capacity_new = *capacity ? *capacity : 64;
    while (capacity_new < needed) {
        if (capacity_new > SIZE_MAX / 2 / element_size) return 0;
        capacity_new *= 2;
    }
    void *grown = realloc(*buffer, capacity_new * element_size);
    if (grown == NULL) return 0;
    *buffer = grown;
    *capacity = capacity_new;
    return 1;
}

// Appends to the byte pool; 0 when a limit or allocation failed (the parse is then stopped).
static int store(parse_state *state, const uint8_t *bytes, size_t length, size_t *offset) {
    clibxml2_document *document = state->document;
    if (length > state->limits.max_stored_bytes - document->pool_length) {
        stop(state, CLIBXML2_TOO_MUCH_CONTENT);
        return 0;
    }
    if (!grow((void **)&document->pool, &document->pool_capacity, document->pool_length + length, 1)) {
        stop(state, CLIBXML2_OUT_OF_MEMORY);
        return 0;
    }
    if (length > 0) memcpy(document->pool + document->pool_length, bytes, length);
    *offset = document->pool_length;
    document->pool_length += length;
    return 1;
}

static node_record *append_node(parse_state *state, int32_t kind) {
    clibxml2_document *document = state->document;
    if (!grow((void **)&document->nodes, &document->node_capacity, document->node_count + 1, sizeof(node_record))) {
        stop(state, CLIBXML2_OUT_OF_MEMORY);
        return NULL;
    }
    node_record *node = &document->nodes[document->node_count++];
    memset(node, 0, sizeof(*node));
    node->kind = kind;
    node->end = CLIBXML2_END_IMPLIED;
    node->parent = state->depth > 0 ? state->stack[state->depth - 1] : -1;
    xmlParserInputPtr input = state->context->input;
    if (input != NULL && input->cur != NULL && input->base != NULL && input->cur >= input->base) {
        // `consumed` counts the bytes libxml2 has already discarded from the buffer's front.
        node->source_offset = (size_t)input->consumed + (size_t)(input->cur - input->base);
    }
    return node;
}

static int active(parse_state *state) { return state->status == CLIBXML2_OK; }

static void on_start(void *context, const xmlChar *name, const xmlChar **attributes) {
    parse_state *state = ((htmlParserCtxtPtr)context)->_private;
    if (!active(state)) return;
    if (state->elements >= state->limits.max_elements) { stop(state, CLIBXML2_TOO_MANY_ELEMENTS); return; }
    if (state->depth >= state->limits.max_depth) { stop(state, CLIBXML2_TOO_DEEP); return; }
    if (!grow((void **)&state->stack, &state->stack_capacity, state->depth + 1, sizeof(int64_t))) {
        stop(state, CLIBXML2_OUT_OF_MEMORY);
        return;
    }
    clibxml2_document *document = state->document;
    size_t name_offset;
    size_t name_length = strlen((const char *)name);
    if (!store(state, name, name_length, &name_offset)) return;
    size_t attributes_start = document->attribute_count;
    size_t attributes_count = 0;
    for (size_t i = 0; attributes != NULL && attributes[i] != NULL; i += 2) {
        if (!grow((void **)&document->attributes, &document->attribute_capacity,
                  document->attribute_count + 1, sizeof(attribute_record))) {
            stop(state, CLIBXML2_OUT_OF_MEMORY);
            return;
        }
        attribute_record record;
        const xmlChar *value = attributes[i + 1];
        if (!store(state, attributes[i], strlen((const char *)attributes[i]), &record.name_offset)) return;
        record.name_length = strlen((const char *)attributes[i]);
        record.value_length = value ? strlen((const char *)value) : 0;
        if (!store(state, value ? value : (const xmlChar *)"", record.value_length, &record.value_offset)) return;
        document->attributes[document->attribute_count++] = record;
        attributes_count++;
    }
    node_record *node = append_node(state, CLIBXML2_NODE_ELEMENT);
    if (node == NULL) return;
    node->bytes_offset = name_offset;
    node->bytes_length = name_length;
    node->attributes_start = attributes_start;
    node->attributes_count = attributes_count;
    state->stack[state->depth++] = (int64_t)(document->node_count - 1);
    state->elements++;
    state->last_text = -1;
}

static int is_name_byte(xmlChar c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == ':' || c == '.';
}

// Tells an element's own end tag from an end that HTML's rules implied, by looking at the bytes
// around the parser's position: just past `</name>` for an end tag; at `<x` (libxml2 peeks at
// the next start tag's name and closes elements before reading it) or just past `<x` for a start
// tag that closed the element.
static int32_t end_kind(htmlParserCtxtPtr context, const xmlChar *name) {
    xmlParserInputPtr input = context->input;
    if (input == NULL || input->cur == NULL || input->base == NULL) return CLIBXML2_END_IMPLIED;
    const xmlChar *base = input->base, *cursor = input->cur, *end = input->end;
    size_t name_length = strlen((const char *)name);
    if (cursor > base && cursor[-1] == '>') {
        const xmlChar *p = cursor - 1;
        while (p > base && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r' || p[-1] == '\f')) p--;
        if ((size_t)(p - base) >= name_length + 2 && xmlStrncasecmp(p - name_length, name, (int)name_length) == 0 &&
            p[-(ptrdiff_t)name_length - 1] == '/' && p[-(ptrdiff_t)name_length - 2] == '<') {
            return CLIBXML2_END_TAG;
        }
        return CLIBXML2_END_IMPLIED;
    }
    if (end != NULL && end - cursor >= 2 && cursor[0] == '<' &&
        ((cursor[1] >= 'a' && cursor[1] <= 'z') || (cursor[1] >= 'A' && cursor[1] <= 'Z'))) {
        return CLIBXML2_END_IMPLIED_BY_START_TAG;
    }
    const xmlChar *p = cursor;
    while (p > base && is_name_byte(p[-1])) p--;
    if (p < cursor && p > base && p[-1] == '<') return CLIBXML2_END_IMPLIED_BY_START_TAG;
    return CLIBXML2_END_IMPLIED;
}

static void on_end(void *context, const xmlChar *name) {
    htmlParserCtxtPtr parser = context;
    parse_state *state = parser->_private;
    if (!active(state) || state->depth == 0) return;
    int64_t index = state->stack[--state->depth];
    state->document->nodes[index].end = end_kind(parser, name);
    state->last_text = -1;
}

static void on_characters(void *context, const xmlChar *characters, int length) {
    parse_state *state = ((htmlParserCtxtPtr)context)->_private;
    if (!active(state) || length <= 0) return;
    clibxml2_document *document = state->document;
    size_t offset;
    // Adjacent character data extends the last text node, which sits at the end of the pool.
    if (state->last_text >= 0) {
        if (!store(state, characters, (size_t)length, &offset)) return;
        document->nodes[state->last_text].bytes_length += (size_t)length;
        return;
    }
    if (!store(state, characters, (size_t)length, &offset)) return;
    node_record *node = append_node(state, CLIBXML2_NODE_TEXT);
    if (node == NULL) return;
    node->bytes_offset = offset;
    node->bytes_length = (size_t)length;
    state->last_text = (int64_t)(document->node_count - 1);
}

// Script and style bodies arrive here: dropped, so that no script text reaches text content.
static void on_raw_text(void *context, const xmlChar *value, int length) {
    (void)context; (void)value; (void)length;
}

static void on_message(void *context, const char *message, ...) { (void)context; (void)message; }
static void on_structured_error(void *context, xmlErrorPtr error) { (void)context; (void)error; }

// No entity is ever loaded: HTML has no external entities, and this answers any request with none.
static xmlParserInputPtr refuse_entity(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

static pthread_once_t initialized = PTHREAD_ONCE_INIT;
static void initialize(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_entity);
}

static int is_blank(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// An upper bound on the attributes of the largest start tag, in one pass: inside a tag (`<` and a
// letter up to an unquoted `>`), every token that starts after a blank or right after a quoted
// value counts, which over-approximates what libxml2's start-tag parser reads as attributes.
static int too_many_attributes(const uint8_t *bytes, size_t length, size_t maximum) {
    size_t i = 0;
    while (i < length) {
        if (bytes[i] != '<' || i + 1 >= length ||
            !((bytes[i + 1] >= 'a' && bytes[i + 1] <= 'z') || (bytes[i + 1] >= 'A' && bytes[i + 1] <= 'Z'))) {
            i++;
            continue;
        }
        size_t count = 0;
        int token_may_start = 0;
        for (i += 2; i < length && bytes[i] != '>'; i++) {
            uint8_t c = bytes[i];
            if (c == '"' || c == '\'') {
                const uint8_t *close = memchr(bytes + i + 1, c, length - i - 1);
                if (close == NULL) return 0;
                i = (size_t)(close - bytes);
                token_may_start = 1;
            } else if (is_blank(c)) {
                token_may_start = 1;
            } else if (token_may_start) {
                token_may_start = 0;
                if (++count > maximum) return 1;
            }
        }
    }
    return 0;
}

void clibxml2_document_free(clibxml2_document *document) {
    if (document == NULL) return;
    free(document->nodes);
    free(document->attributes);
    free(document->pool);
    free(document);
}

int32_t clibxml2_parse(const uint8_t *bytes, size_t length, const clibxml2_limits *limits,
                       clibxml2_document **out, size_t *stopped_at) {
    *out = NULL;
    *stopped_at = 0;
    if (length > limits->max_input_bytes || length > (size_t)INT32_MAX) return CLIBXML2_INPUT_TOO_LARGE;
    if (too_many_attributes(bytes, length, limits->max_attributes)) return CLIBXML2_TOO_MANY_ATTRIBUTES;
    pthread_once(&initialized, initialize);

    parse_state state;
    memset(&state, 0, sizeof(state));
    state.limits = *limits;
    state.last_text = -1;
    state.document = calloc(1, sizeof(clibxml2_document));
    if (state.document == NULL) return CLIBXML2_OUT_OF_MEMORY;

    // libxml2 wants a non-empty buffer; an empty input is an empty document.
    static const uint8_t empty[1] = {' '};
    htmlParserCtxtPtr context =
        htmlCreateMemoryParserCtxt(length > 0 ? (const char *)bytes : (const char *)empty, length > 0 ? (int)length : 1);
    if (context == NULL) {
        clibxml2_document_free(state.document);
        return CLIBXML2_OUT_OF_MEMORY;
    }
    state.context = context;
    htmlCtxtUseOptions(context, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                                    HTML_PARSE_NODEFDTD);
    xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
    htmlSAXHandler *sax = (htmlSAXHandler *)context->sax;
    memset(sax, 0, sizeof(*sax));
    sax->initialized = XML_SAX2_MAGIC;
    sax->startElement = on_start;
    sax->endElement = on_end;
    sax->characters = on_characters;
    sax->ignorableWhitespace = on_characters;
    sax->cdataBlock = on_raw_text;
    sax->warning = on_message;
    sax->error = on_message;
    sax->fatalError = on_message;
    sax->serror = on_structured_error;
    context->_private = &state;
    context->userData = context;

    htmlParseDocument(context);
    int32_t status = state.status;
    *stopped_at = state.elements;
    htmlFreeParserCtxt(context);
    free(state.stack);
    if (status != CLIBXML2_OK) {
        clibxml2_document_free(state.document);
        return status;
    }
    *out = state.document;
    return CLIBXML2_OK;
}

size_t clibxml2_node_count(const clibxml2_document *document) { return document->node_count; }

int32_t clibxml2_node_kind(const clibxml2_document *document, size_t node) { return document->nodes[node].kind; }

int64_t clibxml2_node_parent(const clibxml2_document *document, size_t node) { return document->nodes[node].parent; }

size_t clibxml2_node_offset(const clibxml2_document *document, size_t node) {
    return document->nodes[node].source_offset;
}

int32_t clibxml2_node_end(const clibxml2_document *document, size_t node) { return document->nodes[node].end; }

const uint8_t *clibxml2_node_bytes(const clibxml2_document *document, size_t node, size_t *length) {
    *length = document->nodes[node].bytes_length;
    return document->pool + document->nodes[node].bytes_offset;
}

size_t clibxml2_node_attribute_count(const clibxml2_document *document, size_t node) {
    return document->nodes[node].attributes_count;
}

const uint8_t *clibxml2_node_attribute_name(const clibxml2_document *document, size_t node, size_t index,
                                            size_t *length) {
    const attribute_record *record = &document->attributes[document->nodes[node].attributes_start + index];
    *length = record->name_length;
    return document->pool + record->name_offset;
}

const uint8_t *clibxml2_node_attribute_value(const clibxml2_document *document, size_t node, size_t index,
                                             size_t *length) {
    const attribute_record *record = &document->attributes[document->nodes[node].attributes_start + index];
    *length = record->value_length;
    return document->pool + record->value_offset;
}
