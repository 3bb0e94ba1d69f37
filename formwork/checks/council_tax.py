"""Checks against the council tax accounts and the property gazetteer."""

from __future__ import annotations

from formwork import reasons as R
from formwork.checks.base import (
    Check,
    CheckContext,
    CheckOutcome,
    account_evidence,
    address_matches,
    property_evidence,
    same_person,
)


def account_exists(ctx: CheckContext) -> CheckOutcome | None:
    ref = ctx.value("account_ref")
    if not ref:
        return None
    if ctx.account is None:
        return CheckOutcome("account_exists", [R.ACCOUNT_NOT_FOUND], {"account_ref": ref})
    return CheckOutcome("account_exists", [], {"account": account_evidence(ctx.account)})


def account_is_active(ctx: CheckContext) -> CheckOutcome | None:
    acc = ctx.account
    if acc is None:
        return None
    found = [] if acc.status == "active" else [R.ACCOUNT_CLOSED]
    return CheckOutcome("account_is_active", found, {"account": account_evidence(acc)})


def applicant_is_liable(ctx: CheckContext) -> CheckOutcome | None:
    acc, applicant = ctx.account, ctx.value("applicant_name")
    if acc is None or not applicant:
        return None
    liable = acc.liable_names()
    found = [] if any(same_person(applicant, p) for p in liable) else [R.NAME_MISMATCH]
    return CheckOutcome("applicant_is_liable", found, {"applicant_name": applicant, "liable_parties": liable})


def address_check(address_field: str, postcode_field: str, name: str) -> Check:
    """ADDRESS_MISMATCH when the form's address or postcode fields are not the account's property."""

    def check(ctx: CheckContext) -> CheckOutcome | None:
        prop = ctx.account_property
        address, postcode = ctx.value(address_field), ctx.value(postcode_field)
        if prop is None or (not address and not postcode):
            return None
        mismatched = []
        if postcode and postcode != prop.postcode:
            mismatched.append(postcode_field)
        if address and not address_matches(address, prop.address_line_1, prop.address_line_2):
            mismatched.append(address_field)
        return CheckOutcome(
            name,
            [R.ADDRESS_MISMATCH] if mismatched else [],
            {"written": {address_field: address, postcode_field: postcode}, "mismatched": mismatched,
             "property": property_evidence(prop)},
        )

    check.__name__ = check.__qualname__ = name
    return check


#: SPD: the address and postcode are the account's property.
address_is_account_property = address_check("address", "postcode", "address_is_account_property")


def discount_not_already_applied(ctx: CheckContext) -> CheckOutcome | None:
    acc = ctx.account
    if acc is None:
        return None
    found = [R.DISCOUNT_ALREADY_APPLIED] if "SPD" in acc.discount_codes() else []
    return CheckOutcome("discount_not_already_applied", found, {"discounts": acc.discount_codes()})
