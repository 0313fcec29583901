"""Plain-text page dumps: a line-level pipeline of cleaners (see issue 5).

A dump is a whole page copied as text (select-all and copy, ``lynx -dump``, a scraped
corpus). :func:`strip_text` splits it into lines, finds the title, byline and date
lines, runs the text cleaners of a :class:`~boilerstrip.pipeline.Pipeline` over the
rest and builds an :class:`~boilerstrip.article.Article` from what is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..pipeline import Cleaner, Pipeline
from .table import text_cleaners

if TYPE_CHECKING:
    from ..article import Article
    from .page import TextPage

TEXT_CLEANERS: list[Cleaner] = text_cleaners()

__all__ = ["TEXT_CLEANERS", "TextPage", "strip_text"]


def __getattr__(name: str) -> Any:
    # the line machinery loads when a dump is first read, not with every HTML run
    if name == "TextPage":
        from .page import TextPage

        return TextPage
    raise AttributeError(name)


def strip_text(text: str, *, pipeline: Pipeline, url: str | None = None) -> Article:
    """Strip the boilerplate from a plain-text dump of a page.

    Runs the enabled ``"text"`` cleaners of ``pipeline``; raises
    :class:`~boilerstrip.errors.NoArticle` when nothing article-like is left.
    """
    from .assemble import assemble
    from .facts import find_facts
    from .page import TextPage

    page = TextPage(text, url=url)
    find_facts(page)
    pipeline.run(page, "text")
    return assemble(page)
