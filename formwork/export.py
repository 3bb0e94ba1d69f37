"""Exports of every submission: JSON lines (forms.md) and an xlsx workbook for staff."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from sqlmodel import Session, col, select

from formwork.db import session_scope
from formwork.models import ExtractedField, Submission
from formwork.reasons import describe

BATCH = 500


def _iso(value: Any) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value is not None else None


def exported_value(f: ExtractedField) -> Any:
    """A field's value in the export: its normal form, or, when the answer is not valid for its kind
    (``INVALID_FORMAT``: an impossible date, a malformed postcode), the answer as written, whitespace
    collapsed, so that downstream systems and staff see what the citizen wrote."""
    if f.valid:
        return f.value
    return " ".join(f.raw.split()) if f.raw else None


def _lines(session: Session) -> Iterator[dict[str, Any]]:
    last_id = 0
    while True:  # keyset pagination keeps memory flat for any number of submissions
        subs = list(session.exec(select(Submission).where(col(Submission.id) > last_id)
                                 .order_by(col(Submission.id)).limit(BATCH)))
        if not subs:
            return
        ids = [s.id for s in subs]
        fields: dict[int, list[ExtractedField]] = defaultdict(list)
        for f in session.exec(select(ExtractedField).where(col(ExtractedField.submission_id).in_(ids))
                              .order_by(col(ExtractedField.id))):
            fields[f.submission_id].append(f)
        for s in subs:
            assert s.id is not None
            given = {f.name: (f, value) for f in fields[s.id] if (value := exported_value(f)) not in (None, "", [])}
            yield {
                "file": s.file_name,
                "sha256": s.sha256,
                "form_type": s.form_type,
                "fields": {name: value for name, (_, value) in given.items()},
                "confidence": {name: round(f.confidence, 4) for name, (f, _) in given.items()},
                "outcome": s.outcome.value if s.outcome else None,
                "reasons": list(s.reasons),
                "received_at": _iso(s.received_at),
                "decided_by": s.decided_by,
                "decided_at": _iso(s.decided_at),
                "submission_id": s.id,
                "extractor": f"{s.extractor}@{s.extractor_version}" if s.extractor else None,
                "detail": s.detail,
            }
        last_id = subs[-1].id or last_id


def iter_export(url: str | None = None) -> Iterator[dict[str, Any]]:
    with session_scope(url) as session:
        yield from _lines(session)


def write_jsonl(out: TextIO, url: str | None = None) -> int:
    n = 0
    for line in iter_export(url):
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        n += 1
    return n


COLUMNS = ["submission_id", "file", "form_type", "outcome", "reasons", "reasons_explained", "received_at",
           "decided_by", "decided_at", "detail", "sha256"]


def write_xlsx(path: Path, url: str | None = None) -> int:
    """The same as the JSON lines, one row per submission, one column per field."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("submissions")
    rows = list(iter_export(url))
    field_names: list[str] = []
    for r in rows:
        for name in r["fields"]:
            if name not in field_names:
                field_names.append(name)
    ws.freeze_panes = "A2"
    widths = [12, 22, 18, 12, 30, 50, 20, 12, 20, 40, 20] + [22] * len(field_names)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.append(COLUMNS + field_names)
    for r in rows:
        values = [r["submission_id"], r["file"], r["form_type"], r["outcome"], "; ".join(r["reasons"]),
                  "; ".join(describe(x) for x in r["reasons"]), r["received_at"], r["decided_by"],
                  r["decided_at"], r["detail"], r["sha256"]]
        for name in field_names:
            v = r["fields"].get(name)
            values.append("; ".join(v) if isinstance(v, list) else v)
        ws.append(values)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS) + len(field_names))}{len(rows) + 1}"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return len(rows)
