"""Speed measurements beyond per-page medians (issue 8).

- floor: each tool's median ms/page over ``lxml.html.document_fromstring`` on the same pages;
- cold start: ``boilerstrip page.html`` vs ``trafilatura < page.html`` as subprocesses;
- scaling: ms per MB on synthetic news-like pages of ~100 KB, 1 MB and 10 MB;
- memory: peak RSS of one page in a fresh subprocess against the interpreter's baseline;
- batch: ``boilerstrip DIR -o OUT -j N`` throughput with 1 and 2 jobs, when the CLI has it.
"""

from __future__ import annotations

import contextlib
import html as html_lib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html as lxml_html

from .datasets import REPO_ROOT, BenchPage, Dataset, shared_dir
from .runner import Progress, ToolRun, stderr_progress
from .tools import LxmlParse, Tool, ToolMissing, by_names


@dataclass
class SpeedReport:
    parse_ms: float | None = None
    parse_pages: int = 0
    floor: list[tuple[str, float, float]] = field(default_factory=list)
    """(tool, median ms over all pages, × lxml parse)."""
    cold_page: str = ""
    cold: list[tuple[str, float | None, str]] = field(default_factory=list)
    """(command label, median seconds or None, note)."""
    scaling: list[tuple[str, int, float | None, str]] = field(default_factory=list)
    """(tool, page bytes, ms or None, note)."""
    memory: list[dict[str, object]] = field(default_factory=list)
    batch: list[tuple[str, float | None, str]] = field(default_factory=list)
    stages: list[tuple[str, float, float]] = field(default_factory=list)
    """Where boilerstrip's time goes: (stage, mean ms a page, share of the time), costliest first."""
    stage_pages: int = 0
    notes: list[str] = field(default_factory=list)


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# --- physical floor -------------------------------------------------------------------


def parse_times(pages_html: list[bytes]) -> list[float]:
    """ms to parse each page with lxml alone (one untimed warm-up parse first)."""
    if pages_html:
        lxml_html.document_fromstring(pages_html[0])
    out = []
    for data in pages_html:
        start = time.perf_counter()
        with contextlib.suppress(Exception):
            lxml_html.document_fromstring(data)
        out.append((time.perf_counter() - start) * 1000)
    return out


def floor(report: SpeedReport, datasets: list[Dataset], runs: list[ToolRun]) -> None:
    """Each tool's median over the lxml parse's, from the parse timed in turn with the tools
    when the run did so, else from a separate pass over the same pages."""
    by_tool: dict[str, list[float]] = {}
    parse: list[float] = []
    for run in runs:
        if run.missing is None:
            (parse if run.timing_only else by_tool.setdefault(run.tool, [])).extend(run.times)
    if not parse:
        parse = parse_times([p.html for ds in datasets for p in ds.pages])
        report.notes.append("lxml parse timed in a separate pass after the tools")
    if not parse:
        return
    report.parse_ms = statistics.median(parse)
    report.parse_pages = len(parse)
    for tool, times in by_tool.items():
        med = statistics.median(times)
        report.floor.append((tool, med, med / report.parse_ms if report.parse_ms else 0.0))


# --- cold start -----------------------------------------------------------------------


def typical_page(datasets: list[Dataset]) -> BenchPage | None:
    """The page of median size over all datasets."""
    pages = sorted((p for ds in datasets for p in ds.pages), key=lambda p: (p.size, p.id))
    return pages[len(pages) // 2] if pages else None


def page_label(page: BenchPage) -> str:
    short = page.id if len(page.id) <= 24 else page.id[:12] + "…"
    return f"{page.dataset}/{short}"


def _script(name: str) -> Path | None:
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return candidate
    found = shutil.which(name)
    return Path(found) if found else None


def _run_once(cmd: list[str], stdin_path: Path | None) -> tuple[float | None, str]:
    stdin = stdin_path.open("rb") if stdin_path else None
    try:
        start = time.perf_counter()
        proc = subprocess.run(
            cmd,
            stdin=stdin or subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=120,
        )
        elapsed = time.perf_counter() - start
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"{type(exc).__name__}: {exc}"
    finally:
        if stdin:
            stdin.close()
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, f"exit {proc.returncode}: {err[-1] if err else ''}"[:200]
    return elapsed, ""


def wall_times(
    commands: list[tuple[str, list[str], Path | None]], runs: int
) -> list[tuple[str, float | None, str]]:
    """Median wall seconds of each command over ``runs``, after one warm-up round.

    The commands take turns in each round, so a change in the machine's load touches
    them all alike. A command that fails once is reported failed.
    """
    times: dict[str, list[float]] = {label: [] for label, _, _ in commands}
    failed: dict[str, str] = {}
    for i in range(runs + 1):
        for label, cmd, stdin in commands:
            if label in failed:
                continue
            sec, note = _run_once(cmd, stdin)
            if sec is None:
                failed[label] = note
            elif i:
                times[label].append(sec)
    return [
        (label, None, failed[label])
        if label in failed
        else (label, statistics.median(times[label]), "")
        for label, _, _ in commands
    ]


def installed_bytecode() -> None:
    """Byte-compile boilerstrip's modules, as ``pip install`` does for every package it installs.

    An editable install run with ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every
    module from source at each start, while the tools it is compared with start from the
    bytecode pip wrote into site-packages.
    """
    import compileall

    import boilerstrip

    compileall.compile_dir(str(Path(boilerstrip.__file__).parent), quiet=1)


# Rounds of the cold-start commands: one start takes 0.1-0.25 s, and on a shared machine a
# median of five moved by ±10% between runs of the harness.
COLD_RUNS = 11


def cold_start(report: SpeedReport, page: BenchPage, runs: int = COLD_RUNS) -> None:
    report.cold_page = f"{page_label(page)}, {page.size / 1024:.0f} KB"
    installed_bytecode()
    py = sys.executable
    # the warm-up round writes the compiled-regex cache, as any first run does; the last row
    # turns the cache off: what the very first run after an install costs
    commands: list[tuple[str, list[str], Path | None]] = [
        ("python -c pass (interpreter alone)", [py, "-c", "pass"], None),
        ("python -c 'import boilerstrip'", [py, "-c", "import boilerstrip"], None),
        ("python -c 'import trafilatura'", [py, "-c", "import trafilatura"], None),
        ("boilerstrip page.html", [py, "-m", "boilerstrip", str(page.html_path)], None),
        (
            "boilerstrip page.html, no regex cache (a first run)",
            ["env", "BOILERSTRIP_CACHE_DIR=", py, "-m", "boilerstrip", str(page.html_path)],
            None,
        ),
    ]
    traf = _script("trafilatura")
    if traf is not None:
        commands.append(("trafilatura < page.html", [str(traf)], page.html_path))
    report.cold.extend(wall_times(commands, runs))
    if traf is None:
        report.cold.append(("trafilatura < page.html", None, "trafilatura CLI not installed"))


# --- scaling --------------------------------------------------------------------------

_TEMPLATE_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}"><meta name="author" content="Jane Doe">
<link rel="stylesheet" href="/static/site.css"><script>window.dataLayer = [];</script></head>
<body><header class="site-header"><a class="logo" href="/">The Daily Example</a>
<nav class="main-nav"><ul>{nav}</ul></nav></header>
<div class="layout"><main><article class="story">
<h1 class="headline">{title}</h1>
<div class="byline">By <a href="/authors/jane-doe" rel="author">Jane Doe</a>
<time datetime="2024-05-02T10:00:00Z">May 2, 2024</time></div>
<div class="story-body">
"""
_TEMPLATE_FOOT = """</div>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</article></main>
<aside class="sidebar"><h2>Most read</h2><ul>{related}</ul></aside></div>
<footer class="site-footer"><p>&copy; 2024 The Daily Example. All rights reserved.</p>
<ul>{footer}</ul></footer></body></html>
"""


def paragraphs_from(datasets: list[Dataset], limit: int = 400) -> list[str]:
    """Long truth paragraphs to fill synthetic pages with real prose."""
    out: list[str] = []
    for ds in datasets:
        for page in ds.pages:
            out.extend(line.strip() for line in page.body.splitlines() if len(line.split()) >= 30)
            if len(out) >= limit:
                return out[:limit]
    return out or ["Lorem ipsum dolor sit amet, " * 20]


def synthetic_page(paragraphs: list[str], size: int) -> bytes:
    """A news-like page of about ``size`` bytes whose story repeats ``paragraphs``."""
    links = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(25))
    head = _TEMPLATE_HEAD.format(title="A synthetic story for timing", nav=links)
    foot = _TEMPLATE_FOOT.format(
        related="".join(
            f'<li><a href="/story/{i}">Another headline number {i}</a></li>' for i in range(10)
        ),
        footer=links,
    )
    parts = [head]
    total = len(head) + len(foot)
    i = 0
    while total < size:
        chunk = f"<p>{html_lib.escape(paragraphs[i % len(paragraphs)])}</p>\n"
        if i % 12 == 11:
            chunk += f"<h2>Part {i // 12 + 1}</h2>\n"
        parts.append(chunk)
        total += len(chunk.encode("utf-8"))
        i += 1
    parts.append(foot)
    return "".join(parts).encode("utf-8")


SCALING_SIZES = (100_000, 1_000_000, 10_000_000)


def _extractor(tool: Tool) -> Callable[[bytes], object]:
    return lambda data: tool.extract(data, None)


def scaling(
    report: SpeedReport,
    pages: dict[int, bytes],
    tools: list[Tool],
    progress: Progress = stderr_progress,
) -> None:
    fns: list[tuple[str, Callable[[bytes], object]]] = [
        ("lxml parse", lxml_html.document_fromstring)
    ]
    for tool in tools:
        try:
            tool.load()
        except ToolMissing:
            continue
        fns.append((tool.name, _extractor(tool)))
    for name, fn in fns:
        first = min(pages)
        try:
            fn(pages[first])  # warm-up
        except Exception as exc:
            for data in pages.values():
                report.scaling.append((name, len(data), None, f"{type(exc).__name__}"))
            continue
        for size, data in sorted(pages.items()):
            runs = 5 if size <= 200_000 else 3 if size <= 2_000_000 else 1
            try:
                ms = _median_ms(lambda d=data, f=fn: f(d), runs)  # type: ignore[misc]
                report.scaling.append((name, len(data), ms, ""))
            except Exception as exc:
                report.scaling.append((name, len(data), None, f"{type(exc).__name__}: {exc}"[:120]))
            progress(f"  scaling {name} {len(data) / 1e6:.1f} MB done")


# --- memory ---------------------------------------------------------------------------


def peak_rss_kb() -> int:
    """This process's peak resident set size in KB.

    ``VmHWM`` from ``/proc/self/status`` where it exists: Linux carries ``ru_maxrss`` (self
    and children alike) over ``fork``+``exec``, so a child of a large parent would report
    the parent's peak. Elsewhere ``ru_maxrss`` (KB on Linux, bytes on macOS).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def memprobe(tool_name: str, path: str) -> None:
    """Child side of the memory probe: import, note RSS, turn one page into the text the tool's
    command line prints, note peak RSS."""
    tool = LxmlParse() if tool_name == LxmlParse.name else by_names([tool_name])[0]
    tool.load()
    data = Path(path).read_bytes()
    base = peak_rss_kb()
    tool.render(data)
    peak = peak_rss_kb()
    print(json.dumps({"base_kb": base, "peak_kb": peak}))


def _bare_python_kb() -> int | None:
    code = "from benchmarks.speed import peak_rss_kb; print(peak_rss_kb())"
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, timeout=60, check=True
        )
        return int(out.stdout)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def memory(report: SpeedReport, tool_names: list[str], pages: list[tuple[str, Path]]) -> None:
    bare = _bare_python_kb()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    for label, path in pages:
        size = path.stat().st_size
        for name in tool_names:
            row: dict[str, object] = {"tool": name, "page": label, "size": size, "bare_kb": bare}
            try:
                proc = subprocess.run(
                    [sys.executable, "-m", "benchmarks", "_memprobe", name, str(path)],
                    capture_output=True, timeout=600, env=env, cwd=REPO_ROOT,
                )  # fmt: skip
                if proc.returncode != 0:
                    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
                    row["note"] = (err[-1] if err else f"exit {proc.returncode}")[:160]
                else:
                    row.update(json.loads(proc.stdout.decode().strip().splitlines()[-1]))
            except (OSError, subprocess.SubprocessError, ValueError) as exc:
                row["note"] = f"{type(exc).__name__}: {exc}"[:160]
            report.memory.append(row)


# --- batch ----------------------------------------------------------------------------


def batch(report: SpeedReport, dataset: Dataset, jobs: tuple[int, ...] = (1, 2)) -> None:
    """Batch throughput: ``benchmarks/batch_eval.py``'s measurement when it exists (every
    bench page, CPU time too), else ``boilerstrip DIR -o OUT -j N`` over one dataset here."""
    try:
        from . import batch_eval
    except ImportError:
        batch_eval = None  # type: ignore[assignment]
    if batch_eval is not None and hasattr(batch_eval, "throughput"):
        try:
            result = batch_eval.throughput(shared_dir(), jobs)
        except Exception as exc:
            report.notes.append(f"batch_eval.throughput failed: {type(exc).__name__}: {exc}")
            return
        for run in result.get("runs", []):
            note = (
                f"{run.get('pages')} pages in {run.get('seconds')} s, "
                f"CPU {run.get('cpu_seconds')} s, exit {run.get('exit_code')}"
            )
            report.batch.append((f"-j {run.get('jobs')}", run.get("pages_per_s"), note))
        report.notes.append(
            f"batch: -j {jobs[-1]} / -j {jobs[0]} throughput = {result.get('ratio')} "
            f"(from CPU time, as an idle machine would give: {result.get('cpu_bound_ratio')}; "
            f"target ≥ {result.get('target')}); `python -m benchmarks.batch_eval` also "
            "measures batch memory"
        )
        return
    cmd = [sys.executable, "-m", "boilerstrip"]
    helptext = ""
    for extra in ([], ["strip"]):
        try:
            proc = subprocess.run(cmd + extra + ["--help"], capture_output=True, timeout=60)
            helptext += proc.stdout.decode("utf-8", "replace")
        except (OSError, subprocess.SubprocessError):
            pass
    if "--jobs" not in helptext:
        report.notes.append(
            "batch throughput skipped: `boilerstrip DIR -o OUT -j N` is not available yet"
        )
        return
    src = dataset.root / "html"
    n = len(list(src.glob("*.html")))
    for j in jobs:
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            proc = subprocess.run(
                cmd + [str(src), "-o", out, "-j", str(j)], capture_output=True, timeout=1800
            )
            elapsed = time.perf_counter() - start
            written = sum(1 for p in Path(out).rglob("*") if p.is_file())
        note = f"{n} pages in {elapsed:.1f} s (process start included), {written} outputs"
        if proc.returncode != 0:
            note += f", exit {proc.returncode}"
        report.batch.append((f"-j {j}", n / elapsed if written else None, note))


STAGES_SHOWN = 12


def stage_costs(report: SpeedReport, datasets: list[Dataset]) -> None:
    """The top costs of a page (``benchmarks.stages``, every page stripped once untimed first):
    mean milliseconds a page of each stage of ``strip``, the rest summed in one row."""
    from . import stages

    pages = [(p.html, p.url) for ds in datasets for p in ds.pages]
    if not pages:
        return
    try:
        times = stages.measure(pages, warm=True)
    except Exception as exc:  # noted, as the other measurements' failures are
        report.notes.append(f"stage costs failed: {type(exc).__name__}: {exc}")
        return
    total = sum(sum(v) for v in times.values())
    if not total:
        return
    costs = sorted(((name, sum(v) * 1000 / len(pages), sum(v) / total) for name, v in times.items()),
                   key=lambda row: -row[1])  # fmt: skip
    shown, rest = costs[:STAGES_SHOWN], costs[STAGES_SHOWN:]
    if rest:
        shown.append((f"the other {len(rest)} stages", sum(r[1] for r in rest), sum(r[2] for r in rest)))
    report.stages = shown
    report.stage_pages = len(pages)


def measure(
    datasets: list[Dataset],
    runs: list[ToolRun],
    tool_names: list[str],
    progress: Progress = stderr_progress,
    sizes: tuple[int, ...] = SCALING_SIZES,
) -> SpeedReport:
    """Every speed measurement, in order; each part notes its own failures."""
    report = SpeedReport()
    progress("speed: lxml parse floor")
    floor(report, datasets, runs)
    page = typical_page(datasets)
    if page is not None:
        progress("speed: cold start")
        cold_start(report, page)
    progress("speed: scaling")
    paragraphs = paragraphs_from(datasets)
    synth = {size: synthetic_page(paragraphs, size) for size in sizes}
    scale_tools = [
        t
        for t in by_names(None)
        if t.name in ("boilerstrip", "trafilatura") and t.name in tool_names
    ]
    scaling(report, synth, scale_tools, progress)
    progress("speed: peak memory")
    with tempfile.TemporaryDirectory() as tmp:
        mem_pages: list[tuple[str, Path]] = []
        if page is not None:
            mem_pages.append((page_label(page), page.html_path))
        big = Path(tmp) / "synthetic-1mb.html"
        mem_size = 1_000_000 if 1_000_000 in synth else max(synth)
        big.write_bytes(synth[mem_size])
        mem_pages.append((f"synthetic {mem_size / 1e6:g} MB", big))
        # the parse alone is the floor: no tool built on lxml peaks lower
        probed = [n for n in ("boilerstrip", "trafilatura") if n in tool_names]
        memory(report, [*probed, LxmlParse.name], mem_pages)
    if "boilerstrip" in tool_names:
        progress("speed: boilerstrip's stages")
        stage_costs(report, datasets)
    if datasets:
        progress("speed: batch")
        batch(report, datasets[0])
    return report
