"""Drop popular and related lists: a heading such as "Most read" and the items under it."""

from __future__ import annotations

from ...phrases import RELATED, phrase_regex
from ..page import TextPage

_HEADING = phrase_regex(RELATED)
_MAX_ITEMS = 40


def popular_lists(page: TextPage) -> None:
    """Drop popular/related lists ("실시간 인기", "많이 본 뉴스", "Most read") with their items.

    Such a list is a heading followed by teaser headlines. The heading is recognised by
    its words; its items are the lines that follow it up to the first line that reads
    like article prose (a long, punctuated paragraph) or a blank-separated change of
    indentation, at most 40 lines.
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
            if ln.is_prose and ln.weight >= 25 and not ln.bullet:
                break
            if ln.blank_before and ln.indent < head.indent and not ln.bullet:
                break
            if ln.weight > 40:
                break
            run.append(j)
        taken.update(run)
        page.drop(run, f"list under {head.text[:30]!r}")
