"""Test data for the records loader: a small valid council, and a way to read tables back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import inspect
from sqlmodel import select

from formwork import db

Rows = list[list[Any]]
Sheets = dict[str, Rows]
MakeWorkbook = Callable[..., Path]

PROPERTIES: Rows = [
    ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"],
    [100001, "1 Mill Lane", None, "Norwich", "NR1 3QU", "B", "Mancroft", "A"],
    [100002, "2 Mill Lane", "Flat 1", "Norwich", "nr13qu", "c", "Mancroft", None],
    [100003, "3 Mill Lane", None, "Norwich", "NR1 3QU", "D", "Mancroft", "A"],
]
ACCOUNTS: Rows = [
    ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"],
    ["40000001", 100001, "Jane Smith", "active", dt.date(2020, 4, 1), None, None],
    ["CT 4000 0002", 100002, "John  Brown ;  Mary Brown", "Active", "01/04/2021", None, "spd"],
    [40000003, 100003, "Ann Green", "closed", dt.datetime(2019, 1, 1), "31 March 2024", None],
]
ELECTORS: Rows = [
    ["elector_number", "full_name", "uprn"],
    ["AB-1", "Jane Smith", 100001],
    ["AB-2", "John Brown", "100002"],
]
PERMITS: Rows = [
    ["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"],
    ["P-1", 100001, "ab12 cde", "A", dt.date(2025, 1, 1), dt.date(2025, 12, 31)],
]


def default_sheets() -> Sheets:
    """A small, valid council: fresh copies, so a test may change them."""
    return {
        "properties": [list(r) for r in PROPERTIES],
        "council_tax_accounts": [list(r) for r in ACCOUNTS],
        "electoral_register": [list(r) for r in ELECTORS],
        "parking_permits": [list(r) for r in PERMITS],
    }


def table_rows(url: str, model: type) -> list[dict[str, Any]]:
    """Every row of ``model``'s table as dicts, in key order."""
    key: str = inspect(model).primary_key[0].name
    with db.session_scope(url) as session:
        rows: list[Any] = list(session.exec(select(model)).all())
        return sorted((r.model_dump() for r in rows), key=lambda d: d[key])
