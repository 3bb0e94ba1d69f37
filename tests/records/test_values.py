"""Cell values to normal forms: what a council's spreadsheet may hold, and what it may not."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from formwork import records
from formwork.models import ParkingPermit
from formwork.records import load_workbook
from tests.records.workbooks import MakeWorkbook, Sheets, table_rows


@pytest.mark.parametrize(
    ("convert", "cell", "expected"),
    [
        (records._uprn, 100012345, 100012345),
        (records._uprn, 100012345.0, 100012345),
        (records._uprn, " 100012345 ", 100012345),
        (records._uprn, "100012345.0", 100012345),
        (records._account_ref, "CT40012345", "40012345"),
        (records._account_ref, "4001 2345", "40012345"),
        (records._account_ref, "4001-2345", "40012345"),
        (records._account_ref, 1234567, "01234567"),  # a number cell that lost its leading zero
        (records._postcode, "nr13qu", "NR1 3QU"),
        (records._vrm, "ab12 cde", "AB12CDE"),
        (records._vrm, "1 ABC", "1ABC"),  # dateless marks are real registrations
        (records._band, "band c", "C"),
        (records._status, " CLOSED ", "closed"),
        (records._date, dt.datetime(2025, 3, 1, 0, 0), dt.date(2025, 3, 1)),
        (records._date, "1/3/2025", dt.date(2025, 3, 1)),
        (records._date, "March 1, 2025", dt.date(2025, 3, 1)),
        (records._names, " Jane   Smith;; John Smith ;", "Jane Smith;John Smith"),
        (records._codes, "spd, sdd; SPD", "SPD;SDD"),
        (records._text, "  12   Mill\tLane ", "12 Mill Lane"),
        (records._text, 12, "12"),
    ],
)
def test_accepted(convert: Any, cell: Any, expected: Any) -> None:
    assert convert(cell) == expected


@pytest.mark.parametrize(
    ("convert", "cell", "message"),
    [
        (records._uprn, "12a", "'12a' is not a UPRN"),
        (records._uprn, 1.5, "1.5 is not a UPRN"),
        (records._uprn, 10**13, "is not a UPRN (1 to 12 digits)"),
        (records._account_ref, "4001234", "'4001234' is not an 8-digit council tax reference"),
        (records._account_ref, "4OO12345", "(did you mean 40012345?)"),  # a guess is not made for records
        (records._postcode, "NRL 3QU", "is not a UK postcode (did you mean 'NR1 3QU'?)"),
        (records._postcode, "NR1", "'NR1' is not a UK postcode"),
        (records._vrm, "!!", "is not a vehicle registration mark"),
        (records._band, "I", "'I' is not a council tax band (A to H)"),
        (records._date, "01/03/25", "has a two-digit year"),
        (records._date, True, "is not a date"),
        (records._text, dt.datetime(2025, 2, 1), "is a date or time, expected text"),
        (records._text, "#DIV/0!", "the cell holds the Excel error #DIV/0!"),
    ],
)
def test_refused(convert: Any, cell: Any, message: str) -> None:
    with pytest.raises(records._Bad) as err:
        convert(cell)
    assert message in str(err.value)


def test_replace_notes_rows_of_absent_sheets_left_pointing_nowhere(make_workbook: MakeWorkbook, sheets: Sheets,
                                                                   url: str) -> None:
    load_workbook(make_workbook(sheets), url=url)
    newer = {"properties": sheets["properties"][:1] + sheets["properties"][2:],  # 100001 gone
             "council_tax_accounts": sheets["council_tax_accounts"][:1] + sheets["council_tax_accounts"][2:]}
    report = load_workbook(make_workbook(newer, "newer.xlsx"), url=url, replace=True)
    assert "permits: 1 kept from earlier loads refer to properties no longer in the gazetteer" in report.notes
    assert "electors: 1 kept from earlier loads refer to properties no longer in the gazetteer" in report.notes
    assert len(table_rows(url, ParkingPermit)) == 1
