"""Properties over generated input (hypothesis): no crash, determinism, idempotence on the article."""

from __future__ import annotations

from html import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import boilerstrip
from boilerstrip import Article, BoilerstripError, Options
from boilerstrip.render import render

OPTIONS = Options(user_rules=False)
# No example database (nothing written outside tmp dirs), no flaky deadlines; modest counts keep
# the whole file well under 20 s.
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)




def strip_or_error(data: bytes | str) -> Article | BoilerstripError:
    """The article, or the typed error; anything else escapes and fails the test."""
    try:
        return boilerstrip.strip(data, options=OPTIONS)
    except BoilerstripError as exc:
        return exc


# -- generated input -----------------------------------------------------------------------

# Words a news page is made of, boilerplate phrases among them, in several scripts.
WORDS = (
    "the", "council", "voted", "night", "bus", "routes", "residents", "said", "on", "Tuesday",
    "시의회는", "심야버스", "노선을", "확대했다", "기자", "市议会", "公交", "线路", "市議会は", "深夜バス",
    "Stadtrat", "réseau", "autobuses", "2024-03-05", "By Dana Reyes",
    "Share", "공유하기", "0개의 댓글", "0 / 300", "1 / 12", "댓글", "分享", "评论", "コメント", "広告",
    "Advertisement", "Print", "도구모음", "© 2024 Metro Daily", "All rights reserved", "무단전재 및 재배포 금지",
    "Most read", "관련기사", "Sign up for our newsletter", "We use cookies", "AI 기사요약", "Enlarge this image",
)
TAGS = (
    "div", "p", "span", "a", "ul", "ol", "li", "section", "article", "main", "aside", "nav", "header",
    "footer", "h1", "h2", "h3", "figure", "figcaption", "blockquote", "table", "tr", "td", "form",
    "button", "script", "style", "time", "em", "strong", "pre", "dl", "dd", "noscript", "template",
)
VOID = ("img", "br", "hr", "input", "meta")
CLASSES = (
    "share", "share-bar", "sns", "comment", "comments", "reply", "ad", "ad-slot", "ads", "related",
    "related-articles", "popular", "sidebar", "right-rail", "content", "article-body", "entry-content",
    "byline", "author-bio", "hidden", "sr-only", "toolbar", "newsletter", "cookie-banner",
    "ai-summary", "gallery", "btn-zoom", "headline", "caption", "photo-credit", "has-sidebar",
    "grid--with-rail", "nav", "menu", "footer",
)
ATTRS = st.one_of(
    st.builds(lambda c: f' class="{c}"', st.lists(st.sampled_from(CLASSES), min_size=1, max_size=3).map(" ".join)),
    st.builds(lambda c: f' id="{c}"', st.sampled_from(CLASSES)),
    st.sampled_from([
        " hidden", ' aria-hidden="true"', ' style="display:none"', ' role="navigation"',
        ' role="complementary"', ' role="banner"', ' itemprop="articleBody"', ' href="/a/1"',
        ' datetime="2024-03-05T09:30:00+09:00"', ' lang="ko"', ' dir="rtl"',
    ]),
)
RAW_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), RAW_TEXT), max_size=10).map(" ".join).map(escape)


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, attrs: list[str], kids: list[str]) -> str:
        return f"<{tag}{''.join(attrs)}>{''.join(kids)}</{tag}>"

    return st.builds(
        build, st.sampled_from(TAGS), st.lists(ATTRS, max_size=2), st.lists(children, max_size=5)
    )


NODES = st.recursive(
    st.one_of(TEXT, st.sampled_from(VOID).map(lambda t: f"<{t}>")),
    element,
    max_leaves=25,
)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    lang = draw(st.sampled_from(["en", "ko", "ja", "zh", "de", ""]))
    title = draw(TEXT)
    head = f"<title>{title}</title>"
    if draw(st.booleans()):
        head += f'<script type="application/ld+json">{draw(st.sampled_from(JSONLD))}</script>'
    if draw(st.booleans()):
        head += f'<meta property="og:title" content="{escape(draw(TEXT))}">'
    body = "".join(draw(st.lists(NODES, min_size=1, max_size=3)))
    attr = f' lang="{lang}"' if lang else ""
    return f"<!DOCTYPE html><html{attr}><head>{head}</head><body>{body}</body></html>"


JSONLD = (
    '{"@type": "NewsArticle", "headline": "Council expands night buses", "datePublished": "2024-03-05", '
    '"author": {"@type": "Person", "name": "Dana Reyes"}}',
    '[{"@type": "NewsArticle", "author": [{"name": ""}, "x"], "datePublished": 20240305}]',
    '{"@graph": [{"@type": "WebPage"}, {"@type": "Article", "headline": null}]}',
    "{not json",
    "",
)


# -- no crash ------------------------------------------------------------------------------


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_raise_only_typed_errors(data: bytes) -> None:
    strip_or_error(data)


@SETTINGS
@given(
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x89PNG\r\n\x1a\n", b"%PDF-1.4\n",
                     b"PK\x03\x04", b"\x1f\x8b\x08\x00", b"<html><head><meta charset=\"euc-kr\">",
                     b"<?xml version=\"1.0\" encoding=\"shift_jis\"?>", b"<!DOCTYPE html><html><body><p>"]),
    st.binary(max_size=2000),
)
def test_random_bytes_after_a_magic_prefix_raise_only_typed_errors(prefix: bytes, data: bytes) -> None:
    strip_or_error(prefix + data)


@SETTINGS
@given(st.text(max_size=2000))
def test_random_text_raises_only_typed_errors(text: str) -> None:
    strip_or_error(text)


@SETTINGS
@given(html_pages(), st.sampled_from(["utf-8", "utf-16", "cp949", "gb18030", "shift_jis"]))
def test_random_html_trees_raise_only_typed_errors(page: str, encoding: str) -> None:
    strip_or_error(page.encode(encoding, errors="replace"))


@pytest.mark.parametrize("ctrl", ["\x08", "\x0b", "\x0c", "\x1a", "\x1b"], ids=["BS", "VT", "FF", "SUB", "ESC"])
def test_control_character_after_a_dropped_element(ctrl: str) -> None:
    para = "The city council voted on Tuesday to expand the night bus network to three new districts. "
    page = (
        "<html><body><article><h1>Night buses</h1>"
        f"<p>{para * 2}</p><p>{para}<button>Listen</button>{ctrl} more</p><p>{para}</p>"
        "</article></body></html>"
    )
    boilerstrip.strip(page.encode("utf-8"), options=OPTIONS)


# -- determinism ---------------------------------------------------------------------------


def same_result(data: bytes | str) -> None:
    first, second = strip_or_error(data), strip_or_error(data)
    if isinstance(first, BoilerstripError):
        assert type(second) is type(first)
        assert str(second) == str(first)
        return
    assert isinstance(second, Article)
    assert second.text == first.text
    assert second.to_dict(dropped=True) == first.to_dict(dropped=True)


@SETTINGS
@given(html_pages())
def test_same_page_twice_gives_the_same_article(page: str) -> None:
    same_result(page.encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=2000))
def test_same_bytes_twice_give_the_same_result(data: bytes) -> None:
    same_result(data)


# -- idempotence on the article ------------------------------------------------------------

SENTENCE_WORDS = {
    "en": ("the", "council", "voted", "to", "extend", "night", "bus", "routes", "across", "three",
           "districts", "after", "residents", "asked", "for", "later", "services", "officials", "said",
           "drivers", "welcomed", "plan", "in", "March", "budget", "hospital", "shifts", "long", "walks"),
    "ko": ("시의회는", "심야버스", "노선을", "세", "개", "구로", "확대하는", "안건을", "의결했다", "주민들은",
           "병원", "야간", "근무를", "마치고", "귀가해야", "한다며", "운행을", "요구해", "왔다", "새", "노선은"),
    "zh": ("市议会", "周二", "表决", "通过", "扩大", "夜间", "公交", "线路", "居民", "多年来", "一直", "要求",
           "延长", "运营", "时间", "医院", "夜班", "步行", "回家", "统计", "数据"),
}
WIDGETS = (
    '<div class="share-bar"><a href="#">Facebook</a> <a href="#">X</a></div>',
    '<div class="ad-slot"><span>Advertisement</span></div>',
    '<section id="comments"><h2>3 comments</h2><p>I waited years for this route.</p></section>',
    '<ul class="related"><li><a href="/1">Tram delayed</a></li><li><a href="/2">Bike lanes</a></li></ul>',
    "<p>© 2024 Metro Daily. All rights reserved.</p>",
    "<div><span>0개의 댓글</span></div><div><span>0 / 300</span></div>",
    "<div><span>1 / 12</span></div><div><span>기사 이미지 확대 보기</span></div>",
    '<nav><a href="/">Home</a> <a href="/city">City</a> <a href="/sport">Sport</a></nav>',
    '<aside><p>Weather: sunny spells</p></aside>',
)


@st.composite
def article_pages(draw: st.DrawFn) -> str:
    lang = draw(st.sampled_from(sorted(SENTENCE_WORDS)))
    words = SENTENCE_WORDS[lang]
    joiner = "" if lang == "zh" else " "
    end = "。" if lang == "zh" else "다." if lang == "ko" else "."

    def sentence() -> str:
        body = joiner.join(draw(st.lists(st.sampled_from(words), min_size=10, max_size=24)))
        return body[0].upper() + body[1:] + end

    paragraphs = draw(st.lists(st.builds(lambda: sentence() + " " + sentence()), min_size=3, max_size=6,
                               unique_by=lambda p: p))
    headline = joiner.join(draw(st.lists(st.sampled_from(words), min_size=4, max_size=8)))
    before = "".join(draw(st.lists(st.sampled_from(WIDGETS), max_size=3)))
    inside = "".join(draw(st.lists(st.sampled_from(WIDGETS), max_size=3)))
    after = "".join(draw(st.lists(st.sampled_from(WIDGETS), max_size=3)))
    blocks = [f"<p>{escape(p)}</p>" for p in paragraphs]
    if draw(st.booleans()):  # a sub-heading
        blocks.insert(draw(st.integers(1, len(blocks) - 1)), f"<h2>{escape(sentence()[:40])}</h2>")
    if draw(st.booleans()):  # a captioned picture
        caption = escape(sentence()[:80])
        blocks.insert(draw(st.integers(0, len(blocks))),
                      f'<figure><img src="a.jpg" alt=""><figcaption>{caption}</figcaption></figure>')
    if draw(st.booleans()):  # a list
        items = "".join(f"<li>{escape(sentence())}</li>" for _ in range(draw(st.integers(2, 4))))
        blocks.insert(draw(st.integers(1, len(blocks))), f"<ul>{items}</ul>")
    prose = "".join(blocks)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(headline)}</title>'
        f"</head><body>{before}<article><h1>{escape(headline)}</h1>{prose}{inside}</article>{after}"
        "</body></html>"
    )


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_pages())
def test_strip_of_its_own_html_keeps_every_paragraph(page: str) -> None:
    first = boilerstrip.strip(page, options=OPTIONS)
    again = boilerstrip.strip(render(first, "html"), options=OPTIONS)
    kept = {b.text for b in again.body}
    for block in first.body:
        if block.kind == "paragraph":
            assert block.text in kept, (block.text, again.dropped)
    assert again.title == first.title
    assert again.captions == first.captions
    # and the whole article is a fixed point: strip(strip(x)) == strip(x)
    assert [b.to_dict() for b in again.blocks] == [b.to_dict() for b in first.blocks]
    assert again.text == first.text
