"""Drop toolbar words: print, font size, listen, share buttons, alone on their line."""

from __future__ import annotations

import re

from ...phrases import SHARE, TOOLBAR, phrase_regex
from ...regex_cache import rx
from ..match import only_phrases, phrase_any
from ..page import TextPage

_WHOLE = phrase_regex(TOOLBAR + SHARE)
_ANY = phrase_any(TOOLBAR + SHARE)
# "5 min read", "Lesezeit: 4 Minuten", "Temps de lecture : 3 min", "읽는 시간 3분"
_READING_TIME_RE = rx(
    r"\b\d+\s*(?:min(?:ute)?s?|minuten|분)\.?\s*(?:read|de lecture|de lectura|lesezeit)\b"
    r"|(?:reading time|read time|lesezeit|temps de lecture|tiempo de lectura|읽는 시간|読了時間|阅读时间)\s*[:：]?\s*\d+\s*\w*"
    r"|[·|•]\s*\d+\s*min\b\.?",
    re.IGNORECASE,
)
_ONLY_LABELS_WEIGHT = 25


def toolbar_lines(page: TextPage) -> None:
    """Toolbar and share-button lines ("도구모음", "글자크기 설정", "Print", "Share").

    Copied pages keep the labels of the article toolbar (print, font size, listen,
    bookmark) and of the share buttons as lines of their own. A line is dropped when it
    is one such label, or a short row made only of them and of a reading time
    ("Share Tweet Email", "WhatsApp Facebook E-Mail", "Temps de lecture : 4 min.").
    """
    found = []
    for i in page.alive():
        text = page.lines[i].text
        if len(text) > 240:
            continue
        w = page.lines[i].weight
        only_labels = w <= _ONLY_LABELS_WEIGHT and only_phrases(text, _ANY, _READING_TIME_RE)
        if only_labels or _WHOLE.match(text):
            found.append(i)
    page.drop(found, "toolbar or share button label")
