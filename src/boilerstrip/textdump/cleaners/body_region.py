"""Drop everything outside the article's region: the densest stretch of prose in the dump."""

from __future__ import annotations

import re

from ...regex_cache import rx
from ..facts import refind_facts
from ..page import Line, TextPage

_STAMP_COST = 10.0
_OTHER_INDENT_COST = 0.25
# "2/50 ...", "3 of 12": the counter of a gallery slide.
_SLIDE_RE = rx(r"^\d{1,3}\s*(?:/|of|von|de|sur)\s*\d{1,3}\b", re.IGNORECASE)


def line_score(ln: Line, indent: int | None = None) -> float:
    """What a line adds to a region: its weight when it reads as prose, a cost otherwise.

    Prose counts by its weight; anything else (links, headlines of other stories, menu
    leftovers) costs a little more the longer it is, so that long teaser lists outweigh
    the sub-headlines and captions that sit between an article's paragraphs. A bare
    date, a "2 hours ago" or a slide counter ("2/50") costs most: it stamps each item
    of a teaser list, a thread or a gallery.
    With ``indent`` given, prose at another indentation (another container of the
    layout; list items may sit deeper) costs like any other line.
    """
    w = ln.weight
    if ln.is_timestamp or _SLIDE_RE.match(ln.text):
        return -_STAMP_COST
    if (
        ln.is_prose
        and indent is not None
        and abs(ln.indent - indent) > 1
        and not (ln.bullet and ln.indent > indent)
    ):
        return -(1.5 + _OTHER_INDENT_COST * w)
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


_DECK_LINES = 12


def _with_deck(page: TextPage, alive: list[int], lo: int) -> int:
    """Move the region's start up to the headline when it sits just above the region.

    Sub-headlines and the standfirst sit between the headline, the byline and the date
    and the first paragraph; they are short or unpunctuated, so they may score as
    costs, but they belong to the article.
    """
    for k in range(lo - 1, max(-1, lo - 1 - _DECK_LINES), -1):
        if page.lines[alive[k]].role:
            first_role = k
            # Up to the headline, over a standfirst between it and the byline.
            for j in range(k - 1, max(-1, k - 6), -1):
                if page.lines[alive[j]].role == "title":
                    first_role = j
                    break
            while first_role > 0 and page.lines[alive[first_role - 1]].role:
                first_role -= 1
            return first_role
    return lo


_LIST_LINES = 80
_LIST_ITEM_WEIGHT = 30


def _with_announced_list(page: TextPage, alive: list[int], hi: int) -> int:
    """Move the region's end past a list that its last line announces with a colon.

    "The tour dates:" or "Here are the deals:" followed by short item lines is the
    article's own list, though its items, being short and unpunctuated, score as costs.
    The items are taken while they are short, sit at the announcing line's indentation
    or deeper, and are bullets or follow the line before them directly, with no blank
    or dropped line between (a colon before a video or a widget announces nothing
    that is left in the dump).
    """
    if hi == 0 or hi >= len(alive):
        return hi
    start = hi
    last = page.lines[alive[hi - 1]]
    if not last.text.endswith((":", "：")):
        # A short announcing line ("The tour dates:") may itself sit just past the end.
        after = page.lines[alive[hi]]
        if not after.text.endswith((":", "：")) or after.weight > _LIST_ITEM_WEIGHT:
            return hi
        last, hi = after, hi + 1
    end, prev = hi, last
    for k in range(hi, min(len(alive), hi + _LIST_LINES)):
        ln = page.lines[alive[k]]
        if ln.weight > _LIST_ITEM_WEIGHT or ln.indent < last.indent - 1:
            break
        if not ln.bullet and ln.first != prev.last + 1:
            break
        end, prev = k + 1, ln
    return end if end > hi else start


def _best_container_region(page: TextPage, alive: list[int]) -> tuple[int, int]:
    """The best region over all indentations of prose, each tried as the article's own.

    Layout dumps (inscriptis, lynx) indent each container of the page by its depth: an
    article's paragraphs share one indentation while teaser lists, comments and
    sidebars sit at others. Counting only prose at one indentation as article, and
    taking the indentation whose best region is strongest, keeps neighbouring prose
    of other containers out. A dump without indentation has one candidate.
    """
    lines = page.lines
    indents = sorted({lines[i].indent for i in alive if lines[i].is_prose and not lines[i].bullet})
    gaps = _gap_costs(page, alive)
    regions: dict[int, tuple[float, int, int]] = {}
    for d in indents or [0]:
        scores = [
            (0.0 if lines[i].role else line_score(lines[i], d)) - gaps[k] for k, i in enumerate(alive)
        ]
        lo, hi = best_region(scores)
        regions[d] = (sum(scores[lo:hi]), lo, hi)
    best_d = max(regions, key=lambda d: (regions[d][0], -d))
    _, lo, hi = regions[best_d]
    # An article split over two containers (a lead block, then a "continue reading"
    # wrapper): take a region of another indentation that ends just above this one.
    # Only upwards: below an article sit disclaimers and teasers that read alike.
    for d, (total, lo2, hi2) in regions.items():
        if d == best_d or not _continues(page, alive, lo2, hi2, total):
            continue
        if 0 <= lo - hi2 <= _CONTINUATION_GAP:
            lo = lo2
    return lo, hi


_GAP_COST = 0.5
_GAP_COST_MAX = 10.0


def _gap_costs(page: TextPage, alive: list[int]) -> list[float]:
    """What the lines other cleaners dropped just before each live line still cost.

    A menu or a dialog that went already still separates what stood on either side
    of it; half a point per dropped line, at most ten, keeps that separation.
    """
    out: list[float] = []
    prev = -1
    for i in alive:
        dropped = sum(1 for j in range(prev + 1, i) if not page.lines[j].alive)
        out.append(min(_GAP_COST_MAX, _GAP_COST * dropped) if prev >= 0 else 0.0)
        prev = i
    return out


_CONTINUATION_GAP = 3
_CONTINUATION_SCORE = 60.0
_CONTINUATION_PARAGRAPHS = 2


def _continues(page: TextPage, alive: list[int], lo: int, hi: int, total: float) -> bool:
    """A region that reads as article text: strong, several paragraphs, not teasers."""
    if total < _CONTINUATION_SCORE or hi <= lo:
        return False
    lines = [page.lines[i] for i in alive[lo:hi]]
    prose = [ln for ln in lines if ln.is_prose]
    if len(prose) < _CONTINUATION_PARAGRAPHS or any(ln.is_timestamp for ln in lines):
        return False
    return len(prose) >= 0.6 * len(lines) and sum(ln.weight for ln in prose) / len(prose) >= 15


def body_region(page: TextPage) -> None:
    """Lines outside the article's region (navigation, sidebars, footers).

    After the word-based cleaners, the article is the stretch of the dump where prose
    outweighs everything else: each line scores its weight when it reads as running
    text and a cost otherwise, and the stretch with the largest total wins (the body
    text extraction idea of Finn et al., over lines instead of tags). Only prose at
    one indentation counts, the one giving the strongest region, since layout dumps
    indent each container of the page differently. When no byline or date line was
    found just above that region, they (and the title) are looked for there again.
    Sub-headlines between the byline or date and that region are kept with it. Lines
    before and after go; the title, byline and date lines stay.
    """
    alive = page.alive()
    if not alive:
        return
    lo, hi = _best_container_region(page, alive)
    if hi <= lo:
        return
    refind_facts(page, [page.lines[i] for i in alive], lo)
    lo = _with_deck(page, alive, lo)
    hi = _with_announced_list(page, alive, hi)
    page.drop(alive[:lo], "before the article")
    page.drop(alive[hi:], "after the article")
