"""tag_lists: tag, keyword and category lists under an article."""

from __future__ import annotations

import re

from ..page import Page
from ..regex_cache import rx
from ._match import class_pattern, sweep

_TAG_CLASS = class_pattern(
    words=("tags", "tag", "tag-list", "taglist", "tagcloud", "tag-cloud", "post-tags", "entry-tags",
           "article-tags", "story-tags", "tags-links", "cat-links", "categories",
           "post-categories", "topics", "topic-list", "labels"),
    prefixes=("tags-", "tag-", "tagcloud"),
)
# "Tags: a, b, c", "Tagged with …", "Schlagwörter: …", "标签：…", "태그 …", "Palavras-chave: …"
_TAG_LINE = rx(
    r"^\W*(?:tags?|tagged(?: with| as)?|keywords?|topics?|filed under|categories|category|schlagw(?:ö|o)rte?r?"
    r"|themen|étiquettes|mots[- ]clés|etiquetas|palavras[- ]chave|temas|argomenti|标签|关键词|關鍵字|タグ|キーワード"
    r"|태그|키워드|관련\s*태그)(?:\s*[:：]\s*|\s+)\S",
    re.IGNORECASE,
)
_LINE_MAX = 300


def tag_lists(page: Page) -> None:
    """Tag, keyword and category lists ("Tags: a, b, c", "Schlagwörter: …", "태그 …", tag clouds).

    They index the site, they are not the article; matched by class/id on small elements
    and by short blocks that open with a tag label.
    """
    sweep(page, "tag or category list", classes=_TAG_CLASS, max_letters=_LINE_MAX)
    found = [
        (el, "tag or category line")
        for el, text in page.short_blocks(_LINE_MAX)
        if _TAG_LINE.match(text) and not page.holds_article(el)
    ]
    page.kill_all(found)
