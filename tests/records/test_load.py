"""Clean loads, reloads, --replace, header matching and dates (records.md, "Loading rules")."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from formwork.models import CouncilTaxAccount, Elector, ParkingPermit, Property, RecordsLoad
from formwork.records import RecordsError, load_workbook
from tests.records.workbooks import MakeWorkbook, Sheets, table_rows


def test_clean_load_counts_and_normal_forms(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    path = make_workbook(sheets)
    report = load_workbook(path, url=url)

    assert report.counts["properties"] == {
        "read": 3, "inserted": 3, "updated": 0, "unchanged": 0, "deleted": 0, "rejected": 0}
    assert report.counts["council_tax_accounts"]["inserted"] == 3
    assert report.counts["electoral_register"]["inserted"] == 2
    assert report.counts["parking_permits"]["inserted"] == 1
    assert report.rejected == [] and report.report_path is None

    props = {p["uprn"]: p for p in table_rows(url, Property)}
    assert props[100002]["postcode"] == "NR1 3QU"
    assert props[100002]["council_tax_band"] == "C"
    assert props[100002]["parking_zone"] is None
    accounts = {a["account_ref"]: a for a in table_rows(url, CouncilTaxAccount)}
    assert set(accounts) == {"40000001", "40000002", "40000003"}  # CT prefix, spaces, a number cell
    assert accounts["40000002"]["liable_parties"] == "John Brown;Mary Brown"
    assert accounts["40000002"]["status"] == "active"
    assert accounts["40000002"]["discounts"] == "SPD"
    assert accounts["40000001"]["discounts"] == ""
    assert [e["uprn"] for e in table_rows(url, Elector)] == [100001, 100002]  # "100002" text read as a number
    assert table_rows(url, ParkingPermit)[0]["vrm"] == "AB12CDE"


def test_excel_dates_and_text_dates(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    accounts = sheets["council_tax_accounts"]
    accounts[1][4] = dt.datetime(2020, 4, 1, 0, 0)  # a real date cell
    accounts[2][4] = "1st April 2021"
    accounts[3][4:6] = ["2019-01-01", "31.03.2024"]
    load_workbook(make_workbook(sheets), url=url)
    got = {a["account_ref"]: (a["start_date"], a["end_date"]) for a in table_rows(url, CouncilTaxAccount)}
    assert got == {
        "40000001": (dt.date(2020, 4, 1), None),
        "40000002": (dt.date(2021, 4, 1), None),
        "40000003": (dt.date(2019, 1, 1), dt.date(2024, 3, 31)),
    }


def test_reload_changes_nothing(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    path = make_workbook(sheets)
    load_workbook(path, url=url)
    before = {m: table_rows(url, m) for m in (Property, CouncilTaxAccount, Elector, ParkingPermit)}

    again = load_workbook(path, url=url)

    assert again.counts["properties"] == {
        "read": 3, "inserted": 0, "updated": 0, "unchanged": 3, "deleted": 0, "rejected": 0}
    for sheet in ("council_tax_accounts", "electoral_register", "parking_permits"):
        assert again.counts[sheet]["unchanged"] == again.counts[sheet]["read"]
        assert again.counts[sheet]["inserted"] == again.counts[sheet]["updated"] == 0
    assert {m: table_rows(url, m) for m in before} == before


def test_each_load_is_recorded(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    path = make_workbook(sheets)
    first = load_workbook(path, url=url)
    load_workbook(path, url=url)
    loads = table_rows(url, RecordsLoad)
    assert len(loads) == 2
    assert loads[0]["id"] == first.load_id
    assert loads[0]["source"] == "records.xlsx"
    assert loads[0]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert loads[0]["counts"]["properties"]["inserted"] == 3
    assert loads[1]["counts"]["properties"]["unchanged"] == 3
    assert loads[1]["rejected"] == 0


def test_newer_extract_updates_and_keeps_missing_rows(make_workbook: MakeWorkbook, sheets: Sheets,
                                                      url: str) -> None:
    load_workbook(make_workbook(sheets), url=url)
    sheets["properties"][1][6] = "Thorpe"  # ward changed
    del sheets["properties"][3]  # 100003 gone from the extract...
    del sheets["council_tax_accounts"][3]  # ...with its account

    report = load_workbook(make_workbook(sheets, "newer.xlsx"), url=url)

    assert report.counts["properties"] == {
        "read": 2, "inserted": 0, "updated": 1, "unchanged": 1, "deleted": 0, "rejected": 0}
    props = {p["uprn"]: p for p in table_rows(url, Property)}
    assert set(props) == {100001, 100002, 100003}
    assert props[100001]["ward"] == "Thorpe"


def test_replace_deletes_rows_missing_from_the_extract(make_workbook: MakeWorkbook, sheets: Sheets,
                                                       url: str) -> None:
    load_workbook(make_workbook(sheets), url=url)
    del sheets["properties"][3]
    del sheets["council_tax_accounts"][3]
    del sheets["electoral_register"][2]

    report = load_workbook(make_workbook(sheets, "newer.xlsx"), url=url, replace=True)

    assert report.counts["properties"]["deleted"] == 1
    assert report.counts["council_tax_accounts"]["deleted"] == 1
    assert report.counts["electoral_register"]["deleted"] == 1
    assert report.counts["parking_permits"]["deleted"] == 0
    assert [p["uprn"] for p in table_rows(url, Property)] == [100001, 100002]
    assert [a["account_ref"] for a in table_rows(url, CouncilTaxAccount)] == ["40000001", "40000002"]
    assert [e["elector_number"] for e in table_rows(url, Elector)] == ["AB-1"]


def test_replace_leaves_absent_optional_sheets_alone(make_workbook: MakeWorkbook, sheets: Sheets,
                                                      url: str) -> None:
    load_workbook(make_workbook(sheets), url=url)
    del sheets["parking_permits"]
    report = load_workbook(make_workbook(sheets, "newer.xlsx"), url=url, replace=True)
    assert "parking_permits" not in report.counts
    assert any("permits left as they were" in n for n in report.notes)
    assert len(table_rows(url, ParkingPermit)) == 1


def test_optional_sheets_may_be_absent(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    del sheets["electoral_register"], sheets["parking_permits"]
    report = load_workbook(make_workbook(sheets), url=url)
    assert set(report.counts) == {"properties", "council_tax_accounts"}
    assert len(report.notes) == 2


def test_headers_match_ignoring_case_and_spaces_and_extra_columns(make_workbook: MakeWorkbook,
                                                                  sheets: Sheets, url: str) -> None:
    props = sheets["properties"]
    props[0] = ["  UPRN ", "Address_Line_1", "address_line_2", "TOWN", " Postcode", "Council_Tax_Band",
                "Ward", "Parking_Zone"]
    for row in props:  # an extra column, first, that nobody asked for
        row.insert(0, "notes" if row is props[0] else "whatever")
    report = load_workbook(make_workbook(sheets), url=url)
    assert report.counts["properties"]["inserted"] == 3
    assert {p["uprn"] for p in table_rows(url, Property)} == {100001, 100002, 100003}


def test_absent_optional_column_is_left_alone_on_update(make_workbook: MakeWorkbook, sheets: Sheets,
                                                        url: str) -> None:
    load_workbook(make_workbook(sheets), url=url)
    for row in sheets["properties"]:
        del row[6]  # no ward column in the newer extract
    report = load_workbook(make_workbook(sheets, "newer.xlsx"), url=url)
    assert report.counts["properties"]["unchanged"] == 3
    assert any("'ward'" in n for n in report.notes)
    assert {p["ward"] for p in table_rows(url, Property)} == {"Mancroft"}


def test_blank_rows_are_skipped_and_row_numbers_stay_true(make_workbook: MakeWorkbook, sheets: Sheets,
                                                          url: str) -> None:
    sheets["properties"].insert(2, [None] * 8)
    sheets["properties"].insert(3, ["  "] + [None] * 7)
    sheets["properties"][4][4] = "not a postcode"  # Excel row 5
    with pytest.raises(RecordsError, match=r"^properties row 5, column postcode: 'not a postcode'"):
        load_workbook(make_workbook(sheets), url=url)


def test_progress_is_reported(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    calls: list[tuple[str, int, int]] = []
    load_workbook(make_workbook(sheets), url=url, progress=lambda *a: calls.append(a))
    assert ("properties", 3, 3) in calls and ("parking_permits", 1, 1) in calls


def test_missing_workbook_and_not_a_workbook(tmp_path: Path, url: str) -> None:
    with pytest.raises(RecordsError, match="no such file"):
        load_workbook(tmp_path / "nope.xlsx", url=url)
    bogus = tmp_path / "bogus.xlsx"
    bogus.write_text("uprn,postcode\n")
    with pytest.raises(RecordsError, match=r"cannot read bogus\.xlsx"):
        load_workbook(bogus, url=url)


def test_a_permit_with_a_blank_zone_loads(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    """Found in an extract from another author: an old permit with no zone made the whole load fail."""
    sheets["parking_permits"].append(["P-2", 100002, "XY51 ABC", None, dt.date(2024, 1, 1), dt.date(2024, 12, 31)])
    load_workbook(make_workbook(sheets), url=url)
    permits = {p["permit_ref"]: p for p in table_rows(url, ParkingPermit)}
    assert permits["P-2"]["zone"] is None and permits["P-1"]["zone"] == "A"
