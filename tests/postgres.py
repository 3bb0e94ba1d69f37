"""A real PostgreSQL server for the tests, installed and started by the tests themselves.

``scripts/install-postgres.sh`` installs Debian's postgresql when no ``initdb``
is found; the fixture then makes a cluster in a temporary folder and starts it
on a free loopback port. PostgreSQL refuses to run as root, so the server runs
as the ``postgres`` user (created when missing); it is stopped at the end of
the session. A conftest that needs it imports ``postgres`` and ``postgres_bin``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[1]
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
