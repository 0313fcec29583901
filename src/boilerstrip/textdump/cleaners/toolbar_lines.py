"""Drop toolbar words: print, font size, listen, share buttons, alone on their line."""

from __future__ import annotations

import re

from ...phrases import SHARE, TOOLBAR, phrase_regex
from ..page import TextPage

_WHOLE = phrase_regex(TOOLBAR + SHARE)
_ANY = phrase_regex(TOOLBAR + SHARE, whole=False)
_LEFTOVER_RE = re.compile(r"\w")


def toolbar_lines(page: TextPage) -> None:
    """Drop toolbar and share-button lines ("도구모음", "글자크기 설정", "Print", "Share").

    Copied pages keep the labels of the article toolbar (print, font size, listen,
    bookmark) and of the share buttons as lines of their own. A line is dropped when it
    is one such label, or a short row made only of them ("Share Tweet Email").
    """
    found = []
    for i in page.alive():
        text = page.lines[i].text
        if len(text) > 80:
            continue
        only_labels = page.lines[i].weight <= 8 and not _LEFTOVER_RE.search(_ANY.sub(" ", text))
        if only_labels or _WHOLE.match(text):
            found.append(i)
    page.drop(found, "toolbar or share button label")
