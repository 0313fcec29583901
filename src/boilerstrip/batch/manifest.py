"""The batch manifest: ``OUT/boilerstrip-manifest.jsonl``, one JSON line per input.

Lines are written in input order, each in one write and flushed, and only once the input's
output is in place. A crash or Ctrl-C therefore leaves a manifest whose every line is whole
and true; an interrupted run lists the inputs it finished, still in input order.

Each line holds: ``path`` (the input as given), ``output`` (relative to ``OUT``, or null),
``status`` (ok, no-article, error, timeout, skipped), ``encoding``, ``chars_kept``,
``chars_dropped``, ``cleaners`` (blocks dropped per cleaner) and ``error`` (null when ok).
A web archive's line adds ``records``: how many HTML records gave each status, and how
many records were not HTML.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any

from ..errors import OutputError

FIELDS: tuple[str, ...] = (
    "path", "output", "status", "encoding", "chars_kept", "chars_dropped", "cleaners", "error",
)


def make_record(path: str, output: str | None, status: str, **values: Any) -> dict[str, Any]:
    """A manifest line with every field present, in the documented order."""
    record: dict[str, Any] = {
        "path": path,
        "output": output,
        "status": status,
        "encoding": None,
        "chars_kept": 0,
        "chars_dropped": 0,
        "cleaners": {},
        "error": None,
    }
    record.update(values)
    return record


def load(path: Path) -> dict[str, dict[str, Any]]:
    """The records of an earlier manifest by input path; {} when there is none.

    A line that is not whole JSON (from a crash of an older writer) is ignored.
    """
    found: dict[str, dict[str, Any]] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(record, dict) and isinstance(record.get("path"), str):
                    found[record["path"]] = record
    except OSError:
        return {}
    return found


class ManifestWriter:
    """Appends manifest lines, each written whole and flushed at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_NOFOLLOW: a symbolic link planted at the manifest's name is refused, not truncated
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except OSError as exc:
            raise OutputError(f"cannot write the manifest {path}: {exc.strerror or exc}") from None
        self._fh: IO[str] = open(fd, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, record: dict[str, Any]) -> None:
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
