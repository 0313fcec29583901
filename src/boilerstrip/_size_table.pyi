from lxml.html import HtmlElement

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
