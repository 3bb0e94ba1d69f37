"""Checks against earlier submissions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from formwork import reasons as R
from formwork.checks.base import CheckContext, CheckOutcome
from formwork.normalise import address_key, is_valid_vrm


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


def duplicate_keys(form_type: str, values: dict[str, Any]) -> list[str]:
    """What a submission is about, for DUPLICATE_SUBMISSION: an earlier one sharing a key is a duplicate.

    A move out is about its account and the property left (either identifies
    it, so one misread on the first copy does not hide the second); a move in
    about the property moved into; a permit application about its vehicle, when its mark is one.
    """
    keys: list[str] = []
    if form_type == "council_tax_move":
        kind = values.get("move_type")
        if kind == "out":
            if values.get("account_ref"):
                keys.append(f"out:{values['account_ref']}")
            if values.get("previous_address") and values.get("previous_postcode"):
                keys.append(f"out:{values['previous_postcode']}:{address_key(values['previous_address'])}")
        elif kind == "in" and values.get("new_address") and values.get("new_postcode"):
            keys.append(f"in:{values['new_postcode']}:{address_key(values['new_address'])}")
    elif form_type == "parking_permit" and values.get("vrm") and is_valid_vrm(values["vrm"]):
        keys.append(f"vrm:{values['vrm']}")  # (no mark at all, "A1B2C3D4", is no vehicle two forms share)
    return keys


def not_a_duplicate_by_key(ctx: CheckContext) -> CheckOutcome | None:
    """No other submission of this form type about the same thing (:func:`duplicate_keys`) within the window."""
    keys = duplicate_keys(ctx.form_type, ctx.values)
    if not keys:
        return None
    window = ctx.policy.duplicate_window_days
    since = ctx.received_at - dt.timedelta(days=window)
    earlier = {s.id: s for key in keys for s in ctx.records.earlier_with_key(ctx.form_type, key, since,
                                                                               ctx.submission_id)}
    return CheckOutcome(
        "not_a_duplicate",
        [R.DUPLICATE_SUBMISSION] if earlier else [],
        {"keys": keys, "window_days": window,
         "earlier": [{"submission_id": s.id, "file": s.file_name, "received_at": s.received_at.isoformat(),
                      "outcome": s.outcome} for s in sorted(earlier.values(), key=lambda s: s.received_at)]},
    )
