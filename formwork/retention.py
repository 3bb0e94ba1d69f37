"""Retention: remove what a decided submission holds about a person once its form type's period is over.

Due: a submission decided (``approved``, or an exception a member of staff
closed in the review app) more than ``ops.retention_days[form_type]`` days
before the as-of date, and not purged yet. Never due: open exceptions (staff
still need them) and quarantined files (forms.md keeps them).

A purge, one transaction per submission: the extracted fields are deleted,
the letters' text and the checks' evidence are emptied, the account reference
and the detail are cleared, a :class:`~formwork.models.Purge` row and an
audit entry are written. What stays: the submission row (file name and
sha256, so a file that comes back is recognised; form type, outcome, reason
codes, dates) and the audit log. After the commit the stored file is deleted,
unless another submission not yet purged refers to the same stored file.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, select

from formwork import audit
from formwork.db import session_scope
from formwork.models import CheckResult, ExtractedField, Letter, Outcome, Purge, Stage, Submission
from formwork.report import closed_by_staff
from formwork.settings import Settings
from formwork.store import FileStore

log = logging.getLogger(__name__)

ACTOR = "retention"
REDACTED = "<p>Removed by the retention job.</p>"


@dataclass
class Due:
    submission_id: int
    form_type: str | None
    decided_on: dt.date
    retention_days: int
    stored_path: str


@dataclass
class RetentionResult:
    as_of: dt.date
    dry_run: bool
    due: list[Due] = field(default_factory=list)
    purged: list[int] = field(default_factory=list)
    files_removed: int = 0
    files_kept_shared: int = 0
    fields_removed: int = 0
    letters_redacted: int = 0

    def by_form_type(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for d in self.due:
            out[d.form_type or "-"] = out.get(d.form_type or "-", 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "dry_run": self.dry_run, "due": len(self.due),
                "purged": len(self.purged), "files_removed": self.files_removed,
                "files_kept_shared": self.files_kept_shared, "fields_removed": self.fields_removed,
                "letters_redacted": self.letters_redacted, "by_form_type": self.by_form_type()}


def period(settings: Settings, form_type: str | None) -> int:
    days = settings.ops.retention_days.get(form_type or "", settings.ops.default_retention_days)
    if days < 1:
        raise ValueError(f"retention for {form_type or 'unrecognised documents'} must be at least 1 day, not {days}")
    return days


def due(session: Session, settings: Settings) -> list[Due]:
    """Submissions whose retention period is over, oldest first."""
    today = settings.today()
    closed = closed_by_staff(session)
    purged = select(Purge.submission_id)
    stmt = (sa_select(Submission.id, Submission.form_type, Submission.outcome, Submission.decided_at,  # type: ignore[call-overload]
                      Submission.stored_path)
            .where(col(Submission.stage) == Stage.decided, col(Submission.id).not_in(purged),
                   col(Submission.outcome).in_([Outcome.approved, Outcome.exception]))
            .order_by(col(Submission.decided_at), col(Submission.id)))
    out: list[Due] = []
    for sid, form_type, outcome, decided_at, stored in session.execute(stmt):
        assert sid is not None
        if outcome == Outcome.exception:
            if closed.get(sid) is None:
                continue  # an open exception (or one closed at no known time): staff may still need it
            decided_at = closed[sid]
        if decided_at is None:
            continue
        days = period(settings, form_type)
        decided_on = decided_at.date()
        if (today - decided_on).days > days:
            out.append(Due(int(sid), form_type, decided_on, days, stored))
    return out


def _purge_one(session: Session, d: Due) -> tuple[int, int] | None:
    """Remove one submission's personal data in ``session``; None if another run got there first."""
    if session.get(Purge, d.submission_id) is not None:
        return None
    fields = session.execute(delete(ExtractedField).where(col(ExtractedField.submission_id) == d.submission_id))
    letters = session.execute(update(Letter).where(col(Letter.submission_id) == d.submission_id)
                              .values(body_html=REDACTED))
    session.execute(update(CheckResult).where(col(CheckResult.submission_id) == d.submission_id).values(evidence={}))
    session.execute(update(Submission).where(col(Submission.id) == d.submission_id)
                    .values(account_ref=None, detail=None))
    n_fields, n_letters = int(fields.rowcount), int(letters.rowcount)  # type: ignore[attr-defined]
    session.add(Purge(submission_id=d.submission_id, retention_days=d.retention_days,
                      fields_removed=n_fields, letters_redacted=n_letters))
    audit.record(session, ACTOR, "personal_data_removed", submission_id=d.submission_id,
                 after={"fields_removed": n_fields, "letters_redacted": n_letters,
                        "retention_days": d.retention_days, "decided_on": d.decided_on.isoformat()})
    return n_fields, n_letters


def _still_needed(session: Session, stored_path: str) -> bool:
    """Whether a submission not yet purged refers to this stored file."""
    purged = select(Purge.submission_id)
    n = session.exec(select(func.count()).select_from(Submission)
                     .where(col(Submission.stored_path) == stored_path, col(Submission.id).not_in(purged))).one()
    return bool(n)


def run(settings: Settings, *, dry_run: bool = False) -> RetentionResult:
    """Purge every submission that is due (or, with ``dry_run``, only list them)."""
    result = RetentionResult(as_of=settings.today(), dry_run=dry_run)
    with session_scope(settings.database_url) as session:
        result.due = due(session, settings)
    if dry_run:
        return result
    store = FileStore(settings.store_dir)
    for d in result.due:
        with session_scope(settings.database_url) as session:
            done = _purge_one(session, d)
            if done is None:
                continue
            session.flush()
            keep_file = _still_needed(session, d.stored_path)
        result.purged.append(d.submission_id)
        result.fields_removed += done[0]
        result.letters_redacted += done[1]
        if keep_file:
            result.files_kept_shared += 1
            continue
        path = store.resolve(d.stored_path)
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("submission %s: stored file not removed (%s)", d.submission_id, type(exc).__name__)
            continue
        with session_scope(settings.database_url) as session:
            session.execute(update(Purge).where(col(Purge.submission_id) == d.submission_id)
                            .values(file_removed=True))
        result.files_removed += 1
        log.info("submission %s: personal data and stored file removed", d.submission_id)
    return result
