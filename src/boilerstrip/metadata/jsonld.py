"""JSON-LD blocks: every item of every ``<script type="application/ld+json">``, tolerant of broken JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

from ..regex_cache import rx
from ..textutil import squash

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "report",
        "scholarlyarticle",
        "techarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "liveblogposting",
        "socialmediaposting",
        "posting",
        "review",
        "webpage",
        "itempage",
        "creativework",
        "medicalwebpage",
        "videoobject",
        "discussionforumposting",
        "howto",
        "recipe",
    }
)
# Page-level types: they may carry dates and authors, but trust them after the article types.
_WEAK_TYPES = frozenset({"webpage", "itempage", "creativework", "medicalwebpage", "videoobject"})
ORGANISATION_TYPES = frozenset(
    {
        "organization",
        "newsmediaorganization",
        "corporation",
        "ngo",
        "educationalorganization",
        "governmentorganization",
        "localbusiness",
        "website",
        "brand",
        "onlinebusiness",
    }
)

_TRAILING_COMMA_RE = rx(r",\s*([}\]])")
_CONTROL_RE = rx(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_COMMENT_RE = rx(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")
_WRAPPER_OPENINGS = ("<!--", "//", "<![CDATA[")
_WRAPPER_CLOSINGS = ("-->", "]]>")


def read_jsonld(root: HtmlElement) -> list[dict[str, Any]]:
    """All JSON-LD items of the page, ``@graph`` and nested lists flattened, in page order."""
    items: list[dict[str, Any]] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").lower()
        if "ld+json" not in kind:
            continue
        raw = script.text or ""
        for data in _loads(raw):
            items.extend(_flatten(data))
    return items


def _loads(raw: str) -> list[Any]:
    """Parse ``raw``; repair trailing commas, control characters, comment wrappers, concatenation."""
    text = _unwrapped(raw)
    if not text:
        return []
    for attempt in (text, _repair(text)):
        try:
            return [json.loads(attempt)]
        except (ValueError, RecursionError):  # broken, or nested deeper than any real graph
            pass
        found = _raw_decode_all(attempt)
        if found:
            return found
    return []


def _unwrapped(raw: str) -> str:
    """``raw`` stripped, without an HTML comment or CDATA wrapper around it."""
    text = raw.strip()
    # a wrapper stands at an end of the stripped text: without one there, the pattern (which
    # would try its closing part at every character of a long script) is not run
    if text.startswith(_WRAPPER_OPENINGS) or text.endswith(_WRAPPER_CLOSINGS):
        text = _COMMENT_RE.sub("", text).strip()
    return text


def _repair(text: str) -> str:
    text = _CONTROL_RE.sub(" ", text)
    text = text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    text = _TRAILING_COMMA_RE.sub(r"\1", text)
    return text.rstrip(";")


def _raw_decode_all(text: str) -> list[Any]:
    """Several JSON values written one after the other (a mistake sites make)."""
    decoder = json.JSONDecoder()
    out: list[Any] = []
    pos = 0
    while True:
        start = min((i for i in (text.find("{", pos), text.find("[", pos)) if i >= 0), default=-1)
        if start < 0:
            break
        try:
            value, end = decoder.raw_decode(text, start)
        except (ValueError, RecursionError):
            break
        out.append(value)
        pos = end
    return out


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, (list, dict)):
            yield from _flatten(graph)
            rest = {k: v for k, v in data.items() if k != "@graph"}
            if len(rest) > 1 or (rest and "@context" not in rest):
                yield rest
        else:
            yield data
            main = data.get("mainEntity")
            if isinstance(main, dict) and _types(main) & ARTICLE_TYPES:
                yield main


def _types(item: dict[str, Any]) -> set[str]:
    raw = item.get("@type")
    if isinstance(raw, str):
        return {raw.lower().rsplit("/", 1)[-1]}
    if isinstance(raw, list):
        return {t.lower().rsplit("/", 1)[-1] for t in raw if isinstance(t, str)}
    return set()


def articles(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items that describe an article, article types before page-level types."""
    strong = [i for i in items if _types(i) & (ARTICLE_TYPES - _WEAK_TYPES)]
    weak = [i for i in items if i not in strong and _types(i) & _WEAK_TYPES]
    return strong + weak


def _by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {i["@id"]: i for i in items if isinstance(i.get("@id"), str)}


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        out = squash(value)
        return out or None
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, dict):
        return _text(value.get("@value") or value.get("name"))
    return None


def authors(items: list[dict[str, Any]]) -> list[str]:
    """Person names of the article's ``author`` (and ``creator``); never an organisation."""
    ids = _by_id(items)
    for item in articles(items):
        names: list[str] = []
        for key in ("author", "creator"):
            raw = item.get(key)
            if raw is None:
                continue
            for one in raw if isinstance(raw, list) else [raw]:
                name = _person_name(one, ids)
                if name and name not in names:
                    names.append(name)
            if names:
                return names
    return []


def _person_name(value: Any, ids: dict[str, dict[str, Any]]) -> str | None:
    if isinstance(value, str):
        return squash(value) or None
    if not isinstance(value, dict):
        return None
    if set(value) <= {"@id"} and isinstance(value.get("@id"), str):
        value = ids.get(value["@id"], value)
    if _types(value) & ORGANISATION_TYPES:
        return None
    name = _text(value.get("name"))
    if name is None:
        given, family = _text(value.get("givenName")), _text(value.get("familyName"))
        name = " ".join(p for p in (given, family) if p) or None
    return name


def organisations(items: list[dict[str, Any]]) -> list[str]:
    """Names of publishers, organisations and web sites mentioned in the JSON-LD."""
    out: list[str] = []
    for item in items:
        if _types(item) & ORGANISATION_TYPES:
            name = _text(item.get("name"))
            if name:
                out.append(name)
        for key in ("publisher", "sourceOrganization", "copyrightHolder"):
            pub = item.get(key)
            for one in pub if isinstance(pub, list) else [pub]:
                if isinstance(one, dict):
                    name = _text(one.get("name"))
                    if name:
                        out.append(name)
        for key in ("author", "creator"):
            raw = item.get(key)
            for one in raw if isinstance(raw, list) else [raw]:
                if isinstance(one, dict) and _types(one) & ORGANISATION_TYPES:
                    name = _text(one.get("name"))
                    if name:
                        out.append(name)
    return out


def first_raw(items: list[dict[str, Any]], key: str) -> str | None:
    """The first plain string under ``key`` among the article items, line breaks kept (``articleBody``).

    Only a string counts: a list or an object there is no text a reader was given.
    """
    for item in articles(items):
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def first(items: list[dict[str, Any]], *keys: str, weak: bool = True) -> str | None:
    """The first string value under one of ``keys`` among the article items.

    ``weak=False`` skips page-level items (``WebPage``, ``VideoObject``, ...).
    """
    for item in articles(items):
        if not weak and not _types(item) & (ARTICLE_TYPES - _WEAK_TYPES):
            continue
        for key in keys:
            value = _text(item.get(key))
            if value:
                return value
    return None


def site_name(items: list[dict[str, Any]]) -> str | None:
    """The publisher's name, or the ``WebSite`` item's name."""
    for item in articles(items):
        pub = item.get("publisher")
        for one in pub if isinstance(pub, list) else [pub]:
            if isinstance(one, dict):
                name = _text(one.get("name"))
                if name:
                    return name
    for item in items:
        if "website" in _types(item):
            name = _text(item.get("name"))
            if name:
                return name
    return None
