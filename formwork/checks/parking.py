"""Checks for parking_permit: the property, its zone, the applicant, the vehicle, the cap."""

from __future__ import annotations

import datetime as dt

from formwork import models
from formwork import normalise as norm
from formwork import reasons as R
from formwork.checks.base import CheckContext, CheckOutcome, property_evidence, same_person
from formwork.normalise import is_valid_vrm


def _property(ctx: CheckContext) -> models.Property | None:
    return ctx.property_at("address", "postcode")


def _days(ctx: CheckContext) -> list[dt.date]:
    """The days a permit must not already be active on: the as-of date and the start date asked for."""
    start = ctx.date("start_date")
    return [ctx.as_of] + ([start] if start and start != ctx.as_of else [])


def _active(permit: models.ParkingPermit, days: list[dt.date]) -> bool:
    return any(permit.valid_from <= d <= permit.valid_to for d in days)


def _permit_evidence(p: models.ParkingPermit) -> dict[str, object]:
    return {"permit_ref": p.permit_ref, "uprn": p.uprn, "vrm": p.vrm, "zone": p.zone,
            "valid_from": p.valid_from.isoformat(), "valid_to": p.valid_to.isoformat()}


def property_exists(ctx: CheckContext) -> CheckOutcome | None:
    """PROPERTY_NOT_FOUND when the address and postcode are not a gazetteer property."""
    address, postcode = ctx.value("address"), ctx.value("postcode")
    if not address or not postcode:
        return None
    prop = _property(ctx)
    return CheckOutcome("property_exists", [] if prop else [R.PROPERTY_NOT_FOUND],
                        {"written": {"address": address, "postcode": postcode},
                         "property": property_evidence(prop) if prop else None})


def property_in_permit_zone(ctx: CheckContext) -> CheckOutcome | None:
    """NOT_IN_PERMIT_ZONE when the property has no parking zone or another one than applied for."""
    prop, zone = _property(ctx), ctx.value("zone")
    if prop is None or not zone:
        return None
    ok = bool(prop.parking_zone) and norm.zone_key(prop.parking_zone or "") == norm.zone_key(zone)
    return CheckOutcome("property_in_permit_zone", [] if ok else [R.NOT_IN_PERMIT_ZONE],
                        {"zone_applied_for": zone, "property_zone": prop.parking_zone or None, "uprn": prop.uprn})


def applicant_is_resident(ctx: CheckContext) -> CheckOutcome | None:
    """NOT_RESIDENT unless the applicant is liable on an active account there or registered to vote there."""
    prop, applicant = _property(ctx), ctx.value("applicant_name")
    if prop is None or not applicant:
        return None
    accounts = [a for a in ctx.records.accounts_for(prop.uprn) if a.status == "active"]
    electors = ctx.records.electors_at(prop.uprn)
    liable = any(same_person(applicant, p) for a in accounts for p in a.liable_names())
    registered = any(same_person(applicant, e.full_name) for e in electors)
    return CheckOutcome(
        "applicant_is_resident", [] if liable or registered else [R.NOT_RESIDENT],
        {"applicant_name": applicant, "uprn": prop.uprn, "liable_on_active_account": liable,
         "on_electoral_register": registered,
         "liable_parties": [p for a in accounts for p in a.liable_names()],
         "electors": [e.full_name for e in electors]})


def vrm_is_valid(ctx: CheckContext) -> CheckOutcome | None:
    """INVALID_FORMAT:vrm unless a current (AB12CDE), prefix (A123BCD) or suffix (ABC123D) registration."""
    vrm = ctx.value("vrm")
    if not vrm:
        return None
    return CheckOutcome("vrm_is_valid", [] if is_valid_vrm(vrm) else [R.with_field(R.INVALID_FORMAT, "vrm")],
                        {"vrm": vrm})


def vrm_has_no_permit(ctx: CheckContext) -> CheckOutcome | None:
    """VRM_HAS_PERMIT when the vehicle holds a permit active on the as-of date or the start date."""
    vrm = ctx.value("vrm")
    if not vrm:
        return None
    days = _days(ctx)
    held = [p for p in ctx.records.permits_for_vrm(vrm) if _active(p, days)]
    return CheckOutcome("vrm_has_no_permit", [R.VRM_HAS_PERMIT] if held else [],
                        {"vrm": vrm, "active_permits": [_permit_evidence(p) for p in held]})


def permit_cap_not_reached(ctx: CheckContext) -> CheckOutcome | None:
    """PERMIT_CAP_REACHED when the property already has the cap of permits active (as-of or start date)."""
    prop = _property(ctx)
    if prop is None:
        return None
    days, cap = _days(ctx), ctx.policy.permit_cap
    held = [p for p in ctx.records.permits_at(prop.uprn) if _active(p, days)]
    return CheckOutcome("permit_cap_not_reached", [R.PERMIT_CAP_REACHED] if len(held) >= cap else [],
                        {"uprn": prop.uprn, "cap": cap, "active_permits": [_permit_evidence(p) for p in held]})
