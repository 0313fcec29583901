"""Run a batch's pages on a Dask cluster (the ``dask`` extra).

The machine running boilerstrip walks the inputs, reads each page (or each HTML record of
a web archive) and sends them in small chunks to the cluster; results come back and are
written there exactly as in a local run, so outputs and manifest are the same. Workers
need boilerstrip installed but no access to the input files. On each Dask worker thread a
one-process :class:`~boilerstrip.batch.pool.LocalPool` strips the pages, so the per-page
time limit holds on the cluster too.

From Python::

    from dask.distributed import Client
    from boilerstrip.batch import BatchOptions, run_batch

    summary = run_batch(["pages/"], "clean/", client=Client("tcp://10.0.0.5:8786"))
    # or: run_batch(["pages/"], "clean/", batch=BatchOptions(scheduler="tcp://10.0.0.5:8786"))
"""

from __future__ import annotations

import atexit
import threading
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import UsageError
from .pool import LocalPool
from .worker import PageFn, PageResult, Task

CHUNK = 8
"""Pages per Dask task: enough to amortise scheduling, few enough to balance the load."""

_local = threading.local()
_pools: list[LocalPool] = []


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError(
            "--scheduler needs dask.distributed: pip install 'boilerstrip[dask]'"
        ) from None
    return distributed


def run_chunk(tasks: list[Task], timeout: float | None, page_fn: PageFn | None) -> list[PageResult]:
    """Strip a chunk of pages on a Dask worker, each within ``timeout`` seconds."""
    key = (timeout, page_fn)
    pool: LocalPool | None = getattr(_local, "pools", {}).get(key)
    if pool is None:
        pool = LocalPool(1, timeout=timeout, page_fn=page_fn)
        if not hasattr(_local, "pools"):
            _local.pools = {}
        _local.pools[key] = pool
        _pools.append(pool)
    return sorted(pool.imap_unordered(tasks), key=lambda r: r.seq)


@atexit.register
def _close_pools() -> None:
    for pool in _pools:
        pool.close()


class DaskPool:
    """The :class:`~boilerstrip.batch.pool.LocalPool` interface over a Dask cluster."""

    ships_bytes = True
    """The cluster cannot be assumed to see local files: pages travel as bytes."""

    def __init__(
        self,
        *,
        client: Any = None,
        scheduler: str | None = None,
        timeout: float | None = 30.0,
        page_fn: PageFn | None = None,
        chunk: int = CHUNK,
    ) -> None:
        distributed = _distributed()
        self.owned = client is None
        if client is None:
            try:
                client = distributed.Client(scheduler, set_as_default=False)
            except OSError as exc:
                raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
        self.client = client
        self.timeout = timeout if timeout and timeout > 0 else None
        self.page_fn = page_fn
        self.chunk = chunk
        self.run_id = uuid.uuid4().hex[:12]

    def __enter__(self) -> DaskPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.owned:
            self.client.close()

    def _slots(self) -> int:
        threads = sum(self.client.nthreads().values()) or 1
        return 2 * threads

    def imap_unordered(self, tasks: Iterable[Task], *, max_ahead: int | None = None) -> Iterator[PageResult]:
        """Results of ``tasks`` as their chunks finish (see :meth:`LocalPool.imap_unordered`)."""
        distributed = _distributed()
        source = iter(tasks)
        upcoming = next(source, None)
        running = distributed.as_completed(loop=self.client.loop)
        chunks: dict[Any, list[Task]] = {}
        outstanding: set[int] = set()
        slots = self._slots()

        def submit() -> None:
            nonlocal upcoming
            while upcoming is not None and len(chunks) < slots:
                chunk: list[Task] = []
                while upcoming is not None and len(chunk) < self.chunk:
                    if max_ahead is not None and outstanding and upcoming.seq >= min(outstanding) + max_ahead:
                        break
                    chunk.append(upcoming)
                    outstanding.add(upcoming.seq)
                    upcoming = next(source, None)
                if not chunk:
                    return
                key = f"boilerstrip-{self.run_id}-{chunk[0].seq}"
                future = self.client.submit(run_chunk, chunk, self.timeout, self.page_fn, key=key, pure=False)
                chunks[future] = chunk
                running.add(future)

        submit()
        while chunks:
            future = next(running)
            chunk = chunks.pop(future)
            try:
                results: list[PageResult] = future.result()
            except Exception as exc:  # the Dask task itself failed (a lost worker, ...)
                message = f"the Dask task failed: {type(exc).__name__}: {exc}"
                results = [PageResult(t.seq, "error", error=message) for t in chunk]
            for result in results:
                outstanding.discard(result.seq)
                yield result
            submit()
