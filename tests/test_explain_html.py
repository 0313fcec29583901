"""The visual explain page: every block outlined and labelled, nothing that runs or loads."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.samples import HARBOUR

from boilerstrip.cli import main
from boilerstrip.core import strip
from boilerstrip.errors import BoilerstripError, UsageError
from boilerstrip.explain_html import CSP, ROLES, explain_html
from boilerstrip.options import Options

NO_USER = Options(user_rules=False)

P = HARBOUR[:4]

PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Harbour plan approved</title>
<meta name="author" content="Ann Writer"></head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article>
<h1>Harbour plan approved after long night</h1>
<div class="byline">By Ann Writer</div>
<time class="published" datetime="2024-03-03">3 March 2024</time>
<p>{P[0]}</p>
<figure><img src="quay.jpg" alt="The quay"><figcaption>The old quay at dawn.</figcaption></figure>
<p>{P[1]}</p>
<ul class="related-list"><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>
<p>{P[2]}</p>
<table class="ad-table"><tr><td>Advertisement</td></tr></table>
<div class="promo-strip"><p>Print edition readers save half on a yearly plan this month.</p></div>
<p>{P[3]}</p>
</article>
<aside class="sidebar"><h2>Most read</h2><p>Some other story about the ferry and its new timetable.</p></aside>
</main>
<footer class="site-footer">Copyright 2024 Ledger</footer>
</body></html>"""

HOSTILE = f"""<!DOCTYPE html><html><head>
<base href="https://evil.example/">
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<link rel="stylesheet" href="https://evil.example/a.css">
<style>@import url(https://evil.example/b.css); body{{background:url(https://evil.example/b.png)}}</style>
<script src="https://evil.example/x.js"></script>
<title>Harbour plan</title></head>
<body onload="alert(1)" background="https://evil.example/bg.gif">
<div class="cookie-banner" style="background:url('https://evil.example/c.png')">We use cookies.
<button onclick="go()">Accept all</button></div>
<article><h1>Harbour plan approved</h1>
<p>{P[0]} <a href="javascript:alert(1)" onmouseover="x()">a link</a></p>
<p>{P[1]} <img src="https://evil.example/p.gif" srcset="https://evil.example/p2.gif 2x" onerror="alert(2)" alt="pixel"></p>
<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"><figcaption>The quay.</figcaption></figure>
<iframe src="https://evil.example/frame" srcdoc="&lt;script&gt;alert(3)&lt;/script&gt;"></iframe>
<object data="https://evil.example/o.swf"><param name="movie" value="https://evil.example/o.swf"></object>
<svg onload="alert(4)"><script>alert(5)</script><use href="https://evil.example/s.svg#a"/></svg>
<form action="https://evil.example/post"><input name="q" formaction="https://evil.example/f">
<button formaction="https://evil.example/g">Search</button></form>
<video poster="https://evil.example/v.jpg" src="https://evil.example/v.mp4"></video>
<picture><source srcset="https://evil.example/s.webp"><img src="https://evil.example/s.jpg" alt="pic"></picture>
<p>{P[2]}</p>
<table background="https://evil.example/t.png"><tr><td style="background-image:url(x.png)">cell</td></tr></table>
<math href="https://evil.example/m"><mi>x</mi></math>
<div data-src="https://evil.example/lazy.jpg" ping="https://evil.example/ping" xlink:href="https://evil.example/x"
 formaction="https://evil.example/y" lowsrc="https://evil.example/l.gif">lazy</div>
<a href="https://evil.example/next" class="bx-drop bx-label" data-bx-cleaner="fake">Next page</a>
<noscript><img src="https://evil.example/ns.gif"></noscript>
<template><img src="https://evil.example/t.gif"></template>
<embed src="https://evil.example/e.swf">
<p>{P[3]}</p>
</article>
<div class="ad-slot"><iframe src="https://ads.evil.example/"></iframe></div>
<dialog open onclose="x()">Subscribe now</dialog>
</body></html>"""

_OUR_META = {("charset", "utf-8"), ("http-equiv", "Content-Security-Policy"), ("name", "referrer")}
_ALLOWED_ATTRS = {
    "class", "id", "title", "alt", "lang", "dir", "colspan", "rowspan", "datetime", "headers",
    "scope", "start", "reversed", "abbr", "src", "charset", "http-equiv", "content", "name",
}
_FORBIDDEN_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "button", "select", "textarea", "link", "base", "svg", "math", "video", "audio", "source",
    "noscript", "template", "dialog", "a", "use", "image", "param", "portal",
}


def _doc(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def _page_part(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    [page] = doc.find_class("bx-page")
    return page


def _drawn(doc: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [el for el in _page_part(doc).iter() if el.get("data-bx-cleaner")]


def _labels_for(el: lxml.html.HtmlElement) -> list[str]:
    """The cleaner labels of ``el``: in its label holder, inside it or just before it."""
    number = el.get("data-bx-mark")
    places = [el.getprevious(), *el.iter("span")]
    [holder] = [h for h in places if h is not None and h.get("data-bx-for") == number]
    return [str(lab.get("data-bx-label")) for lab in holder if lab.get("data-bx-label")]


# -- safety ------------------------------------------------------------------------


def assert_safe(html: str) -> None:
    doc = _doc(html)
    head = doc.find("head")
    assert head is not None
    metas = head.findall("meta")
    assert metas[1].get("http-equiv") == "Content-Security-Policy"
    assert metas[1].get("content") == CSP
    assert CSP == "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        assert el.tag not in _FORBIDDEN_TAGS, lxml.html.tostring(el)[:200]
        if el.tag == "meta":
            assert any(el.get(k) == v or (k == "name" and el.get(k)) for k, v in _OUR_META)
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), name
            assert name in _ALLOWED_ATTRS or name.startswith("data-bx-"), name
            if name == "src":
                assert el.tag == "img" and value.startswith("data:image/"), value
            assert "javascript:" not in value.lower()
    assert "url(" not in html
    assert "evil.example" not in html
    for value in re.findall(r'\b(?:src|href|action|srcset|poster|background)\s*=\s*"([^"]*)"', html):
        assert value.startswith("data:image/"), value


def test_hostile_page_is_made_safe() -> None:
    html = explain_html(HOSTILE, options=NO_USER)
    assert_safe(html)
    doc = _doc(html)
    text = doc.text_content()
    assert P[0] in text and P[3] in text
    assert "[iframe]" in text and "[image: pixel]" in text
    # the page's own look-alike classes and attributes are not taken for ours
    assert all(el.get("data-bx-cleaner") != "fake" for el in doc.iter())
    [inline] = [el for el in doc.iter("img")]
    assert inline.get("src", "").startswith("data:image/png")


def test_every_fixture_explain_page_is_safe() -> None:
    pages = sorted(Path(__file__).parent.parent.glob("fixtures/*/page.html"))
    for path in pages[:6]:
        html = explain_html(path.read_bytes(), options=NO_USER)
        assert_safe(html)


# -- what is drawn -----------------------------------------------------------------


def test_every_drop_on_the_page_is_labelled_with_its_cleaner() -> None:
    html = explain_html(PAGE, options=NO_USER)
    doc = _doc(html)
    drawn = _drawn(doc)
    assert drawn
    count = 0
    for el in drawn:
        cleaners = el.get("data-bx-cleaner", "").split()
        assert "bx-drop" in el.get("class", "").split()
        assert sorted(_labels_for(el)) == sorted(cleaners), lxml.html.tostring(el)[:300]
        assert "dropped by" in el.get("title", "")
        count += len(cleaners)
    note = doc.find_class("bx-note")[0]
    assert int(note.get("data-bx-drawn", "-1")) == count


def test_drawn_elements_are_the_dropped_ones() -> None:
    article = strip(PAGE, options=Options(user_rules=False, trace_nodes=True))
    doc = _doc(explain_html(PAGE, options=NO_USER))
    by_cleaner: dict[str, list[str]] = {}
    for el in _drawn(doc):
        for cleaner in el.get("data-bx-cleaner", "").split():
            by_cleaner.setdefault(cleaner, []).append(" ".join(el.text_content().split()))
    for drop in article.dropped:
        words = drop.preview.rstrip("…").split()[:-1]
        if not words:
            continue
        assert any(all(w in text for w in words) for text in by_cleaner[drop.cleaner]), drop


def test_legend_counts_match_the_article() -> None:
    article = strip(PAGE, options=NO_USER)
    doc = _doc(explain_html(PAGE, options=NO_USER))
    [legend] = doc.find_class("bx-legend")
    rows = {
        str(tr.get("data-bx-cleaner")): int(tr.findall("td")[1].text_content())
        for tr in legend.iter("tr")
        if tr.get("data-bx-cleaner")
    }
    assert rows == article.cleaner_counts()
    keys = [k.text_content() for k in legend.find_class("bx-key")]
    assert keys == [name for _colour, name in ROLES.values()]


def test_kept_blocks_are_outlined_by_role(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[sites."*"]\nbyline = [".byline"]\n', encoding="utf-8")
    doc = _doc(explain_html(PAGE, options=Options(user_rules=False, rules_file=str(rules))))
    page = _page_part(doc)
    roles = Counter(
        cls[3:] for el in page.iter() for cls in (el.get("class") or "").split()
        if cls in ("bx-body", "bx-title", "bx-byline", "bx-date", "bx-caption")
    )
    assert set(roles) == {"body", "title", "byline", "date", "caption"}
    [title] = page.find_class("bx-title")
    assert "Harbour plan approved" in title.text_content()
    [caption] = page.find_class("bx-caption")
    assert "The old quay at dawn." in caption.text_content()
    [body] = page.find_class("bx-body")
    assert P[0] in body.text_content()


def test_labels_sit_where_a_browser_keeps_them() -> None:
    doc = _doc(explain_html(PAGE, options=NO_USER))
    for el in _drawn(doc):
        if el.tag in ("ul", "ol"):
            first = el[0]
            assert first.tag == "li" and "bx-label-item" in first.get("class", "")
        if el.tag == "table":
            assert el[0].tag == "caption"
        if el.tag == "tr":
            assert el[0].tag in ("td", "th")


def test_user_rules_drops_are_labelled() -> None:
    html = explain_html(PAGE, options=Options(user_rules=False, drop=(".promo-strip",)))
    doc = _doc(html)
    [el] = [e for e in _drawn(doc) if e.get("data-bx-cleaner") == "user_rules"]
    assert "Print edition readers" in el.text_content()
    assert "rule --drop '.promo-strip'" in el.text_content()
    assert "selector: div.promo-strip" in el.get("title", "")


def test_same_input_same_output() -> None:
    assert explain_html(PAGE.encode(), options=NO_USER) == explain_html(PAGE.encode(), options=NO_USER)


def test_page_without_article_still_explained() -> None:
    page = "<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>"
    html = explain_html(page, options=NO_USER)
    assert "navigation" in html
    assert_safe(html)


def test_plain_text_dump_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="plain-text"):
        explain_html(b"Just some words\n\nand more words in a text dump.\n", options=NO_USER)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcdpivscrtlmgonf&;#x")), max_size=300))
def test_any_markup_gives_a_safe_page_or_a_typed_error(junk: str) -> None:
    try:
        html = explain_html("<html><body>" + junk, options=NO_USER)
    except BoilerstripError:
        return
    assert CSP in html


# -- the command line --------------------------------------------------------------


def test_cli_writes_the_explain_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "explain.html"
    result = CliRunner().invoke(main, [str(page), "--no-user-rules", "--explain-html", str(out)])
    assert result.exit_code == 0, result.output
    assert P[0] in result.stdout
    html = out.read_text(encoding="utf-8")
    assert_safe(html)
    assert "bx-legend" in html


def test_cli_writes_the_explain_page_when_no_article_is_found(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    out = tmp_path / "explain.html"
    result = CliRunner().invoke(main, [str(page), "--no-user-rules", "--explain-html", str(out)])
    assert result.exit_code == 4, result.output
    assert "navigation" in out.read_text(encoding="utf-8")


def test_cli_never_overwrites_the_input(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, [str(page), "--no-user-rules", "--explain-html", str(page)])
    assert result.exit_code == 2, result.output
    assert page.read_text(encoding="utf-8") == PAGE


def test_keep_rules_are_outlined() -> None:
    doc = _doc(explain_html(PAGE, options=Options(user_rules=False, keep=("ul.related-list",))))
    [kept] = _page_part(doc).find_class("bx-keep")
    assert kept.tag == "ul"
    assert "Other story one" in kept.text_content()
    assert "bx-drop" not in kept.get("class", "")
