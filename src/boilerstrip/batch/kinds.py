"""What a command-line input is: one page, or a batch (a directory, a web archive, a pattern).

Kept apart from the directory walk so that a one-page run decides without importing it.
"""

from __future__ import annotations

import os
from typing import Literal

WARC_SUFFIXES: tuple[str, ...] = (".warc", ".warc.gz", ".arc", ".arc.gz")
"""File names read as web archives (one output line per HTML response record)."""

InputKind = Literal["page", "warc"]
GLOB_CHARS = frozenset("*?[")


def kind_of(path: str) -> InputKind:
    """``"warc"`` for a web archive file name, else ``"page"``."""
    return "warc" if path.lower().endswith(WARC_SUFFIXES) else "page"


def is_single_page(arg: str) -> bool:
    """True when a lone command-line argument is one page (a file or ``-``), not a batch:
    not a directory, not a web archive, not a glob pattern naming no existing file."""
    if arg == "-":
        return True
    if os.path.isdir(arg) or kind_of(arg) == "warc":
        return False
    return os.path.lexists(arg) or not (GLOB_CHARS & set(arg))
