"""``<meta>`` tags (og:, twitter:, article:, dc., citation_, parsely-, itemprop) and ``<link>`` tags."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..textutil import squash


def read_metas(root: HtmlElement) -> tuple[dict[str, str], dict[str, list[str]]]:
    """``(first, every)``: the first content of each meta key, and all of them in page order.

    Keys are the lower-cased ``property``, ``name``, ``itemprop`` or ``http-equiv``
    (a space-separated ``property`` gives one key per word); ``dc:title`` and
    ``dc.title`` are both kept as written and also under ``dc.title``.
    """
    first: dict[str, str] = {}
    every: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        value = squash(content)
        if not value:
            continue
        keys: list[str] = []
        for attr in ("property", "name", "itemprop", "http-equiv"):
            raw = meta.get(attr)
            if raw:
                keys.extend(raw.lower().split())
        for key in keys:
            for k in {
                key,
                key.replace("dcterms.", "dc.").replace("dcterms:", "dc.").replace("dc:", "dc."),
            }:
                every.setdefault(k, []).append(value)
                first.setdefault(k, value)
    return first, every


def pick(metas: dict[str, str], *keys: str) -> str | None:
    """The content of the first of ``keys`` present."""
    for key in keys:
        value = metas.get(key)
        if value:
            return value
    return None


def canonical(root: HtmlElement) -> str | None:
    """``<link rel=canonical href>``."""
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = link.get("href")
        if "canonical" in rel and href and href.strip():
            return str(href).strip()
    return None
