"""``--explain-html``: the page itself, every block outlined with what boilerstrip did to it.

One self-contained HTML file. The page's own structure and text are shown (without its
styles); the kept body, the title, the byline, the date, the captions and the elements a
keep rule protects are each outlined in one colour, and every dropped block in another,
labelled with the cleaner that dropped it and why (the label is visible; the hover title
adds the size, the path and a selector to paste into ``--keep`` or ``--drop``). A legend at
the top counts the drops per cleaner.

The file is safe to open: the page's scripts, styles, iframes, embeds, forms and form
controls, event handlers and every attribute that could load or link something are
removed (only a short list of harmless attributes is kept), images become ``[image: alt]``
placeholders, and a Content-Security-Policy meta tag forbids any network load.
"""

from __future__ import annotations

import copy as _copy
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from .article import Drop
from .core import read_page
from .errors import UsageError
from .extract.captions import is_caption_element, looks_like_caption
from .loading import decode, sniff_format
from .options import Options
from .page import Page
from .parse import parse_html
from .pipeline import Pipeline
from .regex_cache import rx
from .registry import pipeline_for
from .textutil import squash

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""The Content-Security-Policy of the explain page: inline styles and data: images only."""

ROLES: dict[str, tuple[str, str]] = {
    # role: (colour, what the legend says)
    "body": ("#1a7f37", "kept body"),
    "title": ("#0550ae", "title"),
    "byline": ("#8250df", "byline"),
    "date": ("#0a7f86", "date"),
    "caption": ("#bc4c00", "caption"),
    "keep": ("#9a6700", "kept by a keep rule"),
    "drop": ("#cf222e", "dropped (label: cleaner and why)"),
}
"""One colour per kind of block; every dropped block shares the last one."""

PREFIX = "bx-"
"""Prefix of the explain page's own classes and attributes (the page's own are removed)."""

# Removed with their content: never shown by a browser, or code.
_GONE = frozenset(
    {"script", "style", "noscript", "template", "link", "meta", "base", "title", "param",
     "source", "track", "head", "slot"}
)
# Replaced by a visible placeholder: embedded documents, media and controls.
_PLACEHOLDER = frozenset(
    {"iframe", "frame", "frameset", "object", "embed", "applet", "canvas", "video", "audio",
     "input", "select", "textarea", "img", "image", "map", "area", "portal", "fencedframe",
     "math", "svg", "keygen", "datalist", "output", "meter", "progress"}
)
# Shown as a placeholder only when something is drawn on them (they are mostly icons).
_QUIET_PLACEHOLDER = frozenset({"svg", "canvas", "map", "area", "datalist"})
# Kept with their children but renamed, so nothing submits, opens or acts.
_RENAME = {"form": "div", "button": "span", "dialog": "div", "body": "div", "html": "div",
           "a": "span", "label": "span", "details": "div", "summary": "div", "marquee": "div",
           "fieldset": "div", "legend": "div", "optgroup": "div", "option": "span"}
# The page's attributes that cannot load, link or run anything.
_SAFE_ATTRS = frozenset(
    {"class", "id", "title", "alt", "lang", "dir", "colspan", "rowspan", "datetime", "headers",
     "scope", "start", "reversed", "abbr"}
)
# Empty in HTML5 but not to libxml2's HTML4 parser, which may nest the following content
# in them: that content is kept (the cleaners saw it there).
_EMPTY_HTML5 = frozenset(
    {"embed", "img", "image", "input", "area", "keygen", "source", "track", "param", "wbr",
     "link", "meta", "base", "col"}
)
# Containers where a <span> label cannot be the first child.
_LIST_TAGS = frozenset({"ul", "ol", "menu"})
_ROW_GROUPS = frozenset({"tbody", "thead", "tfoot"})
_VOID = frozenset({"br", "hr", "wbr", "col", "colgroup"})
_LANG_RE = rx(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")
_CSS_IDENT_RE = rx(r"^-?[A-Za-z_][\w-]*$")


@dataclass
class _Mark:
    roles: list[str] = field(default_factory=list)
    drops: list[Drop] = field(default_factory=list)
    hint: str = ""


def explain_html(
    data: bytes | str,
    *,
    url: str | None = None,
    options: Options | None = None,
    pipeline: Pipeline | None = None,
) -> str:
    """Strip ``data`` once more with node tracing and return the explain page as HTML text.

    Raises :class:`~boilerstrip.errors.UsageError` for a plain-text dump (there is no
    markup to draw on) and the input errors :func:`~boilerstrip.core.strip` raises. A page
    where no article is found still gets an explain page: that is when it helps most.
    """
    options = replace(options or Options(), trace_nodes=True)
    pipeline = pipeline or pipeline_for(options)
    text = decode(data, encoding=options.encoding).text if isinstance(data, bytes) else data
    fmt = options.input_format
    if fmt == "text" or (fmt == "auto" and sniff_format(text) == "text"):
        raise UsageError("--explain-html needs an HTML page; this input is a plain-text dump")
    root = parse_html(text, base_url=url)
    shown = _copy.deepcopy(root)
    page = read_page(root, url=url, trace=True, options=options)
    pipeline.run(page, "html")
    return render_explain(page, shown)


def render_explain(page: Page, shown: HtmlElement) -> str:
    """The explain page for a cleaned ``page``; ``shown`` is a copy of its tree as parsed.

    ``page`` must have been built with node tracing; ``shown`` must be an untouched deep
    copy of the tree it was built from, so document-order indexes name the same elements.
    """
    if page.node_ids is None:
        raise UsageError("the explain page needs a page read with node tracing on")
    nodes = list(shown.iter())
    marks = _collect_marks(page, nodes)
    body = shown.find("body")
    if body is None:
        body = shown
    _sanitize(body, marks)
    labelled = _draw(marks, body)
    doc = _document(page, body, labelled)
    out = lxml.html.tostring(doc, encoding="unicode", method="html", doctype="<!DOCTYPE html>")
    return str(out)


# -- what to draw ----------------------------------------------------------------


def _collect_marks(page: Page, nodes: list[HtmlElement]) -> dict[HtmlElement, _Mark]:
    marks: dict[HtmlElement, _Mark] = {}

    def mark(index: int | None) -> _Mark | None:
        if index is None or not 0 <= index < len(nodes):
            return None
        el = nodes[index]
        if not isinstance(el.tag, str):
            return None
        if el not in marks:
            marks[el] = _Mark(hint=_selector_hint(el))
        return marks[el]

    def role(el: HtmlElement | None, name: str) -> None:
        m = mark(page.node_id(el)) if el is not None else None
        if m is not None and name not in m.roles:
            m.roles.append(name)

    main = page.article_root()
    role(main, "body")
    for el in _captions(main):
        role(el, "caption")
    role(page.headline_el, "title")
    role(page.byline_el, "byline")
    role(page.date_el, "date")
    for el in page.protected:
        role(el, "keep")
    for drop in page.dropped:
        m = mark(drop.node)
        if m is not None:
            m.drops.append(drop)
    return marks


def _captions(main: HtmlElement) -> Iterator[HtmlElement]:
    """Elements the article's captions are read from, outermost only."""
    found: list[HtmlElement] = []
    for el in main.iter(etree.Element):
        if any(a in found for a in el.iterancestors()):
            continue
        tag = el.tag
        if tag == "figure" or (tag != "table" and is_caption_element(el)) or (
            tag == "p" and looks_like_caption(squash(el.text_content()))
        ):
            found.append(el)
    return iter(found)


def _selector_hint(el: HtmlElement) -> str:
    """A CSS selector naming ``el`` by tag, id and classes (for ``--keep`` / ``--drop``)."""
    out = str(el.tag)
    ident = (el.get("id") or "").strip()
    if ident and _CSS_IDENT_RE.match(ident):
        out += f"#{ident}"
    for cls in (el.get("class") or "").split()[:4]:
        if _CSS_IDENT_RE.match(cls):
            out += f".{cls}"
    return out


# -- making it safe --------------------------------------------------------------


def _sanitize(body: HtmlElement, marks: dict[HtmlElement, _Mark]) -> None:
    """Remove or replace everything that could run, load or link; keep text and structure."""
    for el in list(body.iter()):
        if not isinstance(el.tag, str):  # comments and processing instructions
            _remove(el)
            continue
        if el is not body and _inside_removed(el, body):
            continue
        tag = el.tag.lower()
        if tag in _GONE and tag in _EMPTY_HTML5 and (len(el) or el.text):
            el.drop_tag()
        elif tag in _GONE:
            _remove(el)
        elif tag in _PLACEHOLDER:
            if tag in _QUIET_PLACEHOLDER and el not in marks:
                _remove(el)
            else:
                _replace(el, _placeholder(el), marks)
        else:
            for name in list(el.attrib):
                if name.lower() not in _SAFE_ATTRS:
                    del el.attrib[name]
            for name in ("class", "id"):
                value = el.get(name)
                if value is not None:
                    kept = [t for t in value.split() if not t.startswith(PREFIX)]
                    if kept:
                        el.set(name, " ".join(kept))
                    else:
                        del el.attrib[name]
            if tag in _RENAME:
                el.tag = _RENAME[tag]
            elif ":" in tag or not tag.replace("-", "").isalnum():
                el.tag = "span"


def _inside_removed(el: HtmlElement, body: HtmlElement) -> bool:
    """True when an ancestor of ``el`` was already removed from the tree under ``body``."""
    return all(anc is not body for anc in el.iterancestors())


def _remove(el: etree._Element) -> None:
    """Remove ``el`` and its subtree, keeping its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _placeholder(el: HtmlElement) -> HtmlElement:
    tag = str(el.tag).lower()
    alt = squash(el.get("alt") or el.get("title") or "")
    src = el.get("src") or ""
    if tag == "img" and src.startswith("data:image/") and not src.startswith("data:image/svg"):
        img = lxml.html.Element("img")
        img.set("src", src)
        if alt:
            img.set("alt", alt)
        return img
    span = lxml.html.Element("span")
    span.set("class", f"{PREFIX}gone")
    name = "image" if tag in ("img", "image") else tag
    span.text = f"[{name}: {alt}]" if alt else f"[{name}]"
    if tag in _EMPTY_HTML5 and (len(el) or el.text):
        span.text += " " + (el.text or "")
        span.extend(list(el))
    return span


def _replace(old: HtmlElement, new: HtmlElement, marks: dict[HtmlElement, _Mark]) -> None:
    new.tail = old.tail
    parent = old.getparent()
    if parent is None:
        return
    parent.replace(old, new)
    mark = marks.pop(old, None)
    if mark is not None:
        marks[new] = mark


# -- drawing ---------------------------------------------------------------------


def _draw(marks: dict[HtmlElement, _Mark], body: HtmlElement) -> int:
    """Outline every marked element still on the page and give it its label(s).

    Returns how many dropped blocks were drawn.
    """
    drawn = 0
    for number, (el, mark) in enumerate(marks.items()):
        if not (el is body or any(a is body for a in el.iterancestors())):
            continue
        el.set(f"data-{PREFIX}mark", str(number))
        classes = [f"{PREFIX}mark"] + [f"{PREFIX}{r}" for r in mark.roles]
        labels: list[HtmlElement] = []
        for r in mark.roles:
            labels.append(_label(r, r, f"{r}: {mark.hint}"))
        for drop in mark.drops:
            text = f"{drop.cleaner}: {drop.reason}"
            detail = (
                f"dropped by {drop.cleaner}: {drop.reason}\n{drop.chars} characters\n"
                f"{drop.path}\nselector: {mark.hint}"
            )
            labels.append(_label("drop", text, detail, cleaner=drop.cleaner))
        if mark.drops:
            classes.append(f"{PREFIX}drop")
            el.set(f"data-{PREFIX}cleaner", " ".join(d.cleaner for d in mark.drops))
            drawn += len(mark.drops)
        el.set("class", " ".join([*(el.get("class") or "").split(), *classes]))
        el.set("title", "\n\n".join(str(lab.get("title")) for lab in labels))
        _attach(el, labels, number)
    return drawn


def _label(kind: str, text: str, detail: str, *, cleaner: str | None = None) -> HtmlElement:
    span = lxml.html.Element("span")
    span.set("class", f"{PREFIX}label {PREFIX}label-{kind}")
    if cleaner is not None:
        span.set(f"data-{PREFIX}label", cleaner)
    span.set("title", detail)
    span.text = text
    return span


def _attach(el: HtmlElement, labels: list[HtmlElement], number: int) -> None:
    """Put the labels where the browser shows them: first inside ``el`` when it may hold a
    span, else in the first place that can. ``data-bx-for`` names the element they label."""
    tag = el.tag
    holder: HtmlElement = lxml.html.Element("span")
    holder.set("class", f"{PREFIX}labels")
    holder.set(f"data-{PREFIX}for", str(number))
    for lab in labels:
        holder.append(lab)
    if tag in _VOID:
        el.addprevious(holder)
        return
    if tag in _LIST_TAGS:
        item = lxml.html.Element("li")
        item.set("class", f"{PREFIX}label-item")
        item.append(holder)
        _prepend(el, item)
        return
    if tag == "dl":
        box = lxml.html.Element("div")
        box.append(holder)
        _prepend(el, box)
        return
    if tag == "table":
        caption = el.find("caption")
        if caption is None:
            caption = lxml.html.Element("caption")
            _prepend(el, caption)
        _prepend(caption, holder)
        return
    if tag in _ROW_GROUPS or tag == "tr":
        cell = next(el.iter("td", "th"), None)
        if cell is None:
            row = el if tag == "tr" else lxml.html.Element("tr")
            cell = lxml.html.Element("td")
            row.append(cell)
            if row is not el:
                el.append(row)
        _prepend(cell, holder)
        return
    _prepend(el, holder)


def _prepend(parent: HtmlElement, child: HtmlElement) -> None:
    child.tail = parent.text
    parent.text = None
    parent.insert(0, child)


# -- the document ----------------------------------------------------------------


def _document(page: Page, body: HtmlElement, drawn: int) -> HtmlElement:
    html = lxml.html.Element("html")
    lang = page.meta.lang
    if lang and _LANG_RE.match(lang):
        html.set("lang", lang)
    head = etree.SubElement(html, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "meta", {"http-equiv": "Content-Security-Policy", "content": CSP})
    etree.SubElement(head, "meta", name="referrer", content="no-referrer")
    etree.SubElement(head, "title").text = "boilerstrip explain: " + (
        page.meta.headline or page.meta.title or "untitled page"
    )
    etree.SubElement(head, "style").text = _css()
    out_body = etree.SubElement(html, "body")
    out_body.append(_legend(page, drawn))
    body.tag = "div"
    body.set("class", " ".join([*(body.get("class") or "").split(), f"{PREFIX}page"]))
    body.tail = None
    out_body.append(body)
    return html


def _legend(page: Page, drawn: int) -> HtmlElement:
    box = lxml.html.Element("header")
    box.set("class", f"{PREFIX}legend")
    box.set("id", f"{PREFIX}legend")
    h = etree.SubElement(box, "h1")
    h.text = "boilerstrip: what was kept and dropped"
    keys = etree.SubElement(box, "p")
    keys.set("class", f"{PREFIX}keys")
    for role, (_colour, name) in ROLES.items():
        key = etree.SubElement(keys, "span")
        key.set("class", f"{PREFIX}key {PREFIX}label {PREFIX}label-{role}")
        key.text = name
        key.tail = " "
    found = etree.SubElement(box, "p")
    found.text = (
        f"title: {page.meta.headline or page.meta.title or '(none)'} · "
        f"byline: {page.byline_text or '(none)'} · date: {page.date_iso or '(none)'}"
    )
    table = etree.SubElement(box, "table")
    table.set("class", f"{PREFIX}counts")
    head = etree.SubElement(table, "tr")
    for name in ("cleaner", "dropped blocks", "characters"):
        etree.SubElement(head, "th").text = name
    counts: dict[str, list[int]] = {}
    for drop in page.dropped:
        entry = counts.setdefault(drop.cleaner, [0, 0])
        entry[0] += 1
        entry[1] += drop.chars
    for cleaner, (count, chars) in counts.items():
        row = etree.SubElement(table, "tr")
        row.set(f"data-{PREFIX}cleaner", cleaner)
        etree.SubElement(row, "td").text = cleaner
        etree.SubElement(row, "td").text = str(count)
        etree.SubElement(row, "td").text = str(chars)
    total = len(page.dropped)
    note = etree.SubElement(box, "p")
    note.set("class", f"{PREFIX}note")
    note.set(f"data-{PREFIX}drawn", str(drawn))
    note.set(f"data-{PREFIX}dropped", str(total))
    note.text = (
        f"{total} dropped blocks, {drawn} drawn below; the rest are invisible markup "
        "(scripts, styles, meta tags) or sit inside the page's <head>. "
        "Hover a label for details and a selector to use with --keep or --drop. "
        "The page's own styles, scripts, links and images are left out."
    )
    return box


def _css() -> str:
    colours = "".join(
        f".{PREFIX}label-{role}{{background:{colour}}}"
        f".{PREFIX}mark.{PREFIX}{role}{{outline-color:{colour}}}"
        for role, (colour, _name) in ROLES.items()
    )
    p = PREFIX
    return (
        "body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2328;background:#fff}"
        f".{p}legend{{position:sticky;top:0;z-index:10;background:#f6f8fa;"
        "border-bottom:2px solid #d0d7de;padding:8px 16px;font-size:13px}"
        f".{p}legend h1{{font-size:16px;margin:0 0 4px}}"
        f".{p}legend p{{margin:4px 0}}"
        f".{p}counts{{border-collapse:collapse}}"
        f".{p}counts td,.{p}counts th{{border:1px solid #d0d7de;padding:1px 8px;text-align:left}}"
        f".{p}page{{padding:16px 24px;max-width:1100px}}"
        f".{p}page img{{max-width:100%}}"
        f".{p}mark{{outline:2px solid;outline-offset:1px;margin:3px 0}}"
        f".{p}mark.{p}drop{{outline-style:dashed;background:rgba(207,34,46,.06);color:#57606a}}"
        f".{p}labels{{display:inline-block;margin:0 4px 2px 0}}"
        f".{p}label{{display:inline-block;font:11px/1.4 ui-monospace,monospace;color:#fff;"
        "padding:0 5px;margin:0 3px 0 0;border-radius:3px;text-decoration:none;white-space:nowrap;"
        "font-weight:normal;font-style:normal;letter-spacing:0;text-transform:none}"
        f".{p}label-item{{list-style:none}}"
        f".{p}gone{{color:#8c959f;font-size:12px}}"
        + colours
    )
