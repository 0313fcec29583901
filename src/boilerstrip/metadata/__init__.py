"""Page metadata read from the raw parsed page, before any cleaner runs.

``read_meta`` gathers what the page declares (JSON-LD, meta tags, ``<title>``,
``<html lang>``, the canonical link); ``find_headline``, ``find_byline`` and
``find_date`` then look for what it prints near the headline. Importing this
package never imports trafilatura, htmldate or dateparser: htmldate is imported
only when a date cannot be found any cheaper way.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml.html import HtmlElement

from ..page import PageMeta
from . import jsonld
from ._dom import text_of
from .byline import clean_byline, find_byline, forbidden_names, metadata_authors
from .dates import find_date, from_metadata
from .found import Found
from .lang import read_lang
from .metatags import canonical, pick, read_metas
from .title import find_headline, pick_title, site_words

__all__ = [
    "Found",
    "clean_byline",
    "find_byline",
    "find_date",
    "find_headline",
    "read_meta",
]


def read_meta(
    root: HtmlElement, *, url: str | None = None, itemprops: Iterable[HtmlElement] | None = None
) -> PageMeta:
    """Everything the page declares about itself: title, site, authors, date, language, links
    (``itemprops``: the elements carrying ``itemprop``, when the caller has them listed)."""
    metas, every = read_metas(root)
    items = jsonld.read_jsonld(root)
    meta = PageMeta(jsonld=items, metas=metas)
    meta.canonical = canonical(root) or pick(metas, "og:url") or url
    meta.site_name = pick(metas, "og:site_name", "application-name") or jsonld.site_name(items)
    html_title = None
    for el in root.iter("title"):
        if any(a.tag == "svg" or str(a.tag).endswith("}svg") for a in el.iterancestors()):
            continue  # an inline drawing's tooltip, not the page's title
        html_title = text_of_title(el)
        break
    sites = site_words(meta, url)
    meta.title = pick_title(
        [
            pick(metas, "dc.title"),
            jsonld.first(items, "headline"),
            pick(metas, "og:title", "twitter:title", "citation_title", "parsely-title", "title"),
            jsonld.first(items, "name"),
        ],
        html_title,
        sites,
    )
    meta.lang = read_lang(root, metas, jsonld.first(items, "inLanguage"), meta.title or "")
    meta.authors = metadata_authors(meta, forbidden_names(meta, url), every)
    meta.date = from_metadata(meta, root, itemprops)
    meta.date_read = True
    return meta


def text_of_title(el: HtmlElement) -> str | None:
    """The ``<title>`` text (it has no children, but may hold stray markup as text)."""
    text = (el.text or "") if len(el) == 0 else text_of(el)
    return " ".join(text.split()) or None
