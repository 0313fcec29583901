"""byline_date: moves the visible byline and date lines out of the body into their fields."""

from __future__ import annotations

import re

from ..page import Page

# A byline label left alone once the names went to the byline ("Author:", "By", "Par").
_LABEL = re.compile(
    r"^\W*(?:by|author|authors|written by|posted by|published by|von|par|por|auteur|autor|글|기자|작성자"
    r"|作者|文|記者|筆者|published|posted|updated|입력|수정|发布时间|更新)\W*$",
    re.IGNORECASE,
)
# A byline or date line is short; a larger element found there is left in place.
_LINE_MAX = 250


def byline_date(page: Page) -> None:
    """The visible byline and date lines: they go to ``byline`` and ``date``, not the body.

    The metadata stage finds them before any cleaner runs; the text output prints them
    once under the headline.
    """
    for el, field in ((page.byline_el, "byline"), (page.date_el, "date")):
        if el is not None and page.attached(el) and page.size(el) <= _LINE_MAX:
            page.kill(el, f"moved to article.{field}")
    labels = [(el, "byline or date label") for el, text in page.short_blocks(20) if _LABEL.match(text)]
    page.kill_all(labels)
