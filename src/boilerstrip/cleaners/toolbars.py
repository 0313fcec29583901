"""toolbars: print, font-size, scrap, bookmark and listen controls."""

from __future__ import annotations

from ..page import Page
from ..phrases import TOOLBAR
from ._match import class_pattern, sweep, whole

_TOOLBAR_CLASS = class_pattern(
    words=("toolbar", "tools", "tool", "util", "utils", "utility", "article-tools", "article-util",
           "font-size", "fontsize", "font-control", "text-size", "textsize", "print", "btn-print",
           "bookmark", "scrap", "tts", "listen", "read-aloud", "zoom-text"),
    prefixes=("toolbar", "fontsize", "font-size", "btn-font", "article-tool", "article_tool"),
)
_TOOLBAR_TEXT = whole(TOOLBAR)


def toolbars(page: Page) -> None:
    """Article toolbars: print, font size, scrap/bookmark, listen, copy-link controls.

    Matched by class/id tokens (toolbar, util, font-size, print, scrap, tts) on small
    elements, and by blocks whose whole text is a toolbar word ("도구모음", "Print").
    """
    sweep(page, "toolbar", classes=_TOOLBAR_CLASS, phrases=_TOOLBAR_TEXT, max_letters=200)
