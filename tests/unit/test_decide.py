"""formwork/decide.py: from fields and check results to an outcome."""

from __future__ import annotations

import pytest

from extractors.contract import FieldValue
from extractors.council_tax_spd import SPEC
from formwork import reasons as R
from formwork.checks import CheckOutcome
from formwork.decide import decide, field_reasons
from formwork.models import Outcome
from formwork.settings import Policy

SCHEMA = SPEC.fields
THRESHOLD = Policy().confidence_threshold

VALUES = {
    "account_ref": "40012345",
    "applicant_name": "Mrs Jane Smith",
    "address": "12 Mill Lane",
    "postcode": "NR1 3QU",
    "sole_adult_since": "2025-03-01",
    "other_adult_name": "John Smith",
    "change_description": "He moved out.",
    "phone": "01603 212345",
    "email": "jane@example.org",
    "declaration_date": "2025-05-20",
}


def fv(name: str, confidence: float = 0.99, *, valid: bool = True) -> FieldValue:
    return FieldValue(name=name, value=VALUES[name] if valid else None, confidence=confidence, method="label",
                      raw=VALUES[name], valid=valid, problem=None if valid else "not valid")


def all_fields(**overrides: FieldValue | None) -> dict[str, FieldValue]:
    fields = {n: fv(n) for n in VALUES}
    for name, value in overrides.items():
        if value is None:
            del fields[name]
        else:
            fields[name] = value
    return fields


PASSED = [CheckOutcome("account_exists", []), CheckOutcome("not_a_duplicate", [])]


def test_spd_schema_matches_forms_md() -> None:
    assert [f.name for f in SCHEMA] == [
        "account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "other_adult_name",
        "other_adult_forwarding_address", "change_description", "phone", "email", "declaration_date",
    ]
    assert SPEC.required == ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since",
                             "declaration_date"]


def test_threshold_default_is_0_8() -> None:
    assert THRESHOLD == 0.8


def test_approved_with_every_field_and_passed_checks() -> None:
    d = decide(SCHEMA, all_fields(), PASSED, THRESHOLD)
    assert d.outcome is Outcome.approved
    assert d.reasons == []
    assert d.checks == PASSED


def test_approved_without_optional_fields() -> None:
    fields = {n: fv(n) for n in SPEC.required}
    assert decide(SCHEMA, fields, [], THRESHOLD).outcome is Outcome.approved


@pytest.mark.parametrize("missing", SPEC.required)
def test_each_missing_required_field(missing: str) -> None:
    d = decide(SCHEMA, all_fields(**{missing: None}), PASSED, THRESHOLD)
    assert d.outcome is Outcome.exception
    assert d.reasons == [f"MISSING_FIELD:{missing}"]


@pytest.mark.parametrize("optional", ["other_adult_name", "change_description", "phone", "email"])
def test_missing_optional_field_is_no_reason(optional: str) -> None:
    d = decide(SCHEMA, all_fields(**{optional: None}), PASSED, THRESHOLD)
    assert d.outcome is Outcome.approved
    assert d.reasons == []


def test_invalid_field_is_invalid_format_not_missing() -> None:
    d = decide(SCHEMA, all_fields(postcode=fv("postcode", valid=False)), PASSED, THRESHOLD)
    assert d.reasons == ["INVALID_FORMAT:postcode"]
    assert d.outcome is Outcome.exception


def test_invalid_optional_field_is_still_an_exception() -> None:
    d = decide(SCHEMA, all_fields(email=fv("email", valid=False)), PASSED, THRESHOLD)
    assert d.reasons == ["INVALID_FORMAT:email"]
    assert d.outcome is Outcome.exception


def test_invalid_and_low_confidence_field_reports_only_invalid_format() -> None:
    d = decide(SCHEMA, all_fields(postcode=fv("postcode", 0.1, valid=False)), [], THRESHOLD)
    assert d.reasons == ["INVALID_FORMAT:postcode"]


@pytest.mark.parametrize(
    ("confidence", "reasons"),
    [
        (THRESHOLD, []),  # at the threshold passes
        (0.81, []),
        (1.0, []),
        (0.7999, ["LOW_CONFIDENCE:account_ref"]),
        (0.6, ["LOW_CONFIDENCE:account_ref"]),
        (0.0, ["LOW_CONFIDENCE:account_ref"]),
    ],
)
def test_confidence_threshold_boundary(confidence: float, reasons: list[str]) -> None:
    d = decide(SCHEMA, all_fields(account_ref=fv("account_ref", confidence)), PASSED, THRESHOLD)
    assert d.reasons == reasons
    assert d.outcome is (Outcome.approved if not reasons else Outcome.exception)


def test_low_confidence_on_optional_field_is_an_exception() -> None:
    d = decide(SCHEMA, all_fields(phone=fv("phone", 0.5)), PASSED, THRESHOLD)
    assert d.reasons == ["LOW_CONFIDENCE:phone"]
    assert d.outcome is Outcome.exception


def test_threshold_argument_is_used() -> None:
    fields = all_fields(account_ref=fv("account_ref", 0.85))
    assert decide(SCHEMA, fields, [], 0.8).reasons == []
    assert decide(SCHEMA, fields, [], 0.9).reasons == ["LOW_CONFIDENCE:account_ref"]


def test_field_reasons_ordering_missing_then_invalid_then_low_each_in_schema_order() -> None:
    fields = all_fields(
        declaration_date=fv("declaration_date", 0.3),  # low
        email=fv("email", valid=False),  # invalid
        account_ref=fv("account_ref", 0.5),  # low
        postcode=None,  # missing
        applicant_name=None,  # missing
        sole_adult_since=fv("sole_adult_since", valid=False),  # invalid
    )
    assert field_reasons(SCHEMA, fields, THRESHOLD) == [
        "MISSING_FIELD:applicant_name",
        "MISSING_FIELD:postcode",
        "INVALID_FORMAT:sole_adult_since",
        "INVALID_FORMAT:email",
        "LOW_CONFIDENCE:account_ref",
        "LOW_CONFIDENCE:declaration_date",
    ]


def test_field_reasons_ignore_fields_not_in_schema() -> None:
    fields = all_fields()
    fields["shoe_size"] = FieldValue("shoe_size", None, 0.1, "label", valid=False)
    assert field_reasons(SCHEMA, fields, THRESHOLD) == []


def test_failed_check_makes_an_exception_after_field_reasons() -> None:
    checks = [
        CheckOutcome("account_exists", []),
        CheckOutcome("no_other_adults_registered", [R.OTHER_ADULTS_REGISTERED], {"unexplained": ["Bob"]}),
        CheckOutcome("sole_adult_since_not_in_future", [R.DATE_IN_FUTURE]),
    ]
    d = decide(SCHEMA, all_fields(phone=fv("phone", 0.2)), checks, THRESHOLD)
    assert d.outcome is Outcome.exception
    assert d.reasons == ["LOW_CONFIDENCE:phone", R.OTHER_ADULTS_REGISTERED, R.DATE_IN_FUTURE]
    assert d.checks == checks


def test_check_reason_repeated_is_reported_once() -> None:
    checks = [CheckOutcome("a", [R.DATE_TOO_OLD]), CheckOutcome("b", [R.DATE_TOO_OLD, R.NAME_MISMATCH])]
    assert decide(SCHEMA, all_fields(), checks, THRESHOLD).reasons == [R.DATE_TOO_OLD, R.NAME_MISMATCH]


def test_checks_may_be_any_iterable() -> None:
    d = decide(SCHEMA, all_fields(), (c for c in [CheckOutcome("x", [R.ACCOUNT_CLOSED])]), THRESHOLD)
    assert d.reasons == [R.ACCOUNT_CLOSED]
    assert len(d.checks) == 1


def test_never_approved_with_a_reason() -> None:
    cases = [
        (all_fields(account_ref=None), []),
        (all_fields(email=fv("email", valid=False)), []),
        (all_fields(postcode=fv("postcode", 0.5)), []),
        (all_fields(), [CheckOutcome("x", [R.DUPLICATE_SUBMISSION])]),
        ({}, []),
    ]
    for fields, checks in cases:
        d = decide(SCHEMA, fields, checks, THRESHOLD)
        assert d.reasons
        assert d.outcome is Outcome.exception


def test_nothing_extracted_reports_every_required_field() -> None:
    d = decide(SCHEMA, {}, [], THRESHOLD)
    assert d.reasons == [f"MISSING_FIELD:{n}" for n in SPEC.required]


@pytest.mark.parametrize(("earlier", "reasons"), [
    ("approved", [R.DUPLICATE_SUBMISSION]),  # its discount is that approval seen again
    ("exception", [R.DISCOUNT_ALREADY_APPLIED, R.DUPLICATE_SUBMISSION]),  # on before either came
])
def test_a_duplicate_of_an_approved_submission_gets_duplicate_submission_alone(earlier: str,
                                                                              reasons: list[str]) -> None:
    checks = [CheckOutcome("no_discount_yet", [R.DISCOUNT_ALREADY_APPLIED]),
              CheckOutcome("not_a_duplicate", [R.DUPLICATE_SUBMISSION],
                           {"earlier": [{"submission_id": 1, "outcome": earlier}]})]
    decision = decide(SCHEMA, all_fields(), checks, THRESHOLD)
    assert (decision.outcome, decision.reasons) == (Outcome.exception, reasons)
    assert decision.checks == checks  # every check's result is kept, for staff to see
