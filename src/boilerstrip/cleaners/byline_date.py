"""byline_date: moves the visible byline and date lines out of the body into their fields."""

from __future__ import annotations

from ..page import Page

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
