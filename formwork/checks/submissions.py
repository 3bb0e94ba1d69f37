"""Checks against earlier submissions."""

from __future__ import annotations

import datetime as dt

from formwork import reasons as R
from formwork.checks.base import CheckContext, CheckOutcome


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
