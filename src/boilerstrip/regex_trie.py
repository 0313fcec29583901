"""Literals compiled as a shallow trie: regex branches merged on the characters they start with.

CPython's regex engine tries the branches of an alternation one by one at each position: with
the literals merged on their first characters, a position tries a few characters, not every
literal. Two levels of merging match as fast as a full trie and take a quarter of the time to
build; the regex cache keeps what was built for later runs. :class:`Union` searches for the
pieces of many such patterns at once.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Callable, Iterable, Mapping

from .regex_cache import pattern_text, rx


def trie(literals: Iterable[tuple[str, str]], endings: Mapping[str, str], depth: int = 2) -> str:
    """A regex matching any literal of ``(literal, kind)`` followed by its kind's ending.

    An empty ending means the match is made once the literal is read: longer literals that it
    starts are not needed. The order of the branches says nothing about which match is found.
    No literal at all gives :data:`NEVER`.
    Written out once: later runs read it from the regex cache, keyed by the literals, the
    endings and this module's code.
    """
    literals = tuple(literals)
    # the literals in one string (a key of a few objects, not thousands), when no literal holds
    # one of the two separators (else the string could be another list's: no cached text)
    listed = "\x00".join(map("\x01".join, literals))
    if _CODE is None or listed.count("\x00") != len(literals) - 1 or listed.count("\x01") != len(literals):
        return _trie(literals, endings, depth)
    key = ("trie", _CODE, listed, tuple(sorted(endings.items())), depth)
    return pattern_text(key, lambda: _trie(literals, endings, depth))


NEVER = r"(?!x)x"
"""A regex that matches nothing (an empty list of literals or tokens)."""


def _code_fingerprint() -> int | None:
    """A checksum of this module's source: a trie written by other code is never read back."""
    try:
        with open(__file__, "rb") as source:
            return zlib.crc32(source.read())
    except (OSError, NameError):  # no source beside the bytecode: no cached tries
        return None


_CODE = _code_fingerprint()


def _trie(literals: Iterable[tuple[str, str]], endings: Mapping[str, str], depth: int) -> str:
    ends: set[str] = set()
    children: dict[str, list[tuple[str, str]]] = {}
    for rest, kind in literals:
        if rest:
            children.setdefault(rest[0], []).append((rest[1:], kind))
        else:
            ends.add(kind)
    if any(not endings[kind] for kind in ends):
        return ""
    if not ends and not children:
        return NEVER
    alternatives = [endings[kind] for kind in sorted(ends)]
    for c, more in sorted(children.items()):
        if depth > 1 and len(more) > 1:
            alternatives.append(re.escape(c) + _trie(more, endings, depth - 1))
        else:  # the rest of each literal as it is
            alternatives.append(re.escape(c) + group(sorted(re.escape(r) + endings[k] for r, k in more)))
    return group(alternatives)


def group(alternatives: list[str]) -> str:
    """``alternatives`` as one regex (no group around a single one)."""
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


class Union:
    """One search for the pieces of every pattern made so far: a text holding none of them
    matches none of the patterns, which tells most texts apart at once.

    ``make`` builds the regex of all the pieces; :meth:`grown` says a pattern was added (the
    regex is made again on the next search). Answers are remembered per text: several readers
    ask about the same texts in a row.

    With ``wide``, ``make`` builds the regex of the ASCII pieces only and ``wide`` that of the
    others, searched only in a text holding a non-ASCII character (which an ASCII text cannot
    hold): at each place of a text the engine tries the branches of the pieces' first
    characters one by one, and the ASCII ones are fewer (about half the time on short texts).
    """

    def __init__(self, make: Callable[[], str], *, remembered: int, wide: Callable[[], str] | None = None) -> None:
        self._make = make
        self._make_wide = wide
        self._regex: re.Pattern[str] | None = None
        self._wide: re.Pattern[str] | None = None
        self.holds: Callable[[str], bool] = functools.lru_cache(maxsize=remembered)(self._holds)

    def grown(self) -> None:
        self._regex = None
        self.holds.cache_clear()  # type: ignore[attr-defined]

    def _holds(self, text: str) -> bool:
        if self._regex is None:
            self._regex = rx(self._make())
            self._wide = rx(self._make_wide()) if self._make_wide is not None else None
        if self._regex.search(text) is not None:
            return True
        return self._wide is not None and not text.isascii() and self._wide.search(text) is not None
