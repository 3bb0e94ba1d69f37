"""The answer key's own rules, on hand-made forms against a small council."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from formwork import reasons as rc
from formwork.sample.council import Council, Household, Kind, make_council
from formwork.sample.oracle import SpdOracle

AS_OF = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def council() -> Council:
    return make_council(random.Random(7), AS_OF, 400)


def _form(hh: Household, **changes: str) -> dict[str, str]:
    applicant = hh.liable[0]
    raw = {"account_ref": hh.account.account_ref, "applicant_name": f"Mx {applicant.full_name}",
           "address": hh.property.address_line_1.upper(), "postcode": hh.property.postcode.replace(" ", ""),
           "sole_adult_since": "1st June 2026", "declaration_date": "20/11/2026"}
    if len(hh.registered) > 1:
        raw["other_adult_name"] = hh.registered[1].full_name
    return raw | changes


def test_a_clean_form_is_approved_and_a_repeat_is_a_duplicate_alone(council: Council) -> None:
    oracle = SpdOracle(council, AS_OF)
    hh = council.households[Kind.COUPLE][0]
    first = oracle.judge(_form(hh), None)
    assert (first.outcome, first.reasons) == ("approved", [])
    assert first.fields["postcode"] == hh.property.postcode
    assert first.fields["applicant_name"] == f"Mx {hh.liable[0].full_name}"
    again = oracle.judge(_form(hh), None)
    assert again.reasons == [rc.DUPLICATE_SUBMISSION]  # the discount applied is the first one's approval


def test_checks_that_need_a_missing_field_are_skipped(council: Council) -> None:
    oracle = SpdOracle(council, AS_OF)
    hh = council.households[Kind.FAMILY][0]  # grown-up children on the register
    no_name = oracle.judge(_form(hh, applicant_name=""), None)
    assert no_name.reasons == [rc.with_field(rc.MISSING_FIELD, "applicant_name")]
    bad_ref = oracle.judge(_form(hh, account_ref="4001234"), None)
    assert bad_ref.reasons == [rc.with_field(rc.INVALID_FORMAT, "account_ref")]
    assert bad_ref.fields["account_ref"] == "4001234"  # kept as written, and no record checks ran


def test_generic_codes_come_first_then_checks_in_order(council: Council) -> None:
    oracle = SpdOracle(council, AS_OF)
    hh = council.households[Kind.FAMILY][1]
    truth = oracle.judge(_form(hh, declaration_date="31/02/2026", sole_adult_since="2030-01-01",
                               change_description="She moved out on 3 March 2026."), dt.date(2026, 3, 3))
    assert truth.reasons == [rc.with_field(rc.INVALID_FORMAT, "declaration_date"), rc.OTHER_ADULTS_REGISTERED,
                             rc.DATE_IN_FUTURE, rc.INCONSISTENT_DATES]


def test_a_misread_reference_is_used_but_flagged(council: Council) -> None:
    oracle = SpdOracle(council, AS_OF)
    hh = next(h for h in council.households[Kind.SINGLE] if "0" in h.account.account_ref)
    ref = hh.account.account_ref
    truth = oracle.judge(_form(hh, account_ref=ref.replace("0", "O", 1)), None)
    assert truth.fields["account_ref"] == ref
    assert truth.reasons == [rc.with_field(rc.LOW_CONFIDENCE, "account_ref")]


def test_a_closed_account_is_still_checked(council: Council) -> None:
    oracle = SpdOracle(council, AS_OF)
    hh = council.households[Kind.VOID][0]
    truth = oracle.judge(_form(hh, address="999 Nowhere Road"), None)
    assert truth.reasons == [rc.ACCOUNT_CLOSED, rc.ADDRESS_MISMATCH]
