"""Output formats: text, markdown, json, html (and jsonl in batch mode)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..article import Article

# format -> (module, function): a renderer is imported the first time its format is asked for
_RENDERERS: dict[str, tuple[str, str]] = {
    "text": ("text", "render_text"),
    "markdown": ("markdown", "render_markdown"),
    "json": ("json", "render_json"),
    "html": ("html", "render_html"),
}
EXTENSIONS: dict[str, str] = {"text": ".txt", "markdown": ".md", "json": ".json", "html": ".html"}


def renderer(fmt: str) -> Callable[..., str]:
    """The function rendering format ``fmt``; ``KeyError`` for an unknown format."""
    module, name = _RENDERERS[fmt]
    fn: Callable[..., str] = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    return fn


def render(article: Article, fmt: str, *, dropped: bool = False) -> str:
    """The article in format ``fmt``, ending with a newline."""
    if fmt == "json":
        return renderer("json")(article, dropped=dropped)
    return renderer(fmt)(article)
