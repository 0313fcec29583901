"""Output formats: text, markdown, json, html (and jsonl in batch mode)."""

from __future__ import annotations

from collections.abc import Callable

from ..article import Article
from .html import render_html
from .json import render_json
from .markdown import render_markdown
from .text import render_text

RENDERERS: dict[str, Callable[[Article], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "html": render_html,
}
EXTENSIONS: dict[str, str] = {"text": ".txt", "markdown": ".md", "json": ".json", "html": ".html"}


def render(article: Article, fmt: str, *, dropped: bool = False) -> str:
    """The article in format ``fmt``, ending with a newline."""
    if fmt == "json":
        return render_json(article, dropped=dropped)
    return RENDERERS[fmt](article)
