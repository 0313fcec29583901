"""Turns the article's container into blocks in reading order: headings, paragraphs, lists, quotes, tables, code, captions."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..article import Block
from ..textutil import fold, squash
from ..trees import text_content
from .captions import figure_caption, is_caption_element, looks_like_caption

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "ul", "ol", "dl", "table", "blockquote", "pre", "figure",
     "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "nav", "form",
     "fieldset", "address", "hr", "center", "details", "summary", "li", "dd", "dt", "tr", "td", "th",
     "tbody", "thead", "tfoot", "caption", "picture", "video", "audio", "body", "html"}
)
_MAX_DEPTH = 200
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "img", "picture", "video", "audio"})


class _Builder:
    def __init__(self, title: str | None) -> None:
        self.blocks: list[Block] = []
        self.title_key = fold(title) if title else ""
        self.inline: list[str] = []
        self.depth = 0

    # -- output ------------------------------------------------------------------

    def add(self, block: Block) -> None:
        if not block.text:
            return
        if block.kind in ("heading", "paragraph") and self.title_key and fold(block.text) == self.title_key:
            return  # the headline printed again inside the article
        self.blocks.append(block)

    def text_block(self, text: str) -> None:
        text = squash(text)
        if not text:
            return
        self.add(Block("caption" if looks_like_caption(text) else "paragraph", text))

    def flush(self) -> None:
        if self.inline:
            for line in "".join(self.inline).split("\n\n"):
                self.text_block(line)
            self.inline = []

    # -- walking -----------------------------------------------------------------

    def walk(self, el: HtmlElement) -> None:
        """Emit blocks for ``el``'s content (not its tail)."""
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            return
        if tag in _HEADINGS:
            self.flush()
            self.add(Block("heading", squash(text_content(el)), level=_HEADINGS[tag]))
        elif tag == "figure" or (is_caption_element(el) and tag not in ("table",)):
            self.flush()
            self.add(Block("caption", figure_caption(el) if tag == "figure" else squash(text_content(el))))
        elif tag in ("ul", "ol") and not _has_blocks(el, deep=True):
            self.flush()
            self.list_block(el)
        elif tag == "table" and _is_photo_table(el):
            self.flush()
            for cell in el.iter("td", "th", "caption"):
                self.add(Block("caption", squash(text_content(cell))))
        elif tag == "table" and not _is_layout_table(el):
            self.flush()
            self.table_block(el)
        elif tag == "pre":
            self.flush()
            self.add(Block("code", text_content(el).strip("\n")))
        elif tag == "blockquote" and not _has_blocks(el, deep=False):
            self.flush()
            self.add(Block("quote", squash(text_content(el))))
        elif tag == "br":
            self.inline.append("\n")
        elif tag in _BLOCK_TAGS:
            self.flush()
            self.children(el)
            self.flush()
        else:
            # inline element: its text joins the running paragraph, unless it holds blocks
            if _has_blocks(el, deep=True) or any(is_caption_element(d) for d in el.iterdescendants()):
                self.children(el)
            else:
                self.inline.append(_inline_text(el))

    def children(self, el: HtmlElement) -> None:
        if self.depth >= _MAX_DEPTH:
            # nesting this deep is no layout a reader sees: its text becomes one paragraph
            # (and the walk stays far from Python's recursion limit)
            self.inline.append(_inline_text(el))
            return
        self.depth += 1
        if el.text:
            self.inline.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.inline.append(child.tail)
        self.depth -= 1

    def list_block(self, el: HtmlElement) -> None:
        items = tuple(t for t in (squash(text_content(li)) for li in el.iterchildren("li")) if t)
        if not items:
            text = squash(text_content(el))
            items = (text,) if text else ()
        if items:
            self.add(Block("list", "\n".join(items), ordered=el.tag == "ol", items=items))

    def table_block(self, el: HtmlElement) -> None:
        rows = []
        for tr in el.iter("tr"):
            cells = tuple(squash(text_content(c)) for c in tr if c.tag in ("td", "th"))
            if any(cells):
                rows.append(cells)
        caption = el.find("caption")
        if caption is not None:
            self.add(Block("caption", squash(text_content(caption))))
        if rows:
            self.add(Block("table", "\n".join(" | ".join(r) for r in rows), rows=tuple(rows)))


def _inline_text(el: HtmlElement) -> str:
    parts: list[str] = []
    for node in el.iter():
        if node.tag == "br":
            parts.append("\n")
        elif isinstance(node.tag, str) and node.tag not in _SKIP and node.text:
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def _has_blocks(el: HtmlElement, *, deep: bool) -> bool:
    nodes = el.iterdescendants() if deep else iter(el)
    return any(isinstance(n.tag, str) and n.tag in _BLOCK_TAGS and n.tag not in ("li",) for n in nodes)


def _is_photo_table(el: HtmlElement) -> bool:
    """A table that frames a picture and its caption (common on older news sites)."""
    if el.find(".//img") is None:
        return False
    cells = [c for c in el.iter("td", "th") if squash(text_content(c))]
    return 0 < len(cells) <= 2 and all(
        is_caption_element(c) or looks_like_caption(squash(text_content(c))) for c in cells
    )


def _is_layout_table(el: HtmlElement) -> bool:
    """A table used for page layout: it holds paragraphs, divs or other tables."""
    return any(n.tag in ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "blockquote") for n in el.iterdescendants())


def build_blocks(root: HtmlElement, *, title: str | None = None) -> list[Block]:
    """The blocks of ``root`` in reading order, each caption once."""
    builder = _Builder(title)
    builder.walk(root)
    builder.flush()
    return _dedupe_captions(builder.blocks)


def _dedupe_captions(blocks: list[Block]) -> list[Block]:
    seen: set[str] = set()
    out = []
    for b in blocks:
        if b.kind == "caption":
            key = fold(b.text)
            if key in seen or any(key and key in s for s in seen):
                continue
            seen.add(key)
        out.append(b)
    return out
