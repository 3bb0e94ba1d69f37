"""The layout memory, end to end: staff teach a layout by approving a case, the next form of it is read there.

A council's own form labels its account number "Box 7", which no wording list knows: the first form of the
layout goes to staff (MISSING_FIELD:account_ref); a member of staff keys it and approves; the next form of
the layout is read by that lesson (method ``learned``), still checked, and approved straight through. A
correction that contradicts a lesson drops it; admins see the layouts and forget one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from fastapi.testclient import TestClient
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from sqlmodel import select
from typer.testing import CliRunner

from formwork import pipeline
from formwork.cli import app as cli
from formwork.db import dispose_all, session_scope
from formwork.models import AuditEntry, ExtractedField, Layout, LayoutLesson, Outcome, Role, Submission
from formwork.records import load_workbook
from formwork.settings import Settings
from formwork.web import auth, cases
from formwork.web.app import create_app
from tests.records.workbooks import default_sheets
from tests.web.conftest import PASSWORD, signed_in

AS_OF = dt.date(2026, 11, 27)


def _form(path: Path, account: str, name: str, line1: str, since: str) -> Path:
    """A council's own single person discount form: its account number is asked as "Box 7"."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    _, h = A4
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, h - 60, "Application for single person discount")
    y = h - 110
    for label, value in (("Box 7", account), ("Full name:", name), ("Address:", line1), ("Postcode:", "NR1 3QU"),
                         ("Date you began living alone:", since), ("Date:", "20/11/2026")):
        c.setFont("Helvetica", 10)
        c.drawString(50, y, label)
        c.setFont("Courier", 10)
        c.drawString(260, y, value)
        y -= 24
    c.save()
    return path


@pytest.fixture
def council(tmp_path: Path) -> Iterator[Settings]:
    sheets = default_sheets()
    sheets["properties"].append([100004, "4 Mill Lane", None, "Norwich", "NR1 3QU", "B", "Mancroft", "A"])
    sheets["council_tax_accounts"].append(["40000004", 100004, "Tom Jones", "active", dt.date(2020, 4, 1), None, None])
    sheets["electoral_register"].append(["AB-4", "Tom Jones", 100004])
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(tmp_path / "records.xlsx")
    settings = Settings(home=tmp_path / "data", as_of=AS_OF, workers=1)
    load_workbook(tmp_path / "records.xlsx", url=settings.database_url)
    with session_scope(settings.database_url) as session:
        auth.add_user(session, "alice", Role.admin, PASSWORD, "test")
    yield settings
    dispose_all()


def _process(settings: Settings, folder: Path, *forms: Path) -> None:
    folder.mkdir()
    for f in forms:
        f.rename(folder / f.name)
    pipeline.process_inbox(folder, settings)


def _sub(settings: Settings, name: str) -> Submission:
    with session_scope(settings.database_url) as session:
        return session.exec(select(Submission).where(Submission.file_name == name)).one()


def _field(settings: Settings, sub_id: int | None, name: str) -> ExtractedField:
    with session_scope(settings.database_url) as session:
        return session.exec(select(ExtractedField).where(ExtractedField.submission_id == sub_id,
                                                         ExtractedField.name == name)).one()


def _actions(settings: Settings) -> list[str]:
    with session_scope(settings.database_url) as session:
        return [e.action for e in session.exec(select(AuditEntry).order_by(AuditEntry.id))]  # type: ignore[arg-type]


def _approve(settings: Settings, sub: Submission, **fields: str) -> cases.Approval:
    assert sub.id is not None
    with session_scope(settings.database_url) as session:
        cases.claim(session, sub.id, "alice", settings)
    with session_scope(settings.database_url) as session:
        posted = {f.name: f.shown for f in cases.case_fields(session, sub)}
        posted = {f"field.{k}": v for k, v in (posted | fields).items()}
        return cases.approve(session, sub.id, posted, "alice", settings, override=False, note="")


def test_a_layout_learned_from_one_approval_reads_the_next_form_of_it(council: Settings, tmp_path: Path) -> None:
    first = _form(tmp_path / "a.pdf", "4000 0001", "Jane Smith", "1 Mill Lane", "01/10/2026")
    _process(council, tmp_path / "in1", first)
    a = _sub(council, "a.pdf")
    assert (a.outcome, a.reasons) == (Outcome.exception, ["MISSING_FIELD:account_ref"])  # "Box 7" means nothing

    done = _approve(council, a, account_ref="40000001")
    assert done.approved, done.message
    with session_scope(council.database_url) as session:
        lesson = session.exec(select(LayoutLesson).where(LayoutLesson.field == "account_ref")).one()
        assert lesson.taught_by == "alice" and lesson.submission_id == a.id
        assert session.exec(select(Layout)).one().name == "Application for single person discount"
    assert "lesson_learned" in _actions(council)

    second = _form(tmp_path / "b.pdf", "4000 0004", "Tom Jones", "4 Mill Lane", "03/10/2026")
    _process(council, tmp_path / "in2", second)
    b = _sub(council, "b.pdf")
    read = _field(council, b.id, "account_ref")
    assert (read.value, read.method, read.lesson_id) == ("40000004", "learned", lesson.id)
    assert (b.outcome, b.reasons) == (Outcome.approved, [])  # read by the lesson, and every check passed

    # The case page says where the lesson came from.
    with TestClient(create_app(council), base_url="http://127.0.0.1") as client:
        signed_in(client, "alice")
        page = client.get(f"/cases/{b.id}").text
        assert f"Learned from <a href=\"/cases/{a.id}\">case #{a.id}</a>, taught by alice" in page
        assert "the answer to “Box 7”" in page  # the label as printed
        admin = client.get("/admin/layouts").text
        assert "Application for single person discount" in admin and "Council Tax account number" in admin


def test_a_correction_that_contradicts_a_lesson_drops_it(council: Settings, tmp_path: Path) -> None:
    _process(council, tmp_path / "in1", _form(tmp_path / "a.pdf", "40000001", "Jane Smith", "1 Mill Lane",
                                              "01/10/2026"))
    assert _approve(council, _sub(council, "a.pdf"), account_ref="40000001").approved
    # The next form has a reference the records do not know: read by the lesson, then corrected by staff.
    _process(council, tmp_path / "in2", _form(tmp_path / "b.pdf", "40000099", "Tom Jones", "4 Mill Lane",
                                              "03/10/2026"))
    b = _sub(council, "b.pdf")
    assert b.reasons == ["ACCOUNT_NOT_FOUND"] and _field(council, b.id, "account_ref").method == "learned"
    assert _approve(council, b, account_ref="40000004").approved
    with session_scope(council.database_url) as session:
        assert session.exec(select(LayoutLesson).where(LayoutLesson.field == "account_ref")).first() is None
    assert "lesson_dropped" in _actions(council)


def test_admins_list_and_forget_a_layout(council: Settings, tmp_path: Path) -> None:
    _process(council, tmp_path / "in1", _form(tmp_path / "a.pdf", "40000001", "Jane Smith", "1 Mill Lane",
                                              "01/10/2026"))
    assert _approve(council, _sub(council, "a.pdf"), account_ref="40000001").approved
    runner = CliRunner()
    env = {"FORMWORK_HOME": str(council.home)}
    listed = runner.invoke(cli, ["layouts", "list", "--json", "--db", council.database_url], env=env)
    assert listed.exit_code == 0, listed.output
    assert '"field": "account_ref"' in listed.output and '"taught_by": "alice"' in listed.output
    with session_scope(council.database_url) as session:
        layout_id = session.exec(select(Layout)).one().id
    with TestClient(create_app(council), base_url="http://127.0.0.1") as client:
        token = signed_in(client, "alice")
        gone = client.post(f"/admin/layouts/{layout_id}/forget", data={"csrf_token": token}, follow_redirects=False)
        assert gone.status_code == 303
    with session_scope(council.database_url) as session:
        assert session.exec(select(Layout)).first() is None and session.exec(select(LayoutLesson)).first() is None
    assert "layout_forgotten" in _actions(council)
    missing = runner.invoke(cli, ["layouts", "forget", str(layout_id), "--db", council.database_url], env=env)
    assert missing.exit_code == 1 and "there is no learned layout" in missing.output
    # Forgotten: the next form of the layout is read from its labels again.
    _process(council, tmp_path / "in2", _form(tmp_path / "b.pdf", "40000004", "Tom Jones", "4 Mill Lane",
                                              "03/10/2026"))
    assert _sub(council, "b.pdf").reasons == ["MISSING_FIELD:account_ref"]


def _boxes_form(path: Path, account: str, name: str, line1: str, since: str, title: str = "Return CT/77",
                box: str = "Box") -> Path:
    """A council's own return that names nothing: numbered boxes under a code, which no extractor recognises."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    _, h = A4
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, h - 60, title)
    y = h - 110
    for n, value in enumerate((account, name, line1, "NR1 3QU", since, "20/11/2026"), start=1):
        c.setFont("Helvetica", 10)
        c.drawString(50, y, f"{box} {n}")
        c.setFont("Courier", 10)
        c.drawString(260, y, value)
        y -= 24
    c.save()
    return path


def test_staff_say_which_form_an_unrecognised_layout_is_and_the_next_one_is_read_as_it(
        council: Settings, tmp_path: Path) -> None:
    _process(council, tmp_path / "in1", _boxes_form(tmp_path / "a.pdf", "40000001", "Jane Smith", "1 Mill Lane",
                                                    "01/10/2026"))
    a = _sub(council, "a.pdf")
    assert (a.outcome, a.reasons, a.form_type) == (Outcome.exception, ["UNKNOWN_FORM_TYPE"], None)
    assert a.id is not None

    with TestClient(create_app(council), base_url="http://127.0.0.1") as client:
        token = signed_in(client, "alice")
        client.post(f"/cases/{a.id}/claim", data={"csrf_token": token})
        page = client.get(f"/cases/{a.id}").text
        assert "What form is this?" in page and 'value="council_tax_spd"' in page
        read = client.post(f"/cases/{a.id}/read-as", data={"csrf_token": token, "form_type": "council_tax_spd"},
                           follow_redirects=False)
        assert read.status_code == 303, read.text
        page = client.get(f"/cases/{a.id}").text
        assert 'name="field.account_ref"' in page  # its answers, for staff to key from the page
    a = _sub(council, "a.pdf")
    assert a.form_type == "council_tax_spd" and a.outcome == Outcome.exception
    assert "staff_read_as" in _actions(council)
    done = _approve(council, a, account_ref="40000001", applicant_name="Jane Smith", address="1 Mill Lane",
                    postcode="NR1 3QU", sole_adult_since="2026-10-01", declaration_date="2026-11-20")
    assert done.approved, done.message
    with session_scope(council.database_url) as session:
        assert session.exec(select(Layout)).one().form_type == "council_tax_spd"

    # The next return of that layout is read as the form staff said, by their lessons, and still checked.
    _process(council, tmp_path / "in2",
             _boxes_form(tmp_path / "b.pdf", "40000004", "Tom Jones", "4 Mill Lane", "03/10/2026"),
             _boxes_form(tmp_path / "c.pdf", "40000004", "Tom Jones", "4 Mill Lane", "03/10/2026",
                         title="Survey of occupancy S/3", box="Item"))
    b = _sub(council, "b.pdf")
    assert b.form_type == "council_tax_spd" and "staff taught its layout" in (b.detail or "")
    read = _field(council, b.id, "account_ref")
    assert (read.value, read.method) == ("40000004", "learned")
    assert (b.outcome, b.reasons) == (Outcome.approved, [])
    # Another layout (a different return) is not taken for it.
    assert _sub(council, "c.pdf").reasons == ["UNKNOWN_FORM_TYPE"]


def test_review_apply_says_which_form_a_case_is(council: Settings, tmp_path: Path) -> None:
    _process(council, tmp_path / "in1", _boxes_form(tmp_path / "a.pdf", "40000001", "Jane Smith", "1 Mill Lane",
                                                    "01/10/2026"))
    fields = {"account_ref": "40000001", "applicant_name": "Jane Smith", "address": "1 Mill Lane",
              "postcode": "NR1 3QU", "sole_adult_since": "2026-10-01", "declaration_date": "2026-11-20"}
    decisions = tmp_path / "decisions.jsonl"
    runner = CliRunner()
    env = {"FORMWORK_HOME": str(council.home)}
    args = ["review", "apply", str(decisions), "--db", council.database_url, "--as-of", AS_OF.isoformat()]
    decisions.write_text(json.dumps({"file": "a.pdf", "user": "alice", "decision": "approve", "fields": fields}) + "\n")
    refused = runner.invoke(cli, args, env=env)
    assert refused.exit_code == 1 and 'say which form it is with "form_type"' in refused.output
    decisions.write_text(json.dumps({"file": "a.pdf", "user": "alice", "decision": "approve",
                                     "form_type": "council_tax_spd", "fields": fields}) + "\n")
    done = runner.invoke(cli, args, env=env)
    assert done.exit_code == 0, done.output
    assert "approved (read as" in done.output
    a = _sub(council, "a.pdf")
    assert (a.form_type, a.outcome) == ("council_tax_spd", Outcome.approved)
