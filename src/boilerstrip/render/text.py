"""The text format: headline, byline and date lines, then the blocks separated by blank lines."""

from __future__ import annotations

from ..article import Article, Block


def header_lines(article: Article) -> list[str]:
    """The headline, its subtitle, the byline line and the date line, each once.

    A line that another one already holds ("Par Hélène Morel" inside "Par Hélène Morel, le
    samedi 14 septembre …") is printed only as part of the longer one.
    """
    candidates = [
        v
        for v in (
            article.subtitle,
            article.byline_line or article.byline,
            article.date_line or article.date,
        )
        if v
    ]
    lines = [article.title] if article.title else []
    for value in candidates:
        if value in lines or any(value in other for other in candidates if other != value):
            continue
        lines.append(value)
    return lines


def block_text(block: Block) -> str:
    if block.kind == "list":
        marks = [f"{i}." if block.ordered else "-" for i in range(1, len(block.items) + 1)]
        return "\n".join(f"{m} {item}" for m, item in zip(marks, block.items, strict=True))
    return block.text


def render_text(article: Article) -> str:
    head = "\n".join(header_lines(article))
    texts = [block_text(b) for b in article.blocks]
    parts = [head] if head else []
    if len(texts) > 1 or (texts and texts[0]):  # a body that is not empty
        parts += texts
    # one string built once: a long article is not copied again for each separator
    pieces: list[str] = []
    for part in parts:
        if pieces:
            pieces.append("\n\n")
        pieces.append(part)
    pieces.append("\n")
    return "".join(pieces)
