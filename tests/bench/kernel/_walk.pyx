# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# (Parked here as a measured record, see README.md: it lived at
# convert/extract/html/_walk.pyx at commit b33eb28.)
"""Native walks over selectolax's lexbor tree for the content finder's hottest reads (issue
#14's compiled-kernel measurement). Each function answers exactly what its pure-Python twin in
:mod:`.walk` answers, or says it cannot (``-1`` / ``None``) and the caller asks the twin:
text that is not valid UTF-8 (selectolax decodes it with replacement characters, which a byte
count cannot follow), fragment roots and template contents (selectolax walks those through a
wrapper)."""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdlib cimport malloc, realloc, free
from libc.string cimport memcpy
from libc.stdint cimport uintptr_t

from selectolax.lexbor cimport (LexborNode, LexborHTMLParser, lxb_dom_node_t,
                                lxb_dom_character_data_t)

cdef extern from *:
    """
    #include <dlfcn.h>
    #include "lexbor/dom/interfaces/element.h"
    #include "lexbor/dom/interfaces/attr.h"

    /* lexbor's own qualified-name reader lives in selectolax's module, whose symbols are
       exported but not global (Python loads extensions RTLD_LOCAL): it is looked up there. */
    typedef const lxb_char_t *(*decruft_qname_f)(lxb_dom_attr_t *, size_t *);
    static decruft_qname_f decruft_qname = NULL;

    static int decruft_bind(const char *path) {
        void *handle = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
        if (handle == NULL) return 0;
        decruft_qname = (decruft_qname_f) dlsym(handle, "lxb_dom_attr_qualified_name");
        return decruft_qname != NULL;
    }

    static lxb_dom_attr_t *decruft_first_attr(lxb_dom_node_t *node) {
        return ((lxb_dom_element_t *) node)->first_attr;
    }
    static lxb_dom_attr_t *decruft_next_attr(lxb_dom_attr_t *attr) { return attr->next; }
    static const unsigned char *decruft_attr_value(lxb_dom_attr_t *attr) {
        return attr->value == NULL ? NULL : attr->value->data;
    }
    static const unsigned char *decruft_attr_qname(lxb_dom_attr_t *attr, size_t *len) {
        return decruft_qname(attr, len);
    }
    """
    ctypedef struct lxb_dom_attr_t
    int decruft_bind(const char *path)
    lxb_dom_attr_t *decruft_first_attr(lxb_dom_node_t *node) nogil
    lxb_dom_attr_t *decruft_next_attr(lxb_dom_attr_t *attr) nogil
    const unsigned char *decruft_attr_value(lxb_dom_attr_t *attr) nogil
    const unsigned char *decruft_attr_qname(lxb_dom_attr_t *attr, size_t *length) nogil

# lexbor's node types (lexbor/dom/interfaces/node.h)
cdef enum:
    NODE_ELEMENT = 1
    NODE_TEXT = 3

# Tag ids read off a parsed sample at set-up (see :func:`setup`): lexbor's static ids.
cdef uintptr_t TEXT_ID = 0
cdef uintptr_t A_ID = 0
cdef uintptr_t P_ID = 0
cdef uintptr_t PRE_ID = 0
cdef uintptr_t SPAN_ID = 0
cdef unsigned char PARA_OR_CONTAINER[256]
cdef unsigned char BLOCK[256]
cdef bint READY = 0


def tag_id(LexborNode node):
    """lexbor's tag id of a node (its ``local_name``)."""
    return <uintptr_t> node.node.local_name


def setup(str selectolax_path, dict ids, paragraph_or_container, block):
    """Bind the kernel: ``ids`` maps "-text", "a", "p", "pre", "span" to lexbor tag ids, the
    two sets hold the tag ids of the paragraph/container and block tag names. False when the
    qualified-name reader cannot be found (the caller then uses the pure-Python walks)."""
    global TEXT_ID, A_ID, P_ID, PRE_ID, SPAN_ID, READY
    if not decruft_bind(selectolax_path.encode()):
        return False
    TEXT_ID, A_ID, P_ID, PRE_ID, SPAN_ID = (ids["-text"], ids["a"], ids["p"], ids["pre"],
                                            ids["span"])
    cdef int i
    for i in range(256):
        PARA_OR_CONTAINER[i] = 0
        BLOCK[i] = 0
    for i in paragraph_or_container:
        if not 0 <= i < 256:
            return False
        PARA_OR_CONTAINER[i] = 1
    for i in block:
        if not 0 <= i < 256:
            return False
        BLOCK[i] = 1
    READY = 1
    return True


cdef inline bint in_table(unsigned char *table, uintptr_t tag) noexcept nogil:
    return tag < 256 and table[tag]


cdef Py_ssize_t count_visible(const unsigned char *s, size_t n) noexcept nogil:
    """Characters other than ' ', '\\n', '\\t', '\\r' of strictly valid UTF-8 (as CPython's
    decoder accepts it); -1 for anything else."""
    cdef size_t i = 0
    cdef Py_ssize_t count = 0
    cdef unsigned char c, c1
    while i < n:
        c = s[i]
        if c < 0x80:
            if c != 0x20 and c != 0x0A and c != 0x09 and c != 0x0D:
                count += 1
            i += 1
            continue
        if 0xC2 <= c <= 0xDF:
            if i + 1 >= n or (s[i + 1] & 0xC0) != 0x80:
                return -1
            i += 2
        elif 0xE0 <= c <= 0xEF:
            if i + 2 >= n:
                return -1
            c1 = s[i + 1]
            if (c1 & 0xC0) != 0x80 or (s[i + 2] & 0xC0) != 0x80:
                return -1
            if (c == 0xE0 and c1 < 0xA0) or (c == 0xED and c1 > 0x9F):
                return -1
            i += 3
        elif 0xF0 <= c <= 0xF4:
            if i + 3 >= n:
                return -1
            c1 = s[i + 1]
            if ((c1 & 0xC0) != 0x80 or (s[i + 2] & 0xC0) != 0x80
                    or (s[i + 3] & 0xC0) != 0x80):
                return -1
            if (c == 0xF0 and c1 < 0x90) or (c == 0xF4 and c1 > 0x8F):
                return -1
            i += 4
        else:
            return -1
        count += 1
    return count


cdef inline Py_ssize_t text_node_visible(lxb_dom_node_t *node) noexcept nogil:
    cdef lxb_dom_character_data_t *data = <lxb_dom_character_data_t *> node
    if data.data.data == NULL:
        return 0
    return count_visible(data.data.data, data.data.length)


cdef Py_ssize_t subtree_visible(lxb_dom_node_t *root) noexcept nogil:
    """``visible_chars(node.text(deep=True))`` for a node of a document tree, -1 when the
    bytes are not valid UTF-8 text node by text node."""
    cdef Py_ssize_t total = 0, part
    cdef lxb_dom_node_t *node
    if <int> root.type == NODE_TEXT:
        total = text_node_visible(root)
        if total < 0:
            return -1
    node = root.first_child
    while node != NULL:
        if node.local_name == TEXT_ID:
            part = text_node_visible(node)
            if part < 0:
                return -1
            total += part
        if node.first_child != NULL:
            node = node.first_child
        else:
            while node != root and node.next == NULL:
                node = node.parent
            if node == root:
                break
            node = node.next
    return total


cdef inline bint plain(LexborNode node):
    return node.node != NULL and not node._is_fragment_root and not node._is_template_content


def visible_len(LexborNode node):
    """Visible characters of the node's text, -1 when the twin must answer."""
    if not READY or not plain(node):
        return -1
    return subtree_visible(node.node)


cdef inline bint is_href(lxb_dom_attr_t *attr) noexcept nogil:
    cdef size_t length = 0
    cdef const unsigned char *name = decruft_attr_qname(attr, &length)
    return (name != NULL and length == 4 and (name[0] | 0x20) == b'h' and (name[1] | 0x20) == b'r'
            and (name[2] | 0x20) == b'e' and (name[3] | 0x20) == b'f')


def link_chars(LexborNode node, double fragment_weight):
    """The link characters of the node's ``<a>`` elements (itself included, as ``css("a")``
    finds them), each weighted ``fragment_weight`` when its href starts with "#", summed in
    document order; None when the twin must answer."""
    if not READY or not plain(node):
        return None
    cdef lxb_dom_node_t *root = node.node
    cdef lxb_dom_node_t *cur = root
    cdef lxb_dom_attr_t *attr
    cdef const unsigned char *value
    cdef double links = 0.0, weight
    cdef Py_ssize_t size
    cdef bint any_link = 0
    while cur != NULL:
        if <int> cur.type == NODE_ELEMENT and cur.local_name == A_ID:
            weight = 1.0
            attr = decruft_first_attr(cur)
            while attr != NULL:
                if is_href(attr):
                    value = decruft_attr_value(attr)
                    if value != NULL and value[0] == b'#':
                        weight = fragment_weight
                    break
                attr = decruft_next_attr(attr)
            size = subtree_visible(cur)
            if size < 0:
                return None
            links += weight * <double> size
            any_link = 1
        if cur.first_child != NULL:
            cur = cur.first_child
        else:
            while cur != root and cur.next == NULL:
                cur = cur.parent
            if cur == root:
                break
            cur = cur.next
    # (the twin starts from the int 0: without links it answers 0, not 0.0)
    return links if any_link else 0


cdef struct Buffer:
    char *data
    size_t size
    size_t capacity


cdef int buffer_add(Buffer *buf, const unsigned char *s, size_t n) noexcept nogil:
    cdef size_t want
    cdef char *grown
    if buf.size + n > buf.capacity:
        want = buf.capacity * 2 if buf.capacity else 4096
        while want < buf.size + n:
            want *= 2
        grown = <char *> realloc(buf.data, want)
        if grown == NULL:
            return -1
        buf.data = grown
        buf.capacity = want
    memcpy(buf.data + buf.size, s, n)
    buf.size += n
    return 0


cdef str subtree_text(lxb_dom_node_t *root, Buffer *buf):
    """``node.text(deep=True)`` of an element (not a text node) of a document tree."""
    cdef lxb_dom_node_t *node = root.first_child
    cdef lxb_dom_character_data_t *data
    buf.size = 0
    while node != NULL:
        if node.local_name == TEXT_ID:
            data = <lxb_dom_character_data_t *> node
            if data.data.data != NULL and data.data.length:
                if buffer_add(buf, data.data.data, data.data.length) < 0:
                    raise MemoryError()
        if node.first_child != NULL:
            node = node.first_child
        else:
            while node != root and node.next == NULL:
                node = node.parent
            if node == root:
                break
            node = node.next
    if buf.size == 0:
        return ""
    return PyUnicode_DecodeUTF8(buf.data, buf.size, "replace")


cdef bint blank_ascii(const unsigned char *s, size_t n) noexcept nogil:
    """Whether ASCII text is all what ``str.strip()`` removes."""
    cdef size_t i
    cdef unsigned char c
    for i in range(n):
        c = s[i]
        if not (c == 0x20 or 0x09 <= c <= 0x0D or 0x1C <= c <= 0x1F):
            return 0
    return 1


cdef int has_text(lxb_dom_node_t *kid) except -1:
    """``(kid.text_content or "").strip() != ""`` for a text node."""
    cdef lxb_dom_character_data_t *data
    cdef size_t i
    if <int> kid.type != NODE_TEXT:
        return 0
    data = <lxb_dom_character_data_t *> kid
    if data.data.data == NULL or data.data.length == 0:
        return 0
    for i in range(data.data.length):
        if data.data.data[i] >= 0x80:
            text = PyUnicode_DecodeUTF8(<char *> data.data.data, data.data.length, "replace")
            return 1 if text.strip() else 0
    return 0 if blank_ascii(data.data.data, data.data.length) else 1


def paragraph_nodes(LexborNode body, Py_ssize_t min_chars):
    """:func:`.scoring._paragraph_nodes`: (node, its text) of the paragraph-like elements
    under ``body`` (itself included) whose text has ``min_chars`` characters or more; None
    when the twin must answer."""
    if not READY or not plain(body):
        return None
    cdef LexborHTMLParser parser = body.parser
    cdef lxb_dom_node_t *root = body.node
    cdef lxb_dom_node_t *node = root
    cdef lxb_dom_node_t *kid
    cdef uintptr_t tag
    cdef bint block, text
    cdef list out = []
    cdef Buffer buf
    buf.data = NULL
    buf.size = buf.capacity = 0
    try:
        while node != NULL:
            tag = node.local_name
            if <int> node.type != NODE_TEXT and in_table(PARA_OR_CONTAINER, tag):
                block = 0
                if tag != P_ID and tag != PRE_ID:
                    text = 0
                    kid = node.first_child
                    while kid != NULL:
                        if in_table(BLOCK, kid.local_name):
                            block = 1
                            break
                        if kid.local_name == TEXT_ID and not text and has_text(kid):
                            text = 1
                        kid = kid.next
                    if not block and tag == SPAN_ID and not text:
                        block = 1
                if not block:
                    content = subtree_text(node, &buf)
                    if len(content) >= min_chars:
                        out.append((LexborNode.new(node, parser), content))
            if node.first_child != NULL:
                node = node.first_child
            else:
                while node != root and node.next == NULL:
                    node = node.parent
                if node == root:
                    break
                node = node.next
    finally:
        free(buf.data)
    return out


def tag_select(LexborNode node, bytes table, bint first=False):
    """``node.css(query)`` (``css_first`` when ``first``: a list of at most one) for a query
    that is a list of distinct plain tag names: the elements, the node itself included, whose
    tag id is marked in ``table`` (256 bytes), in document order; None when the twin must
    answer."""
    if not READY or not plain(node) or len(table) != 256:
        return None
    cdef const unsigned char *marks = table
    cdef LexborHTMLParser parser = node.parser
    cdef lxb_dom_node_t *root = node.node
    cdef lxb_dom_node_t *cur = root
    cdef list out = []
    while cur != NULL:
        if <int> cur.type == NODE_ELEMENT and cur.local_name < 256 and marks[cur.local_name]:
            out.append(LexborNode.new(cur, parser))
            if first:
                break
        if cur.first_child != NULL:
            cur = cur.first_child
        else:
            while cur != root and cur.next == NULL:
                cur = cur.parent
            if cur == root:
                break
            cur = cur.next
    return out
