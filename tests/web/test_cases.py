"""Working the queue: claiming, correcting, approving, rejecting, asking; page images and originals."""

from __future__ import annotations

import io
import re

from fastapi.testclient import TestClient
from PIL import Image
from sqlmodel import col, select

from formwork.db import session_scope
from formwork.models import (
    AccountDiscount,
    AuditEntry,
    CaseReview,
    CheckResult,
    ExtractedField,
    Letter,
    Submission,
)
from tests.web.conftest import Council, signed_in


def _audit(council: Council, submission_id: int | None) -> list[AuditEntry]:
    with session_scope(council.settings.database_url) as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.submission_id == submission_id)
                                 .order_by(col(AuditEntry.id))))


def test_the_queue_lists_open_exceptions_oldest_first_with_filters(client: TestClient, council: Council) -> None:
    signed_in(client, "bob")
    page = client.get("/queue").text
    with session_scope(council.settings.database_url) as session:
        exceptions = session.exec(select(Submission).where(Submission.outcome == "exception")
                                  .order_by(col(Submission.received_at), col(Submission.id))).all()
    ids = [int(i) for i in re.findall(r'href="/cases/(\d+)" class="case-link"', page)]
    assert ids == [s.id for s in exceptions] and len(ids) >= 4
    assert f"{len(ids)} cases." in page
    closed = council.case_with("ACCOUNT_CLOSED")
    only = client.get("/queue?reason=ACCOUNT_CLOSED").text
    assert f'href="/cases/{closed.id}" class="case-link"' in only and "1 case." in only
    assert "The council tax account is closed (1)" in page  # the reason filter shows its count
    assert "0 cases." in client.get("/queue?age=7d").text  # everything arrived today


def test_two_members_of_staff_never_work_the_same_case(client: TestClient, council: Council) -> None:
    case = council.case_with("LOW_CONFIDENCE")
    bob = signed_in(client, "bob")
    assert client.post(f"/cases/{case.id}/claim", data={"csrf_token": bob}, follow_redirects=False).status_code == 303
    other = TestClient(client.app, base_url="http://127.0.0.1")
    carol = signed_in(other, "carol")
    refused = other.post(f"/cases/{case.id}/claim", data={"csrf_token": carol})
    assert refused.status_code == 409 and "bob is working on this case" in refused.text
    assert other.post(f"/cases/{case.id}/approve", data={"csrf_token": carol}).status_code == 409
    assert other.post(f"/cases/{case.id}/reject", data={"csrf_token": carol, "reason": "x"}).status_code == 409
    assert "<strong>bob</strong> is working on this case" in other.get(f"/cases/{case.id}").text
    assert "bob" in other.get("/queue").text
    # Once bob puts it back, carol can take it.
    client.post(f"/cases/{case.id}/release", data={"csrf_token": bob})
    assert other.post(f"/cases/{case.id}/claim", data={"csrf_token": carol},
                      follow_redirects=False).status_code == 303
    with session_scope(council.settings.database_url) as session:
        assert session.get(CaseReview, case.id).claimed_by == "carol"  # type: ignore[union-attr]


def test_the_case_page_shows_pages_boxes_fields_and_failed_checks_with_evidence(client: TestClient,
                                                                                council: Council) -> None:
    signed_in(client, "bob")
    case = council.case_with("ACCOUNT_CLOSED")
    page = client.get(f"/cases/{case.id}").text
    assert f'src="/cases/{case.id}/pages/1.png"' in page
    assert 'class="box' in page and 'href="#f-account_ref"' in page  # a labelled box per field read
    assert 'id="f-account_ref"' in page and 'for="f-account_ref"' in page  # a labelled input
    assert "Confidence" in page
    assert "The council tax account is closed" in page
    assert "Liable to pay" in page and "closed" in page  # the account record, as evidence


def test_a_page_image_and_the_original_by_id(client: TestClient, council: Council) -> None:
    signed_in(client, "bob")
    case = council.case_with("LOW_CONFIDENCE")
    png = client.get(f"/cases/{case.id}/pages/1.png")
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.get(f"/cases/{case.id}/pages/99.png").status_code == 404
    original = client.get(f"/submissions/{case.id}/original")
    assert original.content == (council.root / "council" / "inbox" / case.file_name).read_bytes()
    assert "attachment" in original.headers["content-disposition"]
    assert client.get("/submissions/99999/original").status_code == 404


def test_a_page_image_shows_what_was_typed_into_the_fillable_fields(client: TestClient, council: Council) -> None:
    """The boxes of a fillable form are drawn with their answers, not empty (pdfium's form environment)."""
    signed_in(client, "bob")
    with session_scope(council.settings.database_url) as session:
        field = session.exec(select(ExtractedField).where(ExtractedField.method == "acroform",
                                                          ExtractedField.page == 1,
                                                          col(ExtractedField.value).is_not(None))).first()
    assert field is not None and None not in (field.x0, field.top, field.x1, field.bottom)
    png = client.get(f"/cases/{field.submission_id}/pages/1.png")
    assert png.status_code == 200
    image = Image.open(io.BytesIO(png.content)).convert("L")
    scale = image.width / 595.0 if image.width < image.height else image.width / 842.0
    box = tuple(round(v * scale) for v in (field.x0, field.top, field.x1, field.bottom))
    inside = image.crop((box[0] + 3, box[1] + 3, box[2] - 3, box[3] - 3))
    assert inside.getextrema()[0] < 100, "the answer's box is drawn empty"


def test_approving_a_confirmed_low_confidence_answer_applies_the_pipelines_action(client: TestClient,
                                                                                  council: Council) -> None:
    case = council.case_with("LOW_CONFIDENCE:account_ref")
    right = council.truth[case.file_name]["fields"]["account_ref"]
    token = signed_in(client, "bob")
    client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})
    typed = f"CT {right[:4]} {right[4:]}"  # as staff might type it: normalised like the form's own
    done = client.post(f"/cases/{case.id}/approve", data={"csrf_token": token, "field.account_ref": typed},
                       follow_redirects=False)
    assert done.status_code == 303, done.text
    after = council.submission(case.file_name)
    assert after.outcome == "approved" and after.reasons == [] and after.decided_by == "bob"
    with session_scope(council.settings.database_url) as session:
        discount = session.exec(select(AccountDiscount).where(AccountDiscount.submission_id == case.id)).one()
        assert discount.account_ref == right
        letter = session.exec(select(Letter).where(Letter.submission_id == case.id)).one()
        assert letter.kind == "spd_approved"
    actions = {e.action: e for e in _audit(council, case.id)}
    assert actions["staff_approved"].actor == "bob"
    assert actions["staff_approved"].before == {"outcome": "exception", "reasons": case.reasons}
    assert actions["staff_approved"].after["values"]["account_ref"] == right  # type: ignore[index]
    assert "field_corrected" not in actions  # the reading was right, only unsure
    assert actions["discount_applied"].actor == "bob"
    page = client.get(f"/cases/{case.id}").text
    assert "Approved by bob" in page and f'href="/letters/{letter.id}"' in page
    assert client.get(f"/letters/{letter.id}").text == letter.body_html
    assert f'href="/cases/{case.id}" class="case-link"' not in client.get("/queue").text


def test_a_corrected_answer_is_stored_as_staffs_with_before_and_after(client: TestClient,
                                                                      council: Council) -> None:
    case = council.case_with("MISSING_FIELD:declaration_date")
    assert "declaration_date" not in council.truth[case.file_name]["fields"]  # left blank on the form
    signed = "2026-11-20"  # as the applicant confirmed it, say by phone
    token = signed_in(client, "bob")
    client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})
    done = client.post(f"/cases/{case.id}/approve",
                       data={"csrf_token": token, "field.declaration_date": "20/11/2026"}, follow_redirects=False)
    assert done.status_code == 303, done.text
    with session_scope(council.settings.database_url) as session:
        field = session.exec(select(ExtractedField).where(ExtractedField.submission_id == case.id,
                                                          ExtractedField.name == "declaration_date")).one()
    assert (field.value, field.method, field.confidence) == (signed, "staff", 1.0)
    corrected = next(e for e in _audit(council, case.id) if e.action == "field_corrected")
    assert (corrected.actor, corrected.before, corrected.after) == ("bob", {"declaration_date": None},
                                                                    {"declaration_date": signed})
    assert council.submission(case.file_name).outcome == "approved"


def test_approving_when_checks_still_fail_needs_an_override_with_a_note(client: TestClient,
                                                                        council: Council) -> None:
    case = council.case_with("ACCOUNT_CLOSED")
    token = signed_in(client, "bob")
    client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})
    refused = client.post(f"/cases/{case.id}/approve", data={"csrf_token": token})
    assert refused.status_code == 409 and "Some checks still fail" in refused.text
    assert "The council tax account is closed" in refused.text
    no_note = client.post(f"/cases/{case.id}/approve", data={"csrf_token": token, "override": "1"})
    assert no_note.status_code == 409 and "Write a note" in no_note.text
    assert council.submission(case.file_name).outcome == "exception"
    with session_scope(council.settings.database_url) as session:  # the refused attempts changed nothing
        assert session.exec(select(CheckResult).where(CheckResult.submission_id == case.id)).all()
        assert not session.exec(select(AccountDiscount).where(AccountDiscount.submission_id == case.id)).all()
    done = client.post(f"/cases/{case.id}/approve", data={"csrf_token": token, "override": "1",
                                                          "note": "Account reopened by phone today"},
                       follow_redirects=False)
    assert done.status_code == 303
    entry = next(e for e in _audit(council, case.id) if e.action == "staff_approved")
    assert entry.note == "Account reopened by phone today" and entry.after["overridden"] == ["ACCOUNT_CLOSED"]  # type: ignore[index]


def test_a_missing_required_answer_cannot_be_overridden(client: TestClient, council: Council) -> None:
    case = council.case_with("MISSING_FIELD")
    token = signed_in(client, "bob")
    client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})
    refused = client.post(f"/cases/{case.id}/approve", data={"csrf_token": token, "override": "1", "note": "ok"})
    assert refused.status_code == 409 and "Correct the answers marked below" in refused.text
    assert council.submission(case.file_name).outcome == "exception"


def test_checking_again_shows_the_new_result_and_changes_nothing(client: TestClient, council: Council) -> None:
    case = council.case_with("LOW_CONFIDENCE:account_ref")
    token = signed_in(client, "bob")
    client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})
    page = client.post(f"/cases/{case.id}/check", data={"csrf_token": token, "field.account_ref": "99999999"})
    assert page.status_code == 200
    assert "The council tax account does not exist" in page.text and 'value="99999999"' in page.text
    assert council.submission(case.file_name).reasons == case.reasons
    with session_scope(council.settings.database_url) as session:
        field = session.exec(select(ExtractedField).where(ExtractedField.submission_id == case.id,
                                                          ExtractedField.name == "account_ref")).one()
        assert field.value != "99999999"


def test_rejecting_writes_a_letter_and_closes_the_case(client: TestClient, council: Council) -> None:
    case = council.case_with("ACCOUNT_NOT_FOUND")
    token = signed_in(client, "bob")
    client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})
    assert client.post(f"/cases/{case.id}/reject", data={"csrf_token": token, "reason": ""}).status_code == 409
    done = client.post(f"/cases/{case.id}/reject", data={"csrf_token": token,
                                                         "reason": "We have no account with that <reference>."},
                       follow_redirects=False)
    assert done.status_code == 303
    with session_scope(council.settings.database_url) as session:
        letter = session.exec(select(Letter).where(Letter.submission_id == case.id)).one()
        review = session.get(CaseReview, case.id)
    assert letter.kind == "rejected" and "We have no account with that &lt;reference&gt;." in letter.body_html
    assert review is not None and review.resolution == "rejected" and review.resolved_by == "bob"
    assert council.submission(case.file_name).outcome == "exception"  # the pipeline's outcome stands
    assert f'href="/cases/{case.id}" class="case-link"' not in client.get("/queue").text
    assert any(e.action == "staff_rejected" and e.actor == "bob" for e in _audit(council, case.id))
    again = client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})  # closed: stays closed
    assert again.status_code == 409 and "already been rejected" in again.text
    assert client.post(f"/cases/{case.id}/approve", data={"csrf_token": token}).status_code == 409


def test_asking_for_more_information_parks_the_case(client: TestClient, council: Council) -> None:
    case = council.case_with("NAME_MISMATCH")
    token = signed_in(client, "bob")
    client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})
    client.post(f"/cases/{case.id}/request-information",
                data={"csrf_token": token, "needed": "Proof that you are named on the bill."})
    assert f'href="/cases/{case.id}" class="case-link"' not in client.get("/queue").text
    waiting = client.get("/queue?status=waiting").text
    assert f'href="/cases/{case.id}" class="case-link"' in waiting
    with session_scope(council.settings.database_url) as session:
        letter = session.exec(select(Letter).where(Letter.submission_id == case.id)).one()
    assert letter.kind == "more_information" and "Proof that you are named on the bill." in letter.body_html


def test_quarantine_and_dashboard(client: TestClient, council: Council) -> None:
    signed_in(client, "bob")
    page = client.get("/quarantine").text
    assert "email_0009.pdf" in page and "/original" in page
    board = client.get("/dashboard").text
    assert board.count("<svg") >= 2 and "Straight-through rate" in board and "Staff hours saved" in board
    assert "<script" not in board.split("</head>")[1]  # readable without JavaScript


def test_an_unrecognised_document_can_be_looked_at_and_rejected_but_not_approved(client: TestClient,
                                                                                  council: Council) -> None:
    case = council.case_with("ACCOUNT_NOT_FOUND")
    with session_scope(council.settings.database_url) as session:  # as the pipeline leaves an unknown form
        sub = session.get(Submission, case.id)
        assert sub is not None
        sub.form_type, sub.extractor, sub.reasons = None, None, ["UNKNOWN_FORM_TYPE"]
        session.add(sub)
    token = signed_in(client, "bob")
    client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})
    page = client.get(f"/cases/{case.id}")
    assert page.status_code == 200 and "No extractor recognised this document" in page.text
    assert "Answers on the form" not in page.text and "Reject the application" in page.text
    refused = client.post(f"/cases/{case.id}/approve", data={"csrf_token": token})
    assert refused.status_code == 409 and "cannot be approved here" in refused.text
    done = client.post(f"/cases/{case.id}/reject", data={"csrf_token": token, "reason": "Not one of our forms."},
                       follow_redirects=False)
    assert done.status_code == 303
