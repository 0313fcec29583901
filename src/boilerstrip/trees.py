"""Tree walks shared by the metadata readers and the cleaners.

libxml2 answers ``//*[@hidden or @style]`` by building and merging node sets over the whole
page; walking the elements in lxml's C iterator and asking each for its attributes gives
the same elements in the same (document) order in about half the time.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement


def with_any_attribute(root: HtmlElement, *names: str) -> Iterator[HtmlElement]:
    """Elements under ``root`` (itself included) carrying any of the attributes ``names``,
    in document order: ``//*[@a or @b]``."""
    for el in root.iter(etree.Element):
        get = el.get
        for name in names:
            if get(name) is not None:
                yield el
                break
