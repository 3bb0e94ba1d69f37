"""Write a :class:`~formwork.sample.council.Council` as the records workbook of records.md.

The workbook is written in openpyxl's write-only mode, so a council of 100,000
properties streams to disk instead of building a million cell objects in
memory. The file is byte-identical for the same council: zip entry times and
the document properties are pinned to the as-of date rather than the clock.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from formwork.sample.council import Council

__all__ = ["HEADERS", "write_workbook"]

#: Sheet name -> header row, exactly as records.md lays them out.
HEADERS: dict[str, tuple[str, ...]] = {
    "properties": ("uprn", "address_line_1", "address_line_2", "town", "postcode",
                   "council_tax_band", "ward", "parking_zone"),
    "council_tax_accounts": ("account_ref", "uprn", "liable_parties", "status", "start_date",
                             "end_date", "discounts"),
    "electoral_register": ("elector_number", "full_name", "uprn"),
    "parking_permits": ("permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"),
}

#: Share of date cells written as text, as a council's export sometimes does.
_TEXT_DATE_SHARE = 0.02


class _PinnedTimeZip(zipfile.ZipFile):
    """A zip whose entries all carry one timestamp, so the bytes depend only on the content."""

    def __init__(self, path: Path, when: dt.date) -> None:
        super().__init__(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._when = (when.year, when.month, when.day, 0, 0, 0)

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self._when)
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = self._info(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        # openpyxl streams each write-only sheet from a temporary file.
        with open(filename, "rb") as src, self.open(self._info(arcname or str(filename)), "w") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)


def _date_cell(value: dt.date | None, rng: random.Random) -> dt.date | str | None:
    if value is None or rng.random() >= _TEXT_DATE_SHARE:
        return value
    style = rng.randrange(3)
    if style == 0:
        return value.strftime("%d/%m/%Y")
    if style == 1:
        return value.isoformat()
    return f"{value.day} {value.strftime('%B %Y')}"


def _rows(council: Council, sheet: str, rng: random.Random) -> Iterable[Sequence[Any]]:
    if sheet == "properties":
        for p in council.properties:
            yield (p.uprn, p.address_line_1, p.address_line_2 or None, p.town, p.postcode,
                   p.council_tax_band, p.ward, p.parking_zone or None)
    elif sheet == "council_tax_accounts":
        for a in council.accounts:
            yield (a.account_ref, a.uprn, "; ".join(a.liable_parties), a.status,
                   _date_cell(a.start_date, rng), _date_cell(a.end_date, rng),
                   ";".join(a.discounts) or None)
    elif sheet == "electoral_register":
        for e in council.electors:
            yield (e.elector_number, e.full_name, e.uprn)
    else:
        for m in council.permits:
            yield (m.permit_ref, m.uprn, m.vrm, m.zone, _date_cell(m.valid_from, rng),
                   _date_cell(m.valid_to, rng))


def write_workbook(council: Council, path: Path, rng: random.Random, as_of: dt.date) -> None:
    """Write ``council`` to ``path`` (records.md layout); ``rng`` picks which dates become text."""
    wb = Workbook(write_only=True)
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "formwork sample"
    for sheet, header in HEADERS.items():
        ws = wb.create_sheet(sheet)
        ws.append(header)
        for row in _rows(council, sheet, rng):
            ws.append(row)
    # ExcelWriter rather than wb.save(): save() stamps the current time into the file.
    with _PinnedTimeZip(path, as_of) as archive:
        ExcelWriter(wb, archive).save()
