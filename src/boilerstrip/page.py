"""The working state of one HTML page while the cleaners run over it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from .article import Drop
from .textutil import preview, squash


@dataclass
class PageMeta:
    """Facts read from the page before any cleaner runs."""

    title: str | None = None
    headline: str | None = None
    site_name: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    lang: str | None = None
    canonical: str | None = None
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    metas: dict[str, str] = field(default_factory=dict)


class Page:
    """A parsed page, the record of what was dropped, and the elements users protect."""

    def __init__(self, root: HtmlElement, *, url: str | None = None, trace: bool = False) -> None:
        self.root = root
        self.url = url
        self.meta = PageMeta()
        self.dropped: list[Drop] = []
        self.protected: list[HtmlElement] = []
        self.current = ""
        self.byline_line: str | None = None
        self.date_line: str | None = None
        self.headline_el: HtmlElement | None = None
        self.node_ids: dict[HtmlElement, int] | None = (
            {el: i for i, el in enumerate(root.iter())} if trace else None
        )
        self._tagged: list[tuple[HtmlElement, str]] | None = None

    # -- looking -----------------------------------------------------------------

    def tagged(self) -> list[tuple[HtmlElement, str]]:
        """Elements carrying a class or id, with ``"class id"`` lower-cased, in document order."""
        if self._tagged is None:
            out = []
            for el in self.root.iter(tag=etree.Element):
                cls = el.get("class")
                ident = el.get("id")
                if cls or ident:
                    out.append((el, f"{cls or ''} {ident or ''}".lower()))
            self._tagged = out
        return self._tagged

    def node_id(self, el: HtmlElement) -> int | None:
        return None if self.node_ids is None else self.node_ids.get(el)

    def path(self, el: HtmlElement) -> str:
        return str(el.getroottree().getpath(el))

    def is_protected(self, el: HtmlElement) -> bool:
        """True when ``el`` is, holds, or sits inside an element a user asked to keep."""
        for keep in self.protected:
            if keep is el:
                return True
            for anc in keep.iterancestors():
                if anc is el:
                    return True
            for anc in el.iterancestors():
                if anc is keep:
                    return True
        return False

    # -- changing ----------------------------------------------------------------

    def record(self, el: HtmlElement, reason: str, text: str | None = None) -> None:
        """Note that the current cleaner dropped ``el`` (or the text given) and why."""
        content = squash(el.text_content() if text is None else text)
        self.dropped.append(
            Drop(
                cleaner=self.current,
                reason=reason,
                path=self.path(el),
                preview=preview(content),
                chars=len(content),
                node=self.node_id(el),
            )
        )

    def kill(self, el: HtmlElement, reason: str) -> bool:
        """Drop ``el`` and its subtree (its tail text stays), recording why."""
        parent = el.getparent()
        if parent is None or self.is_protected(el):
            return False
        self.record(el, reason)
        el.drop_tree()
        self._tagged = None
        return True

    def kill_all(self, found: Iterable[tuple[HtmlElement, str]]) -> int:
        """Drop every collected element, outermost first, skipping those already gone."""
        chosen: dict[HtmlElement, str] = {}
        for el, reason in found:
            chosen.setdefault(el, reason)
        killed = 0
        for el, reason in chosen.items():
            if any(anc in chosen for anc in el.iterancestors()):
                continue
            if self.kill(el, reason):
                killed += 1
        return killed

    def unwrap(self, el: HtmlElement) -> None:
        """Remove the tag of ``el`` but keep its text and children in place."""
        if el.getparent() is not None:
            el.drop_tag()
            self._tagged = None
