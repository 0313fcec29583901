"""navigation: menus, breadcrumbs, site headers and footers."""

from __future__ import annotations

from ..page import Page
from ._match import by_role, class_pattern, sweep

_NAV_CLASS = class_pattern(
    words=("nav", "navbar", "navigation", "menu", "menubar", "submenu", "gnb", "lnb", "snb", "breadcrumb",
           "breadcrumbs", "sitemap", "site-header", "masthead", "site-footer", "footer", "global-header",
           "global-footer", "header-nav", "topbar", "top-bar", "pagination", "pager", "skip-links",
           "mega-menu", "off-canvas", "drawer", "site-nav", "main-nav", "bottom-bar", "tab-menu",
           "post-navigation", "nav-links", "nav-previous", "nav-next", "prev-next", "next-post",
           "previous-post", "prev-post", "article-nav", "post-nav", "next-prev"),
    prefixes=("breadcrumb", "navbar", "megamenu", "mainmenu", "topmenu", "footer-", "gnb"),
)
_NAV_TAGS = ("nav", "menu")
_NAV_ROLES = frozenset({"navigation", "menubar", "menu", "banner", "contentinfo", "search"})


def navigation(page: Page) -> None:
    """``<nav>``, ARIA navigation/banner/footer roles, menu and breadcrumb classes, page headers and footers.

    They link to other parts of the site; none of it belongs to the article.
    A header or footer that holds the headline or byline stays (the metadata stage reads it).
    """
    found = [(el, f"<{el.tag}> navigation") for el in page.root.iter(*_NAV_TAGS)]
    found += [(el, "page header") for el in page.root.iter("header") if not page.holds_article(el)]
    found += [(el, "page footer") for el in page.root.iter("footer") if not page.holds_article(el)]
    found += by_role(page, _NAV_ROLES)
    page.kill_all(found)
    sweep(page, "navigation or menu", classes=_NAV_CLASS)
