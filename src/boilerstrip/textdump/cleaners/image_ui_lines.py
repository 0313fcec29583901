"""Drop image UI labels: "기사 이미지 확대 보기", "Enlarge this image", "1 of 12"."""

from __future__ import annotations

from ...phrases import IMAGE_UI, phrase_regex
from ..page import TextPage

_WHOLE = phrase_regex(IMAGE_UI)


def image_ui_lines(page: TextPage) -> None:
    """Drop image viewer labels ("기사 이미지 확대 보기", "Enlarge this image").

    Zoom buttons, gallery controls and lightbox labels are text in the page, so a copy
    keeps them as lines of their own; they say nothing about the article.
    """
    found = [i for i in page.alive() if len(page.lines[i].text) <= 60 and _WHOLE.match(page.lines[i].text)]
    page.drop(found, "image viewer label")
