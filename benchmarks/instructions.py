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
"""

from __future__ import annotations

import argparse
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
import boilerstrip
pages = [p for name in datasets.available() if {dataset!r} in (None, name) for p in datasets.load(name).pages][::5][:{n}]
boilerstrip.strip(b"<html><body><p>A warm-up page with one paragraph of text in it.</p></body></html>")
for page in pages:
    try:
        boilerstrip.strip(page.html, url=page.url).text
    except Exception:
        pass
"""
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def count(pages: int, src: Path | None, dataset: str | None = None) -> int:
    """Instructions valgrind counts for a child process stripping ``pages`` pages."""
    paths = [str(p) for p in (src, REPO_ROOT) if p is not None]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", _CHILD.format(paths=paths, n=pages, dataset=dataset)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    found = _REFS.search(done.stderr)
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
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 2
    base = count(0, args.src)
    total = count(args.n, args.src, args.dataset)
    where = f"{args.n} pages of {args.dataset or 'the bench'}, {args.src or 'this checkout'}"
    print(f"{(total - base) / args.n / 1e6:.1f} M instructions per page ({where})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
