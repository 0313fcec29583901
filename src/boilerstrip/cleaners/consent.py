"""consent_banners: cookie and privacy consent banners."""

from __future__ import annotations

from ..page import Page
from ..phrases import CONSENT
from ._match import class_pattern, sweep, whole

_CONSENT_CLASS = class_pattern(
    words=("cookie", "cookies", "consent", "gdpr", "cmp", "onetrust", "cookiebot", "cc-banner",
           "privacy-banner", "cookie-banner", "eu-cookie"),
    prefixes=("cookie", "consent", "gdpr", "onetrust", "cmp-", "qc-cmp", "sp_message", "didomi", "truste"),
)
_CONSENT_TEXT = whole(CONSENT)


def consent_banners(page: Page) -> None:
    """Cookie and privacy consent banners and their buttons ("We use cookies", "Alle akzeptieren")."""
    sweep(page, "cookie or consent banner", classes=_CONSENT_CLASS, phrases=_CONSENT_TEXT,
          max_letters=1500)
