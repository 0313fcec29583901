"""Compiled regular expressions kept between runs, so that one page from the shell starts fast.

CPython compiles a pattern in two steps: its parser and compiler (pure Python, in ``re``)
turn the pattern into a list of opcodes, and ``_sre.compile`` builds the pattern object from
that list in C. The first step is most of the cost — the cleaners' phrase lists and the
Hangul and CJK character ranges take about 80 ms to compile at every start — and its result
depends only on the pattern, its flags and the Python build. The CLI stores the opcodes in
the user's cache directory (``save``); the next run builds its patterns from them. A cache
from another Python build, or an unreadable one, is ignored; ``_sre`` validates the opcodes
it is given; any failure falls back to :func:`re.compile`. Library calls read the cache but
never write it.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import zlib
from array import array
from collections.abc import Callable, Hashable
from typing import Any, overload

try:  # CPython's compiler internals; without them every pattern goes through re.compile
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    if array("I").itemsize != _sre.CODESIZE:  # pragma: no cover - opcodes would not fit
        _sre = None
except (ImportError, AttributeError):  # pragma: no cover - other Pythons
    _sre = None

_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""Flags, the opcodes as native 32-bit words, groups, group names by index and by name."""
_Key = tuple[str | bytes, int]  # a pattern (of text or of bytes) and its flags

_loaded: dict[_Key, _Entry] | None = None
_new: dict[_Key, _Entry] = {}
_built: dict[_Key, re.Pattern[Any]] = {}
# The texts of patterns built in Python from lists (``regex_trie``), by what they were built from
_texts: dict[Hashable, str] = {}
_new_texts: dict[Hashable, str] = {}
_asked: set[int] = set()  # the hashes of the keys of the texts this run asked for (not the keys:
# they hold every literal of a trie, kept alive for nothing)
_MAX_TEXTS = 500  # past this many (code changed since they were kept), only this run's stay

_MAX_ENTRIES = 2000
ENV_DIR = "BOILERSTRIP_CACHE_DIR"
"""Environment variable naming the cache directory; an empty value turns the cache off."""


def _build_key() -> str:
    """What the opcodes depend on besides the pattern: the Python build and its regex engine."""
    return f"{sys.version}|{sys.implementation.cache_tag}|{getattr(_sre, 'MAGIC', '')}|{sys.byteorder}"


def cache_path() -> str | None:
    """The cache file of this Python build, or ``None`` when caching is off."""
    where = os.environ.get(ENV_DIR)
    if where == "":
        return None
    if where is None:
        from .userdirs import user_cache_dir

        where = user_cache_dir()
    tag = sys.implementation.cache_tag or "python"
    # one file per Python build, so that two interpreters sharing the directory keep theirs
    build = zlib.crc32(_build_key().encode("utf-8", "replace"))
    return os.path.join(where, f"regex-{tag}-{build:08x}.marshal")


def _load() -> dict[_Key, _Entry]:
    path = cache_path()
    if path is None:
        return {}
    try:
        with open(path, "rb") as f:
            data = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("build") != _build_key():
        return {}
    texts = data.get("texts")
    if isinstance(texts, dict):
        _texts.update(texts)
    entries = data.get("patterns")
    return entries if isinstance(entries, dict) else {}


def pattern_text(key: Hashable, make: Callable[[], str]) -> str:
    """The text of a pattern ``make`` builds, from the cache when an earlier run built it.

    ``key`` names everything the text depends on but the Python build: what it is made from
    and a fingerprint of the code making it (a key made of tuples and strings). Tries of a few
    thousand phrases take a few milliseconds to write out at every start of the program.
    """
    global _loaded
    if _loaded is None:
        _loaded = _load()
    _asked.add(hash(key))
    text = _texts.get(key)
    if not isinstance(text, str):
        text = _texts[key] = _new_texts[key] = make()
    return text


def _opcodes(pattern: str | bytes, flags: int) -> _Entry:
    """What ``re`` compiles ``pattern`` into, before ``_sre`` builds the object."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    words = array("I", code).tobytes()  # _sre's opcodes are 32-bit words: read back in one call
    return (int(flags | parsed.state.flags), words, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _build(pattern: str | bytes, entry: _Entry) -> re.Pattern[Any]:
    flags, words, groups, groupindex, indexgroup = entry
    code = array("I", words).tolist()
    made: re.Pattern[Any] = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    return made


@overload
def rx(pattern: str, flags: int = 0) -> re.Pattern[str]: ...
@overload
def rx(pattern: bytes, flags: int = 0) -> re.Pattern[bytes]: ...
def rx(pattern: str | bytes, flags: int = 0) -> re.Pattern[Any]:
    """:func:`re.compile`, from the cache when this pattern was compiled in an earlier run."""
    global _loaded
    flags = int(flags)
    if _sre is None or not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    if _loaded is None:
        _loaded = _load()
    key = (pattern, flags)
    made = _built.get(key)
    if made is not None:
        return made
    entry = _loaded.get(key)
    if entry is not None:
        with contextlib.suppress(Exception):  # a damaged entry: compile it afresh
            made = _built[key] = _build(pattern, entry)
            return made
    try:
        entry = _opcodes(pattern, flags)
        made = _build(pattern, entry)
    except re.error:
        raise
    except Exception:  # the internals changed shape: the public way still works
        return re.compile(pattern, flags)
    _new[key] = entry
    _built[key] = made
    return made


def save() -> None:
    """Write the patterns compiled in this run into the cache (atomically; errors ignored)."""
    if not _new and not _new_texts:
        return
    path = cache_path()
    if path is None:
        return
    import tempfile

    entries: dict[Any, _Entry] = dict(_loaded or {})
    entries.update(_new)
    if len(entries) > _MAX_ENTRIES:  # patterns built from page data pile up: keep this run's
        entries = {k: v for k, v in entries.items() if k in _built}
    texts = _texts if len(_texts) <= _MAX_TEXTS else {k: v for k, v in _texts.items() if hash(k) in _asked}
    with contextlib.suppress(OSError, ValueError):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".regex-", dir=os.path.dirname(path))
        try:
            with os.fdopen(fd, "wb") as out:
                marshal.dump({"build": _build_key(), "patterns": entries, "texts": texts}, out)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _new.clear()
    _new_texts.clear()
