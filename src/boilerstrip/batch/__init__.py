"""Batch mode: strip directories of saved pages and web archives, locally or on a Dask cluster.

``run_batch(paths, out, batch=BatchOptions(...), options=Options(...))`` is the entry point;
see :mod:`.run`. The pieces: :mod:`.walk` collects inputs, :mod:`.plan` places outputs,
:mod:`.worker` strips one page, :mod:`.pool` runs pages in worker processes with a time limit,
:mod:`.manifest` records every input, :mod:`.warc` reads web archives, :mod:`.cluster` runs on
Dask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .plan import MANIFEST_NAME
    from .run import BatchOptions, Reporter, Summary, is_stream, run_batch
    from .walk import DEFAULT_GLOBS

__all__ = [
    "DEFAULT_GLOBS", "MANIFEST_NAME", "BatchOptions", "Reporter", "Summary", "is_stream", "run_batch",
]
_HOMES = {"MANIFEST_NAME": "plan", "DEFAULT_GLOBS": "walk"}


def __getattr__(name: str) -> Any:
    # imported on first use: one page from the shell needs ``kinds`` only, never the batch runner
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{_HOMES.get(name, 'run')}", __name__), name)
