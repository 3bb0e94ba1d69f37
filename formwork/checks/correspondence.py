"""Checks on letters and emails (``correspondence``): do we know who wrote it?"""

from __future__ import annotations

from sqlmodel import col, select

from formwork import models
from formwork import reasons as R
from formwork.checks.base import CheckContext, CheckOutcome, address_matches, property_evidence


def sender_property(ctx: CheckContext) -> models.Property | None:
    """The gazetteer property at the sender's postcode whose first line is the sender's address."""
    address, postcode = ctx.value("address"), ctx.value("postcode")
    if not address or not postcode:
        return None
    stmt = select(models.Property).where(col(models.Property.postcode) == postcode).order_by(col(models.Property.uprn))
    for prop in ctx.records.session.exec(stmt):
        if address_matches(address, prop.address_line_1, prop.address_line_2):
            return prop
    return None


def sender_is_known(ctx: CheckContext) -> CheckOutcome:
    """SENDER_UNKNOWN: no name, or neither an address in the gazetteer nor an account that exists.

    A letter can only be routed and acknowledged when it says who wrote it and
    we can find them: by the address they wrote from, or by the council tax
    account they quoted. Whether they are liable on that account is not asked:
    a letter is not an application.
    """
    name = ctx.value("sender_name")
    prop = sender_property(ctx)
    account = ctx.account
    known = bool(name) and (prop is not None or account is not None)
    return CheckOutcome(
        "sender_is_known",
        [] if known else [R.SENDER_UNKNOWN],
        {"sender_name": name,
         "written": {"address": ctx.value("address"), "postcode": ctx.value("postcode"),
                     "account_ref": ctx.value("account_ref")},
         "property": property_evidence(prop) if prop else None,
         "account_found": account is not None},
    )
