"""hidden_elements: elements the browser does not show."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..extract.captions import is_caption_element
from ..metadata._dom import hiding_style
from ..page import Page
from ..regex_cache import rx
from ._match import by_class, class_pattern
from .link_lists import link_density

# Screen-reader-only text is mostly control labels ("Share on Facebook", "Skip to content").
_HIDDEN_CLASS = class_pattern(
    exact=("hidden", "hide", "sr-only", "visually-hidden", "screen-reader-text", "screen-reader",
           "blind", "offscreen", "is-hidden", "d-none", "invisible", "skip-link", "skip")
)

# Responsive helpers hide an element on some screens only: it is visible on a desktop.
_SHOWN_SOMEWHERE = rx(r"hidden-(?:xs|sm|md|lg|xl)|d-(?:sm|md|lg|xl)-|visible-")
# utility-class frameworks: "hidden md:block" is hidden on phones only
_SHOWN_ON_WIDER_SCREENS = rx(r"(?:^|\s)(?:sm|md|lg|xl|2xl):(?:block|flex|inline|inline-block|grid|table|contents)\b")

# Hidden text of this many letters with few links is an article a script would reveal.
_PROSE_LETTERS = 1000


def _hidden_prose(page: Page, el: HtmlElement) -> bool:
    if page.holds_article(el):
        return True
    if el.get("itemscope") is not None and _shown_elsewhere(page, el):
        return False  # a microdata copy for machines; the reader sees the article elsewhere
    if page.holds_prose(el):
        return True
    size = page.size(el)
    return size >= _PROSE_LETTERS and link_density(page, el)[0] < 0.3


def _shown_elsewhere(page: Page, el: HtmlElement) -> bool:
    mine = page.prose(el)
    return page.prose(page.body) - mine >= 0.5 * mine


def _in_caption(el: HtmlElement) -> bool:
    """Screen-reader text inside a caption labels it ("Credit", "Image"): it belongs to the caption."""
    return any(a.tag in ("figcaption", "caption") for a in el.iterancestors())


def hidden_elements(page: Page) -> None:
    """Elements hidden by ``hidden``, ``aria-hidden``, inline CSS or screen-reader-only classes.

    A reader never sees them; on news pages they hold dialogs, menus and control labels.
    An element holding the article itself is kept (some pages hide it until a script runs).
    """
    found = []
    for el in page.with_any_attribute("hidden", "aria-hidden", "style"):  # in document order
        # aria-hidden hides from screen readers only: a caption so marked is still on screen
        if el.get("hidden") is not None or (el.get("aria-hidden") == "true" and not is_caption_element(el)):
            found.append((el, "hidden attribute"))
        elif hiding_style(el.get("style") or ""):
            found.append((el, "hidden by inline style"))
    # pages that reveal the article with a script hide it in the markup: keep hidden prose
    found = [(el, why) for el, why in found if not _hidden_prose(page, el)]
    found += [
        (el, "screen-reader-only or hidden class")
        for el in by_class(page, _HIDDEN_CLASS, spare=_SHOWN_SOMEWHERE)
        if not _in_caption(el) and not _SHOWN_ON_WIDER_SCREENS.search(el.get("class") or "")
    ]
    page.kill_all(found)
