"""Drop copyright and reprint notices: "© ... 무단전재·재배포 금지", "All rights reserved"."""

from __future__ import annotations

from ...caption_text import is_caption
from ...phrases import COPYRIGHT, REPRINT, phrase_regex
from ..page import TextPage

_ANY = phrase_regex(COPYRIGHT + REPRINT, whole=False)
_OPENER_WEIGHT = 150
_OPENERS = ("©", "ⓒ", "(c) ", "copyright", "<저작권자", "[저작권자", "저작권자")


def copyright_lines(page: TextPage) -> None:
    """Copyright and reprint lines ("©아주경제. 무단전재·재배포 금지").

    The notice closes most news articles and repeats in the footer. A line that opens
    with the notice ("©", "Copyright") goes unless it is very long; one that merely
    holds a notice phrase goes when it is short, so a paragraph that discusses
    copyright stays, and so does a caption ending in a photo credit ("... © AFP").
    """
    found = []
    for i in page.alive():
        text = page.lines[i].text
        w = page.lines[i].weight
        opens = text.lower().startswith(_OPENERS) and w <= _OPENER_WEIGHT
        if (opens or (w <= 30 and _ANY.search(text))) and not is_caption(text):
            found.append(i)
    page.drop(found, "copyright or reprint notice")
