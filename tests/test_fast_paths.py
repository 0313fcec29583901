"""The speed shortcuts give exactly what the plain code they replace gives."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip import loading, parse
from boilerstrip.article import Article, Block
from boilerstrip.extract import score
from boilerstrip.metadata import byline
from boilerstrip.page import Page
from boilerstrip.render.text import render_text
from boilerstrip.size_table import count as _count
from boilerstrip.textutil import _SPACE_RE, cjk_count, fold, squash

_SPACES = " \t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u200b\u3000\ufeff"
texts = st.text(
    alphabet=st.sampled_from(list("ab_-.,1é" + _SPACES) + ["가", "字", "𝔸"]), max_size=60
)


@given(texts)
def test_count_is_letters_and_digits(text: str) -> None:
    assert _count(text) == len(re.sub(r"[\W_]+", "", text))


def test_count_of_a_long_latin_text_with_a_few_quotes() -> None:
    text = "It’s “quoted” text, 2024 — and more. " * 500
    assert _count(text) == len(re.sub(r"[\W_]+", "", text))


ascii_texts = st.text(alphabet=st.characters(max_codepoint=127), max_size=80)


@given(ascii_texts | texts | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_fold_of_ascii_text_is_the_word_pattern(text: str) -> None:
    import unicodedata

    norm = unicodedata.normalize("NFKC", text).lower()
    assert fold(text) == "".join(re.findall(r"\w+", norm))


@given(ascii_texts | texts)
def test_cjk_count_skips_ascii_text(text: str) -> None:
    assert cjk_count(text) == len(re.findall(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]", text))


@given(texts)
def test_fast_squash_is_the_pattern(text: str) -> None:
    assert squash(text) == _SPACE_RE.sub(" ", text).strip()


def test_split_knows_every_space_the_squash_pattern_knows_but_zero_width_ones() -> None:
    odd = [
        hex(c)
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF
        and " ".join(f"a{chr(c)}b".split()) != _SPACE_RE.sub(" ", f"a{chr(c)}b").strip()
    ]
    assert odd == ["0x200b", "0xfeff"]


@given(texts, st.integers(min_value=1, max_value=9))
def test_squashed_len_in_slices(text: str, width: int) -> None:
    saved = score._SLICE
    score._SLICE = width
    try:
        assert score.squashed_len(text) == len(" ".join(text.split()))
    finally:
        score._SLICE = saved


@pytest.mark.parametrize("width", [1, 3, 1 << 16])
def test_text_len_of_an_element_read_in_pieces(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(score, "_SLICE", width)
    root = lxml.html.fromstring(
        "<div> One <b>two</b>three <p>four\u3000five </p><i> </i>six<span>seven</span> </div>"
    )
    expected = len(" ".join(root.text_content().split()))
    assert score.text_len(root, 10**9) == expected
    assert score.text_len(root, 0) == expected


@given(st.text(alphabet="<ab", max_size=40), st.integers(min_value=1, max_value=6))
def test_long_runs_are_found_after_each_lt_that_opens_one(text: str, limit: int) -> None:
    expected = [
        i for i, c in enumerate(text)
        if c == "<" and len(text[i + 1:].split("<", 1)[0]) > limit
    ]  # fmt: skip
    saved = parse._LONG_TAG_MIN
    parse._LONG_TAG_MIN = limit
    try:
        assert list(parse._long_run_starts(text)) == expected
    finally:
        parse._LONG_TAG_MIN = saved


def test_long_tags_are_trimmed_as_a_search_of_the_whole_page_would() -> None:
    attrs = " ".join(f'a{i}="x"' for i in range(3000))
    script = "<script>" + "var a = 1; " * 3000 + "</script>"
    for text in (
        f"<p>x</p><div {attrs}>text</div>",
        f"{script}<div {attrs}>a</div><p {attrs}>b</p>{script}",
        f"<div {attrs}",
        "x" * 40000 + f"<i {attrs}>",
    ):
        assert parse.prepare(text) == parse._LONG_TAG_RE.sub(parse._trim_attributes, text)


def test_a_long_tag_is_still_trimmed() -> None:
    attrs = " ".join(f'a{i}="x"' for i in range(3000))
    out = parse.prepare(f"<p>x</p><div {attrs}>text</div>")
    assert out.count("=") == parse.MAX_ATTRIBUTES
    assert out.endswith(">text</div>")


@settings(max_examples=200)
@given(
    st.text(alphabet=st.sampled_from(list("ab\t\n\x00\x01\x0b\x0c\x1a\x1b\x1f\x7fé")), max_size=80)
)
def test_binary_check_counts_the_same_control_characters(text: str) -> None:
    controls = len(re.findall("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]", text))
    expected = (
        controls >= loading._BINARY_CONTROL_MIN
        and controls > loading._BINARY_CONTROL_RATIO * len(text)
    )
    assert loading._looks_binary(text) == expected
    assert loading._looks_binary(text, text.encode("utf-8", "surrogatepass")) == expected


def test_binary_check_of_a_long_page_reads_its_sample_only() -> None:
    page = "\u4e2d" * loading._SAMPLE + "\x01" * 100  # the controls past the sample's characters
    assert not loading._looks_binary(page) and not loading._looks_binary(page, page.encode())
    page = "\U0001f600" * (loading._SAMPLE - 6000) + "\x01" * 6000  # the last ones inside it
    assert loading._looks_binary(page) and loading._looks_binary(page, page.encode())


@pytest.mark.parametrize(
    "page",
    [
        b'<meta CharSet="iso-8859-2"><p>x',
        b'<META HTTP-EQUIV="Content-Type" CONTENT="text/html; CHARSET=windows-1251">',
        b"<html><p>no declaration here</p>",
        b"<!-- charset=koi8-r --><p>only in a comment",
    ],
)
def test_charset_prescan_skipped_only_without_the_word(page: bytes) -> None:
    assert loading.declared_codec(page) == loading._Prescan(page).run()


_BYLINE_BITS = ["By ", "by", ":", " ", "Jane", "Doe", "von ", "Autor:", "x", "\n", "기자", "é"]


@given(st.lists(st.sampled_from(_BYLINE_BITS), max_size=8).map("".join))
def test_byline_text_match_on_ascii_is_the_anchored_search(text: str) -> None:
    assert byline._text_match(text) == (
        len(text) <= 120 and byline._TEXT_RE.search(text) is not None
    )


def _old_render(article: Article) -> str:
    from boilerstrip.render.text import block_text, header_lines

    head = "\n".join(header_lines(article))
    body = "\n\n".join(block_text(b) for b in article.blocks)
    return "\n\n".join(part for part in (head, body) if part) + "\n"


@pytest.mark.parametrize("title", [None, "Title"])
@pytest.mark.parametrize(
    "texts_", [[], [""], ["a"], ["", ""], ["a", "b"], ["", "b"]], ids=lambda t: repr(t)
)
def test_text_rendering_built_in_one_join(title: str | None, texts_: list[str]) -> None:
    article = Article(
        title=title, byline=None, date=None, lang=None, url=None,
        blocks=[Block("paragraph", t) for t in texts_], dropped=[],
    )  # fmt: skip
    assert render_text(article) == _old_render(article)


def _walk_attached(page: Page, el: lxml.html.HtmlElement) -> bool:
    top = el
    for anc in el.iterancestors():
        top = anc
    return top is page.root


def test_attached_follows_drops_and_unwraps() -> None:
    root = lxml.html.fromstring(
        "<html><body><div id='a'><p>one <b>two</b></p><embed><i>x</i></embed></div>"
        "<div id='b'><p>three</p></div></body></html>"
    )
    page = Page(root)
    every = list(root.iter())
    page.kill(root.get_element_by_id("b"), "test")
    for embed in root.iter("embed"):
        page.unwrap(embed)
    assert all(page.attached(el) == _walk_attached(page, el) for el in every)
    stranger = lxml.html.fromstring("<p>elsewhere</p>")
    assert not page.attached(stranger)


def test_ascii_case_kin_are_every_non_ascii_character_matching_ascii_ignoring_case() -> None:
    from boilerstrip.cleaners._match import _ASCII_CASE_KIN

    ascii_any = re.compile("[\x00-\x7f]", re.IGNORECASE)
    found = {chr(c) for c in range(0x80, sys.maxunicode + 1) if ascii_any.fullmatch(chr(c))}
    assert found == set(_ASCII_CASE_KIN)


phrase_lists = st.lists(
    st.text(alphabet=st.sampled_from(list("abAB _-+?!.1") + ["é", "가", "ſ", "K"]), min_size=1, max_size=8),
    min_size=1, max_size=6,
)


@settings(max_examples=300)
@given(phrase_lists, st.text(alphabet=st.sampled_from(list("abAB _-+?!.1\n")), max_size=14))
def test_ascii_cores_never_pass_over_a_whole_phrase_match(phrases: list[str], text: str) -> None:
    from boilerstrip.cleaners._match import ascii_cores
    from boilerstrip.phrases import phrase_regex
    from boilerstrip.textutil import ASCII_NONWORD

    cores = ascii_cores(phrases)
    if cores is not None and phrase_regex(phrases, whole=True).match(text):
        assert text.strip(ASCII_NONWORD).lower() in cores


def test_phrase_lists_pass_their_own_phrases_dressed_in_punctuation() -> None:
    from boilerstrip import phrases as ph
    from boilerstrip.cleaners._match import ascii_cores
    from boilerstrip.textutil import ASCII_NONWORD

    for name in ("TOOLBAR", "SHARE", "CONSENT", "RELATED", "NEWSLETTER", "AI_SUMMARY"):
        items = getattr(ph, name)
        cores = ascii_cores(items)
        assert cores is not None
        for p in items:
            if p.isascii():
                assert ("-- " + p.upper() + " ::").strip(ASCII_NONWORD).lower() in cores


def test_link_density_with_the_nested_links_found_once_is_the_ancestor_walk() -> None:
    from boilerstrip.cleaners.link_lists import link_density, nested_links

    root = lxml.html.fromstring(
        "<html><body><ul><li><a href='/1'>One story</a></li><li><a href='/2'>Two</a> more</li></ul>"
        "<p>Text <a href='/3'>three <span>deep</span></a> and prose around it.</p></body></html>"
    )
    outer = root.find(".//p/a")
    inner = lxml.html.Element("a")  # the parser never nests links; a built tree can
    inner.text = "nested words"
    outer.find("span").append(inner)
    page = Page(root)
    nested = nested_links(page)
    assert nested == {inner}
    for el in root.iter():
        assert link_density(page, el, nested) == link_density(page, el)


caption_texts = st.lists(
    st.sampled_from(list("aP )(/|=:.,1") + ["©", "ⓒ", "＝", "摄", "提", "供", "撮", "影", "AP", "Reuters", "社"]),
    max_size=30,
).map(lambda parts: "Caption words here " + "".join(parts))


@settings(max_examples=400)
@given(caption_texts)
def test_caption_guards_hold_for_every_match(text: str) -> None:
    from boilerstrip import caption_text as ct

    if ct._WIRE_RE.search(text):
        assert "(" in text or "/" in text or "|" in text
    if ct._EQUALS_CREDIT_RE.search(text):
        assert "＝" in text
    if ct._COPY_CREDIT_RE.search(text):
        assert "©" in text or "ⓒ" in text
    if ct._CJK_CREDIT_RE.search(text):
        assert "摄" in text or "提供" in text or "撮影" in text



photo_texts = st.lists(
    st.sampled_from(["file photo", "File Photo", "photo taken", "Photo released", ", left, and", ", right, speaks",
                     ", center, poses", "Archivfoto", "photo d'archive", "foto de archivo", "자료사진", "資料写真",
                     "资料图", "Credit", "Photo", "(", ")", "=", ":", " ", "AP", "사진", "by", "x"]),
    max_size=8,
).map("".join)


@settings(max_examples=400)
@given(photo_texts)
def test_caption_hints_are_held_by_every_match(text: str) -> None:
    from boilerstrip import caption_text as ct

    for hinted in (ct._PHOTO_WORDS_RE, ct._BRACKET_CREDIT_RE, ct._TRAILING_CREDIT_RE):
        if hinted.pattern.search(text):
            assert any(h in text.casefold() for h in hinted.hints), (hinted.hints, text)


tree_specs = st.recursive(
    st.just([]), lambda kids: st.lists(kids, max_size=4), max_leaves=40
)


def _build(spec: list[object], parent: lxml.html.HtmlElement) -> None:
    for child in spec:
        el = lxml.html.Element("div")
        parent.append(el)
        _build(child, el)  # type: ignore[arg-type]


@settings(max_examples=200)
@given(tree_specs, st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=12))
def test_following_and_preceding_walks_are_the_xpath_axes(spec: list[object], pick: int, n: int) -> None:
    from boilerstrip.metadata._dom import following_elements, preceding_elements

    root = lxml.html.Element("html")
    _build(spec, root)
    els = list(root.iter())
    el = els[pick % len(els)]
    assert following_elements(el, n) == el.xpath(f"following::*[position() <= {n}]")
    assert preceding_elements(el, n) == el.xpath(f"preceding::*[position() <= {n}]")


attr_trees = st.recursive(
    st.tuples(
        st.sampled_from(["div", "p", "span", "footer", "nav", "aside", "meta", "strong", "header", "a"]),
        st.dictionaries(
            st.sampled_from(["class", "id", "role", "style", "hidden", "aria-hidden", "itemprop"]),
            st.sampled_from(["", "x", "title", "Headline", "sub-ubject", "TITLE", "headline", "datePublished"]),
            max_size=3,
        ),
        st.just([]),
    ),
    lambda kids: st.tuples(
        st.sampled_from(["div", "section", "header"]), st.dictionaries(st.sampled_from(["class", "id"]), st.just("k"), max_size=1),
        st.lists(kids, max_size=4),
    ),
    max_leaves=30,
)


def _grow(spec: tuple[str, dict[str, str], list[object]]) -> lxml.html.HtmlElement:
    tag, attrs, kids = spec
    el = lxml.html.Element(tag, **attrs)
    for kid in kids:
        el.append(_grow(kid))  # type: ignore[arg-type]
    return el


@settings(max_examples=200)
@given(attr_trees)
def test_python_walks_give_what_the_xpaths_gave(spec: tuple[str, dict[str, str], list[object]]) -> None:
    from boilerstrip.metadata import title
    from boilerstrip.metadata._dom import may_be_zone
    from boilerstrip.trees import with_any_attribute

    root = lxml.html.Element("html")
    root.append(_grow(spec))
    assert list(with_any_attribute(root, "class", "id")) == root.xpath("//*[@class or @id]")
    assert list(with_any_attribute(root, "hidden", "aria-hidden", "style")) == root.xpath(
        "//*[@hidden or @aria-hidden or @style]"
    )
    assert list(may_be_zone(root)) == root.xpath("//footer | //nav | //aside | //*[@class or @id]")
    assert list(title._marked_headlines(root)) == root.xpath(
        "//*[@itemprop='headline'] | //*[(self::div or self::p or self::span or"
        " self::strong or self::header) and (contains(@class, 'itle') or contains(@class, 'eadline')"
        " or contains(@id, 'itle') or contains(@id, 'eadline') or contains(@class, 'tit')"
        " or contains(@class, 'ubject') or contains(@class, 'TITLE') or contains(@class, 'HEADLINE'))]"
    )


def test_no_whitespace_character_is_a_letter_or_digit() -> None:
    # the size table counts nothing in a whitespace-only text without looking further
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert spaces and not any(re.match(r"[^\W_]", c) for c in spaces)


_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize("fixture", sorted(p.parent.name for p in _FIXTURES.glob("*/page.html")))
def test_scores_best_and_thresholds_are_those_of_the_full_sorted_list(fixture: str) -> None:
    from boilerstrip.core import read_page
    from boilerstrip.parse import parse_html

    data = (_FIXTURES / fixture / "page.html").read_bytes()
    page = read_page(parse_html(loading.decode(data).text), url=None)
    scores = score.Scores(page)
    # the plain form: every candidate's score worked out, sorted (stably) best first
    full = sorted((score.Candidate(el, scores.of(el)) for el in scores.elements()), key=lambda c: -c.score)
    scores = score.Scores(page)  # a fresh one: best() must not lean on scores worked out above
    best = scores.best()
    assert (best is None) == (not full)
    if full:
        assert best == full[0]
    finals = {c.el: c.score for c in full}
    for el in page.root.iter():
        for threshold in (-5.0, 0.0, 10.0, 25.0, best.score * 0.2 if best else 1.0):
            assert scores.at_least(el, threshold) == (finals.get(el, 0.0) >= threshold)


html_bits = st.lists(
    st.sampled_from(
        ["<p>", "</p>", "<div class=a>", "</div>", "<b>", "</b>", " text ", "&amp; more", "<br>", "<script>var x=1;</script>",
         "<!-- c -->", "é字", "\n  ", "<li>", "<table><tr><td>", "</td></tr></table>", "<style>p{}</style>", "<![CDATA[x]]>"]
    ),
    max_size=30,
)


@given(html_bits)
def test_page_text_content_is_lxml_html_string_value(bits: list[str]) -> None:
    root = parse.parse_html("<html><body>" + "".join(bits) + "</body></html>")
    for el in root.iter():
        assert isinstance(el, parse.PageElement)
        assert el.text_content() == lxml.html.HtmlElement.text_content(el)


@given(html_bits, st.integers(min_value=0, max_value=40))
def test_drop_tree_is_lxml_htmls(bits: list[str], pick: int) -> None:
    from boilerstrip.trees import drop_tree

    markup = "<html><body>" + "".join(bits) + "<i>x</i> tail</body></html>"
    ours, theirs = parse.parse_html(markup), parse.parse_html(markup)
    mine = [el for el in ours.iter(lxml.etree.Element) if el.getparent() is not None]
    other = [el for el in theirs.iter(lxml.etree.Element) if el.getparent() is not None]
    i = pick % len(mine)
    drop_tree(mine[i], mine[i].getparent())
    lxml.html.HtmlElement.drop_tree(other[i])
    assert lxml.etree.tostring(ours) == lxml.etree.tostring(theirs)


@given(html_bits)
def test_size_table_passed_up_the_tree_counts_each_elements_text(bits: list[str]) -> None:
    root = parse.parse_html("<html><body>" + "".join(bits) + "</body></html>")
    sizes = Page(root).sizes()
    elements = list(root.iter(tag=lxml.etree.Element))
    assert list(sizes) == elements[::-1]  # reverse document order, as short blocks read it
    for el in elements:
        assert sizes[el] == len(re.sub(r"[\W_]+", "", el.text_content()))


def _plain_class_regex(words=(), prefixes=(), anywhere=(), exact=()) -> re.Pattern[str]:  # type: ignore[no-untyped-def]
    """The plain form of a class pattern: one alternation per kind of token."""
    def alt(tokens: tuple[str, ...]) -> str:
        return "|".join(re.escape(t) for t in tokens if t) or "(?!x)x"

    return re.compile(
        rf"(?<![a-z0-9])(?:{alt(words)})(?![a-z0-9])|(?<![a-z0-9])(?:{alt(prefixes)})"
        rf"|(?<!\S)(?:{alt(exact)})(?!\S)|{alt(anywhere)}"
    )


def _cleaner_tokens() -> list[tuple[str, re.Pattern[str], dict[str, tuple[str, ...]]]]:
    """Every class pattern a cleaner module made, with the tokens it was made from."""
    import boilerstrip.cleaners  # noqa: F401  (imports every cleaner module)
    from boilerstrip.cleaners._match import _TOKENS

    return [(", ".join(t["words"][:2] + t["prefixes"][:2] + t["exact"][:2]), p, t) for p, t in _TOKENS.items()]


_TOKENS = _cleaner_tokens()


def test_every_cleaner_naming_class_tokens_is_checked() -> None:
    assert len(_TOKENS) >= 10


_KEY_BITS = st.sampled_from(
    ["-", "_", " ", "--", "2", "x", "é", "İ", ":", "a", "s", "nav", "share", "footer-", "site-header", "ad",
     "hidden", "sr-only", "cookie", "-bar", "menu", "related", "comment", "social", "d-none", "tw"]
)


@pytest.mark.parametrize("name,pattern,tokens", _TOKENS, ids=[n for n, _, _ in _TOKENS])
@settings(max_examples=200, deadline=None)
@given(st.lists(_KEY_BITS | st.text(alphabet="abcdefghilmnoprstuvwxyz-_ 0", max_size=8), max_size=8))
def test_class_tries_match_as_the_plain_alternation_does(
    name: str, pattern: re.Pattern[str], tokens: dict[str, tuple[str, ...]], bits: list[str]
) -> None:
    plain = _plain_class_regex(**tokens)
    keys = ["".join(bits), " ".join(bits)]
    # each token of the pattern, with what a class attribute puts around it
    keys += [f"{bits[0] if bits else ''}{t}{bits[-1] if bits else ''}" for kind in tokens.values() for t in kind]
    for key in keys:
        assert bool(pattern.search(key)) == bool(plain.search(key)), (name, key)


@settings(max_examples=300, deadline=None)
@given(st.lists(_KEY_BITS | st.text(alphabet="abcdefghilmnoprstuvwxyz-_ 0", max_size=8), max_size=8))
def test_the_union_of_the_class_patterns_matches_where_one_of_them_does(bits: list[str]) -> None:
    from boilerstrip.cleaners._match import _ANY_TOKEN
    from boilerstrip.cleaners._match import _TOKENS as made  # all made so far

    keys = ["".join(bits), " ".join(bits)]
    keys += [f"{bits[0] if bits else ''}{t}{bits[-1] if bits else ''}"
             for tokens in made.values() for kind in tokens.values() for t in kind]
    for key in keys:
        assert _ANY_TOKEN.holds(key) == any(pattern.search(key) for pattern in made), key


def test_a_class_pattern_made_later_joins_the_union() -> None:
    from boilerstrip.cleaners import _match

    assert not _match._ANY_TOKEN.holds("qqzz-widget")
    pattern = _match.class_pattern(words=("qqzz",))
    try:
        assert _match._ANY_TOKEN.holds("qqzz-widget")
    finally:
        del _match._TOKENS[pattern]
        _match._ANY_TOKEN.grown()


def test_groups_filtered_by_key_follow_the_groups() -> None:
    from boilerstrip.page import Page

    root = lxml.html.document_fromstring(
        "<html><body><div class='nav'>a</div><div class='row'>b</div><p class='nav-x'>c</p></body></html>"
    )
    page = Page(root)
    def keep(key: str) -> bool:
        return key.startswith("nav")

    assert [k for k, _ in page.by_key_where(keep)] == ["nav", "nav-x"]
    assert page.by_key_where(keep) is page.by_key_where(keep)
    page.kill(root.find(".//p"), "test")
    assert [k for k, _ in page.by_key_where(keep)] == ["nav"]


@given(
    st.lists(
        st.tuples(
            st.none() | st.sampled_from(["nav", "Nav  main", "row has-x", "a--b c", "md:flex nav", ""]),
            st.none() | st.sampled_from(["top", "nav", "post-1", ""]),
        ),
        max_size=12,
    )
)
def test_class_groups_are_the_class_keys_of_the_classed_elements(attrs: list[tuple[str | None, str | None]]) -> None:
    from boilerstrip.page import Page, class_key

    root = lxml.html.document_fromstring("<html><body><p>x</p></body></html>")
    body = root.find("body")
    for cls, ident in attrs:
        el = lxml.etree.SubElement(body, "div")
        if cls is not None:
            el.set("class", cls)
        if ident is not None:
            el.set("id", ident)
    expected: dict[str, list[object]] = {}
    for el in root.iter(lxml.etree.Element):
        if el.get("class") is not None or el.get("id") is not None:
            key = class_key(el.get("class"), el.get("id"))
            if key:
                expected.setdefault(key, []).append(el)
    for _ in range(2):  # the second page meets its keys in the cache
        page = Page(lxml.html.document_fromstring(lxml.etree.tostring(root)))
        got = {key: [lxml.etree.tostring(e) for e in els] for key, els in page.by_key()}
        assert got == {key: [lxml.etree.tostring(e) for e in els] for key, els in expected.items()}


def test_class_tries_on_the_bench_pages_keys() -> None:
    from boilerstrip.page import class_key

    bench = Path(__file__).parents[2] / "shared" / "bench"
    pages = sorted(bench.glob("*/html/*"))[::5] if bench.is_dir() else []
    if not pages:
        pytest.skip("the bench pages are not here")
    keys = set()
    for path in pages:
        root = lxml.html.document_fromstring(path.read_bytes())
        keys.update(class_key(el.get("class"), el.get("id")) for el in root.iter() if el.get("class") or el.get("id"))
    from boilerstrip.cleaners._match import _ANY_TOKEN
    from boilerstrip.cleaners._match import _TOKENS as made  # all made so far

    hits = 0
    for key in keys:
        assert _ANY_TOKEN.holds(key) == any(pattern.search(key) for pattern in made), key
    for _name, pattern, tokens in _TOKENS:
        plain = _plain_class_regex(**tokens)
        for key in keys:
            expected = bool(plain.search(key))
            hits += expected
            assert bool(pattern.search(key)) == expected, key
    assert hits > 100


def _plain_class_key(cls: str | None, ident: str | None) -> str:
    from boilerstrip.page import _STATE_PREFIXES

    names = []
    for name in f"{cls or ''} {ident or ''}".lower().split():
        if name.startswith(_STATE_PREFIXES) or any(c in name for c in ":[/"):
            continue
        names.append(name.split("--", 1)[0])
    return " ".join(n for n in names if n)


_CLASS_BITS = st.sampled_from(
    ["a", "Nav", "-", "--", "has-", "HAS-", "no-", "with", "show-x", ":", "md:flex", "[", "/", " ", "\xa0",
     "\u2003", "\t", "İ", "_", "2"]
)


@given(st.none() | st.lists(_CLASS_BITS, max_size=8).map("".join), st.none() | st.lists(_CLASS_BITS, max_size=4).map("".join))
def test_class_key_fast_path_is_the_name_by_name_reading(cls: str | None, ident: str | None) -> None:
    from boilerstrip.page import class_key

    assert class_key(cls, ident) == _plain_class_key(cls, ident)


text_trees = st.recursive(
    st.tuples(st.sampled_from(["p", "span", "a", "b"]), st.sampled_from(["", "By Jo", "12 May", "x y"]), st.just([])),
    lambda kids: st.tuples(st.sampled_from(["div", "p", "li"]), st.sampled_from(["", "Hi "]), st.lists(kids, max_size=4)),
    max_leaves=20,
)


def _grow_text(spec: tuple[str, str, list[object]], tail: str = "") -> lxml.html.HtmlElement:
    tag, text, kids = spec
    el = lxml.html.Element(tag)
    el.text, el.tail = text or None, tail or None
    for i, kid in enumerate(kids):
        el.append(_grow_text(kid, " t" if i % 2 else ""))  # type: ignore[arg-type]
    return el


@settings(max_examples=200)
@given(text_trees, st.lists(st.tuples(st.integers(0, 40), st.booleans()), max_size=4))
def test_texts_read_before_the_drops_are_the_short_blocks_texts_after_them(
    spec: tuple[str, str, list[object]], drops: list[tuple[int, bool]]
) -> None:
    from boilerstrip.trees import remembered_text

    pages = []
    for remember in (True, False):
        root = lxml.html.Element("html")
        body = lxml.html.Element("body")
        root.append(body)
        body.append(_grow_text(spec))
        page = Page(root)
        page.sizes()
        if remember:  # what the byline and date readers leave: every element's text, read before any drop
            for el in root.iter():
                remembered_text(el, page.texts_read)
        else:
            page.texts_read = None
        for pick, unwrap in drops:
            els = list(body.iter())[1:]
            if els:
                el = els[pick % len(els)]
                page.unwrap(el) if unwrap else page.kill(el, "test")
        pages.append(page)
    remembered, fresh = (p.short_blocks(300) for p in pages)
    assert [t for _, t in remembered] == [t for _, t in fresh]
    assert pages[0].texts_read is None  # let go once the short blocks are read


@settings(max_examples=200)
@given(attr_trees, st.lists(st.integers(0, 60), max_size=4), st.integers(0, 60))
def test_page_attribute_lists_are_the_walk_of_the_page_as_it_is(
    spec: tuple[str, dict[str, str], list[object]], drops: list[int], marked: int
) -> None:
    from boilerstrip.trees import with_any_attribute

    root = lxml.html.Element("html")
    root.append(_grow(spec))
    page = Page(root)
    page.sizes()  # the lists are made with the size table, on the page as parsed
    groups = [("class", "id"), ("hidden", "aria-hidden", "style"), ("role",), ("itemprop",)]
    for i, pick in enumerate(drops):
        els = list(root.iter())[1:]
        if not els:
            break
        el = els[pick % len(els)]
        page.unwrap(el) if i % 2 else page.kill(el, "test")
        for names in groups:
            assert page.with_any_attribute(*names) == list(with_any_attribute(root, *names))
    els = list(root.iter())
    page.set_attribute(els[marked % len(els)], "class", "boilerstrip-caption")
    for names in groups:
        assert page.with_any_attribute(*names) == list(with_any_attribute(root, *names))


def test_title_similarity_bound_is_never_below_the_similarity() -> None:
    import random

    from boilerstrip.metadata.title import similarity

    rng = random.Random(0)
    aligned = 0
    for _ in range(3000):
        a = "".join(rng.choice("abcdefgh -12é字") for _ in range(rng.randint(0, 60)))
        b = list(a)
        for _ in range(rng.randint(0, 6)):  # a few edits: titles alike enough to be aligned
            pos = rng.randint(0, len(b))
            b[pos:pos + rng.randint(0, 2)] = rng.choice(["", "x", "yz", "q r"])
        b = "".join(b)
        bound, exact = similarity(a, b, at_most=True), similarity(a, b)
        assert bound >= exact, (a, b)
        aligned += bound != exact  # the two differ only where the texts were aligned
    assert aligned > 300


@settings(max_examples=500)
@given(
    st.text(alphabet="abcab -é字", max_size=80),
    st.text(alphabet="abcab -é字", max_size=80),
)
def test_title_matcher_pairs_as_difflib_does(a: str, b: str) -> None:
    from difflib import SequenceMatcher

    from boilerstrip.metadata.title import matched

    # few letters: many runs of the same length, where the choice of the leftmost one counts
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    assert matched(a, b) == sum(block.size for block in blocks)


def test_title_matcher_on_titles_as_difflib_does() -> None:
    import random
    from difflib import SequenceMatcher

    from boilerstrip.metadata.title import matched

    rng = random.Random(1)
    words = ["the", "new", "york", "times", "minister", "says", "2024", "über", "东京", "-", "|", "a"]
    for _ in range(2000):
        a = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))[:300]
        b = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))[:300]
        ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
        assert 2 * matched(a, b) / (len(a) + len(b)) == ratio, (a, b)


@given(st.text(alphabet=st.sampled_from(["a", "\x00", "’", "字", "\U0001f600", " "]), max_size=40))
def test_without_nul_is_the_replace(text: str) -> None:
    assert loading.without_nul(text) == text.replace("\x00", "")


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(["<p>", "a", "é", "字", "\x00", "\ufeff", "<?xml version='1.0'?>", "<meta charset=utf-8>",
                         "<meta charset=latin-1>", "\x01", " ", "€"]),
        max_size=12,
    ).map("".join),
    st.sampled_from(["utf-8", "latin-1", "cp1252"]),
)
def test_page_bytes_given_to_the_parser_as_they_are_equal_the_text_encoded(page: str, codec: str) -> None:
    data = page.encode(codec, errors="replace")
    try:
        decoded = loading.decode(data)
    except Exception:  # empty, binary: nothing to parse
        return
    if decoded.utf8 is not None:
        assert decoded.utf8 == decoded.text.encode("utf-8")
    assert parse.parser_input(decoded.text, decoded.utf8) == parse.parser_input(decoded.text)


zone_bits = st.lists(
    st.sampled_from(
        ["<p>", "</p>", "<div class=a>", "</div>", "<aside>", "</aside>", "<footer>", "</footer>", " tail ",
         "<nav>menu</nav>", "<div class=comments>c</div>", "x 2015-04-28 ", "<b>", "</b>", "<ul class=related><li>r</li></ul>"]
    ),
    max_size=24,
)


def _zones_copy(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The plain form: a copy of the page with the zones dropped."""
    import copy

    from boilerstrip.metadata._dom import is_zone

    clone = copy.deepcopy(root)
    doomed = [el for el in clone.iter() if is_zone(el)]
    for el in doomed:
        if el.getparent() is not None and not any(a in doomed for a in el.iterancestors()):
            el.drop_tree()
    return clone


@given(zone_bits)
def test_zones_cut_out_in_place_show_the_page_a_copy_without_them_shows_and_come_back(bits: list[str]) -> None:
    from lxml import etree

    from boilerstrip.metadata._dom import zones_cut_out

    root = parse.parse_html("<html><body>" + "".join(bits) + "</body></html>")
    before = etree.tostring(root)
    elements = list(root.iter())
    expected = etree.tostring(_zones_copy(root))
    with zones_cut_out(root) as cut:
        assert etree.tostring(cut) == expected
    assert etree.tostring(root) == before
    assert list(root.iter()) == elements  # the same elements, not copies


@given(zone_bits | st.lists(st.sampled_from(["<aside id=x>", "</aside>", "<nav class=n>", "</nav>", "<footer>",
                                             "</footer>", "<div>", "</div>", "<div class=b>", "<div id=c>"]), max_size=24))
def test_zone_candidates_from_the_pages_lists_are_the_walks(bits: list[str]) -> None:
    from lxml import etree

    from boilerstrip.metadata._dom import may_be_zone, zone_candidates, zones_cut_out

    root = parse.parse_html("<html><body>" + "".join(bits) + "</body></html>")
    page = Page(root)
    classed, sizes = page.with_any_attribute("class", "id"), page.sizes()
    assert list(zone_candidates(root, classed, sizes)) == list(may_be_zone(root))
    before = etree.tostring(root)
    expected = etree.tostring(_zones_copy(root))
    with zones_cut_out(root, classed, sizes) as cut:
        assert etree.tostring(cut) == expected
    assert etree.tostring(root) == before


def test_htmldate_leaves_the_page_as_it_was() -> None:
    from lxml import etree

    from boilerstrip.metadata.dates import _htmldate

    root = parse.parse_html(
        "<html><head><link rel=canonical href='https://example.org/news/item'></head><body><p>Story text."
        "</p><footer>© 2011 Example</footer><aside>Popular: 2019-01-02</aside><p>Posted 2015-04-28</p>"
        "<div class='comments'>3 March 2020</div></body></html>"
    )
    before = etree.tostring(root)
    assert _htmldate(root) == "2015-04-28"
    assert etree.tostring(root) == before


@given(st.text(alphabet=st.sampled_from(["a", ",", "，", "、", "،", ";", "字", " "]), max_size=50))
def test_commas_counted_one_character_at_a_time_are_the_pattern_s(text: str) -> None:
    from boilerstrip.extract.score import _COMMAS

    assert sum(map(text.count, _COMMAS)) == len(re.findall(r"[,，、、،;]", text))


def _plain_path(page: Page, el: lxml.html.HtmlElement) -> str:
    """The path climbed in full each time (the shortcut remembers its ancestors' paths)."""
    parts: list[str] = []
    node = el
    while node is not None:
        parent = node.getparent()
        if parent is None:
            parts.append(str(node.tag))
            break
        index, count = page._position(parent, node)
        parts.append(f"{node.tag}[{index}]" if count > 1 else str(node.tag))
        node = parent
    return "/" + "/".join(reversed(parts))


@settings(max_examples=200)
@given(attr_trees, st.lists(st.integers(0, 60), min_size=1, max_size=8))
def test_drop_paths_remembered_up_the_tree_are_the_climbed_ones(
    spec: tuple[str, dict[str, str], list[object]], picks: list[int]
) -> None:
    root = lxml.html.Element("html")
    root.append(_grow(spec))
    page = Page(root)
    for i, pick in enumerate(picks):
        els = list(root.iter())[1:]
        if not els:
            break
        el = els[pick % len(els)]
        for other in els[:: max(1, len(els) // 5)]:
            assert page.path(other) == _plain_path(page, other)
        page.unwrap(el) if i % 3 == 2 else page.kill(el, "test")


def _hinted_patterns() -> list[object]:
    import gc

    import boilerstrip.caption_text  # noqa: F401
    import boilerstrip.cleaners  # noqa: F401
    from boilerstrip.textutil import Hinted

    return sorted((o for o in gc.get_objects() if isinstance(o, Hinted)), key=lambda h: h.hints)


_HINTED = _hinted_patterns()


def test_hinted_patterns_with_many_hints_have_the_one_search() -> None:
    assert sum(h._any_hint is not None for h in _HINTED) >= 4  # type: ignore[attr-defined]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(sorted({x for h in _HINTED for x in h.hints})) | st.text(max_size=6), max_size=6))  # type: ignore[attr-defined]
def test_one_search_for_the_hints_finds_one_when_some_hint_is_in(bits: list[str]) -> None:
    text = " ".join(bits).casefold()
    for h in _HINTED:
        if h._any_hint is not None:  # type: ignore[attr-defined]
            assert (h._any_hint.search(text) is not None) == any(x in text for x in h.hints), (h.hints, text)  # type: ignore[attr-defined]


class _BytePrescan(loading._Prescan):
    """The prescan as the WHATWG algorithm is written: every ``<`` read by ``tag``, attributes a
    byte at a time."""

    def skip(self) -> int:
        found = self.data.find(b"<", self.pos)
        return len(self.data) if found < 0 else found

    def byte(self) -> int:
        if self.pos >= len(self.data):
            raise loading._End
        return self.data[self.pos]

    def skip_tag_name(self) -> None:
        while self.byte() not in b" \t\n\f\r>":
            self.pos += 1

    def attribute(self) -> tuple[str, str] | None:
        while self.byte() in b" \t\n\f\r" or self.byte() == 0x2F:
            self.pos += 1
        if self.byte() == 0x3E:
            return None
        name = bytearray()
        while True:
            b = self.byte()
            if b == 0x3D and name:
                self.pos += 1
                return self.attribute_value(bytes(name))
            if b in b" \t\n\f\r":
                break
            if b in b"/>":
                return loading._attr(bytes(name), b"")
            name.append(b)
            self.pos += 1
        while self.byte() in b" \t\n\f\r":
            self.pos += 1
        if self.byte() != 0x3D:
            return loading._attr(bytes(name), b"")
        self.pos += 1
        return self.attribute_value(bytes(name))

    def attribute_value(self, name: bytes) -> tuple[str, str]:
        while self.byte() in b" \t\n\f\r":
            self.pos += 1
        quote = self.byte()
        if quote in b"\"'":
            end = self.data.find(bytes([quote]), self.pos + 1)
            if end < 0:
                raise loading._End
            value = self.data[self.pos + 1 : end]
            self.pos = end + 1
            return loading._attr(name, value)
        if quote == 0x3E:
            return loading._attr(name, b"")
        start = self.pos
        while self.byte() not in b" \t\n\f\r>":
            self.pos += 1
        return loading._attr(name, self.data[start : self.pos])


_PRESCAN_BITS = st.sampled_from(
    [b"<meta", b"<META", b" ", b"\t", b"/", b">", b"=", b"'", b'"', b"charset", b"=utf-8", b"koi8-r", b"<p",
     b"<!--", b"-->", b"http-equiv", b"content-type", b"content=", b"text/html; charset=", b"x", b"<", b"\xe9",
     b"</", b"<!", b"<?", b"-", b"\n", b"<mEta", b"</meta", b"<meta>"]
)


@settings(max_examples=500)
@given(st.lists(_PRESCAN_BITS, max_size=16).map(b"".join))
def test_prescan_reading_runs_of_bytes_is_the_byte_by_byte_algorithm(data: bytes) -> None:
    assert loading._Prescan(data).run() == _BytePrescan(data).run()

    def attributes(scan: loading._Prescan) -> list[object]:
        got: list[object] = []
        try:
            while (attr := scan.attribute()) is not None:
                got.append((attr, scan.pos))
            got.append(("end", scan.pos))
        except loading._End:
            got.append("ran off")
        return got

    assert attributes(loading._Prescan(data)) == attributes(_BytePrescan(data))


_ATTRS = st.dictionaries(
    st.sampled_from(["hidden", "aria-hidden", "style", "class", "id", "itemprop", "rel", "href"]),
    st.sampled_from(["", "true", "false", "display: none", "color: red", "Hidden sr-only", "author", "byline",
                     "creator", "nofollow author", "x"]),
    max_size=5,
)


@given(_ATTRS)
def test_attribute_checks_reading_the_names_first_are_the_plain_gets(attrs: dict[str, str]) -> None:
    from boilerstrip.metadata import _dom
    from boilerstrip.metadata.byline import _byline_class, _is_candidate

    el = lxml.html.Element("span", **attrs)
    style, cls = el.get("style"), el.get("class")
    hidden = (
        el.get("hidden") is not None or el.get("aria-hidden") == "true"
        or bool(style and _dom._HIDDEN_STYLE_RE.search(style))
        or bool(cls) and not _dom._HIDDEN_CLASSES.isdisjoint(cls.lower().split())
    )
    assert _dom.hides_itself(el) == hidden
    ci = _dom.class_id(el)
    candidate = (
        el.get("itemprop") in ("author", "creator") or "author" in (el.get("rel") or "").split()
        or bool(ci) and _byline_class(ci)
    )
    assert _is_candidate(el) == candidate


_DATE_BITS = st.sampled_from(
    ["2024", "1999", "20", "24", "19", "-", ".", "/", " ", "Aug.", "August", "4", "04", "12", "2o24", "年", "8月",
     "4日", "년", "10:30", "pm", "Published", "© ", "２０２４", "1", "0", "de", "août"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_DATE_BITS, max_size=10))
def test_dates_are_scanned_for_only_in_texts_holding_a_year(bits: list[str]) -> None:
    from boilerstrip.metadata import dates

    for text in ("".join(bits), " ".join(bits)):
        fast = (list(dates.scan(text)), dates.best_in_line(text))
        year = dates._YEAR_RE
        dates._YEAR_RE = re.compile("")  # every text passes: the patterns alone decide
        try:
            assert (list(dates.scan(text)), dates.best_in_line(text)) == fast, text
        finally:
            dates._YEAR_RE = year


@pytest.mark.parametrize("markup", [
    '<span itemprop="datePublished">March 3, 2021</span>',
    '<meta itemprop="datePublished" content="2020-01-01"><time itemprop="datepublished" datetime="2021-03-04">x</time>',
    '<span itemprop="author">Jane</span><span itemprop="datePublished">no date here</span>',
])
def test_declared_date_from_the_pages_itemprop_list_is_the_walks(markup: str) -> None:
    from boilerstrip.metadata import read_meta

    html = f"<html><head><title>T</title></head><body><article><h1>T</h1>{markup}<p>Text.</p></article></body></html>"
    root = lxml.html.document_fromstring(html)
    page = Page(root)
    page.sizes()
    listed = read_meta(root, itemprops=page.with_any_attribute("itemprop")).date
    assert listed == read_meta(root).date
    assert (listed is None) == ("no date" in markup)


def _phrase_lists() -> list[tuple[str, tuple[str, ...]]]:
    from boilerstrip import phrases

    return [(name, value) for name, value in vars(phrases).items()
            if name.isupper() and isinstance(value, tuple) and value and all(isinstance(v, str) for v in value)]


_PHRASE_BITS = st.sampled_from(["", " ", "»", "!", "x", "s", "Share", "SHARE", "comment", "e-mail", "İ", "ſ", "\n", "광고", "0"])


@pytest.mark.parametrize("name,phrases", _phrase_lists(), ids=[n for n, _ in _phrase_lists()])
@settings(max_examples=60, deadline=None)
@given(st.lists(_PHRASE_BITS, max_size=4), st.lists(_PHRASE_BITS, max_size=4), st.integers(0, 10_000))
def test_whole_phrase_tries_match_as_the_plain_alternation_does(
    name: str, phrases: tuple[str, ...], before: list[str], after: list[str], pick: int
) -> None:
    from boilerstrip.phrases import phrase_regex

    plain = re.compile(r"^\W*(?:%s)\W*$" % "|".join(re.escape(p) for p in phrases), re.IGNORECASE)
    fast = phrase_regex(phrases, whole=True)
    phrase = phrases[pick % len(phrases)]
    for text in ("".join(before) + phrase + "".join(after), phrase.upper(), phrase[:-1], phrase + "s"):
        assert bool(fast.match(text)) == bool(plain.match(text)), text


@settings(max_examples=300, deadline=None)
@given(st.lists(_PHRASE_BITS | st.sampled_from([":", " : ", "›", "—", "Read more", "related", "Lire aussi"]), max_size=6),
       st.integers(0, 10_000))
def test_related_lead_trie_matches_as_the_plain_alternation_does(bits: list[str], pick: int) -> None:
    from boilerstrip.cleaners.related import _RELATED_LEAD
    from boilerstrip.phrases import RELATED

    plain = re.compile(
        r"^\W*(?:%s)\s*[:：»›>\-–—]?\s*\S" % "|".join(re.escape(p) for p in sorted(RELATED, key=len, reverse=True)),
        re.IGNORECASE,
    )
    phrase = RELATED[pick % len(RELATED)]
    for text in ("".join(bits), phrase + "".join(bits), " ".join([phrase, *bits])):
        assert bool(_RELATED_LEAD.match(text)) == bool(plain.match(text)), text


@settings(max_examples=300)
@given(st.lists(st.sampled_from(sorted({x for h in _HINTED for x in h.hints})) | st.text(max_size=6), max_size=6))  # type: ignore[attr-defined]
def test_the_union_of_all_hints_finds_one_when_some_patterns_hint_is_in(bits: list[str]) -> None:
    from boilerstrip.textutil import _ANY_HINT

    text = " ".join(bits).casefold()
    # the union holds the hints of the patterns of more than a few (the others look with ``in``)
    many = [h for h in _HINTED if h._any_hint is not None]  # type: ignore[attr-defined]
    assert _ANY_HINT.holds(text) == any(x in text for h in many for x in h.hints), text


_LINK_ITEMS = st.sampled_from(["<a href='/x'>Home</a>", "<a href='/y'>World news today</a>", " | ", "Some words",
                               "<span>and <a href='/z'>one</a></span>", "<b>x</b>"])
_LINK_BLOCKS = st.lists(st.tuples(st.sampled_from(["ul", "div", "p", "li", "span", "section"]),
                                  st.lists(_LINK_ITEMS, max_size=5)), min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(_LINK_BLOCKS)
def test_link_lists_skips_only_blocks_no_rule_could_drop(blocks: list[tuple[str, list[str]]]) -> None:
    import boilerstrip.cleaners.link_lists  # noqa: F401 (the package's name is the cleaner function)

    module = sys.modules["boilerstrip.cleaners.link_lists"]
    body = "".join(f"<{tag}>{''.join(items)}</{tag}>" for tag, items in blocks)
    html = f"<html><body><h1>Title of it</h1><div><p>{'Prose of the article. ' * 30}</p>{body}</div></body></html>"

    def plain(page: Page) -> list[tuple[str, str]]:
        found = []
        nested = module.nested_links(page)
        for el in page.body.iter(*module._LIST_TAGS):
            if page.holds_article(el) or not page.attached(el) or module._in_running_text(el):
                continue
            density, count = module.link_density(page, el, nested)
            size = page.size(el)
            most = module._MAX_UNLINKED_PARAGRAPH if el.tag == "p" else module._MAX_UNLINKED
            if count >= module._MIN_LINKS and density >= module._DENSITY and size * (1 - density) <= most:
                found.append((page.path(el), "list"))
            elif count == 1 and density >= 0.95 and 0 < size <= module._LONE_LINK_MAX and el.tag in ("li", "div"):
                found.append((page.path(el), "lone"))
        return found

    expected = plain(Page(lxml.html.document_fromstring(html)))
    page = Page(lxml.html.document_fromstring(html))
    page.current = "link_lists"
    module.link_lists(page)
    assert [d.path for d in page.dropped] == [p for p, _ in expected if not any(p.startswith(q + "/") for q, _ in expected)]


notice_texts = st.lists(
    st.sampled_from(["opens in a new window", "Open in a new tab", "Letters to the Editor", "letter to the editor",
                     "This article contains affiliate links", "the post may contain affiliate links", "Donate now",
                     "donate to support", "Support independent journalism", "become a member", "Become a Patron",
                     "후원하기", "후원해 주세요", "후원이 좋은 기사", "Unterstützen Sie unseren Journalismus",
                     "soutenez notre journalisme", "apoya el periodismo", "打赏作者", "赞赏支持", "支援する",
                     " ", ".", "x", "new", "window"]),
    max_size=6,
).map(" ".join)


@settings(max_examples=400)
@given(notice_texts)
def test_site_notice_hints_are_held_by_every_match(text: str) -> None:
    import boilerstrip.cleaners.calls_to_action  # noqa: F401 (the package's name is the cleaner function)

    notice = sys.modules["boilerstrip.cleaners.calls_to_action"]._NOTICE
    assert bool(notice.search(text)) == bool(notice.pattern.search(text)), text


@given(st.binary(max_size=64) | st.text(max_size=40).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_control_byte_search_by_memchr_is_the_deleting_pass(data: bytes) -> None:
    others = bytes(b for b in range(256) if b not in loading.PARSER_CONTROL_BYTES)
    assert loading.holds_any_byte(data, loading.PARSER_CONTROL_BYTES) == bool(data.translate(None, others))
    assert loading.holds_any_byte(data, loading.PARSER_CONTROL_BYTES, 8) == bool(data[:8].translate(None, others))


_PAGE_BITS = st.sampled_from(
    ["<p>", "text", " ", "\n", "\t", "\r", "\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "é", "\ufeff", "\U0001f600"]
)


@given(st.lists(_PAGE_BITS, min_size=1, max_size=12).map(lambda bits: ("<p>x" + "".join(bits)).encode("utf-8")))
def test_parser_input_trusting_decode_for_control_bytes_is_the_search(data: bytes) -> None:
    try:
        decoded = loading.decode(data)
    except loading.NotHtml:
        return
    plain = parse.parser_input(decoded.text, decoded.utf8, nul_free=True)
    assert parse.parser_input(decoded.text, decoded.utf8, nul_free=True, control_free=decoded.control_free) == plain
    if decoded.control_free:
        assert decoded.utf8 == data and not loading.holds_any_byte(data, loading.PARSER_CONTROL_BYTES + b"\x7f")


@given(st.lists(st.sampled_from(["<!--", "-->", "//", "<![CDATA[", "]]>", " ", "\n", "{\"a\": 1}", "x", "/"]), max_size=8))
def test_jsonld_wrapper_cut_only_when_one_stands_at_an_end_is_the_pattern(bits: list[str]) -> None:
    from boilerstrip.metadata import jsonld

    raw = "".join(bits)
    assert jsonld._unwrapped(raw) == jsonld._COMMENT_RE.sub("", raw.strip()).strip()


_MONTH_NAMES = sorted(__import__("boilerstrip.metadata.dates", fromlist=["MONTHS"]).MONTHS)


_DATE_PIECES = st.tuples(
    st.sampled_from(["", " ", "x", "4 ", "21st de ", "on "]), st.sampled_from(_MONTH_NAMES).map(str.title) | st.sampled_from(_MONTH_NAMES),
    st.sampled_from(["", ".", ",", "x"]), st.sampled_from([" ", "  ", ""]), st.sampled_from(["4", "21st", "x"]),
    st.sampled_from([", ", " ", ""]), st.sampled_from(["2024", "1999", "24"]),
).map("".join)


@settings(max_examples=300)
@given(st.lists(_DATE_PIECES, min_size=1, max_size=4))
def test_month_name_trie_finds_the_dates_the_longest_first_alternation_does(bits: list[str]) -> None:
    from boilerstrip.metadata import dates

    plain = "|".join(sorted((re.escape(m) for m in dates.MONTHS), key=len, reverse=True))
    text = " ".join(bits)
    for kind in (2, 3):
        fast = dates._PATTERNS[kind]
        slow = re.compile(fast.pattern.replace(dates._MONTH_ALT, plain), fast.flags)
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == [
            (m.span(), m.groupdict()) for m in slow.finditer(text)
        ], text


def test_a_trie_of_no_literals_matches_nothing() -> None:
    from boilerstrip.phrases import any_phrase
    from boilerstrip.regex_trie import NEVER, trie

    assert trie([], {"": ""}) == any_phrase([]) == NEVER
    assert re.search(NEVER, "") is None and re.search(NEVER, "x") is None


@given(st.text(alphabet=st.sampled_from(list("ab .:-/19") + ["٣", "３", "é", "字", "\u00b2"]), max_size=40))
def test_has_digit_is_the_digit_pattern(text: str) -> None:
    from boilerstrip.metadata.dates import _has_digit

    assert _has_digit(text) == (re.search(r"\d", text) is not None)


@given(st.text(alphabet=st.sampled_from(list("displaynoehvibt: ;DISPLAYNONE") + ["ı", "ſ", "K", "é"]), max_size=30))
def test_hiding_style_is_the_style_pattern(style: str) -> None:
    from boilerstrip.metadata._dom import hiding_style

    plain = re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style, re.IGNORECASE)
    assert hiding_style(style) == (plain is not None)


def test_hiding_style_of_a_few_styles() -> None:
    from boilerstrip.metadata._dom import hiding_style

    assert hiding_style("color: red; DISPLAY : None")
    assert hiding_style("visibility:hidden")
    assert hiding_style("dıſplay: none")  # the regex ignores case the Unicode way
    assert not hiding_style("display: block; overflow: hidden")
