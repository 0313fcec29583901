"""related_lists: related, popular, most-read and ranking lists."""

from __future__ import annotations

import re

from ..page import Page
from ..phrases import RELATED
from ._match import class_pattern, sweep, whole
from .link_lists import link_density

_RELATED_CLASS = class_pattern(
    words=("related", "recommend", "recommended", "recommendations", "popular", "most-read", "mostread",
           "most-viewed", "mostviewed", "most-popular", "trending", "ranking", "rank", "more-stories",
           "more-news", "also-read", "read-more", "readmore", "outbrain", "taboola", "hot-news",
           "best-news", "news-ranking", "top-stories", "more-from", "next-article", "up-next",
           "you-may-like", "suggested", "latest-news"),
    prefixes=("related", "recommend", "popular", "mostread", "most-read", "ranking", "trending",
              "outbrain", "taboola", "ob-widget", "morenews", "more-news"),
)
_RELATED_TEXT = whole(RELATED)
# "Lire aussi : <a>…</a>", "Read more: <a>…</a>" boxes inside the body
_RELATED_LEAD = re.compile(
    r"^\W*(?:%s)\s*[:：»›>\-–—]?\s*\S" % "|".join(re.escape(p) for p in sorted(RELATED, key=len, reverse=True)),
    re.IGNORECASE,
)
_TEASER_MAX = 250


def related_lists(page: Page) -> None:
    """Related / recommended / popular / most-read / ranking lists and their headings.

    They point to other articles; their teaser texts and image captions are not this article's.
    """
    sweep(page, "related or popular list", classes=_RELATED_CLASS, phrases=_RELATED_TEXT)
    teasers = [
        (el, "related-article teaser inside the body")
        for el, text in page.short_blocks(_TEASER_MAX)
        if _RELATED_LEAD.match(text) and el.find(".//a") is not None and link_density(page, el)[0] >= 0.4
    ]
    page.kill_all(teasers)
