"""Instructions per page, counted by valgrind: a speed measure that does not vary run to run.

Wall time on a shared or virtual machine moves by ±10% between identical runs, too much to judge a
change worth a few percent. This runs ``strip`` (and the text rendering) once on each of N bench
pages under ``valgrind --tool=cachegrind`` and once on none, and prints the difference per page in
millions of instructions. Each page is stripped once, as in a batch: per-process memos help only as
much as they would there. The pages are every fifth bench page from the first dataset on (the first
20 all come from mozilla-readability); ``--dataset`` takes them from one dataset.

    python -m benchmarks.instructions                 # this checkout, 20 pages
    python -m benchmarks.instructions -n 40 --src ../other/src   # another checkout's package
    python -m benchmarks.instructions --dataset scrapinghub-aeb
    python -m benchmarks.instructions --cli            # one page from the shell, start to exit
    python -m benchmarks.instructions --against-trafilatura   # and trafilatura.extract on the same pages
    python -m benchmarks.instructions --fixed-cost     # what any page costs: a two-paragraph page, both tools
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .datasets import REPO_ROOT

_CHILD = """
import sys
sys.path[:0] = {paths!r}
from benchmarks import datasets
{setup}
pages = [p for name in datasets.available() if {dataset!r} in (None, name) for p in datasets.load(name).pages][::5][:{n}]
run(b"<html><body><p>A warm-up page with one paragraph of text in it.</p></body></html>", None)
for page in pages:
    try:
        run(page.html, page.url)
    except Exception:
        pass
"""
# What the child runs on each page, as the harness times it (boilerstrip's text rendered too)
_SETUP = {
    "boilerstrip": "import boilerstrip\ndef run(html, url): boilerstrip.strip(html, url=url).text",
    "trafilatura": (
        "import trafilatura\n"
        "def run(html, url): trafilatura.extract(html, url=url, include_comments=False)"
    ),
}
# A page of two short paragraphs under a headline and a byline: what every page costs, whatever
# its size (the parts of the work that do not grow with the page)
_SMALL_PAGE = (
    b"<html><head><title>A story</title></head><body><article><h1>A story</h1><p>By Jane Doe</p><p>"
    + b"Words of the story go here, a sentence or two. " * 6 + b"</p><p>"
    + b"More words follow in a second paragraph of the story. " * 5 + b"</p></article></body></html>"
)
_FIXED_CHILD = """
import sys
sys.path[:0] = {paths!r}
{setup}
for _ in range({warm}):
    run({page!r}, None)
for _ in range({n}):
    run({page!r}, None)
"""
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def count(pages: int, src: Path | None, dataset: str | None = None, tool: str = "boilerstrip") -> int:
    """Instructions valgrind counts for a child process stripping ``pages`` pages (or running
    another tool of ``_SETUP`` on them)."""
    paths = [str(p) for p in (src, REPO_ROOT) if p is not None]
    child = _CHILD.format(paths=paths, n=pages, dataset=dataset, setup=_SETUP[tool])
    return _valgrind(["-c", child], {})


def count_fixed(calls: int, src: Path | None, tool: str = "boilerstrip") -> int:
    """Instructions of a child process running ``tool`` ``calls`` times on ``_SMALL_PAGE``
    (after 20 untimed warm-up calls)."""
    paths = [str(p) for p in (src, REPO_ROOT) if p is not None]
    child = _FIXED_CHILD.format(paths=paths, setup=_SETUP[tool], warm=20, n=calls, page=_SMALL_PAGE)
    return _valgrind(["-c", child], {})


def count_cli(page: Path | None, src: Path | None) -> int:
    """Instructions of ``python -m boilerstrip PAGE`` from start to exit (``python -c pass``
    without a page): the one-page run from the shell the cold-start target is about."""
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(src) if src else None, os.environ.get("PYTHONPATH")]))}
    return _valgrind(["-m", "boilerstrip", str(page)] if page else ["-c", "pass"], env)


def count_trafilatura(page: Path) -> int:
    """Instructions of ``trafilatura < PAGE`` (what its command-line script runs)."""
    return _valgrind(["-c", "import sys; from trafilatura.cli import main; sys.exit(main())"], {}, stdin=page)


def _valgrind(args: list[str], env: dict[str, str], stdin: Path | None = None) -> int:
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as source:
        done = subprocess.run(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
             sys.executable, *args],
            stdin=source, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0", **env}, check=True,
        )  # fmt: skip
    found = _REFS.search(done.stderr.decode("utf-8", "replace"))
    if found is None:
        raise RuntimeError("valgrind printed no instruction count")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.instructions", description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=20, help="pages (every fifth bench page; default 20)")
    parser.add_argument("--src", type=Path, help="the src/ directory of another checkout to measure")
    parser.add_argument(
        "--dataset", help="take the pages from this dataset only (default: every fifth page of all, in order)"
    )
    parser.add_argument(
        "--against-trafilatura", action="store_true",
        help="count trafilatura.extract (default settings, no metadata) on the same pages too, and the ratio",
    )
    parser.add_argument(
        "--fixed-cost", action="store_true",
        help="count what a call costs on a page of two short paragraphs (boilerstrip and trafilatura.extract)",
    )
    parser.add_argument(
        "--cli", action="store_true",
        help="count `python -m boilerstrip PAGE` on the harness's cold-start page instead (run it once first: "
        "the regex cache)",
    )
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 2
    if args.cli:
        from . import datasets
        from .speed import typical_page

        page = typical_page([datasets.load(name) for name in datasets.available()])
        if page is None:
            print("no bench pages", file=sys.stderr)
            return 2
        total, bare = count_cli(page.html_path, args.src), count_cli(None, None)
        print(f"{total / 1e6:.1f} M instructions for `boilerstrip {page.html_path.name[:16]}…` from the shell "
              f"({bare / 1e6:.1f} M of them Python starting; {args.src or 'this checkout'})")
        with contextlib.suppress(subprocess.CalledProcessError):
            theirs = count_trafilatura(page.html_path)
            print(f"{theirs / 1e6:.1f} M for `trafilatura < page` ({total / theirs:.2f}x)")
        return 0
    if args.fixed_cost:
        calls = 200
        for tool, src in (("boilerstrip", args.src), ("trafilatura", None)):
            each = (count_fixed(calls, src, tool) - count_fixed(0, src, tool)) / calls
            print(f"{each / 1e6:.2f} M instructions a call of {tool} on a page of two short paragraphs")
        return 0
    base = count(0, args.src)
    total = count(args.n, args.src, args.dataset)
    where = f"{args.n} pages of {args.dataset or 'the bench'}, {args.src or 'this checkout'}"
    ours = (total - base) / args.n
    print(f"{ours / 1e6:.1f} M instructions per page ({where})")
    if args.against_trafilatura:
        theirs = (count(args.n, None, args.dataset, "trafilatura") - count(0, None, args.dataset, "trafilatura")) / args.n
        print(f"{theirs / 1e6:.1f} M for trafilatura.extract on the same pages ({ours / theirs:.2f}x; a mean over the "
              "pages, where the harness compares medians of wall time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
