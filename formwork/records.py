"""Loading the council records workbook into the database (records.md).

The one verb is :func:`load_workbook`. Its contract:

- The whole workbook is one transaction. With ``skip_bad_rows=False`` a single
  bad row loads nothing and raises :class:`RecordsError`, whose message is one
  line naming the sheet, the row number as Excel shows it (the header is row
  1), the column and what is wrong. With ``skip_bad_rows=True`` the good rows
  load and the bad ones are written to a report workbook.
- Rows are upserted by key (``uprn``, ``account_ref``, ``elector_number``,
  ``permit_ref``): loading the same workbook twice changes nothing the second
  time. A row missing from a newer extract is deleted only with ``replace``.
- Sheets ``properties`` and ``council_tax_accounts`` must be present;
  ``electoral_register`` and ``parking_permits`` may be absent, in which case
  what the database holds for them is left as it was (and a note says so).
- A council whose sheet or column names differ supplies a :class:`Mapping`.

Structure of a load: the workbook is parsed and every cell validated first,
outside any transaction (parsing is the slow part, and holding SQLite's write
lock through it would stall the pipeline). Then one transaction fetches what
the database holds in one query per sheet, checks references between sheets,
and writes the difference in executemany batches with SQLAlchemy Core.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tomllib
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, cast

import openpyxl
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, WriteOnlyCell
from openpyxl.utils import get_column_letter
from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import SQLModel

from formwork import normalise
from formwork.db import DatabaseError, session_scope
from formwork.models import (
    CouncilTaxAccount,
    Elector,
    ParkingPermit,
    Property,
    RecordsLoad,
)
from formwork.settings import get_settings

__all__ = [
    "COUNT_KEYS",
    "SHEETS",
    "LoadReport",
    "Mapping",
    "Problem",
    "RecordsError",
    "RejectedRow",
    "SheetMapping",
    "load_mapping",
    "load_workbook",
]

#: Problems kept on a :class:`RecordsError` (the total is counted regardless).
MAX_PROBLEMS = 20
#: The counters reported for each sheet, in display order.
COUNT_KEYS = ("read", "inserted", "updated", "unchanged", "deleted", "rejected")

# Rows per executemany call. SQLAlchemy pages large batches itself; these only
# bound the size of one Python list of parameter dicts.
_WRITE_CHUNK = 5_000
# Keys per DELETE ... WHERE key IN (...): below SQLite's old 999-variable limit.
_DELETE_CHUNK = 500
# Call the progress callback every this many rows.
_PROGRESS_EVERY = 1_000

ProgressFn = Callable[[str, int, int], None]


# --------------------------------------------------------------------------- errors and results


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the workbook, located as a person would find it in Excel.

    ``sheet`` and ``column`` are the names as written in the workbook (after a
    mapping, the council's names, not ours); ``row`` is Excel's row number.
    """

    sheet: str | None
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.sheet or ""
        if self.row is not None:
            where += f" row {self.row}"
        if self.column is not None:
            where += f", column {self.column}" if where else f"column {self.column}"
        return f"{where}: {self.message}" if where else self.message


class RecordsError(Exception):
    """The workbook (or the mapping) cannot be loaded; nothing was written.

    ``str(err)`` is one line: the first problem, plus ``(and N more problems)``
    when there are others. ``problems`` holds the first :data:`MAX_PROBLEMS`
    problems and ``total`` counts them all.
    """

    def __init__(self, problems: Sequence[Problem] | str, total: int | None = None) -> None:
        if isinstance(problems, str):
            problems = [Problem(None, None, None, problems)]
        self.problems: list[Problem] = list(problems[:MAX_PROBLEMS])
        self.total: int = total if total is not None else len(problems)
        first = _one_line(str(self.problems[0])) if self.problems else "records load failed"
        more = self.total - 1
        if more > 0:
            first += f" (and {more} more problem{'s' if more != 1 else ''})"
        super().__init__(first)


@dataclass
class RejectedRow:
    """A row left out of a ``skip_bad_rows`` load, with everything needed to fix it."""

    table: str  #: our sheet name, e.g. ``properties``
    sheet: str  #: the sheet's name in the workbook
    row: int  #: Excel's row number
    problems: list[Problem]
    #: The row's original cells, by header as written (column letter where the header is blank).
    values: dict[str, Any]

    @property
    def column(self) -> str:
        """The column(s) at fault, comma-separated."""
        return ", ".join(dict.fromkeys(p.column or "" for p in self.problems))

    @property
    def problem(self) -> str:
        """What is wrong; with several problems each is prefixed by its column."""
        if len(self.problems) == 1:
            return self.problems[0].message
        return "; ".join(f"{p.column}: {p.message}" if p.column else p.message for p in self.problems)


@dataclass
class LoadReport:
    """What a load did.

    ``counts`` has an entry per sheet that was in the workbook, keyed by our
    sheet name, with the counters of :data:`COUNT_KEYS`. ``notes`` says what was
    absent (optional sheets and columns) and so left as it was.
    """

    counts: dict[str, dict[str, int]]
    rejected: list[RejectedRow] = field(default_factory=list)
    report_path: Path | None = None
    notes: list[str] = field(default_factory=list)
    load_id: int | None = None  #: the RecordsLoad row


# --------------------------------------------------------------------------- mapping


@dataclass
class SheetMapping:
    """Where one of our sheets is in a council's workbook: its sheet name and column headers."""

    sheet: str | None = None
    columns: dict[str, str] = field(default_factory=dict)  #: our column -> their header


@dataclass
class Mapping:
    """A council's names for our sheets and columns; anything not mapped keeps our name.

    The dict (and TOML/JSON) shape, for any of our sheet names::

        {"properties": {"sheet": "LLPG Extract", "columns": {"uprn": "UPRN"}}}

    ``{"properties": "LLPG Extract"}`` is short for a sheet-only mapping.
    """

    sheets: dict[str, SheetMapping] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "mapping") -> Mapping:
        """Validate ``data``; unknown sheet or column names raise :class:`RecordsError`.

        A top-level ``records_mapping`` key is unwrapped, so a ``formwork.toml``
        settings file can double as a mapping file.
        """
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise RecordsError(f"{source}: expected a table of sheets, got {type(data).__name__}")
        if set(data) == {"records_mapping"}:
            data = data["records_mapping"]
            if not isinstance(data, dict):
                raise RecordsError(f"{source}: records_mapping must be a table of sheets")
        sheets: dict[str, SheetMapping] = {}
        for name, value in data.items():
            spec = _SPECS.get(name)
            if spec is None:
                raise RecordsError(f"{source}: unknown sheet {name!r} (known: {', '.join(_SPECS)})")
            if isinstance(value, str):
                value = {"sheet": value}
            if not isinstance(value, dict):
                raise RecordsError(f"{source}: [{name}] must be a table with 'sheet' and/or 'columns'")
            unknown = set(value) - {"sheet", "columns"}
            if unknown:
                raise RecordsError(f"{source}: [{name}] has unknown key(s) {', '.join(sorted(unknown))}"
                                   " (expected 'sheet' and/or 'columns')")
            sheet = value.get("sheet")
            if sheet is not None and (not isinstance(sheet, str) or not sheet.strip()):
                raise RecordsError(f"{source}: [{name}] sheet must be a non-empty string")
            columns = value.get("columns") or {}
            if not isinstance(columns, dict):
                raise RecordsError(f"{source}: [{name}.columns] must be a table of column = header")
            known = {c.name for c in spec.columns}
            for ours, theirs in columns.items():
                if ours not in known:
                    raise RecordsError(f"{source}: [{name}.columns] unknown column {ours!r}"
                                       f" (known: {', '.join(c.name for c in spec.columns)})")
                if not isinstance(theirs, str) or not theirs.strip():
                    raise RecordsError(f"{source}: [{name}.columns] {ours} must name a header (a string)")
            sheets[name] = SheetMapping(sheet=sheet, columns=dict(columns))
        return cls(sheets)

    def sheet_name(self, sheet: str) -> str:
        """The council's name for our ``sheet``."""
        m = self.sheets.get(sheet)
        return m.sheet if m is not None and m.sheet else sheet

    def column_name(self, sheet: str, column: str) -> str:
        """The council's header for our ``column`` of ``sheet``."""
        m = self.sheets.get(sheet)
        return m.columns.get(column, column) if m is not None else column


def load_mapping(path: Path | str) -> Mapping:
    """Read a mapping file: JSON when the name ends ``.json``, TOML otherwise.

    Raises :class:`RecordsError` (one line) when the file is missing, does not
    parse, or names sheets or columns we do not have.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RecordsError(f"cannot read mapping file {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError and TOMLDecodeError are ValueErrors
        raise RecordsError(f"mapping file {path} does not parse: {_one_line(str(exc))}") from exc
    return Mapping.from_dict(data, source=f"mapping file {path.name}")


def _resolve_mapping(mapping: Mapping | dict[str, Any] | None) -> Mapping:
    # pdfplumber-style resolve(): None means "from settings", a dict is validated.
    if isinstance(mapping, Mapping):
        return mapping
    if mapping is None:
        return Mapping.from_dict(get_settings().records_mapping or None, source="settings records_mapping")
    return Mapping.from_dict(mapping)


# --------------------------------------------------------------------------- cell values


class _Bad(ValueError):
    """A cell's value is not valid for its column (the message says why)."""


_WS = re.compile(r"\s+")
_DIGITS = re.compile(r"[0-9]+")


def _one_line(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _show(value: Any) -> str:
    """A cell value as quoted in a message: short and on one line."""
    if isinstance(value, str):
        s = value if len(value) <= 60 else value[:57] + "..."
        return repr(s)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    """Free text: whitespace collapsed. Numbers become their digits; dates are refused."""
    if isinstance(value, str):
        if value in ERROR_CODES:
            raise _Bad(f"the cell holds the Excel error {value}")
        return _WS.sub(" ", value).strip()
    if isinstance(value, bool):
        raise _Bad(f"{_show(value)} is a true/false value, expected text")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        # Excel turns "1-2" or "3/4" typed into a cell into a date; storing
        # the date's text would silently corrupt the value.
        raise _Bad(f"{_show(value)} is a date or time, expected text (Excel may have converted what was typed)")
    raise _Bad(f"{_show(value)} is not text")


def _uprn(value: Any) -> int:
    if isinstance(value, bool):
        raise _Bad(f"{_show(value)} is not a UPRN")
    if isinstance(value, int):
        n = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise _Bad(f"{_show(value)} is not a UPRN (a whole number)")
        n = int(value)
    elif isinstance(value, str):
        s = _WS.sub("", value)
        s = s.removesuffix(".0")  # a number that went through text on its way to the sheet
        if not _DIGITS.fullmatch(s):
            raise _Bad(f"{_show(value)} is not a UPRN (a whole number)")
        n = int(s)
    else:
        raise _Bad(f"{_show(value)} is not a UPRN (a whole number)")
    if not 0 < n < 10**12:
        raise _Bad(f"{_show(value)} is not a UPRN (1 to 12 digits)")
    return n


def _account_ref(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A reference typed into a number cell loses its leading zeros
        # ("01234567" shows as 1234567); padding back to 8 digits restores it.
        if float(value).is_integer() and 0 < value < 10**8:
            return f"{int(value):08d}"
        raise _Bad(f"{_show(value)} is not an 8-digit council tax reference")
    text = _text(value)
    try:
        ref = normalise.account_ref(text)
    except normalise.InvalidValue:
        raise _Bad(f"{_show(value)} is not an 8-digit council tax reference") from None
    if ref.confidence < 1.0:
        # normalise repairs OCR slips (O for 0); a records extract is typed
        # data, so a "repair" would be a guess about the master record.
        raise _Bad(f"{_show(value)} is not an 8-digit council tax reference (did you mean {ref.value}?)")
    return ref.value


def _postcode(value: Any) -> str:
    text = _text(value)
    try:
        pc = normalise.postcode(text)
    except normalise.InvalidValue:
        raise _Bad(f"{_show(value)} is not a UK postcode") from None
    if pc.confidence < 1.0:
        raise _Bad(f"{_show(value)} is not a UK postcode (did you mean {pc.value!r}?)")
    return pc.value


_VRM_CHARS = re.compile(r"(?=.*[A-Z])(?=.*[0-9])[A-Z0-9]{2,8}")


def _vrm(value: Any) -> str:
    # Only the shape of a mark is checked, not the style: dateless and
    # Northern Irish marks are real registrations that is_valid_vrm() refuses.
    text = _text(value)
    try:
        mark = normalise.vrm(text).value
    except normalise.InvalidValue:
        mark = ""
    if not _VRM_CHARS.fullmatch(mark):
        raise _Bad(f"{_show(value)} is not a vehicle registration mark")
    return mark


_BAND = re.compile(r"(?:BAND\s*)?([A-Z])")


def _band(value: Any) -> str:
    m = _BAND.fullmatch(_text(value).upper())
    if m is None or m[1] not in "ABCDEFGH":
        raise _Bad(f"{_show(value)} is not a council tax band (A to H)")
    return m[1]


def _status(value: Any) -> str:
    s = _text(value).lower()
    if s not in ("active", "closed"):
        raise _Bad(f"{_show(value)} is not a status (active or closed)")
    return s


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if value in ERROR_CODES:
            raise _Bad(f"the cell holds the Excel error {value}")
        try:
            day, confidence = normalise.parse_date(value)
        except normalise.InvalidValue as exc:
            kind = "an impossible date" if "impossible" in str(exc) else "not a date"
            raise _Bad(f"{_show(value)} is {kind}") from None
        if confidence < 1.0:
            raise _Bad(f"{_show(value)} has a two-digit year; write the year in full")
        return day
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A date cell without a date format reads as Excel's day number;
        # guessing it was meant as a date could be wrong, so say what to fix.
        raise _Bad(f"{_show(value)} is a number, not a date (format the cell as a date)")
    raise _Bad(f"{_show(value)} is not a date")


def _split_list(value: Any, separators: str) -> list[str]:
    parts = re.split(f"[{re.escape(separators)}]", _text(value))
    return [p.strip() for p in parts if p.strip()]


def _names(value: Any) -> str:
    """Full names separated by ``;``, each as written with whitespace collapsed."""
    return ";".join(_split_list(value, ";"))


def _codes(value: Any) -> str:
    """Discount codes, upper case, separated by ``;`` (a comma is accepted too), each once."""
    return ";".join(dict.fromkeys(c.upper() for c in _split_list(value, ";,")))


# --------------------------------------------------------------------------- the layout


@dataclass(frozen=True)
class _Col:
    name: str  # ours, and the model's column name
    convert: Callable[[Any], Any]  # a non-blank cell -> normal form; raises _Bad
    required: bool = False  # the header must exist and the cell must not be blank
    blank: Any = None  # stored for a blank cell, and on insert when the column is absent


@dataclass(frozen=True)
class _Spec:
    name: str  # our sheet name
    model: type[SQLModel]
    columns: tuple[_Col, ...]  # the key first
    required: bool  # the sheet must be in the workbook
    noun: str  # "properties", for notes

    @property
    def key(self) -> str:
        return self.columns[0].name

    @property
    def table(self) -> Table:
        return cast(Table, self.model.__table__)  # type: ignore[attr-defined]


SHEETS: tuple[_Spec, ...] = (
    _Spec("properties", Property, (
        _Col("uprn", _uprn, required=True),
        _Col("address_line_1", _text, required=True),
        _Col("address_line_2", _text),
        _Col("town", _text),
        _Col("postcode", _postcode, required=True),
        _Col("council_tax_band", _band),
        _Col("ward", _text),
        _Col("parking_zone", _text),
    ), required=True, noun="properties"),
    _Spec("council_tax_accounts", CouncilTaxAccount, (
        _Col("account_ref", _account_ref, required=True),
        _Col("uprn", _uprn, required=True),
        _Col("liable_parties", _names, required=True),
        _Col("status", _status, required=True),
        _Col("start_date", _date),
        _Col("end_date", _date),
        _Col("discounts", _codes, blank=""),
    ), required=True, noun="accounts"),
    _Spec("electoral_register", Elector, (
        _Col("elector_number", _text, required=True),
        _Col("full_name", _text, required=True),
        _Col("uprn", _uprn, required=True),
    ), required=False, noun="electors"),
    _Spec("parking_permits", ParkingPermit, (
        _Col("permit_ref", _text, required=True),
        _Col("uprn", _uprn, required=True),
        _Col("vrm", _vrm, required=True),
        _Col("zone", _text),  # blank in some extracts: no check reads it
        _Col("valid_from", _date, required=True),
        _Col("valid_to", _date, required=True),
    ), required=False, noun="permits"),
)
_SPECS = {s.name: s for s in SHEETS}
# Pairs (earlier, later) of date columns that must not run backwards.
_DATE_ORDER = {"council_tax_accounts": ("start_date", "end_date"),
               "parking_permits": ("valid_from", "valid_to")}


# --------------------------------------------------------------------------- reading


def _hkey(header: Any) -> str:
    """How headers and sheet names are compared: case-insensitive, spaces tidied."""
    return " ".join(str(header).split()).casefold() if header is not None else ""


class _Book:
    """A workbook opened for its cell values: sheet names, and each sheet's rows from row 1.

    Rows are sequences of cell values (``None`` for an empty cell), as
    openpyxl's ``values_only`` gives them, possibly shorter than the header;
    a row the file leaves out comes as an empty sequence, so that counting rows
    gives Excel's row numbers.
    """

    sheetnames: list[str]

    def rows(self, title: str) -> Iterator[Sequence[Any]]:
        raise NotImplementedError

    def estimate_rows(self, title: str, done: int) -> int:
        """About how many data rows the sheet has, ``done`` having been read; for progress only."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class _PlainBook(_Book):
    """openpyxl's public read-only API."""

    def __init__(self, path: Path) -> None:
        self._wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        self.sheetnames = list(self._wb.sheetnames)
        self._sizes: dict[str, int] = {}

    def rows(self, title: str) -> Iterator[Sequence[Any]]:
        ws = self._wb[title]
        self._sizes[title] = int(ws.max_row or 0)
        # Some writers declare a wrong sheet size (often "A1") and read-only
        # mode believes it and stops early: forget it and read every row.
        ws.reset_dimensions()
        return cast(Iterator[Sequence[Any]], ws.iter_rows(values_only=True))

    def estimate_rows(self, title: str, done: int) -> int:
        # Sized by openpyxl when the workbook was opened (reset_dimensions()
        # forgets it only for the reading).
        return max(self._sizes.get(title, 0) - 1, done)

    def close(self) -> None:
        self._wb.close()


class _FastBook(_Book):
    """The same values as :class:`_PlainBook`, in about half the time, from openpyxl's own parts.

    Two costs of openpyxl's read-only mode fall on workbooks written by
    openpyxl's write-only mode (and other streaming writers), which is how
    large extracts are often made: with no ``<dimension>`` element, opening
    the workbook parses every sheet in full just to size it; and every
    inline-string cell is built into a rich-text object to read its text.
    This class opens the workbook without sizing the sheets and reads plain
    inline strings directly; every other cell goes through openpyxl's parser,
    so numbers, dates, booleans, errors and shared strings are read exactly
    as openpyxl reads them. It relies on openpyxl internals (3.1), so
    :func:`_open_book` falls back to :class:`_PlainBook` when they change,
    and a test holds the two to the same values.
    """

    def __init__(self, path: Path) -> None:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        reader = ExcelReader(path, read_only=True, data_only=True)
        try:
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            self._parts = {
                sheet.name: rel.target
                for sheet, rel in reader.parser.find_sheets()
                if rel.target in reader.valid_files and "chartsheet" not in rel.Type
            }
        except BaseException:
            reader.archive.close()
            raise
        self._reader = reader
        self.sheetnames = list(self._parts)
        self._meters: dict[str, _Meter] = {}
        self._declared: dict[str, int] = {}

    def rows(self, title: str) -> Iterator[Sequence[Any]]:
        wb = self._reader.wb
        part = self._parts[title]
        src = self._meters[title] = _Meter(self._reader.archive.open(part),
                                           self._reader.archive.getinfo(part).file_size)
        self._declared[title] = self._declared_rows(part)
        parser = _inline_parser_class()(
            src, self._reader.shared_strings, data_only=True, epoch=wb.epoch,
            date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats,
        )
        return _values_by_row(parser, src)

    def estimate_rows(self, title: str, done: int) -> int:
        declared = self._declared.get(title, 0)
        if declared:
            return max(declared - 1, done)
        # No <dimension> (write-only workbooks): scale by how much of the
        # sheet's XML has been parsed.
        meter = self._meters.get(title)
        if meter is None or not meter.read_bytes:
            return done
        return max(round(done * meter.size / meter.read_bytes), done)

    def _declared_rows(self, part: str) -> int:
        from xml.etree.ElementTree import iterparse

        from openpyxl.utils.cell import range_boundaries
        from openpyxl.xml.constants import SHEET_MAIN_NS

        # Only the start of the sheet is read: <dimension> comes before <sheetData>.
        with self._reader.archive.open(part) as src:
            for _event, el in iterparse(src, events=("start",)):
                if el.tag == f"{{{SHEET_MAIN_NS}}}dimension":
                    try:
                        return int(range_boundaries(el.get("ref", ""))[3] or 0)
                    except (ValueError, TypeError):
                        return 0
                if el.tag == f"{{{SHEET_MAIN_NS}}}sheetData":
                    break
        return 0

    def close(self) -> None:
        self._reader.archive.close()


class _Meter:
    """A readable file that counts the bytes read from it (to estimate progress)."""

    def __init__(self, raw: Any, size: int) -> None:
        self._raw = raw
        self.size = size
        self.read_bytes = 0

    def read(self, n: int = -1) -> bytes:
        data: bytes = self._raw.read(n)
        self.read_bytes += len(data)
        return data

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> _Meter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _values_by_row(parser: Any, src: Any) -> Iterator[Sequence[Any]]:
    """Rows of cell values from an openpyxl sheet parser, as ReadOnlyWorksheet makes them."""
    with src:
        expected = 1
        for idx, cells in parser.parse():
            if idx < expected:  # a row number going backwards: openpyxl skips it too
                continue
            while expected < idx:
                yield ()
                expected += 1
            row: list[Any] = [None] * max((c["column"] for c in cells), default=0)
            for c in cells:
                row[c["column"] - 1] = c["value"]
            yield row
            expected += 1


_PARSER_CLASS: Any = None


def _inline_parser_class() -> Any:
    """openpyxl's sheet parser with a fast path for plain inline strings (made once, on first use)."""
    global _PARSER_CLASS
    if _PARSER_CLASS is not None:
        return _PARSER_CLASS
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.worksheet._reader import INLINE_STRING, WorkSheetParser
    from openpyxl.xml.constants import SHEET_MAIN_NS

    t_tag = f"{{{SHEET_MAIN_NS}}}t"

    class InlineParser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            if element.get("t") == "inlineStr":
                child = element.find(INLINE_STRING)
                # <is><t>text</t></is>: plain text. Rich runs go the long way.
                if child is not None and len(child) == 1 and child[0].tag == t_tag:
                    coordinate = element.get("r")
                    if coordinate:
                        row, column = coordinate_to_tuple(coordinate)
                        self.col_counter = column
                    else:
                        self.col_counter += 1
                        row, column = self.row_counter, self.col_counter
                    style = element.get("s")
                    return {"row": row, "column": column, "value": child[0].text or "",
                            "data_type": "s", "style_id": int(style) if style else 0}
            return cast(dict[str, Any], super().parse_cell(element))

    _PARSER_CLASS = InlineParser
    return InlineParser


#: Use :class:`_FastBook` when it works (tests switch it off to compare).
_USE_FAST_BOOK = True


def _open_book(path: Path) -> _Book:
    if not path.is_file():
        raise RecordsError(f"{path}: no such file")
    if _USE_FAST_BOOK:
        try:
            return _FastBook(path)
        except Exception:  # noqa: BLE001 - the public API below decides, and words the error
            pass
    try:
        return _PlainBook(path)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, InvalidFileException...
        why = _one_line(str(exc)) or type(exc).__name__
        raise RecordsError(f"cannot read {path.name} as an .xlsx workbook: {why}") from exc


@dataclass
class _Sheet:
    """One sheet of the workbook, parsed and validated cell by cell."""

    spec: _Spec
    title: str  # the sheet's name in the workbook
    headers: list[str]  # row 1 as labels: unique, a column letter for a blank header
    cols: list[_Col]  # our columns present in the sheet, spec order (key first)
    index: list[int]  # cols[i] is read from cell index[i]
    labels: dict[str, str]  # our column -> its header as written, for messages
    rows: dict[Any, tuple[int, tuple[Any, ...]]] = field(default_factory=dict)  # key -> (row, values)
    rejected: list[RejectedRow] = field(default_factory=list)
    rejected_keys: dict[Any, int] = field(default_factory=dict)  # key of a rejected row -> its row
    # Good rows whose uprn is not a property of the workbook, to check against
    # the database: key -> (row, uprn, original cells).
    pending: dict[Any, tuple[int, int, tuple[Any, ...]]] = field(default_factory=dict)
    read: int = 0

    def reject(self, row: int, raw: Sequence[Any], problems: list[Problem]) -> None:
        values = {h: (raw[i] if i < len(raw) else None) for i, h in enumerate(self.headers)}
        self.rejected.append(RejectedRow(self.spec.name, self.title, row, problems, values))


def _find_sheets(book: _Book, mapping: Mapping, notes: list[str]) -> tuple[dict[str, str], list[Problem]]:
    """Our sheet name -> the workbook's, for the sheets present; problems for required ones missing."""
    titles = book.sheetnames
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for spec in SHEETS:
        wanted = mapping.sheet_name(spec.name)
        # An exact match wins; otherwise compare as headers are compared.
        matches = [t for t in titles if t == wanted] or [t for t in titles if _hkey(t) == _hkey(wanted)]
        mapped = f" (mapped from {spec.name})" if wanted != spec.name else ""
        if len(matches) > 1:
            problems.append(Problem(wanted, None, None, f"several sheets match{mapped}: {', '.join(matches)}"))
        elif matches:
            found[spec.name] = matches[0]
        elif spec.required:
            have = ", ".join(titles) or "none"
            problems.append(Problem(wanted, None, None, f"no such sheet in the workbook{mapped} (it has: {have})"))
        else:
            notes.append(f"no sheet {wanted!r}{mapped}: {spec.noun} left as they were")
    return found, problems


def _read_header(spec: _Spec, title: str, first: Sequence[Any], mapping: Mapping,
                 notes: list[str]) -> tuple[_Sheet, list[Problem]]:
    """Find our columns in row 1 (``first``); problems for required ones missing or doubled."""
    keys = [_hkey(h) for h in first]
    headers: list[str] = []
    for i, (h, k) in enumerate(zip(first, keys, strict=True)):
        label = " ".join(str(h).split()) if k else get_column_letter(i + 1)
        headers.append(label if label not in headers else f"{label} ({get_column_letter(i + 1)})")
    sheet = _Sheet(spec, title, headers, [], [], {})
    problems: list[Problem] = []
    for col in spec.columns:
        wanted = mapping.column_name(spec.name, col.name)
        mapped = f" (mapped from {col.name})" if wanted != col.name else ""
        where = [i for i, k in enumerate(keys) if k and k == _hkey(wanted)]
        if len(where) > 1:
            letters = " and ".join(get_column_letter(i + 1) for i in where)
            problems.append(Problem(title, None, wanted, f"appears more than once in row 1 ({letters}){mapped}"))
        elif where:
            sheet.cols.append(col)
            sheet.index.append(where[0])
            sheet.labels[col.name] = headers[where[0]]
        elif col.required:
            have = ", ".join(h for h, k in zip(headers, keys, strict=True) if k) or "nothing"
            problems.append(Problem(title, None, wanted,
                                    f"required column not found in row 1{mapped} (row 1 has: {have})"))
        else:
            notes.append(f"{title}: no column {wanted!r}{mapped}; existing values kept")
    return sheet, problems


_REQUIRED = "empty, but a value is required"


def _read_rows(sheet: _Sheet, rows: Iterator[Sequence[Any]], progress: ProgressFn | None,
               known: set[int] | None, estimate: Callable[[int], int]) -> None:
    """Validate every data row, filling ``sheet.rows`` (good) and ``sheet.rejected`` (bad).

    ``rows`` continues after the header. With ``known`` (the UPRNs of the
    workbook's properties), a good row whose uprn is not among them is also
    put in ``sheet.pending``, with its original cells, for
    :func:`_resolve_pending` to check against the database.
    """
    cols, labels, title = sheet.cols, sheet.labels, sheet.title
    names = [c.name for c in cols]
    uprn_at = names.index("uprn") if known is not None else -1
    key_at = sheet.index[0]
    order = _DATE_ORDER.get(sheet.spec.name)
    order_at = (names.index(order[0]), names.index(order[1])) if order and all(o in names for o in order) else None
    plan = [(c, i, labels[c.name]) for c, i in zip(cols, sheet.index, strict=True)]
    good, rejected_keys = sheet.rows, sheet.rejected_keys
    done = 0
    for rownum, raw in enumerate(rows, start=2):
        # A row with a key is not blank: the full test runs only for the rest.
        if (key_at >= len(raw) or _is_blank(raw[key_at])) and all(_is_blank(v) for v in raw):
            continue  # blank rows (and rows Excel merely formatted) are not data
        done += 1
        values: list[Any] = []
        problems: list[Problem] = []
        width = len(raw)
        for col, i, label in plan:
            cell = raw[i] if i < width else None
            if cell is None or (cell.__class__ is str and not cell.strip()):
                if col.required:
                    problems.append(Problem(title, rownum, label, _REQUIRED))
                values.append(col.blank)
                continue
            try:
                value = col.convert(cell)
            except _Bad as exc:
                problems.append(Problem(title, rownum, label, str(exc)))
                values.append(col.blank)
                continue
            if col.required and (value is None or value == ""):  # e.g. liable_parties of only ";"
                problems.append(Problem(title, rownum, label, _REQUIRED))
            values.append(value)
        key = values[0]
        if not problems and (key in good or key in rejected_keys):
            first = good[key][0] if key in good else rejected_keys[key]
            problems.append(Problem(title, rownum, plan[0][2], f"{_show(key)} already appears on row {first}"))
        if order_at and not problems:
            start, end = values[order_at[0]], values[order_at[1]]
            if start is not None and end is not None and end < start:
                problems.append(Problem(title, rownum, plan[order_at[1]][2],
                                        f"{end.isoformat()} is before {names[order_at[0]]} {start.isoformat()}"))
        if problems:
            sheet.reject(rownum, raw, problems)
            if key is not None and key != "" and key not in good:
                rejected_keys.setdefault(key, rownum)
        else:
            values_t = tuple(values)
            good[key] = (rownum, values_t)
            if known is not None and values_t[uprn_at] not in known:
                sheet.pending[key] = (rownum, values_t[uprn_at], tuple(raw))
        if progress is not None and done % _PROGRESS_EVERY == 0:
            progress(sheet.spec.name, done, estimate(done))
    sheet.read = done
    if progress is not None:
        progress(sheet.spec.name, done, done)


# --------------------------------------------------------------------------- writing


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _existing(conn: Connection, sheet: _Sheet) -> dict[Any, tuple[Any, ...]]:
    """What the database holds for the sheet's columns, by key: one query."""
    table = sheet.spec.table
    stmt = select(*(table.c[c.name] for c in sheet.cols))
    return {row[0]: tuple(row) for row in conn.execute(stmt)}


def _write(conn: Connection, sheet: _Sheet, existing: dict[Any, tuple[Any, ...]],
           replace: bool, counts: dict[str, int]) -> None:
    """Insert new rows, update changed ones, and with ``replace`` delete vanished ones."""
    spec, table = sheet.spec, sheet.spec.table
    names = [c.name for c in sheet.cols]
    # Columns the sheet lacks get their blank value on insert, and are left
    # alone on update (an extract without a ward column says nothing about wards).
    absent = {c.name: c.blank for c in spec.columns if c.name not in names}
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    unchanged = 0
    for key, (_row, values) in sheet.rows.items():
        old = existing.get(key)
        if old is None:
            inserts.append(dict(zip(names, values, strict=True)) | absent)
        elif old != values:
            params = {"k_": key}
            params.update({f"v_{n}": v for n, v in zip(names[1:], values[1:], strict=True)})
            updates.append(params)
        else:
            unchanged += 1
    for chunk in _chunks(inserts, _WRITE_CHUNK):
        conn.execute(insert(table), list(chunk))
    if updates:
        stmt = (update(table).where(table.c[spec.key] == bindparam("k_"))
                .values({n: bindparam(f"v_{n}") for n in names[1:]}))
        for chunk in _chunks(updates, _WRITE_CHUNK):
            conn.execute(stmt, list(chunk))
    deleted = 0
    if replace:
        # A rejected row is still in the extract: keep what we had for it.
        gone = [k for k in existing if k not in sheet.rows and k not in sheet.rejected_keys]
        for chunk in _chunks(gone, _DELETE_CHUNK):
            conn.execute(delete(table).where(table.c[spec.key].in_(list(chunk))))
        deleted = len(gone)
    counts.update(inserted=len(inserts), updated=len(updates), unchanged=unchanged, deleted=deleted)


def _write_report(path: Path, sheets: Iterable[_Sheet]) -> None:
    """One worksheet per source sheet: where, what is wrong, then the row's original cells."""
    tmp = path.with_name(path.name + ".part")
    # Opened before the workbook is built, so that an unwritable place fails
    # here, before openpyxl has temporary sheets to clean up.
    try:
        with tmp.open("wb") as fh:
            _fill_report(fh, sheets)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)  # never leave half a report where the operator will look


def _fill_report(fh: Any, sheets: Iterable[_Sheet]) -> None:
    wb = openpyxl.Workbook(write_only=True)
    for sheet in sheets:
        if not sheet.rejected:
            continue
        ws = wb.create_sheet(title=sheet.title)
        ws.freeze_panes = "A2"
        for letter, width in (("A", 22), ("B", 7), ("C", 18), ("D", 60)):
            ws.column_dimensions[letter].width = width
        ws.append(["sheet", "row", "column", "problem", *sheet.headers])
        for rej in sorted(sheet.rejected, key=lambda r: r.row):
            cells = [rej.sheet, rej.row, rej.column, rej.problem, *rej.values.values()]
            ws.append([_report_cell(ws, v) for v in cells])
    wb.save(fh)


def _report_cell(ws: Any, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"  # a text cell starting with "=" must stay text, not become a formula
    return cell


# --------------------------------------------------------------------------- the load


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_workbook(
    path: Path | str,
    *,
    url: str | None = None,
    skip_bad_rows: bool = False,
    replace: bool = False,
    mapping: Mapping | dict[str, Any] | None = None,
    report_path: Path | str | None = None,
    progress: ProgressFn | None = None,
) -> LoadReport:
    """Load the council records workbook at ``path`` into the database at ``url``.

    ``url`` defaults to the settings' database; ``mapping`` to the settings'
    ``records_mapping`` (empty: our own names). With ``skip_bad_rows`` the bad
    rows are written to ``report_path`` (default ``<name>.rejected.xlsx`` beside
    the workbook) when there are any; otherwise any bad row raises
    :class:`RecordsError` and nothing is written.

    ``progress(sheet, done, total)`` (``sheet`` is our sheet name) is called
    every thousand rows read, and once more when a sheet is done. ``total``
    is an estimate (never below ``done``) until that last call, where it is
    exact. Reading is most of a load's time; writing follows, in one
    transaction.

    Raises :class:`RecordsError` for workbook and mapping problems and
    :class:`formwork.db.DatabaseError` when the database fails.
    """
    path = Path(path)
    resolved = _resolve_mapping(mapping)
    notes: list[str] = []
    book = _open_book(path)
    try:
        found, problems = _find_sheets(book, resolved, notes)
        sheets: list[_Sheet] = []
        streams: dict[str, Iterator[Sequence[Any]]] = {}
        for spec in SHEETS:
            if spec.name not in found:
                continue
            title = found[spec.name]
            stream = streams[spec.name] = _guard(title, book.rows(title))
            sheet, header_problems = _read_header(spec, title, next(stream, ()), resolved, notes)
            sheets.append(sheet)
            problems += header_problems
        if problems:  # the layout is wrong: no row can be read, so none is
            raise RecordsError(problems)
        props, dependants = sheets[0], sheets[1:]  # SHEETS order: properties (required) first
        _read_rows(props, streams[props.spec.name], progress, None, partial(book.estimate_rows, props.title))
        # Without skip_bad_rows nothing loads anyway; counting a rejected
        # property as known keeps one bad property from cascading into a
        # problem on every account that points at it.
        known = set(props.rows) if skip_bad_rows else set(props.rows) | set(props.rejected_keys)
        for sheet in dependants:
            _read_rows(sheet, streams[sheet.spec.name], progress, known, partial(book.estimate_rows, sheet.title))
    finally:
        book.close()  # the workbook file stays open until closed
    digest = _sha256(path)

    try:
        with session_scope(url) as session:
            # Writing first takes SQLite's write lock at once, so nothing can
            # change between the reads below and the writes they decide.
            load = RecordsLoad(source=path.name, sha256=digest, counts={}, rejected=0)
            session.add(load)
            session.flush()
            conn = session.connection()
            existing = {props.spec.name: _existing(conn, props)}
            db_uprns = set(existing[props.spec.name])
            # With replace, a property absent from the workbook is about to go.
            surviving = (db_uprns & set(props.rejected_keys)) if replace else db_uprns
            for sheet in dependants:
                _resolve_pending(sheet, surviving, props)
            rejected = sorted((r for s in sheets for r in s.rejected),
                              key=lambda r: (_ORDER[r.table], r.row))
            if rejected and not skip_bad_rows:
                all_problems = [p for r in rejected for p in r.problems]
                raise RecordsError(all_problems[:MAX_PROBLEMS], total=len(all_problems))
            counts: dict[str, dict[str, int]] = {}
            for sheet in sheets:
                c = counts[sheet.spec.name] = dict.fromkeys(COUNT_KEYS, 0)
                c["read"] = sheet.read
                c["rejected"] = len(sheet.rejected)
                old = existing.get(sheet.spec.name)
                _write(conn, sheet, old if old is not None else _existing(conn, sheet), replace, c)
            if replace:
                notes += _dangling(conn, sheets, surviving | set(props.rows))
            written: Path | None = None
            if rejected:
                # Written inside the transaction: a report that cannot be
                # written rolls the load back rather than hide what was left out.
                written = Path(report_path) if report_path else path.with_name(f"{path.stem}.rejected.xlsx")
                try:
                    _write_report(written, sheets)
                except OSError as exc:
                    raise RecordsError(f"cannot write the rejected-rows report {written}: {exc}") from exc
            load.counts = counts
            load.rejected = len(rejected)
            session.flush()
            load_id = load.id
    except SQLAlchemyError as exc:
        detail = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
        raise DatabaseError(f"records load failed in the database: {_one_line(detail)}") from exc
    return LoadReport(counts=counts, rejected=rejected, report_path=written, notes=notes, load_id=load_id)


_ORDER = {s.name: i for i, s in enumerate(SHEETS)}


def _guard(title: str, rows: Iterator[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    """``rows``, with a sheet whose XML is broken reported as a :class:`RecordsError`."""
    try:
        yield from rows
    except (ValueError, KeyError, IndexError, SyntaxError, EOFError, OSError, zipfile.BadZipFile) as exc:
        # SyntaxError covers xml.etree's ParseError.
        raise RecordsError(f"{title}: cannot read the sheet: {_one_line(str(exc))}") from exc


def _resolve_pending(sheet: _Sheet, surviving: set[int], props: _Sheet) -> None:
    """Reject the rows whose property is neither loaded from the workbook nor kept in the database."""
    label = sheet.labels["uprn"]
    for key, (rownum, uprn, raw) in sheet.pending.items():
        if uprn in surviving:
            continue
        if uprn in props.rejected_keys:
            msg = f"property {uprn} was rejected ({props.title} row {props.rejected_keys[uprn]})"
        else:
            msg = f"no property with UPRN {uprn} in {props.title} or the database"
        del sheet.rows[key]
        sheet.reject(rownum, raw, [Problem(sheet.title, rownum, label, msg)])
        sheet.rejected_keys.setdefault(key, rownum)
    sheet.pending.clear()


def _dangling(conn: Connection, sheets: list[_Sheet], uprns: set[int]) -> list[str]:
    """Notes for rows of absent sheets left pointing at properties that ``replace`` removed."""
    present = {s.spec.name for s in sheets}
    notes = []
    for spec in SHEETS:
        if spec.name in present or spec.name == "properties":
            continue
        table = spec.table
        orphans = sum(1 for (u,) in conn.execute(select(table.c.uprn)) if u not in uprns)
        if orphans:
            notes.append(f"{spec.noun}: {orphans} kept from earlier loads refer to properties"
                         " no longer in the gazetteer")
    return notes
