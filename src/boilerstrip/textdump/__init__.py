"""Plain-text page dumps: a line-level pipeline of cleaners (see issue 5)."""

from __future__ import annotations

from ..pipeline import Cleaner

TEXT_CLEANERS: list[Cleaner] = []
