"""Tree helpers shared by the metadata readers: visibility, page zones, closeness to the headline."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement

from ..textutil import squash

_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link"})

# Zones whose bylines and dates belong to something else than this article:
# footers (copyright years), comments, related-article lists, sidebars, navigation.
_FOREIGN_TOKENS_RE = re.compile(
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


def is_hidden(el: HtmlElement) -> bool:
    """True when ``el`` or an ancestor is not shown to a reader."""
    node: HtmlElement | None = el
    while node is not None:
        tag = node.tag
        if isinstance(tag, str) and tag.lower() in _SKIP_TAGS:
            return True
        if node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
        style = node.get("style")
        if style and _HIDDEN_STYLE_RE.search(style):
            return True
        node = node.getparent()
    return False


_NEAR_FOREIGN_TOKENS_RE = re.compile(
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
    pattern = _NEAR_FOREIGN_TOKENS_RE if near else _FOREIGN_TOKENS_RE
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
        if ci and pattern.search(ci):
            return True
        node = node.getparent()
    return False


def is_zone(el: HtmlElement) -> bool:
    """True when ``el`` itself opens a footer, comment list, related list, sidebar or menu."""
    tag = el.tag
    if not isinstance(tag, str) or tag in ("body", "html"):
        return False
    if tag in ("footer", "nav", "aside"):
        return True
    ci = class_id(el)
    return bool(ci) and bool(_FOREIGN_TOKENS_RE.search(ci))


def without_zones(root: HtmlElement) -> HtmlElement:
    """A copy of ``root`` with every footer, comment list, related list, sidebar and menu cut out."""
    clone: HtmlElement = copy.deepcopy(root)
    doomed = [el for el in elements(clone) if is_zone(el)]
    for el in doomed:
        if el.getparent() is not None and not any(a in doomed for a in el.iterancestors()):
            el.drop_tree()
    return clone


def elements(root: HtmlElement) -> Iterator[HtmlElement]:
    """Every element of ``root`` (no comments or processing instructions)."""
    for el in root.iter(tag=etree.Element):
        if isinstance(el.tag, str):
            yield el


def text_of(el: HtmlElement) -> str:
    """Whitespace-squashed visible text of ``el`` (scripts and styles left out)."""
    parts: list[str] = []
    _collect(el, parts)
    return squash(" ".join(parts))


def _collect(el: HtmlElement, parts: list[str]) -> None:
    tag = el.tag
    if isinstance(tag, str) and tag.lower() not in _SKIP_TAGS:
        if tag.lower() == "br":
            parts.append(" ")
        elif el.text:
            parts.append(el.text)
        for child in el:
            _collect(child, parts)
            if child.tail:
                parts.append(child.tail)
    # comments, PIs and skipped tags contribute nothing, but their tail is added by the caller


class Order:
    """Document-order positions of the elements of a tree, built once."""

    def __init__(self, root: HtmlElement) -> None:
        self.pos: dict[HtmlElement, int] = {el: i for i, el in enumerate(elements(root))}
        self.size = len(self.pos)

    def __getitem__(self, el: HtmlElement) -> int:
        return self.pos.get(el, self.size)

    def end(self, el: HtmlElement) -> int:
        """Position of the last element inside ``el``."""
        last = el
        for node in el.iter(tag=etree.Element):
            last = node
        return self[last]


def common_article(headline: HtmlElement | None) -> HtmlElement | None:
    """The nearest ``<article>`` (or ``itemprop=articleBody``-like) ancestor of the headline."""
    if headline is None:
        return None
    for anc in headline.iterancestors():
        if anc.tag == "article" or anc.get("itemtype", "").endswith(("Article", "BlogPosting")):
            return anc
    return None
