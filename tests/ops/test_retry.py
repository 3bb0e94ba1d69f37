"""Which failures the I/O tasks retry."""

from __future__ import annotations

from prefect.states import Failed

from flows.sync_records import _not_the_workbook
from formwork.records import RecordsError


def test_a_workbook_that_breaks_the_rules_is_not_retried() -> None:
    assert _not_the_workbook(None, None, Failed(data=RecordsError("properties row 2: bad"))) is False


def test_a_passing_failure_is_retried() -> None:
    assert _not_the_workbook(None, None, Failed(data=PermissionError("locked by Excel"))) is True
