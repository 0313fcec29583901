"""Drop everything outside the article's region: the densest stretch of prose in the dump."""

from __future__ import annotations

from ..page import Line, TextPage

_STAMP_COST = 10.0


def line_score(ln: Line) -> float:
    """What a line adds to a region: its weight when it reads as prose, a cost otherwise.

    Prose counts by its weight; anything else (links, headlines of other stories, menu
    leftovers) costs a little more the longer it is, so that long teaser lists outweigh
    the sub-headlines and captions that sit between an article's paragraphs. A bare
    date or "2 hours ago" costs most: it stamps each item of a teaser list or a thread.
    """
    w = ln.weight
    if ln.is_timestamp:
        return -_STAMP_COST
    if ln.is_prose:
        return w * (0.6 if ln.bullet else 1.0)
    return -(1.5 + 0.5 * w) * (1.3 if ln.bullet else 1.0)


def best_region(scores: list[float]) -> tuple[int, int]:
    """The half-open range with the largest sum of scores (Kadane), ``(0, 0)`` if none is positive."""
    best, best_lo, best_hi = 0.0, 0, 0
    run, lo = 0.0, 0
    for k, s in enumerate(scores):
        if run <= 0:
            run, lo = 0.0, k
        run += s
        if run > best:
            best, best_lo, best_hi = run, lo, k + 1
    return best_lo, best_hi


_DECK_LINES = 8


def _with_deck(page: TextPage, alive: list[int], lo: int) -> int:
    """Move the region's start up to the headline when it sits just above the region.

    Sub-headlines and the standfirst sit between the headline (or byline, date) and
    the first paragraph; they are short and unpunctuated, so they score as costs, but
    they belong to the article.
    """
    for k in range(lo - 1, max(-1, lo - 1 - _DECK_LINES), -1):
        if page.lines[alive[k]].role:
            first_role = k
            while first_role > 0 and page.lines[alive[first_role - 1]].role:
                first_role -= 1
            return first_role
    return lo


def body_region(page: TextPage) -> None:
    """Drop lines outside the article's region (navigation, sidebars, footers).

    After the word-based cleaners, the article is the stretch of the dump where prose
    outweighs everything else: each line scores its weight when it reads as running
    text and a cost otherwise, and the stretch with the largest total wins (the body
    text extraction idea of Finn et al., over lines instead of tags). Lines before and
    after it go; the title, byline and date lines found beforehand stay.
    """
    alive = page.alive()
    if not alive:
        return
    scores = [0.0 if page.lines[i].role else line_score(page.lines[i]) for i in alive]
    lo, hi = best_region(scores)
    if hi <= lo:
        return
    lo = _with_deck(page, alive, lo)
    page.drop(alive[:lo], "before the article")
    page.drop(alive[hi:], "after the article")
