"""A rough language guess for dumps: script for CJK, a few function words otherwise."""

from __future__ import annotations

from ..regex_cache import rx
from ..textutil import cjk_count

_HANGUL_RE = rx(r"[\uac00-\ud7af]")
_KANA_RE = rx(r"[\u3040-\u30ff]")
_WORD_RE = rx(r"[^\W\d_]+")
_FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "is", "that", "in", "it", "for", "was", "with", "on"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "sich", "auf"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "que", "dans", "pour", "pas", "du"},
    "es": {"el", "la", "los", "y", "que", "del", "las", "por", "una", "con", "para", "es"},
    "pt": {"o", "a", "os", "que", "do", "da", "em", "não", "uma", "para", "com", "dos"},
    "it": {"il", "di", "che", "la", "per", "non", "una", "del", "della", "sono", "gli", "con"},
}


def guess_lang(text: str) -> str | None:
    """``ko``/``ja``/``zh`` from the script, else the language whose function words are commonest."""
    if not text:
        return None
    text = text[:5000]
    letters = sum(1 for c in text if c.isalpha())
    if letters and cjk_count(text) * 2 >= letters:
        if _HANGUL_RE.search(text):
            return "ko"
        if _KANA_RE.search(text):
            return "ja"
        return "zh"
    words = [w.lower() for w in _WORD_RE.findall(text)]
    if len(words) < 5:
        return None
    votes = {lang: sum(1 for w in words if w in fw) for lang, fw in _FUNCTION_WORDS.items()}
    lang, best = max(votes.items(), key=lambda kv: kv[1])
    return lang if best >= 3 else None
