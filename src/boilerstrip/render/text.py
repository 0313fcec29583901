"""The text format: headline, byline and date lines, then the blocks separated by blank lines."""

from __future__ import annotations

from ..article import Article, Block


def header_lines(article: Article) -> list[str]:
    """The headline, its subtitle, the byline line and the date line, each once."""
    lines: list[str] = []
    for value in (
        article.title,
        article.subtitle,
        article.byline_line or article.byline,
        article.date_line or article.date,
    ):
        if value and value not in lines and not any(value in line for line in lines[1:]):
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
