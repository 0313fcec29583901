"""user_rules: the user's own selectors — ``--keep`` / ``--drop`` and the rules file for this site."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..metadata import clean_byline
from ..metadata.dates import best_in_line, normalize_iso
from ..page import Page
from ..rules import Rules, Selector, host_of, rule_files, rules_for
from ..textutil import squash
from ..trees import text_content

CAPTION_CLASS = "boilerstrip-caption"
"""Class token added to elements a ``caption`` rule names, so they are read as captions."""


def user_rules(page: Page) -> None:
    """The user's own selectors: --drop and --keep for this run, the rules file for this site.

    Runs first. ``keep`` protects an element from every later cleaner (a container around
    it loses only its other children); ``drop`` removes an element; ``byline``, ``date``
    and ``caption`` name the elements that hold them. The site is the host of ``--url``,
    else of the page's canonical link or ``og:url``.
    """
    files = rule_files(page.options)
    # (only a rules file names sites: without one, the page's host is not looked up)
    rules = rules_for(page.options, page_host(page) if files else None, files)
    if not rules:
        return
    _apply(page, rules)


def page_host(page: Page) -> str | None:
    """The host the page belongs to: from its URL, its canonical link or its ``og:url``."""
    for url in (page.url, page.meta.canonical, page.meta.metas.get("og:url")):
        host = host_of(url)
        if host:
            return host
    return None


def _apply(page: Page, rules: Rules) -> None:
    root = page.root
    for sel in rules.keep:
        for el in sel.select(root):
            _protect(page, el)
    for sel in rules.caption:
        for el in sel.select(root):
            classes = (el.get("class") or "").split()
            if CAPTION_CLASS not in classes:
                page.set_attribute(el, "class", " ".join([*classes, CAPTION_CLASS]))
            _protect(page, el)
    byline = _first_with_text(root, rules.byline)
    if byline is not None:
        el, text = byline
        page.byline_el, page.byline_line = el, text
        page.byline_text = clean_byline(text) or text
    date = _first_with_text(root, rules.date)
    if date is not None:
        el, text = date
        page.date_el, page.date_line = el, text
        machine = el.get("datetime") or el.get("content")
        lang = page.meta.lang
        page.date_iso = normalize_iso(machine, lang) or best_in_line(text, lang) or text
    found: list[tuple[HtmlElement, str]] = []
    for sel in rules.drop:
        found += [(el, f"rule {sel.label}") for el in sel.select(root)]
    page.kill_all(found)


def _protect(page: Page, el: HtmlElement) -> None:
    if not any(k is el for k in page.protected):
        page.protected.append(el)


def _first_with_text(
    root: HtmlElement, selectors: tuple[Selector, ...]
) -> tuple[HtmlElement, str] | None:
    for sel in selectors:
        for el in sel.select(root):
            text = squash(text_content(el)) or squash(el.get("content") or el.get("datetime") or "")
            if text:
                return el, text
    return None
