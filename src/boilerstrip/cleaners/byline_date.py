"""byline_date: moves the visible byline and date lines out of the body into their fields."""

from __future__ import annotations

import re

from ..page import Page
from ..regex_cache import rx

# A byline label left alone once the names went to the byline ("Author:", "By", "Par").
_LABEL = rx(
    r"^\W*(?:by|author|authors|written by|posted by|published by|von|par|por|auteur|autor|글|기자|작성자"
    r"|作者|文|記者|筆者|published|posted|updated|입력|수정|发布时间|更新)\W*$",
    re.IGNORECASE,
)
# A line that is only a date or time, with its label: "Posted Nov 19, 6:51 AM", "Updated: 18 Nov 2019, 19:11",
# "입력 2024.08.04 14:47", "更新时间：2024-08-04".
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|(?:januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août"
    r"|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
    r"|octubre|noviembre|diciembre)"
)
_DATE_LINE = rx(
    r"^\W*(?:(?:posted|published|updated|last updated|modified|first published|입력|수정|등록|업데이트|更新|发布|發布"
    r"|更新时间|发布时间|公開|掲載|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado)"
    r"(?:\s+(?:on|at|am|le|el))?\s*[:：]?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?"
    r"(?:\d{1,4}[./年-]\s*\d{1,2}[./月-]\s*\d{1,4}日?|\d{1,2}\.?\s+(?:%s)\s*,?\s*\d{0,4}|(?:%s)\s+\d{1,2},?\s*\d{0,4})"
    r"(?:[,\s]+(?:at\s+|um\s+|à\s+|a las\s+)?\d{1,2}[:h.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?(?:\s*[A-Z]{2,4})?)?\W*$"
    % (_MONTH, _MONTH),
    re.IGNORECASE,
)
_DATE_LINE_MAX = 60
# "by India Post News Weekly", "- Publicado por: Clarissa Borba - Categoria: Saúde": a byline
# label then a capitalised name, no sentence ("By the time he came" goes on in lower case).
_BYLINE_LINE = rx(
    r"^[\W_]*(?i:by|posted by|published by|written by|reported by|publicado por|escrito por|publié par"
    r"|écrit par|scritto da|verfasst von)\s*[:：]?\s+(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*)(?:\s+[\w.'’&-]+){0,7}(?:\s*[-|•·]\s*.*)?$",
)
_BYLINE_LINE_MAX = 150
# A byline or date line is short; a larger element found there is left in place.
_LINE_MAX = 250


def byline_date(page: Page) -> None:
    """The visible byline and date lines: they go to ``byline`` and ``date``, not the body.

    The metadata stage finds them before any cleaner runs; the text output prints them
    once under the headline. Other lines that are only a date ("Updated: 18 Nov 2019, 19:11")
    and labels left alone ("By", "Author:") go too.
    """
    for el, field in ((page.byline_el, "byline"), (page.date_el, "date")):
        if el is not None and page.attached(el) and page.size(el) <= _LINE_MAX:
            page.kill(el, f"moved to article.{field}")
    labels = [(el, "byline or date label") for el, text in page.short_blocks(20) if _LABEL.match(text)]
    labels += [
        (el, "another date line (published, updated)")
        for el, text in page.short_blocks(_DATE_LINE_MAX)
        if _DATE_LINE.match(text) and not page.holds_article(el)
    ]
    labels += [
        (el, "another byline line")
        for el, text in page.short_blocks(_BYLINE_LINE_MAX)
        if _BYLINE_LINE.match(text) and not text.rstrip().endswith((".", "!", "?")) and not page.holds_article(el)
    ]
    page.kill_all(labels)
