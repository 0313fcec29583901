"""image_ui: zoom, enlarge and gallery controls around pictures."""

from __future__ import annotations

import re

from ..page import Page
from ..phrases import IMAGE_UI
from ..regex_cache import rx
from ._match import class_pattern, sweep, whole

_IMAGE_UI_CLASS = class_pattern(
    words=("zoom", "enlarge", "expand", "fullscreen", "full-screen", "btn-zoom", "btn-expand",
           "gallery-nav", "gallery-count", "slide-count", "counter", "swiper-pagination",
           "swiper-button-next", "swiper-button-prev", "slick-arrow", "slick-dots", "lightbox-open"),
    prefixes=("btn-zoom", "btn_zoom", "zoom-", "photo-zoom", "img-zoom", "swiper-button", "slick-"),
)
_IMAGE_UI_TEXT = rx(
    whole(IMAGE_UI).pattern
    # picture counters of galleries: "1 / 12", "3/8" (comment-box limits like "0 / 300" are the comments')
    + r"|^\s*\d{1,2}\s*/\s*\d{1,2}\s*$"
    # "Image 3 of 5", "Photo 2/12", "Bild 1 von 8", "사진 1/5", and a video's duration "VIDEO3:45"
    + r"|^\W*(?:image|photo|picture|slide|bild|foto|photo|imagen|사진|写真|图片)\s*\d{1,3}\s*(?:of|/|von|de|sur)\s*\d{1,3}\W*$"
    + r"|^\W*video\s*\d{1,2}:\d{2}(?:\d{1,2}:\d{2})?\W*$",
    re.IGNORECASE,
)


def image_ui(page: Page) -> None:
    """Image zoom and gallery controls ("기사 이미지 확대 보기", "Enlarge this image", "1 / 12").

    Only the controls: class matches are limited to small elements so a gallery's pictures
    and captions stay.
    """
    sweep(page, "image or gallery control", classes=_IMAGE_UI_CLASS, phrases=_IMAGE_UI_TEXT,
          max_letters=40)
