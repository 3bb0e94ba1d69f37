"""The approved actions: what an approval changes in the council's records.

Each action runs inside the caller's transaction, the same one that records
the outcome, so an approval is never half-applied: either the outcome, the
record change, the letter and the audit entries are all written, or none is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlmodel import Session, col, func, select

from formwork import audit, letters
from formwork.checks.base import Records
from formwork.models import AccountDiscount, AuditEntry, CouncilTaxAccount, Letter, ParkingPermit, Submission
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


def _already_done(session: Session, submission: Submission, *actions: str) -> bool:
    """Whether this submission's action was applied before (never twice)."""
    stmt = select(AuditEntry.id).where(AuditEntry.submission_id == submission.id,
                                       col(AuditEntry.action).in_(actions))
    return session.exec(stmt).first() is not None


def _new_account_ref(session: Session) -> str:
    """A new unique 8-digit reference: one above the highest in use (or the first free one)."""
    highest = session.exec(select(func.max(CouncilTaxAccount.account_ref))).one()
    n = int(highest) + 1 if highest and str(highest).isdigit() else 40_000_000
    if n > 99_999_999:  # the numbers ran out at the top: look for a gap from the bottom
        n = 10_000_000
    while session.get(CouncilTaxAccount, f"{n:08d}") is not None:
        n += 1
    return f"{n:08d}"


def apply_move(session: Session, submission: Submission, values: dict[str, Any], settings: Settings,
               actor: str) -> list[Letter]:
    """Moving out: close the account at move_date. Moving in: open an account for the property from move_date."""
    assert submission.id is not None
    if _already_done(session, submission, "account_closed", "account_opened"):
        return []
    move_date = dt.date.fromisoformat(values["move_date"])
    if values["move_type"] == "out":
        ref = values["account_ref"]
        account = session.exec(
            select(CouncilTaxAccount).where(CouncilTaxAccount.account_ref == ref).with_for_update()
        ).one_or_none()
        if account is None:
            raise ActionError(f"account {ref} no longer exists")
        if account.status != "active":
            raise ActionError(f"account {ref} is already closed")
        before = {"status": account.status, "end_date": None}
        account.status, account.end_date = "closed", move_date
        session.add(account)
        audit.record(session, actor, "account_closed", submission_id=submission.id, before=before,
                     after={"account_ref": ref, "status": "closed", "end_date": move_date.isoformat()})
        letter = _letter(session, submission, "move_out_confirmed", "letters/council_tax_move_out.html", settings,
                         recipient_name=values["applicant_name"],
                         address=values.get("new_address") or values["previous_address"],
                         postcode=values.get("new_postcode") or values["previous_postcode"],
                         left_address=values["previous_address"], left_postcode=values["previous_postcode"],
                         account_ref=ref, move_date=move_date)
        return [letter]
    prop = Records(session).find_property(values["new_address"], values["new_postcode"])
    if prop is None:
        raise ActionError("the property moved into is no longer in the gazetteer")
    ref = _new_account_ref(session)
    account = CouncilTaxAccount(account_ref=ref, uprn=prop.uprn, liable_parties=values["applicant_name"],
                                status="active", start_date=move_date, end_date=None, discounts="")
    session.add(account)
    audit.record(session, actor, "account_opened", submission_id=submission.id, before=None,
                 after={"account_ref": ref, "uprn": prop.uprn, "liable_parties": values["applicant_name"],
                        "start_date": move_date.isoformat()})
    letter = _letter(session, submission, "move_in_confirmed", "letters/council_tax_move_in.html", settings,
                     recipient_name=values["applicant_name"], address=prop.address_line_1, postcode=prop.postcode,
                     account_ref=ref, move_date=move_date, band=prop.council_tax_band)
    return [letter]


def _one_year(start: dt.date) -> dt.date:
    """The last day of a year's validity from ``start`` (29 February runs to 28 February)."""
    try:
        return start.replace(year=start.year + 1) - dt.timedelta(days=1)
    except ValueError:
        return dt.date(start.year + 1, 2, 28)


def _new_permit_ref(session: Session) -> str:
    n = session.exec(select(func.count()).select_from(ParkingPermit)).one() + 1
    while session.get(ParkingPermit, f"PP{n:06d}") is not None:
        n += 1
    return f"PP{n:06d}"


def apply_permit(session: Session, submission: Submission, values: dict[str, Any], settings: Settings,
                 actor: str) -> list[Letter]:
    """Issue a residents' permit for the vehicle, valid one year from start_date, and write the letter."""
    assert submission.id is not None
    if _already_done(session, submission, "permit_issued"):
        return []
    prop = Records(session).find_property(values["address"], values["postcode"])
    if prop is None:
        raise ActionError("the property is no longer in the gazetteer")
    start = dt.date.fromisoformat(values["start_date"])
    permit = ParkingPermit(permit_ref=_new_permit_ref(session), uprn=prop.uprn, vrm=values["vrm"],
                           zone=values["zone"], valid_from=start, valid_to=_one_year(start))
    session.add(permit)
    audit.record(session, actor, "permit_issued", submission_id=submission.id, before=None,
                 after={"permit_ref": permit.permit_ref, "uprn": prop.uprn, "vrm": permit.vrm, "zone": permit.zone,
                        "valid_from": start.isoformat(), "valid_to": permit.valid_to.isoformat()})
    letter = _letter(session, submission, "permit_issued", "letters/parking_permit_issued.html", settings,
                     recipient_name=values["applicant_name"], address=values["address"], postcode=values["postcode"],
                     permit_ref=permit.permit_ref, vrm=permit.vrm, zone=permit.zone, valid_from=start,
                     valid_to=permit.valid_to)
    return [letter]


ACTIONS: dict[str, Action] = {
    "council_tax_spd": apply_spd,
    "council_tax_move": apply_move,
    "parking_permit": apply_permit,
    "correspondence": route_correspondence,
}


def apply_approved(session: Session, submission: Submission, values: dict[str, Any], settings: Settings,
                   actor: str) -> list[Letter]:
    """Apply the form type's approved action. A form type with none (a council's own YAML spec, say)
    changes no records: its approval says the form is complete and valid, for the export to carry on."""
    assert submission.form_type is not None
    action = ACTIONS.get(submission.form_type)
    if action is None:
        audit.record(session, actor, "approved_without_action", submission_id=submission.id,
                     note=f"form type {submission.form_type} has no approved action: no records changed")
        return []
    return action(session, submission, values, settings, actor)
