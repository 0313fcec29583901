"""``strip``: one page in, its article out."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterator

from lxml.html import HtmlElement

from . import metadata
from .article import Article, Block
from .errors import NoArticle
from .extract.blocks import build_blocks
from .loading import decode, sniff_format
from .options import Options
from .page import Page
from .parse import parse_input, parser_input
from .pipeline import Pipeline
from .regex_cache import rx
from .registry import pipeline_for
from .trees import text_content

_DEFAULT = Options()


def strip(
    html: bytes | str,
    *,
    url: str | None = None,
    options: Options | None = None,
    pipeline: Pipeline | None = None,
) -> Article:
    """Strip a raw page (bytes in any encoding, or text) down to its article.

    Raises a :class:`~boilerstrip.errors.BoilerstripError` subclass when the input is
    empty, binary or undecodable, or when no article is found.
    """
    with collector_paused():
        return _strip(html, url=url, options=options, pipeline=pipeline)


@functools.lru_cache(maxsize=16)
def _pipeline_of(only: tuple[str, ...], disable: tuple[str, ...]) -> Pipeline:
    """The pipeline ``strip`` runs when given none, for the cleaners ``only`` and ``disable``
    name (all that ``pipeline_for`` reads of the options): made once for each choice, not for
    every page (it registers some forty cleaners, about 80 µs), and never handed out, so never
    changed."""
    return pipeline_for(Options(only=only, disable=disable))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the time of the block (as it was after).

    A page makes thousands of short-lived objects (element proxies, tuples, lists) that
    reference counting frees when the page is done; the collector would stop about every
    700 of them to scan the young ones, to find nothing (0.5 ms a page on the bench pages).
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _strip(html: bytes | str, *, url: str | None, options: Options | None, pipeline: Pipeline | None) -> Article:
    options = options or _DEFAULT
    pipeline = pipeline or _pipeline_of(options.only, options.disable)
    utf8, control_free = None, False
    if isinstance(html, bytes):
        text, encoding, _source, utf8, control_free = decode(html, encoding=options.encoding)
    else:
        text, encoding = html, None
    fmt = options.input_format
    if fmt == "auto":
        fmt = sniff_format(text)
    if fmt == "text":
        from .textdump import strip_text

        article = strip_text(text, pipeline=pipeline, url=url)
        article.encoding = encoding
        return article
    # decode() took out any NUL
    data = parser_input(text, utf8, nul_free=isinstance(html, bytes), control_free=control_free)
    del text, utf8  # not kept while the tree is built and the cleaners run: the tree holds the page
    root = parse_input(data, base_url=url)
    del data
    article = strip_tree(root, url=url, options=options, pipeline=pipeline)
    article.encoding = encoding
    return article


def read_page(
    root: HtmlElement, *, url: str | None, trace: bool = False, options: Options | None = None
) -> Page:
    """A page with its metadata, headline, byline and date found, before any cleaner runs."""
    page = Page(root, url=url, trace=trace, options=options)
    # the size table first: it makes the Python object of every element once, which the
    # metadata readers' walks and XPath results then reuse instead of making their own
    page.sizes()
    meta = metadata.read_meta(root, url=url, itemprops=page.with_any_attribute("itemprop"))
    page.meta = meta
    page.headline_el = metadata.find_headline(root, meta)
    sizes = page.sizes()
    texts = page.texts_read
    byline = metadata.find_byline(root, meta, page.headline_el, sizes=sizes, texts=texts)
    date = metadata.find_date(
        root, meta, page.headline_el, sizes=sizes, classed=page.with_any_attribute("class", "id"), texts=texts
    )
    page.byline_el, page.byline_line = byline.element, byline.line
    page.date_el, page.date_line = date.element, date.line
    page.byline_text = byline.text
    page.date_iso = date.text or meta.date
    return page


def strip_tree(root: HtmlElement, *, url: str | None, options: Options, pipeline: Pipeline) -> Article:
    """Run the HTML pipeline over a parsed page and assemble the article."""
    page = read_page(root, url=url, trace=options.trace_nodes, options=options)
    pipeline.run(page, "html")
    title = _visible_title(page.meta.headline or page.meta.title, page.headline_el)
    main = page.article_root()
    blocks = build_blocks(main, title=title)
    blocks = _prefer_declared_body(blocks, page)
    if not any(b.kind != "caption" for b in blocks):
        raise NoArticle("no article found: nothing article-like is left after cleaning")
    return Article(
        title=title,
        byline=page.byline_text,
        date=page.date_iso,
        lang=page.meta.lang,
        url=url or page.meta.canonical,
        blocks=blocks,
        dropped=page.dropped,
        input_format="html",
        byline_line=page.byline_line,
        date_line=page.date_line,
        subtitle=" ".join(page.subtitles) or None,
    )


# A page whose visible body is this much shorter than its JSON-LD ``articleBody`` renders
# the article with a script: the declared body is the article.
_DECLARED_BODY_RATIO = 3


def _prefer_declared_body(blocks: list[Block], page: Page) -> list[Block]:
    declared = metadata.jsonld.first_raw(page.meta.jsonld, "articleBody")
    if not isinstance(declared, str) or not declared.strip():
        return blocks
    shown = sum(len(b.text) for b in blocks if b.kind != "caption")
    if shown * _DECLARED_BODY_RATIO >= len(declared):
        return blocks
    paragraphs = [" ".join(p.split()) for p in declared.splitlines()]
    return [b for b in blocks if b.kind == "caption"] + [Block("paragraph", p) for p in paragraphs if p]


# "Headline - Site name", "Site | Headline": the part a site adds around a title it declares.
_SITE_AFTER = rx(r"^\s*[-|–—:·»/]\s*\S")
_SITE_BEFORE = rx(r"\S\s*[-|–—:·»/]\s*$")


def _visible_title(declared: str | None, headline: HtmlElement | None) -> str | None:
    """The headline as printed, when the declared title is it plus a site part ("X - Blog name")."""
    if headline is None or not declared:
        return declared
    shown = " ".join(text_content(headline).split())
    if not shown or shown == declared or shown not in declared:
        return declared
    rest = declared.replace(shown, "", 1)
    return shown if _SITE_AFTER.match(rest) or _SITE_BEFORE.search(rest) else declared
