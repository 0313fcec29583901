"""Publication dates: metadata first, then ``<time>`` and visible date lines near the headline.

Only when all of these fail is trafilatura's ``htmldate`` imported (lazily: it is slow
to import) and asked, without its extensive search, so that a copyright year in the
footer is never taken for the article's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from lxml.html import HtmlElement

from ..page import PageMeta
from ..phrases import COPYRIGHT, any_phrase, phrase_regex
from ..regex_cache import rx
from ..textutil import weight
from ..trees import remembered_text, with_any_attribute
from . import jsonld
from ._dom import class_id, in_foreign_zone, is_hidden, near, printed_line, text_of, zones_cut_out
from .found import NOTHING, Found

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv janv. enero ene januar jän jänner janeiro gennaio januari",
        "february feb febr février févr fevrier fevr febrero februar fevereiro fev febbraio februari",
        "march mar mars marzo märz maerz março marco mrz maart",
        "april apr avril abril avr aprile",
        "may mai mayo maio maggio mei",
        "june jun juin junio juni junho giugno",
        "july jul juillet juil julio juli julho luglio",
        "august aug août aout agosto ago augustus",
        "september sep sept septembre septiembre setiembre set setembro settembre",
        "october oct octobre octubre oktober okt outubro out ottobre",
        "november nov novembre noviembre novembro",
        "december dec déc décembre decembre diciembre dic dezember dez dezembro dicembre",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name.rstrip(".")] = _number

# The month names as a trie (a place of the text tries a few letters, not a hundred names,
# each ignoring case): a name must be followed by a dot, comma or space, which no name that
# another one starts is, so the names cannot compete at one place and their order is free.
_MONTH_ALT = any_phrase(sorted(MONTHS))
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_TIME = (
    r"(?:(?:\s*(?:,|at|um|à|a las|às|\||-|—|–|T|\([^)]{1,5}\)|\u00b7))*\s*"
    r"(?:(?P<pre>오전|오후|午前|午後|上午|下午)\s*)?(?P<H>[01]?\d|2[0-3])(?:[:：h時시]\s*(?P<M>[0-5]\d))(?:[:：分분]\s*(?P<S>[0-5]\d))?\s*(?:[초秒])?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?|오전|오후|午前|午後)?)?"
)
_YEAR_RE = rx(_YEAR)
_PATTERNS = [
    # 2024-08-04, 2024.08.04., 2024/8/4, optionally with a time
    rx(
        rf"(?<![\d.]){_YEAR}\s*(?P<sep>[-./])\s*(?P<m>[01]?\d)\s*(?P=sep)\s*(?P<d>[0-3]?\d)(?!\d)\.?{_TIME}"
    ),
    # 2024年8月4日, 2024년 8월 4일
    rx(
        rf"{_YEAR}\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일](?:\s*\(?[^\d\s)]{{1,3}}\)?)?{_TIME}"
    ),
    # Aug. 4, 2024 / August 4th 2024
    rx(
        rf"(?<!\w)(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d){_TIME}",
        re.IGNORECASE,
    ),
    # 4 August 2024 / 4. August 2024 / 4 août 2024 / 1er août 2024 / 4 de agosto de 2024
    rx(
        rf"(?<!\d)(?P<d>[0-3]?\d)(?:er|st|nd|rd|th|º|\.)?\s+(?:de\s+)?(?P<mon>{_MONTH_ALT})\.?,?\s+(?:de\s+|del\s+)?{_YEAR}(?!\d){_TIME}",
        re.IGNORECASE,
    ),
    # 04.08.2024 (day first), 8/4/2024 (month first unless the first number is above 12)
    rx(
        rf"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep){_YEAR}(?!\d){_TIME}"
    ),
]

_PUBLISHED_RE = rx(
    r"입력|등록|게재|발행|작성|승인|송고|发布|發佈|發布|发表|發表|公開|配信|掲載|登録|投稿|出版|"
    r"(?<!\w)(?:published|posted|on|publié|publie|publicado|publicada|veröffentlicht|erschienen|"
    r"publiziert|pubblicato|am|le|el)(?!\w)",
    re.IGNORECASE,
)
_UPDATED_RE = rx(
    r"수정|업데이트|최종|更新|修改|修正|最終|"
    r"(?<!\w)(?:updated?|modified|last|aktualisiert|geändert|mis à jour|modifié|actualizado|"
    r"actualización|atualizado|aggiornato)(?!\w)",
    re.IGNORECASE,
)
_COPYRIGHT_RE = phrase_regex(COPYRIGHT, whole=False)
_DATE_CLASS_RE = rx(
    r"date|time|publish|posted|dateline|timestamp|byline|meta|info|author|article-?head|"
    r"입력|등록|updated|when|day",
    re.IGNORECASE,
)

_DIGIT_RE = rx(r"\d")
_ASCII_DIGITS = b"0123456789"


def _has_digit(text: str) -> bool:
    r"""``\d`` found in ``text``: in ASCII text a digit is one of ten bytes, which one deleting
    ``translate`` tells several times faster than the regex's test of every character."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_DIGITS)) != len(text)
    return _DIGIT_RE.search(text) is not None


_ISO_RE = rx(
    r"^\s*(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:[T\s]+(?P<H>\d{2}):?(?P<M>\d{2})(?::?(?P<S>\d{2}))?(?:[.,]\d+)?\s*"
    r"(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?"
)

META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dc.date",
    "dc.date.created",
    "date",
    "datecreated",
    "article:created",
    "article.created",
    "originalpublicationdate",
    "publication_date",
    "cxenseparse:recs:publishtime",
)


def normalize_iso(raw: str | None, lang: str | None = None) -> str | None:
    """An ISO 8601 date(time) from a machine-readable or printed date; ``None`` if none."""
    if not raw:
        return None
    if raw.strip().isdigit() and len(raw.strip()) in (10, 13):
        stamp = int(raw.strip()[:10])
        return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    m = _ISO_RE.match(raw)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if not _valid(y, mo, d):
            return None
        out = f"{y:04d}-{mo:02d}-{d:02d}"
        if m["H"] is not None:
            out += f"T{m['H']}:{m['M']}"
            if m["S"] is not None:
                out += f":{m['S']}"
            tz = m["tz"]
            if tz:
                if tz in ("Z", "UTC", "GMT"):
                    out += "Z"
                else:
                    digits = tz[1:].replace(":", "")
                    out += f"{tz[0]}{digits[:2]}:{(digits[2:] or '00')}"
        return out
    found = next(scan(raw, lang), None)
    return found[0] if found else None


def _valid(y: int, m: int, d: int) -> bool:
    return 1990 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31


def scan(text: str, lang: str | None = None) -> Iterator[tuple[str, int, int]]:
    """Every printed date in ``text`` as ``(iso, start, end)``, in text order."""
    if _YEAR_RE.search(text) is None:
        return  # every pattern holds a year: most texts read are told apart by one search
    hits: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            iso = _from_match(kind, m, lang)
            if iso:
                hits.append((iso, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    hits.sort(key=lambda h: h[1])
    yield from hits


def _from_match(kind: int, m: re.Match[str], lang: str | None) -> str | None:
    y = int(m["y"])
    if kind in (0, 1):
        mo, d = int(m["m"]), int(m["d"])
    elif kind in (2, 3):
        mo, d = MONTHS[m["mon"].lower().rstrip(".")], int(m["d"])
    else:
        a, b = int(m["a"]), int(m["b"])
        if m["sep"] == "/" and a <= 12 and (lang or "en").lower().startswith("en") and b <= 31:
            mo, d = a, b
        else:
            d, mo = a, b
    if not _valid(y, mo, d):
        return None
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["H"] is not None and m["M"] is not None:
        hour = int(m["H"])
        ampm = (m["ampm"] or m["pre"] or "").lower().replace(".", "").replace(" ", "")
        if ampm in ("pm", "오후", "午後", "下午") and hour < 12:
            hour += 12
        elif ampm in ("am", "오전", "午前", "上午") and hour == 12:
            hour = 0
        out += f"T{hour:02d}:{m['M']}"
        if m["S"] is not None:
            out += f":{m['S']}"
    return out


def best_in_line(text: str, lang: str | None = None) -> str | None:
    """The publication date printed in one line: the one labelled as published, else the first
    not labelled as an update. ``None`` for copyright lines."""
    if _YEAR_RE.search(text) is None or _COPYRIGHT_RE.search(text):
        return None
    hits = list(scan(text, lang))
    if not hits:
        return None
    fallback: str | None = None
    prev_end = 0
    for iso, start, _end in hits:
        label = text[max(prev_end, start - 25) : start]
        prev_end = _end
        if _PUBLISHED_RE.search(label) and not _UPDATED_RE.search(label):
            return iso
        if fallback is None and not _UPDATED_RE.search(label):
            fallback = iso
    return fallback or hits[0][0]


def from_metadata(
    meta: PageMeta, root: HtmlElement, itemprops: Iterable[HtmlElement] | None = None
) -> str | None:
    """``datePublished`` from JSON-LD, the date meta tags, or ``itemprop=datePublished``
    (``itemprops``: the elements of the page carrying ``itemprop``, when already listed)."""
    value = jsonld.first(meta.jsonld, "datePublished", "dateCreated", weak=False)
    iso = normalize_iso(value, meta.lang)
    if iso:
        return iso
    for key in META_DATE_KEYS:
        iso = normalize_iso(meta.metas.get(key), meta.lang)
        if iso:
            return iso
    for el in with_any_attribute(root, "itemprop") if itemprops is None else itemprops:
        if el.get("itemprop") not in ("datePublished", "datepublished") or el.tag == "meta":
            continue
        iso = normalize_iso(el.get("datetime") or el.get("content") or text_of(el), meta.lang)
        if iso:
            return iso
    value = jsonld.first(meta.jsonld, "datePublished", "dateCreated", "uploadDate")
    return normalize_iso(value, meta.lang)


def _window(root: HtmlElement, headline: HtmlElement | None) -> list[HtmlElement]:
    """Elements near the headline (a little before, more after) in order of closeness."""
    return [el for _, el in near(root, headline, before=60, after=400, before_weight=2)]


def _innermost(el: HtmlElement, iso: str, lang: str | None) -> HtmlElement:
    """The deepest descendant of ``el`` that still prints the date ``iso``."""
    while True:
        for child in el:
            if isinstance(child.tag, str) and best_in_line(text_of(child), lang) == iso:
                el = child
                break
        else:
            return el


def _line_element(el: HtmlElement, headline: HtmlElement | None) -> tuple[HtmlElement, str]:
    """Climb from ``el`` to the element holding the whole printed line (labels included)."""
    return printed_line(el, headline, extra=15, longest=120)


def visible_dates(
    root: HtmlElement,
    meta: PageMeta,
    headline: HtmlElement | None,
    sizes: Mapping[HtmlElement, int] | None = None,
    texts: dict[HtmlElement, str] | None = None,
) -> Iterator[tuple[str, str | None, HtmlElement | None]]:
    """Printed dates near the headline as ``(iso, line, element)``, nearest first.

    A date opening a paragraph of prose ("Feb. 23, 2015 -- Peanut allergies ...") comes
    without a line or element (the paragraph is the article's, not a date line); a date
    inside prose, or in a table cell without a date label (an infobox), is passed over.
    ``texts`` keeps the texts read for the next reader (:func:`~boilerstrip.trees.remembered_text`).
    """
    seen: set[HtmlElement] = set()
    sizes = sizes or {}
    for el in _window(root, headline):
        tag = el.tag
        is_time = tag == "time"
        if not is_time and len(el) > 6:
            continue
        letters = sizes.get(el)
        if letters is not None and (letters > 300 or (not letters and not is_time)):
            continue  # longer than a date line, or without a digit (read below only if so)
        raw = remembered_text(el, texts)
        if len(raw) > 300 or not (is_time or _has_digit(raw)):
            continue
        ci = class_id(el)
        text = text_of(el)
        if not text and not is_time:
            continue
        iso = None
        if is_time:
            iso = normalize_iso(el.get("datetime"), meta.lang)
        if iso is None:
            if len(text) > 160 and not (ci and _DATE_CLASS_RE.search(ci)):
                continue
            iso = best_in_line(text, meta.lang)
        if iso is None:
            continue
        if is_hidden(el) or in_foreign_zone(el):
            continue
        # the innermost element carrying the date: skip if a child carries it too
        if any(child in seen for child in el.iterdescendants()):
            continue
        seen.add(el)
        if not is_time:
            el = _innermost(el, iso, meta.lang)
        line_el, line = _line_element(el, headline)
        if _COPYRIGHT_RE.search(line):
            continue
        marked = is_time or bool(ci and _DATE_CLASS_RE.search(ci))
        if not marked and _in_unlabelled_cell(el, line):
            continue
        better = best_in_line(line, meta.lang)
        iso = better if better and not is_time else iso
        if not marked and _is_prose(line, meta.lang):
            if _starts_with_date(line, meta.lang):
                yield iso, None, None
            continue
        yield iso, line, line_el


def _is_prose(line: str, lang: str | None) -> bool:
    """True when ``line`` holds a sentence besides its dates and labels."""
    rest = line
    for _iso, start, end in reversed(list(scan(line, lang))):
        rest = rest[:start] + " " + rest[end:]
    rest = _PUBLISHED_RE.sub(" ", _UPDATED_RE.sub(" ", rest))
    return weight(rest) > 10


def _starts_with_date(line: str, lang: str | None) -> bool:
    first = next(scan(line, lang), None)
    return first is not None and first[1] <= 3


def _in_unlabelled_cell(el: HtmlElement, line: str) -> bool:
    """True for a date in a table cell (an infobox's "Founded ...") that no label calls published."""
    if _PUBLISHED_RE.search(line):
        return False
    return any(anc.tag in ("td", "th") for anc in islice(el.iterancestors(), 6)) or el.tag in (
        "td",
        "th",
    )


def find_date(
    root: HtmlElement,
    meta: PageMeta,
    headline: HtmlElement | None,
    sizes: Mapping[HtmlElement, int] | None = None,
    classed: Sequence[HtmlElement] | None = None,
    texts: dict[HtmlElement, str] | None = None,
) -> Found:
    """The publication date as ISO 8601, with the visible date line when the page prints one.

    ``sizes`` (letters and digits under each element, :meth:`Page.sizes`) passes over elements
    that cannot hold a date line before their text is read; with ``classed`` (the elements
    carrying a class or id, in document order) it spares the late reader a walk of the page;
    ``texts`` as in :func:`visible_dates`.
    """
    trusted = meta.date if meta.date_read else from_metadata(meta, root)
    visible: tuple[str, str | None, HtmlElement | None] | None = None
    for iso, line, el in visible_dates(root, meta, headline, sizes, texts):
        if trusted is None or iso[:10] == trusted[:10]:
            visible = (iso, line, el)
            break
        if visible is None:
            visible = (iso, line, el)
    if trusted:
        if visible and visible[0][:10] == trusted[:10]:
            return Found(trusted, visible[1], visible[2])
        return Found(trusted, None, None)
    if visible:
        return Found(visible[0], visible[1], visible[2])
    late = _htmldate(root, classed, sizes)
    return Found(late, None, None) if late else NOTHING


def _htmldate(
    root: HtmlElement,
    classed: Sequence[HtmlElement] | None = None,
    sizes: Mapping[HtmlElement, int] | None = None,
) -> str | None:
    """Ask htmldate (imported only now), without its copyright-prone extensive search, on the
    page with its zones cut out for the time of the call (htmldate copies the tree it is given)."""
    try:
        from htmldate import find_date as htmldate_find_date
    except ImportError:  # pragma: no cover - htmldate comes with trafilatura
        return None
    try:
        with zones_cut_out(root, classed, sizes):
            result: Any = htmldate_find_date(root, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - a third-party heuristic; its failure means "no date"
        return None
    return normalize_iso(result) if isinstance(result, str) else None
