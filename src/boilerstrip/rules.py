"""User rules: selectors that drop, keep, or point at the byline, date and captions, by site.

A rules file is TOML, one table per site, keyed by domain::

    [sites."example.com"]
    drop = [".promo-box", "xpath://div[@data-ad]"]
    keep = ["p.editor-note"]
    byline = [".author-name"]
    date = ["time.published"]
    caption = [".photo-credit-line"]

Selectors are CSS (via cssselect) unless prefixed ``xpath:``. A site also matches its
subdomains (``example.com`` applies to ``news.example.com``); a leading ``www.`` is ignored;
the site ``"*"`` applies to every page. The user's own file lives in the platform's config
directory (``~/.config/boilerstrip/rules.toml`` on Linux) and is read unless
``Options(user_rules=False)``. Every problem raises :class:`~boilerstrip.errors.InvalidRules`
naming the file, the site and the key.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

if TYPE_CHECKING:
    from pathlib import Path

from .errors import InvalidRules
from .options import Options
from .regex_cache import rx

RULE_KEYS: tuple[str, ...] = ("drop", "keep", "byline", "date", "caption")
"""The keys a site table may hold, each a selector or a list of selectors."""

XPATH_PREFIX = "xpath:"
ANY_SITE = "*"

_SITE_RE = rx(r"^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$")
# Evaluating a compiled XPath once on a tiny page catches unknown functions and variables,
# which lxml reports only when the expression runs.
_PROBE = lxml.html.fromstring("<div><p>probe</p></div>")


class _BadSelector(Exception):
    """A selector that does not compile; turned into InvalidRules with its context."""


class Selector(NamedTuple):
    """One compiled selector and where it came from (``--drop`` or a rules file entry)."""

    text: str
    origin: str
    xpath: etree.XPath

    def select(self, root: HtmlElement) -> list[HtmlElement]:
        """The elements under ``root`` the selector matches, in document order."""
        try:
            found = self.xpath(root)
        except etree.XPathError as exc:
            raise InvalidRules(f"{self.origin}: selector {self.text!r} failed: {exc}") from None
        if not isinstance(found, list):
            return []
        return [el for el in found if isinstance(el, etree._Element) and isinstance(el.tag, str)]

    @property
    def label(self) -> str:
        """How the selector is named in ``--explain``: its origin and text."""
        return f"{self.origin} {self.text!r}"


class SiteRules(NamedTuple):
    """The selectors of one ``[sites."domain"]`` table."""

    site: str
    drop: tuple[Selector, ...] = ()
    keep: tuple[Selector, ...] = ()
    byline: tuple[Selector, ...] = ()
    date: tuple[Selector, ...] = ()
    caption: tuple[Selector, ...] = ()

    def matches(self, host: str | None) -> bool:
        """True when this site's rules apply to a page on ``host``."""
        if self.site == ANY_SITE:
            return True
        if not host:
            return False
        return host == self.site or host.endswith("." + self.site)


class RulesFile(NamedTuple):
    """A validated rules file."""

    path: str
    sites: tuple[SiteRules, ...] = ()

    def for_host(self, host: str | None) -> list[SiteRules]:
        """The site tables that apply to ``host``: ``"*"`` first, then parents before subdomains."""
        found = [s for s in self.sites if s.matches(host)]
        found.sort(key=lambda s: -1 if s.site == ANY_SITE else s.site.count("."))
        return found


class Rules(NamedTuple):
    """Every selector that applies to one page, in the order they are applied."""

    drop: tuple[Selector, ...] = ()
    keep: tuple[Selector, ...] = ()
    byline: tuple[Selector, ...] = ()
    date: tuple[Selector, ...] = ()
    caption: tuple[Selector, ...] = ()

    def __bool__(self) -> bool:
        return any((self.drop, self.keep, self.byline, self.date, self.caption))

    def extend(self, site: SiteRules) -> Rules:
        return Rules(
            drop=self.drop + site.drop,
            keep=self.keep + site.keep,
            byline=self.byline + site.byline,
            date=self.date + site.date,
            caption=self.caption + site.caption,
        )


# -- selectors -------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _compile(text: str) -> etree.XPath:
    """A selector compiled to XPath; raises :class:`_BadSelector`."""
    raw = text.strip()
    if not raw:
        raise _BadSelector("empty selector")
    if raw.startswith(XPATH_PREFIX):
        expr = raw[len(XPATH_PREFIX) :].strip()
        if not expr:
            raise _BadSelector("empty XPath after 'xpath:'")
        try:
            compiled = etree.XPath(expr)
            compiled(_PROBE)
        except etree.XPathError as exc:
            raise _BadSelector(f"invalid XPath {expr!r}: {exc}") from None
        return compiled
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    try:
        return CSSSelector(raw, translator="html")
    except SelectorError as exc:
        raise _BadSelector(f"invalid CSS selector {raw!r}: {exc}") from None


def compile_selector(text: str, *, origin: str) -> Selector:
    """Compile a CSS selector (or ``xpath:`` expression); raises :class:`InvalidRules`."""
    if not isinstance(text, str):
        raise InvalidRules(f"{origin}: a selector must be a string, not {type(text).__name__}")
    try:
        compiled = _compile(text)
    except _BadSelector as exc:
        raise InvalidRules(f"{origin}: {exc}") from None
    return Selector(text=text.strip(), origin=origin, xpath=compiled)


def option_selectors(values: Iterable[str], flag: str) -> tuple[Selector, ...]:
    """Selectors given on the command line (``--drop`` / ``--keep``)."""
    return tuple(compile_selector(v, origin=flag) for v in values)


# -- files -----------------------------------------------------------------------


def _where(path: str, site: str | None = None, key: str | None = None) -> str:
    out = path
    if site is not None:
        out += f": site {site!r}"
    if key is not None:
        out += f", key {key!r}" if site is not None else f": key {key!r}"
    return out


def normalize_site(name: str) -> str:
    """A site key or host as rules compare it: lower case, no trailing dot, no ``www.``,
    international names in their ASCII (punycode) form."""
    name = name.strip().lower().rstrip(".")
    if not name.isascii():
        with contextlib.suppress(UnicodeError):  # not a valid international name: keep it
            name = name.encode("idna").decode("ascii")
    return name[4:] if name.startswith("www.") else name


def parse_rules(text: str, *, path: str = "<rules>") -> RulesFile:
    """Validate and compile the TOML text of a rules file."""
    import tomllib  # only when there is a rules file to read

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidRules(f"{path}: not valid TOML: {exc}") from None
    for key in data:
        if key != "sites":
            raise InvalidRules(
                f"{_where(path, key=key)}: unknown key; rules go in tables named "
                '[sites."example.com"]'
            )
    sites = data.get("sites", {})
    if not isinstance(sites, dict):
        raise InvalidRules(f'{_where(path, key="sites")}: must be a table of sites')
    out = []
    seen: set[str] = set()
    for name, table in sites.items():
        site = normalize_site(name)
        if site != ANY_SITE and not _SITE_RE.match(site):
            raise InvalidRules(
                f"{_where(path, name)}: not a domain name (write it like \"example.com\", "
                'or "*" for every site)'
            )
        if site in seen:
            raise InvalidRules(f"{_where(path, name)}: the same site is given twice")
        seen.add(site)
        if not isinstance(table, dict):
            raise InvalidRules(f"{_where(path, name)}: must be a table of {', '.join(RULE_KEYS)}")
        out.append(_site_rules(table, site=site, name=name, path=path))
    return RulesFile(path=path, sites=tuple(out))


def _site_rules(table: dict[str, Any], *, site: str, name: str, path: str) -> SiteRules:
    values: dict[str, tuple[Selector, ...]] = {}
    for key, value in table.items():
        where = _where(path, name, key)
        if key not in RULE_KEYS:
            raise InvalidRules(f"{where}: unknown key; valid keys: {', '.join(RULE_KEYS)}")
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise InvalidRules(f"{where}: must be a selector or a list of selectors (strings)")
        selectors = []
        for item in items:
            try:
                compiled = _compile(item)
            except _BadSelector as exc:
                raise InvalidRules(f"{where}: {exc}") from None
            selectors.append(Selector(text=item.strip(), origin=f"{site} {key}", xpath=compiled))
        values[key] = tuple(selectors)
    return SiteRules(site=site, **values)


def load_rules(path: str | os.PathLike[str]) -> RulesFile:
    """Read and validate a rules file (cached while the file is unchanged)."""
    name = os.fspath(path)
    try:
        st = os.stat(name)
    except OSError as exc:
        raise InvalidRules(f"{name}: cannot read rules file: {exc.strerror or exc}") from None
    return _load_cached(name, st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=16)
def _load_cached(name: str, mtime_ns: int, size: int) -> RulesFile:
    try:
        with open(name, "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise InvalidRules(f"{name}: cannot read rules file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidRules(f"{name}: not valid TOML: the file is not UTF-8") from None
    return parse_rules(text, path=name)


def user_rules_path() -> Path:
    """Where the user's own rules file lives (``~/.config/boilerstrip/rules.toml`` on Linux)."""
    from pathlib import Path

    return Path(_user_rules_file())


def _user_rules_file() -> str:
    from .userdirs import user_config_dir

    return os.path.join(user_config_dir(), "rules.toml")


# -- one page --------------------------------------------------------------------


def host_of(url: str | None) -> str | None:
    """The host of an absolute URL, normalized as rules compare it; ``None`` if there is none."""
    if not url:
        return None
    url = url.strip()
    if "://" not in url and not url.startswith("/") and "." in url.split("/", 1)[0]:
        url = "//" + url  # "example.com/a/1": a host without a scheme
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return normalize_site(host) if host else None


def rule_files(options: Options) -> list[RulesFile]:
    """The rules files a run reads: the user's own file (when it exists), the ``rules_file`` option."""
    files: list[RulesFile] = []
    if options.user_rules:
        mine = _user_rules_file()
        if os.path.isfile(mine):
            files.append(load_rules(mine))
    if options.rules_file:
        files.append(load_rules(options.rules_file))
    return files


def rules_for(options: Options, host: str | None, files: list[RulesFile] | None = None) -> Rules:
    """Every selector that applies to a page on ``host``.

    In order: the user's own file, the ``rules_file`` option (``files``, when the caller has
    read :func:`rule_files`), then ``keep`` / ``drop``.
    """
    files = rule_files(options) if files is None else files
    rules = Rules()
    for rules_file in files:
        for site in rules_file.for_host(host):
            rules = rules.extend(site)
    return Rules(
        drop=rules.drop + option_selectors(options.drop, "--drop"),
        keep=rules.keep + option_selectors(options.keep, "--keep"),
        byline=rules.byline,
        date=rules.date,
        caption=rules.caption,
    )
