from collections.abc import Callable
from typing import TypeVar

from lxml.html import HtmlElement

_T = TypeVar("_T")

def build(
    root: HtmlElement, groups: tuple[frozenset[str], ...]
) -> tuple[dict[HtmlElement, int], dict[frozenset[str], list[HtmlElement]]]: ...
def short_blocks(
    sizes: dict[HtmlElement, int],
    most: int,
    verbatim: set[HtmlElement],
    dead: set[HtmlElement],
    read: dict[HtmlElement, str],
    changed: set[HtmlElement],
) -> list[tuple[HtmlElement, str]]: ...
def squashed_text(el: HtmlElement) -> str: ...
def paragraph_figures(
    top: HtmlElement,
    para_tags: frozenset[str],
    div_tags: frozenset[str],
    block_tags: frozenset[str],
    minimum: int,
    make: Callable[[HtmlElement, int, int, int], _T],
) -> list[_T]: ...
def class_names(elements: list[HtmlElement]) -> list[str | tuple[str | None, str] | None]: ...
