"""The size table: letters and digits under each element of a page, and which elements carry
the attributes the cleaners look for, found in one walk of the tree; and the page's short
standalone blocks, read from it.

:func:`build`, :func:`short_blocks` and :func:`squashed_text` are Python. A regular install also
builds the same three in C (``_walks.pyx``, over libxml2's nodes through lxml's public C
API, with no Python string made for a text it only counts or squashes); :data:`walk`,
:data:`short_walk` and :data:`squashed` are those when they imported and the Python ones
otherwise. The same module holds the C reading of the class names (:mod:`boilerstrip.page`)
and of the scorer's paragraphs (:mod:`boilerstrip.extract.score`), which take it from
:data:`compiled`. Both builds give the same results (tests/test_compiled.py compares them on
every fixture and bench page, the html5lib documents and random trees).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from types import ModuleType

from lxml import etree
from lxml.html import HtmlElement

from .regex_cache import rx
from .textutil import squash
from .trees import text_content

Groups = tuple[frozenset[str], ...]
Table = tuple[dict[HtmlElement, int], dict[frozenset[str], list[HtmlElement]]]
Blocks = list[tuple[HtmlElement, str]]
Sizes = dict[HtmlElement, int]
Elements = set[HtmlElement]
Texts = dict[HtmlElement, str]


def build(root: HtmlElement, groups: Groups) -> Table:
    """``(sizes, carrying)`` for the tree under ``root``, in Python.

    ``sizes``: the letters and digits (what ``[\\W_]`` does not match) in each element's text,
    its descendants' included, keyed in reverse document order. ``carrying``: for each group of
    attribute names, the elements carrying any of them, in document order.
    """
    sizes: dict[HtmlElement, int] = {}
    below: dict[HtmlElement, int] = {}  # what the children counted so far hold, tails included
    get = below.get
    elements = list(root.iter(tag=etree.Element))
    carrying = carriers(elements, groups)
    # in reverse document order an element comes after all of its descendants: each passes its
    # count up to its parent (one visit per element, not one per element and one more as a
    # child). Most texts and tails are the indentation between tags: no letter (no whitespace
    # character is a letter or digit), and no call to count them.
    for el in elements[::-1]:  # (a copy: mypyc cannot reverse a list of lxml elements)
        text = el.text
        n = get(el, 0)
        if text and not text.isspace():
            n += count(text)
        sizes[el] = n
        tail = el.tail
        if tail and not tail.isspace():
            n += count(tail)
        if n:
            parent = el.getparent()
            if parent is not None:
                below[parent] = get(parent, 0) + n
    return sizes, carrying


def carriers(elements: list[HtmlElement], groups: Groups) -> dict[frozenset[str], list[HtmlElement]]:
    """For each group of attribute names, the elements carrying one of them (in the order given)."""
    lists: dict[frozenset[str], list[HtmlElement]] = {group: [] for group in groups}
    of_name = {name: lists[group] for group in groups for name in group}
    for el in elements:
        for name in el.keys():  # noqa: SIM118 (attribute names: iterating el gives its children)
            found = of_name.get(name)
            if found is not None and (not found or found[-1] is not el):
                found.append(el)
    return lists


def count(text: str | None) -> int:
    """Letters and digits in ``text`` (what ``[\\W_]`` does not match)."""
    if not text:
        return 0
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_NONWORD))
    # ASCII goes in C (a UTF-8 sequence of a non-ASCII character holds no ASCII byte): the
    # regex then meets only the non-ASCII characters, often a few quotes in a long text
    words = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NONWORD)
    wide = words.translate(None, _ASCII_WORD)
    ascii_words = len(words) - len(wide)
    return ascii_words + len(_NONWORD_RE.sub("", wide.decode("utf-8", "surrogatepass")))


def short_blocks(
    sizes: Sizes, most: int, verbatim: Elements, dead: Elements, read: Texts, changed: Elements
) -> Blocks:
    """The standalone elements of ``sizes`` holding 1 to ``most`` letters, with their squashed
    text, in document order (:meth:`Page.short_blocks <boilerstrip.page.Page.short_blocks>`).

    Standalone: not in ``verbatim`` or ``dead``, holding more than its parent's other children
    (a parent of the same size is the block), and not an inline element of a parent with running
    text of its own. The text is the one in ``read`` unless the element is in ``changed``.
    """
    out = []
    running: dict[HtmlElement, bool] = {}  # parents of inline elements: text of their own?
    for el, n in sizes.items():
        if not 0 < n <= most or el in verbatim or el in dead:
            continue
        parent = el.getparent()
        if parent is not None and sizes.get(parent, 0) == n:
            continue
        if el.tag in INLINE and parent is not None:
            # (asked once per parent: a paragraph of many links is not read once per link)
            direct = running.get(parent)
            if direct is None:
                direct = running[parent] = _direct_text(parent)
            if direct:
                continue
        text = read.get(el)
        out.append((el, squashed_text(el) if text is None or el in changed else squash(text)))
    out.reverse()  # document order
    return out


def squashed_text(el: HtmlElement) -> str:
    """The element's text, its descendants' included, squashed: ``squash(text_content(el))``."""
    return squash(text_content(el))


def _direct_text(el: HtmlElement) -> bool:
    """True when ``el`` has text of its own between its children (running text)."""
    if el.text and el.text.strip():
        return True
    return any(c.tail and c.tail.strip() for c in el)


INLINE = frozenset(
    {"a", "span", "b", "i", "em", "strong", "font", "small", "u", "label", "abbr", "cite", "sup", "sub", "mark", "time"}
)
"""Inline elements: inside running text, one of them is a word or phrase, never a block."""
_NONWORD_RE = rx(r"[\W_]+")
# ASCII bytes that are not letters or digits: deleted from UTF-8 bytes in one C call.
_ASCII_NONWORD = bytes(b for b in range(128) if not chr(b).isalnum())
_ASCII_WORD = bytes(b for b in range(128) if chr(b).isalnum())


def _compiled() -> ModuleType | None:
    """The C module, or None when this install has none or it does not fit the lxml imported.

    Its import checks the layout of lxml's element and document objects against the lxml it was
    built with; a mismatch (a warning from Cython, an error, or lxml's C API missing a function)
    leaves the Python functions in place.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            from . import _walks
    except Exception:  # noqa: BLE001 - any failure to load an optional speed-up means "not there"
        return None
    return _walks


compiled = _compiled()
"""The C module (``_walks``) when it loaded, else None."""
walk: Callable[[HtmlElement, Groups], Table] = compiled.build if compiled else build
"""The size table's walk this install runs: the C one when it loaded, :func:`build` otherwise."""
short_walk: Callable[[Sizes, int, Elements, Elements, Texts, Elements], Blocks] = (
    compiled.short_blocks if compiled else short_blocks
)
""":func:`short_blocks` in C when it loaded."""
squashed: Callable[[HtmlElement], str] = compiled.squashed_text if compiled else squashed_text
""":func:`squashed_text` in C when it loaded."""
