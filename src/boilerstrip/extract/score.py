"""Scores elements as the article's container: text density, link density, position, names.

Paragraph-like elements give points to their parent and grandparent (the idea of
Arc90's Readability); class/id names add or subtract; links discount.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from lxml.html import HtmlElement

from .. import size_table
from ..page import Page
from ..regex_cache import rx
from ..textutil import cjk_count
from ..trees import text_content

_POSITIVE = rx(
    r"article|body|content|entry|main|post|story|text|blog|news[-_]?(?:view|body|text|cont)|본문|"
    r"detail|column|paragraph|prose|rich-?text"
)
_NEGATIVE = rx(
    r"comment|meta|footer|footnote|foot|sidebar|widget|related|recommend|popular|share|social|sponsor|"
    r"promo|ad-|advert|banner|nav|menu|header|masthead|breadcrumb|combx|contact|shoutbox|tag|"
    r"hidden|modal|popup|subscribe|newsletter|author|byline|login|teaser|card|list"
)
_PARA_TAGS = frozenset({"p", "pre", "td", "blockquote", "dd", "li", "h2", "h3"})
_DIV_TAGS = frozenset({"div", "section", "article", "main", "span", "font", "center", "td"})
_BLOCK_CHILD = frozenset(
    {"p", "div", "section", "article", "ul", "ol", "table", "blockquote", "pre", "h1", "h2", "h3", "h4",
     "h5", "h6", "figure", "dl", "form", "header", "footer", "aside", "main", "nav"}
)
_COMMAS = ",，、،;"
_LIST_ITEM_WEIGHT = 0.5
# Content points an element needs before its class/id name counts in full.
_CONTENT_FOR_FULL_NAME = 15.0
# Letters a paragraph needs before it counts; CJK characters count three times (one carries a word).
_MIN_PARA = 25


class Candidate(NamedTuple):
    el: HtmlElement
    score: float


def effective_size(text: str) -> int:
    """Letters, with CJK characters counted three times as much as alphabetic letters."""
    return len(text) + 2 * cjk_count(text)


def class_weight(el: HtmlElement) -> float:
    key = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if not key.strip():
        return 0.0
    weight = 0.0
    if _POSITIVE.search(key):
        weight += 25
    if _NEGATIVE.search(key):
        weight -= 25
    return weight


def _own_text(el: HtmlElement) -> str:
    """The text of ``el`` that is not inside a block-level child."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _BLOCK_CHILD:
            parts.append(text_content(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


class Paragraph(NamedTuple):
    """A paragraph-like element and what scoring reads of its text (not the text itself:
    on a long page all of them together would be a second copy of the page)."""

    el: HtmlElement
    length: int
    """Characters of its whitespace-squashed text."""
    size: int
    """:func:`effective_size` of that text."""
    commas: int


def paragraphs(page: Page) -> list[Paragraph]:
    """Paragraph-like elements under the body, with the figures of their text: read in C when
    this install built the size table's module (:mod:`boilerstrip.size_table`), else
    :func:`read_paragraphs`."""
    native = size_table.compiled
    if native is None:
        return read_paragraphs(page.body)
    found: list[Paragraph] = native.paragraph_figures(
        page.body, _PARA_TAGS, _DIV_TAGS, _BLOCK_CHILD, _MIN_PARA, Paragraph
    )
    return found


def read_paragraphs(top: HtmlElement, minimum: int = _MIN_PARA) -> list[Paragraph]:
    """Paragraph-like elements under ``top`` (itself included) of ``minimum`` size or more,
    with the figures of their text."""
    out = []
    for el in top.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in _PARA_TAGS:
            text = " ".join(text_content(el).split())
        elif tag in _DIV_TAGS:
            text = _own_text(el)
        else:
            continue
        size = effective_size(text)
        if size >= minimum:
            out.append(Paragraph(el, len(text), size, sum(map(text.count, _COMMAS))))
    return out


def squashed_len(text: str) -> int:
    """``len(" ".join(text.split()))``, without the list of every word of a long text (ten
    times the text's memory)."""
    if len(text) <= _SLICE:
        return len(" ".join(text.split()))
    return _pieces_len(text[i : i + _SLICE] for i in range(0, len(text), _SLICE))


def text_len(el: HtmlElement, size: int) -> int:
    """``squashed_len(text_content(el))``; an element of ``size`` letters or more is read
    in slices of its text nodes instead of as one string."""
    if size < _LONG:
        return squashed_len(text_content(el))
    return _pieces_len(_joined(el.itertext()))


def _joined(pieces: Iterable[str]) -> Iterator[str]:
    """``pieces`` joined into strings of about :data:`_SLICE` characters."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= _SLICE:
            yield "".join(batch)
            batch, length = [], 0
    if batch:
        yield "".join(batch)


def _pieces_len(pieces: Iterable[str]) -> int:
    """The squashed length of the concatenation of ``pieces``."""
    letters = words = 0
    open_word = False  # the text so far ends inside a word
    for piece in pieces:
        if not piece:
            continue
        parts = piece.split()
        if not parts:
            open_word = False
            continue
        letters += sum(map(len, parts))
        words += len(parts)
        if open_word and not piece[0].isspace():
            words -= 1  # one word cut in two by the boundary between pieces
        open_word = not piece[-1].isspace()
    return letters + words - 1 if words else 0


# Characters read, split and counted at a time: the words of a slice (ten times its memory)
# stay a few tens of KB, far under the peak memory of a long page.
_SLICE = 1 << 12
# Letters from which an element's text is read node by node rather than as one string.
_LONG = 1 << 16


def link_share(el: HtmlElement, size: int) -> float:
    if not size:
        return 0.0
    linked = sum(len(" ".join(text_content(a).split())) for a in el.iter("a"))
    return min(linked / size, 1.0)


class Scores:
    """The scores of the elements that received points, each discounted by its link share.

    The discount reads the element's whole text; it never raises a score, so an element
    whose score before it (or zero) is below a score already known cannot beat it: the
    discount is worked out only where it can change an answer.
    """

    def __init__(self, page: Page, paras: list[Paragraph] | None = None) -> None:
        self.page = page
        points = _points(paras if paras is not None else paragraphs(page))
        self._raw: dict[HtmlElement, float] = {el: _weighted(el, content, len(points)) for el, content in points.items()}
        self._final: dict[HtmlElement, float] = {}

    def elements(self) -> list[HtmlElement]:
        """The elements that received points, in the order they first did."""
        return list(self._raw)

    def of(self, el: HtmlElement) -> float:
        """The score of ``el`` (0 for an element that received no points)."""
        raw = self._raw.get(el)
        if raw is None:
            return 0.0
        score = self._final.get(el)
        if score is None:
            size = text_len(el, self.page.size(el))
            score = self._final[el] = raw * (1.0 - link_share(el, size))
        return score

    def at_least(self, el: HtmlElement, threshold: float) -> bool:
        """``of(el) >= threshold``."""
        raw = self._raw.get(el)
        if raw is not None and max(raw, 0.0) < threshold:
            return False
        return self.of(el) >= threshold

    def best(self) -> Candidate | None:
        """The best-scored element, the first to receive points among equals (the head of
        :meth:`elements` sorted by :meth:`of`, stably); None when no element received points."""
        best: Candidate | None = None
        order = {el: i for i, el in enumerate(self._raw)}
        for el, raw in sorted(self._raw.items(), key=lambda item: -max(item[1], 0.0)):
            if best is not None and max(raw, 0.0) < best.score:
                break  # neither this one nor any after it can reach the best
            score = self.of(el)
            if best is None or score > best.score or (score == best.score and order[el] < order[best.el]):
                best = Candidate(el, score)
        return best


def _points(paras: list[Paragraph]) -> dict[HtmlElement, float]:
    """Points each element receives from the paragraphs under it (Readability's idea)."""
    scores: dict[HtmlElement, float] = {}
    for el, _length, size, commas in paras:
        parent = el.getparent()
        if parent is None:
            continue
        points = 1.0 + commas + min(size / 100.0, 3.0)
        if el.tag == "li":
            points *= _LIST_ITEM_WEIGHT  # items of a list are often teasers, seldom the story
        if el.tag in _DIV_TAGS and el.tag != "td":
            # text written straight into a container: the container itself is the candidate
            parent = el
        for depth, anc in enumerate([parent, *list(parent.iterancestors())[:2]]):
            scores[anc] = scores.get(anc, 0.0) + points / (1, 2, 3)[depth]
    return scores


def _weighted(el: HtmlElement, content: float, candidates: int) -> float:
    """``el``'s points with its name and tag counted, before the link discount."""
    # a name counts in proportion to the content behind it: a tiny "post-*" box gains little
    score = content + class_weight(el) * min(1.0, content / _CONTENT_FOR_FULL_NAME)
    score += 5.0 if el.tag in ("div", "article", "main") else 0.0
    if el.tag in ("html", "body") and candidates > 1:
        score *= 0.5
    return score
