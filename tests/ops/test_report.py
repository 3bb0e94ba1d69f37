"""The daily exceptions report: its workbook (read back with openpyxl) and its email (through a real SMTP server)."""

from __future__ import annotations

import datetime as dt
import email
import io
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from formwork import mail, report
from formwork.db import session_scope
from formwork.models import CaseReview, Resolution
from formwork.settings import Settings, Smtp, configure
from tests.ops.conftest import add_submission
from tests.ports import free_port

AS_OF = dt.date(2026, 11, 27)


def at(days_ago: int, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(AS_OF - dt.timedelta(days=days_ago), dt.time(hour, 15), tzinfo=dt.UTC)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return configure(home=tmp_path / "data", as_of=AS_OF, council_name="Example District Council",
                     ops={"review_url": "http://review.example:8700/", "report_to": "team@example.org"})


@pytest.fixture
def ids(settings: Settings) -> dict[str, int]:
    with session_scope(settings.database_url) as s:
        return {
            "spd_old": add_submission(s, settings.store_dir, outcome="exception", received=at(9),
                                      reasons=["NAME_MISMATCH", "MISSING_FIELD:postcode"]),
            "spd_new": add_submission(s, settings.store_dir, outcome="exception", received=at(1),
                                      reasons=["DATE_TOO_OLD"]),
            "permit": add_submission(s, settings.store_dir, outcome="exception", form_type="parking_permit",
                                     received=at(2), reasons=["VRM_HAS_PERMIT"]),
            "unknown": add_submission(s, settings.store_dir, outcome="exception", form_type=None, received=at(0),
                                      reasons=["UNKNOWN_FORM_TYPE"]),
            "approved": add_submission(s, settings.store_dir, outcome="approved", received=at(3)),
            "quarantined": add_submission(s, settings.store_dir, outcome="quarantined", form_type=None,
                                          received=at(3), reasons=["UNREADABLE_FILE"]),
        }


def test_open_exceptions_are_grouped_by_form_type_with_their_age(settings: Settings, ids: dict[str, int]) -> None:
    found = report.gather(settings)
    groups = found.by_type()
    assert list(groups) == ["council_tax_spd", "parking_permit", "unrecognised"]
    assert [(i.submission_id, i.age_days) for i in groups["council_tax_spd"]] == [(ids["spd_old"], 9),
                                                                                 (ids["spd_new"], 1)]
    assert found.oldest_days == 9
    assert groups["council_tax_spd"][0].reasons_text == ("The applicant is not a liable party on the account; "
                                                         "A required answer is missing: postcode")
    assert found.review_url == "http://review.example:8700"


def test_exceptions_closed_by_staff_are_not_open(settings: Settings, ids: dict[str, int]) -> None:
    with session_scope(settings.database_url) as s:
        s.add_all([CaseReview(submission_id=ids["spd_old"], resolution=Resolution.rejected,
                              resolved_at=dt.datetime(2026, 11, 26, 10, tzinfo=dt.UTC)),
                   CaseReview(submission_id=ids["permit"], resolution=Resolution.more_information)])
    open_ids = {i.submission_id for i in report.gather(settings).items}
    assert open_ids == {ids["spd_new"], ids["permit"], ids["unknown"]}


def test_the_workbook_has_a_summary_and_a_sheet_per_form_type(settings: Settings, ids: dict[str, int],
                                                              tmp_path: Path) -> None:
    path = report.write_workbook(report.gather(settings), tmp_path / "out" / "report.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Summary", "council_tax_spd", "parking_permit", "unrecognised"]
    summary = wb["Summary"]
    assert summary["B2"].value == dt.datetime(2026, 11, 27) and summary["B2"].number_format == "dd/mm/yyyy"
    assert summary["B3"].value == 4 and summary["B4"].value == 9
    rows = {r[0]: r for r in summary.iter_rows(min_row=8, max_row=10, values_only=True)}
    assert rows["Council Tax Single Person Discount"][1:] == ("council_tax_spd", 2, 9, 1)
    assert rows["Residents' parking permit"][2] == 1
    assert summary.cell(row=8, column=2).hyperlink.location == "'council_tax_spd'!A1"

    ws = wb["council_tax_spd"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F3"
    assert [c.value for c in ws[1]] == ["Submission", "Received", "Age (days)", "Reasons", "Reason codes", "Case"]
    first = [c.value for c in ws[2]]
    assert first[0] == ids["spd_old"] and first[2] == 9
    assert first[1] == dt.datetime(2026, 11, 18, 9, 15)
    assert ws["B2"].number_format == "dd/mm/yyyy hh:mm"
    assert first[3].startswith("The applicant is not a liable party")
    assert first[4] == "NAME_MISMATCH; MISSING_FIELD:postcode"
    assert first[5] == f"http://review.example:8700/cases/{ids['spd_old']}" and ws["F2"].hyperlink
    assert ws.column_dimensions["D"].width >= 60 and ws.column_dimensions["A"].width >= 10


def test_the_workbook_holds_no_account_reference(settings: Settings, ids: dict[str, int], tmp_path: Path) -> None:
    path = report.write_workbook(report.gather(settings), tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    cells = [str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert cells and not any("40012345" in c for c in cells)


def test_an_empty_report_still_makes_a_workbook_and_an_email(settings: Settings, tmp_path: Path) -> None:
    found = report.gather(settings)
    wb = openpyxl.load_workbook(report.write_workbook(found, tmp_path / "empty.xlsx"))
    assert wb.sheetnames == ["Summary"] and wb["Summary"]["B3"].value == 0
    html, plain = report.render_email(found, "Example District Council")
    assert "No exceptions are waiting" in html and "No exceptions are waiting" in plain


# --------------------------------------------------------------------------- email through a real SMTP server


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's hook name
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def check_login(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"formwork", b"s3cret")
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=check_login,
                            auth_require_tls=False)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def send_report(settings: Settings, smtp: Smtp, tmp_path: Path) -> Path:
    found = report.gather(settings)
    path = report.write_workbook(found, tmp_path / "exceptions-2026-11-27.xlsx")
    html, plain = report.render_email(found, settings.council_name)
    msg = mail.message(sender="formwork@example.org", to="team@example.org",
                       subject=report.subject(found, settings.council_name), html=html, text=plain,
                       attachments=(path,))
    mail.send(msg, smtp)
    return path


def test_the_email_arrives_with_the_workbook_attached(settings: Settings, ids: dict[str, int], tmp_path: Path,
                                                      smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    smtp = Smtp(host="127.0.0.1", port=port, tls="none", user="formwork", password="s3cret")  # type: ignore[arg-type]
    send_report(settings, smtp, tmp_path)
    ((sender, rcpts, raw),) = inbox.messages
    assert sender == "formwork@example.org" and rcpts == ["team@example.org"]
    msg = email.message_from_bytes(raw, policy=default_policy)
    assert isinstance(msg, EmailMessage)
    assert msg["Subject"] == "Example District Council: 4 open exceptions on 27 November 2026"
    body = msg.get_body(("html",))
    assert body is not None
    html = body.get_content()
    assert "Council Tax Single Person Discount" in html and "http://review.example:8700/queue" in html
    assert "The applicant is not a liable party on the account: 1" in html
    plain = msg.get_body(("plain",))
    assert plain is not None and "4 forms wait for review" in plain.get_content()
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == "exceptions-2026-11-27.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    assert wb.sheetnames == ["Summary", "council_tax_spd", "parking_permit", "unrecognised"]
    assert wb["parking_permit"]["A2"].value == ids["permit"]


def test_a_wrong_password_is_one_line_without_the_password(settings: Settings, ids: dict[str, int],
                                                           tmp_path: Path, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    smtp = Smtp(host="127.0.0.1", port=port, tls="none", user="formwork", password="wrong",  # type: ignore[arg-type]
                timeout_seconds=5)
    with pytest.raises(mail.MailError) as caught:
        send_report(settings, smtp, tmp_path)
    assert "wrong" not in str(caught.value) and "\n" not in str(caught.value)
    assert inbox.messages == []


def test_starttls_against_a_server_without_it_fails_rather_than_sending_in_clear(
        settings: Settings, ids: dict[str, int], tmp_path: Path, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    with pytest.raises(mail.MailError, match=r"cannot send mail through 127\.0\.0\.1"):
        send_report(settings, Smtp(host="127.0.0.1", port=port, tls="starttls"), tmp_path)
    assert inbox.messages == []


def test_the_smtp_password_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FORMWORK_SMTP__PASSWORD", "from-env")
    monkeypatch.setenv("FORMWORK_SMTP__HOST", "mail.example.org")
    s = configure(home=tmp_path)
    assert s.smtp.host == "mail.example.org"
    assert s.smtp.password is not None and s.smtp.password.get_secret_value() == "from-env"
    assert "from-env" not in repr(s)
