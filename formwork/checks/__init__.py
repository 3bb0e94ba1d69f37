"""Checks: one small function per rule, returning reason codes with the evidence compared.

A check takes a :class:`~formwork.checks.base.CheckContext` (the extracted
values, the as-of date, the policy, and read access to the council records)
and returns a :class:`~formwork.checks.base.CheckOutcome`, or ``None`` when it
cannot run (its inputs are missing: another reason code already says so).
Checks never open a PDF and never write.

:data:`CHECKS` lists each form type's checks in the order staff need to see
their reasons (forms.md).
"""

from __future__ import annotations

from formwork.checks import (
    correspondence,
    council_tax,
    dates,
    electoral_register,
    moves,
    parking,
    submissions,
)
from formwork.checks.base import Check, CheckContext, CheckOutcome, Records

CHECKS: dict[str, tuple[Check, ...]] = {
    "council_tax_spd": (
        council_tax.account_exists,
        council_tax.account_is_active,
        council_tax.applicant_is_liable,
        council_tax.address_is_account_property,
        council_tax.discount_not_already_applied,
        electoral_register.no_other_adults_registered,
        dates.sole_adult_since_not_in_future,
        dates.sole_adult_since_within_backdating_limit,
        dates.change_description_agrees_with_sole_adult_since,
        submissions.not_a_duplicate,
    ),
    "council_tax_move": (
        council_tax.account_exists,
        moves.moving_out_account_is_active,
        council_tax.applicant_is_liable,
        moves.previous_address_is_account_property,
        moves.new_property_exists,
        dates.move_date_not_too_far_ahead,
        dates.move_date_within_backdating_limit,
        submissions.not_a_duplicate_by_key,
    ),
    "parking_permit": (
        parking.property_exists,
        parking.property_in_permit_zone,
        parking.applicant_is_resident,
        parking.vrm_is_valid,
        parking.vrm_has_no_permit,
        parking.permit_cap_not_reached,
        dates.start_date_not_too_far_ahead,
        submissions.not_a_duplicate_by_key,
    ),
    "correspondence": (
        correspondence.sender_is_known,
        council_tax.account_exists,
    ),
}


def run_checks(form_type: str, ctx: CheckContext) -> list[CheckOutcome]:
    """Run the form type's checks in order; skipped checks are left out."""
    results = []
    for check in CHECKS.get(form_type, ()):
        outcome = check(ctx)
        if outcome is not None:
            results.append(outcome)
    return results


__all__ = ["CHECKS", "Check", "CheckContext", "CheckOutcome", "Records", "run_checks"]
