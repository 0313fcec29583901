"""Drop tag and category rows: "Tags: a, b, c", "Filed under: ...", and the items under "Tags:"."""

from __future__ import annotations

import re

from ...phrases import TAGS
from ...regex_cache import rx
from ..page import TextPage

_LABEL = "|".join(sorted((re.escape(t) for t in TAGS), key=len, reverse=True))
_ROW_RE = rx(rf"^\W*(?:{_LABEL})\s*[:：]", re.IGNORECASE)
_ITEM_WEIGHT = 8
_MAX_ITEMS = 30


def tag_lines(page: TextPage) -> None:
    """Tag and category rows ("Tags: a, b, c", "Filed under: ...") and their items.

    Taxonomy rows close many articles. A line that opens with such a label and a colon
    goes; when the label stands alone ("Tags:"), the short items right under it go too.
    """
    alive = page.alive()
    found: list[int] = []
    for pos, i in enumerate(alive):
        ln = page.lines[i]
        if ln.weight > 40 or not _ROW_RE.match(ln.text):
            continue
        found.append(i)
        if _ROW_RE.sub("", ln.text).strip():
            continue
        prev = ln
        for j in alive[pos + 1 : pos + 1 + _MAX_ITEMS]:
            item = page.lines[j]
            if item.weight > _ITEM_WEIGHT or item.ends_sentence or item.first > prev.last + 2:
                break
            found.append(j)
            prev = item
    page.drop(found, "tag or category row")
