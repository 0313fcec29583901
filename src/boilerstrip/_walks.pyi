from collections.abc import Callable
from typing import TypeVar

from lxml.html import HtmlElement

from .page import Seen
from .size_table import Blocks, Elements, Groups, Sizes, Table, Texts

_T = TypeVar("_T")

def build(root: HtmlElement, groups: Groups) -> Table: ...
def short_blocks(
    sizes: Sizes, most: int, verbatim: Elements, dead: Elements, read: Texts, changed: Elements
) -> Blocks: ...
def squashed_text(el: HtmlElement) -> str: ...
def paragraph_figures(
    top: HtmlElement,
    para_tags: frozenset[str],
    div_tags: frozenset[str],
    block_tags: frozenset[str],
    minimum: int,
    make: Callable[[HtmlElement, int, int, int], _T],
) -> list[_T]: ...
def class_names(elements: list[HtmlElement]) -> list[Seen]: ...
