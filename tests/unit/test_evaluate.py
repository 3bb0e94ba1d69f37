"""formwork eval's scoring of a truth file's extra keys: duplicate pairs, photos scored leniently, clean forms."""

from __future__ import annotations

from typing import Any

import pytest

from formwork import evaluate as ev_module
from formwork.evaluate import evaluate


def _run(monkeypatch: pytest.MonkeyPatch, truth: list[dict[str, Any]],
         exported: list[dict[str, Any]]) -> ev_module.Evaluation:
    monkeypatch.setattr(ev_module, "iter_export", lambda url=None: iter(exported))
    return evaluate(truth, "sqlite://")


def _row(file: str, outcome: str, reasons: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    return {"file": file, "form_type": "parking_permit", "fields": {"vrm": "AB12CDE"}, "outcome": outcome,
            "reasons": reasons or [], **extra}


@pytest.mark.parametrize("approved_first", [True, False])
def test_a_duplicate_pair_is_right_whichever_of_the_two_is_approved(monkeypatch: pytest.MonkeyPatch,
                                                                    approved_first: bool) -> None:
    truth = [_row("a.pdf", "duplicate_pair", duplicate_group="g1"), _row("b.pdf", "duplicate_pair",
                                                                          duplicate_group="g1")]
    first, second = ("approved", "exception") if approved_first else ("exception", "approved")
    exported = [_row("a.pdf", first, [] if approved_first else ["DUPLICATE_SUBMISSION"]),
                _row("b.pdf", second, ["DUPLICATE_SUBMISSION"] if approved_first else [])]
    ev = _run(monkeypatch, truth, exported)
    assert ev.outcome_accuracy == 1.0 and ev.reasons_right == 2
    assert ev.false_approvals == [] and (ev.clean, ev.clean_approved) == (1, 1)


def test_both_forms_of_a_duplicate_pair_approved_is_a_false_approval(monkeypatch: pytest.MonkeyPatch) -> None:
    truth = [_row("a.pdf", "duplicate_pair", duplicate_group="g1"), _row("b.pdf", "duplicate_pair",
                                                                          duplicate_group="g1")]
    ev = _run(monkeypatch, truth, [_row("a.pdf", "approved"), _row("b.pdf", "approved")])
    assert ev.false_approvals == ["b.pdf"]


def test_a_photo_scored_for_false_approvals_only(monkeypatch: pytest.MonkeyPatch) -> None:
    truth = [_row("p.pdf", "approved", scoring="no_false_approval"),
             _row("q.pdf", "exception", ["NOT_RESIDENT"], scoring="no_false_approval")]
    exported = [_row("p.pdf", "exception", ["LOW_CONFIDENCE:vrm"]) | {"fields": {}},
                _row("q.pdf", "approved")]
    ev = _run(monkeypatch, truth, exported)
    assert ev.false_approvals == ["q.pdf"]
    assert ev.by_type["parking_permit"].fields_total == 0
    assert ev.confusion[("approved", "approved")] == 1  # p: not approved, but that is no failure for a photo
    assert (ev.clean, ev.clean_approved) == (1, 1)


def test_clean_straight_through_counts_only_clean_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    truth = [_row("a.pdf", "approved"), _row("b.pdf", "approved"), _row("c.pdf", "exception", ["NOT_RESIDENT"])]
    exported = [_row("a.pdf", "approved"), _row("b.pdf", "exception", ["LOW_CONFIDENCE:vrm"]),
                _row("c.pdf", "exception", ["NOT_RESIDENT"])]
    ev = _run(monkeypatch, truth, exported)
    assert (ev.clean, ev.clean_approved) == (2, 1) and ev.clean_straight_through == 0.5
    assert ev.straight_through_rate == pytest.approx(1 / 3)


def test_a_field_no_truth_row_labels_is_not_scored_but_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The corpus labels permits' vrm and, on one form only, the zone; it never labels the letter's body.
    truth = [_row("a.pdf", "approved"), _row("b.pdf", "approved") | {"fields": {"vrm": "CD34EFG", "zone": "B"}},
             {"file": "l.pdf", "form_type": "correspondence", "fields": {"topic": "complaint"},
              "outcome": "approved", "reasons": []}]
    exported = [_row("a.pdf", "approved") | {"fields": {"vrm": "AB12CDE", "zone": "A"}},  # an invented zone
                _row("b.pdf", "approved") | {"fields": {"vrm": "CD34EFG", "zone": "B"}},
                {"file": "l.pdf", "form_type": "correspondence", "outcome": "approved", "reasons": [],
                 "fields": {"topic": "complaint", "body": "The bins were not emptied."}}]
    ev = _run(monkeypatch, truth, exported)
    permits, letters = ev.by_type["parking_permit"], ev.by_type["correspondence"]
    assert (permits.fields_right, permits.fields_total, permits.unlabelled) == (3, 4, set())
    assert (letters.fields_right, letters.fields_total, letters.unlabelled) == (1, 1, {"body"})
    assert ev.to_dict()["by_form_type"]["correspondence"]["unlabelled"] == ["body"]
    # Scored as part of a larger file, a row is held to everything that file labels.
    only_a = evaluate(truth[:1], "sqlite://", {"parking_permit": {"vrm", "zone"}})
    assert only_a.by_type["parking_permit"].field_errors == {"zone": 1}
