"""Title, byline and date lines, found before any cleaner runs and kept out of their reach."""

from __future__ import annotations

import re

from ..caption_text import is_caption
from ..phrases import AI_SUMMARY, DIALOG, IMAGE_UI, META_LABELS, SHARE, TOOLBAR, phrase_regex
from ..regex_cache import rx
from .dates import parse_date
from .match import only_phrases, phrase_any
from .page import Line, TextPage

_BYLINE_RE = rx(
    r"^(?:(?:by|von|par|por|di|door|av|written by|text|autor|auteur|author)\s*[:：]?\s+\S"
    r"|.{1,40}?(?:기자|특파원|선임기자|객원기자)(?=\s|$)"
    r"|.{1,30}(?:記者|特派員|编辑|記者\s*\S+)$)"
    r"|(?:作者|记者|記者|撰文)\s*[:：|｜]\s*\S{2,}",
    re.IGNORECASE,
)
_LABEL = phrase_regex(META_LABELS)
# Menu buttons that sit above a headline in some layouts.
_NAV_WORDS = ("menu", "☰", "≡", "open menu", "close menu", "search", "sections", "메뉴", "전체메뉴",
              "メニュー", "菜单", "menü", "rechercher", "buscar")


_DATE_LINE_WEIGHT = 25
_DATE_LABEL_RE = rx(
    r"^\W*(?:published|updated|posted|last updated|veröffentlicht|aktualisiert|stand|publié|mis à jour"
    r"|publicado|actualizado|입력|수정|등록|発行|更新|公開|配信|发布|发布时间|更新时间|日期)\b",
    re.IGNORECASE,
)
_BYLINE_WEIGHT = 12


def _is_date_line(ln: Line) -> bool:
    """A short line with a date; a longer one only when it is a byline-and-date line."""
    if ln.weight > _DATE_LINE_WEIGHT or parse_date(ln.text) is None:
        return False
    return (
        ln.weight <= 12
        or not ln.is_prose
        or bool(_BYLINE_RE.search(ln.text) or _DATE_LABEL_RE.match(ln.text))
    )


def _is_byline(ln: Line) -> bool:
    return 1 <= ln.weight <= _BYLINE_WEIGHT and not ln.ends_sentence and bool(_BYLINE_RE.search(ln.text))


def _body_start(lines: list[Line]) -> int:
    """The first line that opens a stretch of prose (two more prose lines among the next six)."""
    for i, ln in enumerate(lines):
        if ln.is_prose and ln.weight >= 12:
            ahead = sum(1 for x in lines[i + 1 : i + 7] if x.is_prose)
            if ahead >= 2:
                return i
    return 0


_CRUMB_RE = rx(r"\s[>›»/|]\s|[>›»]")


def _title_ok(ln: Line) -> bool:
    """Could be a headline: a few words to a long sentence, no bullet, no breadcrumb."""
    return (
        2 <= ln.weight <= 40
        and not ln.bullet
        and not ln.text.endswith((":", "|"))
        and len(_CRUMB_RE.findall(ln.text)) < 2
        and not _only_labels(ln.text)
        and not _is_ui(ln.text)
        and not is_caption(ln.text)
    )


def find_facts(page: TextPage) -> None:
    """Mark the title, byline and date lines above the article's first paragraph.

    They are looked for in the few lines before the first stretch of prose: a short
    line holding a date (``"입력 2024-08-04 14:47"``, ``"March 3, 2024"``), a short
    line shaped like a byline (``"By Jane Doe"``, ``"... 기자"``), and the line just
    above the first of them as the headline. Screen-reader labels between them
    (``"기자정보, 기사등록일"``) are not taken for any of the three.
    """
    if page.lines:
        mark_facts(page, page.lines, _body_start(page.lines))


def refind_facts(page: TextPage, seq: list[Line], start: int) -> None:
    """Look for the facts again above ``seq[start]`` when none was found near it.

    The first guess of where the body starts is made before any cleaner runs, and
    teaser text in the navigation can mislead it; once the article's region is known,
    facts found far from it (or separated from it by other prose) are dropped in
    favour of those just above it.
    """
    marked = [
        k for k in range(max(0, start - _WINDOW_BEFORE), min(len(seq), start + _WINDOW_AFTER))
        if seq[k].role in ("date", "byline")
    ]
    if marked and sum(1 for ln in seq[marked[-1] + 1 : start] if ln.is_prose) <= 1:
        return
    for ln in page.lines:
        ln.role = ""
    page.title = page.byline = page.date = page.byline_line = page.date_line = None
    mark_facts(page, seq, start)


_WINDOW_BEFORE = 12
_COLUMN_SLACK = 8
_WINDOW_AFTER = 3


def mark_facts(page: TextPage, seq: list[Line], start: int) -> None:
    """Mark the date, byline and title lines among ``seq`` around position ``start``."""
    date_i = byline_i = None
    # Nearest first: the lines just above the body, then the first lines of it.
    above = range(start - 1, max(-1, start - 1 - _WINDOW_BEFORE), -1)
    for i in [*above, *range(start, min(len(seq), start + _WINDOW_AFTER))]:
        ln = seq[i]
        if i >= start and ln.weight > _DATE_LINE_WEIGHT:
            continue
        if date_i is None and _is_date_line(ln):
            date_i = i
        elif byline_i is None and _is_byline(ln):
            byline_i = i
    if date_i is not None:
        # Of "Published ... / Updated ..." lines one under the other, the first.
        while date_i > 0 and date_i <= start and _is_date_line(seq[date_i - 1]) and not seq[date_i - 1].role:
            date_i -= 1
        seq[date_i].role = "date"
        page.date_line = seq[date_i].text
        page.date = parse_date(seq[date_i].text)
        if byline_i is None and _BYLINE_RE.search(seq[date_i].text):
            # One meta line holding both: "Von Katrin Albers 18.07.2024, 06:00 Uhr".
            page.byline_line = seq[date_i].text
            page.byline = byline_name(seq[date_i].text)
    if byline_i is not None:
        seq[byline_i].role = "byline"
        page.byline_line = seq[byline_i].text
        page.byline = byline_name(seq[byline_i].text)
    marks = [i for i in (date_i, byline_i) if i is not None and i < start]
    top = min(marks) if marks else start
    title_i = _find_title(seq, top, bool(marks))
    if title_i is not None:
        seq[title_i].role = "title"
        page.title = seq[title_i].text


def _find_title(lines: list[Line], top: int, marked: bool) -> int | None:
    """The headline above line ``top`` (the first byline or date line, or the body).

    Walking up, role lines and label or toolbar rows are passed over; a standfirst (a
    prose line, or a long one) is passed over when a shorter line sits right above
    it; of a headline and a sub-headline the upper one is the headline.
    """
    found: int | None = None
    passed_standfirst = False
    ref = lines[top] if top < len(lines) else None
    for i in range(top - 1, max(-1, top - 8), -1):
        ln = lines[i]
        if ref is not None and (ln.cell or ref.cell) and abs(ln.indent - ref.indent) > _COLUMN_SLACK:
            continue  # another column of a side-by-side layout
        if ln.role or _only_labels(ln.text) or _is_ui(ln.text):
            continue
        if not _title_ok(ln):
            break
        if ln.is_prose and found is None:
            above = next((x for x in reversed(lines[max(0, i - 2) : i]) if not _is_ui(x.text)), None)
            if not passed_standfirst and above is not None and _title_ok(above) and not above.is_prose:
                passed_standfirst = True
                continue
            if not marked:
                break
        if found is not None:
            lower = lines[found]
            # A sub-headline sits right under its headline: no blank line, same indentation.
            subheadline = (
                not lower.blank_before and ln.indent == lower.indent and ln.weight >= 0.6 * lower.weight
            )
            # A long unpunctuated standfirst sits a blank line under a shorter headline.
            standfirst = (
                lower.weight >= 15
                and 6 <= ln.weight <= lower.weight / 1.3
                and lower.first - ln.last <= 3
            )
            if ln.is_prose or not (subheadline or standfirst):
                break
        found = i
        if ln.is_prose:
            break
    return found


def _only_labels(text: str) -> bool:
    return not re.search(r"\w", _LABELS_ANY.sub(" ", text))


def _is_ui(text: str) -> bool:
    """A row of toolbar, share, gallery, menu or dialog labels ("A+A- 打印 收藏", "☰ Menu")."""
    return len(text) <= 80 and only_phrases(text, _UI_ANY, _COUNTER_RE)


_LABELS_ANY = phrase_regex(META_LABELS, whole=False)
_UI_ANY = phrase_any(TOOLBAR + SHARE + IMAGE_UI + DIALOG + AI_SUMMARY + _NAV_WORDS)
_COUNTER_RE = rx(r"\b\d{1,3}\s*/\s*\d{1,3}\b")
_NAME_PREFIX_RE = rx(
    r"^(?:by|von|par|por|di|door|av|written by|autor|auteur|author|text|记者|記者|文)\s*[:：|｜]?\s*", re.I
)
_EMAIL_RE = rx(r"\s*[\w.+-]+@[\w-]+\.[\w.-]+\s*")


_CJK_LABELLED_RE = rx(r"(?:作者|记者|記者|撰文)\s*[:：|｜]\s*(\S{2,})")
_KO_ROLE_RE = rx(r"^(.*?(?:기자|특파원))(?=\s|$)")
_FROM_DIGIT_RE = rx(r"\s*\d.*$")


def byline_name(line: str) -> str:
    """The byline without its "By" and place prefixes, e-mail, date or trailing links.

    ``"베이징(중국)=백소희 기자"`` -> ``"백소희 기자"``; ``"Von Katrin Albers 18.07.2024"`` ->
    ``"Katrin Albers"``; ``"来源：东方财经网 作者：李明远 2024-08-05"`` -> ``"李明远"``.
    """
    labelled = _CJK_LABELLED_RE.search(line)
    if labelled:
        return labelled.group(1)
    name = _NAME_PREFIX_RE.sub("", _EMAIL_RE.sub(" ", line).strip())
    if "=" in name:
        name = name.rsplit("=", 1)[1]
    role = _KO_ROLE_RE.match(name.strip())
    if role:
        name = role.group(1)
    name = _FROM_DIGIT_RE.sub("", name)
    return name.strip(" ,;|·") or line.strip()
