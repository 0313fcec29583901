"""Drop everything outside the article's region: the densest stretch of prose in the dump."""

from __future__ import annotations

from ..page import Line, TextPage


def line_score(ln: Line) -> float:
    """What a line adds to a region: its weight when it reads as prose, a cost otherwise.

    Prose counts by its weight; anything else (links, headlines of other stories, menu
    leftovers) costs a little more the longer it is, so that long teaser lists outweigh
    the sub-headlines and captions that sit between an article's paragraphs.
    """
    w = ln.weight
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
    page.drop(alive[:lo], "before the article")
    page.drop(alive[hi:], "after the article")
