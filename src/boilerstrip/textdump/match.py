"""Phrase matching for dump lines, bounded only on the sides where a phrase has letters."""

from __future__ import annotations

import re
from collections.abc import Iterable


def _bounded(phrase: str) -> str:
    body = re.escape(phrase)
    head = r"(?<!\w)" if phrase[:1].isalnum() else ""
    tail = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return f"{head}{body}{tail}"


def phrase_any(phrases: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive pattern finding any of ``phrases`` inside a line.

    Unlike a plain word-bounded pattern, a phrase that ends in a symbol ("A+", "가+")
    still matches when a letter follows it ("A+A-").
    """
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile("|".join(_bounded(p) for p in ordered if p), re.IGNORECASE)


def only_phrases(text: str, pattern: re.Pattern[str], *extra: re.Pattern[str]) -> bool:
    """Whether ``text`` holds nothing but matches of ``pattern`` (and of ``extra``) and punctuation."""
    rest = pattern.sub(" ", text)
    for rx in extra:
        rest = rx.sub(" ", rest)
    return rest != text and not re.search(r"\w", rest)
