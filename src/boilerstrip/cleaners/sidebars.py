"""sidebars: side columns and widget areas beside the article."""

from __future__ import annotations

from ..page import Page
from ._match import class_pattern, sweep

_SIDE_CLASS = class_pattern(
    words=("sidebar", "side-bar", "aside", "right-rail", "left-rail", "widget-area", "widgets",
           "col-right", "right-col", "right-column", "sidecontent", "side-content", "side-col", "aside-area"),
    prefixes=("sidebar", "rightrail", "rightcol", "widget_", "widget-"),
)


def sidebars(page: Page) -> None:
    """``<aside>``, ``role=complementary`` and sidebar / rail / widget-area classes.

    Side columns carry widgets, teasers and ads next to the article, not the article.
    """
    found = [(el, "<aside> beside the article") for el in page.root.iter("aside") if not page.holds_article(el)]
    found += [
        (el, "role=complementary")
        for el in page.root.iter()
        if isinstance(el.tag, str) and el.get("role") == "complementary" and not page.holds_article(el)
    ]
    page.kill_all(found)
    sweep(page, "sidebar", classes=_SIDE_CLASS)
