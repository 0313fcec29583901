"""Drop repeated paragraphs: AI summaries of the lead, alt text that repeats a caption."""

from __future__ import annotations

from bisect import bisect_right

from ...caption_text import credit_key, is_caption
from ...textutil import fold
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


def _containers(order: list[int], keys: dict[int, str]) -> dict[int, list[int]]:
    """For each line, the other lines whose folded text contains its own.

    All keys are joined into one string and searched with ``str.find``, so the
    quadratic comparison runs in C rather than in a Python loop.
    """
    joined = "\x00".join(keys[i] for i in order)
    starts: list[int] = []
    pos = 0
    for i in order:
        starts.append(pos)
        pos += len(keys[i]) + 1
    out: dict[int, list[int]] = {}
    for i in order:
        key, found = keys[i], []
        at = joined.find(key)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            j = order[k]
            if j != i:
                found.append(j)
            at = joined.find(key, starts[k] + len(keys[j]) + 1)
        out[i] = found
    return out


def repeated_paragraphs(page: TextPage) -> None:
    """Paragraphs that repeat another one; the fuller copy stays, once.

    An AI-summary widget repeats the lead paragraphs (sometimes split or cut short), a
    pull quote repeats a sentence, and an image's alt text repeats its caption without
    the punctuation. A line whose folded text (letters and digits only) is contained in
    a longer line's is dropped; of two equal copies the one among other repeats (an
    AI-summary block) goes, else the later one. Copies that follow each other back to
    back are the text's own and stay. A line right
    before or after a caption that reads like the caption (most of its character pairs,
    or the same photo credit at its end) is the image's alt text and goes too.
    """
    alive = page.alive()
    keys = {i: fold(page.lines[i].text) for i in alive}
    # A paragraph repeated back to back is the text's own (a refrain, a placeholder
    # page); only copies elsewhere are widget echoes.
    back_to_back = {
        i for a, b in zip(alive, alive[1:], strict=False) if keys[a] == keys[b] for i in (a, b)
    }
    long = [i for i in alive if len(keys[i]) >= _MIN_FOLDED and i not in back_to_back]
    # Every line that has a copy at least as full elsewhere, and those copies.
    copies = _containers(long, keys)
    repeats = {i for i, js in copies.items() if js}
    where = {i: k for k, i in enumerate(alive)}

    def echo(i: int) -> int:
        """How many close neighbours of ``i`` are repeats too (an AI summary is a block of them)."""
        near = alive[max(0, where[i] - 2) : where[i] + 3]
        return sum(1 for j in near if j != i and j in repeats)

    def fuller(j: int, i: int) -> bool:
        """Whether copy ``j`` is to be kept over ``i``."""
        a = (len(keys[j]), len(page.lines[j].text))
        b = (len(keys[i]), len(page.lines[i].text))
        if a != b:
            return a > b
        if echo(i) != echo(j):
            return echo(i) > echo(j)
        return j < i

    found: list[int] = []
    gone: set[int] = set()
    for i in long:
        if any(j not in gone and fuller(j, i) for j in copies[i]):
            found.append(i)
            gone.add(i)
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
