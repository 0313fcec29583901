"""Text helpers shared by cleaners and extractors: whitespace, CJK-aware lengths, previews,
and case-insensitive patterns tried only on texts holding one of their hints."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from .regex_cache import rx
from .regex_trie import Union, trie

_SPACE_RE = rx(r"[\s\u00a0\u200b\u3000\ufeff]+")
_CJK_RE = rx(
    r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_WORD_RE = rx(r"\w+")
ASCII_NONWORD = "".join(chr(c) for c in range(128) if not (chr(c).isalnum() or chr(c) == "_"))
r"""The ASCII characters that are not word characters (what ``\W`` matches among them)."""
# deleted from ASCII or UTF-8 bytes by ``bytes.translate``, many times faster than the regex (no
# byte of a longer UTF-8 sequence is ASCII)
_ASCII_NONWORD_BYTES = ASCII_NONWORD.encode("ascii")
_ASCII_LOWER = bytes(range(256)).lower()  # a ``bytes.translate`` table: A-Z to a-z


def squash(text: str) -> str:
    """Collapse runs of whitespace (including NBSP and ideographic space) into one space."""
    if "\u200b" in text or "\ufeff" in text:
        return _SPACE_RE.sub(" ", text).strip()
    return " ".join(text.split())  # str.split knows every other space the pattern does


def cjk_count(text: str) -> int:
    """Number of Chinese, Japanese and Korean characters in ``text``."""
    return 0 if text.isascii() else len(_CJK_RE.findall(text))


def weight(text: str) -> int:
    """A length that treats CJK and alphabetic scripts alike.

    One word of a space-separated language carries about as much as two CJK
    characters, so word counts are used for the rest and CJK characters count half.
    """
    cjk = cjk_count(text)
    if not cjk:
        return len(text.split())
    rest = _CJK_RE.sub(" ", text)
    return cjk // 2 + len(rest.split())


def is_cjk(text: str) -> bool:
    """True when most letters of ``text`` are CJK."""
    letters = sum(1 for ch in text if ch.isalpha())
    return letters > 0 and cjk_count(text) * 2 >= letters


def tokens(text: str) -> list[str]:
    """Word tokens as the benchmark metric counts them."""
    return _WORD_RE.findall(text)


def preview(text: str, limit: int = 80) -> str:
    """A one-line preview of ``text``, cut at ``limit`` characters."""
    flat = squash(text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def fold(text: str) -> str:
    """A comparison key: NFKC, lower case, only letters and digits."""
    # NFKC keeps ASCII as it is, and ASCII is lower-cased by the same C pass that trims it
    norm = text if text.isascii() else unicodedata.normalize("NFKC", text).lower()
    if norm.isascii():  # deleting bytes is several times faster than ``str.translate``'s table
        return norm.encode("ascii").translate(_ASCII_LOWER, _ASCII_NONWORD_BYTES).decode("ascii")
    # the ASCII separators go first, in C: the regex then joins a few long runs, not every word
    utf8 = norm.encode("utf-8", "surrogatepass").translate(None, _ASCII_NONWORD_BYTES)
    return "".join(_WORD_RE.findall(utf8.decode("utf-8", "surrogatepass")))


class Hinted:
    """A case-insensitive pattern searched only in texts that hold one of its hints.

    Each hint is a piece every match of the pattern holds (casefolded): a text without any
    of them cannot match, which ``in`` tells far faster than a case-insensitive search.
    """

    def __init__(self, pattern: re.Pattern[str], hints: Iterable[str]) -> None:
        self.pattern = pattern
        self.hints = tuple(h.casefold() for h in hints)
        # past a few hints, one search for all of them (merged as a trie) beats one ``in`` each
        self._any_hint = rx(_hint_regex(self.hints)) if len(self.hints) > _FEW_HINTS else None
        if self._any_hint is not None:  # only these ask the search of every such pattern's hints
            _ALL_HINTS.update(self.hints)
            _ANY_HINT.grown()

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        folded = _casefolded(text)
        if self._any_hint is None:  # a few hints: an ``in`` each is cheaper than any regex
            if not any(h in folded for h in self.hints):
                return None
        # the search for every pattern's hints is remembered per text: several cleaners read
        # the same short blocks
        elif not _ANY_HINT.holds(folded) or self._any_hint.search(folded) is None:
            return None
        return self.pattern.search(text, pos)


_FEW_HINTS = 3
# The hints of every :class:`Hinted` pattern of more than a few, and one search for them all.
_ALL_HINTS: set[str] = set()


def _hint_regex(hints: Iterable[str]) -> str:
    return trie(((h, "") for h in sorted(set(hints))), {"": ""})


_ANY_HINT = Union(
    lambda: _hint_regex(h for h in _ALL_HINTS if h.isascii()),
    wide=lambda: _hint_regex(h for h in _ALL_HINTS if not h.isascii()),
    remembered=4096,
)


@functools.lru_cache(maxsize=4096)
def _casefolded(text: str) -> str:
    # the same short texts are read by several cleaners in a row
    return text.casefold()
