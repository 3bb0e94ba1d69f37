"""Every form type through the pipeline: a mixed sample, processed, exported and scored per form type."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

import pytest

from tests.end_to_end.conftest import formwork, read_jsonl

AS_OF = "2026-11-27"
FORMS = 150
TYPES = ("council_tax_spd", "council_tax_move", "parking_permit")


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("mixed")
    formwork("sample", "--out", "council", "--forms", str(FORMS), "--seed", "17", "--as-of", AS_OF, cwd=root)
    formwork("records", "load", "council/records.xlsx", cwd=root)
    formwork("process", "council/inbox", "--as-of", AS_OF, "--engine", "local", cwd=root)
    formwork("export", "--format", "jsonl", "--out", "export.jsonl", cwd=root)
    scores = json.loads(formwork("eval", "--truth", "council/truth.jsonl", "--json", "--mistakes", "30",
                                 cwd=root).stdout)
    return {"root": root, "export": read_jsonl(root / "export.jsonl"),
            "truth": read_jsonl(root / "council/truth.jsonl"), "scores": scores}


def test_every_file_is_in_the_export(council: dict[str, Any]) -> None:
    assert sorted(e["file"] for e in council["export"]) == sorted(t["file"] for t in council["truth"])
    assert {e["form_type"] for e in council["export"]} >= set(TYPES)


def test_nothing_is_approved_that_should_not_be(council: dict[str, Any]) -> None:
    assert council["scores"]["false_approvals"] == 0, council["scores"]["false_approval_files"]


@pytest.mark.parametrize("form_type", ["council_tax_move", "parking_permit"])
def test_fields_and_outcomes_per_form_type(council: dict[str, Any], form_type: str) -> None:
    score = council["scores"]["by_form_type"][form_type]
    assert score["files"] >= FORMS // 4
    mistakes = json.dumps(council["scores"]["mistakes"], indent=1)
    assert score["field_accuracy"] >= 0.98, mistakes
    assert score["outcome_accuracy"] >= 0.9, mistakes


def test_approvals_changed_the_records(council: dict[str, Any]) -> None:
    """Each approved move closed or opened an account and each approved permit was issued, with a letter."""
    approved = [e for e in council["export"] if e["outcome"] == "approved" and e["form_type"] in TYPES[1:]]
    db = sqlite3.connect(council["root"] / "data" / "formwork.db")
    try:
        for e in approved:
            (sid,) = db.execute("select id from submission where sha256 = ?", (e["sha256"],)).fetchone()
            kinds = [k for (k,) in db.execute("select kind from letter where submission_id = ?", (sid,))]
            actions = {a for (a,) in db.execute("select action from audit_log where submission_id = ?", (sid,))}
            f = e["fields"]
            if e["form_type"] == "parking_permit":
                assert kinds == ["permit_issued"] and "permit_issued" in actions
                row = db.execute("select valid_from, valid_to, zone from parking_permit where vrm = ? "
                                 "order by valid_from desc", (f["vrm"],)).fetchone()
                start = dt.date.fromisoformat(f["start_date"])
                assert (row[0], row[2]) == (f["start_date"], f["zone"])
                assert dt.date.fromisoformat(row[1]) == start.replace(year=start.year + 1) - dt.timedelta(days=1)
            elif f["move_type"] == "out":
                assert kinds == ["move_out_confirmed"]
                status, end = db.execute("select status, end_date from council_tax_account where account_ref = ?",
                                         (f["account_ref"],)).fetchone()
                assert (status, end) == ("closed", f["move_date"])
            else:
                assert kinds == ["move_in_confirmed"] and "account_opened" in actions
    finally:
        db.close()
    assert approved


def test_an_unknown_form_type_for_the_sample_is_one_line(tmp_path: Any) -> None:
    proc = formwork("sample", "--out", "x", "--forms", "3", "--types", "dog_licence", cwd=tmp_path, check=False)
    assert proc.returncode != 0 and "dog_licence" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
