"""What a byline or date search returns."""

from __future__ import annotations

from typing import NamedTuple

from lxml.html import HtmlElement


class Found(NamedTuple):
    """A value read from the page, with the visible line it came from.

    ``text`` is the clean value (author names, or an ISO 8601 date); ``line`` is the
    line as a reader sees it under the headline; ``element`` holds that line (the
    core drops it from the body). ``line`` and ``element`` are ``None`` when the value
    came from metadata and the page does not print it.
    """

    text: str | None = None
    line: str | None = None
    element: HtmlElement | None = None


NOTHING = Found()
