"""Checks on the dates a form gives, against the as-of date and each other."""

from __future__ import annotations

from collections.abc import Callable

from extractors.text import move_out_dates
from formwork import reasons as R
from formwork.checks.base import Check, CheckContext, CheckOutcome
from formwork.settings import Policy


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


def not_too_far_ahead(field: str, tolerance_days: Callable[[Policy], int], name: str) -> Check:
    """DATE_IN_FUTURE when ``field`` is more than the policy's tolerance after the as-of date."""

    def check(ctx: CheckContext) -> CheckOutcome | None:
        when = ctx.date(field)
        if when is None:
            return None
        tolerance = tolerance_days(ctx.policy)
        found = [R.DATE_IN_FUTURE] if (when - ctx.as_of).days > tolerance else []
        return CheckOutcome(name, found, {field: when.isoformat(), "as_of": ctx.as_of.isoformat(),
                                          "tolerance_days": tolerance})

    check.__name__ = check.__qualname__ = name
    return check


def within_backdating_limit(field: str, name: str) -> Check:
    """DATE_TOO_OLD when ``field`` is more than the backdating limit before the as-of date."""

    def check(ctx: CheckContext) -> CheckOutcome | None:
        when = ctx.date(field)
        if when is None:
            return None
        limit = ctx.policy.backdating_limit_days
        days = (ctx.as_of - when).days
        return CheckOutcome(name, [R.DATE_TOO_OLD] if days > limit else [],
                            {field: when.isoformat(), "as_of": ctx.as_of.isoformat(), "days_before_as_of": days,
                             "backdating_limit_days": limit})

    check.__name__ = check.__qualname__ = name
    return check


move_date_not_too_far_ahead = not_too_far_ahead(
    "move_date", lambda p: p.future_tolerance_days_move, "move_date_not_too_far_ahead")
move_date_within_backdating_limit = within_backdating_limit("move_date", "move_date_within_backdating_limit")
start_date_not_too_far_ahead = not_too_far_ahead(
    "start_date", lambda p: p.future_tolerance_days_permit, "start_date_not_too_far_ahead")
