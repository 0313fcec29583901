"""A pool of worker processes that can abandon a page past its time limit.

Each worker is a fresh interpreter (``python -c ... serve(FD)``) that takes one task at a
time over a connection, so the parent knows when each page started. A page that runs past
the limit has its worker killed and replaced; a worker that dies (a crash in C code, the
out-of-memory killer) costs only its page. Workers are replaced after ``recycle_after``
pages so that memory cannot creep up over a long batch. Starting interpreters instead of
forking keeps the pool safe in threaded parents and usable inside Dask workers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from multiprocessing import Pipe
from multiprocessing.connection import Connection, wait

from ..errors import BoilerstripError
from . import worker as worker_module
from .worker import PageFn, PageResult, Task

START_TIMEOUT = 120.0
"""Seconds a new worker may take to import boilerstrip and say it is ready."""

_BOOT = "import os; from boilerstrip.batch.worker import serve; serve({fd}); os._exit(0)"


class WorkerStartFailed(BoilerstripError):
    """A worker process could not be started."""


class _Worker:
    def __init__(self, page_fn: PageFn) -> None:
        parent, child = Pipe(duplex=True)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) if p else os.getcwd() for p in sys.path)
        self.proc = subprocess.Popen(
            [sys.executable, "-P", "-c", _BOOT.format(fd=child.fileno())],
            pass_fds=[child.fileno()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,  # stdout may be the batch's JSON Lines stream
            env=env,
        )
        child.close()
        self.conn: Connection = parent
        self.task: Task | None = None
        self.started = 0.0
        self.done = 0
        self.conn.send(page_fn)

    def wait_ready(self) -> None:
        try:
            if not self.conn.poll(START_TIMEOUT) or self.conn.recv() != "ready":
                raise WorkerStartFailed("a worker process did not start in time")
        except (EOFError, OSError) as exc:
            self.kill()
            raise WorkerStartFailed(
                f"a worker process could not start (exit code {self.proc.poll()})"
            ) from exc

    def give(self, task: Task) -> None:
        self.conn.send(task)
        self.task = task
        self.started = time.monotonic()

    def stop(self) -> None:
        """Ask the worker to exit; :meth:`reap` waits for it."""
        try:
            self.conn.send(None)
        except OSError:
            self.kill()
        self.conn.close()

    def reap(self) -> None:
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        if not self.conn.closed:
            self.conn.close()


class LocalPool:
    """``jobs`` worker processes on this machine, each page limited to ``timeout`` seconds."""

    def __init__(
        self,
        jobs: int,
        *,
        timeout: float | None = 30.0,
        page_fn: PageFn | None = None,
        recycle_after: int = 1000,
    ) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.jobs = jobs
        self.timeout = timeout if timeout and timeout > 0 else None
        self.page_fn = page_fn or worker_module.process_page  # looked up now: tests may swap it
        self.recycle_after = recycle_after
        self.workers: list[_Worker] = []

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the workers (done by :meth:`imap_unordered` when needed)."""
        fresh = [_Worker(self.page_fn) for _ in range(self.jobs - len(self.workers))]
        self.workers.extend(fresh)
        for w in fresh:
            w.wait_ready()

    def close(self) -> None:
        """End every worker: idle ones politely, busy ones at once."""
        for w in self.workers:
            if w.task is None:
                w.stop()
            else:
                w.kill()
        for w in self.workers:
            w.reap()
        self.workers = []

    def _replace(self, old: _Worker) -> _Worker:
        new = _Worker(self.page_fn)
        new.wait_ready()
        self.workers[self.workers.index(old)] = new
        return new

    def _give(self, w: _Worker, task: Task) -> None:
        if w.done >= self.recycle_after:
            w.stop()
            w.reap()  # gone before its successor starts: never three workers' memory at once
            w = self._replace(w)
        try:
            w.give(task)
        except OSError:  # it died while idle
            w.kill()
            self._replace(w).give(task)

    def imap_unordered(self, tasks: Iterable[Task], *, max_ahead: int | None = None) -> Iterator[PageResult]:
        """Results of ``tasks`` as they finish.

        A task is handed out only while its ``seq`` is less than ``max_ahead`` past the
        oldest unfinished one, so a consumer restoring order buffers at most ``max_ahead``.
        """
        self.start()
        source = iter(tasks)
        upcoming: Task | None = next(source, None)
        outstanding: set[int] = set()
        while True:
            for w in list(self.workers):
                if upcoming is None:
                    break
                if w.task is not None:
                    continue
                if max_ahead is not None and outstanding and upcoming.seq >= min(outstanding) + max_ahead:
                    break
                self._give(w, upcoming)
                outstanding.add(upcoming.seq)
                upcoming = next(source, None)
            busy = [w for w in self.workers if w.task is not None]
            if not busy:
                if upcoming is None:
                    return
                continue
            for result in self._collect(busy):
                outstanding.discard(result.seq)
                yield result

    def _collect(self, busy: list[_Worker]) -> list[PageResult]:
        now = time.monotonic()
        wait_for = None
        if self.timeout is not None:
            wait_for = max(0.0, min(w.started + self.timeout for w in busy) - now)
        ready = wait([w.conn for w in busy], timeout=wait_for)
        results: list[PageResult] = []
        for w in busy:
            task = w.task
            assert task is not None
            if w.conn in ready:
                try:
                    result: PageResult = w.conn.recv()
                except (EOFError, OSError):
                    code = w.proc.wait()
                    how = f"signal {-code}" if code < 0 else f"exit code {code}"
                    result = PageResult(task.seq, "error", error=f"the worker process died ({how})")
                    w.task = None
                    w.kill()
                    self._replace(w)
                    results.append(result)
                    continue
                w.task = None
                w.done += 1
                results.append(result)
            elif self.timeout is not None and time.monotonic() - w.started >= self.timeout:
                w.kill()
                w.task = None
                self._replace(w)
                results.append(PageResult(task.seq, "timeout", error=f"took longer than {self.timeout:g} s"))
        return results
