"""Run tools over datasets: one warm-up call, then every page timed in the same order."""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from . import metric
from .datasets import BenchPage, Dataset, figcaptions
from .tools import Output, Tool, ToolMissing

Progress = Callable[[str], None]


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class PageResult:
    page: BenchPage
    ms: float
    output: Output | None
    error: str | None
    score: metric.PageScore

    @property
    def failed(self) -> bool:
        return self.output is None or not self.output.text.strip()


@dataclass
class ToolRun:
    """One tool on one dataset."""

    tool: str
    version: str | None
    dataset: str
    missing: str | None = None
    timing_only: bool = False
    results: list[PageResult] = field(default_factory=list)
    byline_hits: int = 0
    byline_pages: int = 0
    caption_hits: int = 0
    caption_total: int = 0

    @property
    def corpus(self) -> metric.CorpusScore:
        return metric.score_corpus(r.score for r in self.results)

    @property
    def failed(self) -> int:
        return sum(r.failed for r in self.results)

    @property
    def errors(self) -> int:
        return sum(r.error is not None for r in self.results)

    @property
    def times(self) -> list[float]:
        return [r.ms for r in self.results]

    @property
    def median_ms(self) -> float | None:
        return statistics.median(self.times) if self.results else None


def _call(tool: Tool, html: bytes, url: str | None) -> tuple[float, Output | None, str | None]:
    start = time.perf_counter()
    try:
        out = tool.extract(html, url)
    except Exception as exc:
        ms = (time.perf_counter() - start) * 1000
        return ms, None, f"{type(exc).__name__}: {exc}"[:300]
    return (time.perf_counter() - start) * 1000, out, None


def _start(tool: Tool, dataset: Dataset, progress: Progress) -> ToolRun:
    run = ToolRun(tool.name, tool.version, dataset.name, timing_only=tool.timing_only)
    try:
        tool.load()
    except ToolMissing as exc:
        run.missing = str(exc)
        progress(f"  {tool.name}: not available ({exc})")
    return run


def _finish(tool: Tool, run: ToolRun, pages_html: list[bytes], progress: Progress) -> None:
    if run.missing is not None:
        return
    if run.timing_only:
        progress(f"  {tool.name:<17} median={run.median_ms:.2f} ms")
        return
    _score_extras(tool, run, pages_html)
    c = run.corpus
    progress(
        f"  {tool.name:<17} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} "
        f"failed={run.failed} median={run.median_ms:.1f} ms"
    )


def _time_page(tool: Tool, run: ToolRun, page: BenchPage, html: bytes) -> None:
    ms, out, err = _call(tool, html, page.url)
    score = metric.score_page(page.body, out.text if out else "")
    run.results.append(PageResult(page, ms, out, err, score))


def run_dataset(
    tools: list[Tool],
    dataset: Dataset,
    pages_html: list[bytes],
    progress: Progress = stderr_progress,
    interleave: bool = True,
) -> list[ToolRun]:
    """Score every tool on ``dataset``; ``pages_html`` holds the pages' bytes in dataset order.

    Each tool makes one untimed warm-up call first. With ``interleave`` (the default) the
    tools take turns page by page, the first tool rotating, so that a change in the
    machine's load during the run touches every tool alike; otherwise each tool runs over
    all pages before the next starts. Either way every tool sees the pages in the same order.
    """
    runs = [_start(tool, dataset, progress) for tool in tools]
    live = [(tool, run) for tool, run in zip(tools, runs, strict=True) if run.missing is None]
    if dataset.pages:
        for tool, _ in live:
            _call(tool, pages_html[0], dataset.pages[0].url)  # warm-up, untimed
    # Results already made stay alive; freeze them so that the collector's passes do
    # not make whoever runs later pay for scanning them.
    gc.collect()
    gc.freeze()
    try:
        if interleave:
            for i, (page, html) in enumerate(zip(dataset.pages, pages_html, strict=True)):
                k = i % len(live) if live else 0
                for tool, run in live[k:] + live[:k]:
                    _time_page(tool, run, page, html)
                if (i + 1) % 50 == 0:
                    progress(f"  {i + 1}/{len(dataset)} pages")
        else:
            for tool, run in live:
                for page, html in zip(dataset.pages, pages_html, strict=True):
                    _time_page(tool, run, page, html)
                gc.collect()
    finally:
        gc.unfreeze()
    for tool, run in zip(tools, runs, strict=True):
        _finish(tool, run, pages_html, progress)
    return runs


def run_tool(
    tool: Tool,
    dataset: Dataset,
    pages_html: list[bytes],
    progress: Progress = stderr_progress,
) -> ToolRun:
    """Score one tool on ``dataset`` (see ``run_dataset``)."""
    return run_dataset([tool], dataset, pages_html, progress)[0]


def _score_extras(tool: Tool, run: ToolRun, pages_html: list[bytes]) -> None:
    """Byline accuracy (pages with a truth byline) and caption recall (pages with expected HTML)."""
    for res, html in zip(run.results, pages_html, strict=True):
        page = res.page
        if tool.has_byline and metric.name_tokens(page.byline):
            run.byline_pages += 1
            found: str | None = None
            if res.output is not None:
                try:
                    found = tool.byline(html, page.url, res.output)
                except Exception:
                    found = None
            run.byline_hits += metric.byline_matches(page.byline, found)
        captions = list(dict.fromkeys(figcaptions(page)))
        if captions:
            run.caption_total += len(captions)
            text = res.output.caption_text if res.output else ""
            run.caption_hits += sum(metric.contains(text, c) for c in captions)


def run_all(
    datasets: list[Dataset],
    tools: list[Tool],
    progress: Progress = stderr_progress,
    interleave: bool = True,
) -> list[ToolRun]:
    runs: list[ToolRun] = []
    for ds in datasets:
        progress(f"{ds.name}: {len(ds)} pages")
        html = [p.html for p in ds.pages]
        runs.extend(run_dataset(tools, ds, html, progress, interleave))
    return runs
