"""Adapters: each extractor behind the same small interface.

An adapter imports its library in ``load()`` (so a missing competitor is reported as
"not installed", never a crash), turns page bytes into an ``Output`` in ``extract()``
(the timed call), and may find a byline in ``byline()`` when its ``extract()`` does not
already give one (an untimed call, used only for the byline score).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import html as lxml_html


class ToolMissing(Exception):
    """The tool's library cannot be imported (not installed, or not usable yet)."""


@dataclass(frozen=True)
class Output:
    """What a tool made of one page."""

    text: str
    """The article body, scored against the truth."""
    byline: str | None = None
    captions: tuple[str, ...] = ()
    full_text: str | None = None
    """Everything the tool outputs, searched for captions; ``text`` when None."""
    drops: tuple[Any, ...] = ()
    """Each block the tool says it dropped (``cleaner``, ``reason``, ``preview``), for error analysis."""

    @property
    def caption_text(self) -> str:
        return "\n".join((*self.captions, self.full_text or self.text))


_BLOCK_TAG_NAMES = (
    "p div li ul ol h1 h2 h3 h4 h5 h6 br tr td th table blockquote pre figure figcaption "
    "section article header footer aside dd dt dl hr main"
)
_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())


def html_to_text(fragment: str | bytes) -> str:
    """Plain text of an HTML fragment, one line per block element."""
    if not fragment or not str(fragment).strip():
        return ""
    root = lxml_html.fromstring(fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist) if dist else None
    except importlib.metadata.PackageNotFoundError:
        return None


class Tool:
    """Base adapter. Subclasses set ``name``/``dist`` and implement ``_load``/``extract``."""

    name = ""
    dist = ""
    has_byline = False
    timing_only = False
    """A baseline that is timed with the others but makes no article (no quality row)."""
    note = ""

    def __init__(self) -> None:
        self._loaded = False

    @property
    def version(self) -> str | None:
        return _version(self.dist)

    def load(self) -> None:
        """Import the library; raise ToolMissing if it cannot be used."""
        if self._loaded:
            return
        try:
            self._load()
        except ToolMissing:
            raise
        except Exception as exc:  # ImportError, AttributeError of a half-written package, ...
            raise ToolMissing(f"{type(exc).__name__}: {exc}") from exc
        self._loaded = True

    def _load(self) -> None:
        raise NotImplementedError

    def extract(self, html: bytes, url: str | None) -> Output:
        raise NotImplementedError

    def byline(self, html: bytes, url: str | None, output: Output) -> str | None:
        """The tool's byline for the page (default: the one ``extract`` gave)."""
        return output.byline

    def render(self, html: bytes) -> str:
        """What the tool's command line prints for the page (the memory probe's one call):
        ``extract`` may build more than that for scoring (boilerstrip's body text apart)."""
        return self.extract(html, None).text


class Boilerstrip(Tool):
    name = "boilerstrip"
    dist = "boilerstrip"
    has_byline = True

    @property
    def version(self) -> str | None:
        """The version and the build measured (:func:`boilerstrip.build`): compiled with mypyc and
        Cython (a regular install) or the Python source (an editable one)."""
        base = _version(self.dist)
        if base is None:
            return None
        try:
            from boilerstrip import build
        except ImportError:  # an older checkout
            return base
        return f"{base} ({build()})"

    def _load(self) -> None:
        mod = importlib.import_module("boilerstrip")
        strip = getattr(mod, "strip", None)
        if not callable(strip):
            raise ToolMissing("boilerstrip.strip is not available yet")
        self._strip: Callable[..., Any] = strip

    def render(self, html: bytes) -> str:
        text: str = self._strip(html).text
        return text

    def extract(self, html: bytes, url: str | None) -> Output:
        article = self._strip(html, url=url)
        try:
            full = article.text
        except Exception:  # the text renderer may not exist yet
            full = None
        return Output(
            text="\n\n".join(b.text for b in article.body),
            byline=article.byline,
            captions=tuple(article.captions),
            full_text=full,
            drops=tuple(article.dropped),  # previews are read after the timing, when asked for
        )


class Trafilatura(Tool):
    name = "trafilatura"
    dist = "trafilatura"
    has_byline = True
    note = "`extract(html, include_comments=False)`, default settings, no metadata"

    def _load(self) -> None:
        self._mod = importlib.import_module("trafilatura")

    def extract(self, html: bytes, url: str | None) -> Output:
        text = self._mod.extract(html, url=url, include_comments=False)
        return Output(text=text or "")

    def byline(self, html: bytes, url: str | None, output: Output) -> str | None:
        doc = self._mod.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
        if doc is None:
            return None
        author = doc.get("author") if isinstance(doc, dict) else getattr(doc, "author", None)
        return str(author) if author else None


class ReadabilityLxml(Tool):
    name = "readability-lxml"
    dist = "readability-lxml"
    note = "`Document(html).summary()`, text via lxml"

    def _load(self) -> None:
        self._document = importlib.import_module("readability").Document

    def extract(self, html: bytes, url: str | None) -> Output:
        return Output(text=html_to_text(self._document(html).summary()))


class Resiliparse(Tool):
    name = "resiliparse"
    dist = "resiliparse"
    note = "`extract_plain_text(html, main_content=True)`, bytes decoded with its `detect_encoding`"

    def _load(self) -> None:
        self._extract = importlib.import_module("resiliparse.extract.html2text").extract_plain_text
        enc = importlib.import_module("resiliparse.parse.encoding")
        self._detect, self._to_str = enc.detect_encoding, enc.bytes_to_str

    def extract(self, html: bytes, url: str | None) -> Output:
        text = self._to_str(html, self._detect(html))
        return Output(text=self._extract(text, main_content=True) or "")


# ISO 639-1 codes of <html lang> mapped to jusText stoplist names.
_JUSTEXT_LANGS = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay", "nb": "Norwegian_Bokmal",
    "nl": "Dutch", "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "sr": "Serbian", "sv": "Swedish", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian",
    "vi": "Vietnamese",
}  # fmt: skip
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)


def page_language(html: bytes) -> str | None:
    """The two-letter code of ``<html lang>`` in the page's first 16 KB, if any."""
    m = _HTML_LANG.search(html, 0, 16384)
    return m.group(1).decode("ascii").lower() if m else None


class JusText(Tool):
    name = "jusText"
    dist = "justext"
    note = "stoplist of the page's `<html lang>` when jusText has one, else English"

    def _load(self) -> None:
        self._mod = importlib.import_module("justext")
        self._stoplist = lru_cache(maxsize=None)(self._mod.get_stoplist)
        self._stoplist("English")

    def stoplist_name(self, html: bytes) -> str:
        return _JUSTEXT_LANGS.get(page_language(html) or "", "English")

    def extract(self, html: bytes, url: str | None) -> Output:
        paragraphs = self._mod.justext(html, self._stoplist(self.stoplist_name(html)))
        return Output(text="\n".join(p.text for p in paragraphs if not p.is_boilerplate))


class LxmlParse(Tool):
    """The physical floor: parsing the page with lxml and nothing else."""

    name = "lxml parse"
    dist = "lxml"
    timing_only = True
    note = "`lxml.html.document_fromstring(html)` alone: the physical floor, timed in turn with the tools"

    def _load(self) -> None:
        self._parse = lxml_html.document_fromstring

    def extract(self, html: bytes, url: str | None) -> Output:
        self._parse(html)
        return Output(text="")


class JusTextEnglish(JusText):
    name = "jusText-en"
    note = "English stoplist on every page (as in the shared README's table); not run by default"

    def stoplist_name(self, html: bytes) -> str:
        return "English"


ALL_TOOLS: tuple[type[Tool], ...] = (
    Boilerstrip,
    Trafilatura,
    ReadabilityLxml,
    Resiliparse,
    JusText,
)
EXTRA_TOOLS: tuple[type[Tool], ...] = (JusTextEnglish,)
"""Tools run only when named in ``--tools``."""
REFERENCE = "trafilatura"


def by_names(names: list[str] | None) -> list[Tool]:
    """Adapters for ``names`` (all when None), in the table's order; unknown names raise."""
    if not names:
        return [cls() for cls in ALL_TOOLS]
    known = {cls.name.lower(): cls for cls in ALL_TOOLS + EXTRA_TOOLS}
    unknown = [n for n in names if n.lower() not in known]
    if unknown:
        raise ValueError(f"unknown tool(s) {', '.join(unknown)}; known: {', '.join(known)}")
    wanted = {n.lower() for n in names}
    return [cls() for cls in ALL_TOOLS + EXTRA_TOOLS if cls.name.lower() in wanted]
