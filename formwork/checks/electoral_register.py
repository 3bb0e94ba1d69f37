"""Checks against the electoral register."""

from __future__ import annotations

from formwork import reasons as R
from formwork.checks.base import CheckContext, CheckOutcome, same_person


def no_other_adults_registered(ctx: CheckContext) -> CheckOutcome | None:
    """Nobody but the applicant and the named other adult is registered at the account's property."""
    acc, applicant = ctx.account, ctx.value("applicant_name")
    if acc is None or not applicant:
        return None
    known = [n for n in (applicant, ctx.value("other_adult_name")) if n]
    electors = ctx.records.electors_at(acc.uprn)
    others = [e for e in electors if not any(same_person(e.full_name, k) for k in known)]
    return CheckOutcome(
        "no_other_adults_registered",
        [R.OTHER_ADULTS_REGISTERED] if others else [],
        {"uprn": acc.uprn,
         "electors": [{"elector_number": e.elector_number, "full_name": e.full_name} for e in electors],
         "unexplained": [e.full_name for e in others]},
    )
