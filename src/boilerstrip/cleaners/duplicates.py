"""duplicates: blocks that repeat another block of the article."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..page import Page
from ..textutil import fold
from ..trees import text_content

_BLOCKS = ("p", "li", "div", "blockquote", "h2", "h3", "h4", "figcaption")
_MIN_KEY = 12


def duplicates(page: Page) -> None:
    """Blocks whose text repeats another block: a pull quote, a summary item, a caption printed
    twice. The first copy stays.

    A block is a repeat when its folded text equals an earlier block of another kind (a
    ``<li>`` or ``<blockquote>`` repeating a ``<p>``); two paragraphs saying the same thing
    are the author's choice and stay.
    """
    root = page.main if page.main is not None else page.body
    leaves: list[tuple[HtmlElement, str]] = []
    for el in root.iter(*_BLOCKS):
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants()):
            continue
        key = fold(text_content(el))
        if len(key) >= _MIN_KEY:
            leaves.append((el, key))
    seen: dict[str, HtmlElement] = {}
    found = []
    for el, key in leaves:
        first = seen.get(key)
        if first is None:
            seen[key] = el
        elif first.tag != el.tag:
            # a pull quote, caption or summary item repeating a paragraph; two paragraphs
            # saying the same thing are the author's choice
            found.append((el, f"repeats an earlier <{first.tag}>"))
    page.kill_all(found)
