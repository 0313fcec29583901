from lxml.html import HtmlElement

def build(
    root: HtmlElement, groups: tuple[frozenset[str], ...]
) -> tuple[dict[HtmlElement, int], dict[frozenset[str], list[HtmlElement]]]: ...
