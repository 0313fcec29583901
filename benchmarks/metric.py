"""The article-extraction-benchmark metric (Scrapinghub/Zyte), as its ``evaluate.py`` defines it.

- Tokens are ``re.findall(r"\\w+", text)``: Unicode words, case kept, punctuation dropped.
- A page's text becomes the multiset of its 4-token shingles; a text of fewer than four
  tokens gives one shorter shingle, an empty text none.
- tp counts shingles both texts share, fp the surplus in the output, fn the surplus in the
  truth; the three are normalised to sum 1 so that long pages weigh no more than short ones.
- Page precision is tp/(tp+fp) and recall tp/(tp+fn); both are 1 when fp = fn = 0.
- Corpus precision is the mean page precision over pages whose output has shingles
  (tp+fp > 0), corpus recall the mean page recall over pages whose truth has shingles
  (tp+fn > 0), and F1 the harmonic mean of those two means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SHINGLE = 4
_TOKEN = re.compile(r"\w+")


def tokens(text: str | None) -> list[str]:
    """The metric's tokens of ``text``."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of ``n``-token shingles of ``text``."""
    toks = tokens(text)
    if len(toks) < n:
        return Counter([tuple(toks)] if toks else [])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True)
class PageScore:
    """Normalised tp/fp/fn of one page, and its precision and recall."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def has_output(self) -> bool:
        return self.tp + self.fp > 0

    @property
    def has_truth(self) -> bool:
        return self.tp + self.fn > 0


def score_page(truth: str | None, output: str | None) -> PageScore:
    """Compare one page's output with its truth."""
    t, o = shingles(truth), shingles(output)
    tp = sum((t & o).values())
    fp = sum((o - t).values())
    fn = sum((t - o).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


@dataclass(frozen=True)
class CorpusScore:
    """Mean page precision and recall over a dataset, and their F1."""

    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def score_corpus(pages: Iterable[PageScore]) -> CorpusScore:
    """Corpus precision, recall and F1 exactly as the benchmark's ``evaluate.py``."""
    scores = list(pages)
    precision = _mean([s.precision for s in scores if s.has_output])
    recall = _mean([s.recall for s in scores if s.has_truth])
    return CorpusScore(precision, recall, len(scores))


# --- bylines and captions -------------------------------------------------------------

_LETTERS = re.compile(r"[^\W\d_]+")
_URL = re.compile(r"\(?\b(?:https?://|www\.)\S+\)?", re.IGNORECASE)
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
# Words a truth byline carries around the names: "By", "Written by", "Updated", dates.
_NOT_NAME_WORDS = "by par por von written edited and und avec et y last updated update at"
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())
_MONTH = rf"(?:{_MONTHS.replace(' ', '|')})"
_DATE_WORDS = re.compile(
    rf"{_MONTH}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\.?\s+{_MONTH}\.?(?:\s+\d{{4}})?"
    r"|\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\S@\S")
_DATE = re.compile(
    rf"\b(?:19|20)\d\d\b|\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\b{_MONTH}\.? \d",
    re.IGNORECASE,
)
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def name_tokens(byline: str | None) -> list[str]:
    """The name words of a truth byline: letters only, without "By", dates and URLs."""
    text = _DATE_WORDS.sub(" ", _URL.sub(" ", byline or ""))
    return [t for t in (m.casefold() for m in _LETTERS.findall(text)) if t not in _NOT_NAME]


def byline_matches(truth: str | None, found: str | None) -> bool:
    """True when every name token of ``truth`` is in ``found`` and ``found`` holds no e-mail or date."""
    want = name_tokens(truth)
    if not found or not want or _EMAIL.search(found) or _DATE.search(found):
        return False
    have = _LETTERS.findall(found.casefold())
    words, joined = set(have), "".join(have)
    return all(t in words or (_SPACELESS.search(t) and t in joined) for t in want)


def normalise(text: str | None) -> str:
    """Case-folded tokens joined by single spaces, for containment tests."""
    return " ".join(tokens((text or "").casefold()))


def contains(haystack: str, needle: str) -> bool:
    """Whether normalised ``needle`` occurs in normalised ``haystack`` on token boundaries."""
    n = normalise(needle)
    return bool(n) and f" {n} " in f" {normalise(haystack)} "


def f1_interval(pages: Sequence[PageScore], n: int = 1000, seed: int = 0) -> float:
    """Half-width of the 95% bootstrap interval of the corpus F1 (1.96 standard deviations).

    Pages are resampled with replacement ``n`` times, as the benchmark's ``evaluate.py``
    does for its ± figures; the seed is fixed so that a report can be regenerated.
    """
    import random
    import statistics

    if len(pages) < 2:
        return 0.0
    rng = random.Random(seed)
    k = len(pages)
    values = [score_corpus(rng.choices(pages, k=k)).f1 for _ in range(n)]
    return 1.96 * statistics.stdev(values)


def oracle(per_tool: Sequence[Sequence[PageScore]]) -> list[PageScore]:
    """Per page, the score of whichever tool did best on it (by page F1)."""
    return [max(scores, key=lambda s: s.f1) for scores in zip(*per_tool, strict=True)]
