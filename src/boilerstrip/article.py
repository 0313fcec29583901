"""The article boilerstrip returns, its blocks, and the record of what was dropped."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "list", "quote", "table", "code", "caption"]
BLOCK_KINDS: tuple[str, ...] = ("heading", "paragraph", "list", "quote", "table", "code", "caption")


@dataclass(frozen=True)
class Block:
    """One block of the article in reading order.

    ``text`` is plain text; ``level`` is the heading level (1-6) for headings;
    ``items`` holds list items, ``rows`` table cells; ``node`` is the source element's
    index in document order when tracing is on.
    """

    kind: str
    text: str
    level: int = 0
    ordered: bool = False
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    node: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.kind == "heading":
            out["level"] = self.level
        if self.kind == "list":
            out["ordered"] = self.ordered
            out["items"] = list(self.items)
        if self.kind == "table":
            out["rows"] = [list(r) for r in self.rows]
        return out


@dataclass(frozen=True)
class Drop:
    """One block a cleaner removed, and why."""

    cleaner: str
    reason: str
    path: str
    preview: str
    chars: int
    node: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("node")
        return out


@dataclass
class Article:
    """An article stripped of its page's boilerplate."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    lang: str | None = None
    url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    dropped: list[Drop] = field(default_factory=list)
    input_format: str = "html"
    encoding: str | None = None
    byline_line: str | None = None
    date_line: str | None = None
    subtitle: str | None = None

    @property
    def body(self) -> list[Block]:
        """The article's own blocks: no captions, byline, dates or comments."""
        return [b for b in self.blocks if b.kind != "caption"]

    @property
    def captions(self) -> list[str]:
        """Each caption once, in reading order."""
        return [b.text for b in self.blocks if b.kind == "caption"]

    @property
    def body_text(self) -> str:
        """The body as plain text, blocks separated by blank lines."""
        return "\n\n".join(b.text for b in self.body)

    @property
    def text(self) -> str:
        """What ``--format text`` prints."""
        from .render.text import render_text

        return render_text(self)

    def cleaner_counts(self) -> dict[str, int]:
        """How many blocks each cleaner dropped."""
        counts: dict[str, int] = {}
        for d in self.dropped:
            counts[d.cleaner] = counts.get(d.cleaner, 0) + 1
        return counts

    def to_dict(self, *, dropped: bool = False) -> dict[str, Any]:
        """A JSON-ready dict; ``dropped`` adds the list of dropped blocks."""
        out: dict[str, Any] = {
            "title": self.title,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "date": self.date,
            "lang": self.lang,
            "url": self.url,
            "input_format": self.input_format,
            "encoding": self.encoding,
            "body": [b.to_dict() for b in self.body],
            "captions": self.captions,
            "text": self.text,
        }
        if dropped:
            out["dropped"] = [d.to_dict() for d in self.dropped]
        return out
