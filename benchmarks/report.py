"""Render a run as ``BENCHMARKS.md``."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from collections.abc import Sequence
from typing import Any

from . import metric, speed
from .runner import ToolRun
from .speed import SpeedReport
from .tools import REFERENCE, Tool


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{platform.platform()}, {cpu}, {os.cpu_count()} cores"


def load_average() -> str:
    """The 1-minute load average now: timings from a busy machine are not comparable."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (OSError, AttributeError):
        return "unknown"


def _f(x: float | None, digits: int = 3) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def _label(run: ToolRun) -> str:
    return f"{run.tool} {run.version}" if run.version else run.tool


def quality_section(runs: list[ToolRun]) -> list[str]:
    lines: list[str] = []
    for ds in dict.fromkeys(r.dataset for r in runs):
        ds_runs = [r for r in runs if r.dataset == ds]
        ref = next((r for r in ds_runs if r.tool == REFERENCE and r.missing is None), None)
        ref_ms = ref.median_ms if ref else None
        pages = max((len(r.results) for r in ds_runs), default=0)
        rows: list[list[str]] = []
        floor_rows: list[list[str]] = []
        for r in ds_runs:
            if r.missing is not None:
                note = (
                    "not installed" if "No module" in r.missing else f"not available: {r.missing}"
                )
                rows.append([_label(r), note, "", "", "", "", ""])
                continue
            ratio = f"{r.median_ms / ref_ms:.2f}×" if ref_ms and r.median_ms is not None else "—"
            if r.timing_only:
                label = f"*{r.tool} (the floor: no output)*"
                floor_rows.append([label, "", "", "", "", _f(r.median_ms, 2), ratio])
                continue
            c = r.corpus
            failed = f"{r.failed}" + (f" ({r.errors} errors)" if r.errors else "")
            ci = metric.f1_interval([x.score for x in r.results])
            rows.append(
                [_label(r), _f(c.precision), _f(c.recall), f"**{c.f1:.3f}** ± {ci:.3f}", failed,
                 _f(r.median_ms, 1), ratio]
            )  # fmt: skip
        ran = [r for r in ds_runs if r.missing is None and r.results and not r.timing_only]
        if len(ran) > 1:
            best = metric.score_corpus(metric.oracle([[x.score for x in r.results] for r in ran]))
            rows.append(
                [f"*per-page best of these {len(ran)} (an oracle)*", _f(best.precision),
                 _f(best.recall), f"{best.f1:.3f}", "", "", ""]
            )  # fmt: skip
        rows += floor_rows
        lines += [f"### {ds} ({pages} pages)", ""]
        lines += _table(
            ["tool", "precision", "recall", "F1", "failed", "median ms/page", f"× {REFERENCE}"],
            rows,
        )
        lines.append("")
    return lines


def extras_section(runs: list[ToolRun]) -> list[str]:
    rows = []
    for r in runs:
        if r.missing is not None or r.timing_only or (r.byline_pages == 0 and r.caption_total == 0):
            continue
        byline = (
            f"{r.byline_hits / r.byline_pages:.3f} ({r.byline_hits}/{r.byline_pages})"
            if r.byline_pages
            else "n/a"
        )
        caps = (
            f"{r.caption_hits / r.caption_total:.3f} ({r.caption_hits}/{r.caption_total})"
            if r.caption_total
            else "n/a"
        )
        rows.append([f"{_label(r)}", r.dataset, byline, caps])
    if not rows:
        return []
    return [
        "## Bylines and captions",
        "",
        *_table(["tool", "dataset", "byline accuracy", "caption recall"], rows),
        "",
        "Byline: pages whose truth byline has name words; a hit needs every name word of the "
        "truth in the tool's byline and no e-mail address or date in it. Caption recall: the "
        "distinct `<figcaption>` texts of the truth article HTML (`expected/<id>.html`) found, "
        "normalised, in the tool's output (for boilerstrip: its captions or its text output).",
        "",
    ]


def speed_section(sp: SpeedReport) -> list[str]:
    lines = ["## Speed", ""]
    if sp.parse_ms:
        lines += [
            f"Physical floor: median of `lxml.html.document_fromstring` over the same "
            f"{sp.parse_pages} pages = {sp.parse_ms:.2f} ms, timed in turn with the tools.",
            "",
            *_table(
                ["tool", "median ms/page (all pages)", "× lxml parse"],
                [[t, f"{ms:.1f}", f"{x:.1f}×"] for t, ms, x in sp.floor],
            ),
            "",
        ]
    if sp.stages:
        lines += [
            f"Where boilerstrip's time goes (`python -m benchmarks.stages --warm`: each stage of "
            f"`strip` timed on every one of the {sp.stage_pages} pages after one untimed pass, and "
            "the text rendering; mean over all pages, where the tables above give medians):",
            "",
            *_table(
                ["stage", "mean ms/page", "share"],
                [[name, f"{ms:.2f}", f"{share:.0%}"] for name, ms, share in sp.stages],
            ),
            "",
        ]
    if sp.cold:
        base = dict((label, s) for label, s, _ in sp.cold)
        traf = base.get("trafilatura < page.html")
        rows = []
        for label, s, note in sp.cold:
            ratio = f"{s / traf:.2f}×" if s is not None and traf else "—"
            rows.append([f"`{label}`", _f(s, 3) if s is not None else f"failed: {note}", ratio])
        lines += [
            f"Cold start, one page from the shell ({sp.cold_page}), median wall time of "
            f"{speed.COLD_RUNS} runs "
            "after one warm-up round, the commands taking turns:",
            "",
            *_table(["command", "seconds", "× trafilatura CLI"], rows),
            "",
        ]
    if sp.scaling:
        rows = []
        first_per_mb: dict[str, float] = {}
        for tool, size, ms, note in sp.scaling:
            if ms is None:
                rows.append([tool, f"{size / 1e6:.2f}", f"failed: {note}", "", ""])
                continue
            per_mb = ms / (size / 1e6)
            first_per_mb.setdefault(tool, per_mb)
            rows.append(
                [tool, f"{size / 1e6:.2f}", f"{ms:.1f}", f"{per_mb:.1f}",
                 f"{per_mb / first_per_mb[tool]:.2f}"]
            )  # fmt: skip
        lines += [
            "Scaling on synthetic news pages (a real template, truth paragraphs repeated):",
            "",
            *_table(["tool", "MB", "ms", "ms per MB", "ms/MB vs smallest"], rows),
            "",
        ]
    if sp.memory:
        rows = []
        for m in sp.memory:
            size = int(m["size"])  # type: ignore[call-overload]
            if "peak_kb" not in m:
                rows.append([str(m["tool"]), str(m["page"]), f"{size / 1024:.0f}", "", "", "",
                             f"failed: {m.get('note', '')}"])  # fmt: skip
                continue
            base_kb = int(m["base_kb"])  # type: ignore[call-overload]
            peak_kb = int(m["peak_kb"])  # type: ignore[call-overload]
            bare = m.get("bare_kb")
            growth = _growth(m)
            rows.append(
                [str(m["tool"]), str(m["page"]), f"{size / 1024:.0f}",
                 f"{int(bare) / 1024:.0f}" if isinstance(bare, int) else "—",  # fmt: skip
                 f"{base_kb / 1024:.0f}", f"{peak_kb / 1024:.0f}", f"{growth:.1f}×"]
            )  # fmt: skip
        lines += [
            "Peak memory of one page in a fresh process, turned into the text each tool's command "
            "line prints (`VmHWM`, the peak resident set; *after import* is measured with the "
            "page's bytes read, before extraction; *lxml parse* is `lxml.html.document_fromstring` "
            "of the page and nothing else, the floor of a tool built on lxml):",
            "",
            *_table(
                [
                    "tool",
                    "page",
                    "page KB",
                    "bare python MB",
                    "after import MB",
                    "peak MB",
                    "(peak − after import) / page size",
                ],
                rows,
            ),  # fmt: skip
            "",
        ]
    if sp.batch:
        lines += [
            "Batch throughput, `boilerstrip DIR -o OUT -j N`:",
            "",
            *_table(["jobs", "pages/s", "note"], [[j, _f(r, 1), n] for j, r, n in sp.batch]),
            "",
        ]
    lines += [f"- {n}" for n in sp.notes]
    if sp.notes:
        lines.append("")
    return lines


def generic_rows(title: str, rows: list[dict[str, Any]]) -> list[str]:
    """A table of dict rows from a hook module (the union of their keys as columns)."""
    if not rows:
        return []
    keys = list(dict.fromkeys(k for r in rows for k in r))

    def cell(v: Any) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    body = [[cell(r.get(k, "")) for k in keys] for r in rows]
    return [f"## {title}", "", *_table(keys, body), ""]


def _mark(ok: bool | None) -> str:
    return "—" if ok is None else ("met" if ok else "**not met**")


def targets_section(runs: list[ToolRun], sp: SpeedReport | None) -> list[str]:
    """Issue 3's and issue 8's targets for boilerstrip, each against its measured value."""
    ours = {r.dataset: r for r in runs if r.tool == "boilerstrip" and r.missing is None}
    runs = [r for r in runs if not r.timing_only]
    ref = {r.dataset: r for r in runs if r.tool == REFERENCE and r.missing is None}
    if not ours:
        return []
    rows: list[list[str]] = []
    aeb, moz = ours.get("scrapinghub-aeb"), ours.get("mozilla-readability")
    if aeb:
        f1 = aeb.corpus.f1
        rows.append(["scrapinghub-aeb body F1 ≥ 0.975", f"{f1:.3f}", _mark(f1 >= 0.975)])
    if moz and "mozilla-readability" in ref:
        f1, rf1 = moz.corpus.f1, ref["mozilla-readability"].corpus.f1
        rows.append(
            [f"mozilla-readability body F1 ≥ {REFERENCE} + 0.02 ({rf1 + 0.02:.3f})", f"{f1:.3f}",
             _mark(f1 >= rf1 + 0.02)]
        )  # fmt: skip
    if moz and moz.byline_pages:
        acc = moz.byline_hits / moz.byline_pages
        rows.append(
            ["mozilla-readability byline accuracy ≥ 0.90", f"{acc:.3f}", _mark(acc >= 0.90)]
        )
    for ds, run in ours.items():
        if ds in ref:
            c, rc = run.corpus, ref[ds].corpus
            ok = c.precision >= rc.precision and c.recall >= rc.recall
            rows.append(
                [f"{ds}: precision and recall ≥ {REFERENCE}'s ({rc.precision:.3f} / {rc.recall:.3f})",
                 f"{c.precision:.3f} / {c.recall:.3f}", _mark(ok)]
            )  # fmt: skip
    if sp is not None:
        floor = {t: (ms, x) for t, ms, x in sp.floor}
        if "boilerstrip" in floor and REFERENCE in floor:
            ratio = floor["boilerstrip"][0] / floor[REFERENCE][0]
            rows.append(
                [
                    f"median ms/page ≤ 0.75× {REFERENCE} (all pages)",
                    f"{ratio:.2f}×",
                    _mark(ratio <= 0.75),
                ]
            )
        if "boilerstrip" in floor:
            x = floor["boilerstrip"][1]
            rows.append(["median ms/page ≤ 8× lxml parse", f"{x:.1f}×", _mark(x <= 8)])
        cold = {label: sec for label, sec, _ in sp.cold}
        ours_s, ref_s = cold.get("boilerstrip page.html"), cold.get("trafilatura < page.html")
        if ours_s and ref_s:
            rows.append(
                ["cold start ≤ 0.5× `trafilatura < page.html`", f"{ours_s / ref_s:.2f}×",
                 _mark(ours_s / ref_s <= 0.5)]
            )  # fmt: skip
        per_mb = [
            ms / (size / 1e6)
            for t, size, ms, _ in sp.scaling
            if t == "boilerstrip" and ms is not None
        ]
        if len(per_mb) >= 2:
            growth = per_mb[-1] / per_mb[0]
            rows.append(
                ["linear cost: ms/MB at the largest page ≤ 1.5× the smallest's", f"{growth:.2f}×",
                 _mark(growth <= 1.5)]
            )  # fmt: skip
        floors = {m["page"]: m for m in sp.memory if m["tool"] == "lxml parse" and "peak_kb" in m}
        for m in sp.memory:
            if m["tool"] == "boilerstrip" and "peak_kb" in m:
                size_kb = int(m["size"]) / 1024  # type: ignore[call-overload]
                base, peak = int(m["base_kb"]), int(m["peak_kb"])  # type: ignore[call-overload]
                limit = base + 10 * size_kb
                floor = floors.get(m["page"])
                parse_alone = "" if floor is None else f"; lxml parse alone: {_growth(floor):.1f}× page"
                rows.append(
                    [f"peak memory ≤ 10× page + baseline ({m['page']})",
                     f"{peak / 1024:.1f} MB (limit {limit / 1024:.1f} MB{parse_alone})", _mark(peak <= limit)]
                )  # fmt: skip
    return [
        "## Targets (issues 3 and 8)",
        "",
        *_table(["target", "boilerstrip", ""], rows),
        "",
    ]


def _growth(probe: dict[str, object]) -> float:
    """A memory probe's peak above its baseline, in page sizes."""
    peak, base, size = (int(probe[k]) for k in ("peak_kb", "base_kb", "size"))  # type: ignore[call-overload]
    return (peak - base) * 1024 / size


def render(
    runs: list[ToolRun],
    tools: list[Tool],
    command: str,
    speed: SpeedReport | None,
    extra: list[list[str]] | None = None,
    started: dt.datetime | None = None,
    elapsed_s: float | None = None,
    load_at_start: str | None = None,
    interleaved: bool = True,
) -> str:
    when = (started or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    versions = ", ".join(
        f"{t.name} {t.version or 'not installed'}" for t in tools if not t.timing_only
    )
    lines = [
        "# Benchmarks",
        "",
        "<!-- generated by the benchmark harness; do not edit by hand -->",
        "",
        f"Generated by `{command}` on {when}"
        + (f" (run took {elapsed_s:.0f} s)." if elapsed_s else "."),
        "",
        f"- Machine: {machine()}; load average {load_at_start or '?'} at the start, "
        f"{load_average()} at the end (timings are only comparable on an idle machine)",
        f"- Python: {sys.version.split()[0]} ({platform.python_implementation()})",
        f"- Tools: {versions}",
        "",
        "## Article body",
        "",
        'The article-extraction-benchmark metric: 4-token shingles of `re.findall(r"\\w+")`, '
        "per-page precision and recall of the normalised tp/fp/fn, corpus precision and recall "
        "the means over pages, F1 of the two means; ± is the 95% bootstrap interval over pages "
        "(1000 resamples, seed 0). Boilerstrip is scored on its `body` blocks "
        "(no captions, byline or comments). *failed* = pages with an exception or empty output. "
        "Times: `time.perf_counter` around the one extraction call per page, same pages in the "
        "same order for every tool, one untimed warm-up call per tool first"
        + (
            "; the tools take turns page by page (the first one rotating), so that load "
            "changes during the run touch them alike."
            if interleaved
            else "; each tool over all pages before the next (`--sequential`)."
        ),
        "",
        *quality_section(runs),
    ]
    lines[lines.index("## Article body") : lines.index("## Article body")] = targets_section(
        runs, speed
    )
    lines += extras_section(runs)
    for block in extra or []:
        lines += block
    if speed is not None:
        lines += speed_section(speed)
    notes = [f"- {t.name}: {t.note}" for t in tools if t.note]
    if notes:
        lines += ["## How each tool is called", "", *notes, ""]
    return "\n".join(lines).rstrip() + "\n"
