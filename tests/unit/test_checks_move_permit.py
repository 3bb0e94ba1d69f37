"""formwork/checks/: the council_tax_move and parking_permit checks against a real SQLite database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlmodel import Session

from formwork import normalise as norm
from formwork import reasons as R
from formwork.checks import CHECKS, CheckContext, Records, run_checks
from formwork.checks.submissions import duplicate_keys
from formwork.db import session_scope
from formwork.models import (
    CouncilTaxAccount,
    Elector,
    ParkingPermit,
    Property,
    Stage,
    Submission,
    SubmissionKey,
)
from formwork.settings import Policy

AS_OF = dt.date(2025, 6, 1)
RECEIVED = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.UTC)

MOVE_OUT: dict[str, Any] = {
    "move_type": "out", "account_ref": "40012345", "applicant_name": "Mrs Jane Smith",
    "previous_address": "12 Mill Ln", "previous_postcode": "NR1 3QU", "move_date": "2025-05-20",
    "declaration_date": "2025-05-21",
}
MOVE_IN: dict[str, Any] = {
    "move_type": "in", "applicant_name": "Sam Jones", "new_address": "3 Mill Lane", "new_postcode": "NR1 3QU",
    "move_date": "2025-05-20", "declaration_date": "2025-05-21",
}
PERMIT: dict[str, Any] = {
    "applicant_name": "Jane Smith", "address": "12 Mill Lane", "postcode": "NR1 3QU", "vrm": "AB12CDE",
    "zone": "B2", "start_date": "2025-06-01", "declaration_date": "2025-05-30",
}


def _seed(session: Session) -> None:
    session.add_all([
        Property(uprn=1, address_line_1="12 Mill Lane", town="Norwich", postcode="NR1 3QU", parking_zone="B2"),
        Property(uprn=2, address_line_1="2 Mill Lane", town="Norwich", postcode="NR1 3QU", parking_zone=""),
        Property(uprn=3, address_line_1="3 Mill Lane", town="Norwich", postcode="NR1 3QU", parking_zone="B2"),
        Property(uprn=4, address_line_1="4 Mill Lane", town="Norwich", postcode="NR1 3QU", parking_zone="B2"),
        CouncilTaxAccount(account_ref="40012345", uprn=1, liable_parties="Jane Ann Smith"),
        CouncilTaxAccount(account_ref="40000003", uprn=3, liable_parties="Ann Green", status="closed"),
        CouncilTaxAccount(account_ref="40000004", uprn=4, liable_parties="Paul Old", status="closed"),
        Elector(elector_number="AB-1", full_name="Tom Lodger", uprn=1),
        Elector(elector_number="AB-4", full_name="Zoe Four", uprn=4),
        ParkingPermit(permit_ref="P1", uprn=4, vrm="XY70ABC", zone="B2", valid_from=dt.date(2024, 9, 1),
                      valid_to=dt.date(2025, 8, 31)),
        ParkingPermit(permit_ref="P2", uprn=4, vrm="XY70ABD", zone="B2", valid_from=dt.date(2025, 1, 1),
                      valid_to=dt.date(2025, 12, 31)),
        ParkingPermit(permit_ref="P3", uprn=1, vrm="OLD1", zone="B2", valid_from=dt.date(2023, 1, 1),
                      valid_to=dt.date(2023, 12, 31)),
    ])


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    with session_scope(db_url) as s:
        _seed(s)
    with session_scope(db_url) as s:
        yield s


Reasons = Callable[..., list[str]]


def _reasons_for(session: Session, form_type: str) -> Reasons:
    n = iter(range(1, 1000))

    def reasons(base: dict[str, Any], **changes: Any) -> list[str]:
        values = {k: v for k, v in {**base, **changes}.items() if v is not None}
        sub = Submission(file_name="x.pdf", sha256=f"{next(n):064d}", stored_path="x", received_at=RECEIVED,
                         stage=Stage.decided, form_type=form_type)
        session.add(sub)
        session.flush()
        assert sub.id is not None
        ctx = CheckContext(form_type, values, AS_OF, Policy(), Records(session), sub.id, RECEIVED)
        return [r for c in run_checks(form_type, ctx) for r in c.reasons]

    return reasons


@pytest.fixture
def move(session: Session) -> Reasons:
    return _reasons_for(session, "council_tax_move")


@pytest.fixture
def permit(session: Session) -> Reasons:
    return _reasons_for(session, "parking_permit")


def test_clean_move_out_and_move_in_pass(move: Reasons) -> None:
    assert move(MOVE_OUT) == []
    assert move(MOVE_IN) == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"account_ref": "40099999"}, [R.ACCOUNT_NOT_FOUND]),
    ({"account_ref": "40000003", "applicant_name": "Ann Green", "previous_address": "3 Mill Lane"},
     [R.ACCOUNT_CLOSED]),
    ({"applicant_name": "Peter Pan"}, [R.NAME_MISMATCH]),
    ({"previous_address": "14 Mill Lane"}, [R.ADDRESS_MISMATCH]),
    ({"previous_postcode": "NR2 1AA"}, [R.ADDRESS_MISMATCH]),
    ({"move_date": "2025-06-29"}, []),  # 28 days ahead is allowed
    ({"move_date": "2025-06-30"}, [R.DATE_IN_FUTURE]),
    ({"move_date": "2024-06-01"}, []),  # exactly 365 days back
    ({"move_date": "2024-05-31"}, [R.DATE_TOO_OLD]),
])
def test_move_out_checks(move: Reasons, changes: dict[str, Any], expected: list[str]) -> None:
    assert move(MOVE_OUT, **changes) == expected


def test_move_in_to_an_address_not_in_the_gazetteer(move: Reasons) -> None:
    assert move(MOVE_IN, new_address="99 Mill Lane") == [R.PROPERTY_NOT_FOUND]
    assert move(MOVE_IN, new_postcode="NR9 9ZZ") == [R.PROPERTY_NOT_FOUND]


def test_direction_checks_need_the_direction(move: Reasons) -> None:
    # Without a move type the address checks cannot know which address to read: they do not run.
    assert move(MOVE_OUT, move_type=None, previous_address="14 Mill Lane") == []
    assert move(MOVE_IN, move_type=None, new_address="99 Mill Lane") == []


def test_move_duplicates_by_account_or_by_property_left(session: Session, move: Reasons) -> None:
    earlier = Submission(file_name="e.pdf", sha256="e" * 64, stored_path="e", stage=Stage.decided,
                         form_type="council_tax_move", received_at=RECEIVED - dt.timedelta(days=10))
    session.add(earlier)
    session.flush()
    assert earlier.id is not None
    # The first copy's reference was misread: it is still found through the address left.
    for key in duplicate_keys("council_tax_move", {**MOVE_OUT, "account_ref": None}):
        session.add(SubmissionKey(submission_id=earlier.id, form_type="council_tax_move", key=key,
                                  received_at=earlier.received_at))
    session.flush()
    assert move(MOVE_OUT) == [R.DUPLICATE_SUBMISSION]
    assert move(MOVE_IN) == []


def test_duplicate_keys() -> None:
    assert duplicate_keys("council_tax_move", MOVE_OUT) == ["out:40012345", "out:NR1 3QU:12 mill lane"]
    assert duplicate_keys("council_tax_move", MOVE_IN) == ["in:NR1 3QU:3 mill lane"]
    assert duplicate_keys("parking_permit", PERMIT) == ["vrm:AB12CDE"]
    # Two people who write no mark at all ("A1B2C3D4") are not applying for one vehicle.
    assert duplicate_keys("parking_permit", {**PERMIT, "vrm": "A1B2C3D4"}) == []
    assert duplicate_keys("council_tax_move", {**MOVE_OUT, "move_type": None}) == []


def test_clean_permit_passes(permit: Reasons) -> None:
    assert permit(PERMIT) == []
    # On the register there but not on the bill: still resident.
    assert permit(PERMIT, applicant_name="Mr Tom Lodger") == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"address": "99 Mill Lane"}, [R.PROPERTY_NOT_FOUND]),
    ({"address": "2 Mill Lane"}, [R.NOT_IN_PERMIT_ZONE, R.NOT_RESIDENT]),
    ({"zone": "C"}, [R.NOT_IN_PERMIT_ZONE]),
    ({"zone": "Zone B 2"}, []),  # a zone named in words is compared by its letters and figures
    ({"zone": "Zone B 3"}, [R.NOT_IN_PERMIT_ZONE]),
    ({"applicant_name": "Peter Pan"}, [R.NOT_RESIDENT]),
    ({"vrm": "AB123CDE"}, [R.with_field(R.INVALID_FORMAT, "vrm")]),
    ({"vrm": "XY70ABC"}, [R.VRM_HAS_PERMIT]),
    ({"vrm": "OLD1"}, [R.with_field(R.INVALID_FORMAT, "vrm")]),  # its permit expired: only the shape fails
    ({"start_date": "2025-06-29"}, []),
    ({"start_date": "2025-06-30"}, [R.DATE_IN_FUTURE]),
])
def test_permit_checks(permit: Reasons, changes: dict[str, Any], expected: list[str]) -> None:
    assert permit(PERMIT, **changes) == expected


def test_closed_account_holder_is_not_resident_but_an_elector_is(permit: Reasons) -> None:
    base = {**PERMIT, "address": "4 Mill Lane", "vrm": "AB12CDF"}
    assert permit(base, applicant_name="Paul Old") == [R.NOT_RESIDENT, R.PERMIT_CAP_REACHED]
    assert permit(base, applicant_name="Zoe Four") == [R.PERMIT_CAP_REACHED]


def test_a_permit_counts_if_active_on_the_start_date(permit: Reasons) -> None:
    # P1 ends 31 August 2025: a permit from 1 June is refused while it runs, as is the cap at no. 4.
    assert R.VRM_HAS_PERMIT in permit(PERMIT, vrm="XY70ABC", start_date="2025-06-20")


def test_every_check_is_listed_once() -> None:
    for form_type in ("council_tax_move", "parking_permit"):
        names = [c.__name__ for c in CHECKS[form_type]]
        assert len(names) == len(set(names))


def test_a_zone_read_is_kept_as_the_records_spell_it(session: Session) -> None:
    from extractors.contract import Extraction, FieldValue
    from formwork.pipeline import _zone_as_recorded

    records = Records(session)
    assert records.zone_as_recorded("Zone B2") == "B2" and records.zone_as_recorded("b 2") == "B2"
    assert records.zone_as_recorded("C") is None
    ex = Extraction(form_type="parking_permit", extractor="parking_permit", version="1")
    ex.fields["zone"] = FieldValue(name="zone", value="ZONE B2", confidence=0.95, method="label", raw="Zone B2")
    _zone_as_recorded(records, ex)
    assert ex.fields["zone"].value == "B2" and ex.fields["zone"].raw == "Zone B2"


def test_an_address_read_is_as_long_as_the_gazetteer_line_it_is(session: Session) -> None:
    # "Northgate" sounds like a town, so the normal form stops before it; the records say it is the street
    from extractors.contract import Extraction, FieldValue
    from extractors.registry import default_registry
    from formwork.pipeline import _address_as_recorded

    session.add(Property(uprn=90, address_line_1="Kestrel Tower, Northgate", address_line_2="Flat 18",
                         town="Calderwick", postcode="CW2 8QR", parking_zone=""))
    session.flush()
    schema = default_registry().get("council_tax_move").fields

    def read(raw: str, postcode: str = "CW2 8QR") -> str:
        ex = Extraction(form_type="council_tax_move", extractor="council_tax_move", version="1")
        first = norm.address(raw).value
        ex.fields["new_address"] = FieldValue(name="new_address", value=first, confidence=1.0, method="label", raw=raw)
        ex.fields["new_postcode"] = FieldValue(name="new_postcode", value=postcode, confidence=1.0, method="label",
                                               raw=postcode)
        _address_as_recorded(Records(session), ex, schema)
        return str(ex.fields["new_address"].value)

    assert read("Flat 18, Kestrel Tower, Northgate\nCalderwick") == "Flat 18, Kestrel Tower, Northgate"
    assert read("Flat 18, Kestrel Tower, Northgate", postcode="NR1 3QU") == "Flat 18, Kestrel Tower"  # not there
    assert read("12 Mill Lane, Norwich", postcode="NR1 3QU") == "12 Mill Lane"  # already the records' line
    # a house's name on one line and its street on the next, where the records keep both on one line
    session.add(Property(uprn=91, address_line_1="Marsh View, 10 Hard Lane", address_line_2="", town="Tollesbury",
                         postcode="TC1 2AB", parking_zone=""))
    session.flush()
    assert read("Marsh View\n10 Hard Lane\nTollesbury", postcode="TC1 2AB") == "Marsh View, 10 Hard Lane"
    assert read("Marsh View\nTollesbury", postcode="TC1 2AB") == "Marsh View"  # a town next: nothing to add
    # a letter's sender's address, written over lines in its block, likewise
    letter = Extraction(form_type="correspondence", extractor="correspondence", version="1")
    letter.fields["address"] = FieldValue(name="address", value="Marsh View", confidence=0.95, method="text",
                                          raw="Marsh View\n10 Hard Lane\nTollesbury")
    letter.fields["postcode"] = FieldValue(name="postcode", value="TC1 2AB", confidence=0.95, method="text",
                                           raw="TC1 2AB")
    _address_as_recorded(Records(session), letter, default_registry().get("correspondence").fields)
    assert letter.fields["address"].value == "Marsh View, 10 Hard Lane"
