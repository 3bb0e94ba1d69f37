"""The expected outcome of move and permit forms: the sample's answer key for them.

As :mod:`formwork.sample.oracle` does for single person discount, this writes
forms.md's contract for ``council_tax_move`` and ``parking_permit`` as the
simplest code that could be right, against the sample council's records in
inbox order. Where forms.md is silent, the same choices as formwork.checks:

- a check that needs a field the form lacks (missing or invalid) is skipped;
- the move's account, previous address and postcode are required only when
  moving out, its new address and postcode only when moving in; with no
  usable move type neither set is required and the direction's checks are skipped;
- moving out of an account that is closed (by an earlier approval in the same
  inbox) is ``ACCOUNT_CLOSED``;
- a permit counts when it is active on the as-of date or on the start date
  asked for (``VRM_HAS_PERMIT``, ``PERMIT_CAP_REACHED``), and permits issued by
  earlier approvals in the inbox count;
- DUPLICATE_SUBMISSION: an earlier form of the same type in the inbox about the
  same thing: the account or the property left, the property moved into, the vehicle (by
  a registration mark that is one).
  A duplicate of an approved form gets it alone: the account that approval closed, the
  permit it issued (``reasons.APPROVAL_ECHOES``) are that approval seen again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from formwork import reasons as rc
from formwork.normalise import InvalidValue, address_key, is_valid_vrm, name_key, normalise
from formwork.sample.council import Council, Permit, Property
from formwork.sample.oracle import Truth, with_invalid

__all__ = ["MOVE_FIELDS", "PERMIT_FIELDS", "MoveOracle", "PermitOracle", "move_required", "PERMIT_REQUIRED"]

MOVE_FIELDS: dict[str, str] = {
    "move_type": "move_type", "account_ref": "account_ref", "applicant_name": "name",
    "previous_address": "address", "previous_postcode": "postcode", "new_address": "address",
    "new_postcode": "postcode",
    "move_date": "date", "phone": "phone", "email": "email", "declaration_date": "date",
}
PERMIT_FIELDS: dict[str, str] = {
    "applicant_name": "name", "address": "address", "postcode": "postcode", "vrm": "vrm", "vehicle_make": "text",
    "zone": "zone", "start_date": "date", "phone": "phone", "email": "email", "declaration_date": "date",
}
PERMIT_REQUIRED = ("applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date")
_MOVE_ALWAYS = ("move_type", "applicant_name", "move_date", "declaration_date")
_MOVE_WHEN = {"out": ("account_ref", "previous_address", "previous_postcode"), "in": ("new_address", "new_postcode")}


def move_required(move_type: str | None) -> tuple[str, ...]:
    return _MOVE_ALWAYS + _MOVE_WHEN.get(move_type or "", ())


def judge_fields(raw: Mapping[str, str], kinds: dict[str, str], required: Callable[[dict[str, str]], tuple[str, ...]],
                 threshold: float) -> tuple[dict[str, str], list[str], list[str]]:
    """The fields in normal form, MISSING_FIELD / INVALID_FORMAT / LOW_CONFIDENCE codes, and the fields
    whose answers are invalid."""
    fields: dict[str, str] = {}
    invalid, low = [], []
    for name, kind in kinds.items():
        text = raw.get(name, "").strip()
        if not text:
            continue
        try:
            value = normalise(kind, text)
        except InvalidValue:
            invalid.append(name)
            continue
        fields[name] = value.value
        if value.confidence < threshold:
            low.append(name)
    missing = [n for n in kinds if n in required(fields) and n not in fields and n not in invalid]
    reasons = ([rc.with_field(rc.MISSING_FIELD, f) for f in missing]
               + [rc.with_field(rc.INVALID_FORMAT, f) for f in invalid]
               + [rc.with_field(rc.LOW_CONFIDENCE, f) for f in low])
    return fields, reasons, invalid


def find_property(council: Council, address: str | None, postcode: str | None) -> Property | None:
    if not address or not postcode:
        return None
    for p in council.properties_by_postcode.get(postcode, ()):
        if address_key(p.address_line_1) == address_key(address):
            return p
    return None


@dataclass
class MoveOracle:
    council: Council
    as_of: dt.date
    backdating_limit_days: int = 365
    future_tolerance_days: int = 28
    confidence_threshold: float = 0.8
    closed: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)
    approved: set[str] = field(default_factory=set)  # what earlier approved forms were about

    def judge(self, raw: Mapping[str, str]) -> Truth:
        fields, reasons, invalid = judge_fields(raw, MOVE_FIELDS, lambda f: move_required(f.get("move_type")),
                                                self.confidence_threshold)
        reasons += self._checks(fields)
        keys = self._keys(fields)
        reasons = rc.settle_duplicate(reasons, any(k in self.approved for k in keys))
        outcome = "exception" if reasons else "approved"
        if outcome == "approved":
            self.approved.update(keys)
        if outcome == "approved" and fields["move_type"] == "out":
            self.closed.add(fields["account_ref"])
        return Truth("council_tax_move", with_invalid(fields, raw, invalid, MOVE_FIELDS), outcome, reasons)

    def _checks(self, f: dict[str, str]) -> list[str]:
        out: list[str] = []
        kind, ref, applicant = f.get("move_type"), f.get("account_ref"), f.get("applicant_name")
        account = self.council.accounts_by_ref.get(ref) if ref else None
        if ref and account is None:
            out.append(rc.ACCOUNT_NOT_FOUND)
        if account is not None:
            if kind == "out" and (account.status != "active" or account.account_ref in self.closed):
                out.append(rc.ACCOUNT_CLOSED)
            if applicant and name_key(applicant) not in {name_key(p) for p in account.liable_parties}:
                out.append(rc.NAME_MISMATCH)
            if kind == "out":
                prop = self.council.property_by_uprn[account.uprn]
                pc, line1 = f.get("previous_postcode"), f.get("previous_address")
                if (pc and pc != prop.postcode) or (line1 and address_key(line1) != address_key(prop.address_line_1)):
                    out.append(rc.ADDRESS_MISMATCH)
        if kind == "in" and f.get("new_address") and f.get("new_postcode") and \
                find_property(self.council, f["new_address"], f["new_postcode"]) is None:
            out.append(rc.PROPERTY_NOT_FOUND)
        if when := f.get("move_date"):
            d = dt.date.fromisoformat(when)
            if (d - self.as_of).days > self.future_tolerance_days:
                out.append(rc.DATE_IN_FUTURE)
            if (self.as_of - d).days > self.backdating_limit_days:
                out.append(rc.DATE_TOO_OLD)
        keys = self._keys(f)
        if any(k in self.seen for k in keys):
            out.append(rc.DUPLICATE_SUBMISSION)
        self.seen.update(keys)
        return out

    @staticmethod
    def _keys(f: dict[str, str]) -> list[str]:
        kind, ref, keys = f.get("move_type"), f.get("account_ref"), []
        if kind == "out" and ref:
            keys.append(f"out:{ref}")
        if kind == "out" and f.get("previous_address") and f.get("previous_postcode"):
            keys.append(f"out:{f['previous_postcode']}:{address_key(f['previous_address'])}")
        if kind == "in" and f.get("new_address") and f.get("new_postcode"):
            keys.append(f"in:{f['new_postcode']}:{address_key(f['new_address'])}")
        return keys


def one_year(start: dt.date) -> dt.date:
    try:
        return start.replace(year=start.year + 1) - dt.timedelta(days=1)
    except ValueError:
        return dt.date(start.year + 1, 2, 28)


@dataclass
class PermitOracle:
    council: Council
    as_of: dt.date
    future_tolerance_days: int = 28
    cap: int = 2
    confidence_threshold: float = 0.8
    issued: list[Permit] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    approved: set[str] = field(default_factory=set)  # the vehicles of earlier approved forms

    def __post_init__(self) -> None:
        self.active_accounts: dict[int, list[str]] = defaultdict(list)
        for a in self.council.accounts:
            if a.status == "active":
                self.active_accounts[a.uprn] += [name_key(p) for p in a.liable_parties]

    def judge(self, raw: Mapping[str, str]) -> Truth:
        fields, reasons, invalid = judge_fields(raw, PERMIT_FIELDS, lambda f: PERMIT_REQUIRED,
                                                self.confidence_threshold)
        reasons += self._checks(fields)
        reasons = rc.settle_duplicate(reasons, f"vrm:{fields.get('vrm')}" in self.approved)
        outcome = "exception" if reasons else "approved"
        if outcome == "approved":
            self.approved.add(f"vrm:{fields['vrm']}")
            prop = find_property(self.council, fields["address"], fields["postcode"])
            assert prop is not None
            start = dt.date.fromisoformat(fields["start_date"])
            self.issued.append(Permit(f"new-{len(self.issued)}", prop.uprn, fields["vrm"], fields["zone"], start,
                                      one_year(start)))
        return Truth("parking_permit", with_invalid(fields, raw, invalid, PERMIT_FIELDS), outcome, reasons)

    def active(self, days: list[dt.date]) -> list[Permit]:
        return [p for p in [*self.council.permits, *self.issued] if any(p.valid_from <= d <= p.valid_to for d in days)]

    def _checks(self, f: dict[str, str]) -> list[str]:
        out: list[str] = []
        prop = find_property(self.council, f.get("address"), f.get("postcode"))
        start = dt.date.fromisoformat(f["start_date"]) if f.get("start_date") else None
        days = [self.as_of] + ([start] if start else [])
        if f.get("address") and f.get("postcode") and prop is None:
            out.append(rc.PROPERTY_NOT_FOUND)
        if prop is not None:
            if f.get("zone") and (not prop.parking_zone or prop.parking_zone != f["zone"]):
                out.append(rc.NOT_IN_PERMIT_ZONE)
            if applicant := f.get("applicant_name"):
                key = name_key(applicant)
                electors = {name_key(e.full_name) for e in self.council.electors_by_uprn.get(prop.uprn, ())}
                if key not in self.active_accounts.get(prop.uprn, []) and key not in electors:
                    out.append(rc.NOT_RESIDENT)
        vrm = f.get("vrm")
        if vrm and not is_valid_vrm(vrm):
            out.append(rc.with_field(rc.INVALID_FORMAT, "vrm"))
        active = self.active(days)
        if vrm and any(p.vrm == vrm for p in active):
            out.append(rc.VRM_HAS_PERMIT)
        if prop is not None and sum(1 for p in active if p.uprn == prop.uprn) >= self.cap:
            out.append(rc.PERMIT_CAP_REACHED)
        if start and (start - self.as_of).days > self.future_tolerance_days:
            out.append(rc.DATE_IN_FUTURE)
        if vrm and is_valid_vrm(vrm):
            if f"vrm:{vrm}" in self.seen:
                out.append(rc.DUPLICATE_SUBMISSION)
            self.seen.add(f"vrm:{vrm}")
        return out
