"""bare_values: blocks that are a bare value — a URL, a number, a timestamp — not prose."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..page import Page
from ..regex_cache import rx

_VALUE = rx(
    r"^\s*(?:"
    r"(?:https?://|www\.)\S+"  # a URL
    r"|[\d\s.,:/%+-]+"  # a number, a size, a bare numeric date
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"  # ISO 8601
    r")\s*$",
    re.IGNORECASE,
)
# Only blocks of their own: a number in a list item, table cell or span is data or a label.
_BLOCK_TAGS = frozenset({"p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6"})
_DATA_TAGS = frozenset({"li", "td", "th", "dd", "table", "ol", "ul"})


def _in_data(el: HtmlElement) -> bool:
    return any(a.tag in _DATA_TAGS for a in el.iterancestors())


# Values left as text are short; a longer numeric block is a table row or a score, left alone.
_LINE_MAX = 120


def bare_values(page: Page) -> None:
    """Blocks that are only a URL, a number or a machine timestamp ("500", "2019-11-19T08:57:40+01:00").

    Left behind by microdata, image widgets and hidden metadata; a reader sees no sentence.
    Table cells and list items stay: there a bare number is data.
    """
    found = [
        (el, "a bare URL, number or timestamp")
        for el, text in page.short_blocks(_LINE_MAX)
        if el.tag in _BLOCK_TAGS and _VALUE.match(text) and not _in_data(el) and not page.holds_article(el)
    ]
    page.kill_all(found)
