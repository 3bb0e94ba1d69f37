"""The exception queue and the work done on one case: claim, correct, re-check, approve, reject, ask.

Generic over form type: a case's fields come from its extractor's schema and
its ``extracted_field`` rows, its checks from ``formwork.checks.CHECKS``, its
approved action from ``formwork.actions.ACTIONS``. Approving re-runs the
pipeline's own checks and decision (``pipeline.check_and_decide``) and applies
the pipeline's own action, in one transaction, with audit entries.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from extractors.contract import FieldValue
from extractors.document import Box, UnreadableFile
from extractors.registry import default_registry
from extractors.spec import FieldSpec
from formwork import audit, learning, letters
from formwork import reasons as R
from formwork.actions import ActionError, apply_approved
from formwork.decide import Decision
from formwork.models import (
    AuditEntry,
    CaseReview,
    CheckResult,
    ExtractedField,
    Letter,
    Outcome,
    Resolution,
    Submission,
    SubmissionKey,
    utcnow,
)
from formwork.normalise import InvalidValue, normalise
from formwork.paths import templates_dir
from formwork.pipeline import check_and_decide, record_extraction
from formwork.pipeline import read_as as read_file_as
from formwork.settings import Settings
from formwork.store import FileStore
from formwork.web.names import FORMS

#: Reasons a member of staff cannot override: the approved action needs the value.
BLOCKING = (R.MISSING_FIELD, R.INVALID_FORMAT, R.UNKNOWN_FORM_TYPE)


class CaseError(Exception):
    """The action cannot be done on this case now (a sentence for the page)."""


def aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def age_text(since: dt.datetime, now: dt.datetime | None = None) -> str:
    seconds = max(0, int(((now or utcnow()) - aware(since)).total_seconds()))
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'' if n == 1 else 's'}"
    return "under a minute"


def form_title(form_type: str | None) -> str:
    if not form_type or form_type == "unrecognised":
        return "No form type (unreadable or unrecognised)"
    try:
        ex = default_registry().for_form_type(form_type)
    except KeyError:
        return form_type.replace("_", " ")
    spec = getattr(ex, "spec", None)
    return str(getattr(spec, "title", "")) or form_type.replace("_", " ")


def schema_for(form_type: str | None) -> list[FieldSpec]:
    if not form_type:
        return []
    try:
        return list(default_registry().for_form_type(form_type).fields)
    except KeyError:
        return []


# --------------------------------------------------------------------------- the queue

AGES = {"1d": 1, "3d": 3, "7d": 7, "30d": 30}
STATUSES = ("open", "mine", "waiting")


@dataclass
class QueueItem:
    id: int
    file_name: str
    form_type: str | None
    reasons: list[str]
    received_at: dt.datetime
    claimed_by: str | None
    claim_stale: bool
    resolution: str | None

    @property
    def age(self) -> str:
        return age_text(self.received_at)

    @property
    def title(self) -> str:
        return form_title(self.form_type)

    @property
    def reason_texts(self) -> list[str]:
        return [R.describe(r) for r in self.reasons]


@dataclass
class Queue:
    items: list[QueueItem]
    total: int
    by_form_type: Counter[str]
    by_reason: Counter[str]
    by_status: Counter[str]


def queue(session: Session, settings: Settings, user: str, *, form_type: str = "", reason: str = "",
          age: str = "", status: str = "open", limit: int = 200) -> Queue:
    """Open exceptions, oldest first, filtered; the counts are over the whole status before filtering."""
    stmt = (
        sa_select(col(Submission.id), col(Submission.file_name), col(Submission.form_type), col(Submission.reasons),
                  col(Submission.received_at), col(CaseReview.claimed_by), col(CaseReview.claimed_at),
                  col(CaseReview.resolution))
        .join(CaseReview, col(CaseReview.submission_id) == col(Submission.id), isouter=True)
        .where(col(Submission.outcome) == Outcome.exception)
        .order_by(col(Submission.received_at), col(Submission.id))
    )
    stale_before = utcnow() - dt.timedelta(minutes=settings.review.claim_minutes)
    everything = [
        QueueItem(int(sid), fname, ftype, list(reasons or []), received, claimed_by,
                  claimed_at is not None and aware(claimed_at) < stale_before, resolution)
        for sid, fname, ftype, reasons, received, claimed_by, claimed_at, resolution in session.execute(stmt)
        if sid is not None
    ]
    by_status: Counter[str] = Counter()
    for it in everything:
        if it.resolution is None:
            by_status["open"] += 1
            if it.claimed_by == user:
                by_status["mine"] += 1
        elif it.resolution == Resolution.more_information:
            by_status["waiting"] += 1
    if status == "waiting":
        rows = [it for it in everything if it.resolution == Resolution.more_information]
    elif status == "mine":
        rows = [it for it in everything if it.resolution is None and it.claimed_by == user]
    else:
        rows = [it for it in everything if it.resolution is None]
    by_form_type = Counter(it.form_type or "" for it in rows)
    by_reason = Counter(code for it in rows for code in {R.split(r)[0] for r in it.reasons})
    if form_type:
        rows = [it for it in rows if (it.form_type or "none") == form_type]
    if reason:
        rows = [it for it in rows if any(R.split(r)[0] == reason for r in it.reasons)]
    if age in AGES:
        cut = utcnow() - dt.timedelta(days=AGES[age])
        rows = [it for it in rows if aware(it.received_at) <= cut]
    return Queue(rows[:limit], len(rows), by_form_type, by_reason, by_status)


# --------------------------------------------------------------------------- claims


def _workable() -> Any:
    """A review row whose case may still be worked: not closed by staff."""
    return col(CaseReview.resolution).is_(None) | (col(CaseReview.resolution) == Resolution.more_information)


def claim(session: Session, submission_id: int, user: str, settings: Settings) -> None:
    """Give ``user`` the case, unless someone else holds a claim that is not stale.

    The conditional UPDATE (or the INSERT of the primary key) is the
    transaction's first statement, so it takes the write lock before anything
    is read: of two people starting one case at once, exactly one gets it.
    """
    now = utcnow()
    stale_before = now - dt.timedelta(minutes=settings.review.claim_minutes)
    taken = session.execute(
        update(CaseReview)
        .where(col(CaseReview.submission_id) == submission_id, _workable(),
               col(CaseReview.claimed_by).is_(None) | (col(CaseReview.claimed_by) == user)
               | (col(CaseReview.claimed_at) < stale_before))
        .values(claimed_by=user, claimed_at=now)
    ).rowcount  # type: ignore[attr-defined]
    sub = session.get(Submission, submission_id)
    if sub is None or sub.outcome != Outcome.exception:
        session.rollback()
        raise CaseError("This case is not in the queue.")
    if not taken:
        existing = session.get(CaseReview, submission_id)
        if existing is not None:
            if existing.resolution not in (None, Resolution.more_information):
                raise CaseError(f"This case has already been {existing.resolution}.")
            raise CaseError(f"{existing.claimed_by} is working on this case.")
        try:
            with session.begin_nested():
                session.add(CaseReview(submission_id=submission_id, claimed_by=user, claimed_at=now))
        except IntegrityError:
            raise CaseError("Someone else has just started work on this case.") from None
    audit.record(session, user, "case_claimed", submission_id=submission_id)


def release(session: Session, submission_id: int, user: str, is_admin: bool) -> None:
    review = session.get(CaseReview, submission_id)
    if review is None or review.claimed_by is None:
        return
    if review.claimed_by != user and not is_admin:
        raise CaseError(f"Only {review.claimed_by} or an administrator can release this case.")
    before = {"claimed_by": review.claimed_by}
    review.claimed_by, review.claimed_at = None, None
    session.add(review)
    audit.record(session, user, "case_released", submission_id=submission_id, before=before)


def _hold(session: Session, submission_id: int, user: str) -> tuple[Submission, CaseReview]:
    """The case and its review row, which ``user`` must hold; a closed case cannot be worked.

    Touching the claim is the transaction's first statement (the write lock,
    before any read), so a claim taken over meanwhile is seen here.
    """
    held = session.execute(
        update(CaseReview)
        .where(col(CaseReview.submission_id) == submission_id, col(CaseReview.claimed_by) == user, _workable())
        .values(claimed_at=utcnow())
    ).rowcount  # type: ignore[attr-defined]
    sub = _submission(session, submission_id)
    review = session.get(CaseReview, submission_id)
    if sub.outcome != Outcome.exception:
        raise CaseError(f"This case is already {sub.outcome}.")
    if review is not None and review.resolution not in (None, Resolution.more_information):
        raise CaseError(f"This case has already been {review.resolution}.")
    if not held or review is None:
        holder = review.claimed_by if review else None
        raise CaseError(f"{holder} is working on this case." if holder else "Start work on the case first.")
    return sub, review


# --------------------------------------------------------------------------- a case's fields


@dataclass
class CaseField:
    name: str
    label: str
    kind: str
    required: bool
    description: str
    shown: str  # what the input shows: the value, or the raw text when it was not valid
    row: ExtractedField | None
    problem: str | None = None  # why what was entered is not valid
    multiline: bool = False
    number: int = 0  # its number on the page images

    @property
    def confidence(self) -> float | None:
        return self.row.confidence if self.row else None

    @property
    def method(self) -> str | None:
        return self.row.method if self.row else None


def _shown(row: ExtractedField) -> str:
    if row.valid and row.value is not None:
        return "; ".join(map(str, row.value)) if isinstance(row.value, list) else str(row.value)
    return row.raw or ""


def case_fields(session: Session, sub: Submission) -> list[CaseField]:
    """The form type's fields in schema order, then any other field read, each with its stored row."""
    rows = {r.name: r for r in session.exec(select(ExtractedField).where(ExtractedField.submission_id == sub.id))}
    out = []
    schema = schema_for(sub.form_type)
    for spec in schema:
        row = rows.pop(spec.name, None)
        out.append(CaseField(spec.name, spec.name.replace("_", " ").capitalize(), spec.kind, spec.required,
                             spec.description, _shown(row) if row else "", row, multiline=spec.multiline))
    for name, row in sorted(rows.items()):
        out.append(CaseField(name, name.replace("_", " ").capitalize(), "text", False, "", _shown(row), row))
    for i, f in enumerate((f for f in out if f.row is not None and f.row.page is not None), start=1):
        f.number = i
    return out


def _read(kind: str, raw: str, listed: bool) -> tuple[Any, bool, str | None]:
    """(value, valid, problem) for what a member of staff typed."""
    parts = [p.strip() for p in raw.split(";")] if listed else [raw]
    values = []
    for part in parts:
        if not part:
            continue
        try:
            values.append(normalise(kind, part).value)
        except InvalidValue as exc:
            return None, False, str(exc) or f"not a valid {kind}"
        except ValueError:
            values.append(" ".join(part.split()))
    return (values if listed else values[0]), True, None


@dataclass
class Corrected:
    fields: dict[str, FieldValue]
    changes: dict[str, tuple[Any, Any]]  # name -> (before, after)
    entered: dict[str, str]


def corrected(current: list[CaseField], posted: dict[str, str]) -> Corrected:
    """The fields as staff left them. Everything shown was seen and confirmed, so confidence is 1."""
    fields: dict[str, FieldValue] = {}
    changes: dict[str, tuple[Any, Any]] = {}
    entered: dict[str, str] = {}
    for f in current:
        raw = posted.get(f"field.{f.name}", f.shown).strip()
        entered[f.name] = raw
        row = f.row
        box = Box(row.page, row.x0, row.top, row.x1, row.bottom) if (
            row and row.page is not None and row.x0 is not None and row.top is not None
            and row.x1 is not None and row.bottom is not None) else None
        if raw == f.shown and row is not None:
            fields[f.name] = FieldValue(f.name, row.value, 1.0, row.method, row.raw, box, row.label, row.valid)
            continue
        if not raw:
            if row is not None:
                changes[f.name] = (row.value if row.valid else row.raw, None)
            continue
        value, valid, problem = _read(f.kind, raw, isinstance(row.value, list) if row else False)
        f.problem = problem
        fields[f.name] = FieldValue(f.name, value, 1.0, "staff", raw, box, row.label if row else None, valid,
                                    problem)
        before = (row.value if row.valid else row.raw) if row else None
        if row is None or value != row.value or valid != row.valid:
            changes[f.name] = (before, value if valid else raw)
    return Corrected(fields, changes, entered)


def store_corrections(session: Session, sub: Submission, current: list[CaseField], fix: Corrected,
                       user: str) -> None:
    assert sub.id is not None
    for f in current:
        if f.name not in fix.changes:
            continue
        before, after = fix.changes[f.name]
        new = fix.fields.get(f.name)
        if f.row is not None:
            if new is None:
                session.delete(f.row)
            else:
                f.row.value, f.row.raw, f.row.valid = new.value, new.raw, new.valid
                f.row.confidence, f.row.method = 1.0, "staff"
                session.add(f.row)
        elif new is not None:
            session.add(ExtractedField(submission_id=sub.id, name=f.name, value=new.value, raw=new.raw,
                                       confidence=1.0, method="staff", valid=new.valid))
        audit.record(session, user, "field_corrected", submission_id=sub.id,
                     before={f.name: before}, after={f.name: after})


# --------------------------------------------------------------------------- checking and approving


@dataclass
class Recheck:
    """What the checks say about the corrected fields; nothing is stored."""

    decision: Decision
    fix: Corrected

    @property
    def blocking(self) -> list[str]:
        return [r for r in self.decision.reasons if R.split(r)[0] in BLOCKING]

    @property
    def overridable(self) -> list[str]:
        return [r for r in self.decision.reasons if R.split(r)[0] not in BLOCKING]


def _recheck(session: Session, sub: Submission, current: list[CaseField], posted: dict[str, str],
             settings: Settings) -> Recheck:
    if not sub.form_type:
        raise CaseError("No extractor recognised this document, so it cannot be approved here: reject it or "
                        "ask for the right form.")
    schema = schema_for(sub.form_type)
    if not schema:
        raise CaseError(f"No extractor for {sub.form_type} is installed here, so its answers cannot be checked.")
    fix = corrected(current, posted)
    decision = check_and_decide(session, sub, schema, fix.fields, settings)
    return Recheck(decision, fix)


def recheck(session: Session, submission_id: int, posted: dict[str, str], settings: Settings) -> Recheck:
    """Run the checks on the corrected values, then roll back: the caller's page shows the result."""
    sub = _submission(session, submission_id)
    try:
        return _recheck(session, sub, case_fields(session, sub), posted, settings)
    finally:
        session.rollback()


@dataclass
class Approval:
    approved: bool
    check: Recheck
    letters: list[Letter] = field(default_factory=list)
    message: str = ""


def approve(session: Session, submission_id: int, posted: dict[str, str], user: str, settings: Settings, *,
            override: bool, note: str) -> Approval:
    """Approve a case with the values staff left in the form, as the pipeline would have.

    The checks run again on those values. The case is approved only when they
    pass, or when a member of staff overrides the reasons that remain with a
    note; a missing or invalid required answer can never be overridden. On
    approval the form type's approved action is applied, with the same code
    as a straight-through approval, in this one transaction. When it is not
    approved, the transaction is rolled back and nothing changes.
    """
    sub, review = _hold(session, submission_id, user)
    current = case_fields(session, sub)
    session.execute(delete(CheckResult).where(col(CheckResult.submission_id) == submission_id))
    check = _recheck(session, sub, current, posted, settings)
    reasons = check.decision.reasons
    if check.blocking or (reasons and not (override and note.strip())):
        session.rollback()
        if check.blocking:
            return Approval(False, check, message="Correct the answers marked below before approving.")
        if override and not note.strip():
            return Approval(False, check, message="Write a note saying why you are approving despite the checks.")
        return Approval(False, check, message="Some checks still fail. Correct the answers, or approve anyway "
                                              "with a note.")
    before = {"outcome": sub.outcome, "reasons": list(sub.reasons)}
    store_corrections(session, sub, current, check.fix, user)
    values = {n: f.value for n, f in check.fix.fields.items() if f.valid and f.value is not None}
    sub.account_ref = values.get("account_ref")
    sub.outcome, sub.reasons = Outcome.approved, []
    sub.decided_by, sub.decided_at, sub.as_of = user, utcnow(), settings.today()
    session.add(sub)
    try:
        produced = apply_approved(session, sub, values, settings, user)
    except ActionError as exc:
        session.rollback()
        return Approval(False, check, message=f"The approval could not be applied: {exc}.")
    review.resolution, review.resolved_by, review.resolved_at = Resolution.approved, user, utcnow()
    review.note = note.strip() or None
    session.add(review)
    # What staff approved is confirmed: the layout memory learns where each value sits on this layout.
    learning.teach(session, sub, values, user, settings, corrected=set(check.fix.changes))
    audit.record(session, user, "staff_approved", submission_id=sub.id, before=before,
                 after={"outcome": Outcome.approved.value, "overridden": reasons,
                        "corrected": sorted(check.fix.changes), "values": values},
                 note=note.strip() or None)
    return Approval(True, check, produced, "Approved.")


# --------------------------------------------------------------------------- which form it is


def form_types() -> list[tuple[str, str]]:
    """The installed form types staff can say a case is, with their titles: (form type, title)."""
    seen: dict[str, str] = {}
    for ex in default_registry():
        seen.setdefault(ex.form_type, FORMS.get(ex.form_type) or form_title(ex.form_type))
    return sorted(seen.items(), key=lambda t: (t[0] == "correspondence", t[1]))


def read_as(session: Session, submission_id: int, form_type: str, user: str, settings: Settings) -> None:
    """Staff say which form a case is (one no extractor recognised, or one taken for another form): its
    file is read again as that form, its answers and checks replace the old ones, and the case stays in
    the queue for staff to correct and decide. When they approve it, the layout memory learns which form
    the layout is, and the next form of it is read as that form (:func:`formwork.learning.find_any_layout`).
    """
    sub, _review = _hold(session, submission_id, user)
    if form_type not in dict(form_types()):
        raise CaseError(f"There is no form type “{form_type}” here: choose one of "
                        f"{', '.join(title for _, title in form_types())}.")
    if form_type == sub.form_type:
        return
    try:
        extraction = read_file_as(FileStore(settings.store_dir).resolve(sub.stored_path), form_type, settings.limits)
    except (UnreadableFile, OSError) as exc:
        raise CaseError(f"The file could not be read as a {form_title(form_type)} form: {exc}.") from None
    before = {"form_type": sub.form_type, "reasons": list(sub.reasons)}
    for table in (ExtractedField, CheckResult, SubmissionKey):
        session.execute(delete(table).where(col(table.submission_id) == submission_id))
    decision = record_extraction(session, sub, extraction, None, settings)
    sub.reasons = decision.reasons  # still an exception: staff decide it
    session.add(sub)
    audit.record(session, user, "staff_read_as", submission_id=submission_id, before=before,
                 after={"form_type": form_type, "reasons": decision.reasons})


# --------------------------------------------------------------------------- rejecting and asking


def _letter_template(form_type: str | None, kind: str) -> str:
    specific = f"letters/{form_type}_{kind}.html"
    return specific if form_type and (templates_dir() / specific).is_file() else f"letters/{kind}.html"


def _close_with_letter(session: Session, submission_id: int, user: str, settings: Settings, *, kind: str,
                       resolution: Resolution, text: str, note: str) -> Letter:
    sub, review = _hold(session, submission_id, user)
    if not text.strip():
        raise CaseError("Write what the letter should tell the applicant.")
    values = {f.name: f.shown for f in case_fields(session, sub)}
    template = _letter_template(sub.form_type, kind)
    body = letters.render(
        template, council_name=settings.council_name, submission_id=sub.id, letter_date=settings.today(),
        recipient_name=values.get("applicant_name") or values.get("sender_name") or "Applicant",
        address=values.get("address", ""), postcode=values.get("postcode", ""),
        account_ref=values.get("account_ref", ""), form_title=form_title(sub.form_type),
        received_on=aware(sub.received_at).date(), explanation=text.strip())
    assert sub.id is not None
    letter = Letter(submission_id=sub.id, kind=f"{kind}", template=template, body_html=body)
    session.add(letter)
    before = {"resolution": review.resolution}
    review.resolution, review.resolved_by, review.resolved_at = resolution, user, utcnow()
    review.note = note.strip() or None
    if resolution is Resolution.rejected:
        review.claimed_by, review.claimed_at = None, None
    session.add(review)
    session.flush()
    audit.record(session, user, f"staff_{kind}", submission_id=sub.id, before=before,
                 after={"resolution": resolution.value, "letter_id": letter.id, "letter_text": text.strip()},
                 note=note.strip() or None)
    return letter


def reject(session: Session, submission_id: int, user: str, settings: Settings, *, reason: str,
           note: str = "") -> Letter:
    return _close_with_letter(session, submission_id, user, settings, kind="rejected",
                              resolution=Resolution.rejected, text=reason, note=note)


def request_information(session: Session, submission_id: int, user: str, settings: Settings, *, needed: str,
                        note: str = "") -> Letter:
    letter = _close_with_letter(session, submission_id, user, settings, kind="more_information",
                                resolution=Resolution.more_information, text=needed, note=note)
    # The case waits for the reply; whoever asked keeps it, so the reply comes back to them.
    return letter


# --------------------------------------------------------------------------- reading a case


def _submission(session: Session, submission_id: int) -> Submission:
    sub = session.get(Submission, submission_id)
    if sub is None:
        raise CaseError("There is no such case.")
    return sub


@dataclass
class CaseView:
    sub: Submission
    review: CaseReview | None
    fields: list[CaseField]
    failed: list[CheckResult]
    passed: list[CheckResult]
    letters: list[Letter]
    history: list[AuditEntry]
    stale: bool

    @property
    def title(self) -> str:
        return form_title(self.sub.form_type)

    @property
    def reason_texts(self) -> list[tuple[str, str]]:
        return [(r, R.describe(r)) for r in self.sub.reasons]

    @property
    def reasons_before_approval(self) -> list[str]:
        """The reasons a case had when staff approved it (the submission itself then has none)."""
        for e in self.history:
            if e.action == "staff_approved" and e.before:
                return list(e.before.get("reasons") or [])
        return []

    @property
    def open(self) -> bool:
        return self.sub.outcome == Outcome.exception and (
            self.review is None or self.review.resolution in (None, Resolution.more_information))


def case_view(session: Session, submission_id: int, settings: Settings) -> CaseView:
    sub = _submission(session, submission_id)
    review = session.get(CaseReview, submission_id)
    checks = list(session.exec(select(CheckResult).where(CheckResult.submission_id == submission_id)
                               .order_by(col(CheckResult.id))))
    sent = list(session.exec(select(Letter).where(Letter.submission_id == submission_id)
                             .order_by(col(Letter.id))))
    history = list(session.exec(select(AuditEntry).where(AuditEntry.submission_id == submission_id)
                                .order_by(col(AuditEntry.at), col(AuditEntry.id))))
    stale = bool(review and review.claimed_at and
                 aware(review.claimed_at) < utcnow() - dt.timedelta(minutes=settings.review.claim_minutes))
    return CaseView(sub, review, case_fields(session, sub), [c for c in checks if not c.passed],
                    [c for c in checks if c.passed], sent, history, stale)


def describe_check(check: str) -> str:
    return check.replace("_", " ").capitalize()
