"""The append-only audit log: who did what, when, with the before and after."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from formwork.models import AuditEntry

PIPELINE = "pipeline"


def record(session: Session, actor: str, action: str, *, submission_id: int | None = None,
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
           note: str | None = None) -> AuditEntry:
    entry = AuditEntry(actor=actor, action=action, submission_id=submission_id,
                       before=before, after=after, note=note)
    session.add(entry)
    return entry
