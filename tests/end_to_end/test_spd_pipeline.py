"""sample → records load → process (the Prefect flow) → export → eval, as a user runs them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.end_to_end.conftest import formwork, read_jsonl

AS_OF = "2026-11-27"
FORMS = 300


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("council")
    formwork("sample", "--out", "council", "--forms", str(FORMS), "--letters", "0", "--seed", "11", "--as-of", AS_OF,
             "--types", "council_tax_spd", cwd=root)
    formwork("records", "load", "council/records.xlsx", cwd=root)
    first = formwork("process", "council/inbox", "--as-of", AS_OF, "--json", cwd=root)
    second = formwork("process", "council/inbox", "--as-of", AS_OF, "--json", cwd=root)
    formwork("export", "--format", "jsonl", "--out", "export.jsonl", cwd=root)
    formwork("export", "--format", "xlsx", "--out", "export.xlsx", cwd=root)
    scores = json.loads(formwork("eval", "--truth", "council/truth.jsonl", "--json", "--mistakes", "20",
                                 cwd=root).stdout)
    return {"root": root, "first": json.loads(first.stdout), "second": json.loads(second.stdout),
            "export": read_jsonl(root / "export.jsonl"), "truth": read_jsonl(root / "council/truth.jsonl"),
            "scores": scores}


def test_every_file_in_the_inbox_is_in_the_export(council: dict[str, Any]) -> None:
    inbox = sorted(p.name for p in (council["root"] / "council/inbox").iterdir())
    assert len(inbox) == FORMS
    exported = sorted(line["file"] for line in council["export"])
    assert exported == inbox
    assert all(line["outcome"] in {"approved", "exception", "quarantined"} for line in council["export"])


def test_no_false_approvals_and_fields_read_accurately(council: dict[str, Any]) -> None:
    scores = council["scores"]
    assert scores["false_approvals"] == 0, scores["false_approval_files"]
    # Issue 2's target. Today's figure on this sample is 1.0 for both; the
    # outcome floor leaves room for one or two honest misreads.
    assert scores["field_accuracy"] >= 0.99, json.dumps(scores["mistakes"], indent=1)
    assert scores["outcome_accuracy"] >= 0.97, json.dumps(scores["mistakes"], indent=1)


def test_outcomes_and_reasons_follow_the_truth(council: dict[str, Any]) -> None:
    truth = {t["file"]: t for t in council["truth"]}
    exported = {e["file"]: e for e in council["export"]}
    right = sum(set(truth[f]["reasons"]) == set(exported[f]["reasons"]) for f in truth)
    assert right / len(truth) >= 0.97
    for e in exported.values():
        if e["outcome"] == "approved":
            assert e["reasons"] == []
        if e["outcome"] == "quarantined":
            assert e["reasons"] == ["UNREADABLE_FILE"] and e["form_type"] is None and e["detail"]


def test_a_rerun_duplicates_nothing(council: dict[str, Any]) -> None:
    assert council["first"]["new"] == FORMS
    assert council["second"]["new"] == 0
    assert council["second"]["already_known"] == FORMS
    assert council["second"]["processed"] == 0
    assert len({e["sha256"] for e in council["export"]}) == len(council["export"])


def test_the_summary_counts_every_outcome(council: dict[str, Any]) -> None:
    counts = council["first"]["counts"]
    assert sum(c["count"] for c in counts) == FORMS
    by_outcome: dict[str, int] = {}
    for e in council["export"]:
        by_outcome[e["outcome"]] = by_outcome.get(e["outcome"], 0) + 1
    for outcome, n in by_outcome.items():
        assert sum(c["count"] for c in counts if c["outcome"] == outcome) == n


def test_the_xlsx_export_has_a_row_per_submission(council: dict[str, Any]) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(council["root"] / "export.xlsx", read_only=True)
    rows = list(wb["submissions"].iter_rows(values_only=True))
    assert rows[0][:4] == ("submission_id", "file", "form_type", "outcome")
    assert len(rows) - 1 == FORMS


def test_an_invalid_answer_is_exported_as_written(council: dict[str, Any]) -> None:
    truth = {t["file"]: t for t in council["truth"]}
    seen = 0
    for line in council["export"]:
        for reason in line["reasons"]:
            if not reason.startswith("INVALID_FORMAT:"):
                continue
            name = reason.split(":", 1)[1]
            written = truth[line["file"]]["fields"][name]
            assert line["fields"][name] == written, (line["file"], name)
            seen += 1
    assert seen >= 3  # the sample breaks dates and references on some forms
