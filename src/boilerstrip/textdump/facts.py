"""Title, byline and date lines, found before any cleaner runs and kept out of their reach."""

from __future__ import annotations

import re

from ..phrases import META_LABELS, phrase_regex
from .dates import parse_date
from .page import Line, TextPage

_BYLINE_RE = re.compile(
    r"^(?:(?:by|von|par|por|di|door|av|written by|text|autor|auteur|author)\s*[:：]?\s+\S"
    r"|.{1,40}(?:기자|특파원|선임기자|객원기자)(?:\s+\S+@\S+)?$"
    r"|.{1,30}(?:記者|特派員|编辑|記者\s*\S+)$|(?:记者|記者|文)\s*[:：|｜]?\s*\S{2,})",
    re.IGNORECASE,
)
_LABEL = phrase_regex(META_LABELS)


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
