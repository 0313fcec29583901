# cython: language_level=3, boundscheck=False, wraparound=False
"""The page's hot tree walks in C, over libxml2's nodes through lxml's public C API, with no
Python string made for a text only counted or squashed: the size table, the short blocks and
their squashed texts (:func:`boilerstrip.size_table.build`, ``short_blocks``,
``squashed_text``) and the scorer's paragraph figures
(:func:`boilerstrip.extract.score.read_paragraphs`).

Optional: a regular install builds it (setup.py) when Cython and a C compiler are there; without
it the Python functions run, and tests/test_compiled.py checks that both give the same results.
Read-only: it follows libxml2's child, sibling and parent links, reads text and attribute
names, and changes nothing in the tree.
"""

from cpython.dict cimport PyDict_Next
from cpython.object cimport PyObject
from cpython.unicode cimport (
    Py_UNICODE_ISALNUM, Py_UNICODE_ISSPACE, PyUnicode_AsUTF8AndSize, PyUnicode_DecodeUTF8,
)
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcpy, strcmp, strlen

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

cetree.import_lxml__etree()

# ASCII letters and digits (what ``[\W_]`` does not match)
cdef unsigned char _WORD[128]
for _b in range(128):
    _WORD[_b] = 1 if chr(_b).isalnum() else 0


cdef inline bint _follows(unsigned char b) noexcept:
    return (b & 0xC0) == 0x80  # a continuation byte (never the NUL that ends a buffer)


cdef inline Py_UCS4 _char_at(const unsigned char* s, Py_ssize_t* width) noexcept:
    """The character whose UTF-8 bytes start at ``s`` (in a NUL-terminated buffer), and their
    number in ``width``. A byte that starts no sequence (libxml2 never leaves one in a tree, nor
    Python in a string's UTF-8) reads as U+FFFD, one byte wide."""
    cdef unsigned char b = s[0]
    if b < 0x80:
        width[0] = 1
        return b
    if b >= 0xF0 and _follows(s[1]) and _follows(s[2]) and _follows(s[3]):
        width[0] = 4
        return ((b & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F)
    if b >= 0xE0 and _follows(s[1]) and _follows(s[2]):
        width[0] = 3
        return ((b & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F)
    if b >= 0xC0 and _follows(s[1]):
        width[0] = 2
        return ((b & 0x1F) << 6) | (s[1] & 0x3F)
    width[0] = 1
    return 0xFFFD


cdef Py_ssize_t _letters(const unsigned char* s) noexcept:
    """Letters and digits in the UTF-8 text ``s`` (NUL-terminated), as ``str.isalnum`` counts them."""
    cdef Py_ssize_t n = 0, width
    cdef unsigned char b
    while True:
        b = s[0]
        if b == 0:
            return n
        if b < 0x80:
            n += _WORD[b]
            s += 1
            continue
        if Py_UNICODE_ISALNUM(_char_at(s, &width)):
            n += 1
        s += width


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


cdef tree.xmlNode* _next_element(tree.xmlNode* c_node, tree.xmlNode* top) noexcept:
    """The element after ``c_node`` in document order among ``top``'s descendants (the order of
    lxml's ``top.iter(tag=Element)``), or NULL."""
    cdef tree.xmlNode* nxt = _first_element(c_node.children)
    if nxt is not NULL:
        return nxt
    while c_node is not top:
        nxt = _first_element(c_node.next)
        if nxt is not NULL:
            return nxt
        c_node = c_node.parent
    return NULL


def build(cetree._Element root not None, tuple groups not None):
    """What :func:`boilerstrip.size_table.build` gives, from libxml2's nodes."""
    cdef cetree._Document doc = root._doc
    cdef tree.xmlNode* top = root._c_node
    cdef tree.xmlNode* c_node
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
        # document order; ``stack`` holds the indexes of the node's ancestors
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
            while depth > 0 and nodes[stack[depth - 1]] is not c_node.parent:
                depth -= 1
            parents[count] = stack[depth - 1] if depth > 0 else -1
            nodes[count] = c_node
            stack[depth] = count
            depth += 1
            count += 1
            c_node = _next_element(c_node, top)
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


# -- short blocks -------------------------------------------------------------------------------

from .size_table import INLINE as _INLINE_NAMES
from .textutil import squash as _python_squash

cdef list _INLINE = sorted(name.encode("ascii") for name in _INLINE_NAMES)


cdef struct Squasher:
    char* buf
    Py_ssize_t length
    Py_ssize_t cap
    bint words  # a character written
    bint gap  # a space seen since the last character written


cdef int _grow(Squasher* sq, Py_ssize_t more) except -1:
    cdef Py_ssize_t cap
    cdef char* grown
    if sq.length + more <= sq.cap:
        return 0
    cap = max(2 * sq.cap, sq.length + more, 256)
    grown = <char*>realloc(sq.buf, cap)
    if grown is NULL:
        raise MemoryError()
    sq.buf = grown
    sq.cap = cap
    return 0


cdef inline bint _is_space(Py_UCS4 cp) noexcept:
    """What ``squash`` splits on: Python's whitespace, and the zero-width space and BOM."""
    return Py_UNICODE_ISSPACE(cp) or cp == 0x200B or cp == 0xFEFF


# ASCII whitespace as Python counts it (str.isspace: also the separators \x1c to \x1f)
cdef unsigned char _SPACE[128]
for _b in range(128):
    _SPACE[_b] = 1 if chr(_b).isspace() else 0


cdef int _squash_into(Squasher* sq, const unsigned char* s, Py_ssize_t size) except -1:
    """Append the UTF-8 text ``s`` to ``sq``, every run of spaces one space, none at the start."""
    cdef Py_ssize_t i = 0, width
    cdef unsigned char b
    cdef bint space
    _grow(sq, size + 1)
    while i < size:
        b = s[i]
        if b < 0x80:  # most characters: no decoding, and a table for the spaces
            width = 1
            space = _SPACE[b]
        else:
            space = _is_space(_char_at(s + i, &width))
        if space:
            sq.gap = sq.words
        else:
            if sq.gap:
                sq.buf[sq.length] = 32
                sq.length += 1
                sq.gap = False
            memcpy(sq.buf + sq.length, s + i, width)
            sq.length += width
            sq.words = True
        i += width
    return 0


cdef int _squash_node_text(Squasher* sq, tree.xmlNode* c_node) except -1:
    if c_node.content is not NULL:
        _squash_into(sq, <const unsigned char*>c_node.content, strlen(<const char*>c_node.content))
    return 0


cdef tree.xmlNode* _next_text(tree.xmlNode* c_node, tree.xmlNode* top) noexcept:
    """The text or CDATA node after ``c_node`` among ``top``'s descendants, in document order
    (from ``top`` itself: the first), or NULL: what lxml's ``tostring(method="text")`` and
    ``text_content`` read."""
    while True:
        if (c_node is top or c_node.type == tree.XML_ELEMENT_NODE) and c_node.children is not NULL:
            c_node = c_node.children
        else:
            # the next sibling, or the sibling of the nearest ancestor below ``top`` with one
            while c_node is not top and c_node.next is NULL:
                c_node = c_node.parent
            if c_node is top:
                return NULL
            c_node = c_node.next
        if c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE:
            return c_node


cdef int _squash_content(Squasher* sq, tree.xmlNode* top) except -1:
    """Squash the text of ``top``'s descendants into ``sq``, in document order."""
    cdef tree.xmlNode* c_node = _next_text(top, top)
    while c_node is not NULL:
        _squash_node_text(sq, c_node)
        c_node = _next_text(c_node, top)
    return 0


cdef str _finish(Squasher* sq):
    try:
        return PyUnicode_DecodeUTF8(sq.buf, sq.length, NULL)
    finally:
        free(sq.buf)
        sq.buf = NULL


cdef str _squashed(tree.xmlNode* c_node):
    cdef Squasher sq
    sq.buf = NULL
    sq.length = sq.cap = 0
    sq.words = sq.gap = False
    try:
        _squash_content(&sq, c_node)
    except BaseException:
        free(sq.buf)
        raise
    return _finish(&sq)


cdef str _squashed_str(str text):
    cdef Squasher sq
    cdef const char* utf8
    cdef Py_ssize_t size
    try:
        utf8 = PyUnicode_AsUTF8AndSize(text, &size)
    except UnicodeEncodeError:  # a lone surrogate: squashed by the Python function
        return _python_squash(text)
    sq.buf = NULL
    sq.length = sq.cap = 0
    sq.words = sq.gap = False
    try:
        _squash_into(&sq, <const unsigned char*>utf8, size)
    except BaseException:
        free(sq.buf)
        raise
    return _finish(&sq)


cdef bint _blank_run(tree.xmlNode* c_node) noexcept:
    """True when the run of text nodes lxml reads as one ``.text`` or ``.tail`` from ``c_node``
    holds only spaces (``not text.strip()``)."""
    cdef const unsigned char* s
    cdef Py_ssize_t width
    cdef Py_UCS4 cp
    c_node = _text_or_skip(c_node)
    while c_node is not NULL:
        s = <const unsigned char*>c_node.content
        if s is not NULL:
            while s[0] != 0:
                cp = _char_at(s, &width)
                s += width
                if not Py_UNICODE_ISSPACE(cp):
                    return False
        c_node = _text_or_skip(c_node.next)
    return True


cdef bint _direct_text(tree.xmlNode* c_node) noexcept:
    """:func:`boilerstrip.size_table._direct_text` of the element ``c_node``."""
    if not _blank_run(c_node.children):
        return True
    c_node = c_node.children
    while c_node is not NULL:
        if cetree._isElement(c_node) and not _blank_run(c_node.next):
            return True
        c_node = c_node.next
    return False


def squashed_text(cetree._Element el not None):
    """What :func:`boilerstrip.size_table.squashed_text` gives, from libxml2's nodes."""
    return _squashed(el._c_node)


def short_blocks(dict sizes not None, Py_ssize_t most, set verbatim not None, set dead not None,
                 dict read not None, set changed not None):
    """What :func:`boilerstrip.size_table.short_blocks` gives, from libxml2's nodes."""
    cdef Py_ssize_t pos = 0, n
    cdef PyObject* key
    cdef PyObject* value
    cdef list out = []
    cdef dict running = {}
    cdef cetree._Element el
    cdef tree.xmlNode* c_node
    cdef tree.xmlNode* c_parent
    cdef object parent, direct, text
    while PyDict_Next(sizes, &pos, &key, &value):
        n = <Py_ssize_t><object>value
        if not 0 < n <= most:
            continue
        el = <cetree._Element?>key
        if el in verbatim or el in dead:
            continue
        c_node = el._c_node
        c_parent = c_node.parent if cetree._isElement(c_node) else NULL
        if c_parent is not NULL and cetree._isElement(c_parent):
            parent = cetree.elementFactory(el._doc, c_parent)
            if sizes.get(parent, 0) == n:
                continue
            if _named(c_node, _INLINE):
                direct = running.get(parent)
                if direct is None:
                    direct = running[parent] = _direct_text(c_parent)
                if direct:
                    continue
        text = read.get(el)
        out.append((el, _squashed(c_node) if text is None or el in changed else _squashed_str(text)))
    out.reverse()
    return out


# -- paragraph figures ---------------------------------------------------------------------------

cdef struct Figures:
    Py_ssize_t letters  # characters of the words
    Py_ssize_t words
    Py_ssize_t cjk
    Py_ssize_t commas
    bint in_word


cdef inline bint _is_cjk(Py_UCS4 cp) noexcept:
    """What ``textutil.cjk_count`` counts."""
    return (
        0x1100 <= cp <= 0x11FF or 0x3040 <= cp <= 0x30FF or 0x3130 <= cp <= 0x318F
        or 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF
        or 0xF900 <= cp <= 0xFAFF
    )


cdef inline bint _is_comma(Py_UCS4 cp) noexcept:
    """One of ``score._COMMAS``: ``,，、،;``."""
    return cp == 0x2C or cp == 0x3B or cp == 0xFF0C or cp == 0x3001 or cp == 0x060C


cdef void _figures_of(Figures* f, const unsigned char* s) noexcept:
    """Add the UTF-8 text ``s`` (NUL-terminated) to ``f``, as ``" ".join(text.split())`` reads it."""
    cdef Py_ssize_t width
    cdef Py_UCS4 cp
    while s[0] != 0:
        cp = _char_at(s, &width)
        s += width
        if (_SPACE[cp] if cp < 0x80 else Py_UNICODE_ISSPACE(cp)):
            f.in_word = False
            continue
        if not f.in_word:
            f.words += 1
            f.in_word = True
        f.letters += 1
        if cp >= 0x80 and _is_cjk(cp):
            f.cjk += 1
        elif _is_comma(cp):
            f.commas += 1


cdef void _figures_run(Figures* f, tree.xmlNode* c_node) noexcept:
    """The run of text nodes lxml reads as one ``.text`` or ``.tail`` from ``c_node``."""
    c_node = _text_or_skip(c_node)
    while c_node is not NULL:
        if c_node.content is not NULL:
            _figures_of(f, <const unsigned char*>c_node.content)
        c_node = _text_or_skip(c_node.next)


cdef bint _has_children(tree.xmlNode* c_node) noexcept:
    """``len(el)``: any child lxml counts (an element, comment, processing instruction or entity)."""
    c_node = c_node.children
    while c_node is not NULL:
        if cetree._isElement(c_node):
            return True
        c_node = c_node.next
    return False


cdef void _figures_content(Figures* f, tree.xmlNode* top) noexcept:
    """:func:`boilerstrip.trees.text_content` of ``top``: its ``.text`` when it has no child,
    else the text and CDATA nodes of all its descendants, in document order."""
    cdef tree.xmlNode* c_node
    if not _has_children(top):
        _figures_run(f, top.children)
        return
    c_node = _next_text(top, top)
    while c_node is not NULL:
        if c_node.content is not NULL:
            _figures_of(f, <const unsigned char*>c_node.content)
        c_node = _next_text(c_node, top)


cdef bint _named(tree.xmlNode* c_node, list names):
    """lxml's ``el.tag in names`` for an element (names without a namespace)."""
    cdef bytes name
    if c_node.ns is not NULL or c_node.name is NULL:
        return False
    for name in names:
        if strcmp(<const char*>c_node.name, <const char*>name) == 0:
            return True
    return False


def paragraph_figures(cetree._Element top not None, para_tags, div_tags, block_tags,
                      Py_ssize_t minimum, make):
    """What ``extract.score.paragraphs`` gives for the tree under ``top``, from libxml2's nodes:
    ``make(el, length, size, commas)`` for each paragraph-like element of ``minimum`` size or more."""
    cdef list paras = sorted(name.encode("ascii") for name in para_tags)
    cdef list divs = sorted(name.encode("ascii") for name in div_tags)
    cdef list blocks = sorted(name.encode("ascii") for name in block_tags)
    cdef list out = []
    cdef tree.xmlNode* root = top._c_node
    cdef tree.xmlNode* c_node = root
    cdef tree.xmlNode* child
    cdef Figures f
    cdef Py_ssize_t length, size
    while c_node is not NULL:
        f.letters = f.words = f.cjk = f.commas = 0
        f.in_word = False
        if _named(c_node, paras):
            _figures_content(&f, c_node)
        elif _named(c_node, divs):
            # the text not inside a block-level child (``score._own_text``)
            _figures_run(&f, c_node.children)
            child = c_node.children
            while child is not NULL:
                if cetree._isElement(child):
                    if child.type == tree.XML_ELEMENT_NODE and not _named(child, blocks):
                        _figures_content(&f, child)
                    _figures_run(&f, child.next)
                child = child.next
        else:
            f.words = -1  # not a paragraph-like element
        if f.words >= 0:
            length = f.letters + f.words - 1 if f.words else 0
            size = length + 2 * f.cjk
            if size >= minimum:
                out.append(make(cetree.elementFactory(top._doc, c_node), length, size, f.commas))
        c_node = _next_element(c_node, root)
    return out


# -- class names ---------------------------------------------------------------------------------

cdef object _attribute(tree.xmlNode* c_node, const char* name):
    """lxml's ``el.get(name)`` for a name without a namespace: libxml2's ``xmlGetNoNsProp``."""
    cdef tree.xmlAttr* c_attr = c_node.properties
    cdef tree.xmlNode* child
    cdef bytes joined
    while c_attr is not NULL:
        if c_attr.ns is NULL and strcmp(<const char*>c_attr.name, name) == 0:
            child = c_attr.children
            if child is NULL:
                return ""
            if child.next is NULL and (child.type == tree.XML_TEXT_NODE or child.type == tree.XML_CDATA_SECTION_NODE):
                if child.content is NULL:
                    return None
                return PyUnicode_DecodeUTF8(<const char*>child.content, strlen(<const char*>child.content), NULL)
            joined = b""
            while child is not NULL:
                if child.content is not NULL and (
                    child.type == tree.XML_TEXT_NODE or child.type == tree.XML_CDATA_SECTION_NODE
                ):
                    joined += <bytes>(<const char*>child.content)
                child = child.next
            return joined.decode("utf-8")
        c_attr = c_attr.next
    return None


def class_names(list elements not None):
    """What :func:`boilerstrip.page.class_names` gives, from libxml2's nodes."""
    cdef list out = []
    cdef cetree._Element el
    cdef object cls, ident
    for item in elements:
        el = <cetree._Element?>item
        cls = _attribute(el._c_node, b"class")
        ident = _attribute(el._c_node, b"id")
        out.append(cls if ident is None else (cls, ident))
    return out
