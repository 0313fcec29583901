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
from ..regex_trie import NEVER, Union, group, trie
from ..textutil import ASCII_NONWORD


def class_pattern(
    words: Iterable[str] = (),
    prefixes: Iterable[str] = (),
    anywhere: Iterable[str] = (),
    exact: Iterable[str] = (),
) -> re.Pattern[str]:
    """Compile class/id tokens into one pattern over a lower-cased ``"class id"`` key.

    ``words`` match a whole token (split at anything but letters and digits),
    ``prefixes`` the start of a token, ``anywhere`` any part of the key, ``exact`` a whole
    class name or id. Only whether the pattern finds a match is defined, not which one.
    """
    tokens = {"words": tuple(words), "prefixes": tuple(prefixes), "anywhere": tuple(anywhere), "exact": tuple(exact)}
    pattern = rx(_token_regex(**tokens))
    _TOKENS[pattern] = tokens
    _ANY_TOKEN.grown()
    return pattern


def _token_regex(
    words: Iterable[str], prefixes: Iterable[str], anywhere: Iterable[str], exact: Iterable[str]
) -> str:
    # A trie: one branch per first character, each opening with that literal (the regex engine
    # then skips, in C, the positions where no token can start) and checking the boundary
    # before the token just after it ("s(?<![a-z0-9].)(?:hare…|ocial…)"); the rest of the
    # tokens sharing that character merged on their next letters (``regex_trie``), so that a
    # position tries a few letters, not every token. About half the time of a flat alternation.
    openings: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for kind, tokens in (("word", words), ("prefix", prefixes), ("exact", exact)):
        before = _BEFORE_NAME if kind == "exact" else _BEFORE_TOKEN
        for token in tokens:
            if token:
                openings.setdefault(token[0], {}).setdefault(before, []).append((token[1:], kind))
    branches = []
    for first, by_boundary in sorted(openings.items()):
        rests = [before + trie(rest, _AFTER) for before, rest in sorted(by_boundary.items())]
        branches.append(re.escape(first) + group(rests))
    branches += [re.escape(a) for a in anywhere if a]
    return "|".join(branches) if branches else NEVER


# What may stand before a token: no letter or digit (a word or prefix), no non-space (a name).
_BEFORE_TOKEN = r"(?<![a-z0-9].)"
_AT_TOKEN_START = r"(?<![a-z0-9])"  # the same look back, before the token's first character
_BEFORE_NAME = r"(?<!\S.)"
# And after it, by kind: a prefix needs nothing.
_AFTER = {"word": r"(?![a-z0-9])", "prefix": "", "exact": r"(?!\S)"}
# The tokens each :func:`class_pattern` was made from (tests check each trie against the plain
# alternation, too).
_TOKENS: dict[re.Pattern[str], dict[str, tuple[str, ...]]] = {}


def _all_tokens() -> str:
    every = {kind: list(dict.fromkeys(t for made in _TOKENS.values() for t in made[kind])) for kind in _KINDS}
    # Words, prefixes and names start where a letter or digit does not stand before them:
    # checked first, that one look back passes over most places of a key at once, instead of
    # a try of the branch of every first character there (the union has many).
    bounded = _token_regex(words=every["words"], prefixes=every["prefixes"], anywhere=(), exact=every["exact"])
    return "|".join([rf"{_AT_TOKEN_START}(?:{bounded})", *(re.escape(a) for a in every["anywhere"] if a)])


# Most keys of a page ("container", "row", "col-md-6") hold no token of any class pattern: one
# search of all their tokens, instead of a search of each pattern, tells them apart.
_ANY_TOKEN = Union(_all_tokens, remembered=50_000)
_KINDS = ("words", "prefixes", "anywhere", "exact")


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
    names, of_tokens = _judge(pattern, spare)
    hits: list[HtmlElement] = []
    # a class_pattern only needs the keys holding a token of one: most keys hold none
    groups = page.by_key_where(_ANY_TOKEN.holds) if of_tokens else page.by_key()
    for key, els in groups:
        if names(key):
            hits += els
    for el in page.in_order(hits) if len(hits) > 1 else hits:
        if not page.attached(el) or page.holds_article(el):
            continue
        if guard_prose and page.holds_prose(el):
            continue
        yield el


def _judge(pattern: re.Pattern[str], spare: re.Pattern[str] | None) -> tuple[Callable[[str], bool], bool]:
    """:func:`_names` for one pattern pair, remembering its answers (each distinct key of a page,
    and of the pages of a site or a batch, is judged once), and whether ``pattern`` is a
    :func:`class_pattern`. The pair is looked up by identity: hashing a pattern hashes its whole
    compiled code, a few microseconds for a large trie, and the cleaners ask some fifty times a page."""
    key = (id(pattern), id(spare))
    found = _JUDGES.get(key)
    if found is None:
        names = functools.lru_cache(maxsize=50_000)(functools.partial(_names, pattern=pattern, spare=spare))
        # (the patterns are kept with their judge: an id is never reused while it is here)
        found = _JUDGES[key] = (pattern, spare, names, pattern in _TOKENS)
    return found[2], found[3]


_JUDGES: dict[tuple[int, int], tuple[re.Pattern[str], re.Pattern[str] | None, Callable[[str], bool], bool]] = {}


def _names(key: str, pattern: re.Pattern[str], spare: re.Pattern[str] | None) -> bool:
    """True when ``key`` matches ``pattern``, not ``spare``, and is no content name."""
    return bool(
        pattern.search(key)
        and not (spare is not None and spare.search(key))
        and not _CONTENT_KEY.search(key)
    )


def by_phrase(page: Page, pattern: re.Pattern[str]) -> Iterator[HtmlElement]:
    """Short blocks whose whole text is one of the phrases ``pattern`` was built from."""
    made = _CORES.get(id(pattern))  # (by identity, as in :func:`_judge`)
    cores = made[1] if made is not None else None
    for el, text in page.short_blocks():
        if cores is not None:
            core = _ascii_core(text)
            if core is not None and core not in cores:
                continue  # no phrase of a :func:`whole` pattern can match it
        if pattern.match(text) and not page.holds_article(el):
            yield el


# Each short block's core (None for a text that is not ASCII), worked out once: the cleaners
# with phrase lists read the same blocks in turn.
@functools.lru_cache(maxsize=20_000)
def _ascii_core(text: str) -> str | None:
    return _core(text) if text.isascii() else None


def whole(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching a block whose whole text is one of ``phrases``."""
    phrases = tuple(phrases)
    pattern = phrase_regex(phrases, whole=True)
    _CORES[id(pattern)] = (pattern, ascii_cores(phrases))
    return pattern


# An ASCII text matches a whole-phrase pattern (``^\W*(?:phrase|...)\W*$``, ignoring case) only
# when, stripped of non-word characters at both ends and lower-cased, it is the core of one of
# the ASCII phrases: a set lookup tells most short blocks apart without the regex.
# (By the pattern's id, the pattern kept with them.)
_CORES: dict[int, tuple[re.Pattern[str], frozenset[str] | None]] = {}
# The non-ASCII characters that match an ASCII character when case is ignored (İ, ı, ſ, the
# Kelvin sign): a phrase holding one could match ASCII text that no ASCII core names.
_ASCII_CASE_KIN = frozenset("\u0130\u0131\u017f\u212a")


def ascii_cores(phrases: Iterable[str]) -> frozenset[str] | None:
    """The cores of the phrases an ASCII text can match, or None when they cannot be told."""
    cores = set()
    for phrase in phrases:
        if phrase.isascii():
            cores.add(_core(phrase))
        elif not _ASCII_CASE_KIN.isdisjoint(phrase):
            return None
    return frozenset(cores)


def _core(text: str) -> str:
    """An ASCII text without the non-word characters at its ends, lower-cased."""
    return text.strip(ASCII_NONWORD).lower()


def drop(page: Page, found: Iterable[HtmlElement], reason: str) -> int:
    """Drop every element found (outermost first) with one reason."""
    return page.kill_all((el, reason) for el in found)


def by_role(page: Page, roles: frozenset[str]) -> list[tuple[HtmlElement, str]]:
    """Elements whose ARIA ``role`` is one of ``roles`` (and that do not hold the article)."""
    return [
        (el, f"role={el.get('role')}")
        for el in page.with_any_attribute("role")
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
