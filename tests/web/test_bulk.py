"""formwork review apply: staff decisions in bulk, on councils processed by the real pipeline.

Each decision must leave what the same decision made in the review app leaves
(stored corrections, checks, the approved action, letters, audit entries); a
file with a line that cannot be applied must change nothing at all.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select as sa_select
from sqlmodel import SQLModel, col, select
from typer.testing import CliRunner

from formwork import pipeline
from formwork.cli import app as cli
from formwork.db import dispose_all, session_scope
from formwork.models import (
    AccountDiscount,
    AuditEntry,
    CaseReview,
    CouncilTaxAccount,
    ExtractedField,
    LayoutLesson,
    Letter,
    ParkingPermit,
    Role,
    Submission,
    User,
    utcnow,
)
from formwork.records import load_workbook
from formwork.sample import generate
from formwork.web import auth, bulk, cases
from formwork.web.app import create_app
from tests.web.conftest import AS_OF, PASSWORD, Council, make_settings, signed_in

runner = CliRunner()


# --------------------------------------------------------------------------- helpers


def _copy(processed: Path, to: Path) -> Council:
    shutil.copytree(processed / "council", to / "council")
    shutil.copytree(processed / "data", to / "data")
    return Council(to, make_settings(to / "data"))


def _write(path: Path, *lines: dict[str, Any] | str) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def _run(council: Council, decisions: Path, *extra: str) -> Any:
    result = runner.invoke(cli, ["review", "apply", str(decisions), "--db", council.settings.database_url,
                                 "--as-of", AS_OF.isoformat(), *extra],
                           env={"FORMWORK_HOME": str(council.settings.home)})
    dispose_all()
    return result


def _snapshot(council: Council) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: what "nothing changed" is compared with."""
    with session_scope(council.settings.database_url) as session:
        return {t.name: sorted(tuple(map(repr, row)) for row in session.execute(sa_select(t)))
                for t in SQLModel.metadata.sorted_tables}


#: The layout memory's audit entries (formwork/learning.py), written beside a decision's own.
_LEARNING = {"layout_learned", "lesson_learned", "lesson_replaced", "lesson_dropped"}


def _audit(council: Council, submission_id: int | None) -> list[AuditEntry]:
    with session_scope(council.settings.database_url) as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.submission_id == submission_id)
                                 .order_by(col(AuditEntry.id))))


def _letters(council: Council, submission_id: int | None) -> list[Letter]:
    with session_scope(council.settings.database_url) as session:
        return list(session.exec(select(Letter).where(Letter.submission_id == submission_id)
                                 .order_by(col(Letter.id))))


def _field(council: Council, submission_id: int | None, name: str) -> ExtractedField:
    with session_scope(council.settings.database_url) as session:
        return session.exec(select(ExtractedField).where(ExtractedField.submission_id == submission_id,
                                                         ExtractedField.name == name)).one()


def _approved_case(council: Council) -> Submission:
    with session_scope(council.settings.database_url) as session:
        return session.exec(select(Submission).where(Submission.outcome == "approved")
                            .order_by(col(Submission.id))).first()  # type: ignore[return-value]


def _lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


def _exception(council: Council, form_type: str, reasons: set[str]) -> Submission:
    """The first exception of ``form_type`` whose reasons are all among ``reasons``: chosen by what its
    reasons mean, not by file name, so that a better reader that settles some of them does not break the test."""
    for sub in _open(council):
        if sub.form_type == form_type and sub.reasons and set(sub.reasons) <= reasons:
            return sub
    raise LookupError(f"no {form_type} exception with only {sorted(reasons)}")


def _unsure_but_right(council: Council) -> Submission:
    """An exception only because the reader was unsure, and what it read is right: approved as read."""
    truth = council.truth

    with session_scope(council.settings.database_url) as session:
        for sub in _open(council):
            if not sub.reasons or not all(r.startswith("LOW_CONFIDENCE:") for r in sub.reasons):
                continue
            read = {f.name: f.value for f in session.exec(select(ExtractedField)
                                                          .where(ExtractedField.submission_id == sub.id))}
            fields = truth.get(sub.file_name, {}).get("fields", {})
            if all(read.get(r.split(":", 1)[1]) == fields.get(r.split(":", 1)[1]) for r in sub.reasons):
                return sub
    raise LookupError("no exception that is only unsure and right")


def _any_open(council: Council, *but: Submission) -> Submission:
    return next(s for s in _open(council) if s.id not in {b.id for b in but})


def _open(council: Council) -> list[Submission]:
    with session_scope(council.settings.database_url) as session:
        return list(session.exec(select(Submission).where(Submission.outcome == "exception")
                                 .order_by(col(Submission.id))))


# --------------------------------------------------------------------------- approving


def test_an_approval_with_a_correction_leaves_what_the_same_decision_in_the_app_leaves(
        council: Council, processed: Path, tmp_path: Path) -> None:
    case = council.case_with("MISSING_FIELD:declaration_date")
    done = _run(council, _write(tmp_path / "d.jsonl", {"file": case.file_name, "user": "bob", "decision": "approve",
                                                       "fields": {"declaration_date": "2026-11-20"},
                                                       "note": "date confirmed by phone"}))
    assert done.exit_code == 0, done.output
    assert _lines(done.output) == [f"line 1  {case.file_name}  approved (corrected declaration_date)",
                                   "1 decision: 1 approved."]
    after = council.submission(case.file_name)
    assert after.outcome == "approved" and after.reasons == [] and after.decided_by == "bob"
    stored = _field(council, case.id, "declaration_date")
    assert (stored.value, stored.method, stored.confidence) == ("2026-11-20", "staff", 1.0)
    with session_scope(council.settings.database_url) as session:
        assert session.exec(select(AccountDiscount).where(AccountDiscount.submission_id == case.id)).one()

    # The same decision made in the app, on another copy of the same council.
    other = _copy(processed, tmp_path / "app")
    with TestClient(create_app(other.settings), base_url="http://127.0.0.1") as client:
        token = signed_in(client, "bob")
        client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})
        posted = client.post(f"/cases/{case.id}/approve", follow_redirects=False,
                             data={"csrf_token": token, "field.declaration_date": "2026-11-20",
                                   "note": "date confirmed by phone"})
        assert posted.status_code == 303, posted.text

    def trail(c: Council) -> list[tuple[Any, ...]]:
        return [(e.actor, e.action, e.before, e.after, e.note) for e in _audit(c, case.id) if e.actor != "pipeline"]

    assert [a for _, a, *_ in trail(council) if a not in _LEARNING] == ["case_claimed", "field_corrected",
                                                                       "discount_applied", "staff_approved"]
    assert "lesson_learned" in {a for _, a, *_ in trail(council)}  # the layout memory learned from it too
    assert trail(council) == trail(other)
    assert [(x.kind, x.body_html) for x in _letters(council, case.id)] == \
           [(x.kind, x.body_html) for x in _letters(other, case.id)]
    assert _letters(council, case.id)[-1].kind == "spd_approved"
    dispose_all()


def test_a_corrected_name_is_checked_again_and_approved(council: Council, tmp_path: Path) -> None:
    case = council.case_with("NAME_MISMATCH")
    account_ref = _field(council, case.id, "account_ref").value
    with session_scope(council.settings.database_url) as session:
        account = session.get(CouncilTaxAccount, account_ref)
        assert account is not None
        liable = account.liable_names()[0]
    wrong = _run(council, _write(tmp_path / "a.jsonl", {"file": case.file_name, "user": "carol",
                                                        "decision": "approve",
                                                        "fields": {"applicant_name": "Nobody Atall"}}))
    assert wrong.exit_code == 0
    assert f"line 1  {case.file_name}  refused: checks still fail after correcting applicant_name " \
           '(NAME_MISMATCH); add "override": true and a note' in wrong.output
    assert council.submission(case.file_name).outcome == "exception"
    right = _run(council, _write(tmp_path / "b.jsonl", {"file": case.file_name, "user": "carol",
                                                        "decision": "approve", "fields": {"applicant_name": liable}}))
    assert f"line 1  {case.file_name}  approved (corrected applicant_name)" in right.output
    assert _field(council, case.id, "applicant_name").value == liable
    assert council.submission(case.file_name).decided_by == "carol"


def test_checks_that_still_fail_need_an_override_and_a_note(council: Council, tmp_path: Path) -> None:
    closed = council.case_with("ACCOUNT_CLOSED")
    unsure = _unsure_but_right(council)
    before = _snapshot(council)
    refused = _run(council, _write(tmp_path / "d.jsonl",
                                   {"file": closed.file_name, "user": "bob", "decision": "approve"},
                                   {"file": unsure.file_name, "user": "bob", "decision": "approve"}))
    assert refused.exit_code == 0, refused.output
    assert _lines(refused.output) == [
        f'line 1  {closed.file_name}  refused: checks still fail (ACCOUNT_CLOSED); add "override": true and a note',
        f"line 2  {unsure.file_name}  approved",
        "2 decisions: 1 approved, 1 refused.",
    ]
    after = _snapshot(council)
    # The refused line changed nothing: no claim, no new checks, no audit entry; the other line was applied.
    assert council.submission(closed.file_name).outcome == "exception"
    assert [e.action for e in _audit(council, closed.id) if e.actor == "bob"] == []
    with session_scope(council.settings.database_url) as session:
        assert session.get(CaseReview, closed.id) is None
    assert council.submission(unsure.file_name).outcome == "approved"
    closed_rows = [r for r in after["check_result"] if r[1] == repr(closed.id)]
    assert closed_rows == [r for r in before["check_result"] if r[1] == repr(closed.id)]

    done = _run(council, _write(tmp_path / "o.jsonl", {"file": closed.file_name, "user": "bob",
                                                       "decision": "approve", "override": True,
                                                       "note": "Account reopened by phone today"}))
    assert _lines(done.output)[0] == f"line 1  {closed.file_name}  approved (overridden ACCOUNT_CLOSED)"
    entry = next(e for e in _audit(council, closed.id) if e.action == "staff_approved")
    assert entry.actor == "bob" and entry.note == "Account reopened by phone today"
    assert entry.after is not None and entry.after["overridden"] == ["ACCOUNT_CLOSED"]
    with session_scope(council.settings.database_url) as session:
        assert session.exec(select(AccountDiscount).where(AccountDiscount.submission_id == closed.id)).one()


def test_a_missing_answer_cannot_be_overridden(council: Council, tmp_path: Path) -> None:
    case = council.case_with("MISSING_FIELD:declaration_date")
    before = _snapshot(council)
    result = _run(council, _write(tmp_path / "d.jsonl", {"file": case.file_name, "user": "bob",
                                                         "decision": "approve", "override": True, "note": "ok"}))
    assert result.exit_code == 0
    assert _lines(result.output)[0] == (
        f"line 1  {case.file_name}  refused: answers still missing or invalid (MISSING_FIELD:declaration_date); "
        'correct them in "fields" (they cannot be overridden)')
    assert _snapshot(council) == before


# --------------------------------------------------------------------------- rejecting and asking


def test_reject_and_more_info_write_their_letters(council: Council, tmp_path: Path) -> None:
    missing = council.case_with("ACCOUNT_NOT_FOUND")
    name = council.case_with("NAME_MISMATCH")
    result = _run(council, _write(
        tmp_path / "d.jsonl",
        {"file": missing.file_name, "user": "carol", "decision": "reject",
         "reason": "We have no account with that <reference>.", "note": "checked the ledger"},
        {"sha256": name.sha256, "user": "carol", "decision": "more_info",
         "needed": "Proof that you are named on the bill."}))
    assert result.exit_code == 0, result.output
    assert _lines(result.output) == [
        f"line 1  {missing.file_name}  rejected (letter written)",
        f"line 2  {name.file_name}  more information asked for (letter written)",
        "2 decisions: 1 rejected, 1 more information asked for.",
    ]
    rejected = _letters(council, missing.id)[-1]
    assert rejected.kind == "rejected" and "We have no account with that &lt;reference&gt;." in rejected.body_html
    asked = _letters(council, name.id)[-1]
    assert asked.kind == "more_information" and "Proof that you are named on the bill." in asked.body_html
    with session_scope(council.settings.database_url) as session:
        r1, r2 = session.get(CaseReview, missing.id), session.get(CaseReview, name.id)
    assert r1 is not None and (r1.resolution, r1.resolved_by, r1.note) == ("rejected", "carol", "checked the ledger")
    assert r2 is not None and (r2.resolution, r2.claimed_by) == ("more_information", "carol")
    trail = [(e.actor, e.action) for e in _audit(council, missing.id) if e.actor != "pipeline"]
    assert trail == [("carol", "case_claimed"), ("carol", "staff_rejected")]
    assert council.submission(missing.file_name).outcome == "exception"  # the pipeline's outcome stands

    # The same file again: the rejected case is closed, the question already asked; nothing is written twice.
    again = _run(council, tmp_path / "d.jsonl")
    assert again.exit_code == 0
    assert _lines(again.output)[:2] == [
        f"line 1  {missing.file_name}  skipped: this case has already been rejected",
        f"line 2  {name.file_name}  skipped: more information was already asked for in these words "
        f"(by carol on {utcnow():%Y-%m-%d})",
    ]
    assert len(_letters(council, missing.id)) == 1 and len(_letters(council, name.id)) == 1


def test_the_note_is_the_letters_text_when_there_is_no_reason(council: Council, tmp_path: Path) -> None:
    case = council.case_with("ACCOUNT_NOT_FOUND")
    _run(council, _write(tmp_path / "d.jsonl", {"file": case.file_name, "user": "bob", "decision": "reject",
                                                "note": "The reference is not one of ours."}))
    assert "The reference is not one of ours." in _letters(council, case.id)[-1].body_html


# --------------------------------------------------------------------------- confirming


def test_approving_an_approved_case_without_corrections_confirms_it(council: Council, tmp_path: Path) -> None:
    case = _approved_case(council)
    before = _snapshot(council)
    result = _run(council, _write(tmp_path / "d.jsonl", {"file": case.file_name, "user": "alice",
                                                         "decision": "approve", "note": "spot check"}))
    assert result.exit_code == 0, result.output
    assert _lines(result.output) == [f"line 1  {case.file_name}  confirmed (approved by pipeline)",
                                     "1 decision: 1 confirmed."]
    after = _snapshot(council)
    # Nothing applied again; the layout memory learned where the confirmed values are.
    assert {t for t in after if after[t] != before[t]} == {"audit_log", "layout", "layout_lesson"}
    entry = [e for e in _audit(council, case.id) if e.action not in _LEARNING][-1]
    assert (entry.actor, entry.action, entry.note) == ("alice", "staff_confirmed", "spot check")
    assert entry.after is not None and entry.after["values"]["account_ref"] == _field(council, case.id,
                                                                                      "account_ref").value


def test_corrections_to_an_approved_case_are_refused(council: Council, tmp_path: Path) -> None:
    case = _approved_case(council)
    same = _field(council, case.id, "applicant_name").value
    before = _snapshot(council)
    result = _run(council, _write(tmp_path / "d.jsonl",
                                  {"file": case.file_name, "user": "alice", "decision": "approve",
                                   "fields": {"applicant_name": "Someone Else"}},
                                  {"file": case.file_name, "user": "alice", "decision": "reject", "reason": "x"}))
    assert result.exit_code == 0
    assert _lines(result.output) == [
        f"line 1  {case.file_name}  refused: already approved; its action was applied with the values read "
        "(applicant_name cannot change now)",
        f"line 2  {case.file_name}  skipped: already approved (by pipeline): it cannot be rejected now",
        "2 decisions: 1 refused, 1 skipped.",
    ]
    assert _snapshot(council) == before
    # The value it already has is no correction: that is a confirmation.
    same_value = _run(council, _write(tmp_path / "s.jsonl", {"file": case.file_name, "user": "alice",
                                                             "decision": "approve",
                                                             "fields": {"applicant_name": same}}))
    assert "confirmed (approved by pipeline)" in same_value.output


def test_an_optional_answer_the_reader_missed_is_added_to_an_approved_case_and_taught(
        council: Council, tmp_path: Path) -> None:
    case = _approved_case(council)
    assert case.id is not None
    result = _run(council, _write(tmp_path / "d.jsonl", {"file": case.file_name, "user": "alice",
                                                         "decision": "approve", "fields": {"phone": "07700 900123"}}))
    assert result.exit_code == 0, result.output
    assert f"line 1  {case.file_name}  confirmed (approved by pipeline; corrected phone)" in result.output
    phone = _field(council, case.id, "phone")
    assert (phone.value, phone.method) == ("07700 900123", "staff")
    actions = [e.action for e in _audit(council, case.id)]
    assert "field_corrected" in actions and "staff_confirmed" in actions
    with session_scope(council.settings.database_url) as session:
        assert session.exec(select(LayoutLesson).where(LayoutLesson.field == "phone",
                                                       LayoutLesson.submission_id == case.id)).first() is None
        # Taught from the answers it has, the added one included where the page holds it (here it does not).
        assert session.exec(select(LayoutLesson).where(LayoutLesson.submission_id == case.id)).first() is not None


def test_a_required_answer_written_otherwise_but_meaning_the_same_is_taken_on_an_approved_case(
        council: Council, tmp_path: Path) -> None:
    case = _approved_case(council)
    name = str(_field(council, case.id, "applicant_name").value)
    result = _run(council, _write(tmp_path / "d.jsonl", {"file": case.file_name, "user": "alice", "decision": "approve",
                                                         "fields": {"applicant_name": name.upper()}}))
    assert f"line 1  {case.file_name}  confirmed (approved by pipeline; corrected applicant_name)" in result.output
    assert _field(council, case.id, "applicant_name").value == name.upper()


def test_confirm_is_callable_without_the_cli(council: Council) -> None:
    case = _approved_case(council)
    unsure = _any_open(council)
    with session_scope(council.settings.database_url) as session:
        entry = bulk.confirm(session, case.id or 0, "bob", council.settings, "looks right")
        assert entry.action == "staff_confirmed" and entry.note == "looks right"
        with pytest.raises(cases.CaseError, match="Only an approved case"):
            bulk.confirm(session, unsure.id or 0, "bob", council.settings, "")
    assert [e for e in _audit(council, case.id) if e.action not in _LEARNING][-1].action == "staff_confirmed"


# --------------------------------------------------------------------------- cases that cannot be worked


def test_a_case_someone_else_holds_is_skipped_unless_their_claim_is_stale(council: Council, tmp_path: Path) -> None:
    case = _unsure_but_right(council)
    with session_scope(council.settings.database_url) as session:
        cases.claim(session, case.id or 0, "carol", council.settings)
    decisions = _write(tmp_path / "d.jsonl", {"file": case.file_name, "user": "bob", "decision": "approve"},
                       {"file": "email_0009.pdf", "user": "bob", "decision": "reject", "reason": "unreadable"})
    held = _run(council, decisions)
    assert held.exit_code == 0
    assert _lines(held.output) == [
        f"line 1  {case.file_name}  skipped: carol is working on this case",
        "line 2  email_0009.pdf  skipped: quarantined (the file could not be read): not in the queue",
        "2 decisions: 2 skipped.",
    ]
    assert council.submission(case.file_name).outcome == "exception"
    with session_scope(council.settings.database_url) as session:
        review = session.get(CaseReview, case.id)
        assert review is not None
        review.claimed_at = utcnow() - dt.timedelta(minutes=council.settings.review.claim_minutes + 1)
        session.add(review)
    stale = _run(council, decisions)
    assert _lines(stale.output)[0] == f"line 1  {case.file_name}  approved"
    assert council.submission(case.file_name).decided_by == "bob"


# --------------------------------------------------------------------------- the whole file is checked first


@pytest.mark.parametrize(("line", "message"), [
    ("not json", "not JSON"),
    ("[1, 2]", "not a JSON object"),
    ({"file": "{case}", "user": "bob", "decision": "approve", "feilds": {}}, 'unknown key "feilds"'),
    ({"file": "{case}", "user": "bob", "decision": "aprove"}, 'unknown decision "aprove"'),
    ({"file": "{case}", "user": "bob"}, 'no "decision"'),
    ({"file": "{case}", "user": "bob", "decision": "approve", "fields": ["x"]}, '"fields" must be an object'),
    ({"file": "{case}", "user": "bob", "decision": "approve", "fields": {"vrm": "AB12CDE"}},
     '"vrm" is not a field of council_tax_spd'),
    ({"file": "{case}", "user": "bob", "decision": "approve", "fields": {"postcode": 12}}, "must be a string"),
    ({"file": "x.pdf", "user": "bob", "decision": "approve"}, 'no submission named "x.pdf"'),
    ({"sha256": "0" * 64, "user": "bob", "decision": "approve"}, f"no submission has sha256 {'0' * 64}"),
    ({"user": "bob", "decision": "approve"}, 'no "file" or "sha256"'),
    ({"file": "{case}", "user": "dave", "decision": "approve"}, 'no user called "dave"'),
    ({"file": "{case}", "decision": "approve"}, 'no "user"'),
    ({"file": "{case}", "user": "bob", "decision": "approve", "override": True}, 'needs a "note"'),
    ({"file": "{case}", "user": "bob", "decision": "approve", "override": "yes", "note": "n"},
     '"override" must be true or false'),
    ({"file": "{case}", "user": "bob", "decision": "reject"}, 'a rejection needs a "reason"'),
    ({"file": "{case}", "user": "bob", "decision": "more_info"}, 'needs "needed"'),
    ({"file": "{case}", "user": "bob", "decision": "reject", "reason": "r", "override": True, "note": "n"},
     '"override" goes with "decision": "approve"'),
    ({"file": "{case}", "user": "bob", "decision": "reject", "reason": "r", "fields": {}},
     '"fields" goes with "decision": "approve"'),
])
def test_a_line_that_cannot_be_applied_stops_the_whole_file(council: Council, tmp_path: Path,
                                                            line: dict[str, Any] | str, message: str) -> None:
    good = _any_open(council)
    bad = _any_open(council, good)
    if isinstance(line, dict):
        line = {k: (bad.file_name if v == "{case}" else v) for k, v in line.items()}
    decisions = _write(tmp_path / "DECISIONS.jsonl", {"file": good.file_name, "user": "bob", "decision": "approve"},
                       "", line)
    before = _snapshot(council)
    result = _run(council, decisions)
    assert result.exit_code == 1
    assert _lines(result.output) == [_lines(result.output)[0]]  # one line, no traceback
    assert result.output.startswith(f"formwork: error: {decisions} line 3: ")
    assert message in result.output
    assert _snapshot(council) == before  # not even the good line 1


def test_every_bad_line_is_counted_and_a_deactivated_user_cannot_decide(council: Council, tmp_path: Path) -> None:
    case = _any_open(council)
    with session_scope(council.settings.database_url) as session:
        carol = session.exec(select(User).where(User.name == "carol")).one()
        auth.set_active(session, carol, False, "alice")
    before = _snapshot(council)
    result = _run(council, _write(tmp_path / "d.jsonl",
                                  {"file": case.file_name, "user": "Carol", "decision": "approve"},
                                  {"file": "nope.pdf", "user": "bob", "decision": "approve"},
                                  "{"))
    assert result.exit_code == 1
    assert _lines(result.output) == [f"formwork: error: {tmp_path / 'd.jsonl'} line 1: carol is deactivated and "
                                     "cannot make decisions (2 other lines cannot be applied either)"]
    assert _snapshot(council) == before


def test_a_file_name_that_several_submissions_share_needs_the_sha256(council: Council, tmp_path: Path) -> None:
    first = _unsure_but_right(council)
    second = _any_open(council, first)
    with session_scope(council.settings.database_url) as session:  # the same name from two senders
        sub = session.get(Submission, second.id)
        assert sub is not None
        sub.file_name = first.file_name
        session.add(sub)
    before = _snapshot(council)
    by_name = _run(council, _write(tmp_path / "d.jsonl", {"file": first.file_name, "user": "bob",
                                                          "decision": "approve"}))
    assert by_name.exit_code == 1
    assert f'line 1: 2 submissions are named "{first.file_name}": say which by its "sha256"' in by_name.output
    assert _snapshot(council) == before
    by_hash = _run(council, _write(tmp_path / "h.jsonl",
                                   {"sha256": first.sha256, "user": "bob", "decision": "approve"},
                                   {"sha256": second.sha256.upper(), "file": first.file_name, "user": "bob",
                                    "decision": "reject", "reason": "No such account."}))
    assert by_hash.exit_code == 0, by_hash.output
    assert _lines(by_hash.output)[:2] == [f"line 1  {first.file_name}  approved",
                                          f"line 2  {first.file_name}  rejected (letter written)"]
    with session_scope(council.settings.database_url) as session:
        assert session.get(Submission, first.id).outcome == "approved"  # type: ignore[union-attr]
        assert session.get(CaseReview, second.id).resolution == "rejected"  # type: ignore[union-attr]


def test_one_content_sent_under_two_names_needs_the_file_name(council: Council, tmp_path: Path) -> None:
    # the same PDF arrived twice, under two names: two submissions of one sha256
    first = _unsure_but_right(council)
    second = _any_open(council, first)
    with session_scope(council.settings.database_url) as session:
        sub = session.get(Submission, second.id)
        assert sub is not None
        sub.sha256 = first.sha256
        session.add(sub)
    before = _snapshot(council)
    by_hash = _run(council, _write(tmp_path / "d.jsonl", {"sha256": first.sha256, "user": "bob",
                                                          "decision": "approve"}))
    assert by_hash.exit_code == 1
    assert f"line 1: 2 submissions have sha256 {first.sha256}" in by_hash.output and '"file"' in by_hash.output
    assert _snapshot(council) == before
    named = _run(council, _write(tmp_path / "n.jsonl", {"sha256": first.sha256, "file": first.file_name,
                                                        "user": "bob", "decision": "approve"}))
    assert named.exit_code == 0, named.output
    assert _lines(named.output)[0] == f"line 1  {first.file_name}  approved"


# --------------------------------------------------------------------------- a dry run


def test_a_dry_run_says_what_would_happen_and_changes_nothing(council: Council, tmp_path: Path) -> None:
    decisions = _write(
        tmp_path / "d.jsonl",
        {"file": council.case_with("MISSING_FIELD:declaration_date").file_name, "user": "bob", "decision": "approve",
         "fields": {"declaration_date": "2026-11-20"}},
        {"file": council.case_with("ACCOUNT_CLOSED").file_name, "user": "bob", "decision": "approve"},
        {"file": council.case_with("ACCOUNT_NOT_FOUND").file_name, "user": "bob", "decision": "reject",
         "reason": "No such account."},
        {"file": council.case_with("NAME_MISMATCH").file_name, "user": "bob", "decision": "more_info",
         "needed": "A bill."},
        {"file": _approved_case(council).file_name, "user": "bob", "decision": "approve"})
    before = _snapshot(council)
    dry = _run(council, decisions, "--dry-run")
    assert dry.exit_code == 0, dry.output
    out = _lines(dry.output)
    assert out[0].endswith("would be approved (corrected declaration_date)")
    assert "refused: checks still fail (ACCOUNT_CLOSED)" in out[1]
    assert out[2].endswith("would be rejected (with a letter)")
    assert out[3].endswith("would ask for more information (with a letter)")
    assert out[4].endswith("would be confirmed (approved by pipeline)")
    assert out[5] == ("5 decisions: 1 would be approved, 1 would be confirmed, 1 would be rejected, "
                      "1 would ask for more information, 1 refused. Dry run: nothing was applied.")
    assert _snapshot(council) == before
    applied = _run(council, decisions)
    assert [line.replace("with a letter", "letter written") for line in _lines(applied.output)[:5]] == [
        line.replace("would be ", "").replace("would ask for more information", "more information asked for")
        .replace("with a letter", "letter written") for line in out[:5]]


def test_a_missing_or_unreadable_decisions_file(council: Council, tmp_path: Path) -> None:
    missing = _run(council, tmp_path / "absent.jsonl")
    assert missing.exit_code == 1 and "decisions file not found" in missing.output
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b"\xff\xfe\x00junk")
    assert "is not UTF-8 text" in _run(council, binary).output
    empty = _run(council, _write(tmp_path / "e.jsonl", ""))
    assert empty.exit_code == 0 and _lines(empty.output) == ["0 decisions."]


# --------------------------------------------------------------------------- other form types


@pytest.fixture(scope="module")
def permits(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Parking permits and moves, through the real pipeline."""
    root = tmp_path_factory.mktemp("permits")
    sample = generate(root / "council", forms=16, seed=2, as_of=AS_OF, properties=200,
                      types=["parking_permit", "council_tax_move"], letters=0)
    settings = make_settings(root / "data")
    load_workbook(sample.records_path, url=settings.database_url)
    pipeline.process_inbox(sample.inbox_dir, settings)
    with session_scope(settings.database_url) as session:
        auth.add_user(session, "alice", Role.admin, PASSWORD, "test")
    dispose_all()
    return root


def test_a_permit_overridden_with_a_note_is_issued_and_a_move_corrected_is_applied(permits: Path,
                                                                                    tmp_path: Path) -> None:
    council = _copy(permits, tmp_path / "c")
    zone = _exception(council, "parking_permit", {"NOT_IN_PERMIT_ZONE", "NOT_RESIDENT", "VRM_HAS_PERMIT",
                                                  "PERMIT_CAP_REACHED"})
    failing = ", ".join(zone.reasons)
    move = _exception(council, "council_tax_move", {"MISSING_FIELD:move_date", "INVALID_FORMAT:move_date",
                                                    "LOW_CONFIDENCE:move_date", "DATE_IN_FUTURE", "DATE_TOO_OLD"})
    move_date = (AS_OF - dt.timedelta(days=10)).isoformat()  # left blank on the form; the applicant said by phone
    result = _run(council, _write(
        tmp_path / "d.jsonl",
        {"file": zone.file_name, "user": "alice", "decision": "approve"},
        {"file": zone.file_name, "user": "alice", "decision": "approve", "override": True,
         "note": "Zone boundary moved last month; the gazetteer is behind"},
        {"file": move.file_name, "user": "alice", "decision": "approve", "fields": {"move_date": move_date}}))
    assert result.exit_code == 0, result.output
    assert _lines(result.output) == [
        f'line 1  {zone.file_name}  refused: checks still fail ({failing}); add "override": true and a note',
        f"line 2  {zone.file_name}  approved (overridden {failing})",
        f"line 3  {move.file_name}  approved (corrected move_date)",
        "3 decisions: 2 approved, 1 refused.",
    ]
    with session_scope(council.settings.database_url) as session:
        permit = session.exec(select(ParkingPermit).where(
            ParkingPermit.vrm == _field(council, zone.id, "vrm").value)).all()
    assert permit and any(p.valid_from.isoformat() == _field(council, zone.id, "start_date").value for p in permit)
    assert [x.kind for x in _letters(council, zone.id)] == ["permit_issued"]
    assert [e.action for e in _audit(council, zone.id) if e.actor == "alice" and e.action not in _LEARNING] == [
        "case_claimed", "permit_issued", "staff_approved"]  # line 1's refusal left nothing, not even its claim
    moved = [e.action for e in _audit(council, move.id) if e.actor == "alice" and e.action not in _LEARNING]
    assert moved[:2] == ["case_claimed", "field_corrected"] and moved[-1] == "staff_approved"
    assert {"account_closed", "account_opened"} & set(moved)
    assert _field(council, move.id, "move_date").value == move_date
    dispose_all()
