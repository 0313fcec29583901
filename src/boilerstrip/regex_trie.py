"""Literals compiled as a trie: one regex branch per character shared by the literals' starts.

CPython's regex engine tries the branches of an alternation one by one at each position: with
the literals merged letter by letter, a position tries a few characters, not every literal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping


def trie(literals: Iterable[tuple[str, str]], endings: Mapping[str, str]) -> str:
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
    alternatives += [re.escape(c) + trie(more, endings) for c, more in sorted(children.items())]
    return group(alternatives)


def group(alternatives: list[str]) -> str:
    """``alternatives`` as one regex (no group around a single one)."""
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
