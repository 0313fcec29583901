# cython: language_level=3, boundscheck=False, wraparound=False
"""The size table's walk in C: :func:`boilerstrip.size_table.build` over libxml2's nodes,
through lxml's public C API, reading no text into a Python string.

Optional: a regular install builds it (setup.py) when Cython and a C compiler are there; without
it the Python walk runs, and tests/test_compiled.py checks that both give the same table.
Read-only: it follows libxml2's child, sibling and parent links, reads text and attribute
names, and changes nothing in the tree.
"""

from cpython.unicode cimport Py_UNICODE_ISALNUM
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport strcmp

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

cetree.import_lxml__etree()

# ASCII letters and digits (what ``[\W_]`` does not match)
cdef unsigned char _WORD[128]
for _b in range(128):
    _WORD[_b] = 1 if chr(_b).isalnum() else 0


cdef Py_ssize_t _letters(const unsigned char* s) noexcept:
    """Letters and digits in the UTF-8 text ``s`` (NUL-terminated), as ``str.isalnum`` counts them."""
    cdef Py_ssize_t n = 0
    cdef unsigned char b
    cdef Py_UCS4 cp
    while True:
        b = s[0]
        if b == 0:
            return n
        if b < 0x80:
            n += _WORD[b]
            s += 1
            continue
        if b >= 0xF0 and (s[1] & 0xC0) == 0x80 and (s[2] & 0xC0) == 0x80 and (s[3] & 0xC0) == 0x80:
            cp = ((b & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F)
            s += 4
        elif b >= 0xE0 and (s[1] & 0xC0) == 0x80 and (s[2] & 0xC0) == 0x80:
            cp = ((b & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F)
            s += 3
        elif b >= 0xC0 and (s[1] & 0xC0) == 0x80:
            cp = ((b & 0x1F) << 6) | (s[1] & 0x3F)
            s += 2
        else:  # not UTF-8 (libxml2 never leaves this in a tree): no letter
            s += 1
            continue
        if Py_UNICODE_ISALNUM(cp):
            n += 1


cdef tree.xmlNode* _text_or_skip(tree.xmlNode* c_node) noexcept:
    """The text node at or after ``c_node`` that lxml's ``.text``/``.tail`` would start with."""
    while c_node is not NULL:
        if c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE:
            return c_node
        if c_node.type == tree.XML_XINCLUDE_START or c_node.type == tree.XML_XINCLUDE_END:
            c_node = c_node.next
        else:
            return NULL
    return NULL


cdef Py_ssize_t _run_letters(tree.xmlNode* c_node) noexcept:
    """Letters and digits of the run of text nodes lxml reads as one ``.text`` or ``.tail``."""
    cdef Py_ssize_t n = 0
    c_node = _text_or_skip(c_node)
    while c_node is not NULL:
        if c_node.content is not NULL:
            n += _letters(<const unsigned char*>c_node.content)
        c_node = _text_or_skip(c_node.next)
    return n


cdef tree.xmlNode* _first_element(tree.xmlNode* c_node) noexcept:
    while c_node is not NULL and c_node.type != tree.XML_ELEMENT_NODE:
        c_node = c_node.next
    return c_node


def build(cetree._Element root not None, tuple groups not None):
    """What :func:`boilerstrip.size_table.build` gives, from libxml2's nodes."""
    cdef cetree._Document doc = root._doc
    cdef tree.xmlNode* top = root._c_node
    cdef tree.xmlNode* c_node
    cdef tree.xmlNode* nxt
    cdef tree.xmlAttr* c_attr
    cdef Py_ssize_t cap = 1024, count = 0, i, n, depth, p
    cdef tree.xmlNode** nodes = <tree.xmlNode**>malloc(cap * sizeof(tree.xmlNode*))
    cdef Py_ssize_t* parents = <Py_ssize_t*>malloc(cap * sizeof(Py_ssize_t))
    cdef Py_ssize_t* below = NULL
    cdef Py_ssize_t* stack = <Py_ssize_t*>malloc(cap * sizeof(Py_ssize_t))
    cdef void* grown
    cdef dict sizes = {}
    cdef dict carrying = {}
    cdef list lists = []
    cdef list names = []
    cdef list found
    cdef object el
    cdef bytes name
    cdef Py_ssize_t g, k, nnames
    try:
        if nodes is NULL or parents is NULL or stack is NULL:
            raise MemoryError()
        for group in groups:
            found = []
            carrying[group] = found
            lists.append(found)
            for text in sorted(group):
                names.append((text.encode("ascii"), len(lists) - 1))
        nnames = len(names)
        # document order: an element, then its element children, depth first
        c_node = top
        depth = 0
        while c_node is not NULL:
            if count == cap:
                cap *= 2
                grown = realloc(nodes, cap * sizeof(tree.xmlNode*))
                if grown is NULL:
                    raise MemoryError()
                nodes = <tree.xmlNode**>grown
                grown = realloc(parents, cap * sizeof(Py_ssize_t))
                if grown is NULL:
                    raise MemoryError()
                parents = <Py_ssize_t*>grown
                grown = realloc(stack, cap * sizeof(Py_ssize_t))
                if grown is NULL:
                    raise MemoryError()
                stack = <Py_ssize_t*>grown
            nodes[count] = c_node
            parents[count] = stack[depth - 1] if depth > 0 else -1
            nxt = _first_element(c_node.children)
            if nxt is not NULL:
                stack[depth] = count
                depth += 1
                count += 1
                c_node = nxt
                continue
            count += 1
            # no element child: the next element sibling of this node or of an ancestor
            while True:
                if c_node is top:
                    c_node = NULL
                    break
                nxt = _first_element(c_node.next)
                if nxt is not NULL:
                    c_node = nxt
                    break
                if depth == 0:
                    c_node = NULL
                    break
                depth -= 1
                c_node = nodes[stack[depth]]
        below = <Py_ssize_t*>malloc((count if count else 1) * sizeof(Py_ssize_t))
        if below is NULL:
            raise MemoryError()
        for i in range(count):
            below[i] = 0
        proxies = [None] * count
        for i in range(count):
            c_node = nodes[i]
            el = cetree.elementFactory(doc, c_node)
            proxies[i] = el
            if nnames:
                c_attr = c_node.properties
                while c_attr is not NULL:
                    if c_attr.type == tree.XML_ATTRIBUTE_NODE and c_attr.ns is NULL:
                        for k in range(nnames):
                            name = names[k][0]
                            if strcmp(<const char*>c_attr.name, <const char*>name) == 0:
                                g = names[k][1]
                                found = lists[g]
                                if not found or found[len(found) - 1] is not el:
                                    found.append(el)
                                break
                    c_attr = c_attr.next
        for i in range(count - 1, -1, -1):
            c_node = nodes[i]
            n = below[i] + _run_letters(c_node.children)
            sizes[proxies[i]] = n
            n += _run_letters(c_node.next)
            p = parents[i]
            if n and p >= 0:
                below[p] += n
        return sizes, carrying
    finally:
        free(nodes)
        free(parents)
        free(stack)
        free(below)
