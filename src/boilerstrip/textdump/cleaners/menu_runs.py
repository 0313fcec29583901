"""Drop menu runs: three or more short lines or bullets in a row, and "A | B | C" bars."""

from __future__ import annotations

from ...regex_cache import rx
from ..page import Line, TextPage

_SEPARATED_RE = rx(r"\s[|•·/»›>]\s|\s{3,}")
_MIN_RUN = 3


def _short(ln: Line) -> bool:
    """A menu item: a few words (a few CJK characters), no sentence ending."""
    limit = 6 if ln.bullet else 4
    return ln.weight <= limit and not ln.ends_sentence


def _menu_bar(ln: Line) -> bool:
    """One line holding several short items split by bars or bullets: "Home | World | Tech"."""
    parts = [p for p in _SEPARATED_RE.split(ln.text) if p.strip()]
    if len(parts) < 3:
        return False
    return all(len(p.split()) <= 4 and len(p) <= 30 for p in parts)


def menu_runs(page: TextPage) -> None:
    """Menu runs: three or more short lines or bullets in a row, and "A | B | C" bars.

    Navigation, section lists, tag clouds and footers are copied as runs of one- to
    few-word lines. A run of at least three such lines is a menu; so is a single line
    made of several short items separated by bars or bullets. Longer bullet items
    (sub-headlines, teaser headlines) are left to other cleaners: their length, not
    their words, tells them apart from menu items.
    """
    alive = page.alive()
    run: list[int] = []
    found: list[int] = []
    for i in [*alive, -1]:
        if i >= 0 and _short(page.lines[i]):
            run.append(i)
            continue
        if len(run) >= _MIN_RUN:
            found.extend(run)
        run = []
    page.drop(found, "menu run of short lines")
    bars = [i for i in page.alive() if _menu_bar(page.lines[i])]
    page.drop(bars, "menu bar")
