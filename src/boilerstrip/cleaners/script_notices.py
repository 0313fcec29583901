"""script_notices: messages for browsers without JavaScript or a plugin."""

from __future__ import annotations

import re

from ..page import Page
from ..regex_cache import rx
from ..textutil import Hinted

_NOTICE = Hinted(
    rx(
        r"(?:requires?|needs?|enable|turn on|activate|support)\s+(?:javascript|js|flash|cookies)"
        r"|javascript (?:is )?(?:disabled|required|must be enabled)"
        r"|your browser does(?: not|n't) support|update your browser|upgrade your browser"
        r"|자바스크립트(?:를|가)?\s*(?:사용|활성)|javascriptを有効|请(?:启用|开启)javascript"
        r"|javascript (?:aktivieren|deaktiviert)|activez javascript|activa javascript|habilita javascript",
        re.IGNORECASE,
    ),
    ("javascript", "js", "flash", "cookies", "browser", "자바스크립트"),
)
_LINE_MAX = 200


def script_notices(page: Page) -> None:
    """Notices for browsers without scripts or plugins ("This slideshow requires JavaScript.",
    "Please enable JavaScript", "Your browser does not support the video tag").

    They describe the page's machinery, not the story.
    """
    found = [
        (el, "browser or script notice")
        for el, text in page.short_blocks(_LINE_MAX)
        if _NOTICE.search(text) and not page.holds_article(el)
    ]
    page.kill_all(found)
