"""related_lists: related, popular, most-read and ranking lists."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..page import Page
from ..phrases import RELATED, any_phrase
from ..regex_cache import rx
from ..trees import text_content
from ._match import class_pattern, collect, whole
from .link_lists import link_density

_RELATED_CLASS = class_pattern(
    words=("related", "recommend", "recommended", "recommendations", "popular", "most-read", "mostread",
           "most-viewed", "mostviewed", "most-popular", "trending", "ranking", "rank", "more-stories",
           "more-news", "also-read", "read-more", "readmore", "outbrain", "taboola", "hot-news",
           "best-news", "news-ranking", "top-stories", "more-from", "next-article", "up-next",
           "you-may-like", "suggested", "latest-news", "ticker",
           "news-ticker", "newsticker", "headline-ticker"),
    prefixes=("related", "recommend", "popular", "mostread", "most-read", "ranking", "trending",
              "outbrain", "taboola", "ob-widget", "morenews", "more-news"),
)
_RELATED_TEXT = whole(RELATED)
# "Lire aussi : <a>…</a>", "Read more: <a>…</a>" boxes inside the body
_RELATED_LEAD = rx(rf"^\W*{any_phrase(RELATED)}\s*[:：»›>\-–—]?\s*\S", re.IGNORECASE)
_TEASER_MAX = 250
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_HEADING_MAX = 80
# A section under a "Most read …" heading is dropped whole when it is this small.
_SECTION_MAX = 3000


def related_lists(page: Page) -> None:
    """Related / recommended / popular / most-read / ranking lists and their headings.

    They point to other articles; their teaser texts and image captions are not this article's.
    """
    # collect everything first: a teaser is known by its "Read also" label, which is a match too
    found = collect(page, "related or popular list", classes=_RELATED_CLASS, phrases=_RELATED_TEXT)
    found += [
        (el, "related-article teaser inside the body")
        for el, text in page.short_blocks(_TEASER_MAX)
        if _RELATED_LEAD.match(text) and el.find(".//a") is not None and link_density(page, el)[0] >= 0.4
    ]
    found += _headed_sections(page)
    page.kill_all(found)


def _headed_sections(page: Page) -> list[tuple[HtmlElement, str]]:
    """Sections under a heading such as "Most read in world news" or "Related coverage".

    The heading's own box goes when it is small; otherwise the heading and what follows it
    up to the next heading.
    """
    found: list[tuple[HtmlElement, str]] = []
    for head in page.body.iter(*_HEADINGS):
        text = " ".join(text_content(head).split())
        if not text or len(text) > _HEADING_MAX or not _RELATED_LEAD.match(text + " x"):
            continue
        if page.holds_article(head) or not page.attached(head):
            continue
        box = head.getparent()
        while box is not None and box.getparent() is not None and page.size(box) <= page.size(head) + 20:
            box = box.getparent()  # a header wrapper that holds only the heading
        if box is not None and page.size(box) <= _SECTION_MAX and not page.holds_article(box) \
                and not page.holds_prose(box) and box is not page.body:
            found.append((box, f"section under the heading {text!r}"))
            continue
        found.append((head, f"heading {text!r}"))
        for sib in head.itersiblings():
            if isinstance(sib.tag, str) and (sib.tag in _HEADINGS or sib.tag == "h1"):
                break
            found.append((sib, f"section under the heading {text!r}"))
    return found
