"""Drop repeated paragraphs: AI summaries of the lead, alt text that repeats a caption."""

from __future__ import annotations

from ...textutil import fold
from ..captions import credit_key, is_caption
from ..page import TextPage

_MIN_FOLDED = 12


def _bigrams(key: str) -> set[str]:
    return {key[k : k + 2] for k in range(len(key) - 1)}


def _similar(a: str, b: str) -> float:
    """Dice coefficient of the character bigrams of two folded texts."""
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


def repeated_paragraphs(page: TextPage) -> None:
    """Drop paragraphs that repeat another one, keeping the fuller copy once.

    An AI-summary widget repeats the lead paragraphs (sometimes split or cut short), a
    pull quote repeats a sentence, and an image's alt text repeats its caption without
    the punctuation. A line whose folded text (letters and digits only) is contained in
    a longer line's is dropped; of two equal copies the later one goes. A line right
    before or after a caption that reads like the caption (most of its character pairs,
    or the same photo credit at its end) is the image's alt text and goes too.
    """
    alive = page.alive()
    keys = {i: fold(page.lines[i].text) for i in alive}
    found: list[int] = []
    gone: set[int] = set()
    for i in alive:
        ki = keys[i]
        if len(ki) < _MIN_FOLDED:
            continue
        for j in alive:
            if j == i or j in gone:
                continue
            kj = keys[j]
            if len(kj) < len(ki) or (len(kj) == len(ki) and j > i):
                continue
            if ki in kj:
                found.append(i)
                gone.add(i)
                break
    page.drop(found, "repeats a fuller paragraph")

    alive = page.alive()
    alt: list[int] = []
    for pos, i in enumerate(alive):
        ln = page.lines[i]
        if not is_caption(ln.text):
            continue
        credit = credit_key(ln.text)
        cap_key = fold(ln.text)
        for npos in (pos - 1, pos + 1):
            if not 0 <= npos < len(alive):
                continue
            j = alive[npos]
            other = page.lines[j]
            if other.role or is_caption(other.text) or other.ends_sentence:
                continue
            key = fold(other.text)
            if len(key) < _MIN_FOLDED:
                continue
            if (credit and key.endswith(credit)) or _similar(key, cap_key) >= 0.6:
                alt.append(j)
    page.drop(alt, "image alt text repeating its caption")
