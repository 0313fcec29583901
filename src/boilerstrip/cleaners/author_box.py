"""author_boxes: author biography boxes and their social links."""

from __future__ import annotations

import re

from ..page import Page
from ..regex_cache import rx
from ._match import sweep

_AUTHOR_BOX_CLASS = rx(
    r"(?:author|writer|reporter|journalist|byline|contributor)[-_]?(?:box|bio|info|card|profile|about|details|more|social|footer|block|wrap)"
    r"|(?:about|more)[-_]?(?:the[-_]?)?author|(?<![a-z0-9])(?:bio|biography|author-bio|profile-card)(?![a-z0-9])"
)

# "Write to Al Root at allen.root@dowjones.com", "Reach the reporter at …", a lone address or handle link
_CONTACT = rx(
    r"^\W*(?:write to|contact|reach|email|e-mail|follow (?:me|him|her|them|the author))\b.{0,120}"
    r"(?:@|twitter\.com/|x\.com/|linkedin\.com/)"
    r"|^\s*[\w.+-]+@[\w-]+\.[\w.-]+\s*$|^\s*(?:www\.)?(?:twitter|x|instagram|facebook|linkedin)\.com/\S+\s*$",
    re.IGNORECASE,
)
_CONTACT_MAX = 200


def author_boxes(page: Page) -> None:
    """Author biography boxes with photos and social links ("About the author", follow buttons).

    The byline itself is found before this runs and is protected; a box that holds it stays.
    Contact lines ("Write to Jane Doe at jane@example.com", a lone address or profile link) go too.
    """
    sweep(page, "author box", classes=_AUTHOR_BOX_CLASS, max_letters=1500)
    contacts = [
        (el, "author contact line")
        for el, text in page.short_blocks(_CONTACT_MAX)
        if _CONTACT.search(text) and not page.holds_article(el)
    ]
    page.kill_all(contacts)
