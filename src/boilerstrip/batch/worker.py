"""One page of a batch: read it, strip it, render it, and say how it went.

:func:`process_page` is a plain, picklable function of a :class:`Task`; it never raises for
a bad page, it returns a :class:`PageResult` with its status. :func:`serve` is the loop of
a pool worker process: it takes tasks from a connection and answers each with its result
(see :mod:`.pool`).
"""

from __future__ import annotations

import json
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import BoilerstripError, NoArticle, Timeout
from ..options import Options

Status = Literal["ok", "no-article", "error", "timeout", "skipped"]
STATUSES: tuple[str, ...] = ("ok", "no-article", "error", "timeout", "skipped")

PageFn = Callable[["Task"], "PageResult"]


@dataclass(frozen=True)
class Task:
    """One page to strip.

    ``seq`` is the page's place in the batch's stream of tasks; ``source`` the file to read
    (or, with ``data``, a label for bytes already read, such as a WARC record); ``fmt`` the
    output format (``jsonl``: one JSON line starting with the ``head`` keys and ``status``,
    then the article's fields, or the article as one object under the key ``nest``).
    """

    seq: int
    source: str
    fmt: str
    options: Options
    data: bytes | None = None
    url: str | None = None
    head: tuple[tuple[str, Any], ...] = ()
    nest: str | None = None


@dataclass
class PageResult:
    """How one page went: its status, its rendered output when ok, and what was dropped."""

    seq: int
    status: Status
    text: str | None = None
    encoding: str | None = None
    chars_kept: int = 0
    chars_dropped: int = 0
    cleaners: dict[str, int] = field(default_factory=dict)
    error: str | None = None


def process_page(task: Task) -> PageResult:
    """Read, strip and render one page; every failure becomes a status, never an exception."""
    from ..core import strip
    from ..loading import read_source

    try:
        data = task.data if task.data is not None else read_source(task.source)
        article = strip(data, url=task.url, options=task.options)
        text = render_task(task, article)
    except NoArticle as exc:
        return PageResult(task.seq, "no-article", error=exc.message)
    except Timeout as exc:
        return PageResult(task.seq, "timeout", error=exc.message)
    except BoilerstripError as exc:
        return PageResult(task.seq, "error", error=exc.message)
    except (Exception, RecursionError, MemoryError) as exc:  # a bug must not stop the batch
        return PageResult(task.seq, "error", error=f"internal error: {type(exc).__name__}: {exc}")
    return PageResult(
        task.seq,
        "ok",
        text=text,
        encoding=article.encoding,
        chars_kept=sum(len(b.text) for b in article.blocks),
        chars_dropped=sum(d.chars for d in article.dropped),
        cleaners=dict(sorted(article.cleaner_counts().items())),
    )


def render_task(task: Task, article: Any) -> str:
    """The article in the task's format; ``jsonl`` is one line that starts with ``head``."""
    from ..render import render

    explain = task.options.explain
    if task.fmt == "jsonl":
        fields = article.to_dict(dropped=explain)
        line = {**dict(task.head), "status": "ok", **({task.nest: fields} if task.nest else fields)}
        return json.dumps(line, ensure_ascii=False) + "\n"
    return render(article, task.fmt, dropped=explain)


def failure_line(head: tuple[tuple[str, Any], ...], result: PageResult) -> str:
    """The JSON line a page that failed gets in a ``jsonl`` stream: ``head``, status, error."""
    line = {**dict(head), "status": result.status, "error": result.error}
    return json.dumps(line, ensure_ascii=False) + "\n"


# -- the worker process --------------------------------------------------------------------


def serve(fd: int) -> None:
    """Answer tasks on connection ``fd`` until told to stop or the parent goes away.

    The first message is the page function; the worker answers ``"ready"`` once it has
    imported it. Ctrl-C is the parent's business: the parent ends its workers.
    """
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn = Connection(fd)
    try:
        page_fn: PageFn = conn.recv()
        from .. import core  # noqa: F401  (imported before the first page's clock starts)

        conn.send("ready")
        while True:
            task = conn.recv()
            if task is None:
                return
            conn.send(page_fn(task))
    except (EOFError, BrokenPipeError, ConnectionResetError):
        return
    finally:
        conn.close()


