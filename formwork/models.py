"""Database tables: the council records (records.md) and the pipeline's own.

Every change here ships with its migration (formwork/data/migrations, DEVELOPERS.md).

Records are loaded from the council's workbook and read by the checks. The
pipeline's tables hold each submission, what was extracted from it (with
provenance), what each check found (with evidence), the letters produced, and
an append-only audit log.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --------------------------------------------------------------------------- council records


class Property(SQLModel, table=True):
    """The property gazetteer (LLPG)."""

    uprn: int = Field(primary_key=True, sa_type=BigInteger, sa_column_kwargs={"autoincrement": False})
    address_line_1: str
    address_line_2: str | None = None
    town: str | None = None
    postcode: str = Field(index=True)
    council_tax_band: str | None = None
    ward: str | None = None
    parking_zone: str | None = None


class CouncilTaxAccount(SQLModel, table=True):
    __tablename__ = "council_tax_account"

    account_ref: str = Field(primary_key=True, max_length=8)
    uprn: int = Field(index=True, sa_type=BigInteger)
    liable_parties: str  # full names separated by ";"
    status: str = "active"  # active | closed
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    discounts: str = ""  # codes separated by ";"

    def liable_names(self) -> list[str]:
        return [p.strip() for p in self.liable_parties.split(";") if p.strip()]

    def discount_codes(self) -> list[str]:
        return [d.strip().upper() for d in self.discounts.split(";") if d.strip()]


class Elector(SQLModel, table=True):
    elector_number: str = Field(primary_key=True)
    full_name: str
    uprn: int = Field(index=True, sa_type=BigInteger)


class ParkingPermit(SQLModel, table=True):
    __tablename__ = "parking_permit"

    permit_ref: str = Field(primary_key=True)
    uprn: int = Field(index=True, sa_type=BigInteger)
    vrm: str = Field(index=True)
    #: Blank in some councils' extracts (a permit from before the street's zone was recorded).
    zone: str | None = None
    valid_from: dt.date
    valid_to: dt.date


class AccountDiscount(SQLModel, table=True):
    """A discount applied by Formwork, with the date it runs from."""

    __tablename__ = "account_discount"

    id: int | None = Field(default=None, primary_key=True)
    account_ref: str = Field(index=True)
    code: str
    from_date: dt.date
    submission_id: int = Field(index=True, unique=True)
    applied_at: dt.datetime = Field(default_factory=utcnow)


# --------------------------------------------------------------------------- the pipeline


class Outcome(enum.StrEnum):
    approved = "approved"
    exception = "exception"
    quarantined = "quarantined"


class Stage(enum.StrEnum):
    """How far a submission has got; a crash leaves it at the last stage reached."""

    received = "received"
    extracted = "extracted"
    decided = "decided"


class Submission(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(index=True)
    #: The file's content. The same content under another name is another arrival, a submission of its own (a
    #: form sent twice is a duplicate submission, which the checks catch); under the same name it is the same
    #: file met again, and a re-run makes nothing new.
    sha256: str = Field(index=True, max_length=64)
    stored_path: str
    size_bytes: int = 0
    received_at: dt.datetime = Field(default_factory=utcnow, index=True)
    stage: Stage = Field(default=Stage.received, index=True)
    form_type: str | None = Field(default=None, index=True)
    extractor: str | None = None
    extractor_version: str | None = None
    classification_score: float | None = None
    #: The account a form is about (for duplicate detection without a scan).
    account_ref: str | None = Field(default=None, index=True)
    outcome: Outcome | None = Field(default=None, index=True)
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    detail: str | None = Field(default=None, sa_column=Column(Text))
    as_of: dt.date | None = None
    decided_by: str | None = None
    decided_at: dt.datetime | None = None

    __table_args__ = (Index("ix_submission_type_account", "form_type", "account_ref"),
                      UniqueConstraint("sha256", "file_name", name="uq_submission_sha256_file_name"))


class SubmissionKey(SQLModel, table=True):
    """What a decided submission is about, for duplicate detection: ``vrm:AB12CDE``, ``out:40012345``."""

    __tablename__ = "submission_key"

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submission.id", index=True)
    form_type: str
    key: str
    received_at: dt.datetime

    __table_args__ = (Index("ix_submission_key_lookup", "form_type", "key", "received_at"),)


class FieldMethod(enum.StrEnum):
    acroform = "acroform"
    acroform_label = "acroform_label"
    label = "label"
    table = "table"
    text = "text"
    staff = "staff"


class ExtractedField(SQLModel, table=True):
    __tablename__ = "extracted_field"

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submission.id", index=True)
    name: str
    #: Normal form; a list for list-valued fields; None when the raw text was invalid.
    value: Any = Field(default=None, sa_column=Column(JSON))
    raw: str | None = Field(default=None, sa_column=Column(Text))
    confidence: float = 0.0
    method: str
    page: int | None = None  # 1-based
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    label: str | None = None  # the printed label or AcroForm name it was found by
    valid: bool = True
    #: For method ``learned``: the layout lesson it was read by (``layout_lesson.id``; the lesson may since
    #: have been forgotten, so no foreign key).
    lesson_id: int | None = None

    __table_args__ = (UniqueConstraint("submission_id", "name"),)


class CheckResult(SQLModel, table=True):
    __tablename__ = "check_result"

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submission.id", index=True)
    check: str
    passed: bool
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    evidence: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    ran_at: dt.datetime = Field(default_factory=utcnow)


class Letter(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submission.id", index=True)
    kind: str
    template: str
    body_html: str = Field(sa_column=Column(Text, nullable=False))
    created_at: dt.datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """Append-only: rows are inserted, never updated or deleted (see db.py)."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    actor: str
    action: str
    submission_id: int | None = Field(default=None, index=True)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    note: str | None = Field(default=None, sa_column=Column(Text))


class Purge(SQLModel, table=True):
    """A submission whose stored file and personal data the retention job removed.

    What stays: the submission row (file name, sha256, form type, outcome,
    reason codes, dates) and the audit log.
    """

    submission_id: int = Field(foreign_key="submission.id", primary_key=True,
                               sa_column_kwargs={"autoincrement": False})
    purged_at: dt.datetime = Field(default_factory=utcnow)
    retention_days: int
    file_removed: bool = False
    fields_removed: int = 0
    letters_redacted: int = 0


class RecordsLoad(SQLModel, table=True):
    """One load of a council records workbook."""

    __tablename__ = "records_load"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow)
    source: str
    sha256: str
    counts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    rejected: int = 0


# --------------------------------------------------------------------------- the layout memory


class Layout(SQLModel, table=True):
    """A council's form layout Formwork has learned from staff (extractors/memory.py, formwork/learning.py)."""

    id: int | None = Field(default=None, primary_key=True)
    form_type: str = Field(index=True)
    #: ``widgets`` (a fillable form's field names) or ``words`` (the words of its printing).
    kind: str
    tokens: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    #: How staff recognise it: the form's title line, as first seen.
    name: str
    created_at: dt.datetime = Field(default_factory=utcnow)
    #: Forms of this layout read with its lessons since it was learned.
    forms_read: int = 0
    last_read_at: dt.datetime | None = None


class LayoutLesson(SQLModel, table=True):
    """Where, on one layout, one field's answer is: taught by a member of staff's confirmed values."""

    __tablename__ = "layout_lesson"

    id: int | None = Field(default=None, primary_key=True)
    layout_id: int = Field(foreign_key="layout.id", index=True)
    field: str
    #: An ``extractors.memory.Locator`` as JSON: the label (and which of its kind), or the field name.
    locator: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    taught_by: str
    #: The case it was taught from.
    submission_id: int = Field(index=True)
    taught_at: dt.datetime = Field(default_factory=utcnow)
    #: Staff confirmations of it since (a later case of the layout approved with this field as read).
    confirmed: int = 0

    __table_args__ = (UniqueConstraint("layout_id", "field"),)


# --------------------------------------------------------------------------- the staff review app


class Role(enum.StrEnum):
    reviewer = "reviewer"
    admin = "admin"


class User(SQLModel, table=True):
    """A member of staff who signs in to the review app (``formwork users add``)."""

    __tablename__ = "app_user"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=64)
    role: Role = Role.reviewer
    #: ``scrypt$n$r$p$salt$hash`` (formwork.web.auth): never the password itself.
    password_hash: str
    active: bool = True
    created_at: dt.datetime = Field(default_factory=utcnow)


class WebSession(SQLModel, table=True):
    """A signed-in browser. The cookie holds a random token; only its sha256 is stored."""

    __tablename__ = "web_session"

    id: int | None = Field(default=None, primary_key=True)
    token_sha256: str = Field(unique=True, max_length=64)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    csrf_token: str
    created_at: dt.datetime = Field(default_factory=utcnow)
    expires_at: dt.datetime = Field(index=True)


class LoginAttempt(SQLModel, table=True):
    """Every sign-in attempt, for throttling (by user name and by client address)."""

    __tablename__ = "login_attempt"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    name: str = Field(index=True)
    client: str = Field(index=True)
    succeeded: bool = False


class Resolution(enum.StrEnum):
    """How a member of staff closed an exception (the outcome of an approval is ``approved``)."""

    approved = "approved"
    rejected = "rejected"
    more_information = "more_information"


class CaseReview(SQLModel, table=True):
    """Staff work on one exception: who holds it, and how it was closed.

    The primary key makes a claim a single-row race that one writer wins.
    """

    __tablename__ = "case_review"

    submission_id: int = Field(foreign_key="submission.id", primary_key=True,
                               sa_column_kwargs={"autoincrement": False})
    claimed_by: str | None = Field(default=None, index=True)
    claimed_at: dt.datetime | None = None
    resolution: Resolution | None = Field(default=None, index=True)
    resolved_by: str | None = None
    resolved_at: dt.datetime | None = None
    note: str | None = Field(default=None, sa_column=Column(Text))
