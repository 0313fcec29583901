"""Phrase matching for dump lines, bounded only on the sides where a phrase has letters."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..regex_cache import rx

_LEAD_RE = rx(r"^[\W_]*")
_WORD_RE = rx(r"\w")
_START = 4


def _first_token(text: str) -> str:
    stripped = _LEAD_RE.sub("", text.lower())
    return stripped.split(" ", 1)[0] if stripped else ""


def _bounded(phrase: str) -> str:
    body = re.escape(phrase)
    head = r"(?<!\w)" if phrase[:1].isalnum() else ""
    tail = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return f"{head}{body}{tail}"


@dataclass(frozen=True)
class Phrases:
    """A compiled phrase list: the pattern, and how its phrases begin (up to four letters)."""

    pattern: re.Pattern[str]
    starts: frozenset[str]


def phrase_any(phrases: Iterable[str]) -> Phrases:
    """A case-insensitive pattern finding any of ``phrases`` inside a line.

    Unlike a plain word-bounded pattern, a phrase that ends in a symbol ("A+", "가+")
    still matches when a letter follows it ("A+A-").
    """
    ordered = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))  # same order in every process
    starts = frozenset(_first_token(p)[:_START] for p in ordered)
    pattern = rx("|".join(_bounded(p) for p in ordered), re.IGNORECASE)
    return Phrases(pattern, starts)


def only_phrases(text: str, phrases: Phrases, *extra: re.Pattern[str]) -> bool:
    """Whether ``text`` holds nothing but ``phrases`` (and matches of ``extra``) and punctuation.

    A line whose first word begins unlike every phrase is rejected before any pattern
    runs (a number may open it when ``extra`` patterns are given), which keeps the
    check cheap on the many lines that are plainly text.
    """
    first = _first_token(text[:60])
    if not first:
        return False
    known = any(first[:k] in phrases.starts for k in range(1, _START + 1))
    if not known and not (extra and first[0].isdigit()):
        return False
    rest = phrases.pattern.sub(" ", text)
    for pattern in extra:
        rest = pattern.sub(" ", rest)
    return rest != text and not _WORD_RE.search(rest)
