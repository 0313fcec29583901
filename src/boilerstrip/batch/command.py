"""The command line's batch branch, in plain values: the CLI parses, this runs and reports.

Results go to the output directory, the ``-o`` file, or stdout (a JSON Lines stream);
the progress bar (only on a terminal) and the summary line go to the stderr console.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape

from ..options import Options
from .run import BatchOptions, Reporter, run_batch


def batch_command(
    inputs: Sequence[str],
    *,
    fmt: str,
    output: str | None,
    options: Options,
    console: Console,
    quiet: bool = False,
    jobs: int | None = None,
    globs: Sequence[str] = (),
    timeout: float | None = 30.0,
    resume: bool = False,
    fail_fast: bool = False,
    scheduler: str | None = None,
) -> int:
    """Run a batch from the command line; returns the exit code (0 all ok, 1 some failed)."""
    batch = BatchOptions(
        fmt=fmt, jobs=jobs, timeout=timeout, resume=resume, fail_fast=fail_fast,
        globs=tuple(globs), scheduler=scheduler,
    )
    reporter: Reporter | None = None
    if not quiet and console.is_terminal:
        from .progress import ProgressBar

        reporter = ProgressBar(console)
    stream: Any = sys.stdout if output is None else None
    summary = run_batch(inputs, output, batch=batch, options=options, stream=stream, reporter=reporter)
    if not quiet:
        style = "green" if summary.exit_code == 0 else "yellow"
        console.print(f"[bold {style}]boilerstrip:[/] {escape(summary.line())}", highlight=False, soft_wrap=True)
    return summary.exit_code
