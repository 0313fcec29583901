"""non_content_markup: scripts, styles, embeds and form controls — markup that is never article text."""

from __future__ import annotations

from ..page import Page

# Tags whose content is code, an embedded document or a control, never prose.
_NEVER_TEXT = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "canvas", "svg", "button", "input", "select", "option", "textarea", "link", "meta",
    "dialog",
)
_REASONS = {tag: f"<{tag}> holds no article text" for tag in _NEVER_TEXT}  # made once, not per element
# The page's metadata in its head: empty elements the metadata readers have read.
_HEAD_METADATA = ("meta", "link")
# A form is dropped when it carries little text: search boxes, comment and login forms.
# Some sites wrap the whole page in one <form>, which must stay.
_FORM_MAX_LETTERS = 300


def non_content_markup(page: Page) -> None:
    """Scripts, styles, iframes, embeds, SVG, buttons and small forms.

    Their content is code, an embedded document or a control label ("Submit", "Search"),
    never article prose; ``<noscript>`` only repeats what scripts would show.
    """
    for el in list(page.root.iter("embed")):
        # <embed> is empty, but libxml2 nests what follows it inside: give that back first
        if len(el) or (el.text and el.text.strip()):
            page.unwrap(el)
    # the head's meta and link elements (empty, never shown) are left where they are: their
    # dropping would be recorded nowhere and change nothing
    head = page.root.find("head")
    found = []
    for el in page.root.iter(*_NEVER_TEXT):
        tag = el.tag
        if tag in _HEAD_METADATA and el.getparent() is head:
            continue
        found.append((el, _REASONS[tag]))
    found += [
        (el, "small form (search, login or comment box)")
        for el in page.root.iter("form")
        if page.size(el) <= _FORM_MAX_LETTERS and not page.holds_article(el)
    ]
    page.kill_all(found)
