"""duplicates: blocks that repeat another block of the article."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..page import Page
from ..textutil import fold

_BLOCKS = ("p", "li", "div", "blockquote", "h2", "h3", "h4", "figcaption")
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|(?<=다\.)|\n")
_MIN_KEY = 12


def _sentences(text: str) -> list[str]:
    return [k for k in (fold(s) for s in _SENTENCE.split(text)) if len(k) >= _MIN_KEY]


def duplicates(page: Page) -> None:
    """Blocks whose text repeats another block: a summary widget repeating the lead, a pull quote,
    a caption printed twice. The fuller copy stays, once, where the article has it.

    A block is a repeat when its folded text equals another's, or when every sentence of it
    stands in a later, longer block.
    """
    root = page.main if page.main is not None else page.body
    leaves: list[tuple[HtmlElement, str]] = []
    for el in root.iter(*_BLOCKS):
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants()):
            continue
        key = fold(el.text_content())
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
    repeated = {el for el, _ in found}
    later: list[tuple[HtmlElement | None, str]] = []
    for el, key in reversed(leaves):
        if el in repeated:
            continue
        parent = el.getparent()
        # blocks beside each other may repeat a phrase on purpose; a widget elsewhere repeats the lead
        elsewhere = " ".join(k for p, k in later if p is not parent)
        sentences = _sentences(el.text_content())
        if elsewhere and sentences and all(s in elsewhere for s in sentences):
            found.append((el, "every sentence repeats a later block"))
        else:
            later.append((parent, key))
    page.kill_all(found)
