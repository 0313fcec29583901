"""main_content: keeps the article's container (and figures beside it), drops the rest of the page."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..extract.captions import is_caption_element
from ..extract.score import Candidate, effective_size, link_share, score_candidates
from ..page import Page
from .link_lists import link_density

# A sibling of the best container joins it with this share of the best score…
_SIBLING_SHARE = 0.2
# …or when it is a paragraph of this many letters with few links.
_SIBLING_PARA = 80
_SENTENCE_END = (".", "!", "?", "。", "！", "？", "다.", "」", "”", '"')


def main_content(page: Page) -> None:
    """Everything outside the article: the best-scored container (text density, link density,
    position, class names) and its worthy siblings stay, with any captioned figure between the
    headline and the article; every other block is dropped as "outside the main content".
    """
    candidates = score_candidates(page)
    if not candidates:
        page.main = page.body
        return
    kept = _with_siblings(candidates)
    kept = _beside_headline(page, kept) + kept
    path: set[HtmlElement] = set()
    for el in kept:
        path.add(el)
        path.update(el.iterancestors())
    found = []
    for node in path:
        if node in kept:
            continue
        for child in node:
            if isinstance(child.tag, str) and child not in path and child.tag != "head":
                found.append((child, "outside the main content"))
    page.kill_all(found)
    page.main = _common_ancestor(kept)


def _with_siblings(candidates: list[Candidate]) -> list[HtmlElement]:
    top = candidates[0]
    parent = top.el.getparent()
    if parent is None or top.el.tag in ("html", "body"):
        return [top.el]
    scores = {c.el: c.score for c in candidates}
    threshold = max(10.0, top.score * _SIBLING_SHARE)
    kept = []
    for sib in parent:
        if not isinstance(sib.tag, str):
            continue
        if sib is top.el or scores.get(sib, 0.0) >= threshold or _worthy_paragraph(sib):
            kept.append(sib)
    return kept


def _worthy_paragraph(el: HtmlElement) -> bool:
    if el.tag != "p":
        return False
    text = " ".join(el.text_content().split())
    size = effective_size(text)
    density = link_share(el, len(text))
    if size >= _SIBLING_PARA and density < 0.25:
        return True
    return 0 < size < _SIBLING_PARA and density == 0 and text.endswith(_SENTENCE_END)


def _beside_headline(page: Page, kept: list[HtmlElement]) -> list[HtmlElement]:
    """What stands between the headline and the article body inside the same article element:
    the standfirst, sub-headlines and the lead picture with its caption."""
    head = page.headline_el
    if head is None or not kept or not page.attached(head):
        return []
    scope = _common_ancestor([head, *kept])
    if scope is None or scope.tag in ("html", "body"):
        return []
    if page.size(scope) > 1.5 * sum(page.size(k) for k in kept) + 2000:
        return []
    out: list[HtmlElement] = []
    after_head = False
    for el in scope.iter():
        if el is kept[0]:
            break
        if el is head:
            after_head = True
            continue
        if not after_head or not isinstance(el.tag, str) or _inside(el, [head, *out]):
            continue
        if el.tag == "figure" or is_caption_element(el) or _lead_block(page, el):
            out.append(el)
    return out


_LEAD_TAGS = frozenset({"p", "ul", "ol", "h2", "h3", "blockquote"})


def _lead_block(page: Page, el: HtmlElement) -> bool:
    """A standfirst or sub-headline: a text block under the headline with few links.

    ``<div>`` counts only when it holds text alone (a sub-headline written into a div).
    """
    if el.tag == "div" and any(isinstance(c.tag, str) and c.tag not in _INLINE_OK for c in el):
        return False
    if el.tag not in _LEAD_TAGS and el.tag != "div":
        return False
    size = page.size(el)
    return size >= 10 and (el.tag != "div" or size <= 300) and link_density(page, el)[0] < 0.3


_INLINE_OK = frozenset({"b", "strong", "em", "i", "span", "br", "u", "mark"})


def _inside(el: HtmlElement, others: list[HtmlElement]) -> bool:
    return any(a in others for a in el.iterancestors())


def _common_ancestor(els: list[HtmlElement]) -> HtmlElement | None:
    if not els:
        return None
    chains = [[el, *el.iterancestors()] for el in els]
    first = chains[0]
    others = [set(c) for c in chains[1:]]
    for node in first:
        if all(node in s for s in others):
            return node
    return None
