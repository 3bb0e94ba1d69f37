"""The workbook reader: the fast path reads exactly what openpyxl's public API reads."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from formwork import records
from formwork.models import CouncilTaxAccount, Property
from formwork.records import RecordsError, load_workbook
from tests.records.workbooks import MakeWorkbook, Sheets, table_rows

CELLS: list[Any] = [
    1, 2.5, 100012345678, -3, "plain", "  spaced  text ", "", "line\nbreak", True, False,
    dt.datetime(2025, 3, 1), dt.datetime(2025, 3, 1, 14, 30), dt.date(1999, 12, 31), dt.time(9, 15),
    "#N/A", "=1+1",
]


def _trim(rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    out = []
    for row in rows:
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        out.append(tuple(row))
    return out


def _both(path: Path, title: str) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    fast, plain = records._FastBook(path), records._PlainBook(path)
    try:
        assert fast.sheetnames == plain.sheetnames
        return _trim(list(fast.rows(title))), _trim(list(plain.rows(title)))
    finally:
        fast.close()
        plain.close()


@pytest.mark.parametrize("write_only", [False, True], ids=["shared-strings", "inline-strings"])
def test_fast_reader_reads_what_openpyxl_reads(tmp_path: Path, write_only: bool) -> None:
    wb = openpyxl.Workbook(write_only=write_only)
    if not write_only:
        wb.remove(wb.active)
    ws = wb.create_sheet("s")
    ws.append(["h"] * len(CELLS))
    ws.append(CELLS)
    ws.append([])  # a blank row
    ws.append([None, None, "after a gap"])
    rich = CellRichText(["bold ", TextBlock(InlineFont(b=True), "part")])
    ws.append([rich, "x"])
    path = tmp_path / "cells.xlsx"
    wb.save(path)

    fast, plain = _both(path, "s")
    assert fast == plain
    assert fast[1][:5] == (1, 2.5, 100012345678, -3, "plain")
    assert fast[4][0] == "bold part"


def test_fast_reader_ignores_a_wrong_declared_size(make_workbook: MakeWorkbook, sheets: Sheets, url: str,
                                                   tmp_path: Path) -> None:
    path = make_workbook(sheets)
    lied = tmp_path / "lied.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(lied, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
            dst.writestr(item, data)
    report = load_workbook(lied, url=url)
    assert report.counts["properties"]["inserted"] == 3


def test_public_api_path_loads_the_same(make_workbook: MakeWorkbook, sheets: Sheets, url: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "_USE_FAST_BOOK", False)
    report = load_workbook(make_workbook(sheets), url=url)
    assert report.counts["council_tax_accounts"]["inserted"] == 3
    assert len(table_rows(url, Property)) == 3
    assert len(table_rows(url, CouncilTaxAccount)) == 3


@pytest.mark.parametrize("fast", [True, False])
def test_broken_sheet_xml_is_a_records_error(make_workbook: MakeWorkbook, sheets: Sheets, url: str,
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast: bool) -> None:
    monkeypatch.setattr(records, "_USE_FAST_BOOK", fast)
    path = make_workbook(sheets)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) - 200]  # cut off mid-element
            dst.writestr(item, data)
    with pytest.raises(RecordsError, match=r"^properties: cannot read the sheet"):
        load_workbook(broken, url=url)
