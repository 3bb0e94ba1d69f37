"""The scale-out tests: a sample, its reference run on SQLite, and a real PostgreSQL server (tests/postgres.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, create_engine, select

from formwork.db import dispose_all
from formwork.models import AccountDiscount, AuditEntry, CouncilTaxAccount, Letter, ParkingPermit, Submission
from formwork.records import load_workbook
from tests.postgres import Postgres, postgres, postgres_bin  # noqa: F401 - fixtures for these tests

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
