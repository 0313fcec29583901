"""Tree helpers shared by the metadata readers: visibility, page zones, closeness to the headline."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from operator import itemgetter

from lxml import etree
from lxml.html import HtmlElement

from ..regex_cache import rx
from ..textutil import squash
from ..trees import drop_tree

_HIDDEN_STYLE_RE = rx(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def hiding_style(style: str) -> bool:
    """True when an inline ``style`` hides its element (``display: none``, ``visibility: hidden``).

    An ASCII style without "none" or "hidden" in any case cannot match: told without the
    case-insensitive regex (which also lets "ı" or "ſ" stand for "i" or "s", hence ASCII only).
    """
    if style.isascii():
        low = style.lower()
        if "none" not in low and "hidden" not in low:
            return False
    return _HIDDEN_STYLE_RE.search(style) is not None


_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link"})

# Zones whose bylines and dates belong to something else than this article:
# footers (copyright years), comments, related-article lists, sidebars, navigation.
_FOREIGN_TOKENS_RE = rx(
    r"(?:^|[\s_-])(?:comments?|comment-list|commentlist|replies|reply|disqus|footer|site-footer|"
    r"related|relate|recommend\w*|more-stories|morestories|popular|most-?read|ranking|"
    r"sidebar|side-bar|widget\w*|teaser-list|newsfeed|trending|copyright|breadcrumbs?|"
    r"navbar|menu|gnb|lnb|snb)(?:$|[\s_-])",
    re.IGNORECASE,
)


def class_id(el: HtmlElement) -> str:
    """``"class id"`` of ``el``, lower-cased (empty when it has neither)."""
    cls = el.get("class")
    ident = el.get("id")
    if not cls and not ident:
        return ""
    return f"{cls or ''} {ident or ''}".lower()


_HIDDEN_CLASSES = frozenset(
    {
        "hidden", "hide", "blind", "sr-only", "sr_only", "screen-reader-text", "screen-reader-only",
        "visually-hidden", "visuallyhidden", "offscreen", "invisible", "a11y-hidden", "ir_pm", "u-hidden",
    }
)  # fmt: skip


def hides_itself(el: HtmlElement) -> bool:
    """True when ``el`` itself is hidden: ``hidden``, ``aria-hidden``, a hiding style or class."""
    names = el.keys()  # its attribute names, in one call: most elements carry none of these
    if not names:
        return False
    if "hidden" in names or ("aria-hidden" in names and el.get("aria-hidden") == "true"):
        return True
    style = el.get("style") if "style" in names else None
    if style and hiding_style(style):
        return True
    if "class" not in names:
        return False
    cls = el.get("class")
    return bool(cls) and not _HIDDEN_CLASSES.isdisjoint(cls.lower().split())


def is_hidden(el: HtmlElement) -> bool:
    """True when ``el`` or an ancestor is not shown to a reader."""
    node: HtmlElement | None = el
    while node is not None:
        tag = node.tag
        if isinstance(tag, str) and tag.lower() in _SKIP_TAGS:
            return True
        if hides_itself(node):
            return True
        node = node.getparent()
    return False


_NEAR_FOREIGN_TOKENS_RE = rx(
    r"(?:^|[\s_-])(?:comments?|comment-list|commentlist|replies|reply|disqus|footer|site-footer|"
    r"copyright)(?:$|[\s_-])",
    re.IGNORECASE,
)


def in_foreign_zone(el: HtmlElement, *, near: bool = False, allow_aside: bool = False) -> bool:
    """True when ``el`` sits in a footer, comment list, related list, sidebar or menu.

    ``near`` (for elements right by the headline) only counts footers and comments:
    a byline that close is the article's even inside a wrapper named "related".
    ``<body>`` and ``<html>`` classes never count (they name the layout, not a zone).
    """
    node: HtmlElement | None = el
    while node is not None:
        tag = node.tag
        if not isinstance(tag, str) or tag in ("body", "html"):
            break
        if (
            tag == "footer"
            or (not near and tag == "nav")
            or (not near and not allow_aside and tag == "aside")
        ):
            return True
        ci = class_id(node)
        if ci and _zone_name(ci, near):
            return True
        node = node.getparent()
    return False


# keys repeat on a page and across the pages of a site: each is judged once
@functools.lru_cache(maxsize=50_000)
def _zone_name(ci: str, near: bool) -> bool:
    """True when a ``class_id`` names a zone (only footers and comments when ``near``)."""
    return (_NEAR_FOREIGN_TOKENS_RE if near else _FOREIGN_TOKENS_RE).search(ci) is not None


def is_zone(el: HtmlElement) -> bool:
    """True when ``el`` itself opens a footer, comment list, related list, sidebar or menu."""
    tag = el.tag
    if not isinstance(tag, str) or tag in ("body", "html"):
        return False
    if tag in ("footer", "nav", "aside"):
        return True
    ci = class_id(el)
    return bool(ci) and _zone_name(ci, False)


@contextmanager
def zones_cut_out(
    root: HtmlElement,
    classed: Sequence[HtmlElement] | None = None,
    sizes: Mapping[HtmlElement, int] | None = None,
) -> Iterator[HtmlElement]:
    """``root`` with every footer, comment list, related list, sidebar and menu cut out, for the
    time of a ``with`` block; put back after, each where it was, with the text around it.

    A zone's tail text stays in the page meanwhile, as ``drop_tree`` leaves it (no copy of
    the page is made: for a reader such as htmldate, which copies what it is given).
    ``classed`` (the elements carrying a class or id, in document order) with ``sizes`` (the
    page's size table) spare the walk of the whole page in Python (see :func:`zone_candidates`).
    """
    found = may_be_zone(root) if classed is None or sizes is None else zone_candidates(root, classed, sizes)
    doomed = [el for el in found if is_zone(el)]
    doomed_set = set(doomed)
    cut: list[tuple[HtmlElement, HtmlElement | None, str | None, HtmlElement]] = []
    for el in doomed:
        parent = el.getparent()
        if parent is None or any(a in doomed_set for a in el.iterancestors()):
            continue
        before = el.getprevious()
        cut.append((parent, before, parent.text if before is None else before.tail, el))
        drop_tree(el, parent)  # its tail joins the text before it; the element keeps a copy
    try:
        yield root
    finally:
        for parent, before, text, el in cut[::-1]:  # each put back into the page it left
            if before is None:
                parent.text = text
                parent.insert(0, el)
            else:
                before.tail = text
                before.addnext(el)


def zone_candidates(
    root: HtmlElement, classed: Sequence[HtmlElement], sizes: Mapping[HtmlElement, int]
) -> Sequence[HtmlElement]:
    """:func:`may_be_zone` from lists the page already has: the elements carrying a class or
    id, and, found by lxml's walk in C, the footers, navs and asides carrying neither, put in
    place by the size table's order (every element of the page as parsed, last one first)."""
    marked = set(classed)
    bare = [el for el in root.iter(*_ZONE_TAGS) if el not in marked]
    if not bare:
        return classed
    rank = {el: -i for i, el in enumerate(sizes)}
    return sorted([*classed, *bare], key=rank.__getitem__)


def may_be_zone(root: HtmlElement) -> Iterator[HtmlElement]:
    """What ``is_zone`` can say yes to, in document order: the rest of the page need not be
    asked (``//footer | //nav | //aside | //*[@class or @id]``, walked in Python: faster)."""
    for el in root.iter(etree.Element):
        if el.tag in _ZONE_TAGS or el.get("class") is not None or el.get("id") is not None:
            yield el


_ZONE_TAGS = frozenset({"footer", "nav", "aside"})


def text_of(el: HtmlElement) -> str:
    """Whitespace-squashed visible text of ``el`` (scripts, styles and hidden parts left out)."""
    return squash(visible_text(el))


def visible_text(el: HtmlElement) -> str:
    """Visible text of ``el`` as written (whitespace kept; scripts and hidden parts left out)."""
    parts: list[str] = []
    _collect(el, parts)
    return "".join(parts)


_BLOCKISH = frozenset(
    [
        "div",
        "p",
        "li",
        "td",
        "th",
        "tr",
        "time",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "address",
        "blockquote",
        "table",
    ]
)


def _collect(el: HtmlElement, parts: list[str]) -> None:
    tag = el.tag
    if not isinstance(tag, str):
        return
    tag = tag.lower()
    if tag not in _SKIP_TAGS and not hides_itself(el):
        if tag == "br":
            parts.append("\n")
            return
        block = tag in _BLOCKISH
        if block:
            parts.append(" ")
        if el.text:
            parts.append(el.text)
        for child in el:
            _collect(child, parts)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append(" ")
    # comments, PIs and skipped tags contribute nothing, but their tail is added by the caller


def near(
    root: HtmlElement,
    headline: HtmlElement | None,
    *,
    before: int,
    after: int,
    before_weight: int,
    limit: int = 3000,
) -> list[tuple[int, HtmlElement]]:
    """Elements near the headline as ``(distance, element)``, nearest first.

    ``after`` elements that follow the headline (its own subtree left out) count
    their rank as distance; ``before`` elements that precede it (its ancestors left
    out) count ``before_weight`` times their rank. Without a headline, the first
    ``limit`` elements of the page in document order.
    """
    if headline is None:
        return list(enumerate(islice(root.iter(tag=etree.Element), limit)))
    following = following_elements(headline, int(after))
    preceding = preceding_elements(headline, int(before))
    ranked = list(enumerate(following))
    count = len(preceding)
    ranked += [(before_weight * (count - i), el) for i, el in enumerate(preceding)]
    ranked.sort(key=itemgetter(0))  # stable: at equal distance, what follows comes first
    return ranked


def following_elements(el: HtmlElement, n: int) -> list[HtmlElement]:
    """The first ``n`` elements after ``el`` in document order, its own subtree left out
    (XPath's ``following::*[position() <= n]``, walked only as far as needed)."""
    out: list[HtmlElement] = []
    node: HtmlElement | None = el
    while node is not None and len(out) < n:
        for sib in node.itersiblings():
            out.extend(islice(sib.iter(etree.Element), n - len(out)))
            if len(out) >= n:
                break
        node = node.getparent()
    return out


def preceding_elements(el: HtmlElement, n: int) -> list[HtmlElement]:
    """The last ``n`` elements before ``el`` in document order, its ancestors left out
    (XPath's ``preceding::*[position() <= n]``), in document order."""
    out: list[HtmlElement] = []  # nearest first
    node: HtmlElement | None = el
    while node is not None and len(out) < n:
        for sib in node.itersiblings(preceding=True):
            out.extend(reversed(list(sib.iter(etree.Element))))
            if len(out) >= n:
                break
        node = node.getparent()
    del out[n:]
    out.reverse()
    return out


def common_article(headline: HtmlElement | None) -> HtmlElement | None:
    """The nearest ``<article>`` (or ``itemprop=articleBody``-like) ancestor of the headline."""
    if headline is None:
        return None
    for anc in headline.iterancestors():
        if anc.tag == "article" or anc.get("itemtype", "").endswith(("Article", "BlogPosting")):
            return anc
    return None


def printed_line(
    el: HtmlElement,
    headline: HtmlElement | None,
    *,
    extra: int,
    longest: int,
    stop: tuple[str, ...] = ("body", "html", "article", "main"),
) -> tuple[HtmlElement, str]:
    """Climb from ``el`` to the element holding the whole printed line (labels included).

    A parent is taken while it adds at most ``extra`` characters and stays within
    ``longest``; never a page-level container, nor one holding the headline.
    """
    text = text_of(el)
    while True:
        parent = el.getparent()
        if parent is None or parent.tag in stop:
            break
        if headline is not None and (parent is headline or headline in parent.iterdescendants()):
            break
        ptext = text_of(parent)
        if len(ptext) - len(text) > extra or len(ptext) > longest:
            break
        el, text = parent, ptext
    return el, text
