"""Checks for council_tax_move: the account left, the property moved into."""

from __future__ import annotations

from formwork import reasons as R
from formwork.checks.base import CheckContext, CheckOutcome, account_evidence, property_evidence
from formwork.checks.council_tax import address_check


def _moving(ctx: CheckContext, kind: str) -> bool:
    return ctx.value("move_type") == kind


def moving_out_account_is_active(ctx: CheckContext) -> CheckOutcome | None:
    """ACCOUNT_CLOSED when moving out of an account that is already closed (nothing left to close)."""
    acc = ctx.account
    if acc is None or not _moving(ctx, "out"):
        return None
    return CheckOutcome("moving_out_account_is_active", [] if acc.status == "active" else [R.ACCOUNT_CLOSED],
                        {"account": account_evidence(acc)})


_previous_address_check = address_check("previous_address", "previous_postcode", "previous_address_is_account_property")


def previous_address_is_account_property(ctx: CheckContext) -> CheckOutcome | None:
    """Moving out: the address being left is the account's property."""
    return _previous_address_check(ctx) if _moving(ctx, "out") else None


def new_property_exists(ctx: CheckContext) -> CheckOutcome | None:
    """Moving in: PROPERTY_NOT_FOUND when the new address and postcode are not a gazetteer property."""
    if not _moving(ctx, "in"):
        return None
    address, postcode = ctx.value("new_address"), ctx.value("new_postcode")
    if not address or not postcode:
        return None
    prop = ctx.property_at("new_address", "new_postcode")
    evidence = {"written": {"new_address": address, "new_postcode": postcode},
                "property": property_evidence(prop) if prop else None,
                "at_postcode": [p.address_line_1 for p in ctx.records.properties_at(postcode)][:20]}
    return CheckOutcome("new_property_exists", [] if prop else [R.PROPERTY_NOT_FOUND], evidence)
