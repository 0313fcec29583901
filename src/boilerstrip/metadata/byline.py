"""Bylines: the visible line near the headline first, then JSON-LD persons and the author meta tags.

A byline is cleaned to the names a reader would write: "By", e-mail addresses,
handles, links, dates and "Updated ..." go; several authors stay together; Korean
"기자" stays as printed. An organisation or the site's own name is never an author.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping

from lxml.html import HtmlElement

from ..page import PageMeta
from ..regex_cache import rx
from ..textutil import fold, is_cjk, squash
from ..trees import remembered_text
from . import jsonld
from ._dom import class_id, in_foreign_zone, is_hidden, near, printed_line, text_of, visible_text
from .dates import scan as scan_dates
from .found import NOTHING, Found
from .title import site_words

# -- what a byline element looks like ----------------------------------------------------

# searched in the lower-cased "class id" (``class_id``): no case-insensitive matching needed
_CLASS_RE = rx(
    r"byline|by-line|by_line|author|writer|reporter|journalist|columnist|contributor|posted-?by|"
    r"kija|reporter|기자|記者|作者|autor|auteur|redakteur|creator|(?:^|[\s_-])by(?:$|[\s_-])"
)
_CLASS_SKIP_RE = rx(
    r"avatar|author-?(?:bio|box|img|image|photo|pic|desc|description|about|card|follow)|about-?author|"
    r"authority|bio(?:$|\s)|follow|subscribe|social|share"
)
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ſ]"
# one combined pattern: (?i:...) marks the case-insensitive ones
_TEXT_PATTERNS = [
    rf"(?i:^(?:written |words |story |text |reported |posted |compiled )?by:?\s+{_CAP})",
    rf"^(?i:von|par|por|di|door|av|de)\s+{_CAP}\w+\s+{_CAP}",
    r"(?i:^(?:author|authors|autor|autorin|auteur|autora|autore|작성자)\s*[:：])",
    r"(?<![가-힣])[가-힣]{2,4}(?:\s*[·,ㆍ]\s*[가-힣]{2,4})*\s*(?:선임|수석|인턴|객원|전문|대)?(?:기자|특파원|통신원|논설위원|편집위원|칼럼니스트|평론가)(?![가-힣])",
    r"^(?:글|사진|글·사진|글ㆍ사진|사진·글)(?:\s*[=:·]\s*|\s+)[가-힣]{2,4}",
    r"(?:^|\s)(?:記者|记者)[\s：:]*[\u4e00-\u9fff\u3040-\u30ff]{2,8}|[\u4e00-\u9fff]{2,5}\s*記者(?:$|[\s）)])",
    r"^(?:文|作者|撰文|编辑|编译|文字)\s*[/／:：|｜]\s*\S",
]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# -- cleaning ------------------------------------------------------------------------------

_EMAIL_RE = rx(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_RE = rx(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_HANDLE_RE = rx(r"\(?\s*@\w{2,}\s*\)?")
_AGENCY_RE = rx(r"[\[(（【][^\])）】]{0,20}=[^\])）】]{0,20}[\])）】]")
_TIME_RE = rx(
    r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}T|UTC|GMT))?", re.IGNORECASE
)
_READ_RE = rx(
    r"\b\d+\s*(?:min(?:ute)?s?|mins)\.?\s*(?:read|lesezeit|de lecture|de lectura)\b|\b\d+\s+(?:hours?|days?|minutes?)\s+ago\b",
    re.IGNORECASE,
)
_CUT_RE = rx(
    r"(?:^|\s|[|•·])(?:last\s+)?(?:updated?|published|posted\s+on|modified|aktualisiert|veröffentlicht|"
    r"mis à jour|publié le|publié|actualizado|publicado|입력|수정|등록|업데이트|최종수정|更新|发布|發佈|公開|配信|"
    r"来源|來源|责任编辑|責任編輯|编辑|編輯|edited by|reviewed by|fact[- ]checked by|photos? by|"
    r"photographs? by|illustrations? by|additional reporting|follow|see all|view all|more from|"
    r"read more|contact|email|e-mail|twitter|facebook|instagram|linkedin|from:|source:|quelle:|"
    r"fuente:|fonte:)(?:\W|$).*$",
    re.IGNORECASE,
)
_PREFIX_RE = rx(
    r"^(?:(?:written|words|story|text|reported|posted|compiled|article)\s+)?by\s*:?\s+|^by\s*:\s*|"
    r"^(?:authors?|autor(?:in|a|e)?|auteur|작성자|저자|текст|автор|фото)\s*[:：]\s*|^(?:von|par|por|di|door|av)\s+|"
    r"^(?:글|사진|글·사진|글ㆍ사진|사진·글)(?:\s*[=:·]\s*|\s+)|^(?:文|作者|撰文|文字|记者|記者|编译)\s*[/／:：|｜]?\s*|"
    r"^(?:本报记者|本報記者)\s*",
    re.IGNORECASE,
)
_TITLE_WORDS = _wordset(
    "writer editor reporter correspondent contributor contributing columnist staff journalist author "
    "producer analyst photographer director senior chief associate special bureau deputy managing "
    "executive intern freelance freelancer ma phd md rn mph jd msc bsc dr prof professor news health "
    "health-news science technology tech business sports politics opinion guest desk reviewer "
    "redakteur redakteurin korrespondent korrespondentin journaliste correspondant rédacteur "
    "corresponsal redactor periodista"
)
_ORG_WORDS = _wordset(
    "news press media agency newsroom inc ltd llc gmbh corp corporation company group foundation "
    "organization organisation association institute university times post journal tribune herald "
    "gazette daily magazine tv radio network reuters afp ap dpa upi yonhap staff team editors "
    "editorial admin administrator webmaster guest anonymous unknown contributors wire services "
    "redaktion rédaction redacción"
)
_STAFF_WORDS = _wordset("staff team desk editorial editors newsroom redaktion rédaction redacción")
_ORG_NAMES = _wordset(
    "reuters afp ap dpa upi yonhap bloomberg xinhua efe ansa apa sda kyodo pti ians"
)
_JUNK_WORDS = _wordset(
    "follow share subscribe comment comments posts post view profile more articles newsletter print "
    "menu search home login sign read contact twitter facebook updated published advertisement "
    "about all see the this article photo image by par von por our unsere notre nuestro"
)
_CJK_ORG_RE = rx(
    r"(?:뉴스|신문|일보|방송|통신|미디어|뉴시스|新闻|新聞|日報|日报|通信|网|網|社|电视台|編集部|编辑部)$"
)
_PARTICLES = _wordset(
    "de da di del della der den van von ter du dos das le la el al bin ibn y e st st. jr jr. sr sr. "
    "ii iii iv mc mac o' d'"
)
_LISTED = _TITLE_WORDS | _ORG_WORDS | _JUNK_WORDS | _ORG_NAMES | _STAFF_WORDS
_JOIN_RE = rx(
    r"\s*(?:,|;|&|\(?\b(?:with|avec|mit|con|com)\b|\band\b|\bund\b|\bet\b|\by\b|\be\b|·|ㆍ|、|/)\s*"
)
_PIECE_SPLIT_RE = rx(r"\s*(?:\||•|\n|\s[–—-]\s|\s·\s|｜)\s*")
_WEEKDAY_RE = rx(
    r"(?<!\w)(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s*$|"
    r"(?<!\w)(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo),?\s*$",
    re.IGNORECASE,
)
_ZONE = r"(?:[ECMPA][SD]?T|GMT|UTC|BST|CES?T|IST|KST|JST|HKT|SGT|AES?T|AMT|MSK|WIB|PHT)"
_ZONE_RE = rx(rf"\s*(?:\(?{_ZONE}\)?|[+-]\d{{2}}:?\d{{2}}|Z\b)")
_ZONE_ONLY_RE = rx(rf"(?<!\w){_ZONE}(?!\w)")
# (compiled once and kept in the regex cache, not by ``re`` again in every process)
_EMPTY_BRACKETS_RE = rx(r"[()\[\]{}（）【】]\s*[)\]}）】]")
_KO_NAMES_END_RE = rx(r"[가-힣]{2,4}(?:\s*[·,ㆍ]\s*[가-힣]{2,4})*\s*$")
_KO_JOINER_SPACE_RE = rx(r"\s*([·ㆍ,])\s*")
_COLONS_RE = rx(r"[:：=]+")
_CJK_NAME_SPLIT_RE = rx(r"[\s·ㆍ,、/]+")
_GLUE_RE = rx(r"(?<=[a-z])(?=[A-Z]{2,})|(?<=[a-z])(?=(?:View|See|Read) (?:More|All))")
# "Meg JamesStaff Writer": a title word glued to the name by markup without a space
_TITLE_GLUE_RE = rx(
    r"(?<=[a-z])(?=(?:"
    + "|".join(
        sorted(
            # longest first, ties by name: the same pattern in every process (a set's order is not)
            {w.capitalize() for w in _TITLE_WORDS | _ORG_WORDS if len(w) > 3}, key=lambda w: (-len(w), w)
        )
    )
    + r")(?![a-z]))"
)
_TRAILING_LINK_RE = rx(
    r"(?i)(?:^|\s)(?:view|see|read)\s+(?:more|all)\b.*$|\s+(?:on|at|le|am|el|em|il|op)$"
)
_BY_LABEL_RE = rx(r"(?i)^(?:[\w ]{0,12}\s)?by\s*:?\s|^(?:von|par|por|di|door|av)\s")
_KO_LEADING_TITLE_RE = rx(
    r"^(?:칼럼니스트|문화평론가|평론가|객원기자)\s+[가-힣]{2,4}(?![가-힣])"
)
_LABEL_BREAK_RE = rx(r"(?i)(?<!\w)((?:written\s+)?by|par|von|por|di|door|av)\s*\n\s*")
_KO_TITLE_RE = rx(
    r"(?:선임|수석|인턴|객원|전문|대)?(?:기자|특파원|통신원|논설위원|편집위원|칼럼니스트|평론가)(?![가-힣])"
)


def clean_byline(raw: str, forbidden: set[str] | None = None) -> str | None:
    """Author names from a printed byline; ``None`` when nothing in it looks like a person."""
    found = read_byline(raw, forbidden)
    return found[0] if found else None


def read_byline(raw: str, forbidden: set[str] | None = None) -> tuple[str, str] | None:
    """``(names, line)`` from a printed byline: the clean names, and the part of the text that
    carries them as a reader sees it ("By Jane Doe", without the date or share buttons after it)."""
    if not raw:
        return None
    text = _EMAIL_RE.sub(" ", raw)
    text = _URL_RE.sub(" ", text)
    text = _HANDLE_RE.sub(" ", text)
    text = _AGENCY_RE.sub(" ", text)
    forbidden = forbidden or set()
    text = _LABEL_BREAK_RE.sub(r"\1 ", text)
    text = _GLUE_RE.sub(" ", text)
    text = _TITLE_GLUE_RE.sub(" ", text)
    text = _remove_dates(text, " | ")
    for piece in _PIECE_SPLIT_RE.split(text):
        piece = squash(piece)
        names = _clean_piece(piece, forbidden)
        if names:
            line = _TRAILING_LINK_RE.sub("", _CUT_RE.sub("", piece)).strip(" ,;:|-–—·/@")
            return names, line or names
    return None


def _clean_piece(text: str, forbidden: set[str]) -> str | None:
    text = _CUT_RE.sub("", text).strip()
    text = _TRAILING_LINK_RE.sub("", text).strip()
    for _ in range(3):
        new = _PREFIX_RE.sub("", text).strip()
        if new == text:
            break
        text = new
    text = _EMPTY_BRACKETS_RE.sub(" ", text)
    text = _strip_unbalanced(squash(text).strip(" ,;:=|-–—·/[]@"))
    if not text or fold(text) in forbidden:
        return None
    if is_cjk(text):
        return _clean_cjk(text, forbidden)
    return _clean_latin(text, forbidden)


def _strip_unbalanced(text: str) -> str:
    """Drop a leading "(" or trailing ")" that has no partner."""
    for _ in range(3):
        if text.endswith(")") and text.count(")") > text.count("("):
            text = text[:-1].rstrip()
        elif text.startswith("(") and text.count("(") > text.count(")"):
            text = text[1:].lstrip()
        elif text.endswith("(") or text.startswith(")"):
            text = text.strip("()").strip()
        else:
            break
    return text


def _remove_dates(text: str, mark: str = " ") -> str:
    """``text`` with dates (and their weekday), times, time zones and "2 min read" replaced by ``mark``."""
    spans = [(s, e) for _, s, e in scan_dates(text)]
    for s, e in reversed(spans):
        day = _WEEKDAY_RE.search(text[:s])
        end = e
        zone = _ZONE_RE.match(text, end)
        if zone:
            end = zone.end()
        text = text[: day.start() if day else s] + mark + text[end:]
    text = _TIME_RE.sub(mark, text)
    text = _READ_RE.sub(mark, text)
    text = _ZONE_ONLY_RE.sub(mark, text)
    return text


def _clean_cjk(text: str, forbidden: set[str]) -> str | None:
    leading = _KO_LEADING_TITLE_RE.match(text)
    if leading:
        return leading[0] if fold(leading[0]) not in forbidden else None
    titles = list(_KO_TITLE_RE.finditer(text))
    if titles:
        m = titles[-1]
        text = text[: m.end()]
        # keep only the names before the title word: "[사회부] 홍길동 기자" -> "홍길동 기자"
        head = text[: m.start()].strip()
        names = _KO_NAMES_END_RE.findall(head)
        if not names:
            return None
        text = f"{names[-1].strip()} {text[m.start() :].strip()}"
        text = _KO_JOINER_SPACE_RE.sub(r"\1", text)
    text = squash(_COLONS_RE.sub(" ", text)).strip(" ,")
    if not text or any(ch.isdigit() for ch in text) or len(text) > 40:
        return None
    chunks = [c for c in _CJK_NAME_SPLIT_RE.split(text) if c]
    kept = [
        c for c in chunks if not (_CJK_ORG_RE.search(c) and len(c) > 2) and fold(c) not in forbidden
    ]
    if not kept or len(kept) > 6:
        return None
    if len(kept) < len(chunks):
        text = " ".join(kept)
    return text if fold(text) not in forbidden else None


def _clean_latin(text: str, forbidden: set[str]) -> str | None:
    # job titles or organisations after a comma or "of": "Jane Doe, Staff Writer"
    parts = [p for p in _JOIN_RE.split(text) if p and p.strip()]
    people: list[str] = []
    changed = False
    for raw_part in parts:
        base = raw_part.strip(" .'\"“”()")
        part = _drop_trailing_org(base, forbidden)
        changed = changed or part != base
        verdict = _person(part, forbidden)
        if verdict:
            people.append(part)
        elif verdict is None:
            return None  # junk: this piece is not a byline at all
    if not people or len(people) > 8:
        return None
    if len(people) == len(parts) and not changed:
        return squash(text.strip(" ,;&"))
    return _join(people)


def _drop_trailing_org(part: str, forbidden: set[str]) -> str:
    """ "Kevin McCoy USA TODAY" -> "Kevin McCoy" when the tail names the site or an organisation.

    A part ending in an organisation suffix ("... Press", "... Agency") of three words or fewer
    is an organisation as a whole and is returned unchanged (``_person`` rejects it).
    """
    words = part.split()
    for size in (3, 2, 1):
        if len(words) > size + 1 and fold(" ".join(words[-size:])) in forbidden:
            return " ".join(words[:-size])
    # job titles after the name: "Jane Doe Staff Writer", "John Roe Associated Press Writers"
    while len(words) > 2 and _singular(words[-1]) in _TITLE_WORDS:
        words = words[:-1]
    part = " ".join(words)
    last = _singular(words[-1]) if words else ""
    if len(words) < 3 or last in _STAFF_WORDS:
        return part
    if last in _ORG_NAMES:
        return " ".join(words[:-1])
    if last in _ORG_WORDS and len(words) >= 4:
        return " ".join(words[:-2])
    return part


def _singular(word: str) -> str:
    """Lower case, punctuation and a plural "s" taken off, for the word lists."""
    low = word.lower().strip(".,'\"()")
    return low[:-1] if len(low) > 3 and low.endswith("s") and low[:-1] in _LISTED else low


def _person(part: str, forbidden: set[str]) -> bool | None:
    """True for a person's name, False for a title or an organisation, None for junk."""
    words = part.replace("’", "'").split()
    key = fold(part)
    if not words or key in forbidden:
        return False
    if len(key) >= 6 and any(site.startswith(key) for site in forbidden):
        return False  # "Practical Horseman" on practicalhorsemanmag.com
    lower = [_singular(w) for w in words]
    if any(w in _JUNK_WORDS for w in lower) and not all(w[:1].isupper() for w in words):
        return None
    if any(w in _JUNK_WORDS for w in lower) and len(words) <= 2:
        return None
    if any(w in _ORG_WORDS for w in lower) or any(w in _TITLE_WORDS for w in lower):
        return False
    if any(ch.isdigit() for ch in part) or len(words) > 5 or len(part) > 60:
        return None
    if (
        lower[0] in ("the", "der", "die", "das", "le", "la", "les", "el", "los", "las")
        and len(words) > 1
    ):
        return False
    if len(words) == 1 and (len(part) < 2 or part.isupper() and len(part) <= 3):
        return False
    for w, lw in zip(words, lower, strict=True):
        if lw in _PARTICLES:
            continue
        first = w.lstrip("(\"'“")[:1]
        if not first or not (first.isupper() or not first.isalpha()):
            return None
    return True


def _join(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


# -- finding -------------------------------------------------------------------------------


def forbidden_names(meta: PageMeta, url: str | None = None) -> set[str]:
    """Folded names an author can never be: the site, its domain, its publisher, organisations."""
    out = site_words(meta, url or meta.canonical)
    for org in jsonld.organisations(meta.jsonld):
        out.add(fold(org))
    # a person the page declares as its author may share the site's name (a personal blog)
    for person in jsonld.authors(meta.jsonld):
        if len(person.split()) >= 2:
            out.discard(fold(person))
    for key in (
        "og:site_name",
        "application-name",
        "twitter:site",
        "publisher",
        "article:publisher",
    ):
        value = meta.metas.get(key)
        if value and not value.startswith("http"):
            out.add(fold(value.lstrip("@")))
    out.discard("")
    return out


_LAST_FIRST_RE = rx(rf"^({_CAP}[\w'’-]+),\s+({_CAP}[\w.'’-]*(?:\s+[\w.'’-]+){{0,2}})$")


def metadata_authors(
    meta: PageMeta, forbidden: set[str], every: dict[str, list[str]] | None = None
) -> list[str]:
    """Authors from JSON-LD persons, then ``meta[name=author]``, ``article:author``, ``dc.creator``.

    Tags given several times (one ``dc.creator`` per author) give every author;
    "Doe, Jane" is turned into "Jane Doe".
    """
    sources: list[list[str]] = [jsonld.authors(meta.jsonld)]
    for key in (
        "author",
        "article:author",
        "og:article:author",
        "dc.creator",
        "citation_author",
        "parsely-author",
        "sailthru.author",
        "byl",
        "dc.contributor",
    ):
        values = (every or {}).get(key) or ([meta.metas[key]] if key in meta.metas else [])
        if values:
            sources.append(values)
    for names in sources:
        out: list[str] = []
        for name in names:
            if name.startswith(("http://", "https://", "/")):
                continue
            m = _LAST_FIRST_RE.match(name.strip())
            if m:
                name = f"{m[2]} {m[1]}"
            cleaned = clean_byline(name, forbidden)
            if cleaned and cleaned not in out:
                out.append(cleaned)
        if out:
            return out
    return []


def _is_candidate(el: HtmlElement) -> bool:
    """Marked up as a byline: ``itemprop``/``rel`` author, or a byline class or id."""
    names = el.keys()  # its attribute names, in one call: a get only for those it has
    if not names:
        return False
    if _marked_author(el, names):
        return True
    if "class" not in names and "id" not in names:
        return False
    ci = class_id(el)
    return bool(ci) and _byline_class(ci)


def _marked_author(el: HtmlElement, names: list[str]) -> bool:
    """``itemprop`` or ``rel`` says author (``names``: the element's attribute names)."""
    return ("itemprop" in names and el.get("itemprop") in ("author", "creator")) or (
        "rel" in names and "author" in el.get("rel").split()
    )


# keys repeat on a page, and across the pages of a site or a batch: each is judged once
@functools.lru_cache(maxsize=50_000)
def _byline_class(ci: str) -> bool:
    return bool(_CLASS_RE.search(ci)) and not _CLASS_SKIP_RE.search(ci)


_TEXT_RE = rx("|".join(f"(?:{p})" for p in _TEXT_PATTERNS))


def _text_match(text: str) -> bool:
    if len(text) > 120:
        return False
    if text.isascii():  # only the patterns anchored at the start can match ASCII text
        return _TEXT_RE.match(text) is not None
    return _TEXT_RE.search(text) is not None


def _window(root: HtmlElement, headline: HtmlElement | None) -> list[tuple[int, HtmlElement]]:
    return near(root, headline, before=80, after=500, before_weight=3)


def _line(el: HtmlElement, headline: HtmlElement | None) -> tuple[HtmlElement, str]:
    """Climb to the element holding the whole printed byline ("By" and separators included)."""
    return printed_line(el, headline, extra=40, longest=150, stop=("body", "html", "article", "main", "header"))


# The longest text read as a byline: of an element marked up as one, and of any other.
_LONGEST_MARKED = 400


def visible_bylines(
    root: HtmlElement,
    meta: PageMeta,
    headline: HtmlElement | None,
    forbidden: set[str],
    window: list[tuple[int, HtmlElement]] | None = None,
    sizes: Mapping[HtmlElement, int] | None = None,
    texts: dict[HtmlElement, str] | None = None,
) -> Iterator[tuple[int, str, str, HtmlElement]]:
    """Printed bylines near the headline as ``(distance, names, line, element)``, nearest first
    (at most six; read as far as the caller asks).

    ``sizes`` (letters and digits under each element, :meth:`Page.sizes`) passes over the
    elements without a letter or too long to be a byline, before reading their text;
    ``texts`` keeps the texts read for the next reader (:func:`~boilerstrip.trees.remembered_text`).
    """
    window = window if window is not None else _window(root, headline)
    sizes = sizes or {}
    taken: list[HtmlElement] = []
    for dist, el in window:
        letters = sizes.get(el)
        if letters is not None and not 0 < letters <= _LONGEST_MARKED:
            continue  # no name in it, or longer than any byline text allowed below
        if el.tag in ("script", "style", "meta", "link", "img", "noscript", "head", "title"):
            continue
        by_markup = _is_candidate(el)
        if not by_markup and (len(el) > 4 or dist > 200):
            continue
        longest = _LONGEST_MARKED if by_markup else 200
        if letters is not None and letters > longest:
            continue
        raw = remembered_text(el, texts)
        if len(raw) > longest:
            continue
        text = squash(raw)
        if not text:
            continue
        if not by_markup and not _text_match(text):
            continue
        if any(t is el or el in t.iterdescendants() or t in el.iterdescendants() for t in taken):
            continue
        strong = _marked_author(el, el.keys())
        if is_hidden(el) or in_foreign_zone(el, near=dist <= 25, allow_aside=strong):
            continue
        block = _block_text(el)
        found = read_byline(block, forbidden)
        if not found:
            continue
        names, line = found
        if " " not in names and not is_cjk(names) and not _BY_LABEL_RE.match(line):
            continue  # a lone word is a name only after "By" (else a dateline or a label)
        el = _innermost(el, names, forbidden)
        line_el, _ = _line(el, headline)
        line_block = _block_text(line_el)  # (often the same text: read once)
        wider = found if line_block == block else read_byline(line_block, forbidden)
        if wider and wider[0] == names:
            line = wider[1]
        taken.append(line_el)
        yield dist, names, line, line_el
        if len(taken) >= 6:
            break


def _innermost(el: HtmlElement, names: str, forbidden: set[str]) -> HtmlElement:
    """The deepest descendant of ``el`` whose text still gives the same names, while ``el`` is
    too long to be one printed line."""
    while len(text_of(el)) > 80:
        for child in el:
            if isinstance(child.tag, str) and clean_byline(_block_text(child), forbidden) == names:
                el = child
                break
        else:
            return el
    return el


def _block_text(el: HtmlElement) -> str:
    """Text of ``el`` with a line break between block children (so a bio line stays apart)."""
    parts: list[str] = []
    if el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            if child.tag in ("script", "style", "noscript"):
                pass
            elif child.tag in ("div", "p", "br", "li", "ul", "section", "time", "h2", "h3", "h4"):
                parts.append("\n" + text_of(child) + "\n")
            else:
                parts.append(visible_text(child))
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)


def find_byline(
    root: HtmlElement,
    meta: PageMeta,
    headline: HtmlElement | None,
    url: str | None = None,
    sizes: Mapping[HtmlElement, int] | None = None,
    texts: dict[HtmlElement, str] | None = None,
) -> Found:
    """The byline: names, the printed line and its element (``sizes`` and ``texts`` as in
    :func:`visible_bylines`)."""
    forbidden = forbidden_names(meta, url)
    from_meta = meta.authors or metadata_authors(meta, forbidden)
    window = _window(root, headline)
    # a printed byline naming a metadata author is the surest; else the nearest (the bylines
    # are read one by one, only as far as that choice needs)
    keys = [fold(n) for n in from_meta]
    nearest = None
    for seen in visible_bylines(root, meta, headline, forbidden, window, sizes, texts):
        nearest = nearest or seen
        _dist, names, line, el = seen
        if not from_meta:
            break
        if any(k and k in fold(names) for k in keys):
            return Found(names, line, el)
    if nearest is not None:
        dist, names, line, el = nearest
        if not from_meta or dist <= 120:
            return Found(names, line, el)
    if not from_meta:
        inline = _in_body_lines(window, forbidden)
        if inline:
            # the line is part of a paragraph: no element of its own to drop
            return Found(inline[0], inline[1], None)
    if from_meta:
        names = _join(from_meta)
        line_el = _locate(window, from_meta, headline, texts)
        if line_el is not None:
            return Found(names, line_el[1], line_el[0])
        return Found(names, None, None)
    return NOTHING


_KO_NAMES = r"[가-힣]{2,4}(?:\s*[·,ㆍ]\s*[가-힣]{2,4})*\s*(?:선임|수석|인턴|객원|전문|대)?(?:기자|특파원|통신원|칼럼니스트|평론가)"
_EMAIL_TAIL = r"(?:\s*[(<\[]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[)>\]]?)?"


@functools.cache
def _body_line_res() -> list[re.Pattern[str]]:
    """The in-body byline patterns, compiled on the first page that has a Korean or Chinese
    reporter marker (they cost a few ms to compile, on every run that imports this module)."""
    return [rx(p) for p in _BODY_LINE_PATTERNS]


_BODY_LINE_PATTERNS = [
    # "(서울=연합뉴스) 홍길동 기자 = ..." / "[서울=뉴시스]홍길동 기자 = ..." opening a paragraph
    rf"^\s*[\[(【][^\])】]{{1,20}}=[^\])】]{{0,20}}[\])】]\s*(?P<line>{_KO_NAMES})\s*=",
    # "홍길동 기자 hong@example.co.kr" on a line of its own (often closing the article)
    rf"^\s*(?P<line>{_KO_NAMES}{_EMAIL_TAIL})\s*$",
    rf"^\s*(?P<line>(?:칼럼니스트|평론가|문화평론가|객원기자)\s+[가-힣]{{2,4}}{_EMAIL_TAIL})\s*$",
    # "（记者 张三）" / "(本报记者 张三 李四)" opening a paragraph
    r"^\s*[（(]\s*(?P<line>(?:本报|本報)?(?:记者|記者)\s*[\u4e00-\u9fff]{2,4}(?:[\s、][\u4e00-\u9fff]{2,4})*)\s*[）)]",
]
_BODY_MARKERS = ("기자", "칼럼니스트", "평론가", "记者", "記者", "특파원", "통신원")


def _in_body_lines(
    window: list[tuple[int, HtmlElement]], forbidden: set[str]
) -> tuple[str, str] | None:
    """A byline printed inside the article text: "(서울=연합뉴스) 홍길동 기자 = ...", a closing
    "홍길동 기자 hong@example.co.kr" line, "（记者 张三）". Returns ``(names, line)``."""
    for _dist, el in window:
        if el.tag not in ("p", "div", "td", "span", "section", "article", "font"):
            continue
        direct = (el.text or "") + "".join(child.tail or "" for child in el)
        if not any(marker in direct for marker in _BODY_MARKERS):
            continue
        if is_hidden(el) or in_foreign_zone(el):
            continue
        lines = [line for line in visible_text(el).split("\n") if line.strip()]
        for line in lines[:2] + lines[-4:]:
            for pattern in _body_line_res():
                m = pattern.search(line[:200])
                if m:
                    names = clean_byline(m["line"], forbidden)
                    if names:
                        return names, squash(m["line"])
    return None


def _locate(
    window: list[tuple[int, HtmlElement]],
    names: list[str],
    headline: HtmlElement | None,
    texts: dict[HtmlElement, str] | None = None,
) -> tuple[HtmlElement, str] | None:
    """A short printed line near the headline naming the metadata author."""
    key = fold(names[0])
    if not key:
        return None
    for dist, el in window:
        if dist > 150:
            break
        if len(el) > 4:
            continue
        raw = squash(remembered_text(el, texts))
        if len(raw) > len(names[0]) + 25 or raw.endswith("."):
            continue
        if key in fold(raw) and not is_hidden(el) and not in_foreign_zone(el):
            return _line(el, headline)
    return None
