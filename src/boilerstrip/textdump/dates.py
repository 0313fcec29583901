"""Dates and relative times in dump lines: ``"입력 2024-08-04 14:47"``, ``"March 3, 2024"``, ``"2 days ago"``."""

from __future__ import annotations

import re

from ..regex_cache import rx

_MONTHS = {
    # en, de, fr, es (full and short forms) -> month number
    **{m: n for n, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"], 1)},
    **{m: n for n, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)},
    "sept": 9,
    **{m: n for n, m in enumerate(
        ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
         "oktober", "november", "dezember"], 1)},
    **{m: n for n, m in enumerate(
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
         "octobre", "novembre", "décembre"], 1)},
    **{m: n for n, m in enumerate(
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"], 1)},
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_TIME = r"(?:[\sT,|–-]+(?:at\s+|um\s+|à\s+|a las\s+|@\s*)?(?P<h>\d{1,2})[:시h](?P<mi>\d{2})(?:\s*(?P<ap>[ap])\.?m\b)?)?"
_DATE_RES = [
    rx(r"(?P<y>(?:19|20)\d{2})\s*[-./년年]\s*(?P<m>\d{1,2})\s*[-./월月]\s*(?P<d>\d{1,2})(?:\s*[일日号])?" + _TIME),
    rx(rf"(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})" + _TIME, re.I),
    rx(rf"(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<mn>{_MONTH})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d{{2}})" + _TIME, re.I),
    rx(r"(?P<d>\d{1,2})\.\s*(?P<m>\d{1,2})\.\s*(?P<y>(?:19|20)\d{2})" + _TIME),
    # 22/05/2024 (day first, unless the second number cannot be a month: 05/22/2024)
    rx(r"(?<!\d)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})(?!\d)" + _TIME),
]
# "2 days ago", "vor 3 Stunden", "il y a 2 jours", "hace 5 minutos", "3시간 전", "2時間前", "5分钟前"
AGO_RE = rx(
    r"\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\bvor\s+\d+\s+\w+|\bil y a\s+\d+|\bhace\s+\d+"
    r"|\d+\s*(?:분|시간|일|주|개월)\s*전|\d+\s*(?:分|時間|日|週間|か月)前|\d+\s*(?:分钟|小时|天|周)前"
    r"|^(?:yesterday|today|just now|gestern|heute|hier|aujourd'hui|ayer|hoy|어제|오늘|昨日|今日|昨天|今天)\b",
    re.IGNORECASE,
)


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601 (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``)."""
    for pattern in _DATE_RES:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else _MONTHS.get((g.get("mn") or "").lower().rstrip("."), 0)
        day, year = int(g["d"]), int(g["y"])
        if month > 12 >= day:
            day, month = month, day
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        out = f"{year:04d}-{month:02d}-{day:02d}"
        if g.get("h") and g.get("mi"):
            hour = int(g["h"]) % 12 + (12 if (g.get("ap") or "").lower() == "p" else 0) if g.get("ap") else int(g["h"])
            if hour < 24 and int(g["mi"]) < 60:
                out += f"T{hour:02d}:{g['mi']}"
        return out
    return None
