"""Checks against earlier submissions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from formwork import reasons as R
from formwork.checks.base import CheckContext, CheckOutcome
from formwork.normalise import address_key


def not_a_duplicate(ctx: CheckContext) -> CheckOutcome | None:
    """No other submission of this form type for the same account within the duplicate window."""
    ref = ctx.value("account_ref")
    if not ref:
        return None
    window = ctx.policy.duplicate_window_days
    since = ctx.received_at - dt.timedelta(days=window)
    earlier = ctx.records.earlier_submissions(ctx.form_type, ref, since, ctx.submission_id)
    return CheckOutcome(
        "not_a_duplicate",
        [R.DUPLICATE_SUBMISSION] if earlier else [],
        {"account_ref": ref, "window_days": window,
         "earlier": [{"submission_id": s.id, "file": s.file_name, "received_at": s.received_at.isoformat(),
                      "outcome": s.outcome} for s in earlier]},
    )


def duplicate_key(form_type: str, values: dict[str, Any]) -> str | None:
    """What a submission is about, for DUPLICATE_SUBMISSION: the same key within the window is a duplicate.

    A move out is about its account; a move in about the property moved into;
    a permit application about its vehicle. None when the form does not say.
    """
    if form_type == "council_tax_move":
        kind = values.get("move_type")
        if kind == "out" and values.get("account_ref"):
            return f"out:{values['account_ref']}"
        if kind == "in" and values.get("new_address") and values.get("new_postcode"):
            return f"in:{values['new_postcode']}:{address_key(values['new_address'])}"
        return None
    if form_type == "parking_permit":
        return f"vrm:{values['vrm']}" if values.get("vrm") else None
    return None


def not_a_duplicate_by_key(ctx: CheckContext) -> CheckOutcome | None:
    """No other submission of this form type about the same thing (:func:`duplicate_key`) within the window."""
    key = duplicate_key(ctx.form_type, ctx.values)
    if key is None:
        return None
    window = ctx.policy.duplicate_window_days
    since = ctx.received_at - dt.timedelta(days=window)
    earlier = ctx.records.earlier_with_key(ctx.form_type, key, since, ctx.submission_id)
    return CheckOutcome(
        "not_a_duplicate",
        [R.DUPLICATE_SUBMISSION] if earlier else [],
        {"key": key, "window_days": window,
         "earlier": [{"submission_id": s.id, "file": s.file_name, "received_at": s.received_at.isoformat(),
                      "outcome": s.outcome} for s in earlier]},
    )
