"""Drop ad labels and ad-slot ids: "Advertisement", "컴패션_PC", "div-gpt-ad-123"."""

from __future__ import annotations

import re

from ...phrases import ADS, phrase_regex
from ...regex_cache import rx
from ..page import TextPage

_LABEL = phrase_regex(ADS)
# One token that names an ad slot: a platform suffix (_PC, _MO, -mobile), an ad
# prefix (div-gpt-ad, adslot_, banner-), or a placeholder such as "AD_300x250".
_SLOT_RE = rx(
    r"^(?:\S+[_-](?:PC|MO|M|MW|AD|ADS|MOBILE|WEB|APP|DESKTOP)(?:[_-]\w+)?"
    r"|div-gpt-ad\S*|(?:ad|ads|adslot|adunit|banner|dfp|gpt)[_-]\S+"
    r"|\S*[_-]\d{2,4}x\d{2,4}\S*)$",
    re.IGNORECASE,
)


def ad_slot_ids(page: TextPage) -> None:
    """Ad labels and ad-slot ids ("Advertisement", "컴패션_PC").

    An ad container copied as text leaves its label, or — when the slot is empty — the
    slot's id or alt text: a lone token with a platform suffix such as ``_PC`` or
    ``_MO`` or an ad-server prefix such as ``div-gpt-ad``.
    """
    found: list[tuple[int, str]] = []
    for i in page.alive():
        text = page.lines[i].text
        if len(text) > 60:
            continue
        if _LABEL.match(text):
            found.append((i, "ad label"))
        elif " " not in text and _SLOT_RE.match(text):
            found.append((i, "ad slot id"))
    for reason in ("ad label", "ad slot id"):
        page.drop([i for i, r in found if r == reason], reason)
