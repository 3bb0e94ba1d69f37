"""Single person discount forms with chosen faults: who applies, and what they write.

:class:`SpdBuilder` picks a household whose records make the wanted outcome
happen (a couple where one partner left, an account that already has the
discount, a family whose grown-up children are still on the register...), writes
the applicant's answers in one of the many accepted ways, then spoils exactly
the answers a fault needs. The truth is not taken from the fault list: the
oracle recomputes it from the finished form, and the generator checks the two
agree.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from formwork import reasons as rc
from formwork.normalise import InvalidValue, name_key, normalise
from formwork.sample import values as vw
from formwork.sample import wording, words
from formwork.sample.council import CLEAN_KINDS, Council, Household, Kind, Person
from formwork.sample.document import FormDoc
from formwork.sample.spd_form import compose

__all__ = ["FAULTS", "PAIRS", "SpdForm", "SpdBuilder", "PoolExhausted"]

#: Every fault a sample injects; each is the reason code it should produce.
FAULTS: tuple[str, ...] = (
    rc.MISSING_FIELD, rc.INVALID_FORMAT, rc.LOW_CONFIDENCE, rc.ACCOUNT_NOT_FOUND, rc.ACCOUNT_CLOSED,
    rc.NAME_MISMATCH, rc.ADDRESS_MISMATCH, rc.DISCOUNT_ALREADY_APPLIED, rc.OTHER_ADULTS_REGISTERED,
    rc.DATE_IN_FUTURE, rc.DATE_TOO_OLD, rc.INCONSISTENT_DATES, rc.DUPLICATE_SUBMISSION,
)

#: Faults that go together on one form without one hiding the other.
PAIRS: tuple[tuple[str, str], ...] = (
    (rc.MISSING_FIELD, rc.DATE_TOO_OLD), (rc.NAME_MISMATCH, rc.DATE_IN_FUTURE),
    (rc.ADDRESS_MISMATCH, rc.INCONSISTENT_DATES), (rc.LOW_CONFIDENCE, rc.OTHER_ADULTS_REGISTERED),
    (rc.ACCOUNT_CLOSED, rc.DATE_TOO_OLD), (rc.DISCOUNT_ALREADY_APPLIED, rc.INCONSISTENT_DATES),
    (rc.ACCOUNT_NOT_FOUND, rc.DATE_IN_FUTURE), (rc.INVALID_FORMAT, rc.ADDRESS_MISMATCH),
    (rc.OTHER_ADULTS_REGISTERED, rc.DATE_TOO_OLD),
)

#: Fields a fault's check reads: a missing or invalid-field fault on the same form avoids them.
_NEEDS: dict[str, set[str]] = {
    rc.LOW_CONFIDENCE: {"account_ref"}, rc.ACCOUNT_NOT_FOUND: {"account_ref"},
    rc.ACCOUNT_CLOSED: {"account_ref"}, rc.NAME_MISMATCH: {"account_ref", "applicant_name"},
    rc.ADDRESS_MISMATCH: {"account_ref", "address", "postcode"},
    rc.DISCOUNT_ALREADY_APPLIED: {"account_ref"},
    rc.OTHER_ADULTS_REGISTERED: {"account_ref", "applicant_name"},
    rc.DATE_IN_FUTURE: {"sole_adult_since"}, rc.DATE_TOO_OLD: {"sole_adult_since"},
    rc.INCONSISTENT_DATES: {"sole_adult_since"}, rc.DUPLICATE_SUBMISSION: {"account_ref"},
}
_MISSABLE = {"declaration_date": 3, "sole_adult_since": 2, "postcode": 2, "account_ref": 2,
             "applicant_name": 1, "address": 1}
_BREAKABLE = {"account_ref": 3, "postcode": 3, "sole_adult_since": 2, "declaration_date": 2}


class PoolExhausted(RuntimeError):
    """The council has no household left of the kind a form needs (make the council bigger)."""


@dataclass(frozen=True)
class SpdForm:
    doc: FormDoc
    household: Household
    applicant: Person
    #: The adult who left, and whether the form names them.
    other: Person
    named: bool
    #: The move-out date the change description names, if it names one.
    move_out: dt.date | None
    #: The faults the form was built with, each with the field it spoiled where it has one.
    faults: tuple[str, ...]

    def raw(self) -> dict[str, str]:
        """What the form shows, field by field (``""`` where left blank)."""
        return {e.key: e.value for e in self.doc.entries() if e.key is not None}


class _Picker:
    """Households by kind, each used by at most one form (bar deliberate duplicates)."""

    def __init__(self, council: Council, rng: random.Random) -> None:
        self.rng = rng
        self.pools = {kind: rng.sample(hh, len(hh)) for kind, hh in council.households.items()}

    def take(self, kinds: tuple[Kind, ...], ok: Callable[[Household], bool] | None = None) -> Household:
        # Larger pools are likelier first, so the kinds are used up evenly.
        order = sorted(kinds, key=lambda k: -len(self.pools.get(k, [])) * self.rng.random())
        for kind in order:
            pool = self.pools.get(kind, [])
            for i in range(len(pool) - 1, max(len(pool) - 50, -1), -1):
                if ok is None or ok(pool[i]):
                    return pool.pop(i)
        raise PoolExhausted(f"no household left of kinds {[k.value for k in kinds]}")


class SpdBuilder:
    """Builds SPD forms for one council, never reusing a household unless asked to."""

    def __init__(self, council: Council, as_of: dt.date, rng: random.Random) -> None:
        self.council = council
        self.as_of = as_of
        self.rng = rng
        self.picker = _Picker(council, rng)
        self.streets = sorted({p.street for p in council.properties})
        self.invented = _Inventor(rng)
        self.wrong_refs: set[str] = set()

    def build(self, faults: tuple[str, ...], layout: str, again: SpdForm | None = None) -> SpdForm:
        """A form with ``faults`` (codes from :data:`FAULTS`) in ``layout``.

        ``again`` is an earlier form whose applicant sends the form a second time
        (a duplicate submission).
        """
        rng = self.rng
        targets = self._targets(faults)
        if again is not None:
            hh, applicant, other, named = again.household, again.applicant, again.other, again.named
        else:
            hh = self._household(faults, targets)
            applicant, other, named = self._parties(hh, faults)
        since = self.as_of - dt.timedelta(days=rng.randint(20, 300))
        if rc.DATE_IN_FUTURE in faults:
            since = self.as_of + dt.timedelta(days=rng.randint(20, 120))
        elif rc.DATE_TOO_OLD in faults:
            since = self.as_of - dt.timedelta(days=rng.randint(420, 900))
        declared = self.as_of - dt.timedelta(days=rng.randint(0, 10))

        v: dict[str, str] = {
            "account_ref": vw.write_ref(hh.account.account_ref, rng),
            "applicant_name": vw.write_name(applicant, rng),
            "address": vw.write_address(hh.property, rng),
            "postcode": vw.write_postcode(hh.property.postcode, rng),
            "sole_adult_since": vw.write_date(since, rng),
            "declaration_date": vw.write_date(declared, rng),
        }
        if named or rng.random() < 0.85:  # most forms ask; some leave the question out
            v["other_adult_name"] = vw.write_name(other, rng) if named else ""
        if "other_adult_name" in v and rng.random() < 0.8:
            v["other_adult_forwarding_address"] = vw.forwarding_address(rng) if named and rng.random() < 0.6 else ""
        move_out = self._description(v, hh, other, named, since, faults)
        if rng.random() < 0.85:
            v["phone"] = vw.write_phone(rng) if rng.random() < 0.65 else ""
        if rng.random() < 0.8:
            v["email"] = vw.write_email(applicant, rng) if rng.random() < 0.5 else ""
        spoiled = self._spoil(v, hh, faults, targets, since, declared)
        signature = applicant.full_name if rng.random() < 0.6 else f"{applicant.first[0]} {applicant.surname}"
        if not v["applicant_name"]:  # a typed signature would otherwise answer the missing question
            signature = ""
        doc = compose(v, layout, self.council.name, hh.property.town, signature, declared, rng)
        return SpdForm(doc, hh, applicant, other, named, move_out, spoiled)

    # ------------------------------------------------------------------ who applies

    def _targets(self, faults: tuple[str, ...]) -> dict[str, str]:
        """The field each missing- or invalid-field fault spoils, avoiding fields the other faults need."""
        needed = set().union(*(_NEEDS.get(f, set()) for f in faults))
        out = {}
        if rc.MISSING_FIELD in faults:
            out[rc.MISSING_FIELD] = _weighted(self.rng, {f: w for f, w in _MISSABLE.items() if f not in needed})
        if rc.INVALID_FORMAT in faults:
            out[rc.INVALID_FORMAT] = _weighted(self.rng, {f: w for f, w in _BREAKABLE.items() if f not in needed})
        return out

    def _household(self, faults: tuple[str, ...], targets: dict[str, str]) -> Household:
        # A misread reference needs a 0 or a 1 to misread.
        ok = (lambda h: any(c in "01" for c in h.account.account_ref)) if rc.LOW_CONFIDENCE in faults else None
        if rc.ACCOUNT_CLOSED in faults:
            return self.picker.take((Kind.VOID,), ok)
        if rc.DISCOUNT_ALREADY_APPLIED in faults:
            return self.picker.take((Kind.SINGLE_SPD,), ok)
        if rc.OTHER_ADULTS_REGISTERED in faults:
            return self.picker.take((Kind.FAMILY, Kind.SHARED), ok)
        if rc.NAME_MISMATCH in faults:
            return self.picker.take((Kind.SINGLE_WITH_ADULT, Kind.UNREGISTERED), ok)
        if targets.get(rc.MISSING_FIELD) == "applicant_name":
            # No one on the register there, so "other adults" cannot depend on the missing name.
            return self.picker.take((Kind.UNREGISTERED,), ok)
        return self.picker.take(CLEAN_KINDS, ok)

    def _parties(self, hh: Household, faults: tuple[str, ...]) -> tuple[Person, Person, bool]:
        """Applicant, the adult who left, and whether the form names them.

        The leaver is named whenever they are still on the register, since
        otherwise they would count as another adult living there.
        """
        rng = self.rng
        if rc.NAME_MISMATCH in faults:
            if hh.kind is Kind.SINGLE_WITH_ADULT:  # the adult not on the bill applies
                return hh.registered[1], hh.liable[0], True
            stranger = self.invented.person_unlike(hh.liable)
            return stranger, hh.liable[0], rng.random() < 0.5
        if hh.kind in (Kind.COUPLE, Kind.FAMILY, Kind.SHARED):
            i = rng.randrange(2) if hh.kind is Kind.COUPLE else 0
            return hh.liable[i], hh.liable[1 - i], True
        if hh.kind is Kind.SINGLE_WITH_ADULT:
            return hh.liable[0], hh.registered[1], True
        if len(hh.liable) > 1:  # COUPLE_ONE_REGISTERED, a couple in UNREGISTERED or VOID
            return hh.liable[0], hh.liable[1], rng.random() < 0.7
        return hh.liable[0], self.invented.relative_of(hh.liable[0]), rng.random() < 0.5

    # ------------------------------------------------------------------ what they write

    def _description(self, v: dict[str, str], hh: Household, other: Person, named: bool,
                     since: dt.date, faults: tuple[str, ...]) -> dt.date | None:
        """Maybe add a change description to ``v``; return the move-out date it names."""
        rng = self.rng
        inconsistent = rc.INCONSISTENT_DATES in faults
        if not inconsistent and rng.random() < 0.25:
            return None
        couple = hh.kind in (Kind.COUPLE, Kind.COUPLE_ONE_REGISTERED) or (
            hh.kind in (Kind.UNREGISTERED, Kind.VOID) and len(hh.liable) > 1)
        rel = rng.choice((wording.RELATIONS_COUPLE if couple else wording.RELATIONS_OTHER)[other.female])
        dated = inconsistent or (rc.DATE_IN_FUTURE not in faults and rng.random() < 0.5)
        pool = wording.MOVE_OUT_WITH_DATE if dated else wording.MOVE_OUT_NO_DATE
        templates = [t for t in pool if named or "{other}" not in t]
        move_out = since
        if inconsistent:  # a different day, but still in the past
            step = dt.timedelta(days=rng.randint(7, 60))
            move_out = since + step if since + step < self.as_of and rng.random() < 0.5 else since - step
        v["change_description"] = rng.choice(templates).format(
            rel=rel, other=other.full_name, place=rng.choice(words.DESTINATIONS),
            date=vw.write_date(move_out, rng))
        return move_out if dated else None

    def _spoil(self, v: dict[str, str], hh: Household, faults: tuple[str, ...],
               targets: dict[str, str], since: dt.date, declared: dt.date) -> tuple[str, ...]:
        """Apply the value-level faults to ``v``; return the faults as applied (with fields)."""
        rng = self.rng
        out: list[str] = []
        for fault in faults:
            if fault == rc.MISSING_FIELD:
                v[targets[fault]] = ""
                out.append(rc.with_field(fault, targets[fault]))
                continue
            if fault == rc.INVALID_FORMAT:
                v[targets[fault]] = self._broken(targets[fault], hh, since, declared)
                out.append(rc.with_field(fault, targets[fault]))
                continue
            if fault == rc.LOW_CONFIDENCE:
                misread = vw.misread_ref(hh.account.account_ref, rng)
                assert misread is not None  # the picker chose a reference with a 0 or a 1
                v["account_ref"] = misread if rng.random() < 0.7 else f"{misread[:4]} {misread[4:]}"
                out.append(rc.with_field(fault, "account_ref"))
                continue
            if fault == rc.ACCOUNT_NOT_FOUND:
                v["account_ref"] = self._unknown_ref(hh.account.account_ref)
            elif fault == rc.ADDRESS_MISMATCH:
                if rng.random() < 0.6:
                    v["address"] = vw.other_address(hh.property, self.streets, rng)
                else:
                    others = [p for p in rng.sample(self.council.postcodes, 3) if p != hh.property.postcode]
                    v["postcode"] = vw.write_postcode(others[0], rng)
            out.append(fault)
        return tuple(out)

    def _broken(self, field: str, hh: Household, since: dt.date, declared: dt.date) -> str:
        makers = {
            "account_ref": lambda: vw.broken_ref(hh.account.account_ref, self.rng),
            "postcode": lambda: vw.broken_postcode(hh.property.postcode, self.rng),
            "sole_adult_since": lambda: vw.broken_date(since, self.rng),
            "declaration_date": lambda: vw.broken_date(declared, self.rng),
        }
        kind = {"account_ref": "account_ref", "postcode": "postcode"}.get(field, "date")
        for _ in range(20):
            text = makers[field]()
            try:
                normalise(kind, text)
            except InvalidValue:
                return text
        raise AssertionError(f"could not break {field}")  # pragma: no cover

    def _unknown_ref(self, ref: str) -> str:
        """A slip of the pen on ``ref`` (two digits swapped, one changed) that is no account."""
        rng = self.rng
        while True:
            i = rng.randrange(7)
            if rng.random() < 0.5 and ref[i] != ref[i + 1]:
                wrong = ref[:i] + ref[i + 1] + ref[i] + ref[i + 2:]
            else:
                wrong = ref[:i] + str((int(ref[i]) + rng.randint(1, 9)) % 10) + ref[i + 1:]
            if wrong not in self.council.accounts_by_ref and wrong not in self.wrong_refs:
                self.wrong_refs.add(wrong)  # two forms with one wrong reference would be duplicates
                return vw.write_ref(wrong, rng)


class _Inventor:
    """People who are in no record: leavers nobody registered, strangers to an account."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self, surname: str | None = None) -> Person:
        female = self.rng.random() < 0.5
        first = self.rng.choice(words.FEMALE_NAMES if female else words.MALE_NAMES)
        return Person(first, surname or self.rng.choice(words.SURNAMES), female)

    def relative_of(self, p: Person) -> Person:
        """Someone with ``p``'s surname and another first name."""
        while True:
            q = self.person(p.surname)
            if q.first != p.first:
                return q

    def person_unlike(self, people: list[Person]) -> Person:
        keys = {name_key(p.full_name) for p in people}
        surnames = {p.surname for p in people}
        while True:
            p = self.person()
            if name_key(p.full_name) not in keys and p.surname not in surnames:
                return p


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]
