"""``formwork serve``: every Formwork job on this machine, on its schedule, with no work pool or worker.

It uses the Prefect server named by ``PREFECT_API_URL``, or starts one on
127.0.0.1 (``prefect server start``, its log in the data folder), registers
one deployment per job of :mod:`formwork.jobs` and serves them all in this
process (``prefect.serve``): each run starts as a subprocess of this one.

Who owns what, once a deployment exists on the server: its schedules and its
paused state belong to the Prefect UI (a restart of ``formwork serve`` keeps
them); its description, tags and parameters' form belong to the code. A new
deployment starts with the schedule of :data:`formwork.jobs.JOBS`.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from formwork.jobs import JOBS, TIMEZONE, Job

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment
    from prefect.flows import Flow

DEFAULT_PORT = 4200
#: Schedules formwork serve creates carry this slug, so the server updates them by name, never twice.
SCHEDULE_SLUG = "default"


class ServeError(RuntimeError):
    """The Prefect server cannot be started or reached (one line for the CLI)."""


@dataclass
class Server:
    api_url: str
    ui_url: str
    process: subprocess.Popen[bytes] | None = None  #: None: a server someone else runs
    log_path: Path | None = None


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        return httpx.get(f"{api_url.rstrip('/')}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def server_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a quiet local Prefect server (no telemetry, no shutdown tracebacks)."""
    env = dict(os.environ if base is None else base)
    env.pop("PREFECT_API_URL", None)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("DO_NOT_TRACK", "1")
    env.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    env["PREFECT_UI_ENABLED"] = "true"
    return env


def start_server(port: int, log_path: Path, *, timeout: float = 90.0, host: str = "127.0.0.1",
                 env: dict[str, str] | None = None) -> Server:
    """``prefect server start`` on ``host:port``, waited for until healthy; a server already there is reused."""
    api_url = f"http://{host}:{port}/api"
    if not port_free(host, port):
        if healthy(api_url):
            return Server(api_url, f"http://{host}:{port}")
        raise ServeError(f"port {port} on {host} is in use by something that is not a Prefect server: "
                         "choose another with --prefect-port")
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = log_path.open("ab")
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            env=server_env(env), start_new_session=True)
    log.close()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServeError(f"the Prefect server stopped at start (exit {proc.returncode}): see {log_path}")
        if healthy(api_url):
            return Server(api_url, f"http://{host}:{port}", proc, log_path)
        time.sleep(0.5)
    stop_server(Server(api_url, "", proc, log_path))
    raise ServeError(f"the Prefect server was not up after {timeout:.0f} s: see {log_path}")


def stop_server(server: Server, timeout: float = 15.0) -> None:
    proc = server.process
    if proc is None or proc.poll() is not None:
        return
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)


@contextmanager
def prefect_server(port: int, log_path: Path) -> Iterator[Server]:
    """The server in ``PREFECT_API_URL``, or a local one started for the duration (stopped on exit)."""
    external = os.environ.get("PREFECT_API_URL")
    if external:
        if not healthy(external, timeout=10):
            raise ServeError(f"no Prefect server answers at PREFECT_API_URL={external}")
        ui = os.environ.get("PREFECT_UI_URL") or external.rstrip("/").removesuffix("/api")
        yield Server(external.rstrip("/"), ui)
        return
    server = start_server(port, log_path)
    try:
        yield server
    finally:
        stop_server(server)


# --------------------------------------------------------------------------- the deployments


def load_flow(job: Job) -> Flow[Any, Any]:
    path, _, name = job.entrypoint.partition(":")
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    flow: Flow[Any, Any] = getattr(module, name)
    return flow


def schedules(job: Job) -> list[Any]:
    from prefect.schedules import Cron, Interval

    if job.cron is not None:
        return [Cron(job.cron, timezone=TIMEZONE, slug=SCHEDULE_SLUG)]
    assert job.interval_seconds is not None
    anchor = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return [Interval(job.interval_seconds, anchor_date=anchor, timezone=TIMEZONE, slug=SCHEDULE_SLUG)]


def existing_deployments() -> dict[str, bool]:
    """The Formwork deployments the server has already, with whether each is paused."""
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    found: dict[str, bool] = {}
    with get_client(sync_client=True) as client:
        for job in JOBS:
            try:
                d = client.read_deployment_by_name(f"{job.name}/{job.name}")
            except ObjectNotFound:
                continue
            found[job.name] = bool(d.paused)
    return found


def deployments(existing: dict[str, bool]) -> list[RunnerDeployment]:
    """One deployment per job; an existing one keeps the schedules and paused state it has on the server."""
    from prefect.deployments.runner import EntrypointType, RunnerDeployment

    out = []
    for job in JOBS:
        flow = load_flow(job)
        d = flow.to_deployment(
            job.name, description=job.description, tags=list(job.tags), parameters=dict(job.parameters),
            concurrency_limit=job.concurrency_limit, entrypoint_type=EntrypointType.MODULE_PATH,
            schedules=None if job.name in existing else schedules(job),
            paused=existing.get(job.name, False),
        )
        assert isinstance(d, RunnerDeployment)
        if job.name in existing:
            # Leave the server's schedules alone: an update that carries no schedules field keeps them
            # (an empty list would replace schedules added in the UI with none).
            d.model_fields_set.discard("schedules")
        out.append(d)
    return out


def serve(on_ready: Callable[[list[RunnerDeployment]], None] | None = None, limit: int | None = None) -> None:
    """Register and serve every job's deployment until interrupted (PREFECT_API_URL must be set)."""
    from prefect import serve as prefect_serve

    built = deployments(existing_deployments())
    if on_ready is not None:
        on_ready(built)
    prefect_serve(*built, pause_on_shutdown=False, print_starting_message=False, limit=limit)
