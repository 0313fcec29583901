"""The same batch on a Dask cluster gives the same outputs and manifest as a local run."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from boilerstrip.batch import BatchOptions, run_batch
from boilerstrip.cli import main
from boilerstrip.errors import UsageError
from test_batch import PNG, make_tree, tree_bytes  # noqa: E402


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as running:
        yield running


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    make_tree(root, pages=6)
    (root / "binary.html").write_bytes(PNG)
    return root


def test_dask_outputs_equal_the_local_run(cluster: Any, pages: Path, tmp_path: Path) -> None:
    from distributed import Client

    local = run_batch([str(pages)], tmp_path / "local", batch=BatchOptions(jobs=2))
    with Client(cluster) as client:
        remote = run_batch([str(pages)], tmp_path / "dask", client=client)
    assert local.counts == remote.counts and remote.exit_code == 1
    assert tree_bytes(tmp_path / "dask") == tree_bytes(tmp_path / "local")


def test_cli_scheduler_option(cluster: Any, pages: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    local = runner.invoke(main, [str(pages), "-f", "jsonl", "-q"])
    remote = runner.invoke(main, [str(pages), "-f", "jsonl", "--scheduler", cluster.scheduler_address])
    assert remote.exit_code == local.exit_code == 1, remote.output
    assert remote.stdout == local.stdout


def test_scheduler_without_dask_is_a_usage_error(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(UsageError, match="boilerstrip\\[dask\\]"):
        run_batch([str(pages)], tmp_path / "out", batch=BatchOptions(scheduler="tcp://127.0.0.1:8786"))
    result = CliRunner().invoke(main, [str(pages), "-o", str(tmp_path / "o2"), "--scheduler", "tcp://x:1"])
    assert result.exit_code == 2, result.output
