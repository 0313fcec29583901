"""An ordered, switchable list of named cleaners (after markdown-it-py's Ruler)."""

from __future__ import annotations

import ast
import importlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from .errors import UnknownCleaner
from .regex_cache import rx

CleanerFn = Callable[[Any], None]
_SENTENCE_END = rx(r"[.!?](?=\s|$)(?![^(]*\))")


class LazyFn:
    """A cleaner function named ``"package.module:function"``, imported on first use."""

    def __init__(self, target: str) -> None:
        self.target = target
        self._fn: CleanerFn | None = None

    def load(self) -> CleanerFn:
        if self._fn is None:
            module, _, name = self.target.partition(":")
            self._fn = getattr(importlib.import_module(module), name)
        return self._fn

    def __call__(self, page: Any) -> None:
        self.load()(page)

    @property
    def doc(self) -> str | None:
        return docstring(self.load())


def docstring(fn: Callable[..., Any]) -> str | None:
    """The docstring of ``fn``, read from its module's source when the function has none.

    A module compiled by mypyc (see setup.py) keeps no docstrings; its ``.py`` file is
    installed beside it and still holds them.
    """
    doc: str | None = fn.__doc__
    if doc is not None:
        return doc
    module = sys.modules.get(getattr(fn, "__module__", None) or "")
    where = getattr(module, "__file__", None)
    if not where:
        return None
    # "ads.cpython-311-x86_64-linux-gnu.so" -> "ads.py"
    source = os.path.join(os.path.dirname(where), os.path.basename(where).split(".", 1)[0] + ".py")
    try:
        with open(source, encoding="utf-8") as f:
            tree = ast.parse(f.read())
    except (OSError, SyntaxError, ValueError):
        return None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == getattr(fn, "__name__", None):
            return ast.get_docstring(node, clean=False)
    return None


class Cleaner(NamedTuple):
    """One named cleaner: ``fn`` takes a page and drops one kind of boilerplate.

    ``kind`` is ``"html"`` for cleaners over a parsed tree and ``"text"`` for the
    line-level cleaners of plain-text dumps.
    """

    name: str
    fn: CleanerFn
    kind: str = "html"
    enabled: bool = True

    @property
    def summary(self) -> str:
        """The first sentence of the cleaner's docstring, on one line."""
        fn_doc = self.fn.doc if isinstance(self.fn, LazyFn) else docstring(self.fn)
        doc = (fn_doc or "").strip()
        first = " ".join(doc.split("\n\n", 1)[0].split()).replace("``", "")
        end = _SENTENCE_END.search(first)
        return first[: end.end()].strip() if end else first


class Pipeline:
    """The cleaners in the order they run, each on or off."""

    def __init__(self, cleaners: Iterable[Cleaner] = ()) -> None:
        self._cleaners: list[Cleaner] = []
        for c in cleaners:
            self.push(c)

    def __iter__(self) -> Iterator[Cleaner]:
        return iter(self._cleaners)

    def __len__(self) -> int:
        return len(self._cleaners)

    def names(self) -> list[str]:
        return [c.name for c in self._cleaners]

    def _index(self, name: str) -> int:
        for i, c in enumerate(self._cleaners):
            if c.name == name:
                return i
        raise UnknownCleaner(
            f"unknown cleaner {name!r}; valid names: {', '.join(self.names())}"
        )

    def get(self, name: str) -> Cleaner:
        return self._cleaners[self._index(name)]

    def _check_new(self, cleaner: Cleaner) -> None:
        if cleaner.name in self.names():
            raise ValueError(f"cleaner {cleaner.name!r} is already registered")

    def push(self, cleaner: Cleaner) -> None:
        """Add a cleaner at the end."""
        self._check_new(cleaner)
        self._cleaners.append(cleaner)

    def before(self, name: str, cleaner: Cleaner) -> None:
        """Insert a cleaner just before the one called ``name``."""
        self._check_new(cleaner)
        self._cleaners.insert(self._index(name), cleaner)

    def after(self, name: str, cleaner: Cleaner) -> None:
        """Insert a cleaner just after the one called ``name``."""
        self._check_new(cleaner)
        self._cleaners.insert(self._index(name) + 1, cleaner)

    def _set(self, names: Iterable[str], enabled: bool) -> None:
        indexes = [self._index(name) for name in names]  # every name checked before any change
        for i in indexes:
            self._cleaners[i] = self._cleaners[i]._replace(enabled=enabled)

    def enable(self, names: Iterable[str]) -> None:
        self._set(names, True)

    def disable(self, names: Iterable[str]) -> None:
        self._set(names, False)

    def enable_only(self, names: Iterable[str]) -> None:
        """Turn every cleaner off, then the named ones on."""
        wanted = list(names)
        for n in wanted:
            self._index(n)
        self._set(self.names(), False)
        self._set(wanted, True)

    def active(self, kind: str) -> list[Cleaner]:
        """The enabled cleaners of one kind, in order."""
        return [c for c in self._cleaners if c.enabled and c.kind == kind]

    def run(self, page: Any, kind: str) -> None:
        """Run every enabled cleaner of ``kind`` over ``page`` in order."""
        for cleaner in self.active(kind):
            page.current = cleaner.name
            cleaner.fn(page)
        page.current = ""
