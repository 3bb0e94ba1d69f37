"""Checks against the council tax accounts and the property gazetteer."""

from __future__ import annotations

from formwork import reasons as R
from formwork.checks.base import CheckContext, CheckOutcome, account_evidence, property_evidence, same_person
from formwork.normalise import address_key


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


def _address_matches(written: str, line_1: str, line_2: str | None) -> bool:
    key = address_key(written)
    options = {address_key(line_1)}
    if line_2:
        options |= {address_key(f"{line_2} {line_1}"), address_key(f"{line_1} {line_2}")}
    return key in options


def address_is_account_property(ctx: CheckContext) -> CheckOutcome | None:
    prop = ctx.account_property
    address, postcode = ctx.value("address"), ctx.value("postcode")
    if prop is None or (not address and not postcode):
        return None
    mismatched = []
    if postcode and postcode != prop.postcode:
        mismatched.append("postcode")
    if address and not _address_matches(address, prop.address_line_1, prop.address_line_2):
        mismatched.append("address")
    return CheckOutcome(
        "address_is_account_property",
        [R.ADDRESS_MISMATCH] if mismatched else [],
        {"written": {"address": address, "postcode": postcode}, "mismatched": mismatched,
         "property": property_evidence(prop)},
    )


def discount_not_already_applied(ctx: CheckContext) -> CheckOutcome | None:
    acc = ctx.account
    if acc is None:
        return None
    found = [R.DISCOUNT_ALREADY_APPLIED] if "SPD" in acc.discount_codes() else []
    return CheckOutcome("discount_not_already_applied", found, {"discounts": acc.discount_codes()})
