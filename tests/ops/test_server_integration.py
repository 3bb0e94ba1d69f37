"""Against a real `prefect server start` (free loopback port, its own PREFECT_HOME), as an admin would:
`formwork serve` registers the four deployments; a run of process-inbox started by hand with another folder
completes with its artifact; `prefect deploy --all` registers the same four from prefect.yaml to a process pool.
One server for the module: it takes 10-20 s to start.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, DeploymentFilter
from prefect.settings import PREFECT_API_URL, temporary_settings

from formwork import serve
from formwork.jobs import JOBS
from formwork.records import load_workbook
from tests.ports import free_port

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FORMWORK_", "PREFECT_"))}
    return {**env, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1", **extra}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[serve.Server]:
    home = tmp_path_factory.mktemp("prefect-home")
    started = serve.start_server(free_port(), home / "server.log", env=clean_env(PREFECT_HOME=str(home)))
    try:
        with temporary_settings(updates={PREFECT_API_URL: started.api_url}):
            yield started
    finally:
        serve.stop_server(started)
    assert started.process is not None and started.process.poll() is not None


def wait_for(what: str, check: Any, timeout: float = 90.0, every: float = 0.5) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


def formwork_deployments() -> dict[str, Any]:
    with get_client(sync_client=True) as client:
        found = client.read_deployments(deployment_filter=DeploymentFilter())
    return {d.name: d for d in found if "formwork" in d.tags}


def test_formwork_serve_runs_process_inbox_started_by_hand_with_another_folder(
        server: serve.Server, small_council: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    load_workbook(small_council / "records.xlsx", url=f"sqlite:///{data / 'formwork.db'}")
    other = tmp_path / "another-inbox"
    other.mkdir()
    for pdf in sorted((small_council / "inbox").glob("*.pdf"))[:3]:
        shutil.copy(pdf, other / pdf.name)
    # (the scheduled intake watches a folder of its own: were it the folder these files came from, a run on the
    # schedule's five-minute mark could receive them first, and the run started by hand find none new)
    scheduled = tmp_path / "scheduled-inbox"
    scheduled.mkdir()
    env = clean_env(PREFECT_API_URL=server.api_url, FORMWORK_HOME=str(data),
                    FORMWORK_SETTINGS=str(tmp_path / "absent.toml"),
                    FORMWORK_OPS__INBOX=str(scheduled), PREFECT_RUNNER_POLL_FREQUENCY="1")
    log = (tmp_path / "serve.out").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "formwork.cli", "serve"], cwd=tmp_path, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deployments = wait_for("formwork serve's deployments", lambda: (lambda d: d if len(d) == 4 else None)(
            formwork_deployments()))
        for job in JOBS:
            d = deployments[job.name]
            assert d.description == job.description and not d.paused
            (schedule,) = d.schedules
            assert schedule.active and (getattr(schedule.schedule, "cron", None) == job.cron or job.cron is None)
        with get_client(sync_client=True) as client:
            run = client.create_flow_run_from_deployment(deployments["process-inbox"].id,
                                                         parameters={"inbox": str(other)})

            def finished() -> Any:
                current = client.read_flow_run(run.id)
                return current if current.state and current.state.is_final() else None

            done = wait_for("the process-inbox run", finished)
            assert done.state is not None and done.state.is_completed(), (done.state, (tmp_path / "serve.out")
                                                                          .read_text()[-3000:])
            assert done.name.startswith("3 new: "), done.name
            (artifact,) = client.read_artifacts(artifact_filter=ArtifactFilter(
                flow_run_id=ArtifactFilterFlowRunId(any_=[run.id])))
        assert artifact.key == "process-inbox"
        assert f"Folder `{other}`: 3 files, 3 new" in str(artifact.data)
        out = (tmp_path / "serve.out").read_text()
        assert f"{server.ui_url}/deployments" in out and "formwork ui" in out
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C
        try:
            code = proc.wait(30)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            log.close()
    assert code == 0, (tmp_path / "serve.out").read_text()[-3000:]


def test_prefect_deploy_all_registers_the_four_jobs_to_a_process_pool(server: serve.Server) -> None:
    env = clean_env(PREFECT_API_URL=server.api_url, FORMWORK_PROJECT_DIR=str(ROOT))
    prefect = [sys.executable, "-m", "prefect"]
    subprocess.run([*prefect, "work-pool", "create", "formwork", "--type", "process"], cwd=ROOT, env=env,
                   check=True, capture_output=True, timeout=120)
    deployed = subprocess.run([*prefect, "--no-prompt", "deploy", "--all"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=180)
    assert deployed.returncode == 0, deployed.stdout[-3000:] + deployed.stderr[-3000:]
    deployments = formwork_deployments()
    assert set(deployments) == {j.name for j in JOBS}
    for job in JOBS:
        d = deployments[job.name]
        assert d.work_pool_name == "formwork" and d.entrypoint == job.entrypoint
        assert d.description == job.description
        (schedule,) = d.schedules
        if job.cron:
            assert getattr(schedule.schedule, "cron", None) == job.cron
        else:
            assert schedule.schedule.interval.total_seconds() == job.interval_seconds
        assert d.pull_steps == [{"prefect.deployments.steps.set_working_directory": {"directory": str(ROOT)}}]
        assert set(d.parameter_openapi_schema["properties"]) >= set(job.parameters)
