"""The approved actions: what an approval changes in the council's records.

Each action runs inside the caller's transaction, the same one that records
the outcome, so an approval is never half-applied: either the outcome, the
record change, the letter and the audit entries are all written, or none is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlmodel import Session, select

from formwork import audit, letters
from formwork.models import AccountDiscount, CouncilTaxAccount, Letter, Submission
from formwork.routing import route_correspondence
from formwork.settings import Settings


class ActionError(RuntimeError):
    """The approved action cannot be applied (the records changed under it)."""


Action = Callable[[Session, Submission, dict[str, Any], Settings, str], list[Letter]]


def _letter(session: Session, submission: Submission, kind: str, template: str, settings: Settings,
            **context: Any) -> Letter:
    body = letters.render(template, council_name=settings.council_name, submission_id=submission.id,
                          letter_date=settings.today(), **context)
    assert submission.id is not None
    letter = Letter(submission_id=submission.id, kind=kind, template=template, body_html=body)
    session.add(letter)
    return letter


def apply_spd(session: Session, submission: Submission, values: dict[str, Any], settings: Settings,
              actor: str) -> list[Letter]:
    """Add discount SPD to the account from sole_adult_since, and write the confirmation letter."""
    ref = values["account_ref"]
    account = session.exec(
        select(CouncilTaxAccount).where(CouncilTaxAccount.account_ref == ref).with_for_update()
    ).one_or_none()
    if account is None:
        raise ActionError(f"account {ref} no longer exists")
    if session.exec(select(AccountDiscount).where(AccountDiscount.submission_id == submission.id)).first():
        return []  # already applied for this submission: never twice
    from_date = dt.date.fromisoformat(values["sole_adult_since"])
    before = {"discounts": account.discounts}
    codes = account.discount_codes()
    if "SPD" not in codes:
        codes.append("SPD")
    account.discounts = ";".join(codes)
    session.add(account)
    assert submission.id is not None
    session.add(AccountDiscount(account_ref=ref, code="SPD", from_date=from_date, submission_id=submission.id))
    audit.record(session, actor, "discount_applied", submission_id=submission.id,
                 before=before, after={"discounts": account.discounts, "code": "SPD",
                                       "from_date": from_date.isoformat(), "account_ref": ref})
    letter = _letter(session, submission, "spd_approved", "letters/council_tax_spd_approved.html", settings,
                     recipient_name=values["applicant_name"], address=values["address"],
                     postcode=values["postcode"], account_ref=ref, from_date=from_date)
    return [letter]


ACTIONS: dict[str, Action] = {
    "council_tax_spd": apply_spd,
    "correspondence": route_correspondence,
}


def apply_approved(session: Session, submission: Submission, values: dict[str, Any], settings: Settings,
                   actor: str) -> list[Letter]:
    assert submission.form_type is not None
    try:
        action = ACTIONS[submission.form_type]
    except KeyError:
        raise ActionError(f"no approved action for form type {submission.form_type}") from None
    return action(session, submission, values, settings, actor)
