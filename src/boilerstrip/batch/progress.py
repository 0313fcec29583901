"""A rich progress bar for a batch: pages done, pages per second, failures, time left."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from .run import FAILED


class ProgressBar:
    """A :class:`~boilerstrip.batch.run.Reporter` that draws on ``console`` (stderr)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.failures = 0
        self.progress = Progress(
            TextColumn("[bold]boilerstrip"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("[red]{task.fields[failures]} failed"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self.task: Any = None

    def start(self, total: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("batch", total=total, failures=0, rate="")

    def advance(self, status: str) -> None:
        if status in FAILED:
            self.failures += 1
        self.progress.advance(self.task)
        speed = self.progress.tasks[0].speed
        rate = f"{speed:.1f} pages/s" if speed else ""
        self.progress.update(self.task, failures=self.failures, rate=rate)

    def finish(self) -> None:
        self.progress.stop()
