"""Bad rows: a load is all or nothing, errors say where; --skip-bad-rows and its report."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from formwork.models import CouncilTaxAccount, Elector, Property, RecordsLoad
from formwork.records import RecordsError, load_workbook
from tests.records.workbooks import MakeWorkbook, Sheets, table_rows


def _nothing_loaded(url: str) -> bool:
    return not any(table_rows(url, m) for m in (Property, CouncilTaxAccount, Elector, RecordsLoad))


@pytest.mark.parametrize(
    ("sheet", "row", "col", "value", "message"),
    [
        ("council_tax_accounts", 3, 4, "31/02/2021",
         "council_tax_accounts row 3, column start_date: '31/02/2021' is an impossible date"),
        ("council_tax_accounts", 2, 4, "soon", "council_tax_accounts row 2, column start_date: 'soon' is not a date"),
        ("properties", 3, 4, "NR1", "properties row 3, column postcode: 'NR1' is not a UK postcode"),
        ("properties", 2, 0, None, "properties row 2, column uprn: empty, but a value is required"),
        ("council_tax_accounts", 4, 0, "ABC",
         "council_tax_accounts row 4, column account_ref: 'ABC' is not an 8-digit council tax reference"),
        ("council_tax_accounts", 2, 1, 999,
         "council_tax_accounts row 2, column uprn: no property with UPRN 999 in properties or the database"),
        ("electoral_register", 3, 2, 555,
         "electoral_register row 3, column uprn: no property with UPRN 555 in properties or the database"),
        ("parking_permits", 2, 1, 777,
         "parking_permits row 2, column uprn: no property with UPRN 777 in properties or the database"),
        ("council_tax_accounts", 3, 3, "open", "council_tax_accounts row 3, column status: 'open' is not a status"),
        ("properties", 4, 5, "Z", "properties row 4, column council_tax_band: 'Z' is not a council tax band"),
        ("council_tax_accounts", 4, 5, "01/01/2018",
         "council_tax_accounts row 4, column end_date: 2018-01-01 is before start_date 2019-01-01"),
        ("council_tax_accounts", 3, 0, "CT40000001",
         "council_tax_accounts row 3, column account_ref: '40000001' already appears on row 2"),
        ("parking_permits", 2, 4, 45000, "parking_permits row 2, column valid_from: 45000 is a number, not a date"),
        ("properties", 2, 3, "#REF!", "properties row 2, column town: the cell holds the Excel error #REF!"),
    ],
)
def test_a_bad_row_loads_nothing_and_says_where(make_workbook: MakeWorkbook, sheets: Sheets, url: str,
                                                sheet: str, row: int, col: int, value: object,
                                                message: str) -> None:
    sheets[sheet][row - 1][col] = value
    with pytest.raises(RecordsError) as err:
        load_workbook(make_workbook(sheets), url=url)
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)
    assert _nothing_loaded(url)


def test_a_bad_row_leaves_an_earlier_load_untouched(make_workbook: MakeWorkbook, sheets: Sheets,
                                                    url: str) -> None:
    load_workbook(make_workbook(sheets), url=url)
    before = table_rows(url, Property)
    sheets["properties"][1][1] = "1 New Street"  # would be an update...
    sheets["properties"].append([100004, "4 Mill Lane", None, "Norwich", "NR1 3QU", "B", None, None])  # ...an insert
    sheets["council_tax_accounts"][2][3] = "maybe"  # ...but this row is bad
    with pytest.raises(RecordsError, match="council_tax_accounts row 3, column status"):
        load_workbook(make_workbook(sheets, "newer.xlsx"), url=url)
    assert table_rows(url, Property) == before
    assert len(table_rows(url, RecordsLoad)) == 1


def test_many_problems_are_counted_on_one_line(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    for i in range(30):
        sheets["properties"].append([200000 + i, "x", None, None, "bad", None, None, None])
    sheets["council_tax_accounts"][1][3] = "gone"
    with pytest.raises(RecordsError) as err:
        load_workbook(make_workbook(sheets), url=url)
    assert str(err.value) == "properties row 5, column postcode: 'bad' is not a UK postcode (and 30 more problems)"
    assert err.value.total == 31
    assert len(err.value.problems) == 20
    assert err.value.problems[1].row == 6


def test_account_may_refer_to_a_property_already_in_the_database(make_workbook: MakeWorkbook, sheets: Sheets,
                                                                 url: str) -> None:
    load_workbook(make_workbook(sheets), url=url)
    del sheets["properties"][3]  # 100003 is only in the database now; its account still refers to it
    report = load_workbook(make_workbook(sheets, "newer.xlsx"), url=url)
    assert report.counts["council_tax_accounts"]["unchanged"] == 3
    # ...but not with --replace, which is about to delete that property.
    with pytest.raises(RecordsError, match="row 4, column uprn: no property with UPRN 100003"):
        load_workbook(make_workbook(sheets, "newer.xlsx"), url=url, replace=True)


def test_skip_bad_rows_loads_the_rest_and_writes_a_report(make_workbook: MakeWorkbook, sheets: Sheets,
                                                          url: str) -> None:
    sheets["properties"][3][4] = "NOT A POSTCODE"  # 100003 rejected...
    sheets["council_tax_accounts"][1][4] = "32/01/2020"
    path = make_workbook(sheets)

    report = load_workbook(path, url=url, skip_bad_rows=True)

    assert report.counts["properties"] == {
        "read": 3, "inserted": 2, "updated": 0, "unchanged": 0, "deleted": 0, "rejected": 1}
    # ...so the account at 100003 goes too, and says why.
    assert report.counts["council_tax_accounts"]["rejected"] == 2
    assert [(r.sheet, r.row, r.column) for r in report.rejected] == [
        ("properties", 4, "postcode"),
        ("council_tax_accounts", 2, "start_date"),
        ("council_tax_accounts", 4, "uprn"),
    ]
    assert report.rejected[2].problem == "property 100003 was rejected (properties row 4)"
    assert {p["uprn"] for p in table_rows(url, Property)} == {100001, 100002}
    assert [a["account_ref"] for a in table_rows(url, CouncilTaxAccount)] == ["40000002"]
    assert table_rows(url, RecordsLoad)[0]["rejected"] == 3

    assert report.report_path == path.with_name("records.rejected.xlsx")
    wb = openpyxl.load_workbook(report.report_path)
    assert wb.sheetnames == ["properties", "council_tax_accounts"]
    props = list(wb["properties"].iter_rows(values_only=True))
    assert props[0] == ("sheet", "row", "column", "problem", "uprn", "address_line_1", "address_line_2", "town",
                        "postcode", "council_tax_band", "ward", "parking_zone")
    assert props[1][:5] == ("properties", 4, "postcode", "'NOT A POSTCODE' is not a UK postcode", 100003)
    assert props[1][8] == "NOT A POSTCODE"  # the original cell, as it was
    accounts = list(wb["council_tax_accounts"].iter_rows(values_only=True))
    assert accounts[1][:4] == ("council_tax_accounts", 2, "start_date", "'32/01/2020' is an impossible date")
    assert accounts[1][8] == "32/01/2020"
    assert accounts[2][1:4] == (4, "uprn", "property 100003 was rejected (properties row 4)")
    assert accounts[2][6] == "Ann Green"


def test_report_keeps_text_that_looks_like_a_formula(make_workbook: MakeWorkbook, sheets: Sheets,
                                                     url: str, tmp_path: Path) -> None:
    sheets["properties"][1][3] = "=SUM(A1:A2)"  # a text cell starting with "="...
    sheets["properties"][1][4] = "nowhere"
    path = make_workbook(sheets)
    # ...which openpyxl would write as a formula; make it text in the source too.
    wb = openpyxl.load_workbook(path)
    wb["properties"]["D2"].data_type = "s"
    wb.save(path)
    out = tmp_path / "out" / "rejects.xlsx"
    out.parent.mkdir()
    report = load_workbook(path, url=url, skip_bad_rows=True, report_path=out)
    assert report.report_path == out
    row = next(openpyxl.load_workbook(out)["properties"].iter_rows(min_row=2, values_only=True))
    assert row[7] == "=SUM(A1:A2)"


def test_several_problems_in_one_row_are_all_reported(make_workbook: MakeWorkbook, sheets: Sheets,
                                                      url: str) -> None:
    sheets["properties"][2][4] = "??"
    sheets["properties"][2][5] = "Q"
    report = load_workbook(make_workbook(sheets), url=url, skip_bad_rows=True)
    rej = report.rejected[0]
    assert (rej.sheet, rej.row) == ("properties", 3)
    assert rej.column == "postcode, council_tax_band"
    assert rej.problem == ("postcode: '??' is not a UK postcode; "
                           "council_tax_band: 'Q' is not a council tax band (A to H)")


def test_skip_bad_rows_with_nothing_bad_writes_no_report(make_workbook: MakeWorkbook, sheets: Sheets,
                                                         url: str) -> None:
    path = make_workbook(sheets)
    report = load_workbook(path, url=url, skip_bad_rows=True)
    assert report.report_path is None
    assert not path.with_name("records.rejected.xlsx").exists()


def test_replace_keeps_a_row_that_was_rejected(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    load_workbook(make_workbook(sheets), url=url)
    sheets["properties"][3][4] = "bad"  # still in the extract, just wrong this time
    report = load_workbook(make_workbook(sheets, "newer.xlsx"), url=url, replace=True, skip_bad_rows=True)
    assert report.counts["properties"]["deleted"] == 0
    assert report.counts["council_tax_accounts"]["rejected"] == 0  # its property is kept, so it is fine
    assert {p["uprn"] for p in table_rows(url, Property)} == {100001, 100002, 100003}


def test_missing_required_column(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    for row in sheets["properties"]:
        del row[4]
    with pytest.raises(RecordsError) as err:
        load_workbook(make_workbook(sheets), url=url)
    assert str(err.value).startswith("properties, column postcode: required column not found in row 1")


def test_missing_required_sheet(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    del sheets["council_tax_accounts"]
    with pytest.raises(RecordsError) as err:
        load_workbook(make_workbook(sheets), url=url)
    assert str(err.value).startswith("council_tax_accounts: no such sheet in the workbook")
    assert _nothing_loaded(url)


def test_a_column_given_twice_is_ambiguous(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    for row in sheets["electoral_register"]:
        row.append(row[2] if row is not sheets["electoral_register"][0] else " UPRN")
    message = r"^electoral_register, column uprn: appears more than once in row 1 \(C and D\)"
    with pytest.raises(RecordsError, match=message):
        load_workbook(make_workbook(sheets), url=url)


def test_a_report_that_cannot_be_written_loads_nothing(make_workbook: MakeWorkbook, sheets: Sheets, url: str,
                                                       tmp_path: Path) -> None:
    sheets["properties"][1][4] = "bad"
    with pytest.raises(RecordsError, match="cannot write the rejected-rows report"):
        load_workbook(make_workbook(sheets), url=url, skip_bad_rows=True,
                      report_path=tmp_path / "no" / "such" / "folder.xlsx")
    assert _nothing_loaded(url)
