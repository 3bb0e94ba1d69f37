"""formwork/checks/: every council_tax_spd check against a real SQLite database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlmodel import Session

from formwork import reasons as R
from formwork.checks import (
    CHECKS,
    CheckContext,
    CheckOutcome,
    Records,
    council_tax,
    dates,
    electoral_register,
    run_checks,
    submissions,
)
from formwork.checks.base import same_person
from formwork.db import session_scope
from formwork.models import CouncilTaxAccount, Elector, Outcome, Property, Stage, Submission
from formwork.settings import Policy

FORM = "council_tax_spd"
AS_OF = dt.date(2025, 6, 1)
RECEIVED = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.UTC)

# Jane Ann Smith is the liable party at 12 Mill Lane; her husband John was on the register there.
GOOD: dict[str, Any] = {
    "account_ref": "40012345",
    "applicant_name": "Mrs Jane Smith",
    "address": "12 Mill Ln",
    "postcode": "NR1 3QU",
    "sole_adult_since": "2025-03-01",
    "other_adult_name": "John Smith",
    "change_description": "My husband moved out on 1 March 2025.",
    "declaration_date": "2025-05-20",
}


def _seed(session: Session) -> None:
    session.add_all([
        Property(uprn=100001, address_line_1="12 Mill Lane", town="Norwich", postcode="NR1 3QU"),
        Property(uprn=100002, address_line_1="2 Mill Lane", address_line_2="Flat 1", town="Norwich",
                 postcode="NR1 3QU"),
        Property(uprn=100003, address_line_1="3 Mill Lane", town="Norwich", postcode="NR1 3QU"),
        CouncilTaxAccount(account_ref="40012345", uprn=100001, liable_parties="Jane Ann Smith",
                          start_date=dt.date(2020, 4, 1)),
        CouncilTaxAccount(account_ref="40000002", uprn=100002, liable_parties="John Brown; Mary Brown",
                          discounts="spd"),
        CouncilTaxAccount(account_ref="40000003", uprn=100003, liable_parties="Ann Green", status="closed",
                          start_date=dt.date(2019, 1, 1), end_date=dt.date(2024, 3, 31)),
        Elector(elector_number="AB-1", full_name="Jane Smith", uprn=100001),
        Elector(elector_number="AB-2", full_name="John Smith", uprn=100001),
        Elector(elector_number="AB-3", full_name="Mary Brown", uprn=100002),
    ])


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    with session_scope(db_url) as s:
        _seed(s)
    with session_scope(db_url) as s:
        yield s


MakeCtx = Callable[..., CheckContext]


@pytest.fixture
def make_ctx(session: Session) -> MakeCtx:
    """``make_ctx(**changes)``: GOOD with ``changes`` (a value of None removes the field)."""
    current = Submission(file_name="current.pdf", sha256="f" * 64, stored_path="ff/ff/x.pdf", received_at=RECEIVED,
                         stage=Stage.decided, form_type=FORM, account_ref="40012345")
    session.add(current)
    session.flush()
    assert current.id is not None
    sub_id = current.id

    def make(*, as_of: dt.date = AS_OF, policy: Policy | None = None, **changes: Any) -> CheckContext:
        values = {k: v for k, v in (GOOD | changes).items() if v is not None}
        return CheckContext(FORM, values, as_of, policy or Policy(), Records(session), sub_id, RECEIVED)

    return make


def _only(outcome: CheckOutcome | None) -> CheckOutcome:
    assert outcome is not None, "the check was skipped"
    return outcome


# --------------------------------------------------------------------------- same_person


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mrs Jane Smith", "Jane Smith"),
        ("Dr. Jane Smith", "Ms Jane Smith"),
        ("JANE SMITH", "jane smith"),
        ("Jane Ann Smith", "Jane Smith"),  # a middle name on one side only
        ("Mrs Jane Smith", "Jane Ann Smith"),
        ("Mary-Jane O'Brien", "Mary Jane OBrien"),
        ("Jane  Smith", "Jane Smith"),
    ],
)
def test_same_person(a: str, b: str) -> None:
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jane Smith", "John Smith"),
        ("Jane A Smith", "Jane B Smith"),  # different middle names
        ("Jane Ann Smith", "Jane Beth Smith"),
        ("Jane Smith", "Jane Smithson"),
        ("Jane Smith", ""),
        ("", ""),
        ("Jane Smith", "Mrs"),
    ],
)
def test_not_same_person(a: str, b: str) -> None:
    assert not same_person(a, b)
    assert not same_person(b, a)


# --------------------------------------------------------------------------- accounts


def test_account_exists_passes_with_account_evidence(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.account_exists(make_ctx()))
    assert out.passed and out.reasons == []
    assert out.check == "account_exists"
    acc = out.evidence["account"]
    assert acc["account_ref"] == "40012345"
    assert acc["uprn"] == 100001
    assert acc["liable_parties"] == ["Jane Ann Smith"]
    assert acc["status"] == "active"
    assert acc["start_date"] == "2020-04-01"
    assert acc["end_date"] is None
    assert acc["discounts"] == []


def test_account_not_found(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.account_exists(make_ctx(account_ref="49999999")))
    assert out.reasons == [R.ACCOUNT_NOT_FOUND]
    assert not out.passed
    assert out.evidence == {"account_ref": "49999999"}


def test_checks_needing_the_account_are_skipped_when_it_is_unknown(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(account_ref="49999999")
    for check in (council_tax.account_is_active, council_tax.applicant_is_liable,
                  council_tax.address_is_account_property, council_tax.discount_not_already_applied,
                  electoral_register.no_other_adults_registered):
        assert check(ctx) is None, check.__name__


def test_checks_needing_the_account_are_skipped_without_account_ref(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(account_ref=None)
    for check in (council_tax.account_exists, council_tax.account_is_active, council_tax.applicant_is_liable,
                  council_tax.address_is_account_property, council_tax.discount_not_already_applied,
                  electoral_register.no_other_adults_registered, submissions.not_a_duplicate):
        assert check(ctx) is None, check.__name__


def test_account_active_passes(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.account_is_active(make_ctx()))
    assert out.reasons == []
    assert out.evidence["account"]["status"] == "active"


def test_account_closed(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.account_is_active(make_ctx(account_ref="40000003")))
    assert out.reasons == [R.ACCOUNT_CLOSED]
    assert out.evidence["account"]["status"] == "closed"
    assert out.evidence["account"]["end_date"] == "2024-03-31"


@pytest.mark.parametrize("applicant", ["Mrs Jane Smith", "Jane Ann Smith", "JANE SMITH", "Ms. Jane Ann Smith"])
def test_applicant_is_liable(make_ctx: MakeCtx, applicant: str) -> None:
    out = _only(council_tax.applicant_is_liable(make_ctx(applicant_name=applicant)))
    assert out.reasons == []
    assert out.evidence == {"applicant_name": applicant, "liable_parties": ["Jane Ann Smith"]}


@pytest.mark.parametrize("applicant", ["Mrs Joan Smith", "Jane Beth Smith", "John Smith", "Mr J Smith"])
def test_name_mismatch(make_ctx: MakeCtx, applicant: str) -> None:
    out = _only(council_tax.applicant_is_liable(make_ctx(applicant_name=applicant)))
    assert out.reasons == [R.NAME_MISMATCH]
    assert out.evidence == {"applicant_name": applicant, "liable_parties": ["Jane Ann Smith"]}


def test_any_of_several_liable_parties_may_apply(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.applicant_is_liable(make_ctx(account_ref="40000002", applicant_name="Mrs Mary Brown")))
    assert out.reasons == []
    assert out.evidence["liable_parties"] == ["John Brown", "Mary Brown"]


def test_applicant_is_liable_skipped_without_name(make_ctx: MakeCtx) -> None:
    assert council_tax.applicant_is_liable(make_ctx(applicant_name=None)) is None


# --------------------------------------------------------------------------- address


@pytest.mark.parametrize("address", ["12 Mill Ln", "12 mill lane", "12, Mill Lane", "12 MILL LN."])
def test_address_matches_with_abbreviations(make_ctx: MakeCtx, address: str) -> None:
    out = _only(council_tax.address_is_account_property(make_ctx(address=address)))
    assert out.reasons == []
    assert out.evidence["mismatched"] == []
    assert out.evidence["written"] == {"address": address, "postcode": "NR1 3QU"}
    assert out.evidence["property"]["uprn"] == 100001
    assert out.evidence["property"]["address_line_1"] == "12 Mill Lane"
    assert out.evidence["property"]["postcode"] == "NR1 3QU"


@pytest.mark.parametrize("address", ["Flat 1, 2 Mill Lane", "2 Mill Ln, Flat 1", "flat 1 2 mill ln"])
def test_address_with_second_line_matches(make_ctx: MakeCtx, address: str) -> None:
    out = _only(council_tax.address_is_account_property(
        make_ctx(account_ref="40000002", applicant_name="Mary Brown", address=address)))
    assert out.reasons == []


def test_address_mismatch_on_street(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.address_is_account_property(make_ctx(address="12 Mill Road")))
    assert out.reasons == [R.ADDRESS_MISMATCH]
    assert out.evidence["mismatched"] == ["address"]


def test_address_mismatch_on_house_number(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.address_is_account_property(make_ctx(address="21 Mill Lane")))
    assert out.reasons == [R.ADDRESS_MISMATCH]
    assert out.evidence["mismatched"] == ["address"]


def test_address_mismatch_on_postcode(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.address_is_account_property(make_ctx(postcode="NR2 4AB")))
    assert out.reasons == [R.ADDRESS_MISMATCH]
    assert out.evidence["mismatched"] == ["postcode"]
    assert out.evidence["written"]["postcode"] == "NR2 4AB"


def test_address_mismatch_on_both(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.address_is_account_property(make_ctx(address="1 High St", postcode="NR2 4AB")))
    assert out.reasons == [R.ADDRESS_MISMATCH]
    assert out.evidence["mismatched"] == ["postcode", "address"]


def test_address_check_runs_on_postcode_alone(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.address_is_account_property(make_ctx(address=None, postcode="NR2 4AB")))
    assert out.reasons == [R.ADDRESS_MISMATCH]
    assert out.evidence["mismatched"] == ["postcode"]


def test_address_check_skipped_without_address_and_postcode(make_ctx: MakeCtx) -> None:
    assert council_tax.address_is_account_property(make_ctx(address=None, postcode=None)) is None


# --------------------------------------------------------------------------- discount


def test_discount_not_yet_applied(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.discount_not_already_applied(make_ctx()))
    assert out.reasons == []
    assert out.evidence == {"discounts": []}


def test_discount_already_applied_any_case(make_ctx: MakeCtx) -> None:
    out = _only(council_tax.discount_not_already_applied(
        make_ctx(account_ref="40000002", applicant_name="Mary Brown")))
    assert out.reasons == [R.DISCOUNT_ALREADY_APPLIED]
    assert out.evidence == {"discounts": ["SPD"]}


# --------------------------------------------------------------------------- electoral register


def test_other_adults_excludes_applicant_and_named_other_adult(make_ctx: MakeCtx) -> None:
    out = _only(electoral_register.no_other_adults_registered(make_ctx()))
    assert out.reasons == []
    assert out.evidence["uprn"] == 100001
    assert out.evidence["electors"] == [
        {"elector_number": "AB-1", "full_name": "Jane Smith"},
        {"elector_number": "AB-2", "full_name": "John Smith"},
    ]
    assert out.evidence["unexplained"] == []


def test_other_adults_registered_when_other_adult_not_named(make_ctx: MakeCtx) -> None:
    out = _only(electoral_register.no_other_adults_registered(make_ctx(other_adult_name=None)))
    assert out.reasons == [R.OTHER_ADULTS_REGISTERED]
    assert out.evidence["unexplained"] == ["John Smith"]


def test_other_adults_registered_when_named_other_adult_is_someone_else(make_ctx: MakeCtx) -> None:
    out = _only(electoral_register.no_other_adults_registered(make_ctx(other_adult_name="Peter Jones")))
    assert out.reasons == [R.OTHER_ADULTS_REGISTERED]
    assert out.evidence["unexplained"] == ["John Smith"]


def test_other_adults_matched_with_titles_and_middle_names(make_ctx: MakeCtx) -> None:
    out = _only(electoral_register.no_other_adults_registered(
        make_ctx(applicant_name="Ms Jane Ann Smith", other_adult_name="Mr John Paul Smith")))
    assert out.reasons == []


def test_other_adults_applicant_not_excluded_under_a_different_name(make_ctx: MakeCtx) -> None:
    # The applicant is recorded as liable under another name: the registered Jane Smith is unexplained.
    out = _only(electoral_register.no_other_adults_registered(make_ctx(applicant_name="Janet Smith")))
    assert out.reasons == [R.OTHER_ADULTS_REGISTERED]
    assert out.evidence["unexplained"] == ["Jane Smith"]


def test_other_adults_skipped_without_applicant(make_ctx: MakeCtx) -> None:
    assert electoral_register.no_other_adults_registered(make_ctx(applicant_name=None)) is None


# --------------------------------------------------------------------------- dates


def test_sole_adult_since_today_is_not_in_future(make_ctx: MakeCtx) -> None:
    out = _only(dates.sole_adult_since_not_in_future(make_ctx(sole_adult_since=AS_OF.isoformat())))
    assert out.reasons == []
    assert out.evidence == {"sole_adult_since": "2025-06-01", "as_of": "2025-06-01"}


def test_sole_adult_since_tomorrow_is_in_future(make_ctx: MakeCtx) -> None:
    out = _only(dates.sole_adult_since_not_in_future(make_ctx(sole_adult_since="2025-06-02")))
    assert out.reasons == [R.DATE_IN_FUTURE]
    assert out.evidence == {"sole_adult_since": "2025-06-02", "as_of": "2025-06-01"}


def test_date_checks_follow_the_as_of_date(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(as_of=dt.date(2025, 2, 1))
    assert _only(dates.sole_adult_since_not_in_future(ctx)).reasons == [R.DATE_IN_FUTURE]


@pytest.mark.parametrize(("days", "reasons"), [(0, []), (364, []), (365, []), (366, [R.DATE_TOO_OLD])])
def test_backdating_limit_boundary(make_ctx: MakeCtx, days: int, reasons: list[str]) -> None:
    since = AS_OF - dt.timedelta(days=days)
    out = _only(dates.sole_adult_since_within_backdating_limit(make_ctx(sole_adult_since=since.isoformat())))
    assert out.reasons == reasons
    assert out.evidence == {"sole_adult_since": since.isoformat(), "as_of": "2025-06-01",
                            "days_before_as_of": days, "backdating_limit_days": 365}


def test_backdating_limit_comes_from_policy(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(sole_adult_since="2025-05-01", policy=Policy(backdating_limit_days=30))
    out = _only(dates.sole_adult_since_within_backdating_limit(ctx))
    assert out.reasons == [R.DATE_TOO_OLD]
    assert out.evidence["days_before_as_of"] == 31
    assert out.evidence["backdating_limit_days"] == 30


def test_date_checks_skipped_without_sole_adult_since(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(sole_adult_since=None)
    assert dates.sole_adult_since_not_in_future(ctx) is None
    assert dates.sole_adult_since_within_backdating_limit(ctx) is None
    assert dates.change_description_agrees_with_sole_adult_since(ctx) is None


def test_description_with_the_same_move_out_date_agrees(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(change_description="My husband John moved out on the 1st of March 2025 and I now live alone.")
    out = _only(dates.change_description_agrees_with_sole_adult_since(ctx))
    assert out.reasons == []
    assert out.evidence == {"sole_adult_since": "2025-03-01", "dates_in_description": ["2025-03-01"]}


def test_description_with_a_different_move_out_date_is_inconsistent(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(change_description="My husband moved out on 14/02/2025. I am writing on 1 March 2025.")
    out = _only(dates.change_description_agrees_with_sole_adult_since(ctx))
    assert out.reasons == [R.INCONSISTENT_DATES]
    assert out.evidence == {"sole_adult_since": "2025-03-01", "dates_in_description": ["2025-02-14"]}


def test_description_without_a_date_agrees(make_ctx: MakeCtx) -> None:
    out = _only(dates.change_description_agrees_with_sole_adult_since(
        make_ctx(change_description="My husband moved out last spring.")))
    assert out.reasons == []
    assert out.evidence["dates_in_description"] == []


def test_description_check_skipped_without_description(make_ctx: MakeCtx) -> None:
    assert dates.change_description_agrees_with_sole_adult_since(make_ctx(change_description=None)) is None


# --------------------------------------------------------------------------- duplicates


def _earlier(session: Session, days_before: float, *, n: int, form_type: str = FORM, account_ref: str = "40012345",
             stage: Stage = Stage.decided) -> Submission:
    sub = Submission(file_name=f"earlier_{n}.pdf", sha256=f"{n:064x}", stored_path=f"00/00/{n}.pdf",
                     received_at=RECEIVED - dt.timedelta(days=days_before), stage=stage, form_type=form_type,
                     account_ref=account_ref, outcome=Outcome.exception if stage == Stage.decided else None)
    session.add(sub)
    session.flush()
    return sub


def test_not_a_duplicate_when_no_earlier_submission(make_ctx: MakeCtx) -> None:
    out = _only(submissions.not_a_duplicate(make_ctx()))
    assert out.reasons == []
    assert out.evidence == {"account_ref": "40012345", "window_days": 90, "earlier": []}


def test_duplicate_within_window(make_ctx: MakeCtx, session: Session) -> None:
    ctx = make_ctx()
    earlier = _earlier(session, 89, n=1)
    out = _only(submissions.not_a_duplicate(ctx))
    assert out.reasons == [R.DUPLICATE_SUBMISSION]
    [ev] = out.evidence["earlier"]
    assert ev["submission_id"] == earlier.id
    assert ev["file"] == "earlier_1.pdf"
    assert ev["outcome"] == "exception"
    assert ev["received_at"].startswith("2025-03-04T09:30")


def test_not_a_duplicate_outside_window(make_ctx: MakeCtx, session: Session) -> None:
    ctx = make_ctx()
    _earlier(session, 91, n=1)
    out = _only(submissions.not_a_duplicate(ctx))
    assert out.reasons == []
    assert out.evidence["earlier"] == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"form_type": "parking_permit"},  # another form type
        {"account_ref": "40000002"},  # another account
        {"stage": Stage.received},  # not decided yet
    ],
)
def test_duplicate_ignores_unrelated_submissions(make_ctx: MakeCtx, session: Session, kwargs: dict[str, Any]) -> None:
    ctx = make_ctx()
    _earlier(session, 10, n=1, **kwargs)
    assert _only(submissions.not_a_duplicate(ctx)).reasons == []


def test_duplicate_lists_every_earlier_submission_oldest_first(make_ctx: MakeCtx, session: Session) -> None:
    ctx = make_ctx()
    b = _earlier(session, 5, n=2)
    a = _earlier(session, 30, n=1)
    out = _only(submissions.not_a_duplicate(ctx))
    assert [e["submission_id"] for e in out.evidence["earlier"]] == [a.id, b.id]


def test_duplicate_window_comes_from_policy(make_ctx: MakeCtx, session: Session) -> None:
    ctx = make_ctx(policy=Policy(duplicate_window_days=7))
    _earlier(session, 8, n=1)
    out = _only(submissions.not_a_duplicate(ctx))
    assert out.reasons == []
    assert out.evidence["window_days"] == 7


# --------------------------------------------------------------------------- all together


def test_spd_checks_are_in_forms_md_order() -> None:
    assert [c.__name__ for c in CHECKS[FORM]] == [
        "account_exists", "account_is_active", "applicant_is_liable", "address_is_account_property",
        "discount_not_already_applied", "no_other_adults_registered", "sole_adult_since_not_in_future",
        "sole_adult_since_within_backdating_limit", "change_description_agrees_with_sole_adult_since",
        "not_a_duplicate",
    ]


def test_run_checks_good_form_passes_everything(make_ctx: MakeCtx) -> None:
    results = run_checks(FORM, make_ctx())
    assert [r.check for r in results] == [c.__name__ for c in CHECKS[FORM]]
    assert all(r.passed for r in results), [r for r in results if not r.passed]


def test_run_checks_reasons_in_staff_order(make_ctx: MakeCtx, session: Session) -> None:
    ctx = make_ctx(account_ref="40000003", applicant_name="Ann Green", address="3 Mill Lane",
                   sole_adult_since="2026-01-01", other_adult_name=None,
                   change_description="He moved out on 2 January 2026.")
    results = run_checks(FORM, ctx)
    reasons = [r for c in results for r in c.reasons]
    assert reasons == [R.ACCOUNT_CLOSED, R.DATE_IN_FUTURE, R.INCONSISTENT_DATES]


def test_run_checks_leaves_out_skipped_checks(make_ctx: MakeCtx) -> None:
    results = run_checks(FORM, make_ctx(account_ref="49999999"))
    assert [r.check for r in results] == [
        "account_exists", "sole_adult_since_not_in_future", "sole_adult_since_within_backdating_limit",
        "change_description_agrees_with_sole_adult_since", "not_a_duplicate",
    ]
    assert results[0].reasons == [R.ACCOUNT_NOT_FOUND]


def test_run_checks_unknown_form_type_runs_nothing(make_ctx: MakeCtx) -> None:
    assert run_checks("no_such_form", make_ctx()) == []


@pytest.mark.parametrize(("written", "record"), [
    ("SMITH, Jane", "Jane Smith"), ("PRICE, Huw", "Huw Price"), ("Griffiths, Lucy", "Lucy Griffiths"),
    ("JONES Louise", "Louise Jones"), ("SMITH, Mrs Jane", "Jane Smith"), ("Mr Tomasz Okafor", "Tomasz Okafor")])
def test_a_name_written_surname_first_is_the_same_person(written: str, record: str) -> None:
    """Found on forms by other authors: 'SMITH, Jane' was a NAME_MISMATCH for the liable Jane Smith."""
    assert same_person(written, record)


@pytest.mark.parametrize(("written", "record"), [("Jane Smith", "John Smith"), ("SMITH, Jane", "Jane Smithson"),
                                                 ("Smith", "Jane Smith")])
def test_different_people_are_not_the_same_person(written: str, record: str) -> None:
    assert not same_person(written, record)
