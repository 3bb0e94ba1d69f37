"""Reason codes and their plain-English texts, in one place.

Staff pages, letters, reports and exports all read codes and texts from here.
Codes are a contract (forms.md): add new ones, never rename one. A code may
carry a field, ``MISSING_FIELD:postcode``; :func:`describe` explains both.
"""

from __future__ import annotations

UNREADABLE_FILE = "UNREADABLE_FILE"
UNKNOWN_FORM_TYPE = "UNKNOWN_FORM_TYPE"
MISSING_FIELD = "MISSING_FIELD"
INVALID_FORMAT = "INVALID_FORMAT"
LOW_CONFIDENCE = "LOW_CONFIDENCE"

ACCOUNT_NOT_FOUND = "ACCOUNT_NOT_FOUND"
ACCOUNT_CLOSED = "ACCOUNT_CLOSED"
NAME_MISMATCH = "NAME_MISMATCH"
ADDRESS_MISMATCH = "ADDRESS_MISMATCH"
DISCOUNT_ALREADY_APPLIED = "DISCOUNT_ALREADY_APPLIED"
OTHER_ADULTS_REGISTERED = "OTHER_ADULTS_REGISTERED"
DATE_IN_FUTURE = "DATE_IN_FUTURE"
DATE_TOO_OLD = "DATE_TOO_OLD"
INCONSISTENT_DATES = "INCONSISTENT_DATES"
DUPLICATE_SUBMISSION = "DUPLICATE_SUBMISSION"
PROPERTY_NOT_FOUND = "PROPERTY_NOT_FOUND"
NOT_IN_PERMIT_ZONE = "NOT_IN_PERMIT_ZONE"
NOT_RESIDENT = "NOT_RESIDENT"
VRM_HAS_PERMIT = "VRM_HAS_PERMIT"
PERMIT_CAP_REACHED = "PERMIT_CAP_REACHED"
SENDER_UNKNOWN = "SENDER_UNKNOWN"
#: Formwork's own: an approval whose action could not be applied (the records changed).
ACTION_FAILED = "ACTION_FAILED"

TEXTS: dict[str, str] = {
    UNREADABLE_FILE: "The file could not be read as a PDF form",
    UNKNOWN_FORM_TYPE: "No extractor recognised this document",
    MISSING_FIELD: "A required answer is missing",
    INVALID_FORMAT: "An answer is not in a valid format",
    LOW_CONFIDENCE: "An answer could not be read with confidence",
    ACCOUNT_NOT_FOUND: "The council tax account does not exist",
    ACCOUNT_CLOSED: "The council tax account is closed",
    NAME_MISMATCH: "The applicant is not a liable party on the account",
    ADDRESS_MISMATCH: "The address or postcode is not the account's property",
    DISCOUNT_ALREADY_APPLIED: "The account already has this discount",
    OTHER_ADULTS_REGISTERED: "Other adults are on the electoral register at the property",
    DATE_IN_FUTURE: "The date is in the future",
    DATE_TOO_OLD: "The date is further back than the backdating limit",
    INCONSISTENT_DATES: "The description gives a different date from the form",
    DUPLICATE_SUBMISSION: "The same account already has a recent submission of this form",
    PROPERTY_NOT_FOUND: "The address is not in the property gazetteer",
    NOT_IN_PERMIT_ZONE: "The property is not in the permit zone applied for",
    NOT_RESIDENT: "The applicant is not recorded as living at the property",
    VRM_HAS_PERMIT: "The vehicle already holds an active permit",
    PERMIT_CAP_REACHED: "The property already has the maximum number of permits",
    SENDER_UNKNOWN: "The sender could not be matched to a record",
    ACTION_FAILED: "The approved action could not be applied to the records",
}

#: Codes that a member of staff may need the field for.
FIELD_CODES = (MISSING_FIELD, INVALID_FORMAT, LOW_CONFIDENCE)


#: What approving a submission does to the records that a second copy of it then fails: a duplicate of an
#: approved submission gets DUPLICATE_SUBMISSION alone (cli.md: "the other gets DUPLICATE_SUBMISSION"), as
#: these are that approval seen again, not faults of their own.
APPROVAL_ECHOES = frozenset({DISCOUNT_ALREADY_APPLIED, ACCOUNT_CLOSED, VRM_HAS_PERMIT, PERMIT_CAP_REACHED})


def settle_duplicate(reasons: list[str], earlier_approved: bool) -> list[str]:
    """``reasons`` without the echoes of an approved earlier copy (:data:`APPROVAL_ECHOES`)."""
    if not earlier_approved or DUPLICATE_SUBMISSION not in reasons:
        return reasons
    return [r for r in reasons if r not in APPROVAL_ECHOES]


def with_field(code: str, field: str) -> str:
    return f"{code}:{field}"


def split(reason: str) -> tuple[str, str | None]:
    code, _, field = reason.partition(":")
    return code, field or None


def describe(reason: str) -> str:
    """Plain English for a reason code, naming its field when it has one."""
    code, field = split(reason)
    text = TEXTS.get(code, code)
    if field:
        text = f"{text}: {field.replace('_', ' ')}"
    return text
