"""Drop comment threads: everything from a comment section's heading to the end of the dump."""

from __future__ import annotations

import re

from ...phrases import COMMENT_NOUNS, phrase_regex
from ...regex_cache import rx
from ..page import TextPage
from .body_region import best_region, line_score

_NOUN_RE = phrase_regex(COMMENT_NOUNS, whole=False)
# "jdoe says:", "Anna schreibt:", "Pierre a écrit :" — the signature over each comment.
_SIGNATURE_RE = rx(
    r"^.{1,50}?\s(?:says|schreibt|a écrit|dice|escribió|написал)\s*:$",
    re.IGNORECASE,
)
_MIN_ARTICLE_SCORE = 80
_THREAD_LOOKAHEAD = 40
_THREAD_STAMPS = 3
_MIN_SIGNATURES = 4


_FILLER_RE = rx(r"[^\W\d_]+")


def _is_heading(text: str, weight: int) -> bool:
    """A short, unpunctuated line built on a comment noun: "34 Comments", "댓글 3".

    Besides the noun and numbers it may hold four more words ("Top rated comments",
    "Read all comments"), not a headline that merely contains the noun.
    """
    if weight > 6 or text.rstrip().endswith((".", "!", "。")):
        return False
    if not _NOUN_RE.search(text):
        return False
    return len(_FILLER_RE.findall(_NOUN_RE.sub(" ", text))) <= 4


def _region_score(page: TextPage, indices: list[int]) -> float:
    scores = [0.0 if page.lines[i].role else line_score(page.lines[i]) for i in indices]
    lo, hi = best_region(scores)
    return sum(scores[lo:hi])


def comment_threads(page: TextPage) -> None:
    """Comment threads: from the comment section's heading to the end of the dump.

    Readers' comments are prose too, so the region finder alone would take them for
    more article. A comment section opens with a short heading built on a word such as
    "comments" ("34 Comments", "Top rated comments", "댓글 3") or with a run of
    signatures ("jdoe says:"). The first such opening that follows an article-like
    stretch of prose (scored as ``body_region`` scores it) starts the cut when that
    stretch is at least half as strong as anything after it, or when what follows is
    stamped like a thread (several "2 days ago" lines); a "12 comments" link under
    the headline or in the navigation does not count. Every later line goes.
    """
    lines = page.lines
    signatures = [i for i, ln in enumerate(lines) if _SIGNATURE_RE.match(ln.text)]
    first_signature = signatures[0] if len(signatures) >= _MIN_SIGNATURES else -1
    alive = page.alive()
    for i, ln in enumerate(lines):
        # Headings other cleaners dropped already (a "0 comments" counter) still open a section.
        if i != first_signature and (ln.cell or not _is_heading(ln.text, ln.weight)):
            continue
        before = [j for j in alive if j < i]
        after = [j for j in alive if j > i]
        score = _region_score(page, before)
        if score < _MIN_ARTICLE_SCORE:
            continue
        stamped = sum(1 for j in after[:_THREAD_LOOKAHEAD] if lines[j].is_timestamp)
        if stamped >= _THREAD_STAMPS or score >= 0.5 * _region_score(page, after):
            page.drop(range(i, len(lines)), f"comment section from {ln.text[:30]!r}")
            return
