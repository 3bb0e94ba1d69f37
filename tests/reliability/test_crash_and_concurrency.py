"""Crash safety and concurrency, for real: SIGKILL mid-batch, and two runs at once.

Each test compares against an uninterrupted run of the same sample: every file
has exactly one submission, every submission one outcome, no approved action
applied twice or half-applied, and the outcomes are the ones the clean run gave.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

FORMS = 60
AS_OF = "2026-11-27"


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORMWORK_")}
    env.update(FORMWORK_HOME=str(home), FORMWORK_SETTINGS=str(home / "absent.toml"))
    return env


def formwork(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "formwork.cli", *args], env=env_for(home), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def run(home: Path, *args: str) -> str:
    proc = formwork(home, *args)
    out, errs = proc.communicate(timeout=600)
    assert proc.returncode == 0, f"formwork {' '.join(args)}: {out}\n{errs}"
    return out


def process_args(inbox: Path) -> tuple[str, ...]:
    return ("process", str(inbox), "--engine", "local", "--as-of", AS_OF)


def query(home: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(home / "formwork.db") as db:
        return db.execute(sql).fetchall()


def state(home: Path) -> dict[str, Any]:
    """What a run left behind, in a form two runs can be compared by."""
    outcomes = dict(query(home, "select file_name, outcome || ' ' || reasons from submission"))
    return {
        "submissions_per_file": Counter(n for (n,) in query(home, "select file_name from submission")),
        "outcomes": outcomes,
        "discounts": query(home, "select s.file_name, d.account_ref, d.from_date from account_discount d "
                                 "join submission s on s.id = d.submission_id order by 1"),
        "letters_per_submission": Counter(n for (n,) in query(home, "select submission_id from letter")),
        "decisions_per_submission": Counter(
            n for (n,) in query(home, "select submission_id from audit_log where action = 'decided'")),
    }


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sample")
    run(root / "gen", "sample", "--out", str(root / "council"), "--forms", str(FORMS), "--seed", "5",
        "--types", "council_tax_spd", "--letters", "0",
        "--as-of", AS_OF)
    return root / "council"


def fresh_home(sample: Path, where: Path) -> Path:
    home = where / "data"
    run(home, "records", "load", str(sample / "records.xlsx"))
    return home


@pytest.fixture(scope="module")
def clean_run(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = fresh_home(sample, tmp_path_factory.mktemp("clean"))
    run(home, *process_args(sample / "inbox"))
    return state(home)


def assert_consistent(got: dict[str, Any], clean: dict[str, Any]) -> None:
    assert len(got["submissions_per_file"]) == FORMS
    assert set(got["submissions_per_file"].values()) == {1}, "a file has more than one submission"
    assert all(v is not None and not v.startswith("None") for v in got["outcomes"].values())
    assert set(got["decisions_per_submission"].values()) == {1}, "a submission was decided twice"
    assert not got["letters_per_submission"] or set(got["letters_per_submission"].values()) == {1}
    assert got["discounts"] == clean["discounts"], "an approved action was applied twice, half, or not at all"
    assert got["outcomes"] == clean["outcomes"]


def test_clean_run_is_a_fair_yardstick(clean_run: dict[str, Any]) -> None:
    # The comparison means something only if the clean run approved some forms and queued others.
    kinds = Counter(v.split()[0] for v in clean_run["outcomes"].values())
    assert kinds["approved"] >= 5 and kinds["exception"] >= 5
    assert len(clean_run["discounts"]) == kinds["approved"]


def test_sigkill_mid_batch_then_rerun_gives_the_clean_outcome(sample: Path, tmp_path: Path,
                                                              clean_run: dict[str, Any]) -> None:
    home = fresh_home(sample, tmp_path)
    proc = formwork(home, *process_args(sample / "inbox"), "--workers", "1")
    deadline = time.monotonic() + 300
    decided = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            decided = query(home, "select count(*) from submission where outcome is not null")[0][0]
        except sqlite3.OperationalError:
            decided = 0  # tables not there yet
        if decided >= 5:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed: make the sample bigger"
    os.killpg(proc.pid, signal.SIGKILL)  # the process and its extraction workers, mid-batch
    proc.wait()
    killed_at = query(home, "select count(*) from submission where outcome is not null")[0][0]
    assert 5 <= killed_at < FORMS

    run(home, *process_args(sample / "inbox"))
    assert_consistent(state(home), clean_run)


def test_two_runs_at_once_never_work_a_file_twice(sample: Path, tmp_path: Path,
                                                  clean_run: dict[str, Any]) -> None:
    home = fresh_home(sample, tmp_path)
    inbox = tmp_path / "inbox"
    shutil.copytree(sample / "inbox", inbox)
    first, second = formwork(home, *process_args(inbox)), formwork(home, *process_args(inbox))
    for proc in (first, second):
        out, errs = proc.communicate(timeout=600)
        assert proc.returncode == 0, f"{out}\n{errs}"
    assert_consistent(state(home), clean_run)
