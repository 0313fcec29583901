"""Shared pytest set-up: the ``--regen-goldens`` flag of the fixture tests."""

from __future__ import annotations

import pytest


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
