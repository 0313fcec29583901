"""Drop widget labels and counters: "AI 기사요약", "0개의 댓글", "0 / 300", "12 comments"."""

from __future__ import annotations

import re

from ...phrases import AI_SUMMARY, COUNTER_NOUNS, META_LABELS, phrase_regex
from ...regex_cache import rx
from ..match import only_phrases, phrase_any
from ..page import TextPage

_NOUN = "|".join(sorted((re.escape(w) for w in COUNTER_NOUNS), key=len, reverse=True))
_NUM = r"\d[\d,.]*\s*[kKmM만천]?"
_COUNTER_RE = rx(
    rf"^\W*(?:{_NUM}\s*(?:개의|개|件の|件|条|x)?\s*(?:{_NOUN})|(?:{_NOUN})\s*[:(（]?\s*{_NUM}\s*[)）]?)\W*$",
    re.IGNORECASE,
)
# "0 / 300": a typed-characters counter under a text box; "3 of 12" in a gallery.
_FRACTION_RE = rx(r"^\s*\d[\d,]*\s*(?:/|of|von|de|sur)\s*\d[\d,]*\s*$", re.IGNORECASE)
_LABEL = phrase_regex(AI_SUMMARY)
_META_LABELS = phrase_any(META_LABELS)
# A disclaimer that opens with a long AI-summary phrase ("AI기술로 자동 요약된 내용입니다. ...").
_LONG_AI = [p for p in AI_SUMMARY if len(p) >= 10]
_DISCLAIMER_RE = rx(
    r"^\W*(?:" + "|".join(re.escape(p) for p in _LONG_AI) + r")", re.IGNORECASE
)


def widget_counters(page: TextPage) -> None:
    """Widget labels and counters ("AI 기사요약", "0개의 댓글", "0 / 300").

    Comment boxes, like buttons and AI-summary widgets leave a label or a bare count on
    a line of its own when the page is copied as text, and screen-reader labels of the
    byline block ("기자정보, 기사등록일") do the same; the AI-summary disclaimer that
    opens such a widget goes too. The summary's own sentences are left to
    ``repeated_paragraphs``, which keeps the article's fuller copy.
    """
    found: list[tuple[int, str]] = []
    for i in page.alive():
        ln = page.lines[i]
        text = ln.text
        if ln.weight > 40:
            continue
        if _FRACTION_RE.match(text) or _COUNTER_RE.match(text):
            found.append((i, "widget counter"))
        elif _LABEL.match(text) or only_phrases(text, _META_LABELS):
            found.append((i, "widget label"))
        elif _DISCLAIMER_RE.match(text):
            found.append((i, "AI summary disclaimer"))
    for reason in ("widget counter", "widget label", "AI summary disclaimer"):
        page.drop([i for i, r in found if r == reason], reason)
