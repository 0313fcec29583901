"""The title (metadata first, then ``<title>`` without its site-name part) and the visible headline."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from ..page import PageMeta
from ..regex_cache import rx
from ..textutil import fold, is_cjk, squash
from ._dom import class_id, in_foreign_zone, is_hidden, text_of

_SEPARATORS_RE = rx(r"\s+(?:\||-|–|—|::|»|«|·|•|/|\\|:)\s+|\s*(?:\||_|｜|︱)\s*")
_HEADLINE_CLASS_RE = rx(
    r"headline|entry-title|post-title|article-title|(?:^|\s)title(?:\s|$)|tit_?view|news_?title|subject"
)


# Elements that may be marked as the headline: ``itemprop=headline``, or a div, p, span,
# strong or header whose class or id says "title", "headline" or "subject".
_MARKABLE_TAGS = frozenset({"div", "p", "span", "strong", "header"})
_CLASS_HINTS = ("itle", "eadline", "tit", "ubject", "TITLE", "HEADLINE")
_ID_HINTS = ("itle", "eadline")


def _marked_headlines(root: HtmlElement) -> Iterator[HtmlElement]:
    """In document order (a walk in Python is several times faster than the same XPath)."""
    for el in root.iter(etree.Element):
        if el.get("itemprop") == "headline":
            yield el
        elif el.tag in _MARKABLE_TAGS:
            cls = el.get("class") or ""
            ident = el.get("id") or ""
            if any(h in cls for h in _CLASS_HINTS) or any(h in ident for h in _ID_HINTS):
                yield el


def site_words(meta: PageMeta, url: str | None) -> set[str]:
    """Folded names of the site: og:site_name, publisher, and the host name without www/TLD."""
    out: set[str] = set()
    if meta.site_name:
        out.add(fold(meta.site_name))
        for part in _SEPARATORS_RE.split(meta.site_name):
            if part and len(fold(part)) > 3:
                out.add(fold(part))
    for name in (url, meta.canonical):
        if name:
            try:
                host = urlsplit(name).hostname or ""
            except ValueError:  # a malformed address ("http://[if IE]/") names no site
                continue
            parts = [p for p in host.split(".") if p not in ("www", "m", "com", "org", "net", "co")]
            for p in parts:
                if len(p) > 2:
                    out.add(fold(p))
            if parts:
                out.add(fold("".join(parts)))
    out.discard("")
    return out


def clean_title(raw: str, sites: set[str]) -> str:
    """``<title>`` without a leading or trailing site-name part."""
    title = squash(raw)
    parts = [p for p in _SEPARATORS_RE.split(title) if p and p.strip()]
    if len(parts) < 2:
        return title
    # drop parts naming the site
    kept = [p for p in parts if not _names_site(p, sites)]
    if kept and len(kept) < len(parts):
        if len(kept) == 1:
            return kept[0].strip()
        return _rejoin(title, kept)
    # otherwise drop a short trailing part when the first part is a real title
    first, last = parts[0], parts[-1]
    if len(parts) == 2 and _size(first) >= 4 and _size(last) <= 3 and _size(last) < _size(first):
        return first.strip()
    return title


def _rejoin(title: str, kept: list[str]) -> str:
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if start >= 0 and end > start else " ".join(kept)


def _size(text: str) -> int:
    return len(text) // 2 if is_cjk(text) else len(text.split())


def _names_site(part: str, sites: set[str]) -> bool:
    key = fold(part)
    return bool(key) and any(
        key == s or (len(s) > 3 and key.startswith(s) and len(key) - len(s) < 6) for s in sites
    )


def similarity(a: str, b: str, *, at_most: bool = False) -> float:
    """How alike two titles are, 0..1, on folded text (containment counts high).

    With ``at_most``, a bound that the similarity never exceeds, found without aligning the
    two texts (the costly step): a heading that cannot beat the best so far is not aligned.
    """
    fa, fb = _folded(a), _folded(b)
    if not fa or not fb:
        return 0.0
    if fa == fb:
        return 1.0
    short, long_ = sorted((fa, fb), key=len)
    if short in long_:
        return 0.5 + 0.5 * len(short) / len(long_)
    # cheap bound first: titles that share few character pairs are not alike
    pairs_a, pairs_b = _pairs(fa), _pairs(fb)
    if not pairs_a or not pairs_b:
        return 0.0
    shared = len(pairs_a & pairs_b) / min(len(pairs_a), len(pairs_b))
    if shared < 0.5:
        return shared / 2
    la, lb = min(len(fa), 300), min(len(fb), 300)
    if at_most:
        return 2 * min(la, lb) / (la + lb)  # the ratio's matches are at most the shorter text
    return 2 * matched(fa[:300], fb[:300]) / (la + lb)


def matched(a: str, b: str) -> int:
    """Characters of ``a`` and ``b`` paired by Ratcliff and Obershelp's "gestalt" matching: the
    longest common run, then the same on each side of it, recursively.

    The longest run is the leftmost in ``a`` (then in ``b``) among the longest ones, so that
    ``2 * matched(a, b) / (len(a) + len(b))`` is ``difflib.SequenceMatcher(None, a, b,
    autojunk=False).ratio()`` (tests check it), here compiled rather than interpreted.
    """
    where: dict[str, list[int]] = {}  # the positions in ``b`` of each character, ascending
    for j, ch in enumerate(b):
        found = where.get(ch)
        if found is None:
            where[ch] = [j]
        else:
            found.append(j)
    total = 0
    todo = [(0, len(a), 0, len(b))]
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        i, j, k = _longest_run(a, where, alo, ahi, blo, bhi)
        if k:
            total += k
            if alo < i and blo < j:
                todo.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                todo.append((i + k, ahi, j + k, bhi))
    return total


def _longest_run(
    a: str, where: dict[str, list[int]], alo: int, ahi: int, blo: int, bhi: int
) -> tuple[int, int, int]:
    """``(i, j, k)``: ``a[i:i+k] == b[j:j+k]`` the longest run within ``a[alo:ahi]`` and
    ``b[blo:bhi]``, the first to end in ``a`` (then in ``b``) of the longest ones."""
    best_i, best_j, best = alo, blo, 0
    ending: dict[int, int] = {}  # length of the common run ending at a[i - 1] and b[j]
    for i in range(alo, ahi):
        now: dict[int, int] = {}
        places = where.get(a[i])
        if places is None:
            ending = now
            continue
        for j in places:
            if j < blo:
                continue
            if j >= bhi:
                break
            k = now[j] = ending.get(j - 1, 0) + 1
            if k > best:
                best_i, best_j, best = i - k + 1, j - k + 1, k
        ending = now
    return best_i, best_j, best


# A page's titles are compared with each of its headings, and each heading with each title:
# their folded forms and character pairs are made once.
@functools.lru_cache(maxsize=2048)
def _folded(text: str) -> str:
    return fold(text)


@functools.lru_cache(maxsize=2048)
def _pairs(folded: str) -> frozenset[str]:
    return frozenset(folded[i : i + 2] for i in range(len(folded) - 1))


def pick_title(
    meta_candidates: list[str | None], html_title: str | None, sites: set[str]
) -> str | None:
    """The article's title from metadata, else from ``<title>``.

    A metadata title that shares little with ``<title>`` (a JSON-LD "headline" that is
    really a description) is passed over for the next one.
    """
    cleaned = [clean_title(c, sites) for c in meta_candidates if c]
    cleaned = [c for c in cleaned if c]
    page_title = clean_title(html_title, sites) if html_title else None
    if page_title:
        for cand in cleaned:
            if similarity(cand, page_title) >= 0.5:
                return cand
        if cleaned and (_names_site(page_title, sites) or len(page_title) < 4):
            return cleaned[0]
        return page_title
    return cleaned[0] if cleaned else None


def _titles(root: HtmlElement, meta: PageMeta) -> list[str]:
    """Every title the page declares: ours, og/twitter titles, JSON-LD headline, ``<title>``."""
    out = [meta.title] if meta.title else []
    for key in ("og:title", "twitter:title", "dc.title"):
        value = meta.metas.get(key)
        if value and value not in out:
            out.append(value)
    for item in meta.jsonld:
        value = item.get("headline")
        if isinstance(value, str) and value.strip() and value not in out:
            out.append(value)
    for el in root.iter("title"):
        if el.text and el.text.strip() and el.text not in out:
            out.append(el.text)
        break
    return out


def find_headline(root: HtmlElement, meta: PageMeta) -> HtmlElement | None:
    """The visible ``<h1>`` (or other heading) that matches the page title best.

    Headings are tried first; elements marked as headlines by class, id or
    ``itemprop`` only when no heading matches a declared title well. When nothing
    matches (an SEO title unlike the printed one), the page's only substantial
    ``<h1>`` outside menus, sidebars and footers is taken.
    """
    titles = _titles(root, meta)
    best: HtmlElement | None = None
    best_score = 0.0
    h1s: list[HtmlElement] = []
    for phase in (0, 1):
        found = root.iter("h1", "h2", "h3") if phase == 0 else _marked_headlines(root)
        for el in found:
            tag = el.tag
            if phase == 1:
                if tag in ("h1", "h2", "h3"):
                    continue
                ci = class_id(el)
                if not (el.get("itemprop") == "headline" or (ci and _HEADLINE_CLASS_RE.search(ci))):
                    continue
                if len(el) > 3:
                    continue
            text = text_of(el)
            if not text or len(text) > 400:
                continue
            if tag == "h1":
                if is_hidden(el):
                    continue
                h1s.append(el)
            if not titles:
                continue
            penalty = 0.0 if tag == "h1" else 0.05
            if max(similarity(text, t, at_most=True) for t in titles) - penalty <= best_score + 1e-9:
                continue  # cannot be the best
            score = max(similarity(text, t) for t in titles) - penalty
            if score <= best_score + 1e-9:
                continue  # not the best, shown or not
            if tag != "h1" and is_hidden(el):
                continue
            if in_foreign_zone(el):
                score -= 0.3
            if score > best_score + 1e-9:
                best, best_score = el, score
        if best_score >= 0.85 or not titles:
            break
    if best is not None and best_score >= 0.6:
        return best
    usable = [h for h in h1s if _size(text_of(h)) >= 3 and not in_foreign_zone(h)]
    if len(usable) == 1:
        return usable[0]
    return None
