"""Plain-text page dumps: a line-level pipeline of cleaners (see issue 5).

A dump is a whole page copied as text (select-all and copy, ``lynx -dump``, a scraped
corpus). :func:`strip_text` splits it into lines, finds the title, byline and date
lines, runs the text cleaners of a :class:`~boilerstrip.pipeline.Pipeline` over the
rest and builds an :class:`~boilerstrip.article.Article` from what is left.
"""

from __future__ import annotations

from ..article import Article
from ..pipeline import Cleaner, Pipeline
from .assemble import assemble
from .cleaners.ad_slot_ids import ad_slot_ids
from .cleaners.author_bios import author_bios
from .cleaners.body_region import body_region
from .cleaners.comment_threads import comment_threads
from .cleaners.copyright_lines import copyright_lines
from .cleaners.dialog_lines import dialog_lines
from .cleaners.image_ui_lines import image_ui_lines
from .cleaners.menu_runs import menu_runs
from .cleaners.popular_lists import popular_lists
from .cleaners.repeated_paragraphs import repeated_paragraphs
from .cleaners.tag_lines import tag_lines
from .cleaners.toolbar_lines import toolbar_lines
from .cleaners.widget_counters import widget_counters
from .facts import find_facts
from .page import TextPage

TEXT_CLEANERS: list[Cleaner] = [
    Cleaner("toolbar_lines", toolbar_lines, kind="text"),
    Cleaner("widget_counters", widget_counters, kind="text"),
    Cleaner("dialog_lines", dialog_lines, kind="text"),
    Cleaner("image_ui_lines", image_ui_lines, kind="text"),
    Cleaner("ad_slot_ids", ad_slot_ids, kind="text"),
    Cleaner("copyright_lines", copyright_lines, kind="text"),
    Cleaner("tag_lines", tag_lines, kind="text"),
    Cleaner("popular_lists", popular_lists, kind="text"),
    Cleaner("comment_threads", comment_threads, kind="text"),
    Cleaner("menu_runs", menu_runs, kind="text"),
    Cleaner("body_region", body_region, kind="text"),
    Cleaner("author_bios", author_bios, kind="text"),
    Cleaner("repeated_paragraphs", repeated_paragraphs, kind="text"),
]

__all__ = ["TEXT_CLEANERS", "TextPage", "strip_text"]


def strip_text(text: str, *, pipeline: Pipeline, url: str | None = None) -> Article:
    """Strip the boilerplate from a plain-text dump of a page.

    Runs the enabled ``"text"`` cleaners of ``pipeline``; raises
    :class:`~boilerstrip.errors.NoArticle` when nothing article-like is left.
    """
    page = TextPage(text, url=url)
    find_facts(page)
    pipeline.run(page, "text")
    return assemble(page)
