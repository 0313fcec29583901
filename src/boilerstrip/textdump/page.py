"""The working state of one plain-text dump while the line cleaners run over it.

A dump is split into *lines*: one per non-blank input line, or one per paragraph when
the dump is hard-wrapped (``lynx -dump`` style, see :func:`unwrap_paragraphs`). Each
line keeps its input line numbers, its indentation and whether it carried a bullet, so
the cleaners can reason about layout, not only about words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..article import Drop
from ..regex_cache import rx
from ..textutil import preview, squash, weight
from .dates import AGO_RE, parse_date

# A list marker at the start of a line: "*", "•", "-", "·", "◦", "▪", "►", "»", "1." ...
_BULLET_RE = rx(r"^(?:[*+•◦▪▫●○■□►▸‣·»\-–]|\d{1,2}[.)])\s+")
# Sentence-final punctuation, allowing closing quotes and brackets after it.
_END_RE = rx(r"[.!?。！？…:;](?:[\"'”’»」』)\]）]*)$")
# A run of text without a gap of six or more spaces: layout dumps render table columns
# side by side on one line, and each column is its own line here, indented to its column.
_SEGMENT_RE = rx(r"\S+(?: {1,5}\S+)*")
_ROW_RE = rx(r"\S.*\S|\S")
_LONG_CELL = 40


def _columns(segments: list[re.Match[str]]) -> bool:
    """Whether the wide gaps of a line part layout columns rather than table cells.

    Side-by-side columns hold running text (one long part) or two blocks; a data
    table row has three or more short cells and stays one line.
    """
    if len(segments) < 2:
        return False
    if any(len(s.group(0)) >= _LONG_CELL for s in segments):
        return True
    return len(segments) == 2


_INNER_PUNCT_RE = rx(r"[,.;:，、。；](?:\s|$)|[，、。；]")


_WORDS_RE = rx(r"[^\W\d_]+")
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "vs", "via", "de", "la", "le", "les", "des", "du", "et", "en", "el", "los", "las", "y", "der", "die", "das", "und", "von", "zu", "im", "mit"]
)


def _title_cased(text: str) -> bool:
    """Eight or more words, nearly all of them (small words aside) capitalised."""
    words = [w for w in _WORDS_RE.findall(text) if w.lower() not in _SMALL_WORDS]
    if len(words) < 8 or not any(c.isupper() for c in text):
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.85 * len(words)


@dataclass
class Line:
    """One line (or unwrapped paragraph) of the dump."""

    first: int
    last: int
    text: str
    indent: int
    bullet: bool
    blank_before: bool
    alive: bool = True
    role: str = ""
    cell: bool = False  # one of several columns of one input line (a table row, a layout grid)

    @cached_property
    def weight(self) -> int:
        return int(weight(self.text))

    @cached_property
    def ends_sentence(self) -> bool:
        return bool(_END_RE.search(self.text))

    @cached_property
    def is_prose(self) -> bool:
        """Reads like running text: long enough and punctuated like sentences.

        A long line needs a mark every forty words or so (a joined list of countries
        or tags has none), and a line whose words are nearly all capitalised is a
        headline or a row of names, not a sentence.
        """
        w = self.weight
        if w < 8:
            return False
        marks = len(_INNER_PUNCT_RE.findall(self.text)) + (1 if self.ends_sentence else 0)
        if w >= 40 and marks < w / 40:
            return False
        if _title_cased(self.text):
            return False
        if self.ends_sentence:
            return True
        return w >= 15 and (marks >= 2 or (w >= 25 and marks >= 1))

    @cached_property
    def is_timestamp(self) -> bool:
        """A short line that is mostly a date or a relative time: the mark of a list of items."""
        return (
            self.weight <= 10
            and not self.ends_sentence
            and bool(AGO_RE.search(self.text) or parse_date(self.text))
        )

    @property
    def span(self) -> str:
        return f"line {self.first}" if self.first == self.last else f"line {self.first}-{self.last}"


def split_lines(text: str) -> list[Line]:
    """Turn dump text into :class:`Line` objects, dropping blank lines but noting them."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[Line] = []
    blank = True
    for no, raw in enumerate(raw_lines, start=1):
        expanded = raw.replace("\t", "    ").replace("\u00a0", " ").replace("\u3000", " ")
        segments = list(_SEGMENT_RE.finditer(expanded))
        if not segments:
            blank = True
            continue
        if not _columns(segments):
            row = _ROW_RE.search(expanded)
            segments = [row] if row else []
        for seg in segments:
            flat = squash(seg.group(0))
            bullet = False
            while True:
                m = _BULLET_RE.match(flat)
                if not m or len(flat) == m.end():
                    break
                bullet = True
                flat = flat[m.end():]
            out.append(Line(no, no, flat, seg.start(), bullet, blank, cell=len(segments) > 1))
            blank = False
    return unwrap_paragraphs(out)


def _is_hard_wrapped(lines: list[Line]) -> int:
    """The wrap width when the dump is hard-wrapped at a fixed column, else 0."""
    lengths = [len(ln.text) + ln.indent for ln in lines]
    if len(lengths) < 6:
        return 0
    width = max(lengths)
    if width > 110:
        return 0
    near = sum(1 for n in lengths if n >= width - 14)
    return width if near >= 0.4 * len(lengths) else 0


def _joins(prev: Line, ln: Line) -> bool:
    """Whether ``ln`` may continue ``prev``: no blank between, no bullet, same indent."""
    return not ln.blank_before and not ln.bullet and abs(ln.indent - prev.indent) <= 3


def _mid_sentence(prev: str, nxt: str) -> bool:
    """A break that falls inside a sentence: the next line starts in lower case, or the
    previous one ends with a comma, a hyphen or an opening bracket."""
    return nxt[:1].islower() or prev.endswith((",", ";", "-", "–", "(", "—"))


def _wrapped_run(run: list[Line]) -> bool:
    """A run of lines that is one paragraph wrapped at a fixed column.

    Every line but the last reaches within 15 columns of the run's widest line (at most
    100 columns), and most breaks fall inside a sentence, which a list of short items
    or headlines does not do.
    """
    if len(run) < 2:
        return False
    widths = [len(x.text) + x.indent for x in run]
    width = max(widths)
    if not 40 <= width <= 100 or any(w < width - 15 for w in widths[:-1]):
        return False
    mids = sum(1 for a, b in zip(run, run[1:], strict=False) if _mid_sentence(a.text, b.text))
    return mids * 2 >= len(run) - 1


def _merge(run: list[Line]) -> Line:
    head = run[0]
    head.text = " ".join(x.text for x in run)
    head.last = run[-1].last
    return head


def unwrap_paragraphs(lines: list[Line]) -> list[Line]:
    """Join the lines of a hard-wrapped dump (or of hard-wrapped blocks) into paragraphs.

    Browser copies keep one paragraph per line, but ``lynx -dump``, mail-style text
    and ``<pre>`` blocks wrap at a fixed column. When the whole dump is wrapped, a
    line that reaches the wrap column continues into the next one when that follows
    without a blank, is not a bullet and has the same indent. Otherwise each run of
    such lines is joined when it looks wrapped on its own (see :func:`_wrapped_run`).
    """
    width = _is_hard_wrapped(lines)
    out: list[Line] = []
    if width:
        tail = 0  # visible length of the last physical line of out[-1]
        for ln in lines:
            prev = out[-1] if out else None
            if prev is not None and _joins(prev, ln) and tail >= width - 14:
                prev.text = f"{prev.text} {ln.text}"
                prev.last = ln.last
            else:
                out.append(ln)
            tail = len(ln.text) + ln.indent
        return out
    run: list[Line] = []
    for ln in lines:
        if run and _joins(run[-1], ln) and ln.indent == run[0].indent:
            run.append(ln)
            continue
        out.extend([_merge(run)] if _wrapped_run(run) else run)
        run = [ln]
    out.extend([_merge(run)] if _wrapped_run(run) else run)
    return out


class TextPage:
    """A dump split into lines, the record of what was dropped, and the facts found."""

    def __init__(self, text: str, *, url: str | None = None) -> None:
        self.url = url
        self.lines = split_lines(text)
        self.dropped: list[Drop] = []
        self.current = ""
        self.title: str | None = None
        self.byline: str | None = None
        self.date: str | None = None
        self.byline_line: str | None = None
        self.date_line: str | None = None

    # -- looking -----------------------------------------------------------------

    def alive(self) -> list[int]:
        """Indices of the lines no cleaner has dropped, in order."""
        return [i for i, ln in enumerate(self.lines) if ln.alive]

    def droppable(self, i: int) -> bool:
        ln = self.lines[i]
        return ln.alive and not ln.role

    # -- changing ----------------------------------------------------------------

    def drop(self, indices: list[int] | range, reason: str) -> int:
        """Drop the given lines, recording one :class:`Drop` per run of adjacent lines.

        Lines with a role (title, byline, date) are never dropped. Returns how many
        lines were dropped.
        """
        chosen = sorted(i for i in set(indices) if self.droppable(i))
        runs: list[list[int]] = []
        for i in chosen:
            if runs and all(not self.lines[j].alive or j in chosen for j in range(runs[-1][-1] + 1, i)):
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            first, last = self.lines[run[0]], self.lines[run[-1]]
            content = " ".join(self.lines[j].text for j in run)
            span = f"line {first.first}" if first.first == last.last else f"line {first.first}-{last.last}"
            self.dropped.append(
                Drop(
                    cleaner=self.current,
                    reason=reason,
                    path=span,
                    preview=preview(content),
                    chars=len(content),
                )
            )
            for j in run:
                self.lines[j].alive = False
        return len(chosen)
