"""Run a batch: collect the inputs, plan the outputs, strip the pages in worker processes,
write each output atomically and the manifest in input order.

Two shapes of output:

- a directory (``out`` is a directory): one file per page under it, one JSON Lines file per
  web archive, and the manifest ``OUT/boilerstrip-manifest.jsonl``;
- a stream (``fmt="jsonl"``, or a lone web archive): one JSON line per page or HTML record,
  in input order, to the file ``out`` (written atomically) or to ``stream``.

Results come back from the workers in any order; they are written in input order, so the
outputs, the manifest and the stream are the same whatever the number of workers.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from ..errors import BoilerstripError, InvalidOptions, UsageError
from ..options import Options
from ..outputs import within, write_new
from . import manifest as manifest_mod
from .plan import MANIFEST_NAME, check_stream_file, plan_outputs
from .walk import Input, collect
from .worker import PageFn, PageResult, Task, failure_line

FORMATS: tuple[str, ...] = ("text", "markdown", "json", "html", "jsonl")
FAILED: frozenset[str] = frozenset({"no-article", "error", "timeout"})
"""Statuses that make a batch exit with code 1."""


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs (how each page is stripped is :class:`~boilerstrip.options.Options`).

    ``jobs``: worker processes (None: one per core); ``timeout``: seconds a page may take
    (None or 0: no limit); ``resume``: skip pages whose output is newer than the input;
    ``fail_fast``: stop at the first input that fails; ``globs``: file names a directory walk
    picks up (empty: the defaults); ``scheduler``: a Dask scheduler address such as
    ``tcp://10.0.0.5:8786`` to run the pages on a cluster.
    """

    fmt: str = "text"
    jobs: int | None = None
    timeout: float | None = 30.0
    resume: bool = False
    fail_fast: bool = False
    globs: tuple[str, ...] = ()
    scheduler: str | None = None

    def __post_init__(self) -> None:
        if self.fmt not in FORMATS:
            raise InvalidOptions(f"format must be one of {', '.join(FORMATS)}, not {self.fmt!r}")
        if self.jobs is not None and self.jobs < 1:
            raise InvalidOptions(f"jobs must be at least 1, not {self.jobs}")
        if self.timeout is not None and self.timeout < 0:
            raise InvalidOptions(f"timeout must not be negative, not {self.timeout}")
        if isinstance(self.globs, str):
            raise InvalidOptions("globs must be a tuple of strings")


class Reporter(Protocol):
    """Receives progress (the CLI's progress bar is one)."""

    def start(self, total: int) -> None: ...

    def advance(self, status: str) -> None: ...

    def finish(self) -> None: ...


@dataclass
class Summary:
    """What a batch did: statuses per input, per web-archive record, and how it ended."""

    total: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=Counter)
    not_html: int = 0
    seconds: float = 0.0
    stopped: str | None = None
    manifest: Path | None = None
    unit: str = "pages"

    @property
    def failed(self) -> int:
        return sum(self.counts[s] for s in FAILED)

    @property
    def exit_code(self) -> int:
        """0 when every input succeeded (or was skipped), 1 otherwise."""
        return 1 if self.failed or self.stopped else 0

    def line(self) -> str:
        """The one-line summary printed on stderr at the end."""
        done = sum(self.counts.values())
        rate = done / self.seconds if self.seconds > 0 else 0.0
        order = ("ok", "no-article", "error", "timeout", "skipped")
        parts = ", ".join(f"{self.counts[s]} {s}" for s in order if self.counts[s])
        text = f"{done} {self.unit} in {self.seconds:.1f} s ({rate:.1f}/s): {parts or 'nothing done'}"
        if self.records or self.not_html:
            rec = ", ".join(f"{self.records[s]} {s}" for s in order if self.records[s])
            text += f"; {sum(self.records.values())} HTML records ({rec or 'none'})"
            text += f", {self.not_html} records not HTML skipped"
        if done < self.total:
            text += f"; {self.total - done} not done"
        if self.stopped:
            text += f"; {self.stopped}"
        if self.manifest is not None:
            text += f"; manifest {self.manifest}"
        return text


def run_batch(
    paths: Sequence[str],
    out: str | os.PathLike[str] | None = None,
    *,
    batch: BatchOptions | None = None,
    options: Options | None = None,
    stream: IO[str] | None = None,
    reporter: Reporter | None = None,
    page_fn: PageFn | None = None,
    client: Any = None,
) -> Summary:
    """Strip every page named by ``paths`` (directories, files, glob patterns).

    Writes outputs under the directory ``out``, or a JSON Lines stream to the file ``out``
    or to ``stream`` (see the module docstring). ``client`` is a ``dask.distributed.Client``
    to run on (else ``batch.scheduler`` is connected to, else the pages run on this
    machine). Raises :class:`UsageError` before writing anything when the inputs or the
    output cannot work; page failures are statuses in the summary and the manifest, never
    exceptions. Ctrl-C ends the workers, keeps every finished output and manifest line,
    and raises ``KeyboardInterrupt``.
    """
    batch = batch or BatchOptions()
    options = options or Options()
    inputs = collect(paths, globs=batch.globs)
    stream_mode = is_stream(paths, out, batch.fmt)
    runner = _Run(inputs, out, batch, options, stream_mode, stream, reporter)
    return runner.go(page_fn, client)


def available_cpus() -> int:
    """The cores this process may run on (a container's CPU set, else the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _new_temp(target: Path) -> tuple[IO[str], str]:
    """A temporary file next to ``target`` (renamed onto it when complete), mode as umask allows."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, path = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)
    return os.fdopen(fd, "w", encoding="utf-8", newline="\n"), path


def is_stream(paths: Sequence[str], out: str | os.PathLike[str] | None, fmt: str) -> bool:
    """Whether a batch writes one JSON Lines stream rather than a directory of outputs."""
    if fmt == "jsonl":
        return True
    from .kinds import kind_of

    lone_archive = len(paths) == 1 and os.path.isfile(paths[0]) and kind_of(paths[0]) == "warc"
    return lone_archive and (out is None or not os.path.isdir(out))


@dataclass(slots=True)
class _Unit:
    """One input on its way through the batch (slotted: a batch may hold millions)."""

    input: Input
    label: str | None
    """The output's path relative to the output directory; None in a stream."""
    records: Counter[str] | None = None
    not_html: int = 0
    error: str | None = None
    tmp: IO[str] | None = None
    tmp_path: str | None = None


class _Run:
    def __init__(
        self,
        inputs: list[Input],
        out: str | os.PathLike[str] | None,
        batch: BatchOptions,
        options: Options,
        stream_mode: bool,
        stream: IO[str] | None,
        reporter: Reporter | None,
    ) -> None:
        self.batch = batch
        self.options = options
        self.reporter = reporter
        self.stream_mode = stream_mode
        self.summary = Summary(total=len(inputs))
        if any(i.kind == "warc" for i in inputs):
            self.summary.unit = "files"
        self.previous: dict[str, dict[str, Any]] = {}
        self.manifest: manifest_mod.ManifestWriter | None = None
        self.sink: IO[str] | None = stream
        self.sink_tmp: str | None = None
        self.out_file: Path | None = None
        if self.stream_mode:
            if batch.resume:
                raise UsageError("--resume needs an output directory, not a JSON Lines stream")
            if out is not None:
                self.out_file = Path(out)
                if self.out_file.is_dir():
                    raise UsageError(
                        f"{out} is a directory; a JSON Lines batch writes one file (-o FILE) or stdout"
                    )
                check_stream_file(inputs, self.out_file)
            elif stream is None:
                raise UsageError("a JSON Lines batch needs an output file or a stream")
            self.units = [_Unit(i, None) for i in inputs]
        else:
            if out is None:
                raise UsageError(
                    "a batch needs -o OUT (a directory for the outputs), "
                    "or --format jsonl for one stream"
                )
            self.out_dir = Path(out)
            outputs = plan_outputs(inputs, self.out_dir, batch.fmt)
            self.units = [_Unit(i, o) for i, o in zip(inputs, outputs, strict=True)]
            del outputs
            self.summary.manifest = self.out_dir / MANIFEST_NAME
        self.slots: dict[int, tuple[_Unit, str, tuple[tuple[str, Any], ...]]] = {}
        self.done: dict[int, PageResult] = {}
        self.next_seq = 0
        self.next_emit = 0
        self.stopped = False

    def _output(self, unit: _Unit) -> Path | None:
        """Where the unit's output goes (None in a stream)."""
        return None if unit.label is None else self.out_dir / unit.label

    # -- the run ---------------------------------------------------------------------------

    def go(self, page_fn: PageFn | None, client: Any) -> Summary:
        start = time.monotonic()
        jobs = self.batch.jobs or available_cpus()
        if all(u.input.kind == "page" for u in self.units):
            jobs = max(1, min(jobs, len(self.units)))
        pool = self._pool(jobs, page_fn, client)
        self.ship_bytes = getattr(pool, "ships_bytes", False)
        if self.summary.manifest is not None:
            if self.batch.resume:
                self.previous = manifest_mod.load(self.summary.manifest)
            self.manifest = manifest_mod.ManifestWriter(self.summary.manifest)
        if self.out_file is not None:
            self.sink, self.sink_tmp = _new_temp(self.out_file)
        if self.reporter is not None:
            self.reporter.start(len(self.units))
        finished = False
        try:
            with pool:
                max_ahead = max(256, 64 * jobs)
                for result in pool.imap_unordered(self._tasks(), max_ahead=max_ahead):
                    self.done[result.seq] = result
                    self._emit()
                    if self.stopped:
                        break
            self._emit()
            finished = True
        finally:
            self._finish(finished)
            self.summary.seconds = time.monotonic() - start
            if self.reporter is not None:
                self.reporter.finish()
        return self.summary

    def _pool(self, jobs: int, page_fn: PageFn | None, client: Any) -> Any:
        if client is not None or self.batch.scheduler:
            from .cluster import DaskPool

            return DaskPool(
                client=client, scheduler=self.batch.scheduler, timeout=self.batch.timeout,
                page_fn=page_fn,
            )
        from .pool import LocalPool

        return LocalPool(jobs, timeout=self.batch.timeout, page_fn=page_fn)

    def _finish(self, finished: bool) -> None:
        """Write what is finished in order, drop partial archive outputs, close the files."""
        for seq in sorted(self.done):
            if seq in self.slots and self.slots[seq][1] == "page":
                self._handle(seq, self.done.pop(seq))
        for unit in self.units:
            self._discard(unit)
        if self.manifest is not None:
            self.manifest.close()
        if self.sink_tmp is not None and self.sink is not None and self.out_file is not None:
            self.sink.close()
            if finished:
                os.replace(self.sink_tmp, self.out_file)
            else:
                Path(self.sink_tmp).unlink(missing_ok=True)

    # -- tasks, in input order -------------------------------------------------------------

    def _seq(self, unit: _Unit, kind: str, head: tuple[tuple[str, Any], ...] = ()) -> int:
        seq = self.next_seq
        self.next_seq += 1
        self.slots[seq] = (unit, kind, head)
        return seq

    def _direct(self, unit: _Unit, kind: str, status: Any, error: str | None = None) -> None:
        seq = self._seq(unit, kind, (("source", unit.input.path),))
        self.done[seq] = PageResult(seq, status, error=error)

    def _tasks(self) -> Iterator[Task]:
        from ..loading import read_source

        for unit in self.units:
            if self.stopped:
                return
            item = unit.input
            if item.problem is not None:
                self._direct(unit, "page" if item.kind == "page" else "end", "error", item.problem)
                unit.error = item.problem
                continue
            if self.batch.resume and self._fresh(unit):
                self._direct(unit, "page", "skipped")
                continue
            if item.kind == "warc":
                yield from self._archive_tasks(unit)
                continue
            data = None
            if self.ship_bytes:
                try:
                    data = read_source(item.path)
                except BoilerstripError as exc:
                    self._direct(unit, "page", "error", exc.message)
                    continue
            head = (("source", item.path),)
            yield Task(self._seq(unit, "page", head), item.path, self.batch.fmt, self.options,
                       data=data, head=head)

    def _archive_tasks(self, unit: _Unit) -> Iterator[Task]:
        from .warc import read_archive

        path = unit.input.path
        output = self._output(unit)
        if output is not None:
            unit.tmp, unit.tmp_path = _new_temp(output)
        try:
            for number, page in enumerate(read_archive(path)):
                if self.stopped:
                    return
                if page is None:
                    unit.not_html += 1
                    self.summary.not_html += 1
                    continue
                head = (("source", path), ("uri", page.uri), ("date", page.date))
                yield Task(
                    self._seq(unit, "record", head), f"{path} record {number}", "jsonl",
                    self.options, data=page.payload, url=page.uri, head=head, nest="article",
                )
        except BoilerstripError as exc:
            unit.error = exc.message
        self._seq_end(unit)

    def _seq_end(self, unit: _Unit) -> None:
        seq = self._seq(unit, "end")
        self.done[seq] = PageResult(seq, "error" if unit.error else "ok", error=unit.error)

    def _fresh(self, unit: _Unit) -> bool:
        output = self._output(unit)
        if output is None:
            return False
        try:
            return os.stat(output).st_mtime_ns > os.stat(unit.input.path).st_mtime_ns
        except OSError:
            return False

    # -- results, in input order -----------------------------------------------------------

    def _emit(self) -> None:
        while self.next_emit in self.done:
            seq = self.next_emit
            self._handle(seq, self.done.pop(seq))
            self.next_emit += 1

    def _handle(self, seq: int, result: PageResult) -> None:
        unit, kind, head = self.slots.pop(seq)
        if kind == "record":
            line = result.text if result.status == "ok" and result.text else failure_line(head, result)
            self.summary.records[result.status] += 1
            if unit.records is None:
                unit.records = Counter()
            unit.records[result.status] += 1
            target = unit.tmp if unit.label is not None else self.sink
            if target is not None:
                target.write(line)
            return
        if kind == "page":
            self._page_done(unit, head, result)
        else:
            self._archive_done(unit, result)
        self.summary.counts[result.status] += 1
        if self.reporter is not None:
            self.reporter.advance(result.status)
        if self.batch.fail_fast and result.status in FAILED and not self.stopped:
            self.stopped = True
            self.summary.stopped = f"stopped at the first failure ({unit.input.path}: {result.status})"

    def _page_done(self, unit: _Unit, head: tuple[tuple[str, Any], ...], result: PageResult) -> None:
        if self.stream_mode:
            assert self.sink is not None
            ok = result.status == "ok" and result.text is not None
            self.sink.write(result.text if ok and result.text else failure_line(head, result))
            self.sink.flush()
            return
        output = self._output(unit)
        assert output is not None and self.manifest is not None
        if result.status == "ok" and result.text is not None:
            write_new(output, result.text, inputs=[unit.input.path], root=self.out_dir)
        elif result.status != "skipped" and output.is_file() and within(self.out_dir, output):
            output.unlink()  # a stale output from an earlier run would lie
        self.manifest.write(self._record(unit, result))

    def _record(self, unit: _Unit, result: PageResult) -> dict[str, Any]:
        path = unit.input.path
        if result.status == "skipped":
            earlier = self.previous.get(path, {})
            carried = {k: earlier[k] for k in manifest_mod.FIELDS[3:] if k in earlier and k != "error"}
            if "records" in earlier:
                carried["records"] = earlier["records"]
            return manifest_mod.make_record(path, unit.label, "skipped", **carried)
        output = unit.label if result.status == "ok" else None
        return manifest_mod.make_record(
            path, output, result.status,
            encoding=result.encoding, chars_kept=result.chars_kept,
            chars_dropped=result.chars_dropped, cleaners=result.cleaners, error=result.error,
        )

    def _archive_done(self, unit: _Unit, result: PageResult) -> None:
        ok = unit.error is None
        output = self._output(unit)
        if unit.tmp is not None and unit.tmp_path is not None and output is not None:
            unit.tmp.close()
            unit.tmp = None
            if ok:
                os.replace(unit.tmp_path, output)
            else:
                Path(unit.tmp_path).unlink(missing_ok=True)
            unit.tmp_path = None
        if not ok and output is not None and output.is_file() and within(self.out_dir, output):
            output.unlink()  # a stale output from an earlier run would lie
        if self.sink is not None:
            if not ok:  # the stream names every input that failed
                self.sink.write(failure_line((("source", unit.input.path),), result))
            self.sink.flush()
        if self.manifest is not None:
            records = unit.records or Counter()
            counts = {s: records[s] for s in ("ok", "no-article", "error", "timeout")}
            record = manifest_mod.make_record(
                unit.input.path, unit.label if ok else None, result.status, error=result.error,
                records={**counts, "not_html": unit.not_html},
            )
            self.manifest.write(record)

    def _discard(self, unit: _Unit) -> None:
        if unit.tmp is not None:
            unit.tmp.close()
            unit.tmp = None
        if unit.tmp_path is not None:
            Path(unit.tmp_path).unlink(missing_ok=True)
            unit.tmp_path = None
