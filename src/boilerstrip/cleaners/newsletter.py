"""newsletter_boxes: newsletter, subscription and sign-up boxes."""

from __future__ import annotations

import re

from ..page import Page
from ..phrases import NEWSLETTER
from ..regex_cache import rx
from ..textutil import Hinted
from ._match import class_pattern, sweep, whole

_NEWSLETTER_CLASS = class_pattern(
    words=("newsletter", "subscribe", "subscription", "signup", "sign-up", "optin", "opt-in", "mailing",
           "email-signup", "paywall", "regwall", "membership", "inline-signup"),
    prefixes=("newsletter", "subscri", "signup", "optin", "paywall", "nl-"),
)
_NEWSLETTER_TEXT = whole(NEWSLETTER)
# "Let our news meet your inbox. … delivered weekday mornings", "Sign up to get our newsletter …"
_PITCH = Hinted(
    rx(
        r"\b(?:newsletters?|inbox|mailbox)\b.{0,100}\b(?:deliver\w*|sign(?:ed)? up|subscribe\w*|weekday|daily|weekly)\b"
        r"|\b(?:deliver\w*|sign up|subscribe)\b.{0,100}\b(?:newsletters?|inbox)\b",
        re.IGNORECASE,
    ),
    ("newsletter", "inbox", "mailbox"),
)
_PITCH_MAX = 250


def newsletter_boxes(page: Page) -> None:
    """Newsletter, subscribe and sign-up boxes and paywall prompts ("Sign up for our newsletter", "구독하기").

    Besides class names and button words, a short pitch that pairs an inbox or newsletter with
    delivery or sign-up goes too ("Let our news meet your inbox … delivered weekday mornings")."""
    sweep(page, "newsletter or subscribe box", classes=_NEWSLETTER_CLASS, phrases=_NEWSLETTER_TEXT,
          max_letters=800)
    pitches = [
        (el, "newsletter pitch")
        for el, text in page.short_blocks(_PITCH_MAX)
        if _PITCH.search(text) and not page.holds_article(el)
    ]
    page.kill_all(pitches)
