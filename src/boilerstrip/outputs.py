"""Writing outputs safely: atomically, never over an input, never through a symlink out of place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError, UsageError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def within(root: Path, path: Path) -> bool:
    """True when ``path`` lies under ``root`` with no symbolic link among its directories.

    A link at ``path`` itself is harmless: the atomic rename replaces the link, not its target.
    """
    try:
        rel = path.relative_to(root)
    except ValueError:
        return False
    node = root
    for part in rel.parts[:-1]:
        node = node / part
        if node.is_symlink():
            return False
    return True


def write_new(path: Path, text: str, *, inputs: Iterable[str] = (), root: Path | None = None) -> None:
    """Write ``text`` to ``path`` atomically (temporary file, then rename).

    Refuses to write over one of ``inputs``: a user's page is never lost. With ``root`` (a
    batch's output directory) it also refuses a path that a symbolic link would lead out of it.
    """
    if root is not None and not within(root, path):
        raise OutputError(f"refusing to write {path}: a symbolic link leads out of {root}")
    for source in inputs:
        if source != "-" and _same_file(Path(source), path):
            raise UsageError(f"refusing to overwrite the input file {source}")
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a directory")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; an output is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
