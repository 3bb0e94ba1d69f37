"""Letters and emails, sample → records load → process → export → eval, as a user runs them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlmodel import col, select

from formwork.db import session_scope
from formwork.models import AuditEntry, Letter, Submission
from formwork.routing import TEAMS
from tests.end_to_end.conftest import formwork, read_jsonl

AS_OF = "2026-11-27"
LETTERS = 60


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("letters")
    # A seed the classifier's training never used, and layouts drawn afresh.
    formwork("sample", "--out", "council", "--forms", "0", "--letters", str(LETTERS), "--seed", "23",
             "--as-of", AS_OF, cwd=root)
    formwork("records", "load", "council/records.xlsx", cwd=root)
    formwork("process", "council/inbox", "--engine", "local", "--as-of", AS_OF, "--json", cwd=root)
    formwork("export", "--format", "jsonl", "--out", "export.jsonl", cwd=root)
    scores = json.loads(formwork("eval", "--truth", "council/truth.jsonl", "--json", "--mistakes", "20",
                                 cwd=root).stdout)
    return {"root": root, "scores": scores, "export": read_jsonl(root / "export.jsonl"),
            "url": f"sqlite:///{root / 'data' / 'formwork.db'}"}


def test_every_letter_is_read_as_correspondence(run: dict[str, Any]) -> None:
    assert len(run["export"]) == LETTERS
    assert {e["form_type"] for e in run["export"]} == {"correspondence"}


def test_no_false_approvals_and_the_targets_are_met(run: dict[str, Any]) -> None:
    scores = run["scores"]
    assert scores["false_approvals"] == 0, scores["false_approval_files"]
    letters = scores["by_form_type"]["correspondence"]
    mistakes = json.dumps(scores["mistakes"], indent=1)
    assert letters["field_accuracy"] >= 0.95, mistakes
    assert letters["outcome_accuracy"] >= 0.95, mistakes


def test_approved_letters_are_routed_and_acknowledged(run: dict[str, Any]) -> None:
    with session_scope(run["url"]) as s:
        approved = s.exec(select(Submission).where(col(Submission.outcome) == "approved")).all()
        assert approved
        for sub in approved:
            letters = s.exec(select(Letter).where(Letter.submission_id == sub.id)).all()
            assert [x.kind for x in letters] == ["correspondence_acknowledgement"]
            routed = s.exec(select(AuditEntry).where(AuditEntry.submission_id == sub.id,
                                                     AuditEntry.action == "routed")).one()
            assert routed.after is not None and routed.after["team"] in TEAMS.values()
            assert routed.after["team"] in letters[0].body_html
        exceptions = s.exec(select(Submission).where(col(Submission.outcome) == "exception")).all()
        for sub in exceptions:
            assert not s.exec(select(Letter).where(Letter.submission_id == sub.id)).all()
