"""link_lists: blocks that are mostly links — menus, tag clouds and teaser lists without a class to tell."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from ..page import Page

_LIST_TAGS = ("ul", "ol", "dl", "div", "section", "table", "p", "span", "li")
# Share of a block's letters that sit inside links, and how many links, before it is a link list.
_DENSITY = 0.6
_MIN_LINKS = 3
# A block with more letters than this outside its links holds prose, whatever its links.
_MAX_UNLINKED = 400
# A paragraph is a link list only when little but separators stands between its links; a
# sentence that links most of its words is still a sentence.
_MAX_UNLINKED_PARAGRAPH = 40
# A lone short link line ("More on this story", "Next »") in its own block.
_LONE_LINK_MAX = 60


def link_density(
    page: Page, el: HtmlElement, nested: set[HtmlElement] | None = None,
    links: list[HtmlElement] | None = None,
) -> tuple[float, int]:
    """Share of ``el``'s letters inside ``<a>`` elements, and the number of links.

    ``nested``: the links inside another link, when the caller found them for the page as it
    is now (:func:`nested_links`); else each link's ancestors are looked through. ``links``:
    the ``<a>`` elements under ``el``, when the caller has them.
    """
    total = page.size(el)
    links = list(el.iter("a")) if links is None else links
    if not total:
        return (1.0 if links else 0.0), len(links)
    if nested is None:
        linked = sum(page.size(a) for a in links if not any(p.tag == "a" for p in a.iterancestors()))
    else:
        linked = sum(page.size(a) for a in links if a not in nested)
    return min(linked / total, 1.0), len(links)


_NESTED = etree.XPath("//a[ancestor::a]")


def nested_links(page: Page) -> set[HtmlElement]:
    """Links inside another link (their letters are the outer link's); seldom any."""
    return set(_NESTED(page.root))


def _in_running_text(el: HtmlElement) -> bool:
    """A ``<span>`` between words of a sentence (a name with a hover card of links)."""
    parent = el.getparent()
    if el.tag != "span" or parent is None:
        return False
    return bool((el.tail and el.tail.strip()) or (parent.text and parent.text.strip()))


def link_lists(page: Page) -> None:
    """Lists and blocks whose text is mostly links: site menus, tag clouds, teaser lists.

    A block is dropped when at least 60% of its letters are link text across three or more
    links and little text stands outside them, or when it is one short link standing alone.
    Links inside sentences stay.
    """
    found = []
    nested = nested_links(page)  # nothing is dropped before the end of the walk
    for el in page.body.iter(*_LIST_TAGS):
        links = list(el.iter("a"))
        if len(links) < _MIN_LINKS and len(links) != 1:
            continue  # neither a list of links nor a lone one
        if page.holds_article(el) or not page.attached(el) or _in_running_text(el):
            continue
        density, count = link_density(page, el, nested, links)
        size = page.size(el)
        unlinked_max = _MAX_UNLINKED_PARAGRAPH if el.tag == "p" else _MAX_UNLINKED
        if count >= _MIN_LINKS and density >= _DENSITY and size * (1 - density) <= unlinked_max:
            found.append((el, f"link list: {count} links, {density:.0%} of its text"))
        elif count == 1 and density >= 0.95 and 0 < size <= _LONE_LINK_MAX and el.tag in ("li", "div"):
            found.append((el, "a lone link line"))
    page.kill_all(found)
