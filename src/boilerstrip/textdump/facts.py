"""Title, byline and date lines, found before any cleaner runs and kept out of their reach."""

from __future__ import annotations

import re

from ..phrases import META_LABELS, phrase_regex
from .page import Line, TextPage

_MONTHS = {
    # en, de, fr, es (full and short forms) -> month number
    **{m: n for n, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"], 1)},
    **{m: n for n, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)},
    "sept": 9,
    **{m: n for n, m in enumerate(
        ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
         "oktober", "november", "dezember"], 1)},
    **{m: n for n, m in enumerate(
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
         "octobre", "novembre", "décembre"], 1)},
    **{m: n for n, m in enumerate(
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"], 1)},
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_TIME = r"(?:[\sT,]+(?P<h>\d{1,2})[:시](?P<mi>\d{2}))?"
_DATE_RES = [
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-./년年]\s*(?P<m>\d{1,2})\s*[-./월月]\s*(?P<d>\d{1,2})(?:\s*[일日号])?" + _TIME),
    re.compile(rf"(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})" + _TIME, re.I),
    re.compile(rf"(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<mn>{_MONTH})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d{{2}})" + _TIME, re.I),
    re.compile(r"(?P<d>\d{1,2})\.\s*(?P<m>\d{1,2})\.\s*(?P<y>(?:19|20)\d{2})" + _TIME),
]
_BYLINE_RE = re.compile(
    r"^(?:(?:by|von|par|por|di|door|av|written by|text|autor|auteur|author)\s*[:：]?\s+\S"
    r"|.{1,40}(?:기자|특파원|선임기자|객원기자)(?:\s+\S+@\S+)?$"
    r"|.{1,30}(?:記者|特派員|编辑|記者\s*\S+)$|(?:记者|記者|文)\s*[:：|｜]?\s*\S{2,})",
    re.IGNORECASE,
)
_LABEL = phrase_regex(META_LABELS)


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601 (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``)."""
    for rx in _DATE_RES:
        m = rx.search(text)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else _MONTHS.get((g.get("mn") or "").lower().rstrip("."), 0)
        day, year = int(g["d"]), int(g["y"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        out = f"{year:04d}-{month:02d}-{day:02d}"
        if g.get("h") and g.get("mi") and int(g["h"]) < 24 and int(g["mi"]) < 60:
            out += f"T{int(g['h']):02d}:{g['mi']}"
        return out
    return None


def _is_date_line(ln: Line) -> bool:
    return ln.weight <= 12 and not ln.bullet and parse_date(ln.text) is not None


def _is_byline(ln: Line) -> bool:
    return 1 <= ln.weight <= 10 and not ln.ends_sentence and bool(_BYLINE_RE.search(ln.text))


def _body_start(lines: list[Line]) -> int:
    """The first line that opens a stretch of prose (two more prose lines among the next six)."""
    for i, ln in enumerate(lines):
        if ln.is_prose and ln.weight >= 12:
            ahead = sum(1 for x in lines[i + 1 : i + 7] if x.is_prose)
            if ahead >= 2:
                return i
    return 0


def _title_ok(ln: Line) -> bool:
    return 2 <= ln.weight <= 40 and not ln.bullet and not ln.text.endswith((":", "|")) and not _LABEL.match(ln.text)


def find_facts(page: TextPage) -> None:
    """Mark the title, byline and date lines above the article's first paragraph.

    They are looked for in the few lines before the first stretch of prose: a short
    line holding a date (``"입력 2024-08-04 14:47"``, ``"March 3, 2024"``), a short
    line shaped like a byline (``"By Jane Doe"``, ``"... 기자"``), and the line just
    above the first of them as the headline. Screen-reader labels between them
    (``"기자정보, 기사등록일"``) are not taken for any of the three.
    """
    lines = page.lines
    if not lines:
        return
    start = _body_start(lines)
    window = range(max(0, start - 12), min(len(lines), start + 3))
    date_i = byline_i = None
    for i in window:
        ln = lines[i]
        if i >= start and (ln.is_prose or ln.weight > 12):
            continue
        if date_i is None and _is_date_line(ln):
            date_i = i
        elif byline_i is None and _is_byline(ln):
            byline_i = i
    if date_i is not None:
        lines[date_i].role = "date"
        page.date_line = lines[date_i].text
        page.date = parse_date(lines[date_i].text)
    if byline_i is not None:
        lines[byline_i].role = "byline"
        page.byline_line = lines[byline_i].text
        page.byline = byline_name(lines[byline_i].text)
    marks = [i for i in (date_i, byline_i) if i is not None and i < start]
    top = min(marks) if marks else start
    for i in range(top - 1, max(-1, top - 5), -1):
        ln = lines[i]
        if ln.role or _only_labels(ln.text):
            continue
        if _title_ok(ln) and (marks or not ln.is_prose):
            ln.role = "title"
            page.title = ln.text
        break


def _only_labels(text: str) -> bool:
    return not re.search(r"\w", _LABELS_ANY.sub(" ", text))


_LABELS_ANY = phrase_regex(META_LABELS, whole=False)
_NAME_PREFIX_RE = re.compile(
    r"^(?:by|von|par|por|di|door|av|written by|autor|auteur|author|text|记者|記者|文)\s*[:：|｜]?\s*", re.I
)
_EMAIL_RE = re.compile(r"\s*[\w.+-]+@[\w-]+\.[\w.-]+\s*")


def byline_name(line: str) -> str:
    """The byline without its "By" and place prefixes or e-mail: ``"베이징(중국)=백소희 기자"`` -> ``"백소희 기자"``."""
    name = _NAME_PREFIX_RE.sub("", _EMAIL_RE.sub(" ", line).strip())
    if "=" in name:
        name = name.rsplit("=", 1)[1]
    return name.strip(" ,;|") or line.strip()
