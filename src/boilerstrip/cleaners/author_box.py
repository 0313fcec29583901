"""author_boxes: author biography boxes and their social links."""

from __future__ import annotations

import re

from ..page import Page
from ._match import sweep

_AUTHOR_BOX_CLASS = re.compile(
    r"(?:author|writer|reporter|journalist|byline|contributor)[-_]?(?:box|bio|info|card|profile|about|details|more|social|footer|block|wrap)"
    r"|(?:about|more)[-_]?(?:the[-_]?)?author|(?<![a-z0-9])(?:bio|biography|author-bio|profile-card)(?![a-z0-9])"
)


def author_boxes(page: Page) -> None:
    """Author biography boxes with photos and social links ("About the author", follow buttons).

    The byline itself is found before this runs and is protected; a box that holds it stays.
    """
    sweep(page, "author box", classes=_AUTHOR_BOX_CLASS, max_letters=1500)
