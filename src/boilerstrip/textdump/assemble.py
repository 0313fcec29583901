"""Build the :class:`Article` from the lines the cleaners left."""

from __future__ import annotations

from ..article import Article, Block
from ..caption_text import is_caption
from ..errors import NoArticle
from .lang import guess_lang
from .page import Line, TextPage

_MIN_BODY_WEIGHT = 8


def _kind(ln: Line, *, before_body: bool) -> str:
    """Caption, heading (a short unpunctuated line; a bullet only above the body) or paragraph."""
    if is_caption(ln.text):
        return "caption"
    if (
        (before_body or not ln.bullet)
        and ln.weight <= 15
        and not ln.ends_sentence
        and not ln.text.endswith(",")
    ):
        return "heading"
    return "paragraph"


def assemble(page: TextPage) -> Article:
    """The article: title, byline and date lines as fields, every other live line a block.

    Raises :class:`NoArticle` when no paragraph worth the name is left.
    """
    blocks: list[Block] = []
    seen_captions: set[str] = set()
    for ln in page.lines:
        if not ln.alive or ln.role:
            continue
        kind = _kind(ln, before_body=not any(b.kind == "paragraph" for b in blocks))
        if kind == "caption":
            if ln.text in seen_captions:
                continue
            seen_captions.add(ln.text)
        blocks.append(Block(kind=kind, text=ln.text, level=2 if kind == "heading" else 0))
    body_weight = sum(Line(0, 0, b.text, 0, False, False).weight for b in blocks if b.kind == "paragraph")
    if body_weight < _MIN_BODY_WEIGHT:
        raise NoArticle("nothing article-like is left in the text dump")
    return Article(
        title=page.title,
        byline=page.byline,
        date=page.date,
        lang=guess_lang(" ".join(b.text for b in blocks)),
        url=page.url,
        blocks=blocks,
        dropped=list(page.dropped),
        input_format="text",
        byline_line=page.byline_line,
        date_line=page.date_line,
    )


def as_text(article: Article) -> str:
    """Plain text of a dump's article: title, byline and date lines, then each block."""
    head = [x for x in (article.title, article.byline_line, article.date_line) if x]
    parts = ["\n".join(head)] if head else []
    parts.extend(b.text for b in article.blocks)
    return "\n\n".join(parts) + "\n"
