"""Checks on the dates a form gives, against the as-of date and each other."""

from __future__ import annotations

from extractors.text import move_out_dates
from formwork import reasons as R
from formwork.checks.base import CheckContext, CheckOutcome


def sole_adult_since_not_in_future(ctx: CheckContext) -> CheckOutcome | None:
    since = ctx.date("sole_adult_since")
    if since is None:
        return None
    found = [R.DATE_IN_FUTURE] if since > ctx.as_of else []
    return CheckOutcome("sole_adult_since_not_in_future", found,
                        {"sole_adult_since": since.isoformat(), "as_of": ctx.as_of.isoformat()})


def sole_adult_since_within_backdating_limit(ctx: CheckContext) -> CheckOutcome | None:
    since = ctx.date("sole_adult_since")
    if since is None:
        return None
    limit = ctx.policy.backdating_limit_days
    days = (ctx.as_of - since).days
    found = [R.DATE_TOO_OLD] if days > limit else []
    return CheckOutcome("sole_adult_since_within_backdating_limit", found,
                        {"sole_adult_since": since.isoformat(), "as_of": ctx.as_of.isoformat(),
                         "days_before_as_of": days, "backdating_limit_days": limit})


def change_description_agrees_with_sole_adult_since(ctx: CheckContext) -> CheckOutcome | None:
    """The move-out date the free text gives (read with spaCy), if any, is sole_adult_since."""
    since, text = ctx.date("sole_adult_since"), ctx.value("change_description")
    if since is None or not text:
        return None
    stated = move_out_dates(text)
    found = [R.INCONSISTENT_DATES] if stated and since not in stated else []
    return CheckOutcome("change_description_agrees_with_sole_adult_since", found,
                        {"sole_adult_since": since.isoformat(),
                         "dates_in_description": [d.isoformat() for d in stated]})
