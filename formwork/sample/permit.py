"""Residents' parking permit forms with chosen faults: who applies, for which vehicle and zone.

Clean applications come from a resident (liable on the account, or on the
electoral register) of a zoned property with room under the cap, for a
vehicle that holds no permit. Faults pick the household or vehicle that makes
them happen; the oracle recomputes the truth from the finished form.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from formwork import reasons as rc
from formwork.normalise import InvalidValue, normalise
from formwork.sample import permit_wording
from formwork.sample import values as vw
from formwork.sample.compose import compose
from formwork.sample.council import _ZONES, Council, Household, Person
from formwork.sample.document import FormDoc
from formwork.sample.move import OCCUPIED, misread_postcode, missing_number
from formwork.sample.spd import PoolExhausted, _Inventor, _Picker, _weighted

__all__ = ["FAULTS", "PAIRS", "PermitForm", "PermitBuilder", "write_vrm"]

FAULTS: tuple[str, ...] = (
    rc.MISSING_FIELD, rc.INVALID_FORMAT, rc.LOW_CONFIDENCE, rc.PROPERTY_NOT_FOUND, rc.NOT_IN_PERMIT_ZONE,
    rc.NOT_RESIDENT, rc.VRM_HAS_PERMIT, rc.PERMIT_CAP_REACHED, rc.DATE_IN_FUTURE, rc.DUPLICATE_SUBMISSION,
)
PAIRS: tuple[tuple[str, str], ...] = (
    (rc.NOT_RESIDENT, rc.DATE_IN_FUTURE), (rc.VRM_HAS_PERMIT, rc.NOT_IN_PERMIT_ZONE),
    (rc.MISSING_FIELD, rc.DATE_IN_FUTURE), (rc.PERMIT_CAP_REACHED, rc.DATE_IN_FUTURE),
    (rc.INVALID_FORMAT, rc.NOT_RESIDENT),
)
_NEEDS: dict[str, set[str]] = {
    rc.PROPERTY_NOT_FOUND: {"address", "postcode"}, rc.NOT_IN_PERMIT_ZONE: {"address", "postcode", "zone"},
    rc.NOT_RESIDENT: {"address", "postcode", "applicant_name"}, rc.VRM_HAS_PERMIT: {"vrm"},
    rc.PERMIT_CAP_REACHED: {"address", "postcode"}, rc.DATE_IN_FUTURE: {"start_date"},
    rc.DUPLICATE_SUBMISSION: {"vrm"}, rc.LOW_CONFIDENCE: {"postcode"},
}
_MISSABLE = {"applicant_name": 1, "address": 1, "postcode": 2, "vrm": 2, "zone": 2, "start_date": 2,
             "declaration_date": 3}
_BREAKABLE = {"vrm": 4, "postcode": 2, "start_date": 2, "declaration_date": 2}
_MAKES = ("Ford Focus", "Vauxhall Corsa", "Volkswagen Golf", "Toyota Yaris", "Nissan Qashqai", "Kia Sportage",
          "Honda Jazz", "Peugeot 208", "Skoda Octavia", "BMW 1 Series", "Renault Clio", "Tesla Model 3")
_LETTERS = "ABCDEFGHJKLMNPRSTUVWXY"
_INITIALS = "ABCDEFGHJKLMNPRSTVWXY"


def write_vrm(vrm: str, rng: random.Random) -> str:
    """A registration as people write it: with or without the space, sometimes lower case."""
    spaced = vrm
    if len(vrm) == 7 and vrm[:2].isalpha() and vrm[2:4].isdigit():
        spaced = f"{vrm[:4]} {vrm[4:]}"
    elif vrm[0].isalpha() and vrm[1].isdigit():  # prefix: A123 BCD
        spaced = f"{vrm[:-3]} {vrm[-3:]}"
    elif vrm[:3].isalpha():  # suffix: ABC 123D
        spaced = f"{vrm[:3]} {vrm[3:]}"
    text = spaced if rng.random() < 0.7 else vrm
    return text.lower() if rng.random() < 0.08 else text


@dataclass(frozen=True)
class PermitForm:
    doc: FormDoc
    household: Household
    applicant: Person
    vrm: str
    zone: str
    start: dt.date
    faults: tuple[str, ...]

    def raw(self) -> dict[str, str]:
        return {e.key: e.value for e in self.doc.entries() if e.key is not None}


class PermitBuilder:
    def __init__(self, council: Council, as_of: dt.date, rng: random.Random, picker: _Picker) -> None:
        self.council, self.as_of, self.rng, self.picker = council, as_of, rng, picker
        self.invented = _Inventor(rng)
        self.vrms = {p.vrm for p in council.permits}
        self.used_vrms: set[str] = set()

    def _active_at(self, uprn: int, days: list[dt.date]) -> int:
        return sum(1 for p in self.council.permits if p.uprn == uprn
                   and any(p.valid_from <= d <= p.valid_to for d in days))

    def build(self, faults: tuple[str, ...], layout: str, again: PermitForm | None = None) -> PermitForm:
        rng = self.rng
        targets = self._targets(faults)
        start = self.as_of + dt.timedelta(days=rng.randint(-30, 14))
        if rc.DATE_IN_FUTURE in faults:
            start = self.as_of + dt.timedelta(days=rng.randint(45, 120))
        if again is not None:
            hh, applicant, vrm, zone, start = again.household, again.applicant, again.vrm, again.zone, again.start
        else:
            hh, applicant = self._who(faults, [self.as_of, start])
            zone = hh.property.parking_zone
            if rc.NOT_IN_PERMIT_ZONE in faults:
                zone = rng.choice([z for z in _ZONES if z != zone])
            vrm = self._vrm(faults)
        declared = self.as_of - dt.timedelta(days=rng.randint(0, 10))
        v: dict[str, str] = {
            "applicant_name": vw.write_name(applicant, rng),
            "address": vw.write_address(hh.property, rng),
            "postcode": vw.write_postcode(hh.property.postcode, rng),
            "vrm": write_vrm(vrm, rng),
            "zone": zone if rng.random() < 0.8 else f"Zone {zone}",
            "start_date": vw.write_date(start, rng),
            "declaration_date": vw.write_date(declared, rng),
        }
        if rng.random() < 0.7:
            v["vehicle_make"] = rng.choice(_MAKES) if rng.random() < 0.85 else ""
        if rng.random() < 0.85:
            v["phone"] = vw.write_phone(rng) if rng.random() < 0.65 else ""
        if rng.random() < 0.8:
            v["email"] = vw.write_email(applicant, rng) if rng.random() < 0.5 else ""
        spoiled = self._spoil(v, hh, faults, targets, start, declared)
        signature = applicant.full_name if v["applicant_name"] else ""
        parts = [("you", ("applicant_name", "phone", "email")),
                 ("property", ("address", "town", "postcode")),
                 ("vehicle", ("vrm", "vehicle_make")),
                 ("permit", ("zone", "start_date"))]
        if rng.random() < 0.4:
            parts[0], parts[1] = parts[1], parts[0]
        town = hh.property.town if rng.random() < 0.35 else ""
        doc = compose(v, layout, self.council.name, permit_wording, parts, signature, declared, rng, town=town,
                      date_keys=("start_date", "declaration_date"))
        return PermitForm(doc, hh, applicant, vrm, zone, start, spoiled)

    def _targets(self, faults: tuple[str, ...]) -> dict[str, str]:
        needed = set().union(*(_NEEDS.get(f, set()) for f in faults))
        out = {}
        if rc.MISSING_FIELD in faults:
            out[rc.MISSING_FIELD] = _weighted(self.rng, {f: w for f, w in _MISSABLE.items() if f not in needed})
        if rc.INVALID_FORMAT in faults:
            out[rc.INVALID_FORMAT] = _weighted(self.rng, {f: w for f, w in _BREAKABLE.items() if f not in needed})
        return out

    def _take(self, ok: Callable[[Household], bool]) -> Household:
        """Any household of OCCUPIED kinds passing ``ok``, searching whole pools (some are rare)."""
        for kind in self.rng.sample(list(OCCUPIED), len(OCCUPIED)):
            pool = self.picker.pools.get(kind, [])
            for i in range(len(pool) - 1, -1, -1):
                if ok(pool[i]):
                    return pool.pop(i)
        raise PoolExhausted("no household left for a parking permit form")

    def _who(self, faults: tuple[str, ...], days: list[dt.date]) -> tuple[Household, Person]:
        rng = self.rng
        needs_zone = rc.NOT_IN_PERMIT_ZONE not in faults or rng.random() < 0.5
        low = rc.LOW_CONFIDENCE in faults

        def ok(h: Household) -> bool:
            if needs_zone != bool(h.property.parking_zone):
                return False
            if low and misread_postcode(h.property.postcode, random.Random(0)) is None:
                return False
            full = self._active_at(h.property.uprn, days) >= 2
            return full if rc.PERMIT_CAP_REACHED in faults else not full

        hh = self._take(ok)
        if rc.NOT_RESIDENT in faults:
            return hh, self.invented.person_unlike(hh.liable + hh.registered)
        residents = [p for p in hh.registered if p not in hh.liable]
        if residents and rng.random() < 0.4:  # on the register there, not on the bill
            return hh, rng.choice(residents)
        return hh, rng.choice(hh.liable)

    def _vrm(self, faults: tuple[str, ...]) -> str:
        rng = self.rng
        if rc.VRM_HAS_PERMIT in faults:
            held = sorted(p.vrm for p in self.council.permits
                          if p.valid_from <= self.as_of <= p.valid_to and p.vrm not in self.used_vrms)
            vrm = rng.choice(held)
            self.used_vrms.add(vrm)
            return vrm
        while True:
            style = rng.choices(("current", "prefix", "suffix"), weights=(8, 1, 1))[0]
            if style == "current":
                vrm = "".join(rng.choices(_LETTERS, k=2)) + rng.choice(("05", "12", "18", "21", "68", "70", "73")) \
                    + "".join(rng.choices(_LETTERS, k=3))
            elif style == "prefix":
                vrm = rng.choice(_INITIALS) + str(rng.randint(1, 999)) + "".join(rng.choices(_LETTERS, k=3))
            else:
                vrm = "".join(rng.choices(_LETTERS, k=3)) + str(rng.randint(1, 999)) + rng.choice(_INITIALS)
            if vrm not in self.vrms and vrm not in self.used_vrms:
                self.used_vrms.add(vrm)
                return vrm

    def _spoil(self, v: dict[str, str], hh: Household, faults: tuple[str, ...], targets: dict[str, str],
               start: dt.date, declared: dt.date) -> tuple[str, ...]:
        rng = self.rng
        out: list[str] = []
        for fault in faults:
            if fault == rc.MISSING_FIELD:
                v[targets[fault]] = ""
                out.append(rc.with_field(fault, targets[fault]))
                continue
            if fault == rc.INVALID_FORMAT:
                v[targets[fault]] = self._broken(targets[fault], hh, start, declared)
                out.append(rc.with_field(fault, targets[fault]))
                continue
            if fault == rc.LOW_CONFIDENCE:
                text = misread_postcode(hh.property.postcode, rng)
                assert text is not None
                v["postcode"] = text
                out.append(rc.with_field(fault, "postcode"))
                continue
            if fault == rc.PROPERTY_NOT_FOUND:
                v["address"] = missing_number(self.council, hh, rng)
            out.append(fault)
        return tuple(out)

    def _broken(self, field: str, hh: Household, start: dt.date, declared: dt.date) -> str:
        rng = self.rng
        if field == "vrm":  # letters and digits, but no registration style: the check's INVALID_FORMAT:vrm
            return rng.choice((
                "".join(rng.choices(_LETTERS, k=2)) + str(rng.randint(100, 999)) + "".join(rng.choices(_LETTERS, k=3)),
                "".join(rng.choices(_LETTERS, k=4)) + str(rng.randint(10, 99)),
                str(rng.randint(10, 99)) + "".join(rng.choices(_LETTERS, k=4)),
                "".join(rng.choices(_LETTERS, k=2)) + str(rng.randint(10, 99)) + "".join(rng.choices(_LETTERS, k=2)),
            ))
        makers = {
            "postcode": lambda: vw.broken_postcode(hh.property.postcode, rng),
            "start_date": lambda: vw.broken_date(start, rng),
            "declaration_date": lambda: vw.broken_date(declared, rng),
        }
        kind = "postcode" if field == "postcode" else "date"
        for _ in range(20):
            text = makers[field]()
            try:
                normalise(kind, text)
            except InvalidValue:
                return text
        raise AssertionError(f"could not break {field}")  # pragma: no cover

