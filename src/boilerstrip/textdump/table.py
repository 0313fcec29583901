"""The text-dump cleaners in their default order, named without importing them.

Each entry is ``(name, "module:function")``; the module is imported the first time the
cleaner runs or is described, so an HTML run never pays for compiling the text cleaners.
"""

from __future__ import annotations

from ..pipeline import Cleaner, LazyFn

_PACKAGE = "boilerstrip.textdump.cleaners"

TEXT_CLEANER_TABLE: tuple[str, ...] = (
    "toolbar_lines",
    "widget_counters",
    "dialog_lines",
    "image_ui_lines",
    "ad_slot_ids",
    "copyright_lines",
    "tag_lines",
    "popular_lists",
    "comment_threads",
    "menu_runs",
    "body_region",
    "author_bios",
    "repeated_paragraphs",
)


def text_cleaners() -> list[Cleaner]:
    """The text cleaners, each loaded on first use (every module is named after its cleaner)."""
    return [Cleaner(name, LazyFn(f"{_PACKAGE}.{name}:{name}"), kind="text") for name in TEXT_CLEANER_TABLE]
