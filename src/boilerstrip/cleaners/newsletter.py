"""newsletter_boxes: newsletter, subscription and sign-up boxes."""

from __future__ import annotations

from ..page import Page
from ..phrases import NEWSLETTER
from ._match import class_pattern, sweep, whole

_NEWSLETTER_CLASS = class_pattern(
    words=("newsletter", "subscribe", "subscription", "signup", "sign-up", "optin", "opt-in", "mailing",
           "email-signup", "paywall", "regwall", "membership", "inline-signup"),
    prefixes=("newsletter", "subscri", "signup", "optin", "paywall", "nl-"),
)
_NEWSLETTER_TEXT = whole(NEWSLETTER)


def newsletter_boxes(page: Page) -> None:
    """Newsletter, subscribe and sign-up boxes and paywall prompts ("Sign up for our newsletter", "구독하기")."""
    sweep(page, "newsletter or subscribe box", classes=_NEWSLETTER_CLASS, phrases=_NEWSLETTER_TEXT,
          max_letters=800)
