"""The daily exceptions report: every open exception, as a workbook and an email for the team.

An exception is open while it waits for staff: outcome ``exception`` and not
closed by a member of staff in the review app. The workbook has a summary
sheet and one sheet per form type (reasons in plain English, age in days,
a link to each case). Neither the workbook nor the email holds personal data
(no names, addresses, references or dates of birth): it travels by email, so
it says which cases wait and why, and the review app shows the rest.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import inspect, text
from sqlmodel import Session, col, select

from formwork import letters
from formwork.db import session_scope
from formwork.models import Outcome, Submission
from formwork.reasons import describe, split
from formwork.settings import Settings

#: Form types' names as staff know them.
FORM_TITLES = {
    "council_tax_spd": "Council Tax Single Person Discount",
    "council_tax_move": "Council Tax: moving home",
    "parking_permit": "Residents' parking permit",
    "correspondence": "Letters and emails",
}
UNRECOGNISED = "unrecognised"

HEADER_FILL = PatternFill("solid", fgColor="1D70B8")
HEADER_FONT = Font(bold=True, color="FFFFFF")
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"


def form_title(form_type: str) -> str:
    if form_type == UNRECOGNISED:
        return "Documents no extractor recognised"
    return FORM_TITLES.get(form_type, form_type.replace("_", " ").capitalize())


@dataclass
class OpenException:
    submission_id: int
    form_type: str  #: :data:`UNRECOGNISED` for documents of no known type
    reasons: list[str]
    received_at: dt.datetime  #: naive UTC (as the workbook stores it)
    age_days: int

    @property
    def reasons_text(self) -> str:
        return "; ".join(describe(r) for r in self.reasons)


@dataclass
class ExceptionsReport:
    as_of: dt.date
    review_url: str
    items: list[OpenException] = field(default_factory=list)

    def by_type(self) -> dict[str, list[OpenException]]:
        out: dict[str, list[OpenException]] = {}
        for it in sorted(self.items, key=lambda i: (i.form_type, -i.age_days, i.submission_id)):
            out.setdefault(it.form_type, []).append(it)
        return out

    def reason_counts(self) -> list[tuple[str, int]]:
        """Reason codes (without their field) by how many open exceptions carry them."""
        counts: Counter[str] = Counter()
        for it in self.items:
            counts.update({split(r)[0] for r in it.reasons})
        return counts.most_common()

    def case_url(self, submission_id: int) -> str:
        return f"{self.review_url}/cases/{submission_id}"

    @property
    def oldest_days(self) -> int:
        return max((i.age_days for i in self.items), default=0)


def _naive_utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value


def closed_by_staff(session: Session) -> dict[int, dt.datetime | None]:
    """Exceptions a member of staff has closed in the review app (its ``case_review`` table), with when.

    Approved cases become ``approved`` submissions; rejected ones stay ``exception`` and are closed
    here. Without the review app's table, none is.
    """
    if not inspect(session.get_bind()).has_table("case_review"):
        return {}
    rows = session.execute(text("SELECT submission_id, resolved_at FROM case_review "
                                "WHERE resolution IN ('approved', 'rejected')"))
    return {int(sid): _when(at) for sid, at in rows}


def _when(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def open_exceptions(session: Session, as_of: dt.date, review_url: str) -> ExceptionsReport:
    closed = closed_by_staff(session)
    report = ExceptionsReport(as_of=as_of, review_url=review_url.rstrip("/"))
    stmt = (select(Submission.id, Submission.form_type, Submission.reasons, Submission.received_at)
            .where(col(Submission.outcome) == Outcome.exception).order_by(col(Submission.id)))
    for sid, form_type, reasons, received in session.exec(stmt):
        if sid is None or sid in closed:
            continue
        received = _naive_utc(received)
        report.items.append(OpenException(int(sid), form_type or UNRECOGNISED, list(reasons), received,
                                          max(0, (as_of - received.date()).days)))
    return report


def gather(settings: Settings) -> ExceptionsReport:
    with session_scope(settings.database_url) as session:
        return open_exceptions(session, settings.today(), settings.review_base_url)


# --------------------------------------------------------------------------- the workbook


def _header(ws: Worksheet, names: list[str], widths: list[float]) -> None:
    ws.append(names)
    for i, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=i)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


def _sheet_title(form_type: str, taken: set[str]) -> str:
    base = form_type[:31]
    title, n = base, 2
    while title.lower() in taken:
        title = f"{base[:28]}~{n}"
        n += 1
    taken.add(title.lower())
    return title


def write_workbook(report: ExceptionsReport, path: Path) -> Path:
    """The report as an .xlsx workbook at ``path``: a summary sheet, then one sheet per form type."""
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Summary"
    taken = {"summary"}
    groups = report.by_type()

    summary["A1"] = "Open exceptions"
    summary["A1"].font = Font(bold=True, size=14)
    summary["A2"] = "As of"
    summary["B2"] = report.as_of
    summary["B2"].number_format = DATE_FORMAT
    summary["A3"] = "Open exceptions"
    summary["B3"] = len(report.items)
    summary["A4"] = "Oldest (days)"
    summary["B4"] = report.oldest_days
    summary["A5"] = "Review queue"
    summary["B5"] = f"{report.review_url}/queue"
    summary["B5"].hyperlink = f"{report.review_url}/queue"

    start = 7
    heads = ["Form type", "Sheet", "Open", "Oldest (days)", "Over 5 days"]
    for i, name in enumerate(heads, start=1):
        c = summary.cell(row=start, column=i, value=name)
        c.fill, c.font = HEADER_FILL, HEADER_FONT
    titles = {ft: _sheet_title(ft, taken) for ft in groups}
    row = start
    for ft, items in groups.items():
        row += 1
        summary.cell(row=row, column=1, value=form_title(ft))
        link = summary.cell(row=row, column=2, value=titles[ft])
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{titles[ft]}'!A1")
        summary.cell(row=row, column=3, value=len(items))
        summary.cell(row=row, column=4, value=max(i.age_days for i in items))
        summary.cell(row=row, column=5, value=sum(1 for i in items if i.age_days > 5))
    if row > start:
        summary.auto_filter.ref = f"A{start}:E{row}"

    reasons_at = row + 2
    summary.cell(row=reasons_at, column=1, value="Reason").font = Font(bold=True)
    summary.cell(row=reasons_at, column=2, value="What it means").font = Font(bold=True)
    summary.cell(row=reasons_at, column=3, value="Open exceptions").font = Font(bold=True)
    for i, (code, n) in enumerate(report.reason_counts(), start=1):
        summary.cell(row=reasons_at + i, column=1, value=code)
        summary.cell(row=reasons_at + i, column=2, value=describe(code))
        summary.cell(row=reasons_at + i, column=3, value=n)
    for letter, width in zip("ABCDE", (40, 60, 16, 14, 12), strict=True):
        summary.column_dimensions[letter].width = width

    columns = ["Submission", "Received", "Age (days)", "Reasons", "Reason codes", "Case"]
    widths = [12.0, 18.0, 11.0, 70.0, 40.0, 40.0]
    for ft, items in groups.items():
        ws = wb.create_sheet(titles[ft])
        _header(ws, columns, widths)
        for it in items:
            ws.append([it.submission_id, it.received_at, it.age_days, it.reasons_text, "; ".join(it.reasons),
                       report.case_url(it.submission_id)])
            r = ws.max_row
            ws.cell(row=r, column=2).number_format = DATETIME_FORMAT
            ws.cell(row=r, column=4).alignment = Alignment(wrap_text=True, vertical="top")
            ws.cell(row=r, column=6).hyperlink = report.case_url(it.submission_id)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{ws.max_row}"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


# --------------------------------------------------------------------------- the email


def subject(report: ExceptionsReport, council_name: str) -> str:
    n = len(report.items)
    return f"{council_name}: {n} open exception{'s' if n != 1 else ''} on {report.as_of:%d %B %Y}"


def email_context(report: ExceptionsReport, council_name: str) -> dict[str, Any]:
    groups = report.by_type()
    return {
        "council_name": council_name,
        "as_of": report.as_of,
        "total": len(report.items),
        "oldest_days": report.oldest_days,
        "queue_url": f"{report.review_url}/queue",
        "groups": [{"title": form_title(ft), "form_type": ft, "open": len(items),
                    "oldest_days": max(i.age_days for i in items),
                    "over_five_days": sum(1 for i in items if i.age_days > 5)} for ft, items in groups.items()],
        "reasons": [{"code": code, "text": describe(code), "count": n} for code, n in report.reason_counts()[:10]],
    }


def render_email(report: ExceptionsReport, council_name: str) -> tuple[str, str]:
    """The email's HTML and plain-text bodies, from ``templates/reports/``."""
    context = email_context(report, council_name)
    return (letters.render("reports/exceptions_email.html", **context),
            letters.render("reports/exceptions_email.txt", **context))
