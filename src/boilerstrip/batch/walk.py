"""Collect a batch's inputs: directories walked recursively, files and glob patterns.

The order is deterministic: arguments in the order given, each directory's files sorted by
their relative path. Symbolic links are never followed out of a directory tree: a linked
file that resolves outside its tree, a broken link, or anything that is not a regular file
is kept as an input that carries the reason it cannot be read, so the manifest names it.
Linked directories are not descended.
"""

from __future__ import annotations

import fnmatch
import glob as globlib
import os
import stat
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..errors import UsageError
from .kinds import GLOB_CHARS, InputKind, kind_of

DEFAULT_GLOBS: tuple[str, ...] = ("*.html", "*.htm", "*.xhtml", "*.html.gz")
"""File names a directory walk picks up unless ``--glob`` says otherwise."""



class Input(NamedTuple):
    """One input of a batch.

    ``path`` is the path to read (as the user spelled it, joined with walked names);
    ``root`` is the directory argument it was found under, or None for a file argument;
    ``problem`` is why it cannot be read, when the walk already knows.
    """

    path: str
    root: str | None = None
    kind: InputKind = "page"
    problem: str | None = None


def matches(name: str, globs: Sequence[str]) -> bool:
    """True when the file name matches one of ``globs`` (case-insensitive)."""
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, g.lower()) for g in globs)


def collect(args: Sequence[str], *, globs: Sequence[str] | None = None) -> list[Input]:
    """The inputs named by ``args`` (directories, files, glob patterns), each once.

    Raises :class:`UsageError` for an argument that names nothing.
    """
    patterns = tuple(globs) if globs else DEFAULT_GLOBS
    seen: set[str] = set()
    found: list[Input] = []
    for arg in args:
        for item in _expand(arg, patterns):
            key = os.path.abspath(item.path)
            if key not in seen:
                seen.add(key)
                found.append(item)
    if not found:
        raise UsageError(f"no input files found (looked for {', '.join(patterns)})")
    return found


def _expand(arg: str, patterns: Sequence[str]) -> Iterable[Input]:
    if arg == "-":
        raise UsageError("stdin ('-') cannot be part of a batch")
    if os.path.isdir(arg):  # also a link to a directory: the user named it
        return walk_dir(arg, patterns)
    if os.path.lexists(arg):
        return [_file_input(arg, root=None)]
    if GLOB_CHARS & set(arg):
        names = sorted(globlib.glob(arg, recursive=True))
        if not names:
            raise UsageError(f"no file matches {arg}")
        return [i for name in names for i in _expand_matched(name, patterns)]
    raise UsageError(f"no such file or directory: {arg}")


def _expand_matched(name: str, patterns: Sequence[str]) -> Iterable[Input]:
    if os.path.isdir(name):
        return walk_dir(name, patterns)
    return [_file_input(name, root=None)]


def walk_dir(top: str, patterns: Sequence[str]) -> list[Input]:
    """Every file under ``top`` whose name matches ``patterns``, sorted by relative path."""
    real_top = os.path.realpath(top)
    found: list[tuple[str, Input]] = []

    def unlistable(exc: OSError) -> None:
        where = exc.filename or top
        rel = os.path.relpath(where, top)
        reason = exc.strerror or exc.__class__.__name__
        problem = f"cannot list directory: {reason}"
        found.append((_sort_key(rel), Input(where, root=top, problem=problem)))

    for dirpath, dirnames, filenames in os.walk(top, onerror=unlistable, followlinks=False):
        dirnames.sort()
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            if not matches(name, patterns):
                continue
            path = os.path.join(dirpath, name)
            if os.path.isdir(path):
                continue  # a linked directory: not descended
            rel = os.path.relpath(path, top)
            found.append((_sort_key(rel), _file_input(path, root=top, real_top=real_top)))
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]


def _sort_key(rel: str) -> str:
    """Sorts like the path's components: a NUL sorts before every character of a name."""
    return rel.replace(os.sep, "\0")


def _file_input(path: str, *, root: str | None, real_top: str | None = None) -> Input:
    kind = kind_of(path)
    if os.path.islink(path):
        target = os.path.realpath(path)
        if not os.path.exists(target):
            return Input(path, root=root, kind=kind, problem="broken symbolic link")
        if real_top is not None and not _inside(target, real_top):
            return Input(
                path, root=root, kind=kind,
                problem="symbolic link to a file outside the input tree (not followed)",
            )
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return Input(path, root=root, kind=kind, problem=f"cannot read: {exc.strerror or exc}")
    if not stat.S_ISREG(mode) and root is not None:
        return Input(path, root=root, kind=kind, problem="not a regular file")
    return Input(path, root=root, kind=kind)


def _inside(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)
