"""sidebars: side columns and widget areas beside the article."""

from __future__ import annotations

from ..page import Page
from ._match import by_role, class_pattern, sweep

_SIDE_CLASS = class_pattern(
    words=("sidebar", "side-bar", "aside", "right-rail", "left-rail", "widget-area", "widgets",
           "col-right", "right-col", "right-column", "sidecontent", "side-content", "side-col", "aside-area"),
    prefixes=("sidebar", "rightrail", "rightcol", "widget_", "widget-"),
)

_SIDE_ROLES = frozenset({"complementary"})


def sidebars(page: Page) -> None:
    """``<aside>``, ``role=complementary`` and sidebar / rail / widget-area classes.

    Side columns carry widgets, teasers and ads next to the article, not the article.
    """
    found = [(el, "<aside> beside the article") for el in page.root.iter("aside") if not page.holds_article(el)]
    found += by_role(page, _SIDE_ROLES)
    page.kill_all(found)
    sweep(page, "sidebar", classes=_SIDE_CLASS)
