"""The sample through the Prefect flow with extraction on a Dask cluster, as docs/scaling.md deploys it.

A Dask scheduler and two single-threaded workers in their own processes
(``FORMWORK_DASK_ADDRESS``), a Prefect server whose own database is on the
PostgreSQL server of tests/scale/conftest.py, and ``formwork process --runner
dask``: every file must get exactly the outcome and reason codes the default
runner gave it, the records the same changes, and extraction must have run as
one ``extract-batch`` task per batch of forms.
"""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterName
from prefect.settings import PREFECT_API_URL, temporary_settings

from formwork import serve
from formwork.settings import Settings
from tests.ports import free_port
from tests.scale.conftest import (
    FORMS,
    LETTERS,
    Postgres,
    Run,
    clean_env,
    export,
    formwork,
    load_records,
    outcomes_from_export,
    process_args,
    state,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def prefect_on_postgres(postgres: Postgres, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``prefect server start`` with its database on PostgreSQL (asyncpg); its API URL."""
    home = tmp_path_factory.mktemp("prefect-home")
    database = postgres.new_database("prefect").rsplit("/", 1)[1]
    env = clean_env(PREFECT_HOME=str(home),
                    PREFECT_SERVER_DATABASE_CONNECTION_URL=postgres.url(database, driver="asyncpg"))
    server = serve.start_server(free_port(), home / "server.log", env=env, timeout=120)
    try:
        yield server.api_url
    finally:
        serve.stop_server(server)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Dask scheduler and a worker process with two single-threaded workers, on loopback; the scheduler's address."""
    logs = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    dask = str(Path(sys.executable).with_name("dask"))  # the dask command of this environment
    procs: list[subprocess.Popen[bytes]] = []
    try:
        with (logs / "scheduler.log").open("wb") as log:
            procs.append(subprocess.Popen(
                [dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
                stdout=log, stderr=subprocess.STDOUT, env=clean_env(), start_new_session=True, cwd=logs))
        with (logs / "workers.log").open("wb") as log:
            procs.append(subprocess.Popen(
                [dask, "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard",
                 "--host", "127.0.0.1"],
                stdout=log, stderr=subprocess.STDOUT, env=clean_env(), start_new_session=True, cwd=logs))
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=90)
        yield address
    finally:
        for proc in reversed(procs):
            _stop(proc)


@pytest.fixture(scope="module")
def on_dask(sample: Path, prefect_on_postgres: str, dask_cluster: str,
            tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("on-dask")
    url = f"sqlite:///{root / 'formwork.db'}"
    load_records(sample, url)
    env = clean_env(PREFECT_API_URL=prefect_on_postgres, FORMWORK_DASK_ADDRESS=dask_cluster)
    formwork(*process_args(sample / "inbox", url), "--engine", "prefect", "--runner", "dask", cwd=root, env=env)
    return Run(url, root, state(url), export(url, root))


def test_dask_gives_exactly_the_outcomes_of_the_default_runner(on_dask: Run, reference: Run) -> None:
    got, want = outcomes_from_export(on_dask.export), outcomes_from_export(reference.export)
    assert len(want) == FORMS + LETTERS
    assert got == want
    assert set(on_dask.state["submissions_per_file"]) == {1}
    for key in ("letters", "actions", "discounts", "permits", "accounts"):
        assert on_dask.state[key] == reference.state[key], key


def test_extraction_ran_as_one_task_per_batch(on_dask: Run, prefect_on_postgres: str) -> None:
    with temporary_settings(updates={PREFECT_API_URL: prefect_on_postgres}), get_client(sync_client=True) as client:
        runs = client.read_task_runs(task_run_filter=TaskRunFilter(name=TaskRunFilterName(like_="extract-batch")))
    assert len(runs) == math.ceil((FORMS + LETTERS) / Settings().batch_size)
    assert {r.state_name for r in runs} == {"Completed"}
