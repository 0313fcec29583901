"""The html format: a minimal, clean article page."""

from __future__ import annotations

from html import escape

from ..article import Article, Block
from .text import header_lines


def html_block(block: Block) -> str:
    text = escape(block.text)
    if block.kind == "heading":
        level = max(2, min(block.level, 6))
        return f"<h{level}>{text}</h{level}>"
    if block.kind == "list":
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{escape(i)}</li>" for i in block.items)
        return f"<{tag}>{items}</{tag}>"
    if block.kind == "quote":
        return f"<blockquote><p>{text}</p></blockquote>"
    if block.kind == "table":
        rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in block.rows)
        return f"<table>{rows}</table>"
    if block.kind == "code":
        return f"<pre><code>{text}</code></pre>"
    if block.kind == "caption":
        return f"<figure><figcaption>{text}</figcaption></figure>"
    return f"<p>{text}</p>"


def render_html(article: Article) -> str:
    head = header_lines(article)
    lang = f' lang="{escape(article.lang)}"' if article.lang else ""
    title = escape(head[0]) if head else ""
    lines = [
        "<!DOCTYPE html>",
        f"<html{lang}>",
        '<head><meta charset="utf-8">',
        f"<title>{title}</title></head>",
        "<body><article>",
    ]
    if head:
        lines.append(f"<h1>{title}</h1>")
        lines += [f'<p class="byline">{escape(line)}</p>' for line in head[1:]]
    lines += [html_block(b) for b in article.blocks]
    lines.append("</article></body></html>")
    return "\n".join(lines) + "\n"
