"""formwork/runs.py: run names and artifact Markdown say what a run did."""

from __future__ import annotations

from typing import Any

from formwork import runs


def summary(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"files": 0, "new": 0, "already_known": 0, "processed": 0, "seconds": 1.25,
                            "forms_per_second": 0, "counts": [], "top_reasons": []}
    return {**base, **kw}


def test_run_name_counts_outcomes() -> None:
    s = summary(files=5, new=5, processed=5, counts=[
        {"form_type": "council_tax_spd", "outcome": "approved", "count": 3},
        {"form_type": "council_tax_spd", "outcome": "exception", "count": 1},
        {"form_type": "-", "outcome": "quarantined", "count": 1}])
    assert runs.inbox_run_name(s) == "5 new: 3 approved, 1 exception, 1 quarantined"
    s2 = summary(files=3, new=2, processed=3, counts=[{"form_type": "x", "outcome": "exception", "count": 3}])
    assert runs.inbox_run_name(s2) == "2 new, 3 decided: 3 exceptions"


def test_run_name_of_a_run_with_nothing_to_do() -> None:
    assert runs.inbox_run_name(summary(files=40, already_known=40)) == "no new files (40 already received)"
    assert runs.inbox_run_name(summary()) == "inbox empty"


def test_inbox_markdown_has_counts_reasons_in_english_and_the_queue_link() -> None:
    s = summary(files=4, new=4, processed=4, counts=[
        {"form_type": "council_tax_spd", "outcome": "approved", "count": 2},
        {"form_type": "council_tax_spd", "outcome": "exception", "count": 1},
        {"form_type": "parking_permit", "outcome": "exception", "count": 1}],
        top_reasons=[("NAME_MISMATCH", 1), ("MISSING_FIELD:postcode", 1)])
    md = runs.inbox_markdown(s, "/srv/inbox", "http://review.example:8700")
    assert "| council_tax_spd | 2 | 1 | 0 | 3 |" in md
    assert "| parking_permit | 0 | 1 | 0 | 1 |" in md
    assert "| **all** | 2 | 2 | 0 | 4 |" in md
    assert "The applicant is not a liable party on the account" in md
    assert "A required answer is missing: postcode" in md
    assert "[Open the review queue](http://review.example:8700/queue)" in md
    assert "2 new exceptions" in md


def test_sync_markdown_lists_rejected_rows_without_their_values() -> None:
    counts = {"properties": {"read": 10, "inserted": 8, "rejected": 2}, "council_tax_accounts": {"read": 5}}
    rejected = [{"sheet": "properties", "row": 4, "column": "postcode", "problem": "not a postcode"},
                {"sheet": "properties", "row": 9, "column": "uprn", "problem": "a | b"}]
    md = runs.sync_markdown("records.xlsx", counts, ["electoral_register: absent"], rejected, "/x/rej.xlsx")
    assert runs.sync_run_name(counts, 2) == "15 rows read, 8 changed, 2 rejected"
    assert "| properties | 4 | postcode | not a postcode |" in md
    assert "a \\| b" in md  # a pipe in a message does not break the table
    assert "- electoral_register: absent" in md and "`/x/rej.xlsx`" in md
