"""Metadata readers: one small hand-written page per rule."""

from __future__ import annotations

import subprocess
import sys
from html import escape

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boilerstrip.metadata import (
    Found,
    clean_byline,
    find_byline,
    find_date,
    find_headline,
    read_meta,
)


def page(body: str, head: str = "", lang: str | None = None) -> lxml.html.HtmlElement:
    attr = f' lang="{lang}"' if lang else ""
    return lxml.html.document_fromstring(
        f"<html{attr}><head>{head}</head><body>{body}</body></html>"
    )


def run(root: lxml.html.HtmlElement, url: str | None = None) -> tuple[Found, Found]:
    meta = read_meta(root, url=url)
    head = find_headline(root, meta)
    return find_byline(root, meta, head), find_date(root, meta, head)


ARTICLE = "<p>" + "The article body says a great many things about the topic at hand. " * 5 + "</p>"


# -- clean_byline ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("BY JOE HILDEBRAND", "JOE HILDEBRAND"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By Stella Kim, Jennifer Jett", "Stella Kim, Jennifer Jett"),
        ("By Jane Doe, John Roe & Jim Poe", "Jane Doe, John Roe & Jim Poe"),
        ("By Jane Doe jane.doe@example.com", "Jane Doe"),
        ("By Jane Doe (@janedoe)", "Jane Doe"),
        ("By Jane Doe https://example.com/jane", "Jane Doe"),
        ("By Jane Doe, Staff Writer", "Jane Doe"),
        ("By Jane Doe, Correspondent", "Jane Doe"),
        ("By Jane Doe | Reuters", "Jane Doe"),
        ("By Jane Doe Updated Aug. 5, 2024 3:14 PM", "Jane Doe"),
        ("Jane Doe Monday, February 29, 2016 @ 11:10 PM UTC", "Jane Doe"),
        ("By Jane Doe March 25, 2015", "Jane Doe"),
        ("Written by Rob Roe Edited by Betsy Bee", "Rob Roe"),
        ("Von Max Mustermann", "Max Mustermann"),
        ("Par Jeanne Dupont et Marie Curie", "Jeanne Dupont et Marie Curie"),
        ("Por Juan Pérez y María López", "Juan Pérez y María López"),
        (
            "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
            "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
        ),
        ("백소희 기자", "백소희 기자"),
        ("백소희 기자 sohee@example.co.kr", "백소희 기자"),
        ("[서울=뉴시스]백소희 기자", "백소희 기자"),
        ("홍길동·김철수 기자", "홍길동·김철수 기자"),
        ("글·사진 홍길동 기자", "홍길동 기자"),
        ("홍길동 기자 입력 2024.08.04 14:47", "홍길동 기자"),
        ("山田太郎記者", "山田太郎記者"),
        ("記者：山田太郎", "山田太郎"),
        ("文/张三", "张三"),
        ("作者：李四 来源：新华社", "李四"),
    ],
)
def test_clean_byline(raw: str, expected: str) -> None:
    assert clean_byline(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "BBC News",
        "Associated Press",
        "Follow Author",
        "By",
        "Share this article",
        "Staff",
        "2024-08-04",
        "",
        "연합뉴스",
    ],
)
def test_clean_byline_rejects_non_names(raw: str) -> None:
    assert clean_byline(raw) is None


# -- bylines on pages ----------------------------------------------------------------------


def test_visible_byline_near_headline_wins_and_gives_its_line() -> None:
    root = page(
        f'<article><h1>A headline about things</h1><div class="byline">By <a href="/a">Jane Doe</a>'
        f' and <a href="/b">John Roe</a></div>{ARTICLE}</article>',
        '<title>A headline about things - Example</title><meta name="author" content="Someone Else">',
    )
    byline, _ = run(root)
    assert byline.text == "Jane Doe and John Roe"
    assert byline.line == "By Jane Doe and John Roe"
    assert byline.element is not None and byline.element.get("class") == "byline"


def test_byline_by_text_pattern_without_markup() -> None:
    root = page(
        f"<h1>A headline about things</h1><p>By Jane Doe</p>{ARTICLE}",
        "<title>A headline about things</title>",
    )
    assert run(root)[0].text == "Jane Doe"


def test_byline_in_comments_or_related_list_is_ignored() -> None:
    root = page(
        f"<h1>A headline about things</h1>{ARTICLE}"
        + "<p>filler</p>" * 30
        + '<div class="comments"><span class="author">Commenter Person</span></div>'
        '<ul class="related"><li><span class="byline">By Other Writer</span></li></ul>',
        "<title>A headline about things</title>",
    )
    assert run(root)[0].text is None


def test_jsonld_person_author_and_organisation_rejected() -> None:
    head = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
        '{"@type":"NewsArticle","headline":"A headline","author":[{"@type":"Person","name":"Jane Doe"},'
        '{"@type":"Person","name":"John Roe"},{"@type":"Organization","name":"Example News"}],'
        '"datePublished":"2024-08-04T14:47:00+09:00"},]}</script>'
    )
    byline, date = run(page(f"<h1>A headline</h1>{ARTICLE}", head))
    assert byline.text == "Jane Doe and John Roe"
    assert byline.line is None
    assert date.text == "2024-08-04T14:47:00+09:00"


def test_jsonld_organisation_only_is_no_author() -> None:
    head = (
        '<script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization",'
        '"name":"BBC News"}}</script>'
    )
    assert run(page(f"<h1>A headline</h1>{ARTICLE}", head))[0].text is None


def test_meta_author_equal_to_site_name_is_rejected() -> None:
    head = '<meta property="og:site_name" content="Daily Planet"><meta name="author" content="Daily Planet">'
    assert run(page(f"<h1>A headline</h1>{ARTICLE}", head))[0].text is None


def test_article_author_url_is_not_a_name() -> None:
    head = (
        '<meta property="article:author" content="https://www.facebook.com/janedoe">'
        '<meta name="dc.creator" content="Jane Doe">'
    )
    assert run(page(f"<h1>A headline</h1>{ARTICLE}", head))[0].text == "Jane Doe"


def test_several_dc_creators_last_first() -> None:
    head = '<meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">'
    text = run(page(f"<h1>A headline</h1>{ARTICLE}", head))[0].text
    assert text == "F. Kooman and Michiel de Jong"


def test_korean_byline_and_date_line() -> None:
    root = page(
        '<div class="article_head"><h1 class="headline">서울시, 새 정책 발표</h1>'
        '<div class="info"><span class="reporter">홍길동·김철수 기자 hong@example.co.kr</span>'
        '<span class="date">입력 2024-08-04 14:47</span> <span class="date">수정 2024-08-05 09:10</span></div></div>'
        f"<p>{'본문 내용입니다. ' * 30}</p><footer>Copyright © 2023 예시일보. 무단전재 및 재배포 금지</footer>",
        "<title>서울시, 새 정책 발표 - 예시일보</title>",
        lang="ko",
    )
    byline, date = run(root)
    assert byline.text == "홍길동·김철수 기자"
    assert date.text == "2024-08-04T14:47"
    assert date.line is not None and date.line.startswith("입력 2024-08-04 14:47")


def test_korean_byline_from_text_pattern() -> None:
    root = page(
        f"<h1>서울시, 새 정책 발표</h1><p>백소희 기자</p><p>{'본문 내용입니다. ' * 30}</p>",
        "<title>서울시, 새 정책 발표</title>",
    )
    assert run(root)[0].text == "백소희 기자"


def test_japanese_date_and_byline() -> None:
    root = page(
        f"<h1>東京で新しい政策</h1><p>2024年8月4日 14時47分</p><p>山田太郎記者</p><p>{'本文です。' * 40}</p>",
        "<title>東京で新しい政策</title>",
    )
    byline, date = run(root)
    assert byline.text == "山田太郎記者"
    assert date.text == "2024-08-04T14:47"


def test_chinese_byline_and_date() -> None:
    root = page(
        f"<h1>北京发布新政策</h1><div class='source'>2024年8月4日 来源：新华社</div><p>文/张三</p>"
        f"<p>{'正文内容。' * 40}</p>",
        "<title>北京发布新政策_新闻_示例网</title>",
    )
    byline, date = run(root)
    assert byline.text == "张三"
    assert date.text == "2024-08-04"


@pytest.mark.parametrize(
    ("line", "byline", "iso"),
    [
        ("Von Max Mustermann | 4. August 2024", "Max Mustermann", "2024-08-04"),
        ("Par Jeanne Dupont, publié le 4 août 2024", "Jeanne Dupont", "2024-08-04"),
        ("Por Juan Pérez — 4 de agosto de 2024", "Juan Pérez", "2024-08-04"),
        ("By Jane Doe. Published Aug. 4, 2024", "Jane Doe", "2024-08-04"),
    ],
)
def test_european_lines(line: str, byline: str, iso: str) -> None:
    parts = line.replace(". Published", "|Published").replace(", publié", "|publié").split("|")
    if len(parts) == 1:
        parts = line.split(" — ")
    body = f"<h1>A headline about things</h1><p>{parts[0].strip()}</p><p>{parts[1].strip()}</p>{ARTICLE}"
    found_by, found_date = run(page(body, "<title>A headline about things</title>"))
    assert found_by.text == byline
    assert found_date.text == iso


# -- dates -----------------------------------------------------------------------------------


def test_copyright_year_is_never_the_date() -> None:
    root = page(
        f"<h1>A headline about things</h1>{ARTICLE}<footer><p>© 2024 Example Media. All rights reserved.</p></footer>",
        "<title>A headline about things</title>",
    )
    assert run(root)[1].text is None


def test_related_article_date_is_ignored() -> None:
    root = page(
        f"<h1>A headline about things</h1>{ARTICLE}"
        '<aside class="related"><ul><li><a href="/x">Other story</a> <span class="date">2023-01-02</span></li></ul></aside>',
        "<title>A headline about things</title>",
    )
    assert run(root)[1].text is None


def test_time_element_near_headline() -> None:
    root = page(
        f'<article><h1>A headline about things</h1><time datetime="2024-08-04T10:00:00Z">Aug 4</time>{ARTICLE}</article>',
        "<title>A headline about things</title>",
    )
    date = run(root)[1]
    assert date.text == "2024-08-04T10:00:00Z"
    assert date.line == "Aug 4"


def test_meta_date_gets_visible_line() -> None:
    root = page(
        f'<h1>A headline about things</h1><p class="meta">Published August 4, 2024</p>{ARTICLE}',
        '<title>A headline about things</title><meta property="article:published_time" content="2024-08-04T09:00:00+0200">',
    )
    date = run(root)[1]
    assert date.text == "2024-08-04T09:00:00+02:00"
    assert date.line == "Published August 4, 2024"


# -- title, headline, language ---------------------------------------------------------------


def test_title_without_site_name() -> None:
    root = page(
        "<h1>Site logo</h1><h1>Storm hits the coast overnight</h1>",
        '<title>Storm hits the coast overnight | Example News</title><meta property="og:site_name" content="Example News">',
    )
    meta = read_meta(root, url="https://www.example.com/a")
    assert meta.title == "Storm hits the coast overnight"
    assert meta.site_name == "Example News"
    head = find_headline(root, meta)
    assert head is not None and head.text == "Storm hits the coast overnight"


def test_jsonld_description_as_headline_is_passed_over() -> None:
    head = (
        '<title>New Zealand - Wikipedia</title><script type="application/ld+json">'
        '{"@type":"Article","name":"New Zealand","headline":"country in Oceania"}</script>'
    )
    assert read_meta(page("<h1>New Zealand</h1>", head)).title == "New Zealand"


def test_broken_jsonld_is_tolerated() -> None:
    head = '<script type="application/ld+json"><!-- {"@type":"BlogPosting","author":{"name":"Jane Doe",},} --></script>'
    assert read_meta(page("<p>x</p>", head)).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("lang", "head", "title", "expected"),
    [
        ("ko-kr", "", "제목", "ko-KR"),
        (None, '<meta property="og:locale" content="fr_FR">', "Titre", "fr-FR"),
        (None, "", "서울시 새 정책 발표", "ko"),
        (None, "", "東京で新しい政策", "ja"),
        (None, "", "北京发布新政策", "zh"),
        (None, "", "Plain English", None),
    ],
)
def test_lang(lang: str | None, head: str, title: str, expected: str | None) -> None:
    root = page("<p>x</p>", f"<title>{title}</title>{head}", lang=lang)
    assert read_meta(root).lang == expected


def test_canonical() -> None:
    root = page("<p>x</p>", '<link rel="canonical" href=" https://example.com/a ">')
    assert read_meta(root).canonical == "https://example.com/a"


def test_import_is_cheap() -> None:
    code = (
        "import sys, boilerstrip.metadata\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('trafilatura', 'htmldate', 'dateparser')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("기사입력 2024.08.04. 오후 2:47", "2024-08-04T14:47"),
        ("승인 2024.08.04 14:47", "2024-08-04T14:47"),
        ("수정 2024-08-05 09:10 입력 2024-08-04 14:47", "2024-08-04T14:47"),
        ("2024년 8월 4일 (일) 14:47", "2024-08-04T14:47"),
        ("2024/08/04 14:47 配信", "2024-08-04T14:47"),
        ("发布时间：2024-08-04 14:47:00", "2024-08-04T14:47:00"),
        ("Published 4:00 am CST, Wednesday, November 20, 2019", "2019-11-20"),
        ("Updated Nov. 5, 2024 | Published Nov. 4, 2024", "2024-11-04"),
        ("Veröffentlicht am 04.08.2024 um 14:47 Uhr", "2024-08-04T14:47"),
        ("Publié le 1er août 2024 à 08h15", "2024-08-01T08:15"),
        ("Actualizado: 5 de agosto de 2024. Publicado: 4 de agosto de 2024", "2024-08-04"),
    ],
)
def test_date_lines(line: str, iso: str) -> None:
    from boilerstrip.metadata.dates import best_in_line

    assert best_in_line(line) == iso


def test_chinese_editor_is_not_the_author() -> None:
    root = page(
        f"<h1>北京发布新政策</h1><p>{'正文内容。' * 40}</p><p>责任编辑：李四</p>",
        "<title>北京发布新政策</title>",
    )
    assert run(root)[0].text is None


def test_lone_word_after_by_only() -> None:
    body = f"<h1>A headline about things</h1><p class='byline'>Reuters, Washington,</p>{ARTICLE}"
    assert run(page(body, "<title>A headline about things</title>"))[0].text is None
    body = f"<h1>A headline about things</h1><p class='byline'>by Regan</p>{ARTICLE}"
    assert run(page(body, "<title>A headline about things</title>"))[0].text == "Regan"


def test_byline_line_stops_before_the_date() -> None:
    body = (
        "<h1>A headline about things</h1><div class='byline'>By <a>Nathan Willis</a><br>"
        f"March 25, 2015 | Share Tweet</div>{ARTICLE}"
    )
    byline, date = run(page(body, "<title>A headline about things</title>"))
    assert (byline.text, byline.line) == ("Nathan Willis", "By Nathan Willis")
    assert date.text == "2015-03-25"


def test_organisation_tail_is_dropped() -> None:
    assert clean_byline("Tom Davies Associated Press") == "Tom Davies"
    assert clean_byline("By European Space Agency") is None
    assert clean_byline("Kevin McCoy USA TODAY", {"usatoday"}) == "Kevin McCoy"


@pytest.mark.parametrize(
    ("body", "names", "line"),
    [
        (
            "<div id='body'>(서울=연합뉴스) 홍길동 기자 = 서울시는 4일 새 정책을 발표했다.<br>"
            + "본문 내용입니다. " * 20
            + "</div>",
            "홍길동 기자",
            "홍길동 기자",
        ),
        (
            "<div id='body'>"
            + "본문 내용입니다. " * 20
            + "<br><br>칼럼니스트 박생강 pill@example.com<br></div>",
            "칼럼니스트 박생강",
            "칼럼니스트 박생강 pill@example.com",
        ),
        (
            "<div id='body'><p>（记者 张三）北京市4日发布新政策。"
            + "正文内容。" * 20
            + "</p></div>",
            "张三",
            "记者 张三",
        ),
    ],
)
def test_byline_inside_the_article_text(body: str, names: str, line: str) -> None:
    byline, _ = run(page(f"<h1>서울시 새 정책</h1>{body}", "<title>서울시 새 정책</title>"))
    assert (byline.text, byline.line, byline.element) == (names, line, None)


# -- robustness --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<p>just text</p>",
        "<html><head><script type='application/ld+json'>{not json at all</script></head><body></body></html>",
        '<html><head><script type=\'application/ld+json\'>[1, "x", null, {"@graph": 5}]</script></head></html>',
        "<html><body><h1></h1><h1>Two</h1><time datetime='garbage'>x</time></body></html>",
        "<html><head><meta property='article:published_time' content='0000-00-00'></head></html>",
    ],
)
def test_odd_pages_do_not_crash(html: str) -> None:
    root = lxml.html.document_fromstring(html)
    meta = read_meta(root)
    head = find_headline(root, meta)
    assert isinstance(find_byline(root, meta, head), Found)
    assert isinstance(find_date(root, meta, head), Found)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200), st.text(max_size=200))
def test_any_text_in_title_and_body(title: str, body: str) -> None:
    root = page(f"<h1>{escape(title)}</h1><p>{escape(body)}</p>", f"<title>{escape(title)}</title>")
    meta = read_meta(root)
    head = find_headline(root, meta)
    byline = find_byline(root, meta, head)
    date = find_date(root, meta, head)
    assert byline.text is None or "@" not in byline.text
    assert date.text is None or date.text[:4].isdigit()


def test_site_brand_is_not_an_author() -> None:
    assert clean_byline("Posted by Vortex", {"vortexcannon"}) is None
    assert clean_byline("Practical Horseman Editorial Staff", {"practicalhorsemanmag"}) is None
    assert clean_byline("Our Foreign Staff") is None


def test_headline_when_the_seo_title_differs() -> None:
    root = page(
        f"<nav><h2>Menu</h2></nav><article><h1>Why my friend became a grocery store</h1>"
        f"<p class='byline'>By Jane Doe</p>{ARTICLE}</article>",
        "<title>Chasing analytics, people are becoming shops | Example</title>",
    )
    meta = read_meta(root)
    head = find_headline(root, meta)
    assert head is not None and head.tag == "h1"
    assert run(root)[0].line == "By Jane Doe"


def test_date_in_infobox_or_prose_is_not_a_date_line() -> None:
    infobox = page(
        "<h1>Example Corporation</h1><table><tr><th>Founded</th><td>February 28, 1998</td></tr>"
        f"</table>{ARTICLE}",
        "<title>Example Corporation</title>",
    )
    meta = read_meta(infobox)
    from boilerstrip.metadata.dates import visible_dates

    assert list(visible_dates(infobox, meta, find_headline(infobox, meta))) == []
    prose = page(
        "<h1>A headline about things</h1><p>Feb. 23, 2015 -- Peanut allergies have become far"
        f" more common in children over the last two decades, doctors say.</p>{ARTICLE}",
        "<title>A headline about things</title>",
    )
    date = run(prose)[1]
    assert (date.text, date.line, date.element) == ("2015-02-23", None, None)


def test_jsonld_author_by_reference_and_concatenated_blocks() -> None:
    head = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
        '{"@type":"WebPage","@id":"#page","datePublished":"2020-01-01"},'
        '{"@type":"NewsArticle","headline":"A headline","author":{"@id":"#jane"},'
        '"datePublished":"2024-08-04"},'
        '{"@type":"Person","@id":"#jane","name":"Jane Doe"}]}'
        '{"@type":"WebSite","name":"Example Site"}</script>'
    )
    meta = read_meta(page(f"<h1>A headline</h1>{ARTICLE}", head))
    assert meta.authors == ["Jane Doe"]
    assert meta.date == "2024-08-04"
    assert meta.site_name == "Example Site"


def test_metadata_date_normalized() -> None:
    from boilerstrip.metadata.dates import normalize_iso

    assert normalize_iso("2017-11-03 03:01:00.000000") == "2017-11-03T03:01:00"
    assert normalize_iso("2021-11-01T10:52:50+0100") == "2021-11-01T10:52:50+01:00"
    assert normalize_iso("20240804") == "2024-08-04"
    assert normalize_iso("1722782820") == "2024-08-04T14:47:00Z"
    assert normalize_iso("Aug. 4, 2024") == "2024-08-04"
    assert normalize_iso("not a date") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By JANE DOE and JOHN ROE Associated Press Writers", "JANE DOE and JOHN ROE"),
        ("By Jane Doe, John Roe and Jim Poe, Staff Writers", "Jane Doe, John Roe and Jim Poe"),
        ("Jane Doe Staff Writer", "Jane Doe"),
        ("By Meg JamesStaff Writer", "Meg James"),
        ("By Jonathan GarberFOXBusiness", "Jonathan Garber"),
        ("Sandee LaMotte", "Sandee LaMotte"),
        ("By Chaim Gartenberg@cgartenberg Nov 19, 2019, 7:53pm EST", "Chaim Gartenberg"),
        ("By Tariq Malik, Mike Wall 2019-11-18T22:05:36Z Spaceflight", "Tariq Malik, Mike Wall"),
        ("Текст: Венера Ерофеева", "Венера Ерофеева"),
    ],
)
def test_clean_byline_titles_and_glue(raw: str, expected: str) -> None:
    assert clean_byline(raw, {"foxbusiness"}) == expected
