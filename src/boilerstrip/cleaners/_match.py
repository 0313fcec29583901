"""Matchers the cleaners share: class/id token patterns and whole-block phrase lists.

A cleaner names its own tokens and phrases (one concept per cleaner); this module only
turns them into compiled patterns and walks the page's cached views to collect matches.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from lxml.html import HtmlElement

from ..page import Page
from ..phrases import phrase_regex
from ..regex_cache import rx
from ..textutil import ASCII_NONWORD
from ..trees import with_any_attribute


def class_pattern(
    words: Iterable[str] = (),
    prefixes: Iterable[str] = (),
    anywhere: Iterable[str] = (),
    exact: Iterable[str] = (),
) -> re.Pattern[str]:
    """Compile class/id tokens into one pattern over a lower-cased ``"class id"`` key.

    ``words`` match a whole token (split at anything but letters and digits),
    ``prefixes`` the start of a token, ``anywhere`` any part of the key, ``exact`` a whole
    class name or id.
    """
    # One flat alternation whose every branch opens with a literal character: the regex engine
    # then skips, in C, the positions where no branch can start. The boundary before a token
    # is checked just after that first character ("s(?<![a-z0-9].)hare" for "share").
    parts = [_opening(w, r"(?<![a-z0-9].)", r"(?![a-z0-9])") for w in words if w]
    parts += [_opening(p, r"(?<![a-z0-9].)", "") for p in prefixes if p]
    parts += [_opening(e, r"(?<!\S.)", r"(?!\S)") for e in exact if e]
    parts += [re.escape(a) for a in anywhere if a]
    parts.sort(key=lambda p: (-len(p), p))
    return rx("|".join(parts) if parts else r"(?!x)x")


def _opening(literal: str, before: str, after: str) -> str:
    """``literal`` as a branch that starts with its first character, ``before`` checked after it."""
    return re.escape(literal[:1]) + before + re.escape(literal[1:]) + after


# Names that say "this is the article's text": a class rule never drops such an element
# ("entry-content entry-content-read-more", "l-article-body-segment l-sidebar-fixed").
_CONTENT_KEY = rx(
    r"(?:article|entry|post|story|news|blog|node)[-_]*(?:body|content|text|main|detail)|main[-_]*content"
    r"|page[-_]?content|(?<![a-z])articlebody|itemprop-articlebody"
)


def by_class(
    page: Page,
    pattern: re.Pattern[str],
    *,
    spare: re.Pattern[str] | None = None,
    guard_prose: bool = True,
) -> Iterator[HtmlElement]:
    """Elements whose class or id matches ``pattern`` (and not ``spare``), safe to drop.

    Never an element named as the article's text, one holding the headline, byline or
    date, or (with ``guard_prose``) one holding much of the page's running prose: layout
    wrappers are often named after the rail or sidebar they sit next to.
    """
    names = _judge(pattern, spare)
    hits: list[HtmlElement] = []
    for key, els in page.by_key():
        if names(key):
            hits += els
    for el in page.in_order(hits) if len(hits) > 1 else hits:
        if not page.attached(el) or page.holds_article(el):
            continue
        if guard_prose and page.holds_prose(el):
            continue
        yield el


@functools.cache
def _judge(pattern: re.Pattern[str], spare: re.Pattern[str] | None) -> Callable[[str], bool]:
    """:func:`_names` for one pattern pair, remembering its answers: each distinct key of a page
    (and of the pages of a site or a batch) is judged once. (One function per pair: hashing a
    pattern hashes its compiled code, too slow to do for every key.)"""
    return functools.lru_cache(maxsize=50_000)(functools.partial(_names, pattern=pattern, spare=spare))


def _names(key: str, pattern: re.Pattern[str], spare: re.Pattern[str] | None) -> bool:
    """True when ``key`` matches ``pattern``, not ``spare``, and is no content name."""
    return bool(
        pattern.search(key)
        and not (spare is not None and spare.search(key))
        and not _CONTENT_KEY.search(key)
    )


def by_phrase(page: Page, pattern: re.Pattern[str]) -> Iterator[HtmlElement]:
    """Short blocks whose whole text is one of the phrases ``pattern`` was built from."""
    cores = _CORES.get(pattern)
    for el, text in page.short_blocks():
        if cores is not None and text.isascii() and text.strip(ASCII_NONWORD).lower() not in cores:
            continue  # no phrase of a :func:`whole` pattern can match it
        if pattern.match(text) and not page.holds_article(el):
            yield el


def whole(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching a block whose whole text is one of ``phrases``."""
    phrases = tuple(phrases)
    pattern = phrase_regex(phrases, whole=True)
    _CORES[pattern] = ascii_cores(phrases)
    return pattern


# An ASCII text matches a whole-phrase pattern (``^\W*(?:phrase|...)\W*$``, ignoring case) only
# when, stripped of non-word characters at both ends and lower-cased, it is the core of one of
# the ASCII phrases: a set lookup tells most short blocks apart without the regex.
_CORES: dict[re.Pattern[str], frozenset[str] | None] = {}
# The non-ASCII characters that match an ASCII character when case is ignored (İ, ı, ſ, the
# Kelvin sign): a phrase holding one could match ASCII text that no ASCII core names.
_ASCII_CASE_KIN = frozenset("\u0130\u0131\u017f\u212a")


def ascii_cores(phrases: Iterable[str]) -> frozenset[str] | None:
    """The cores of the phrases an ASCII text can match, or None when they cannot be told."""
    cores = set()
    for phrase in phrases:
        if phrase.isascii():
            cores.add(phrase.strip(ASCII_NONWORD).lower())
        elif not _ASCII_CASE_KIN.isdisjoint(phrase):
            return None
    return frozenset(cores)


def drop(page: Page, found: Iterable[HtmlElement], reason: str) -> int:
    """Drop every element found (outermost first) with one reason."""
    return page.kill_all((el, reason) for el in found)


def by_role(page: Page, roles: frozenset[str]) -> list[tuple[HtmlElement, str]]:
    """Elements whose ARIA ``role`` is one of ``roles`` (and that do not hold the article)."""
    return [
        (el, f"role={el.get('role')}")
        for el in with_any_attribute(page.root, "role")
        if el.get("role") in roles and not page.holds_article(el)
    ]


def collect(
    page: Page,
    what: str,
    *,
    classes: re.Pattern[str] | None = None,
    phrases: re.Pattern[str] | None = None,
    spare: re.Pattern[str] | None = None,
    max_letters: int | None = None,
    guard_prose: bool = True,
) -> list[tuple[HtmlElement, str]]:
    """Elements whose class/id names ``what`` and short blocks that only say it, with reasons.

    ``max_letters`` keeps class matches to small elements (a button, not a whole gallery).
    """
    found: list[tuple[HtmlElement, str]] = []
    if classes is not None:
        for el in by_class(page, classes, spare=spare, guard_prose=guard_prose):
            if max_letters is None or page.size(el) <= max_letters:
                found.append((el, f"{what} (class/id)"))
    if phrases is not None:
        found += [(el, f"{what} (text)") for el in by_phrase(page, phrases)]
    return found


def sweep(page: Page, what: str, **patterns: Any) -> int:
    """Drop what :func:`collect` finds; the number of elements dropped."""
    return page.kill_all(collect(page, what, **patterns))
