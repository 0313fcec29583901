"""The page's language: ``<html lang>``, ``og:locale``, Content-Language, JSON-LD ``inLanguage``."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..regex_cache import rx
from ..textutil import cjk_count

_LANG_RE = rx(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$")
_HANGUL_RE = rx(r"[\uac00-\ud7af]")
_KANA_RE = rx(r"[\u3040-\u30ff]")


def normalize_lang(raw: str | None) -> str | None:
    """``en_us`` -> ``en-US``; ``None`` for values that are not language tags."""
    if not raw:
        return None
    tag = raw.strip().split(",")[0].strip()
    if not _LANG_RE.match(tag):
        return None
    parts = tag.replace("_", "-").split("-")
    head = parts[0].lower()
    rest = [p.upper() if len(p) == 2 else p for p in parts[1:]]
    return "-".join([head, *rest])


def read_lang(
    root: HtmlElement, metas: dict[str, str], jsonld_lang: str | None, sample: str
) -> str | None:
    """The declared language, or one guessed from the script of ``sample`` for CJK text."""
    html = root if root.tag == "html" else root.getroottree().getroot()
    for raw in (
        html.get("lang"),
        html.get("xml:lang"),
        html.get("{http://www.w3.org/XML/1998/namespace}lang"),
        metas.get("content-language"),
        metas.get("og:locale"),
        metas.get("language"),
        metas.get("dc.language"),
        jsonld_lang,
    ):
        lang = normalize_lang(raw)
        if lang:
            return lang
    return guess_lang(sample)


def guess_lang(text: str) -> str | None:
    """Korean, Japanese or Chinese from the script alone; ``None`` for anything else."""
    if not text or cjk_count(text) * 2 < sum(1 for c in text if c.isalpha()):
        return None
    if _HANGUL_RE.search(text):
        return "ko"
    if _KANA_RE.search(text):
        return "ja"
    return "zh"
