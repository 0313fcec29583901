"""Drop dialog text: login prompts, confirmations, comment-box and consent messages."""

from __future__ import annotations

import re

from ...phrases import COMMENTS, CONSENT, DIALOG, NEWSLETTER, phrase_regex
from ...regex_cache import rx
from ..page import TextPage

_WHOLE = phrase_regex(DIALOG + COMMENTS + CONSENT + NEWSLETTER)
_LONG = [p for p in COMMENTS + CONSENT + NEWSLETTER if len(p) >= 12]
_OPENS_RE = rx(r"^\W*(?:" + "|".join(re.escape(p) for p in _LONG) + r")", re.IGNORECASE)
_CONSENT_RE = rx(
    r"^\W*(?:" + "|".join(re.escape(p) for p in CONSENT if len(p) >= 12) + r")", re.IGNORECASE
)
_CONSENT_WEIGHT = 80
# Confirmation questions a page keeps in hidden dialogs, one pattern per language.
_CONFIRM_RE = rx(
    r"(?:하시겠습니까\s*\?|are you sure\b.*\?$|do you (?:really )?want to\b.*\?$|"
    r"(?:しますか|ですか)\s*[?？]$|确定要.*[吗嗎][?？]$|möchten sie\b.*wirklich\b.*\?$|"
    r"voulez-vous vraiment\b.*\?$|¿(?:está|estás) seguro\b.*\?$)",
    re.IGNORECASE,
)


def dialog_lines(page: TextPage) -> None:
    """Dialog text ("로그인 후 댓글작성이 가능합니다.", "닫기", "Are you sure...?").

    Pages carry their pop-ups (login prompts, delete/report/block confirmations,
    comment-box notices, cookie and newsletter prompts) in the HTML, and a copy of the
    page brings their text along. Short lines that are one such message, open with
    one, or ask a confirmation question are dropped; a cookie notice may be longer.
    """
    found = []
    for i in page.alive():
        ln = page.lines[i]
        if ln.weight <= _CONSENT_WEIGHT and _CONSENT_RE.match(ln.text):
            found.append(i)
            continue
        if ln.weight > 30:
            continue
        text = ln.text
        if _WHOLE.match(text) or _OPENS_RE.match(text) or (ln.weight <= 15 and _CONFIRM_RE.search(text)):
            found.append(i)
    page.drop(found, "dialog or prompt text")
