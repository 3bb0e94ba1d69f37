"""A real PostgreSQL server for the scale-out tests, installed and started by the tests themselves.

``scripts/install-postgres.sh`` installs Debian's postgresql when no ``initdb``
is found; the fixture then makes a cluster in a temporary folder and starts it
on a free loopback port. PostgreSQL refuses to run as root, so the server runs
as the ``postgres`` user (created when missing); it is stopped at the end of
the session.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlmodel import Session, create_engine, select

from formwork.db import dispose_all
from formwork.models import AccountDiscount, AuditEntry, CouncilTaxAccount, Letter, ParkingPermit, Submission
from formwork.records import load_workbook
from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
USER = "postgres"


def _as_server_user(*cmd: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    if os.geteuid() == 0:
        cmd = ("runuser", "-u", USER, "--", *cmd)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd="/")
    if proc.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def _ensure_server_user() -> None:
    try:
        pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
                       check=True, capture_output=True)


@dataclass
class Postgres:
    host: str
    port: int
    user: str

    def admin_dsn(self, database: str = "postgres") -> str:
        return f"host={self.host} port={self.port} user={self.user} dbname={database}"

    def new_database(self, prefix: str = "formwork") -> str:
        """A fresh, empty database; its SQLAlchemy URL (psycopg 3 driver)."""
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.admin_dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def url(self, database: str, driver: str = "psycopg") -> str:
        return f"postgresql+{driver}://{self.user}@{self.host}:{self.port}/{database}"


@pytest.fixture(scope="session")
def postgres_bin() -> Path:
    """The PostgreSQL server programs, installed by the project's own script when missing."""
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "install-postgres.sh")], capture_output=True, text=True,
                          timeout=900)
    if proc.returncode != 0:
        pytest.fail(f"could not install PostgreSQL: {proc.stderr.strip() or proc.stdout.strip()}")
    return Path(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def postgres(postgres_bin: Path) -> Iterator[Postgres]:
    """A PostgreSQL server of its own on 127.0.0.1, a free port, its cluster in a temporary folder."""
    if os.geteuid() == 0:
        _ensure_server_user()
    # Not under pytest's tmp_path: its folders are private to root, and the server runs as another user.
    where = Path(tempfile.mkdtemp(prefix="formwork-pg-"))
    data, sockets = where / "data", where / "sockets"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(where, USER, USER)
        shutil.chown(sockets, USER, USER)
    port = free_port()
    started = False
    try:
        _as_server_user(str(postgres_bin / "initdb"), "-D", str(data), "-U", USER, "--auth=trust",
                        "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        _as_server_user(str(postgres_bin / "pg_ctl"), "-D", str(data), "-l", str(where / "server.log"),
                        "-o", options, "-w", "-t", "60", "start")
        started = True
        yield Postgres("127.0.0.1", port, USER)
    finally:
        if started:
            _as_server_user(str(postgres_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(where, ignore_errors=True)


# --------------------------------------------------------------------------- the sample and its reference run

AS_OF = "2026-11-27"
#: Forms of every type, and letters: enough for every path, small enough for CI's two cores.
FORMS, LETTERS = 120, 12


def clean_env(**extra: str) -> dict[str, str]:
    """This environment less any FORMWORK_ or PREFECT_ setting of the developer's, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FORMWORK_", "PREFECT_"))}
    return {**env, "FORMWORK_SETTINGS": "/nonexistent/formwork.toml", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1", **extra}


def start(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """The formwork command, as a user runs it, in its own process (and process group)."""
    return subprocess.Popen([sys.executable, "-m", "formwork.cli", *args], cwd=cwd, env=env or clean_env(),
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def finish(proc: subprocess.Popen[str], timeout: float = 600) -> str:
    try:
        out, errs = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, errs = proc.communicate()
        raise AssertionError(f"formwork {' '.join(map(str, proc.args))} timed out:\n{out}\n{errs}") from None
    assert proc.returncode == 0, f"{' '.join(map(str, proc.args))} exited {proc.returncode}:\n{out}\n{errs}"
    return out


def formwork(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    return finish(start(*args, cwd=cwd, env=env))


def process_args(inbox: Path, url: str) -> tuple[str, ...]:
    return ("process", str(inbox), "--db", url, "--as-of", AS_OF, "--json")


def load_records(sample: Path, url: str, cwd: Path | None = None) -> None:
    """The sample's records workbook into ``url``: with ``formwork records load`` run in ``cwd``, else in this
    process (quicker: the command's own path on PostgreSQL is tested once, in test_postgres.py)."""
    if cwd is not None:
        formwork("records", "load", str(sample / "records.xlsx"), "--db", url, cwd=cwd)
        return
    load_workbook(sample / "records.xlsx", url=url)
    dispose_all()


def state(url: str) -> dict[str, Any]:
    """What a run left in a Formwork database, keyed by file name so that two databases compare."""
    engine = create_engine(url)
    try:
        with Session(engine) as s:
            subs = s.exec(select(Submission)).all()
            name = {sub.id: sub.file_name for sub in subs}
            per_file: dict[str, list[Any]] = {n: [] for n in name.values()}
            outcomes = {sub.file_name: (sub.form_type, sub.outcome and str(sub.outcome), list(sub.reasons))
                        for sub in subs}
            letters = sorted((name[x.submission_id], x.kind) for x in s.exec(select(Letter)).all())
            actions = sorted((name[a.submission_id], a.action) for a in s.exec(select(AuditEntry)).all()
                             if a.submission_id is not None)
            discounts = sorted((name[d.submission_id], d.account_ref, d.code, str(d.from_date))
                               for d in s.exec(select(AccountDiscount)).all())
            permits = sorted((p.vrm, p.zone, str(p.valid_from), str(p.valid_to), p.uprn)
                             for p in s.exec(select(ParkingPermit)).all())
            accounts = sorted((a.account_ref, a.status, str(a.start_date), str(a.end_date), a.discounts)
                              for a in s.exec(select(CouncilTaxAccount)).all())
            for sub in subs:
                per_file[sub.file_name].append(sub.id)
    finally:
        engine.dispose()
    return {"submissions_per_file": Counter(len(v) for v in per_file.values()), "outcomes": outcomes,
            "letters": letters, "actions": actions, "discounts": discounts, "permits": permits,
            "accounts": accounts}


def outcomes_from_export(rows: list[dict[str, Any]]) -> dict[str, tuple[Any, ...]]:
    return {r["file"]: (r["form_type"], r["outcome"], tuple(r["reasons"])) for r in rows}


def export(url: str, cwd: Path) -> list[dict[str, Any]]:
    out = cwd / f"export-{uuid.uuid4().hex[:6]}.jsonl"
    formwork("export", "--format", "jsonl", "--out", str(out), "--db", url, cwd=cwd)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A labelled sample of every form type and some letters: records.xlsx, inbox/, truth.jsonl."""
    root = tmp_path_factory.mktemp("scale-sample")
    formwork("sample", "--out", "council", "--forms", str(FORMS), "--letters", str(LETTERS), "--seed", "29",
             "--as-of", AS_OF, cwd=root)
    return root / "council"


@dataclass
class Run:
    url: str
    root: Path
    state: dict[str, Any]
    export: list[dict[str, Any]]


@pytest.fixture(scope="session")
def reference(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The sample processed the default way: SQLite, the pipeline's process pool, no Prefect."""
    root = tmp_path_factory.mktemp("reference")
    url = f"sqlite:///{root / 'formwork.db'}"
    load_records(sample, url)
    formwork(*process_args(sample / "inbox", url), "--engine", "local", cwd=root)
    return Run(url, root, state(url), export(url, root))
