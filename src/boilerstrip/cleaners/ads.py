"""ads: advertisements, ad slots and their labels."""

from __future__ import annotations

import re

from ..page import Page
from ..phrases import ADS
from ..regex_cache import rx
from ._match import class_pattern, sweep

_AD_CLASS = class_pattern(
    words=("ad", "ads", "advert", "adv", "advertisement", "advertising", "banner", "dfp", "gpt",
           "adsense", "adsbygoogle", "adslot", "ad-slot", "adunit", "ad-unit", "sponsor", "sponsored",
           "commercial", "promoted", "native-ad", "googlead", "ad-container", "adwrap"),
    prefixes=("advert", "adsbygoogle", "div-gpt", "google_ads", "googlead", "adslot", "adunit",
              "adbox", "ad_", "ad-", "banner_", "banner-", "sponsor"),
)
# Spare "add-", "address", "admin", "adapt"... only the tokens above are ads.
_AD_TEXT = rx(
    "|".join(
        (
            r"^\W*(?:%s)\W*$" % "|".join(re.escape(p) for p in sorted(ADS, key=len, reverse=True)),
            # ad-slot ids left as text: "컴패션_PC", "top_banner_MO", "div-gpt-ad-1234"
            r"^[\w가-힣]+[_-](?:pc|mo|mobile|ad|ads|banner)$",
            r"^div-gpt-ad[\w-]*$",
        )
    ),
    re.IGNORECASE,
)


def ads(page: Page) -> None:
    """Ad slots, sponsored boxes, and their labels or ids left as text ("Advertisement", "광고", "컴패션_PC")."""
    sweep(page, "advertisement", classes=_AD_CLASS, phrases=_AD_TEXT, max_letters=600)
