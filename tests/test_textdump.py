"""Plain-text dumps (issue 5): the seed dump as a golden test, each text cleaner, properties."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boilerstrip.article import Article
from boilerstrip.caption_text import is_caption
from boilerstrip.errors import NoArticle
from boilerstrip.pipeline import LazyFn, Pipeline
from boilerstrip.textdump import TEXT_CLEANERS, TextPage, strip_text
from boilerstrip.textdump.assemble import as_text
from boilerstrip.textdump.dates import parse_date

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed-dump"

LEAD = (
    "The city council voted on Tuesday to expand the bus network, adding three routes that "
    "will connect the northern suburbs with the central station by next spring."
)
BODY = [
    LEAD,
    "Officials said the plan would cost about 40 million dollars over five years, most of it "
    "paid from a regional transport fund that was approved last year.",
    "Residents who spoke at the meeting were divided. Some welcomed shorter commutes, while "
    "others worried about traffic on narrow residential streets.",
    "The first of the new routes is expected to open in March, the council said in a statement.",
]
NAV = ["Home", "World", "Business", "Tech", "Sport", "Culture", "Opinion"]


def pipeline() -> Pipeline:
    return Pipeline(TEXT_CLEANERS)


def strip(text: str) -> Article:
    return strip_text(text, pipeline=pipeline())


def rendered(article: Article) -> str:
    """``article.text`` once the text renderer exists, the dump renderer until then."""
    try:
        return article.text
    except ImportError:
        return as_text(article)


def squash(text: str) -> str:
    return " ".join(text.split())


def news_dump(*, before: list[str] = (), after: list[str] = (), middle: list[str] = ()) -> str:  # type: ignore[assignment]
    parts = [
        *NAV,
        "",
        "Council expands bus network to northern suburbs",
        "By Jane Doe",
        "Published March 3, 2024",
        *before,
        "",
        BODY[0],
        "",
        BODY[1],
        *middle,
        "",
        BODY[2],
        "",
        BODY[3],
        *after,
        "",
        "About us",
        "Contact",
        "Privacy",
        "Terms",
    ]
    return "\n".join(parts)


# --- the seed dump -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Article:
    return strip_text((SEED / "page.txt").read_text(encoding="utf-8"), pipeline=pipeline())


@pytest.fixture(scope="module")
def expect() -> dict[str, object]:
    return dict(json.loads((SEED / "expect.json").read_text(encoding="utf-8")))


def test_seed_keeps_every_paragraph(seed: Article, expect: dict[str, list[str]]) -> None:
    text = squash(rendered(seed))
    missing = [s for s in expect["with"] if squash(s) not in text]
    assert not missing


def test_seed_drops_boilerplate(seed: Article, expect: dict[str, list[str]]) -> None:
    text = squash(rendered(seed))
    leaked = [s for s in expect["without"] if squash(s) in text]
    assert not leaked


def test_seed_repeats_once(seed: Article, expect: dict[str, list[str]]) -> None:
    text = squash(rendered(seed))
    wrong = {s: text.count(squash(s)) for s in [*expect["once"], *expect["captions"]]}
    assert all(n == 1 for n in wrong.values()), wrong


def test_seed_captions_and_facts(seed: Article, expect: dict[str, object]) -> None:
    assert seed.captions == expect["captions"]
    assert seed.title == expect["title"]
    assert seed.byline == expect["byline"]
    assert (seed.date or "").startswith(str(expect["date"]))
    assert seed.date == "2024-08-04T14:47"
    assert seed.byline_line == "베이징(중국)=백소희 기자"
    assert seed.date_line == "입력 2024-08-04 14:47"
    assert seed.lang == "ko"
    assert seed.input_format == "text"
    assert [b.kind for b in seed.blocks[:3]] == ["heading"] * 3
    assert all(b.kind != "caption" for b in seed.body)


def test_seed_golden(seed: Article) -> None:
    want = (SEED / "expected.txt").read_text(encoding="utf-8")
    got = rendered(seed)
    if got != want:
        diff = difflib.unified_diff(want.splitlines(True), got.splitlines(True), "expected.txt", "output")
        pytest.fail("seed-dump golden differs:\n" + "".join(diff), pytrace=False)


def test_seed_drops_are_recorded(seed: Article) -> None:
    names = {c.name for c in TEXT_CLEANERS}
    assert seed.dropped
    for d in seed.dropped:
        assert d.cleaner in names
        assert d.reason and d.preview and d.chars > 0
        assert re.fullmatch(r"line \d+(-\d+)?", d.path)
    counts = seed.cleaner_counts()
    for name in ("toolbar_lines", "widget_counters", "dialog_lines", "image_ui_lines",
                 "ad_slot_ids", "copyright_lines", "popular_lists", "repeated_paragraphs"):
        assert counts.get(name), f"{name} dropped nothing on the seed"


# --- the registry ------------------------------------------------------------------------


def test_cleaners_are_named_and_documented() -> None:
    names = [c.name for c in TEXT_CLEANERS]
    assert len(names) == len(set(names))
    for c in TEXT_CLEANERS:
        assert c.kind == "text"
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", c.name)
        fn = c.fn.load() if isinstance(c.fn, LazyFn) else c.fn  # loaded on first use
        assert fn.__name__ == c.name
        doc = (fn.__doc__ or "").strip().splitlines()
        assert c.summary and len(doc) > 2, f"{c.name} needs a summary line and an explanation"


def test_disabling_a_cleaner_keeps_its_lines(seed: Article) -> None:
    p = pipeline()
    p.disable(["copyright_lines", "body_region"])
    article = strip_text((SEED / "page.txt").read_text(encoding="utf-8"), pipeline=p)
    assert "무단전재" in rendered(article)
    assert "copyright_lines" not in article.cleaner_counts()


# --- one behaviour per cleaner -------------------------------------------------------------


@pytest.mark.parametrize(
    "junk",
    [
        ["Print", "Share", "Font size"],  # toolbar
        ["Share Tweet Email"],
        ["12 comments"],  # widget counters
        ["0 / 300"],
        ["댓글 3"],
        ["Are you sure you want to delete this comment?"],  # dialogs
        ["Close"],
        ["We use cookies"],
        ["Enlarge this image"],  # image UI
        ["Advertisement"],  # ads
        ["sidebar_PC"],
        ["div-gpt-ad-1234567-0"],
        ["© 2024 Example News. All rights reserved."],  # copyright
        ["Alle Rechte vorbehalten."],
        ["Reprinted with permission."],
        ["Tags: buses, council, transport"],  # tag rows
        ["Filed Under: Transport"],
        ["태그: 버스, 교통"],
    ],
)
def test_boilerplate_inside_the_article_goes(junk: list[str]) -> None:
    article = strip(news_dump(middle=["", *junk]))
    text = rendered(article)
    for line in junk:
        assert line not in text
    for para in BODY:
        assert para in text


def test_related_list_goes_with_its_items() -> None:
    items = [
        "Most read",
        "* Mayor unveils plan for new riverside park",
        "* Local bakery wins national award for sourdough",
        "* Storm expected to hit the coast this weekend",
    ]
    article = strip(news_dump(after=["", *items]))
    text = rendered(article)
    assert "riverside park" not in text and "Most read" not in text
    assert BODY[3] in text


def test_comment_thread_goes() -> None:
    thread = [
        "",
        "3 Comments",
        "jdoe says:",
        "March 3, 2024 at 9:12 am",
        "This is the best news I have read all week, finally some progress on the buses.",
        "anna says:",
        "March 3, 2024 at 9:40 am",
        "I doubt it will open in March, these projects are always late, as we all know.",
    ]
    article = strip(news_dump(after=thread))
    text = rendered(article)
    assert "best news" not in text and "jdoe" not in text
    assert BODY[3] in text
    assert article.cleaner_counts().get("comment_threads")


def test_comment_link_under_the_headline_stays() -> None:
    article = strip(news_dump(before=["12 comments"]))
    assert all(p in rendered(article) for p in BODY)


def test_menu_runs_go_but_subheadlines_stay() -> None:
    subs = [
        "* Three new routes will link the suburbs with the centre",
        "* Council says work starts next spring",
    ]
    article = strip(news_dump(before=subs))
    text = rendered(article)
    assert "Business" not in text and "Privacy" not in text
    assert "Three new routes will link the suburbs with the centre" in text


def test_list_announced_by_a_colon_stays() -> None:
    items = ["June 9 – West Palm Beach, FL", "June 10 – Tampa, FL", "June 14 – Alpharetta, GA"]
    article = strip(news_dump(after=["", "The tour dates:", *items]))
    text = rendered(article)
    assert all(item in text for item in items)
    assert "Privacy" not in text


def test_teasers_in_another_container_go() -> None:
    teasers = []
    for n in range(6):
        teasers += [
            f"          Story number {n} about something else entirely",
            "          2 hours ago",
            f"          A summary of story {n}, which is about another subject, runs two lines long here.",
        ]
    dump = news_dump(after=["", *teasers])
    text = rendered(strip(dump))
    assert "Story number" not in text and "A summary of story" not in text
    assert BODY[3] in text


def test_author_bio_at_the_end_goes() -> None:
    bio = "Jane Doe is a staff writer at Example News covering transport and city hall."
    article = strip(news_dump(after=["", bio, "Follow her on Twitter at @janedoe."]))
    text = rendered(article)
    assert bio not in text and "Follow her" not in text
    assert BODY[3] in text


def test_facts_are_found() -> None:
    article = strip(news_dump())
    assert article.title == "Council expands bus network to northern suburbs"
    assert article.byline == "Jane Doe"
    assert article.byline_line == "By Jane Doe"
    assert article.date == "2024-03-03"
    assert article.lang == "en"
    assert article.title not in [b.text for b in article.blocks]


def test_ai_summary_repeats_are_dropped_keeping_the_fuller_copy() -> None:
    summary = ["AI summary", BODY[0][:90], BODY[1]]
    article = strip(news_dump(before=["", *summary]))
    text = squash(rendered(article))
    assert text.count(squash(BODY[0][:90])) == 1
    assert text.count(squash(BODY[1])) == 1
    first_para = next(b for b in article.blocks if b.kind == "paragraph")
    assert first_para.text == BODY[0]


def test_alt_text_repeating_a_caption_goes() -> None:
    caption = "Buses wait at the central station on Monday. (Photo: Jane Doe)"
    alt = "Buses wait at the central station on Monday Photo Jane Doe"
    article = strip(news_dump(middle=["", alt, caption]))
    assert article.captions == [caption]
    assert alt not in rendered(article)


@pytest.mark.parametrize(
    "caption",
    [
        "시민들이 광장을 걷고 있다. [사진=연합뉴스]",
        "▲ 시민들이 광장을 걷고 있다.",
        "記者会見する首相＝ロイター",
        "市民在广场散步。（图片来源：新华社）",
        "Menschen auf dem Marktplatz. Foto: dpa",
        "Des passants sur la place. (Crédit photo : AFP)",
        "Buses at the depot (AP Photo/Jane Doe)",
        "In this March 3, 2024, file photo, buses wait at the depot.",
        "1 of 4 A shopper looks at extension cords at a hardware store.",
    ],
)
def test_caption_patterns(caption: str) -> None:
    assert is_caption(caption)


def _every_caption_pattern(text: str) -> bool:
    from boilerstrip import caption_text as c
    from boilerstrip.textutil import Hinted

    if len(text) > 600:
        return False
    patterns = (c._BRACKET_CREDIT_RE, c._LEADING_RE, c._WIRE_RE, c._TRAILING_CREDIT_RE, c._EQUALS_CREDIT_RE,
                c._SLIDE_CAPTION_RE, c._COPY_CREDIT_RE, c._CJK_CREDIT_RE)  # fmt: skip
    plain = [p.pattern if isinstance(p, Hinted) else p for p in patterns]  # without the hint check
    return any(p.search(text) for p in plain) or (len(text) <= 400 and bool(c._PHOTO_WORDS_RE.pattern.search(text)))


def test_caption_hints_skip_only_texts_no_pattern_matches() -> None:
    from pathlib import Path

    from boilerstrip.parse import parse_html

    texts = [
        "Buses at the depot. PHOTO: Jane Doe", "[사진=서울시]", "(Photograph by AP)", "CRÉDIT PHOTO : AFP",
        "Smith, LEFT, SHAKES hands with Jones", "In this FILE PHOTO taken in 2019", "ARCHIVFOTO: dpa",
        "시민들이 걷고 있다. 자료사진", "▲ 시민들", "Bild: Keystone", "The mayor spoke.", "",
    ]
    for path in sorted(Path(__file__).parent.parent.joinpath("fixtures").glob("*/page.*")):
        root = parse_html(path.read_bytes().decode("utf-8", "replace"))
        texts += [" ".join(t.split()) for t in root.itertext()]
    found = 0
    for text in texts:
        expected = _every_caption_pattern(text)
        found += expected
        assert is_caption(text) == expected, text
    assert found >= 15


def test_caption_patterns_find_a_credit_at_the_end_of_a_long_paragraph() -> None:
    """Patterns anchored at the end are tried only near it: a long paragraph changes nothing."""
    from boilerstrip import caption_text

    lead = "Officials said the plan would cost about 40 million dollars over ten years. " * 5
    for credit in ("(AP Photo/Jane Doe)", "[사진=서울시]", "Foto: dpa", "＝ロイター", "（北陽市提供）", "© AFP"):
        text = lead + credit
        assert len(text) > caption_text._TAIL
        full = caption_text._TAIL
        try:
            caption_text._TAIL = 10**6  # every position, as before the shortcut
            slow = caption_text.is_caption(text)
        finally:
            caption_text._TAIL = full
        assert caption_text.is_caption(text) == slow, credit
        assert caption_text.is_caption(text, squashed=True) == slow, credit  # (it is squashed)
    assert not caption_text.is_caption(lead.strip())


@pytest.mark.parametrize(
    "text",
    [
        "The photo was taken on Monday, she said.",
        "베이징(중국)=백소희 기자",
        "Officials said the plan would cost about 40 million dollars.",
    ],
)
def test_not_captions(text: str) -> None:
    assert not is_caption(text)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("입력 2024-08-04 14:47", "2024-08-04T14:47"),
        ("2024년 8월 4일", "2024-08-04"),
        ("2024年8月4日 14:47", "2024-08-04T14:47"),
        ("Published March 3, 2024", "2024-03-03"),
        ("3. März 2024", "2024-03-03"),
        ("le 3 mars 2024", "2024-03-03"),
        ("3 de marzo de 2024", "2024-03-03"),
        ("Updated 03.03.2024", "2024-03-03"),
        ("November 19, 2019 at 6:34 pm", "2019-11-19T18:34"),
        ("22/05/2024 - 09:40h", "2024-05-22T09:40"),
    ],
)
def test_parse_date(line: str, iso: str) -> None:
    assert parse_date(line) == iso


def test_hard_wrapped_dump_is_unwrapped() -> None:
    words = " ".join(BODY).split()
    wrapped, line = [], ""
    for w in words:
        if len(line) + len(w) + 1 > 70:
            wrapped.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    wrapped.append(line)
    page = TextPage("\n".join(wrapped))
    assert len(page.lines) == 1
    assert page.lines[0].first == 1 and page.lines[0].last == len(wrapped)


def test_wrapped_block_inside_a_browser_copy_is_unwrapped() -> None:
    pre = [
        "   This draft describes a protocol by which client-side applications,",
        "   running inside a web browser, can communicate with a data storage",
        "   server that is hosted on a different domain name.",
    ]
    page = TextPage("\n".join(["Home", "", *pre, "", "Next page"]))
    texts = [ln.text for ln in page.lines]
    assert texts[1].startswith("This draft") and texts[1].endswith("domain name.")
    assert len(texts) == 3


def test_headline_lists_are_not_joined() -> None:
    items = [
        "Mayor unveils plan for new riverside park in the city",
        "Local bakery wins national award for its sourdough",
        "Storm expected to hit the coast this weekend, say forecasters",
    ]
    assert len(TextPage("\n".join(items)).lines) == 3


def test_table_columns_become_lines_of_their_own() -> None:
    page = TextPage("Headline of the story          Most read\nBy Jane Doe          1. Other story")
    assert [(ln.text, ln.cell) for ln in page.lines] == [
        ("Headline of the story", True),
        ("Most read", True),
        ("By Jane Doe", True),
        ("Other story", True),
    ]
    assert page.lines[1].indent > page.lines[0].indent


def test_facts_are_looked_for_again_above_the_article() -> None:
    teasers = []
    for n, stamp in enumerate(["March 1, 2024", "2 hours ago", "3 hours ago"]):
        teasers += [
            f"Other story number {n} in the news today",
            stamp,
            f"A summary of other story {n}, which is about another subject, runs two lines long here.",
        ]
    article = strip("\n".join([*teasers, news_dump()]))
    assert article.date == "2024-03-03"
    assert article.title == "Council expands bus network to northern suburbs"


def test_nothing_article_like_raises() -> None:
    with pytest.raises(NoArticle):
        strip("\n".join(NAV))
    with pytest.raises(NoArticle):
        strip("")


# --- properties ----------------------------------------------------------------------------


def test_idempotent_on_its_own_output() -> None:
    first = strip(news_dump(middle=["", "Advertisement"]))
    again = strip(as_text(first))
    assert again.body_text == first.body_text


def test_deterministic(seed: Article) -> None:
    again = strip_text((SEED / "page.txt").read_text(encoding="utf-8"), pipeline=pipeline())
    assert json.dumps(again.to_dict(dropped=True) if False else [b.to_dict() for b in again.blocks]) == json.dumps(
        [b.to_dict() for b in seed.blocks]
    )
    assert again.dropped == seed.dropped


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_never_crashes(text: str) -> None:
    try:
        article = strip(text)
    except NoArticle:
        return
    assert article.input_format == "text"
    assert article.body
