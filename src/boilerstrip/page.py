"""The working state of one HTML page while the cleaners run over it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from . import size_table
from .article import Drop
from .options import Options
from .trees import drop_tree, with_any_attribute


class PageMeta:
    """Facts read from the page before any cleaner runs (filled in by the metadata readers)."""

    __slots__ = (
        "title", "headline", "site_name", "authors", "date", "date_read", "lang", "canonical", "jsonld", "metas"
    )

    def __init__(
        self, *, jsonld: list[dict[str, Any]] | None = None, metas: dict[str, str] | None = None
    ) -> None:
        self.title: str | None = None
        self.headline: str | None = None
        self.site_name: str | None = None
        self.authors: list[str] = []
        self.date: str | None = None
        # True once ``date`` holds what the page's metadata declares (None when nothing)
        self.date_read = False
        self.lang: str | None = None
        self.canonical: str | None = None
        self.jsonld: list[dict[str, Any]] = jsonld if jsonld is not None else []
        self.metas: dict[str, str] = metas if metas is not None else {}


class Page:
    """A parsed page, the record of what was dropped, and the elements users protect."""

    def __init__(
        self, root: HtmlElement, *, url: str | None = None, trace: bool = False,
        options: Options | None = None,
    ) -> None:
        self.root = root
        self.url = url
        self.options = options or Options()
        self.meta = PageMeta()
        self.dropped: list[Drop] = []
        self.protected: list[HtmlElement] = []
        self.current = ""
        self.byline_line: str | None = None
        self.date_line: str | None = None
        self.headline_el: HtmlElement | None = None
        self.byline_el: HtmlElement | None = None
        self.date_el: HtmlElement | None = None
        self.main: HtmlElement | None = None
        self.byline_text: str | None = None
        self.subtitles: list[str] = []
        self.date_iso: str | None = None
        self.node_ids: dict[HtmlElement, int] | None = (
            {el: i for i, el in enumerate(root.iter())} if trace else None
        )
        self._keyed: dict[str, list[HtmlElement]] | None = None
        self._placed: dict[HtmlElement, tuple[int, str]] = {}  # document index and class key
        self._live: dict[str, int] = {}  # elements of each class group still in the tree
        self._lost = 0  # keys that lost their last element: the groups below are made again
        self._groups: tuple[int, list[tuple[str, list[HtmlElement]]]] | None = None  # those with some
        self._kept: dict[Callable[[str], bool], tuple[int, list[tuple[str, list[HtmlElement]]]]] = {}
        # The texts the metadata readers read (``remembered_text``), until the short blocks,
        # which read many of the same elements, are first read
        self.texts_read: dict[HtmlElement, str] | None = {}
        self._short: list[tuple[HtmlElement, str]] | None = None
        self._short_dead = 0  # len(self._dead) when ``_short`` was last filtered
        self._short_cut: dict[int, list[tuple[HtmlElement, str]]] = {}  # by ``limit``, until a change
        self._sizes: dict[HtmlElement, int] | None = None
        # Elements carrying the attributes of each of ``_INDEXED`` (as parsed, in document order)
        self._carrying: dict[frozenset[str], list[HtmlElement]] | None = None
        self._prose_total: int | None = None
        # Elements taken out of the tree by ``kill`` or ``unwrap`` (a dropped subtree whole):
        # with the size table, it answers ``attached`` without walking up the tree.
        self._dead: set[HtmlElement] = set()
        self._changed: set[HtmlElement] = set()
        self._positions: dict[HtmlElement, tuple[dict[HtmlElement, int], dict[str, int]]] = {}
        self._paths: dict[HtmlElement, str] = {}  # what ``path`` gave, until an element is unwrapped
        # The headline, byline and date elements with their ancestors (``holds_article``).
        self._holders: tuple[tuple[Any, ...], set[HtmlElement]] | None = None
        body = root.find("body")
        self.body: HtmlElement = body if body is not None else root

    # -- looking -----------------------------------------------------------------

    def by_key(self) -> list[tuple[str, list[HtmlElement]]]:
        """Elements carrying a class or id, grouped by their :func:`class_key`, in document order.

        Grouped once per page: a cleaner tests each distinct key, not each element. A key
        whose elements have all been dropped since is left out; a group may still list some
        dropped elements, which :meth:`attached` tells apart.
        """
        keyed = self._grouped()
        groups = self._groups
        if groups is None or groups[0] != self._lost:  # made again only when a key lost its last element
            live = self._live
            groups = self._groups = (self._lost, [(key, els) for key, els in keyed.items() if live[key]])
        return groups[1]

    def by_key_where(self, keep: Callable[[str], bool]) -> list[tuple[str, list[HtmlElement]]]:
        """The groups of :meth:`by_key` whose key ``keep`` accepts (filtered again only when
        the groups change: several cleaners ask with the same ``keep``)."""
        keyed = self._grouped()
        live = self._live
        kept = self._kept.get(keep)
        if kept is None:
            kept = self._kept[keep] = (self._lost, [(key, els) for key, els in keyed.items() if live[key] and keep(key)])
        elif kept[0] != self._lost:  # groups only ever lose keys: those kept need no new look
            kept = self._kept[keep] = (self._lost, [(key, els) for key, els in kept[1] if live[key]])
        return kept[1]

    def _grouped(self) -> dict[str, list[HtmlElement]]:
        """The elements carrying a class or id by key (all of them, made once per page)."""
        if self._keyed is not None:
            return self._keyed
        keyed: dict[str, list[HtmlElement]] = {}
        placed: dict[HtmlElement, tuple[int, str]] = {}
        known = _KEYS
        classed = self.with_any_attribute("class", "id")  # only elements still in the tree
        for el, seen in zip(classed, _read_class_names(classed), strict=True):
            key = known.get(seen)
            if key is None:
                cls, ident = seen if isinstance(seen, tuple) else (seen, None)
                key = _new_key(seen, cls, ident)
            if key:
                placed[el] = (len(placed), key)
                group = keyed.get(key)
                if group is None:
                    keyed[key] = [el]
                else:
                    group.append(el)
        self._keyed, self._placed = keyed, placed
        self._live = {key: len(els) for key, els in keyed.items()}
        return keyed

    def in_order(self, els: list[HtmlElement]) -> list[HtmlElement]:
        """Elements of :meth:`by_key` sorted into document order."""
        self._grouped()
        placed = self._placed
        return sorted(els, key=lambda el: placed[el][0])

    def sizes(self) -> dict[HtmlElement, int]:
        """Letters and digits under each element, counted once in one bottom-up pass.

        Counted on the page as parsed; cleaners only remove, so the figures are upper bounds.
        """
        if self._sizes is None:
            sizes, carrying = size_table.walk(self.root, _INDEXED)
            if self._carrying is None:
                self._carrying = carrying
            self._sizes = sizes
        return self._sizes

    def with_any_attribute(self, *names: str) -> list[HtmlElement]:
        """Elements of the page carrying any of the attributes ``names``, in document order:
        :func:`~boilerstrip.trees.with_any_attribute` of the page's root.

        The attribute groups of ``_INDEXED`` are found in the walk that builds the size table
        (one list of elements instead of a walk of the whole tree for each cleaner asking).
        """
        wanted = frozenset(names)
        if wanted not in _INDEXED:
            return list(with_any_attribute(self.root, *names))
        if self._carrying is None:
            self._carrying = size_table.carriers(list(self.root.iter(tag=etree.Element)), _INDEXED)
        dead = self._dead
        return [el for el in self._carrying[wanted] if el not in dead]

    def set_attribute(self, el: HtmlElement, name: str, value: str) -> None:
        """Set an attribute of an element of the page (its attribute lists are read anew)."""
        el.set(name, value)
        self._carrying = None

    def size(self, el: HtmlElement) -> int:
        sizes = self._sizes if self._sizes is not None else self.sizes()
        return sizes.get(el, 0)

    def short_blocks(self, limit: int = 80) -> list[tuple[HtmlElement, str]]:
        """Standalone elements with at most ``limit`` (≤ 300) letters, with their squashed text.

        Standalone: the largest element holding that text, and not an inline element
        inside running text (a link word in the middle of a sentence is never a block).
        """
        if self._short is None:
            sizes = self.sizes()
            # code, formulas and drawings are verbatim: a "0" or "return" there is no widget
            verbatim = {d for v in self.root.iter(*_VERBATIM) for d in v.iter()}
            dead = self._dead
            # a text read before is still the element's unless a drop inside it changed it
            read = self.texts_read or {}
            changed = self._changed
            out = size_table.short_walk(sizes, _SHORT_MAX, verbatim, dead, read, changed)
            self.texts_read = None
            self._short = out
            # read from the page as it is now: no block reads differently since
            self._short_dead = len(dead)
            self._changed = set()
        dead = self._dead
        if len(dead) != self._short_dead:  # what was dropped never comes back: forget it
            self._short = [(el, t) for el, t in self._short if el not in dead]
            self._short_dead = len(dead)
            self._short_cut.clear()
        if self._changed:  # a block that lost a child (a byline, a button) reads differently now
            changed = self._changed
            self._short = [(el, size_table.squashed(el) if el in changed else t) for el, t in self._short]
            self._changed = set()
            self._short_cut.clear()
        cut = self._short_cut.get(limit)
        if cut is None:
            sizes = self.sizes()
            cut = self._short_cut[limit] = [(el, t) for el, t in self._short if sizes[el] <= limit]
        return cut

    def attached(self, el: HtmlElement) -> bool:
        """True while ``el`` is still part of the page (not inside a dropped subtree)."""
        sizes = self.sizes()
        if el in sizes:
            # in the page as parsed (the size table was built before anything was dropped)
            return el not in self._dead
        top = el
        for anc in el.iterancestors():
            top = anc
        return top is self.root and el not in self._dead

    def holds_article(self, el: HtmlElement) -> bool:
        """True when dropping ``el`` would take the article with it.

        That is: it holds the headline, byline or date the metadata stage found, or it is a
        page-level container (``main``, ``article``…) carrying much of the page's text.
        """
        if el in self._article_holders():
            return True
        if el.tag not in _CONTAINERS:
            return False
        total = self.size(self.body)
        return total >= 400 and self.size(el) >= 0.3 * total

    def _article_holders(self) -> set[HtmlElement]:
        """The headline, byline and date elements and all their ancestors."""
        cached = self._holders
        if cached is not None:
            headline, byline, date = cached[0]
            if headline is self.headline_el and byline is self.byline_el and date is self.date_el:
                return cached[1]
        found = (self.headline_el, self.byline_el, self.date_el)
        holders: set[HtmlElement] = set()
        for el in found:
            if el is not None:
                holders.add(el)
                holders.update(el.iterancestors())
        self._holders = (found, holders)
        return holders

    def prose(self, el: HtmlElement) -> int:
        """Letters in the ``<p>`` elements under ``el`` (its running prose)."""
        return sum(self.size(p) for p in el.iter("p"))

    def holds_prose(self, el: HtmlElement) -> bool:
        """True when ``el`` holds three or more paragraphs and a quarter or more of the page's prose."""
        if self._prose_total is None:
            self._prose_total = self.prose(self.body)
        total = self._prose_total
        if total < 300:
            return False
        mine = self.prose(el)
        return mine >= 0.25 * total and sum(1 for _ in el.iter("p")) >= 3

    def article_root(self) -> HtmlElement:
        """The element the article's blocks are read from: the main container (the body when
        none was found), widened to hold every element a user asked to keep."""
        main = self.main if self.main is not None and self.attached(self.main) else self.body
        for keep in self.protected:
            while self.attached(keep) and not (keep is main or _is_ancestor(main, keep)):
                parent = main.getparent()
                if parent is None:
                    break
                main = parent
        return main

    def node_id(self, el: HtmlElement) -> int | None:
        return None if self.node_ids is None else self.node_ids.get(el)

    def path(self, el: HtmlElement) -> str:
        """The element's XPath (``/html/body/div[2]/p``), from sibling positions counted once per parent.

        lxml's ``getpath`` counts the preceding siblings on every call: dropping thousands of
        blocks among thousands of siblings would be quadratic.
        """
        # climb to the nearest ancestor whose path is known (drops share most of theirs)
        known = self._paths
        chain: list[tuple[HtmlElement, HtmlElement | None]] = []
        node: HtmlElement | None = el
        path = ""
        while node is not None:
            found = known.get(node)
            if found is not None:
                path = found
                break
            parent = node.getparent()
            chain.append((node, parent))
            node = parent
        for node, parent in chain[::-1]:
            if parent is None:
                path = "/" + str(node.tag)
            else:
                index, count = self._position(parent, node)
                path += f"/{node.tag}[{index}]" if count > 1 else f"/{node.tag}"
            known[node] = path
        return path

    def _position(self, parent: HtmlElement, node: HtmlElement) -> tuple[int, int]:
        known = self._positions.get(parent)
        if known is None:
            table: dict[HtmlElement, int] = {}
            counts: dict[str, int] = {}
            for child in parent:
                if isinstance(child.tag, str):
                    counts[child.tag] = counts.get(child.tag, 0) + 1
                    table[child] = counts[child.tag]
            known = self._positions[parent] = (table, counts)
        table, counts = known
        return table.get(node, 1), counts.get(str(node.tag), 1)

    def is_protected(self, el: HtmlElement) -> bool:
        """True when ``el`` is, holds, or sits inside an element a user asked to keep."""
        for keep in self.protected:
            if keep is el:
                return True
            for anc in keep.iterancestors():
                if anc is el:
                    return True
            for anc in el.iterancestors():
                if anc is keep:
                    return True
        return False

    # -- changing ----------------------------------------------------------------

    def record(self, el: HtmlElement, reason: str) -> None:
        """Note that the current cleaner dropped ``el`` and why (its text is read when asked for)."""
        self.dropped.append(Drop(self.current, reason, self.path(el), node=self.node_id(el), source=el))

    def kill(self, el: HtmlElement, reason: str) -> bool:
        """Drop ``el`` and its subtree (its tail text stays), recording why.

        An element a user asked to keep is never dropped; an element holding one loses
        its other children instead.
        """
        parent = el.getparent()
        if parent is None:
            return False
        if self.is_protected(el):
            if any(k is el or _is_ancestor(k, el) for k in self.protected):
                return False
            return any([self.kill(c, reason) for c in list(el) if isinstance(c.tag, str)])
        if self.size(el) or el.tag in _MEDIA:
            self.record(el, reason)
        # the parent and its ancestors read differently now; an ancestor already noted has
        # its own ancestors noted too, so the climb stops there
        changed = self._changed
        node: HtmlElement | None = parent
        while node is not None and node not in changed:
            changed.add(node)
            node = node.getparent()
        drop_tree(el, parent)
        self._forget(el.iter())
        return True

    def kill_all(self, found: Iterable[tuple[HtmlElement, str]]) -> int:
        """Drop every collected element, outermost first, skipping those already gone."""
        chosen: dict[HtmlElement, str] = {}
        for el, reason in found:
            chosen.setdefault(el, reason)
        killed = 0
        for el, reason in chosen.items():
            if any(anc in chosen for anc in el.iterancestors()):
                continue
            if self.attached(el) and self.kill(el, reason):
                killed += 1
        return killed

    def unwrap(self, el: HtmlElement) -> None:
        """Remove the tag of ``el`` but keep its text and children in place."""
        if el.getparent() is not None:
            el.drop_tag()
            self._forget((el,))
            self._paths.clear()  # its children (and their descendants) now have other paths

    def _forget(self, gone: Iterable[HtmlElement]) -> None:
        """Note elements that left the tree; the article holders are found again after."""
        placed = self._placed
        if placed:
            gone = list(gone)
            live = self._live
            dead = self._dead
            for el in gone:
                where = placed.get(el)
                if where is not None and el not in dead:  # each element counted out once
                    key = where[1]
                    live[key] -= 1
                    if not live[key]:
                        self._lost += 1
        self._dead.update(gone)
        self._holders = None


# The attribute groups ``Page.with_any_attribute`` keeps lists of: class names, what hides an
# element, ARIA roles, microdata properties.
_INDEXED = (
    frozenset({"class", "id"}), frozenset({"hidden", "aria-hidden", "style"}), frozenset({"role"}),
    frozenset({"itemprop"}),
)


_SHORT_MAX = 300
_VERBATIM = ("pre", "code", "math", "svg", "kbd", "samp")
# Elements without text whose removal is still worth recording.
_MEDIA = frozenset({"img", "figure", "picture", "video", "audio", "iframe", "table"})
_CONTAINERS = frozenset({"html", "body", "main", "article"})


def class_key(cls: str | None, ident: str | None) -> str:
    """A lower-cased ``"class id"`` key without modifier classes.

    BEM modifiers (``grid--with-rail``), state classes (``has-sidebar``, ``with-comments``,
    ``no-ads``) and utility classes (``md:flex``, ``print:hidden``) describe the element's
    surroundings or looks, not what it is.
    """
    text = f"{cls or ''} {ident or ''}".lower()
    names = text.split()
    # most keys hold no utility class, and no modifier or state name (both of which hold a "-")
    if not (
        ":" in text or "[" in text or "/" in text
        or ("-" in text and ("--" in text or any(n.startswith(_STATE_PREFIXES) for n in names)))
    ):
        return " ".join(names)
    kept = []
    for name in names:
        if name.startswith(_STATE_PREFIXES) or any(c in name for c in ":[/"):
            continue  # a state, or a utility class ("md:px-4", "h-[48px]", "w-1/2"): styling only
        kept.append(name.split("--", 1)[0])
    return " ".join(n for n in kept if n)


Seen = str | tuple[str | None, str] | None

# Keys repeat on a page and across the pages of a site or a batch: each made once, looked up by
# the class string (no id) or the (class, id) pair, which never equal each other.
_KEYS: dict[Seen, str] = {}  # by what ``class_names`` gives
_MAX_KEYS = 50_000


def class_names(elements: list[HtmlElement]) -> list[Seen]:
    """Each element's class attribute, or its (class, id) pair when it carries an id: how
    ``_KEYS`` looks its key up (most elements carry no id: the class string alone, its hash
    kept, is the look-up)."""
    out: list[Seen] = []
    for el in elements:
        cls, ident = el.get("class"), el.get("id")
        out.append(cls if ident is None else (cls, ident))
    return out


_read_class_names: Callable[[list[HtmlElement]], list[Seen]] = (
    size_table.compiled.class_names if size_table.compiled else class_names
)
""":func:`class_names` in C when the size table's C module loaded."""


def _new_key(seen: Seen, cls: str | None, ident: str | None) -> str:
    key = class_key(cls, ident)
    if len(_KEYS) >= _MAX_KEYS:  # a long batch of many sites: start again
        _KEYS.clear()
    _KEYS[seen] = key
    return key


_STATE_PREFIXES = ("has-", "with-", "no-", "without-", "show-", "enable-", "disable-")


def _is_ancestor(anc: HtmlElement, el: HtmlElement) -> bool:
    return any(a is anc for a in el.iterancestors())
