"""Where each input's output goes, and the checks that keep a batch off its own inputs.

Every output lands under ``OUT`` at the input's path relative to the inputs' common
directory (the directory itself when one directory is given), with the format's extension
in place of the input's: ``pages/world/a.html`` -> ``OUT/world/a.txt``. A web archive gives
one JSON Lines file. When two inputs would share an output (``a.html`` and ``a.htm``), the
later one keeps its whole name: ``a.htm.txt``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import UsageError
from ..render import EXTENSIONS
from .walk import Input

MANIFEST_NAME = "boilerstrip-manifest.jsonl"
"""The manifest's file name inside ``OUT``."""

WARC_EXTENSION = ".jsonl"


def extension(fmt: str, kind: str) -> str:
    """The output extension of an input of ``kind`` in format ``fmt``."""
    if kind == "warc" or fmt == "jsonl":
        return WARC_EXTENSION
    return EXTENSIONS[fmt]


def base_dir(inputs: Sequence[Input]) -> str:
    """The directory every output path is relative to: the inputs' common directory."""
    dirs = {os.path.abspath(i.root) if i.root is not None else os.path.dirname(os.path.abspath(i.path))
            for i in inputs}
    return os.path.commonpath(sorted(dirs))


def _stem(name: str, kind: str) -> str:
    lowered = name.lower()
    if lowered.endswith(".gz"):
        name, lowered = name[:-3], lowered[:-3]
    if kind == "warc":
        for suffix in (".warc", ".arc"):
            if lowered.endswith(suffix):
                return name[: -len(suffix)]
    stem, suffix = os.path.splitext(name)
    return stem if suffix and stem else name


def plan_outputs(inputs: Sequence[Input], out_dir: str | os.PathLike[str], fmt: str) -> list[str]:
    """Each input's output path relative to ``out_dir`` (``/``-separated), in input order.

    Raises :class:`UsageError` when ``out_dir`` is inside an input directory, is a file, or
    an output would replace an input.
    """
    out = Path(out_dir)
    check_out_dir(inputs, out)
    base = base_dir(inputs)
    taken: set[str] = {os.path.normcase(MANIFEST_NAME)}
    planned: list[str] = []
    for item in inputs:
        rel = os.path.relpath(os.path.abspath(item.path), base).replace(os.sep, "/")
        folder, _, name = rel.rpartition("/")
        prefix = folder + "/" if folder else ""
        ext = extension(fmt, item.kind)
        candidates = (prefix + _stem(name, item.kind) + ext, prefix + name + ext)
        for candidate in candidates:
            key = os.path.normcase(candidate)
            if key not in taken:
                taken.add(key)
                planned.append(candidate)
                break
        else:
            raise UsageError(f"two inputs would write the same output {out / candidates[-1]}")
    del taken
    _check_not_inputs(inputs, (os.path.join(out, p) for p in [*planned, MANIFEST_NAME]))
    return planned


def check_out_dir(inputs: Sequence[Input], out: Path) -> None:
    """Refuse an ``out`` that is a file, or that is (inside) an input directory."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"the output {out} is a file; a batch writes into a directory")
    real_out = os.path.realpath(out)
    for root in sorted({i.root for i in inputs if i.root is not None}):
        real_root = os.path.realpath(root)
        if _inside(real_out, real_root):
            raise UsageError(
                f"the output directory {out} is inside the input directory {root}: "
                "outputs never go into the input tree; choose a directory outside it"
            )
    for item in inputs:
        if item.root is None and os.path.realpath(os.path.dirname(os.path.abspath(item.path))) == real_out:
            raise UsageError(
                f"the output directory {out} holds the input {item.path}: "
                "outputs never go next to their inputs; choose another directory"
            )


def check_stream_file(inputs: Sequence[Input], target: Path) -> None:
    """Refuse a JSON Lines output file that is an input or lies inside an input directory."""
    real = os.path.realpath(target)
    for root in sorted({i.root for i in inputs if i.root is not None}):
        if _inside(real, os.path.realpath(root)):
            raise UsageError(f"the output {target} is inside the input directory {root}")
    _check_not_inputs(inputs, [target])


def _check_not_inputs(inputs: Sequence[Input], outputs: Iterable[str | Path]) -> None:
    real_inputs = {os.path.realpath(i.path): i.path for i in inputs}
    for output in outputs:
        clash = real_inputs.get(os.path.realpath(output))
        if clash is not None:
            raise UsageError(f"refusing to write {output}: it is the input {clash}")


def _inside(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)
