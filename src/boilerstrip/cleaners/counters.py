"""counters: reading-time, view, like and loading indicators around the article."""

from __future__ import annotations

import re

from ..page import Page
from ..regex_cache import rx
from ._match import class_pattern, sweep

_COUNTER_CLASS = class_pattern(
    words=("reading-time", "read-time", "readtime", "readingtime", "view-count", "viewcount", "hit", "hits",
           "views", "likes", "like-count", "loading", "spinner", "placeholder"),
    prefixes=("reading-time", "read-time", "readtime", "view-count", "viewcount", "like-count"),
)
_COUNTER_TEXT = rx(
    r"^\W*(?:"
    r"\d+\s*(?:min(?:ute)?s?|minutes?)\s*(?:read|de lecture|lectura|lesezeit)"  # "5 min read"
    r"|(?:reading time|lesezeit|temps de lecture|tiempo de lectura|읽는 시간|阅读时间|読了時間)\s*[:：]?\s*(?:ca\.\s*)?\d+\s*\S*"
    r"|(?:views?|hits?|조회수?|阅读量?|阅读数|浏览量?|点击数|点击量|閲覧数|aufrufe|vues|visitas)\s*[:：]?\s*[\d,.]*"
    r"|[\d,.]+\s*(?:views?|hits?|reads|회|次阅读|次浏览)"
    r"|loading(?:\s+article)?|chargement|cargando|wird geladen|로딩\s*중|読み込み中|加载中"
    r")\W*$",
    re.IGNORECASE,
)


def counters(page: Page) -> None:
    """Reading-time, view and like counters and loading placeholders ("Lesezeit: 4 Minuten",
    "阅读量 12,408", "5 min read", "Loading article…").

    Page furniture that describes the article, not part of it.
    """
    sweep(page, "counter or loading indicator", classes=_COUNTER_CLASS, phrases=_COUNTER_TEXT,
          max_letters=60)
