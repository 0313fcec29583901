"""What counts as an image caption: caption elements, caption classes and caption conventions in text."""

from __future__ import annotations

import functools

from lxml.html import HtmlElement

from ..caption_text import is_caption
from ..regex_cache import rx
from ..textutil import squash
from ..trees import text_content

CAPTION_CLASS = rx(
    r"caption|cutline|figcap|photo[-_]?(?:desc|txt|text|info|cap|explain|credit)|img[-_]?(?:desc|txt|cap|info)"
    r"|image[-_]?(?:desc|text|cap|info|credit)|pic[-_]?(?:desc|txt|cap)|photo_?explain|사진설명|legend|bildunterschrift"
)
CAPTION_MAX = 400
# Inside a figure, a credit line belongs to the caption.
CREDIT_CLASS = rx(r"credit|copyright|source|byline|author")


def class_key(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def is_caption_element(el: HtmlElement) -> bool:
    """``<figcaption>``, table ``<caption>``, or an element with a caption class."""
    if el.tag in ("figcaption", "caption"):
        return True
    named = _named(class_key(el))
    if named is None:
        return False
    # a photo credit beside an image, outside any <figure>: "InlineImage-credit"
    return named or (_short_enough(el) and _beside_picture(el))


# keys repeat on a page and across the pages of a site: each is judged once
@functools.lru_cache(maxsize=50_000)
def _named(key: str) -> bool | None:
    """True for a caption class, False for a photo-credit class, None for neither."""
    if not key.strip():
        return None
    if CAPTION_CLASS.search(key):
        return True
    return False if _PHOTO_CREDIT_CLASS.search(key) else None


_PHOTO_CREDIT_CLASS = rx(r"(?:image|img|photo|picture|media|embed)\w*[-_]*credit|credit[-_]*(?:image|img|photo)")
_CREDIT_MAX = 120


def _short_enough(el: HtmlElement) -> bool:
    return len(text_content(el)) <= _CREDIT_MAX


def _beside_picture(el: HtmlElement) -> bool:
    """An ``<img>`` or a caption within the credit's image box (up to three levels up)."""
    for box in list(el.iterancestors())[:3]:
        if box.find(".//img") is not None:
            return True
        if any(CAPTION_CLASS.search(class_key(d)) for d in box.iter() if d is not el and d.get("class")):
            return True
    return False


def looks_like_caption(text: str) -> bool:
    """A short line written the way captions are written (``text``: whitespace squashed)."""
    return 0 < len(text) <= CAPTION_MAX and is_caption(text, squashed=True)


def figure_caption(fig: HtmlElement) -> str:
    """The caption text of a ``<figure>``: its caption elements, else its own text."""
    parts = [
        squash(text_content(c))
        for c in fig.iter()
        if c is not fig and (is_caption_element(c) or CREDIT_CLASS.search(class_key(c)))
    ]
    # nested caption elements (a credit inside a figcaption) are counted once
    parts = [p for i, p in enumerate(parts) if p and not any(p in q for q in parts[:i])]
    if parts:
        return " ".join(parts)
    return squash(text_content(fig))
