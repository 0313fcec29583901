"""Hostile pages through the whole ``strip`` pipeline: time, growth with size, peak memory (issue 7).

Each case is built at ¼, ½ and the full size and stripped in a fresh subprocess, which reports
the time of every stage (decode, parse, metadata, each cleaner, blocks), the outcome (an
article, a typed error, or a crash) and its peak RSS. From the repository root::

    python -m benchmarks.hostile_eval                       # every case, full size (~5 min)
    python -m benchmarks.hostile_eval --cases comments-10k,siblings-100k --scale 0.5
    python -m benchmarks.hostile_eval --output /tmp/hostile.md

``growth`` is the full-size time over the ¼-size time: about 4 when the cost is linear in the
size, about 16 when it is quadratic. ``slowest stages`` names where the full-size time goes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EN = "The city council voted on Tuesday to expand the night bus network to three new districts, officials said."
KO = "서울시는 오늘 심야버스 노선을 세 개 구로 확대한다고 발표했다. 시민들은 이 정책이 귀갓길을 줄일 것으로 기대한다."
ARTICLE = "<article><h1>Night buses</h1>" + f"<p>{EN}</p>" * 3 + "</article>"


def _page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}<title>Night buses</title></head><body>{body}</body></html>".encode()


def _repeat(chunk: str, megabytes: float) -> str:
    return chunk * max(1, int(megabytes * 1_000_000 // len(chunk.encode())))


def _article_20mb(s: float) -> bytes:
    chunk = (f"<div class='story'><h2>Night buses</h2><p>{EN} <a href='/more'>more</a> {KO}</p>"
             "<figure><img src='depot.jpg' alt=''><figcaption>The depot. Photo: Jane Doe</figcaption></figure></div>\n")
    return _page(_repeat(chunk, 20 * s))


def _sidebars_20mb(s: float) -> bytes:
    chunk = (f"<div class='story'><h2>Night buses</h2><p>{EN} {KO}</p>"
             "<ul class='links'><li><a href='/a'>More</a></li><li><a href='/b'>Share</a></li></ul>"
             "<aside class='sidebar'><p>Most read</p></aside></div>\n")
    return _page(_repeat(chunk, 20 * s))


def _nested(s: float) -> bytes:
    n = int(100_000 * s)
    return _page(ARTICLE.replace("</article>", "<div>" * n + "deep" + "</div>" * n + "</article>"))


def _nested_inline(s: float) -> bytes:
    n = int(100_000 * s)
    return _page(ARTICLE.replace("</article>", "<p>" + "<span>" * n + "deep" + "</span>" * n + "</p></article>"))


def _siblings(s: float) -> bytes:
    paragraphs = "".join(f"<p>Paragraph {i} of the council story, with a few words of its own.</p>"
                         for i in range(int(100_000 * s)))
    return _page(ARTICLE.replace("</article>", paragraphs + "</article>"))


def _line(s: float) -> bytes:
    return ("word " * int(1_000_000 * s)).encode()


def _attributes(s: float) -> bytes:
    attrs = " ".join(f'data-a{i}="v{i}"' for i in range(int(50_000 * s)))
    return _page(ARTICLE.replace("</article>", f"<p {attrs}>Fifty thousand attributes.</p></article>"))


def _comments(s: float) -> bytes:
    thread = ("<ul class='comments'><li class='comment'><p>Finally, a bus that runs after midnight!</p>"
              "<ul class='replies'><li class='comment'><p>Agreed, about time.</p></li></ul></li></ul>")
    return _page(ARTICLE + "<section id='comments'>" + thread * int(10_000 * s) + "</section>")


def _json_ld(s: float) -> bytes:
    n = int(100_000 * s)
    return _page(ARTICLE, head='<script type="application/ld+json">' + "[" * n + "]" * n + "</script>")


CASES: dict[str, Callable[[float], bytes]] = {
    "20mb-article": _article_20mb,
    "20mb-sidebars": _sidebars_20mb,
    "nested-100k": _nested,
    "nested-inline-100k": _nested_inline,
    "siblings-100k": _siblings,
    "line-5mb": _line,
    "attributes-50k": _attributes,
    "comments-10k": _comments,
    "json-ld-nested-100k": _json_ld,
}
FRACTIONS = (0.25, 0.5, 1.0)


# -- child: one case at one size, in its own process ----------------------------------------


def _rss_kb(key: str) -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def child(case: str, scale: float) -> dict[str, Any]:
    """Strip one page stage by stage, as ``core.strip`` does, timing each stage."""
    from boilerstrip.core import read_page
    from boilerstrip.errors import BoilerstripError, NoArticle
    from boilerstrip.extract.blocks import build_blocks
    from boilerstrip.loading import decode
    from boilerstrip.options import Options
    from boilerstrip.parse import parse_html
    from boilerstrip.registry import pipeline_for

    data = CASES[case](scale)
    options = Options(user_rules=False)
    pipeline = pipeline_for(options)
    base_kb = _rss_kb("VmRSS")
    stages: list[tuple[str, float]] = []
    outcome = "article"
    current = "decode"
    start = time.perf_counter()
    try:
        mark = time.perf_counter()
        text = decode(data).text
        stages.append(("decode", time.perf_counter() - mark))
        del data
        current, mark = "parse", time.perf_counter()
        root = parse_html(text)
        stages.append((current, time.perf_counter() - mark))
        current, mark = "metadata", time.perf_counter()
        page = read_page(root, url=None, options=options)
        stages.append((current, time.perf_counter() - mark))
        for cleaner in pipeline.active("html"):
            current, mark = cleaner.name, time.perf_counter()
            page.current = cleaner.name
            cleaner.fn(page)
            stages.append((current, time.perf_counter() - mark))
        current, mark = "blocks", time.perf_counter()
        blocks = build_blocks(page.article_root(), title=page.meta.headline or page.meta.title)
        stages.append((current, time.perf_counter() - mark))
        if not any(b.kind != "caption" for b in blocks):
            raise NoArticle("no article found")
    except BoilerstripError as exc:
        outcome = type(exc).__name__
    except RecursionError:
        outcome = f"CRASH RecursionError in {current}"
    return {
        "case": case, "scale": scale, "seconds": time.perf_counter() - start, "outcome": outcome,
        "stages": stages, "base_kb": base_kb, "peak_kb": _rss_kb("VmHWM"),
    }


# -- parent: every case at every size, each in a fresh process ------------------------------


@dataclass
class Row:
    case: str
    megabytes: float = 0.0
    runs: dict[float, dict[str, Any]] = field(default_factory=dict)


def run_child(case: str, scale: float, timeout: float) -> dict[str, Any]:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.hostile_eval", "--child", case, str(scale)],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
    except subprocess.TimeoutExpired:
        return {"case": case, "scale": scale, "seconds": timeout, "outcome": f"TIMEOUT > {timeout:.0f} s",
                "stages": [], "base_kb": 0, "peak_kb": 0}
    if done.returncode != 0 or not done.stdout.strip():
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"case": case, "scale": scale, "seconds": 0.0, "outcome": f"CRASH {last[:80]}",
                "stages": [], "base_kb": 0, "peak_kb": 0}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(cases: list[str], scale: float, timeout: float) -> list[Row]:
    rows = []
    for case in cases:
        row = Row(case, megabytes=len(CASES[case](scale)) / 1e6)
        for fraction in FRACTIONS:
            result = run_child(case, scale * fraction, timeout)
            row.runs[fraction] = result
            print(f"{case} ×{scale * fraction:g}: {result['seconds']:.2f} s {result['outcome']}",
                  file=sys.stderr, flush=True)
        rows.append(row)
    return rows


def report(rows: list[Row], scale: float) -> str:
    lines = [
        f"# Hostile pages through `strip` (scale {scale:g})",
        "",
        f"Machine: {sys.platform}, Python {sys.version.split()[0]}; command: "
        f"`python -m benchmarks.hostile_eval --scale {scale:g}`.",
        "",
        "| case | MB | ¼ size s | ½ size s | full s | growth (linear 4) | peak RSS MB (+ over start) | outcome | slowest stages (full size) |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        quarter, half, full = (row.runs[f] for f in FRACTIONS)
        growth = full["seconds"] / quarter["seconds"] if quarter["seconds"] > 0.01 else float("nan")
        top = sorted(full["stages"], key=lambda st: -st[1])[:3]
        stages = ", ".join(f"{name} {sec:.1f} s" for name, sec in top)
        peak = full["peak_kb"] / 1024
        extra = (full["peak_kb"] - full["base_kb"]) / 1024
        lines.append(
            f"| {row.case} | {row.megabytes:.1f} | {quarter['seconds']:.2f} | {half['seconds']:.2f} | "
            f"{full['seconds']:.2f} | {growth:.1f} | {peak:.0f} (+{extra:.0f}) | {full['outcome']} | {stages} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", help="comma-separated, of: " + ", ".join(CASES))
    parser.add_argument("--scale", type=float, default=1.0, help="size factor of every case (default 1)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run before it is a hang")
    parser.add_argument("--output", help="write the Markdown table here instead of stdout")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "SCALE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], float(args.child[1]))))
        return 0
    cases = [c.strip() for c in args.cases.split(",")] if args.cases else list(CASES)
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)}; valid: {', '.join(CASES)}")
    text = report(measure(cases, args.scale, args.timeout), args.scale)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
