"""Literals compiled as a shallow trie: regex branches merged on the characters they start with.

CPython's regex engine tries the branches of an alternation one by one at each position: with
the literals merged on their first characters, a position tries a few characters, not every
literal. Two levels of merging match as fast as a full trie and take a quarter of the time to
build (the patterns are built at every start of the program).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping


def trie(literals: Iterable[tuple[str, str]], endings: Mapping[str, str], depth: int = 2) -> str:
    """A regex matching any literal of ``(literal, kind)`` followed by its kind's ending.

    An empty ending means the match is made once the literal is read: longer literals that it
    starts are not needed. The order of the branches says nothing about which match is found.
    """
    ends: set[str] = set()
    children: dict[str, list[tuple[str, str]]] = {}
    for rest, kind in literals:
        if rest:
            children.setdefault(rest[0], []).append((rest[1:], kind))
        else:
            ends.add(kind)
    if any(not endings[kind] for kind in ends):
        return ""
    alternatives = [endings[kind] for kind in sorted(ends)]
    for c, more in sorted(children.items()):
        if depth > 1 and len(more) > 1:
            alternatives.append(re.escape(c) + trie(more, endings, depth - 1))
        else:  # the rest of each literal as it is
            alternatives.append(re.escape(c) + group(sorted(re.escape(r) + endings[k] for r, k in more)))
    return group(alternatives)


def group(alternatives: list[str]) -> str:
    """``alternatives`` as one regex (no group around a single one)."""
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
