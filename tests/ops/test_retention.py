"""formwork/retention.py: what is due, what a purge removes and what it keeps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import col, select

from formwork import retention
from formwork.db import session_scope
from formwork.models import (
    AuditEntry,
    CaseReview,
    CheckResult,
    ExtractedField,
    Letter,
    Purge,
    Resolution,
    Submission,
)
from formwork.settings import Settings, configure
from formwork.store import FileStore
from tests.ops.conftest import add_submission

AS_OF = dt.date(2026, 11, 27)


def at(days_ago: int) -> dt.datetime:
    return dt.datetime.combine(AS_OF - dt.timedelta(days=days_ago), dt.time(10), tzinfo=dt.UTC)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return configure(home=tmp_path / "data", as_of=AS_OF,
                     ops={"retention_days": {"council_tax_spd": 100, "parking_permit": 30},
                          "default_retention_days": 200})


def with_personal_data(settings: Settings, sid: int) -> None:
    with session_scope(settings.database_url) as s:
        s.add(ExtractedField(submission_id=sid, name="applicant_name", value="Jane Example", raw="Jane Example",
                             confidence=1.0, method="label"))
        s.add(Letter(submission_id=sid, kind="spd_approved", template="t.html", body_html="<p>Dear Jane Example</p>"))
        s.add(CheckResult(submission_id=sid, check="name", passed=True, evidence={"liable": ["Jane Example"]}))


def stored(settings: Settings, sid: int) -> Path:
    with session_scope(settings.database_url) as s:
        sub = s.get(Submission, sid)
        assert sub is not None
        return FileStore(settings.store_dir).resolve(sub.stored_path)


def test_only_decided_submissions_past_their_period_are_due(settings: Settings) -> None:
    with session_scope(settings.database_url) as s:
        old_approved = add_submission(s, settings.store_dir, outcome="approved", decided=at(101))
        add_submission(s, settings.store_dir, outcome="approved", decided=at(100))  # exactly the period: kept
        add_submission(s, settings.store_dir, outcome="exception", decided=at(500), reasons=["NAME_MISMATCH"])
        add_submission(s, settings.store_dir, outcome="quarantined", form_type=None, decided=at(500),
                       reasons=["UNREADABLE_FILE"])
        add_submission(s, settings.store_dir, outcome=None)  # not decided yet
        permit = add_submission(s, settings.store_dir, outcome="approved", form_type="parking_permit",
                                decided=at(31))
        unknown_type = add_submission(s, settings.store_dir, outcome="approved", form_type="council_tax_move",
                                      decided=at(201))
        add_submission(s, settings.store_dir, outcome="approved", form_type="council_tax_move", decided=at(150))
    result = retention.run(settings, dry_run=True)
    assert [d.submission_id for d in result.due] == [unknown_type, old_approved, permit]
    assert {d.submission_id: d.retention_days for d in result.due} == {old_approved: 100, permit: 30,
                                                                       unknown_type: 200}
    assert result.purged == [] and result.by_form_type() == {"council_tax_spd": 1, "parking_permit": 1,
                                                             "council_tax_move": 1}


def test_a_dry_run_changes_nothing(settings: Settings) -> None:
    with session_scope(settings.database_url) as s:
        sid = add_submission(s, settings.store_dir, outcome="approved", decided=at(400))
    with_personal_data(settings, sid)
    assert [d.submission_id for d in retention.run(settings, dry_run=True).due] == [sid]
    assert stored(settings, sid).exists()
    with session_scope(settings.database_url) as s:
        assert s.exec(select(ExtractedField)).all() and not s.exec(select(Purge)).all()


def test_a_purge_removes_personal_data_and_the_file_and_keeps_outcome_reasons_and_audit(settings: Settings) -> None:
    with session_scope(settings.database_url) as s:
        sid = add_submission(s, settings.store_dir, outcome="approved", decided=at(400), account_ref="40012345")
        keep = add_submission(s, settings.store_dir, outcome="approved", decided=at(3))
    with_personal_data(settings, sid)
    with_personal_data(settings, keep)
    path = stored(settings, sid)
    result = retention.run(settings)
    assert result.purged == [sid] and result.files_removed == 1
    assert result.fields_removed == 1 and result.letters_redacted == 1
    assert not path.exists() and stored(settings, keep).exists()
    with session_scope(settings.database_url) as s:
        sub = s.get(Submission, sid)
        assert sub is not None
        assert (sub.outcome, sub.reasons, sub.form_type) == ("approved", [], "council_tax_spd")
        assert sub.account_ref is None and sub.sha256 and sub.file_name  # kept to recognise the file
        assert not s.exec(select(ExtractedField).where(col(ExtractedField.submission_id) == sid)).all()
        letter = s.exec(select(Letter).where(col(Letter.submission_id) == sid)).one()
        assert "Jane" not in letter.body_html and letter.kind == "spd_approved"
        check = s.exec(select(CheckResult).where(col(CheckResult.submission_id) == sid)).one()
        assert check.evidence == {} and check.passed
        purge = s.get(Purge, sid)
        assert purge is not None and purge.file_removed and purge.retention_days == 100
        entry = s.exec(select(AuditEntry).where(col(AuditEntry.submission_id) == sid)).one()
        assert entry.actor == "retention" and entry.action == "personal_data_removed"
        assert "Jane" not in str(entry.after)
        # The other submission is untouched.
        assert s.exec(select(ExtractedField).where(col(ExtractedField.submission_id) == keep)).all()
    again = retention.run(settings)
    assert again.due == [] and again.purged == []


def test_a_stored_file_another_submission_still_needs_is_kept(settings: Settings) -> None:
    same = b"%PDF-1.4\n% the same bytes\n%%EOF\n"
    with session_scope(settings.database_url) as s:
        old = add_submission(s, settings.store_dir, outcome="approved", decided=at(400), content=same)
        add_submission(s, settings.store_dir, outcome="exception", decided=at(400), content=same,
                       reasons=["NAME_MISMATCH"])
    path = stored(settings, old)
    result = retention.run(settings)
    assert result.purged == [old] and result.files_removed == 0 and result.files_kept_shared == 1
    assert path.exists()


def test_an_exception_closed_by_staff_in_the_review_app_is_due_from_when_it_was_closed(settings: Settings) -> None:
    with session_scope(settings.database_url) as s:
        closed = add_submission(s, settings.store_dir, outcome="exception", decided=at(900),
                                reasons=["NAME_MISMATCH"])
        recently_closed = add_submission(s, settings.store_dir, outcome="exception", decided=at(900),
                                         reasons=["NAME_MISMATCH"])
        waiting = add_submission(s, settings.store_dir, outcome="exception", decided=at(900),
                                 reasons=["NAME_MISMATCH"])
        # How the review app records staff closing (or parking) a case.
        s.add_all([CaseReview(submission_id=closed, resolution=Resolution.rejected, resolved_at=at(300)),
                   CaseReview(submission_id=recently_closed, resolution=Resolution.rejected, resolved_at=at(10)),
                   CaseReview(submission_id=waiting, resolution=Resolution.more_information, resolved_at=at(300))])
    assert [d.submission_id for d in retention.run(settings, dry_run=True).due] == [closed]


def test_a_retention_period_below_one_day_is_refused(tmp_path: Path) -> None:
    settings = configure(home=tmp_path, ops={"retention_days": {"council_tax_spd": 0}})
    with pytest.raises(ValueError, match="at least 1 day"):
        retention.period(settings, "council_tax_spd")
