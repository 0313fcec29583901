"""The default pipeline: every registered cleaner, HTML ones then text-dump ones, in order."""

from __future__ import annotations

from .cleaners import HTML_CLEANERS
from .errors import UsageError
from .options import Options
from .pipeline import Pipeline
from .textdump.table import text_cleaners


def default_pipeline() -> Pipeline:
    """A fresh pipeline of every cleaner in its default order, all enabled."""
    return Pipeline([*HTML_CLEANERS, *text_cleaners()])


def pipeline_for(options: Options) -> Pipeline:
    """The default pipeline with ``options.only`` / ``options.disable`` applied.

    Unknown names raise :class:`~boilerstrip.errors.UnknownCleaner` listing the valid ones.
    """
    pipeline = default_pipeline()
    if options.only and options.disable:
        overlap = sorted(set(options.only) & set(options.disable))
        if overlap:
            raise UsageError(f"cleaner(s) both enabled and disabled: {', '.join(overlap)}")
    if options.only:
        pipeline.enable_only(options.only)
    if options.disable:
        pipeline.disable(options.disable)
    return pipeline
