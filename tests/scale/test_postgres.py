"""The end-to-end sample on a real PostgreSQL server (tests/scale/conftest.py starts one).

sample → records load → process → export → eval, as on SQLite, must give the
same outcomes, letters, audit entries and record changes file by file, and
meet the end-to-end tests' quality floors; two runs at once on one inbox must
still decide each file once and apply each action once.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from formwork import pipeline
from formwork.db import get_engine, serialise_decisions
from formwork.models import Submission
from formwork.settings import Settings
from tests.scale.conftest import (
    FORMS,
    LETTERS,
    Postgres,
    Run,
    export,
    finish,
    formwork,
    load_records,
    process_args,
    start,
    state,
)

pytestmark = pytest.mark.slow
COMPARED = ("outcomes", "letters", "actions", "discounts", "permits", "accounts")


@pytest.fixture(scope="module")
def on_postgres(postgres: Postgres, sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("on-postgres")
    url = postgres.new_database()
    load_records(sample, url, root)
    formwork(*process_args(sample / "inbox", url), "--engine", "local", cwd=root)
    return Run(url, root, state(url), export(url, root))


def test_every_file_has_one_submission_and_one_outcome(on_postgres: Run, sample: Path) -> None:
    truth = [json.loads(line) for line in (sample / "truth.jsonl").read_text().splitlines()]
    assert len(truth) == FORMS + LETTERS
    assert sorted(e["file"] for e in on_postgres.export) == sorted(t["file"] for t in truth)
    assert set(on_postgres.state["submissions_per_file"]) == {1}
    decided = Counter(f for f, action in on_postgres.state["actions"] if action == "decided")
    assert set(decided.values()) == {1} and len(decided) == len(truth)


def test_the_quality_floors_of_the_end_to_end_tests_hold(on_postgres: Run, sample: Path) -> None:
    scores = json.loads(formwork("eval", "--truth", str(sample / "truth.jsonl"), "--db", on_postgres.url, "--json",
                                 "--mistakes", "20", cwd=on_postgres.root))
    assert scores["false_approvals"] == 0, scores["false_approval_files"]
    mistakes = json.dumps(scores["mistakes"], indent=1)
    by_type = scores["by_form_type"]
    assert set(by_type) == {"council_tax_spd", "council_tax_move", "parking_permit", "correspondence"}
    for form_type, score in by_type.items():
        assert score["field_accuracy"] >= 0.95, (form_type, mistakes)
        assert score["outcome_accuracy"] >= 0.9, (form_type, mistakes)


def test_same_outcomes_letters_and_record_changes_as_on_sqlite(on_postgres: Run, reference: Run) -> None:
    # The comparison means something only if the run approved forms (and so changed records) and queued others.
    kinds = Counter(outcome for _, outcome, _ in reference.state["outcomes"].values())
    assert kinds["approved"] >= 10 and kinds["exception"] >= 10
    assert reference.state["permits"] and reference.state["discounts"] and reference.state["letters"]
    for key in COMPARED:
        assert on_postgres.state[key] == reference.state[key], key


def test_two_runs_at_once_on_one_inbox_never_work_a_file_twice(postgres: Postgres, sample: Path, reference: Run,
                                                               tmp_path: Path) -> None:
    url = postgres.new_database()
    load_records(sample, url)
    inbox = tmp_path / "inbox"
    shutil.copytree(sample / "inbox", inbox)
    # One process each (no extraction pool): two runs side by side on CI's two cores.
    runs = [start(*process_args(inbox, url), "--engine", "local", "--workers", "1", cwd=tmp_path) for _ in range(2)]
    summaries = [json.loads(finish(proc)) for proc in runs]
    got = state(url)
    assert set(got["submissions_per_file"]) == {1}, "a file has more than one submission"
    # Each submission decided by exactly one of the two runs.
    assert sum(s["processed"] for s in summaries) == FORMS + LETTERS, summaries
    for key in COMPARED:
        assert got[key] == reference.state[key], key


def test_decisions_take_turns_across_connections(postgres: Postgres) -> None:
    """While one transaction decides, another's check_and_decide waits: no two decisions read the records at once."""
    engine = get_engine(postgres.new_database())
    sub = Submission(id=1, file_name="x.pdf", sha256="0" * 64, stored_path="x", form_type="parking_permit")
    with Session(engine) as first, Session(engine) as second:
        serialise_decisions(first)
        second.execute(text("SET lock_timeout = '300ms'"))
        with pytest.raises(OperationalError, match="lock timeout"):
            pipeline.check_and_decide(second, sub, [], {}, Settings())
        second.rollback()
        first.commit()  # the first decision is committed: the lock is free
        second.execute(text("SET lock_timeout = '300ms'"))
        serialise_decisions(second)
        second.rollback()
