"""The markdown format: headings, lists, pipe tables, captions in italics."""

from __future__ import annotations

from ..article import Article, Block
from ..regex_cache import rx
from .text import header_lines

_SPECIAL = rx(r"([\\`*_\[\]|])")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _table(block: Block) -> str:
    width = max(len(r) for r in block.rows)
    rows = [[_escape(c) for c in r] + [""] * (width - len(r)) for r in block.rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def markdown_block(block: Block) -> str:
    if block.kind == "heading":
        return "#" * max(2, min(block.level, 6)) + " " + _escape(block.text)
    if block.kind == "list":
        return "\n".join(
            f"{i}. {_escape(item)}" if block.ordered else f"- {_escape(item)}"
            for i, item in enumerate(block.items, 1)
        )
    if block.kind == "quote":
        return "\n".join("> " + _escape(line) for line in block.text.splitlines())
    if block.kind == "table" and block.rows:
        return _table(block)
    if block.kind == "code":
        return "```\n" + block.text + "\n```"
    if block.kind == "caption":
        return "*" + _escape(block.text) + "*"
    return _escape(block.text)


def render_markdown(article: Article) -> str:
    head = header_lines(article)
    parts = []
    if head:
        parts.append("# " + _escape(head[0]))
        parts += [_escape(line) for line in head[1:]]
    parts += [markdown_block(b) for b in article.blocks]
    return "\n\n".join(parts) + "\n"
