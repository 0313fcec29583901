"""share_buttons: social sharing buttons and bars."""

from __future__ import annotations

from ..page import Page
from ..phrases import SHARE
from ..regex_cache import rx
from ._match import class_pattern, sweep, whole

_SHARE_CLASS = class_pattern(
    words=("sns", "addthis", "sharethis", "a2a", "addtoany", "kakao", "facebook", "twitter", "whatsapp",
           "linkedin", "pinterest", "reddit", "line-share", "fb", "tw"),
    prefixes=("shar", "social", "sns", "addthis", "sharethis", "a2a_", "share"),
)
_SHARE_TEXT = whole(SHARE)
# Embedded posts are quoted content, not buttons: "twitter-tweet", "instagram-media".
_EMBEDDED_POST = rx(r"tweet|instagram-media|tiktok-embed|fb-post|embed")


def share_buttons(page: Page) -> None:
    """Social share buttons and bars (share, social, sns, addthis, Facebook/X/Kakao/LINE links).

    Matched by class/id on elements with little text and by blocks that only say "Share",
    "공유하기", "シェア", "分享"...
    """
    sweep(page, "share buttons", classes=_SHARE_CLASS, phrases=_SHARE_TEXT, spare=_EMBEDDED_POST,
          max_letters=300)
