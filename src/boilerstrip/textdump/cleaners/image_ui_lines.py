"""Drop image UI labels: "기사 이미지 확대 보기", "Enlarge this image", "1 of 12"."""

from __future__ import annotations

import re

from ...phrases import IMAGE_UI, phrase_regex
from ...regex_cache import rx
from ..match import only_phrases, phrase_any
from ..page import TextPage

_WHOLE = phrase_regex(IMAGE_UI)
_ANY = phrase_any(IMAGE_UI)
_COUNTER_RE = rx(r"\b\d{1,3}\s*(?:/|of|von|de|sur)\s*\d{1,3}\b", re.IGNORECASE)


def image_ui_lines(page: TextPage) -> None:
    """Image viewer labels ("기사 이미지 확대 보기", "Enlarge this image").

    Zoom buttons, gallery controls and lightbox labels are text in the page, so a copy
    keeps them as lines of their own, alone or in a row with a slide counter ("이전 사진
    1 / 12 다음 사진"); they say nothing about the article.
    """
    found = []
    for i in page.alive():
        text = page.lines[i].text
        if len(text) > 80:
            continue
        if _WHOLE.match(text) or only_phrases(text, _ANY, _COUNTER_RE):
            found.append(i)
    page.drop(found, "image viewer label")
