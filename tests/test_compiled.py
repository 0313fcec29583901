"""The compiled build (setup.py: the hot modules compiled by mypyc) gives what the source gives.

A regular install runs the compiled modules; the tests of an editable install run the source. This
test builds the wheel a regular install would get, unpacks it, and strips the fixtures and the
bench pages with both builds in child processes: titles, bylines, dates, blocks, text and every
drop record must be the same, and so must the cleaners' summaries (read from the source when the
compiled functions keep no docstrings).

Building takes a minute or two (mypy's analysis and a C compile): it runs in CI (``CI`` set) or
when ``BOILERSTRIP_TEST_COMPILED=1``, and is skipped otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
WANTED = bool(os.environ.get("BOILERSTRIP_TEST_COMPILED") or os.environ.get("CI"))
pytestmark = pytest.mark.skipif(not WANTED, reason="builds the mypyc wheel: set BOILERSTRIP_TEST_COMPILED=1 (CI does)")

_CHILD = r"""
import json, sys
import boilerstrip
from boilerstrip.registry import default_pipeline
out = {"compiled": boilerstrip.compiled(), "summaries": [c.summary for c in default_pipeline()], "pages": {}}
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    try:
        a = boilerstrip.strip(data)
    except boilerstrip.BoilerstripError as exc:
        out["pages"][path] = f"{type(exc).__name__}: {exc}"
        continue
    out["pages"][path] = {
        "title": a.title, "byline": a.byline, "date": a.date, "text": a.text,
        "blocks": [[b.kind, b.text] for b in a.blocks],
        "drops": [[d.cleaner, d.reason, d.path] for d in a.dropped],
    }
json.dump(out, sys.stdout)
"""


def _pages() -> list[str]:
    pages = sorted(str(p) for p in (REPO / "fixtures").glob("*/page.*"))
    shared = Path(os.environ.get("BOILERSTRIP_SHARED", REPO.parent / "shared"))
    pages += sorted(str(p) for p in shared.glob("bench/*/html/*.html"))
    return pages


def _strip_with(pythonpath: Path, pages: list[str]) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    done = subprocess.run([sys.executable, "-c", _CHILD, *pages], env=env, capture_output=True, text=True, cwd=pythonpath)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def compiled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of a regular install, built from a copy of the sources and unpacked."""
    tree = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(REPO / name, tree / name)
    shutil.copytree(REPO / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.so"))
    wheels = tmp_path_factory.mktemp("wheels")
    env = {k: v for k, v in os.environ.items() if k != "BOILERSTRIP_PURE_PYTHON"}
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(tree)],
        env=env, capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    site = tmp_path_factory.mktemp("site")
    (wheel,) = wheels.glob("boilerstrip-*.whl")
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    return site


def test_the_compiled_build_strips_every_page_as_the_source_does(compiled_site: Path) -> None:
    pages = _pages()
    compiled = _strip_with(compiled_site, pages)
    source = _strip_with(REPO / "src", pages)
    assert compiled["compiled"] is True  # the wheel's modules were compiled, not the .py files
    assert source["compiled"] is False
    assert compiled["summaries"] == source["summaries"]
    assert all(compiled["summaries"])
    differing = [p for p in pages if compiled["pages"][p] != source["pages"][p]]
    assert differing == []
