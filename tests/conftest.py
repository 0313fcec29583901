"""Shared pytest set-up: the ``--regen-goldens`` flag of the fixture tests."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

# The compiled-regex cache of this test run: never the user's own cache directory.
_REGEX_CACHE = tempfile.mkdtemp(prefix="boilerstrip-test-cache-")
os.environ["BOILERSTRIP_CACHE_DIR"] = _REGEX_CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_REGEX_CACHE, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-goldens",
        action="store_true",
        default=False,
        help="write fixtures/*/expected.txt from the current output instead of comparing",
    )


@pytest.fixture
def regen_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was started with ``--regen-goldens``."""
    return bool(request.config.getoption("--regen-goldens"))


@pytest.fixture(autouse=True)
def no_user_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's own rules file (platformdirs config dir) never leaks into a test."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
