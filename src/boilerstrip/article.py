"""The article boilerstrip returns, its blocks, and the record of what was dropped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

BlockKind = Literal["heading", "paragraph", "list", "quote", "table", "code", "caption"]
BLOCK_KINDS: tuple[str, ...] = ("heading", "paragraph", "list", "quote", "table", "code", "caption")


class Block(NamedTuple):
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


class Drop:
    """One block a cleaner removed, and why.

    A drop of an HTML element keeps the (detached) element and reads its ``preview`` and
    ``chars`` on first use: most runs never look at them, so a page pays nothing for them.
    """

    __slots__ = ("cleaner", "reason", "path", "node", "_preview", "_chars", "_source")

    def __init__(
        self,
        cleaner: str,
        reason: str,
        path: str,
        preview: str = "",
        chars: int = 0,
        node: int | None = None,
        *,
        source: Any = None,
    ) -> None:
        self.cleaner = cleaner
        self.reason = reason
        self.path = path
        self.node = node
        self._preview = preview
        self._chars = chars
        self._source = source
        """An element whose text gives ``preview`` and ``chars`` when first asked for."""

    def _settle(self) -> None:
        source, self._source = self._source, None
        if source is not None:
            from .textutil import (  # its regexes are not needed to import the package
                preview,
                squash,
            )

            content = squash(source.text_content())
            self._preview = preview(content[:_PREVIEW_HEAD])
            self._chars = len(content)

    @property
    def preview(self) -> str:
        """The dropped text's start, on one line."""
        self._settle()
        return self._preview

    @property
    def chars(self) -> int:
        """Characters of the dropped text, whitespace squashed."""
        self._settle()
        return self._chars

    def _key(self) -> tuple[Any, ...]:
        return (self.cleaner, self.reason, self.path, self.preview, self.chars, self.node)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Drop) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Drop(cleaner={self.cleaner!r}, reason={self.reason!r}, path={self.path!r}, "
            f"preview={self.preview!r}, chars={self.chars!r})"
        )

    def __getstate__(self) -> tuple[Any, ...]:
        return self._key()

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.cleaner, self.reason, self.path, self._preview, self._chars, self.node = state
        self._source = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "cleaner": self.cleaner,
            "reason": self.reason,
            "path": self.path,
            "preview": self.preview,
            "chars": self.chars,
        }


# ``preview`` cuts at 80 characters: a longer head of already squashed text is enough.
_PREVIEW_HEAD = 200


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
