"""A few seconds of the atheris fuzz target (``fuzz_strip.py``), when atheris is installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parents[1] / "fixtures"
RUNS = 100


def test_fuzz_target_runs_without_a_crash(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"  # libFuzzer adds new inputs to it: a copy, never the fixtures
    corpus.mkdir()
    for page in sorted(FIXTURES.glob("*/page.*")):
        shutil.copy(page, corpus / f"{page.parent.name}{page.suffix}")
    done = subprocess.run(
        [sys.executable, str(HERE / "fuzz_strip.py"), str(corpus), f"-dict={HERE / 'html.dict'}",
         f"-runs={RUNS}", "-seed=1", "-max_len=65536", "-timeout=20", "-rss_limit_mb=2048",
         f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False,
    )
    tail = "\n".join(done.stderr.splitlines()[-30:])
    assert done.returncode == 0, tail
    assert f"Done {RUNS} runs" in done.stderr, tail
    assert not list(tmp_path.glob("crash-*")) and not list(tmp_path.glob("timeout-*")), tail
