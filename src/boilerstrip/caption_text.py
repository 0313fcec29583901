"""Caption conventions in text: a line that ends with (or starts with) a photo credit.

Shared by the HTML block builder (a paragraph written as a caption) and the text-dump cleaners.
"""

from __future__ import annotations

import re

from .phrases import CAPTION_CREDITS
from .regex_cache import rx
from .textutil import Hinted, fold

_CREDIT = "|".join(sorted((re.escape(w) for w in CAPTION_CREDITS), key=len, reverse=True))

# "... [사진=서울시]", "... (사진=연합뉴스)", "...（图片来源：新华社）", "... (Photo: AP)"
# (each case-insensitive pattern is tried only on texts holding one of its hints: a credit word)
_BRACKET_CREDIT_RE = Hinted(
    rx(
        rf"[\[(（【<〈]\s*(?:{_CREDIT})\s*(?:[=:：／/]|by\b)[^\[\]()（）【】]{{1,60}}[\])）】>〉]\s*$",
        re.IGNORECASE,
    ),
    CAPTION_CREDITS,
)
# "... Photo: Jane Doe", "... Foto: dpa", "... Credit: Reuters", "... 사진 = 홍길동 기자"
_TRAILING_CREDIT_RE = Hinted(
    rx(rf"(?:^|[\s.|/–—-])(?:{_CREDIT})\s*[:：=]\s*[^.!?。=]{{1,60}}$", re.IGNORECASE), CAPTION_CREDITS
)
# "... © AFP", "... ©Jane Doe/Agency" (not a line that opens with ©: that is a copyright notice)
_COPY_CREDIT_RE = rx(r"^[^©ⓒ].{8,}\s[©ⓒ]\s*[^©ⓒ.!?]{1,40}$")
# "...新华社记者 王堃 摄", "...（北陽市提供）", "...（資料写真）"
_CJK_CREDIT_RE = rx(r"\S{2,12}\s*摄\s*$|[（(][^（）()]{1,20}(?:提供|撮影|摄)[）)]\s*$")
# "...＝ロイター" (Japanese wire credit after a full-width equals sign)
_EQUALS_CREDIT_RE = rx(r"\S＝\s*[^\s＝]{1,15}\s*$")
# "(AP Photo/Jane Doe)", "/ AFP", "(Getty Images)"
_WIRE_RE = rx(
    r"(?:\((?:AP|AFP|Reuters|EPA|EFE|ANSA|Getty Images|dpa|Xinhua|Kyodo|Yonhap|新华社|연합뉴스|共同)[^)]{0,60}\)|"
    r"[/|]\s*(?:AP|AFP|Reuters|EPA|Getty Images|dpa)\b[^.]{0,30})\s*$",
)
# "In this Dec. 12, 2006, file photo, ...", "..., left, and ..., right, ...": wire-photo wording
_PHOTO_WORDS_RE = Hinted(
    rx(
        r"\bfile photo\b|\bphoto (?:taken|provided|released)\b|, (?:left|right|center|centre), (?:and|speaks|talks|looks|walks|shakes|poses|stands|sits)\b"
        r"|\bArchivfoto\b|\bphoto d'archive\b|\bfoto de archivo\b|자료사진|資料写真|资料图",
        re.IGNORECASE,
    ),
    ("file photo", "photo ", ", left, ", ", right, ", ", center, ", ", centre, ", "archivfoto",
     "foto de archivo", "자료사진", "資料写真", "资料图"),
)  # fmt: skip
# "1 of 4 A shopper looks at ...": a gallery slide counter opening a caption
_SLIDE_CAPTION_RE = rx(r"^\d{1,3} (?:of|/|von|de|sur) \d{1,3} \S")
# "▲ ..." (Korean caption marker) or a lone "Photo: ..." line
_LEADING_RE = rx(rf"^(?:▲|△\s|(?:{_CREDIT})\s*[:：]\s)", re.IGNORECASE)


# In whitespace-squashed text no match of a pattern anchored at the end ($) is longer than
# this (their parts are bounded: a credit word, ``{1,60}`` names...): such a pattern need
# only be tried from this far before the end, not from every position of a long paragraph.
_TAIL = 120


def is_caption(text: str, *, squashed: bool = False) -> bool:
    """True when ``text`` reads like a photo caption or a photo credit line (``squashed``: the
    caller says its whitespace is squashed, which otherwise is checked)."""
    if len(text) > 600:
        return False
    pos = len(text) - _TAIL if len(text) > _TAIL and (squashed or text == " ".join(text.split())) else 0
    # a pattern is tried only on a text holding a character each of its matches holds
    return bool(
        _BRACKET_CREDIT_RE.search(text, pos)
        or _LEADING_RE.search(text)
        or (("(" in text or "/" in text or "|" in text) and _WIRE_RE.search(text, pos))
        or _TRAILING_CREDIT_RE.search(text, pos)
        or ("＝" in text and _EQUALS_CREDIT_RE.search(text, pos))
        or _SLIDE_CAPTION_RE.search(text)
        or (("©" in text or "ⓒ" in text) and _COPY_CREDIT_RE.search(text))
        or (("摄" in text or "提供" in text or "撮影" in text) and _CJK_CREDIT_RE.search(text, pos))
        or (len(text) <= 400 and _PHOTO_WORDS_RE.search(text))
    )


def credit_key(text: str) -> str:
    """The folded credit at the end of a caption (``"[사진=서울시]"`` -> ``"사진서울시"``), or ``""``."""
    m = _BRACKET_CREDIT_RE.search(text) or _TRAILING_CREDIT_RE.search(text)
    return fold(m.group(0)) if m else ""
