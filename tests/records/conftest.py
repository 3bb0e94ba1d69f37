"""Fixtures for the records loader: small workbooks built in the test, a fresh database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from formwork import db
from tests.records.workbooks import MakeWorkbook, Sheets, default_sheets

# Read at import, before tests/conftest.py clears FORMWORK_*: run these tests on
# PostgreSQL with e.g. FORMWORK_TEST_PG_URL=postgresql+psycopg://user@host/db (it is emptied).
_PG_URL = os.environ.get("FORMWORK_TEST_PG_URL")


@pytest.fixture
def url(tmp_path: Path) -> Iterator[str]:
    """A fresh SQLite database in tmp_path (or the emptied FORMWORK_TEST_PG_URL database)."""
    if _PG_URL:
        from sqlmodel import SQLModel

        SQLModel.metadata.drop_all(db.get_engine(_PG_URL))
        SQLModel.metadata.create_all(db.get_engine(_PG_URL))
        yield _PG_URL
    else:
        yield f"sqlite:///{tmp_path}/t.db"
    db.dispose_all()


@pytest.fixture
def sheets() -> Sheets:
    return default_sheets()


@pytest.fixture
def make_workbook(tmp_path: Path) -> MakeWorkbook:
    """``make_workbook(sheets, name="records.xlsx")``: the sheets (header row first) saved in tmp_path."""

    def make(data: Sheets, name: str = "records.xlsx") -> Path:
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for title, rows in data.items():
            ws = wb.create_sheet(title)
            for row in rows:
                ws.append(row)
        path = tmp_path / name
        wb.save(path)
        return path

    return make
