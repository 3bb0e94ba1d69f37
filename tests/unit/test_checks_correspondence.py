"""formwork/checks/correspondence.py and the correspondence checks list, against a real SQLite database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlmodel import Session

from formwork import reasons as R
from formwork.checks import CHECKS, CheckContext, Records, run_checks
from formwork.checks.correspondence import sender_is_known
from formwork.db import session_scope
from formwork.models import CouncilTaxAccount, Property
from formwork.settings import Policy

FORM = "correspondence"
RECEIVED = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
GOOD: dict[str, Any] = {"topic": "missed_bin", "sender_name": "Jane Smith", "address": "12 Mill Ln",
                        "postcode": "FW3 2AB", "body": "My bin was missed."}


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    with session_scope(db_url) as s:
        s.add_all([
            Property(uprn=1, address_line_1="12 Mill Lane", town="Formwick", postcode="FW3 2AB"),
            Property(uprn=2, address_line_1="Rose Cottage, Mill Lane", town="Formwick", postcode="FW3 2AB"),
            CouncilTaxAccount(account_ref="40012345", uprn=1, liable_parties="Jane Smith",
                              start_date=dt.date(2020, 4, 1)),
        ])
    with session_scope(db_url) as s:
        yield s


@pytest.fixture
def make_ctx(session: Session) -> Callable[..., CheckContext]:
    def make(**changes: Any) -> CheckContext:
        values = {k: v for k, v in (GOOD | changes).items() if v is not None}
        return CheckContext(FORM, values, RECEIVED.date(), Policy(), Records(session), 1, RECEIVED)

    return make


def reasons(ctx: CheckContext) -> list[str]:
    return [r for c in run_checks(FORM, ctx) for r in c.reasons]


def test_the_checks_in_the_order_staff_read_them() -> None:
    assert [c.__name__ for c in CHECKS[FORM]] == ["sender_is_known", "account_exists"]


def test_a_named_sender_at_an_address_in_the_gazetteer_is_known(make_ctx: Callable[..., CheckContext]) -> None:
    outcome = sender_is_known(make_ctx())
    assert outcome.passed
    assert outcome.evidence["property"]["uprn"] == 1


def test_a_named_house_matches_its_whole_first_line(make_ctx: Callable[..., CheckContext]) -> None:
    assert reasons(make_ctx(address="Rose Cottage, Mill Lane")) == []


@pytest.mark.parametrize("changes", [
    {"sender_name": None},  # no name, however good the address
    {"address": "99 Nowhere Road"},  # not in the gazetteer
    {"postcode": "FW9 9ZZ"},  # the right street at the wrong postcode
    {"address": None},  # a postcode alone is not an address
    {"address": None, "postcode": None},
])
def test_sender_unknown(make_ctx: Callable[..., CheckContext], changes: dict[str, Any]) -> None:
    assert reasons(make_ctx(**changes)) == [R.SENDER_UNKNOWN]


def test_a_quoted_account_that_exists_makes_the_sender_known_without_an_address(
        make_ctx: Callable[..., CheckContext]) -> None:
    assert reasons(make_ctx(address=None, postcode=None, account_ref="40012345")) == []


def test_a_quoted_account_that_does_not_exist(make_ctx: Callable[..., CheckContext]) -> None:
    assert reasons(make_ctx(account_ref="49999999")) == [R.ACCOUNT_NOT_FOUND]
    assert reasons(make_ctx(account_ref="49999999", address=None)) == [R.SENDER_UNKNOWN, R.ACCOUNT_NOT_FOUND]


def test_an_account_does_not_name_the_sender(make_ctx: Callable[..., CheckContext]) -> None:
    assert reasons(make_ctx(sender_name=None, account_ref="40012345")) == [R.SENDER_UNKNOWN]
