"""Choosing where extraction runs: FORMWORK_RUNNER / --runner and FORMWORK_DASK_ADDRESS, without a cluster."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.dask_runner import StoreNotVisible, extract_batch_task, task_runner
from formwork.cli import app
from formwork.settings import Limits, Settings


def test_the_default_runner_is_the_process_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().runner == "processes"
    monkeypatch.setenv("FORMWORK_RUNNER", "dask")
    monkeypatch.setenv("FORMWORK_DASK_ADDRESS", "tcp://10.0.0.5:8786")
    chosen = Settings()
    assert (chosen.runner, chosen.dask_address) == ("dask", "tcp://10.0.0.5:8786")


def test_an_address_names_an_existing_cluster_and_none_starts_a_local_one() -> None:
    assert task_runner(Settings(dask_address="tcp://10.0.0.5:8786")).address == "tcp://10.0.0.5:8786"
    local = task_runner(Settings(workers=3))
    assert local.address is None
    assert local.cluster_kwargs["n_workers"] == 3 and local.cluster_kwargs["threads_per_worker"] == 1


def test_a_worker_without_the_file_store_fails_its_batch_instead_of_quarantining_it(tmp_path: Path) -> None:
    items = [(1, str(tmp_path / "store" / "ab" / "missing.pdf"))]
    with pytest.raises(StoreNotVisible, match="not mounted"):
        extract_batch_task.fn(items, Limits(), str(tmp_path / "store"))
    (tmp_path / "store").mkdir()
    # With the store there, a missing file is the pipeline's ordinary unreadable file.
    [result] = extract_batch_task.fn(items, Limits(), str(tmp_path / "store"))
    assert (result.submission_id, result.status) == (1, "unreadable")


@pytest.mark.parametrize(("args", "message"), [
    (["--runner", "threads"], "--runner must be"),
    (["--runner", "dask", "--engine", "local"], "use it with --engine prefect"),
])
def test_a_runner_that_cannot_be_used_is_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "inbox").mkdir()
    result = CliRunner().invoke(app, ["process", str(tmp_path / "inbox"), "--db",
                                      f"sqlite:///{tmp_path / 'f.db'}", *args])
    assert result.exit_code != 0
    assert message in result.output and len(result.output.strip().splitlines()) == 1, result.output
