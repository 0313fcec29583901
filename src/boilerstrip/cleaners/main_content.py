"""main_content: keeps the article's container (and figures beside it), drops the rest of the page."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..extract.captions import is_caption_element
from ..extract.score import (
    Candidate,
    Paragraph,
    Scores,
    effective_size,
    link_share,
    paragraphs,
)
from ..page import Page
from ..trees import text_content
from .link_lists import link_density

# A sibling of the best container joins it with this share of the best score…
_SIBLING_SHARE = 0.2
# …or when it is a paragraph of this many letters with few links.
_SIBLING_PARA = 80
# Climbing: a parent must hold this much more link-poor prose (factor and letters) to be taken.
_GROW_FACTOR = 1.3
_GROW_MIN = 100
# …and keep at least this share of the best container's prose density.
_GROW_DENSITY = 0.65
_PROSE_MAX_LINKS = 0.33
_PROSE_MIN = 250
# a run of sections: how far up to look, and how many sections of one kind make a run
_SECTION_LEVELS = 4
_SECTION_MIN = 3
_SENTENCE_END = (".", "!", "?", "。", "！", "？", "다.", "」", "”", '"')


def main_content(page: Page) -> None:
    """Everything outside the article: the best-scored container and what belongs with it stay.

    The container is scored on text density, link density and class names (after Arc90's
    Readability), then widened to the block that holds the article's prose; worthy siblings,
    and the standfirst, sub-headlines and lead figure between the headline and the body, stay
    with it. Every other block is dropped as "outside the main content".
    """
    paras = paragraphs(page)  # one reading of the paragraphs for scoring and for climbing
    scores = Scores(page, paras)
    best = scores.best()
    if best is None:
        page.main = page.body
        return
    top = _grow(page, best.el, paras)
    kept = _repeated_sections(page, top) or _with_siblings(page, top, scores, best)
    kept = _beside_headline(page, kept) + kept
    path: set[HtmlElement] = set()
    for el in kept:
        path.add(el)
        path.update(el.iterancestors())
    found: list[tuple[HtmlElement, str]] = []
    _outside(page.root, path, set(kept), found)
    page.kill_all(found)
    page.main = _common_ancestor(kept)


def _outside(
    node: HtmlElement, path: set[HtmlElement], kept: set[HtmlElement], found: list[tuple[HtmlElement, str]]
) -> None:
    """The children beside ``path`` (the kept elements and their ancestors), in document order
    (the same drops in the same order every run): only the path is walked, not the page."""
    stack = [node]
    while stack:
        node = stack.pop()
        on_path = []
        for child in node:
            if child in path:
                on_path.append(child)
            elif node not in kept and isinstance(child.tag, str) and child.tag != "head":
                found.append((child, "outside the main content"))
        stack.extend(reversed(on_path))


def _prose_mass(paras: list[Paragraph]) -> dict[HtmlElement, int]:
    """Letters of link-poor paragraphs under each element (each paragraph counted up its ancestors).

    Short paragraphs do not count: teaser lists are headline links with one-line summaries.
    """
    mass: dict[HtmlElement, int] = {}
    for el, length, size, _commas in paras:
        if size < _PROSE_MIN or link_share(el, length) >= _PROSE_MAX_LINKS:
            continue
        for anc in (el, *el.iterancestors()):
            mass[anc] = mass.get(anc, 0) + size
    return mass


def _grow(page: Page, top: HtmlElement, paras: list[Paragraph]) -> HtmlElement:
    """Climb from the best container to an ancestor holding clearly more link-poor prose.

    An article split over sibling blocks (one per section, per embed) scores in pieces; the
    piece that wins is then only part of it. The climb stops where the ancestor's prose
    becomes thin (a page-wide wrapper full of other things).
    """
    mass = _prose_mass(paras)
    top_density = mass.get(top, 0) / max(page.size(top), 1)
    best = top
    for anc in top.iterancestors():
        if anc.tag in ("body", "html"):
            break
        if mass.get(anc, 0) / max(page.size(anc), 1) < _GROW_DENSITY * top_density:
            break
        if mass.get(anc, 0) >= mass.get(best, 0) * _GROW_FACTOR + _GROW_MIN:
            best = anc
    return best


def _repeated_sections(page: Page, top: HtmlElement) -> list[HtmlElement]:
    """The article's sections when it is a run of blocks of one kind (how-to steps, chapters).

    Looking up from the best container, an ancestor whose siblings share its tag and class is
    one section of several: they all stay, when they hold prose rather than links.
    """
    for anc in [top, *list(top.iterancestors())[:_SECTION_LEVELS]]:
        parent = anc.getparent()
        cls = anc.get("class")
        if parent is None or anc.tag in ("body", "html") or not cls:
            continue
        run = [s for s in parent if s.tag == anc.tag and s.get("class") == cls]
        if len(run) >= _SECTION_MIN and all(link_density(page, s)[0] < 0.3 for s in run):
            return run
    return []


def _with_siblings(page: Page, top_el: HtmlElement, scores: Scores, best: Candidate) -> list[HtmlElement]:
    parent = top_el.getparent()
    if parent is None or top_el.tag in ("html", "body"):
        return [top_el]
    threshold = max(10.0, max(scores.of(top_el), best.score) * _SIBLING_SHARE)
    kept = []
    for sib in parent:
        if not isinstance(sib.tag, str):
            continue
        if sib is top_el or scores.at_least(sib, threshold) or _worthy_paragraph(sib):
            kept.append(sib)
    return kept


def _worthy_paragraph(el: HtmlElement) -> bool:
    if el.tag != "p":
        return False
    text = " ".join(text_content(el).split())
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
        if el.tag in _SUBTITLE_TAGS and _lead_block(page, el):
            # a heading under the headline is its subtitle: printed with the headline, not body
            page.subtitles.append(" ".join(text_content(el).split()))
            continue
        if el.tag == "figure" or is_caption_element(el) or _lead_block(page, el):
            out.append(el)
    return out


_LEAD_TAGS = frozenset({"p", "ul", "ol", "blockquote"})
_SUBTITLE_TAGS = frozenset({"h2", "h3"})


def _lead_block(page: Page, el: HtmlElement) -> bool:
    """A standfirst or sub-headline: a text block under the headline with few links.

    ``<div>`` counts only when it holds text alone (a sub-headline written into a div).
    """
    if el.tag == "div" and any(isinstance(c.tag, str) and c.tag not in _INLINE_OK for c in el):
        return False
    if el.tag not in _LEAD_TAGS and el.tag not in _SUBTITLE_TAGS and el.tag != "div":
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
