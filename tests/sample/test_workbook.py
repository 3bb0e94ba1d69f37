"""records.xlsx: the records.md layout, and records that hang together."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

import openpyxl
import pytest

from formwork.normalise import is_valid_vrm, parse_date, postcode
from formwork.sample.workbook import HEADERS
from tests.sample.conftest import Sample


@pytest.fixture(scope="module")
def sheets(sample: Sample) -> dict[str, list[tuple[Any, ...]]]:
    wb = openpyxl.load_workbook(sample.result.records_path, read_only=True)
    try:
        # Streamed sheets leave out trailing empty cells: pad every row to the header's width.
        return {ws.title: [r + (None,) * (len(HEADERS[ws.title]) - len(r)) for r in ws.iter_rows(values_only=True)]
                for ws in wb.worksheets}
    finally:
        wb.close()


def test_the_four_sheets_have_the_records_md_headers(sheets: dict[str, list[tuple[Any, ...]]]) -> None:
    assert list(sheets) == list(HEADERS)
    for name, header in HEADERS.items():
        assert sheets[name][0] == header


def test_there_are_at_least_2000_properties_with_valid_postcodes(sheets: dict[str, list[tuple[Any, ...]]]) -> None:
    rows = sheets["properties"][1:]
    assert len(rows) >= 2000
    assert len({r[0] for r in rows}) == len(rows)
    for r in rows:
        assert isinstance(r[0], int) and r[1] and r[3]
        assert postcode(r[4]).value == r[4]
        assert r[5] in tuple("ABCDEFGH")
    assert any(r[7] for r in rows) and any(not r[7] for r in rows)


def test_accounts_are_keyed_by_eight_digits_and_point_at_properties(sheets: dict[str, list[tuple[Any, ...]]]) -> None:
    uprns = {r[0] for r in sheets["properties"][1:]}
    rows = sheets["council_tax_accounts"][1:]
    assert len({r[0] for r in rows}) == len(rows)
    status = Counter(r[3] for r in rows)
    assert status["active"] > status["closed"] > 0
    for ref, uprn, liable, state, _start, end, _discounts in rows:
        assert re.fullmatch(r"\d{8}", ref) and uprn in uprns and liable
        assert (end is None) == (state == "active")
    assert sum(1 for r in rows if r[6] and "SPD" in r[6].split(";")) > 100
    assert any(";" in r[2] for r in rows)


def test_dates_are_mostly_real_dates_and_a_few_text(sheets: dict[str, list[tuple[Any, ...]]]) -> None:
    cells = [c for r in sheets["council_tax_accounts"][1:] for c in (r[4], r[5]) if c is not None]
    text = [c for c in cells if isinstance(c, str)]
    assert 0 < len(text) < len(cells) * 0.05
    assert all(isinstance(c, (dt.date, str)) for c in cells)
    for c in text:
        parse_date(c)


def test_electors_and_permits_point_at_properties(sheets: dict[str, list[tuple[Any, ...]]]) -> None:
    uprns = {r[0] for r in sheets["properties"][1:]}
    electors = sheets["electoral_register"][1:]
    assert len({r[0] for r in electors}) == len(electors)
    assert all(re.fullmatch(r"[A-Z]{2}-\d+", r[0]) and r[1] and r[2] in uprns for r in electors)
    permits = sheets["parking_permits"][1:]
    assert permits
    assert len({r[2] for r in permits}) == len(permits)
    assert all(r[1] in uprns and is_valid_vrm(r[2]) and r[3] for r in permits)
