"""Drop popular and related lists: a heading such as "Most read" and the items under it."""

from __future__ import annotations

import re

from ...phrases import RELATED, phrase_regex
from ...regex_cache import rx
from ..page import Line, TextPage

_HEADING = phrase_regex(RELATED)
_LEAD_RE = rx(
    r"^\W*(?:%s)\s*[:：|｜»›>\-–—]\s*\S" % "|".join(re.escape(p) for p in sorted(RELATED, key=len, reverse=True)),
    re.IGNORECASE,
)
# "Auch interessant Fahrradstraßen in der Innenstadt" (no separator: an unpunctuated link row)
_LEAD_SPACE_RE = rx(
    r"^\W*(?:%s)\s+\S" % "|".join(re.escape(p) for p in sorted(RELATED, key=len, reverse=True) if len(p) >= 6),
    re.IGNORECASE,
)
_LEAD_WEIGHT = 25
# "홍길동 기자 다른기사 보기", "Jane Doe More from this author": a link row ending in the words
_TRAIL_RE = rx(
    r"\S\s+(?:%s)\W*$" % "|".join(re.escape(p) for p in sorted(RELATED, key=len, reverse=True) if len(p) >= 4),
    re.IGNORECASE,
)
_TRAIL_WEIGHT = 10
_MAX_ITEMS = 40
_COLUMN_SLACK = 4


def popular_lists(page: TextPage) -> None:
    """Popular/related lists ("실시간 인기", "많이 본 뉴스", "Most read") with their items.

    Such a list is a heading followed by teaser headlines. The heading is recognised by
    its words; its items are the lines that follow it up to the first line that reads
    like article prose (a long, punctuated paragraph) or a blank-separated change of
    indentation, at most 40 lines; in a side-by-side layout only lines of the
    heading's own column count. A single line that opens with such words and a
    separator ("Read more: ...", "Lire aussi | ...", "上一篇：...") is one related link,
    as is an unpunctuated row that opens with them ("Auch interessant Fahrradstraßen
    ...") and a short row that ends with them ("홍길동 기자 다른기사 보기").
    """
    alive = page.alive()
    taken: set[int] = set()
    for pos, i in enumerate(alive):
        if i in taken:
            continue
        head = page.lines[i]
        if len(head.text) > 60 or not _HEADING.match(head.text):
            continue
        run = [i]
        for j in alive[pos + 1 : pos + 1 + _MAX_ITEMS]:
            ln = page.lines[j]
            if (ln.cell or head.cell) and abs(ln.indent - head.indent) > _COLUMN_SLACK:
                continue  # another column of a side-by-side layout
            if ln.is_prose and ln.weight >= 25 and not ln.bullet:
                break
            if ln.blank_before and ln.indent < head.indent and not ln.bullet:
                break
            if ln.weight > 40:
                break
            run.append(j)
        taken.update(run)
        page.drop(run, f"list under {head.text[:30]!r}")
    inline = [i for i in page.alive() if _related_link(page.lines[i])]
    page.drop(inline, "related-article link")


def _related_link(ln: Line) -> bool:
    if ln.weight <= _LEAD_WEIGHT and _LEAD_RE.match(ln.text):
        return True
    if ln.weight <= _LEAD_WEIGHT and not ln.ends_sentence and _LEAD_SPACE_RE.match(ln.text):
        return True
    return ln.weight <= _TRAIL_WEIGHT and bool(_TRAIL_RE.search(ln.text))
