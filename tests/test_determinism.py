"""Same bytes in, same bytes out — across processes too, whatever the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCRIPT = (
    "import sys, boilerstrip; "
    "a = boilerstrip.strip(open(sys.argv[1], 'rb').read()); "
    "import json; sys.stdout.write(json.dumps(a.to_dict(dropped=True), ensure_ascii=False))"
)


def _run(page: Path, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(page)], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


@pytest.mark.parametrize("name", ["ko-news", "en-news"])
def test_output_and_drop_record_do_not_depend_on_the_hash_seed(name: str) -> None:
    page = FIXTURES / name / "page.html"
    assert _run(page, "1") == _run(page, "2")
