"""Text to a safe lxml tree: no network, no entity expansion, bounded work on hostile markup.

libxml2's HTML parser never expands DTD entities and never loads external ones; the parser
is also told ``no_network``. Before parsing, a leading XML declaration and a DOCTYPE with
an internal subset are cut (the subset would otherwise leak ``]>`` into the body), and
start tags with thousands of attributes are trimmed, because libxml2 checks attribute
names for duplicates in quadratic time. libxml2 stops nesting at 2048 levels with
``huge_tree`` (256 without); content deeper than that is dropped, never recursed into.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from .errors import EmptyInput, InputTooLarge
from .loading import MAX_INPUT_BYTES, PARSER_CONTROL_BYTES, holds_any_byte, without_nul
from .regex_cache import rx
from .trees import text_content

MAX_ATTRIBUTES = 1000
"""Attributes kept on one start tag; the rest of a longer list is dropped before parsing."""

_XML_DECL_RE = rx(r"\A[\s\ufeff]*<\?xml[^>]{0,1000}>")
_DOCTYPE_SUBSET_RE = rx(
    r"\A\s*<!DOCTYPE[^\[>]{0,1000}\[.{0,100000}?\]\s*>", re.IGNORECASE | re.DOTALL
)
# A quoted value never holds "<": otherwise a "<b" inside a script's string could start a
# "tag" whose quotes run on over the rest of the page.
_LONG_TAG_RE = rx(r"<[A-Za-z](?:[^<>\"']|\"[^\"<]{0,4096}\"|'[^'<]{0,4096}'){16384,}")
_LONG_TAG_MIN = 16384  # the repeat count above: a shorter run cannot match
_TAG_NAME_RE = rx(r"<[^\s/>]*")
_ATTR_RE = rx(r"\s*[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?|\s*/")


class PageElement(HtmlElement):  # type: ignore[misc]  # lxml ships no type stubs
    """The elements of a parsed page: lxml.html's, with a faster ``text_content``."""

    def text_content(self) -> str:
        """The element's text, its descendants' included: :func:`~boilerstrip.trees.text_content`."""
        return text_content(self)


# Every element is a ``PageElement``, chosen in C. lxml.html's own lookup calls a Python
# method for each element the first time Python touches it (to give forms and inputs their
# classes, which nothing here uses): a few percent of the whole run.
_LOOKUP = etree.ElementDefaultClassLookup(
    element=PageElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def _parser() -> etree.HTMLParser:
    # A fresh parser per call: lxml parsers must not be shared between threads.
    parser = etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=True,
        default_doctype=False,
        collect_ids=False,
    )
    parser.set_element_class_lookup(_LOOKUP)
    return parser


def _trim_attributes(match: re.Match[str]) -> str:
    tag = match.group(0)
    name = _TAG_NAME_RE.match(tag)
    pos = name.end() if name else 1
    kept = [tag[:pos]]
    for count, attr in enumerate(_ATTR_RE.finditer(tag, pos)):
        if count >= MAX_ATTRIBUTES or attr.start() != pos:
            break
        kept.append(attr.group(0))
        pos = attr.end()
    return "".join(kept)


def prepare(text: str, *, nul_free: bool = False) -> str:
    """``text`` made safe for libxml2: no NULs, XML declaration, DTD subset or huge tags.

    ``nul_free``: the text is known to hold no NUL (:func:`~boilerstrip.loading.decode` removes
    them), which a search through the whole page would otherwise make sure of."""
    if not nul_free:
        text = without_nul(text)
    text = _XML_DECL_RE.sub("", text, count=1)
    text = _DOCTYPE_SUBSET_RE.sub("", text, count=1)
    pieces: list[str] = []
    done = 0
    for start in _long_run_starts(text):
        if start < done:
            continue
        m = _LONG_TAG_RE.match(text, start)
        if m:
            pieces += [text[done:start], _trim_attributes(m)]
            done = m.end()
    return "".join([*pieces, text[done:]]) if pieces else text


def _long_run_starts(text: str) -> Iterator[int]:
    """The ``<`` before each run of more than :data:`_LONG_TAG_MIN` characters free of ``<``.

    A tag :data:`_LONG_TAG_RE` trims is such a run (a quoted value holds no ``<`` either), so
    the regex is tried at these places only, never along the whole page.
    """
    span = _LONG_TAG_MIN + 1
    pos = 0
    while pos + span <= len(text):
        last = text.rfind("<", pos, pos + span)
        if last >= 0:
            pos = last + 1  # a run starting at or before ``last`` holds it
            continue
        start = text.rfind("<", 0, pos)
        if start >= 0:
            yield start
        end = text.find("<", pos + span)
        if end < 0:
            return
        pos = end + 1


def parse_html(text: str, *, base_url: str | None = None) -> HtmlElement:
    """Parse page text into its ``<html>`` root, which always has a ``<body>``.

    Comments and processing instructions are removed. Raises :class:`EmptyInput` when
    the text yields no element, :class:`~boilerstrip.loading.InputTooLarge` when it is
    longer than :data:`~boilerstrip.loading.MAX_INPUT_BYTES` characters.
    """
    return parse_input(parser_input(text), base_url=base_url)


def parser_input(
    text: str, utf8: bytes | None = None, *, nul_free: bool = False, control_free: bool = False
) -> bytes:
    """The bytes :func:`parse_input` parses: ``text`` prepared and encoded, control bytes cut.

    ``utf8``, when given, is ``text`` encoded in UTF-8 (:attr:`Decoded.utf8`): used as it is
    when preparing leaves the text alone; ``nul_free`` as in :func:`prepare`; ``control_free``:
    ``utf8`` holds no control byte (:attr:`Decoded.control_free`). A caller that drops its ``text`` before parsing
    keeps one copy of the page fewer in memory while the tree is built (:func:`parse_html`
    does both steps).
    """
    if len(text) > MAX_INPUT_BYTES:
        raise InputTooLarge(f"input is longer than {MAX_INPUT_BYTES // 2**20} M characters")
    prepared = prepare(text, nul_free=nul_free)
    data = utf8 if utf8 is not None and prepared is text else prepared.encode("utf-8", errors="replace")
    if not (control_free and data is utf8) and holds_any_byte(data, PARSER_CONTROL_BYTES):
        data = data.translate(None, PARSER_CONTROL_BYTES)
    return data


def parse_input(data: bytes, *, base_url: str | None = None) -> HtmlElement:
    """Parse :func:`parser_input` bytes into the page's ``<html>`` root (see :func:`parse_html`)."""
    try:
        root = etree.fromstring(data, _parser(), base_url=base_url)
    except etree.ParserError as exc:  # libxml2 found no element at all.
        raise EmptyInput("input holds no HTML element") from exc
    if root is None:
        raise EmptyInput("input holds no HTML element")
    return _ensure_body(_ensure_html(root))


def _ensure_html(root: HtmlElement) -> HtmlElement:
    if root.tag == "html":
        return root
    html = lxml.html.Element("html")
    html.append(root)
    return html


def _ensure_body(root: HtmlElement) -> HtmlElement:
    if root.find("body") is not None:
        return root
    body = lxml.html.Element("body")
    for child in list(root):
        if child.tag not in ("head", "frameset"):
            body.append(child)
    for noframes in root.iter("noframes"):
        body.extend(_noframes_content(noframes))
    root.append(body)
    return root


def _noframes_content(noframes: HtmlElement) -> list[HtmlElement]:
    """Elements of a ``<noframes>`` block, whose markup libxml2 keeps as raw text."""
    markup = (noframes.text or "").strip()
    if not markup:
        return [el for el in noframes if isinstance(el.tag, str)]
    data = ("<html><body>" + prepare(markup)).encode("utf-8", errors="replace")
    try:
        inner = etree.fromstring(data, _parser())
    except etree.ParserError:
        return []
    body = inner.find("body") if inner is not None else None
    return [] if body is None else list(body)
