"""Drop copyright and reprint notices: "© ... 무단전재·재배포 금지", "All rights reserved"."""

from __future__ import annotations

from ...phrases import COPYRIGHT, REPRINT, phrase_regex
from ..page import TextPage

_ANY = phrase_regex(COPYRIGHT + REPRINT, whole=False)
_OPENERS = ("©", "ⓒ", "(c) ", "copyright", "<저작권자", "[저작권자", "저작권자")


def copyright_lines(page: TextPage) -> None:
    """Drop copyright and reprint lines ("©아주경제. 무단전재·재배포 금지").

    The notice closes most news articles and repeats in the footer. Only short lines
    are dropped, so a paragraph that discusses copyright stays.
    """
    found = []
    for i in page.alive():
        text = page.lines[i].text
        if page.lines[i].weight > 30:
            continue
        if _ANY.search(text) or text.lower().startswith(_OPENERS):
            found.append(i)
    page.drop(found, "copyright or reprint notice")
