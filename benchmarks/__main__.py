"""``python -m benchmarks run|worst``: see ``python -m benchmarks --help``."""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import importlib
import pstats
import shlex
import sys
import time
from pathlib import Path
from typing import Any

from . import datasets, report, runner, speed, worst
from .tools import LxmlParse, Tool, ToolMissing, by_names

HOOKS = (
    # (module, section title): ``evaluate(datasets) -> list[dict]`` rows, or
    # ``markdown(datasets) -> str`` for a whole section.
    ("benchmarks.dumps_eval", "Plain-text dumps"),
    ("benchmarks.meta_eval", "Metadata"),
)


def _csv(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def _load_datasets(names: list[str] | None, limit: int | None) -> list[datasets.Dataset]:
    bench = datasets.bench_dir()
    found = datasets.available(bench)
    if not found:
        sys.exit(f"no datasets under {bench} (set {datasets.ENV_SHARED} to the shared directory)")
    chosen = names or found
    unknown = [n for n in chosen if n not in found]
    if unknown:
        sys.exit(f"unknown dataset(s) {', '.join(unknown)}; found: {', '.join(found)}")
    return [datasets.load(n, bench, limit) for n in chosen]


def _hook_sections(loaded: list[datasets.Dataset]) -> list[list[str]]:
    sections: list[list[str]] = []
    for modname, title in HOOKS:
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as exc:
            if exc.name == modname:
                continue
            sections.append([f"## {title}", "", f"{modname} failed to import: {exc}", ""])
            continue
        except Exception as exc:
            sections.append([f"## {title}", "", f"{modname} failed to import: {exc}", ""])
            continue
        if not hasattr(mod, "markdown") and not hasattr(mod, "evaluate"):
            continue
        print(f"{modname}: running", file=sys.stderr)
        try:
            if hasattr(mod, "markdown"):
                sections.append(str(mod.markdown(loaded)).rstrip().splitlines() + [""])
            elif hasattr(mod, "evaluate"):
                rows: list[dict[str, Any]] = list(mod.evaluate(loaded))
                sections.append(report.generic_rows(title, rows))
        except Exception as exc:
            sections.append(
                [f"## {title}", "", f"{modname} failed: {type(exc).__name__}: {exc}", ""]
            )
    return [s for s in sections if s]


def _profile(tool: Tool, loaded: list[datasets.Dataset]) -> None:
    try:
        tool.load()
    except ToolMissing as exc:
        print(f"profile: {tool.name} not available ({exc})", file=sys.stderr)
        return
    pages = [(p.html, p.url) for ds in loaded for p in ds.pages]
    prof = cProfile.Profile()
    prof.enable()
    for html, url in pages:
        with contextlib.suppress(Exception):
            tool.extract(html, url)
    prof.disable()
    for key in ("cumulative", "tottime"):
        print(
            f"\nprofile of {tool.name} over {len(pages)} pages, top 15 by {key}:", file=sys.stderr
        )
        pstats.Stats(prof, stream=sys.stderr).sort_stats(key).print_stats(15)


def cmd_run(args: argparse.Namespace) -> int:
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    load_at_start = report.load_average()
    loaded = _load_datasets(_csv(args.datasets), args.limit)
    names = _csv(args.tools)
    tools = by_names(names)
    timed = tools if args.no_speed else [*tools, LxmlParse()]
    runs = runner.run_all(loaded, timed, interleave=not args.sequential)
    tool_names = [t.name for t in tools]
    sizes = tuple(int(float(mb) * 1_000_000) for mb in _csv(args.scaling) or ["0.1"])
    sp = None if args.no_speed else speed.measure(loaded, runs, tool_names, sizes=sizes)
    extra = [] if args.no_hooks else _hook_sections(loaded)
    command = "python -m benchmarks " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    elapsed = time.perf_counter() - t0
    text = report.render(
        runs,
        timed,
        command.strip(),
        sp,
        extra,
        started,
        elapsed,
        load_at_start,
        not args.sequential,
    )
    Path(args.output).write_text(text, encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    if args.profile:
        _profile(by_names([args.profile])[0], loaded)
    return 0


def cmd_worst(args: argparse.Namespace) -> int:
    loaded = _load_datasets([args.dataset], args.limit)
    tool = by_names([args.tool])[0]
    ds = loaded[0]
    if args.page:
        pages = tuple(p for p in ds.pages if p.id in set(args.page))
        ds = datasets.Dataset(ds.name, ds.root, pages)
    run = runner.run_tool(tool, ds, [p.html for p in ds.pages])
    if run.missing is not None:
        print(f"{tool.name} is not available: {run.missing}", file=sys.stderr)
        return 1
    for line in worst.render(run, args.n, args.mode, args.max_lines):
        print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_memprobe"]:  # child side of the memory measurement
        speed.memprobe(argv[1], argv[2])
        return 0
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="score every tool on every dataset and write BENCHMARKS.md")
    run.add_argument("--datasets", help="comma-separated dataset names (default: all found)")
    run.add_argument("--tools", help="comma-separated tool names (default: all)")
    run.add_argument("--limit", type=int, help="first N pages of each dataset")
    run.add_argument("--no-speed", action="store_true", help="skip the speed section")
    run.add_argument("--no-hooks", action="store_true", help="skip dumps/metadata sections")
    run.add_argument(
        "--sequential",
        action="store_true",
        help="time each tool over all pages before the next (default: tools take turns per page)",
    )
    run.add_argument(
        "--scaling",
        default="0.1,1,10",
        metavar="MB,MB,...",
        help="sizes of the synthetic pages for the scaling table (default 0.1,1,10)",
    )
    run.add_argument("--output", default="BENCHMARKS.md")
    run.add_argument(
        "--profile", nargs="?", const="boilerstrip", metavar="TOOL",
        help="after the run, cProfile TOOL (default boilerstrip) over the pages; top 15 to stderr",
    )  # fmt: skip
    run.set_defaults(func=cmd_run)

    w = sub.add_parser("worst", help="a tool's worst pages by F1 with a diff of truth and output")
    w.add_argument("--tool", default="boilerstrip")
    w.add_argument("--dataset", default="scrapinghub-aeb")
    w.add_argument("-n", type=int, default=10)
    w.add_argument("--page", action="append", help="only this page id (repeatable)")
    w.add_argument("--limit", type=int)
    w.add_argument("--mode", choices=("diff", "lines"), default="diff",
                   help="unified diff, or lines missing (-) / extra (+)")  # fmt: skip
    w.add_argument("--max-lines", type=int, default=60, help="per page")
    w.set_defaults(func=cmd_worst)

    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ValueError as exc:
        parser.error(str(exc))
    return 2


if __name__ == "__main__":
    sys.exit(main())
