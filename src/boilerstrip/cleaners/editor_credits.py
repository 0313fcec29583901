"""editor_credits: editor and production credit lines at the end of an article."""

from __future__ import annotations

import re

from ..page import Page
from ..regex_cache import rx

_CREDIT = rx(
    r"^\W*(?:责任编辑|責任編輯|编辑|編輯|校对|审核|監修|編集|편집|교정|editing by|edited by|reporting by"
    r"|redaktion|rédaction|edición)\s*[:：/／]?\s*\S.{0,40}$|^\W*\((?:editing|reporting) by [^)]{1,80}\)\W*$"
    r"|^\W*additional reporting by\b.{0,80}$|^.{0,60}\bcontributed (?:reporting )?to this (?:report|story|article)\W*$",
    re.IGNORECASE,
)
_LINE_MAX = 120


def editor_credits(page: Page) -> None:
    """Editor and production credits ("责任编辑：王小川", "(Editing by Jane Roe)", "편집 홍길동").

    They name the desk that handled the story; the author stays in the byline.
    """
    found = [
        (el, "editor credit line")
        for el, text in page.short_blocks(_LINE_MAX)
        if _CREDIT.match(text) and not page.holds_article(el)
    ]
    page.kill_all(found)
