"""formwork/actions.py: moving out closes the account, moving in opens one, a permit is issued."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import Session, select

from formwork import actions
from formwork.db import session_scope
from formwork.models import AuditEntry, CouncilTaxAccount, Letter, ParkingPermit, Property, Stage, Submission
from formwork.settings import Settings


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    with session_scope(db_url) as s:
        s.add_all([
            Property(uprn=1, address_line_1="12 Mill Lane", town="Norwich", postcode="NR1 3QU", parking_zone="B2",
                     council_tax_band="C"),
            CouncilTaxAccount(account_ref="40012345", uprn=1, liable_parties="Jane Smith"),
            CouncilTaxAccount(account_ref="47000001", uprn=9, liable_parties="Someone Else"),
            ParkingPermit(permit_ref="PP000001", uprn=1, vrm="XY70ABC", zone="B2", valid_from=dt.date(2025, 1, 1),
                          valid_to=dt.date(2025, 12, 31)),
        ])
    with session_scope(db_url) as s:
        yield s


_SEQ = iter(range(1, 10_000))


def _submission(session: Session, form_type: str) -> Submission:
    sub = Submission(file_name="f.pdf", sha256=f"{next(_SEQ):064d}", stored_path="x",
                     stage=Stage.decided, form_type=form_type)
    session.add(sub)
    session.flush()
    return sub


def _apply(session: Session, form_type: str, values: dict[str, Any]) -> tuple[Submission, list[Letter]]:
    sub = _submission(session, form_type)
    letters = actions.apply_approved(session, sub, values, Settings(as_of=dt.date(2025, 6, 1)), "pipeline")
    session.flush()
    return sub, letters


def test_moving_out_closes_the_account_at_the_move_date(session: Session) -> None:
    sub, letters = _apply(session, "council_tax_move", {
        "move_type": "out", "account_ref": "40012345", "applicant_name": "Jane Smith",
        "previous_address": "12 Mill Lane", "previous_postcode": "NR1 3QU", "new_address": "1 High St, Leeds",
        "move_date": "2025-05-20"})
    account = session.get(CouncilTaxAccount, "40012345")
    assert account is not None and (account.status, account.end_date) == ("closed", dt.date(2025, 5, 20))
    assert [letter.kind for letter in letters] == ["move_out_confirmed"]
    assert "20 May 2025" in letters[0].body_html and "1 High St, Leeds" in letters[0].body_html
    # Never twice, and never a closed account again.
    assert actions.apply_approved(session, sub, {"move_type": "out", "account_ref": "40012345",
                                                 "move_date": "2025-05-20"}, Settings(), "pipeline") == []
    with pytest.raises(actions.ActionError):
        _apply(session, "council_tax_move", {"move_type": "out", "account_ref": "40012345",
                                             "move_date": "2025-05-21", "applicant_name": "J",
                                             "previous_address": "12 Mill Lane", "previous_postcode": "NR1 3QU"})


def test_moving_in_opens_an_account_with_a_new_reference(session: Session) -> None:
    values = {"move_type": "in", "applicant_name": "Sam Jones", "new_address": "12 Mill Ln",
              "new_postcode": "NR1 3QU", "move_date": "2025-05-20"}
    _, letters = _apply(session, "council_tax_move", values)
    _, more = _apply(session, "council_tax_move", {**values, "applicant_name": "Kim Jones"})
    opened = session.exec(select(CouncilTaxAccount).where(CouncilTaxAccount.uprn == 1,
                                                          CouncilTaxAccount.status == "active")).all()
    new = sorted(a.account_ref for a in opened if a.account_ref != "40012345")
    assert new == ["47000002", "47000003"]  # 8 digits, unique: one above the highest in use
    account = session.get(CouncilTaxAccount, new[0])
    assert account is not None and (account.liable_parties, account.start_date) == ("Sam Jones", dt.date(2025, 5, 20))
    assert new[0] in letters[0].body_html and new[1] in more[0].body_html
    audit = session.exec(select(AuditEntry).where(AuditEntry.action == "account_opened")).all()
    assert len(audit) == 2


def test_a_permit_is_issued_for_a_year(session: Session) -> None:
    _, letters = _apply(session, "parking_permit", {
        "applicant_name": "Jane Smith", "address": "12 Mill Lane", "postcode": "NR1 3QU", "vrm": "AB12CDE",
        "zone": "B2", "start_date": "2025-06-10"})
    permit = session.exec(select(ParkingPermit).where(ParkingPermit.vrm == "AB12CDE")).one()
    assert (permit.uprn, permit.zone, permit.valid_from, permit.valid_to) == (
        1, "B2", dt.date(2025, 6, 10), dt.date(2026, 6, 9))
    assert permit.permit_ref == "PP000002"
    assert permit.permit_ref in letters[0].body_html and "9 June 2026" in letters[0].body_html


def test_a_permit_from_29_february_runs_to_28_february() -> None:
    assert actions._one_year(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)
