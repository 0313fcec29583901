"""copyright_notices: copyright and reprint-prohibition lines."""

from __future__ import annotations

import re

from ..page import Page
from ..regex_cache import rx
from ..textutil import Hinted

_COPYRIGHT = Hinted(
    rx(
        r"all rights reserved|무단\s*전재|재배포\s*금지|무단\s*복제|無断転載|無断複製|版权所有|禁止转载|不得转载|未经授权"
        r"|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados"
        r"|copyright\s*(?:©|\(c\)|\d{4})|[©ⓒ]\s*(?:\d{4}|copyright)"
        r"|[©ⓒ].{0,60}(?:rights|reserved|무단|転載|转载|vorbehalten|réservés|reservados)",
        re.IGNORECASE,
    ),
    ("rights", "무단", "재배포", "無断", "版权", "转载", "未经授权", "vorbehalten", "réservés", "reservados", "copyright", "©", "ⓒ"),
)
_LINE_MAX = 250
# A photo credit ("© AFP") belongs to its caption.
_CAPTION_TAGS = frozenset({"figure", "figcaption", "caption"})


def copyright_notices(page: Page) -> None:
    """Copyright and reprint-prohibition lines ("무단전재·재배포 금지", "All rights reserved", "© 2024 ...").

    Only short standalone blocks; a credit inside a figure or caption stays with it.
    """
    found = []
    for el, text in page.short_blocks(_LINE_MAX):
        if not _COPYRIGHT.search(text):
            continue
        if el.tag in _CAPTION_TAGS or any(a.tag in _CAPTION_TAGS for a in el.iterancestors()):
            continue
        if not page.holds_article(el):
            found.append((el, "copyright or reprint notice"))
    page.kill_all(found)
