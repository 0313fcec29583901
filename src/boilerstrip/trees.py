"""Tree walks shared by the metadata readers and the cleaners.

libxml2 answers ``//*[@hidden or @style]`` by building and merging node sets over the whole
page; walking the elements in lxml's C iterator and asking each for its attributes gives
the same elements in the same (document) order in about half the time.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement


def text_content(el: HtmlElement) -> str:
    """The element's text, its descendants' included (XPath's ``string()``).

    Serialised as text by libxml2: the same string as lxml.html's ``text_content``, in about
    two thirds of the time (the cleaners and readers ask ~600 times a page). An element
    without children (most short blocks) holds only text: its ``text``. A function rather
    than a method, so that the compiled modules (setup.py) call it without the interpreter.
    """
    if not len(el):
        return el.text or ""
    text: str = etree.tostring(el, method="text", encoding="unicode", with_tail=False)
    return text


def remembered_text(el: HtmlElement, texts: dict[HtmlElement, str] | None) -> str:
    """:func:`text_content`, kept in ``texts`` (when given) for the next reader of the same
    element: the byline and date readers and the page's short blocks read many of the same."""
    if texts is None:
        return text_content(el)
    text = texts.get(el)
    if text is None:
        text = texts[el] = text_content(el)
    return text


def drop_tree(el: HtmlElement, parent: HtmlElement) -> None:
    """lxml.html's ``drop_tree`` of ``el`` (a child of ``parent``): the element leaves the tree
    and its tail joins the text before it. (lxml.html's own is Python code: a compiled caller
    would pay the interpreter for each element dropped.)"""
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + tail
        else:
            previous.tail = (previous.tail or "") + tail
    parent.remove(el)


def with_any_attribute(root: HtmlElement, *names: str) -> Iterator[HtmlElement]:
    """Elements under ``root`` (itself included) carrying any of the attributes ``names``,
    in document order: ``//*[@a or @b]``."""
    for el in root.iter(etree.Element):
        get = el.get
        for name in names:
            if get(name) is not None:
                yield el
                break
