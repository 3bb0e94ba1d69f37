"""Council tax move forms with chosen faults: who moves, in or out, and what they write.

Moving out: a liable party of an occupied household leaves, giving the account
and the address left (and often a forwarding address). Moving in: someone new
moves into a property, empty ones first. Faults spoil exactly the answers they
need; the oracle recomputes the truth from the finished form.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from formwork import reasons as rc
from formwork.normalise import REPAIRED_CONFIDENCE, InvalidValue, normalise
from formwork.sample import move_wording, words
from formwork.sample import values as vw
from formwork.sample.compose import compose
from formwork.sample.council import CLEAN_KINDS, Council, Household, Kind, Person
from formwork.sample.document import FormDoc
from formwork.sample.spd import _Inventor, _Picker, _weighted

__all__ = ["FAULTS", "PAIRS", "MoveForm", "MoveBuilder", "OCCUPIED", "misread_postcode", "missing_number"]

FAULTS: tuple[str, ...] = (
    rc.MISSING_FIELD, rc.INVALID_FORMAT, rc.LOW_CONFIDENCE, rc.ACCOUNT_NOT_FOUND, rc.NAME_MISMATCH,
    rc.ADDRESS_MISMATCH, rc.PROPERTY_NOT_FOUND, rc.DATE_IN_FUTURE, rc.DATE_TOO_OLD, rc.DUPLICATE_SUBMISSION,
)
PAIRS: tuple[tuple[str, str], ...] = (
    (rc.MISSING_FIELD, rc.DATE_TOO_OLD), (rc.NAME_MISMATCH, rc.DATE_IN_FUTURE),
    (rc.ADDRESS_MISMATCH, rc.DATE_TOO_OLD), (rc.PROPERTY_NOT_FOUND, rc.DATE_IN_FUTURE),
    (rc.INVALID_FORMAT, rc.NAME_MISMATCH),
)
#: Households someone can move out of (an active account).
OCCUPIED = (*CLEAN_KINDS, Kind.SINGLE_SPD, Kind.FAMILY, Kind.SHARED)
_OUT_ONLY = {rc.ACCOUNT_NOT_FOUND, rc.NAME_MISMATCH, rc.ADDRESS_MISMATCH}
_IN_ONLY = {rc.PROPERTY_NOT_FOUND}
_NEEDS: dict[str, set[str]] = {
    rc.ACCOUNT_NOT_FOUND: {"account_ref"}, rc.NAME_MISMATCH: {"account_ref", "applicant_name"},
    rc.ADDRESS_MISMATCH: {"account_ref", "previous_address", "previous_postcode"},
    rc.PROPERTY_NOT_FOUND: {"new_address", "new_postcode"}, rc.DATE_IN_FUTURE: {"move_date"},
    rc.DATE_TOO_OLD: {"move_date"}, rc.DUPLICATE_SUBMISSION: {"account_ref", "new_address", "new_postcode"},
}
_ALWAYS = {"move_type": 1, "applicant_name": 1, "move_date": 2, "declaration_date": 3}
_MISSABLE = {"out": {**_ALWAYS, "account_ref": 2, "previous_address": 1, "previous_postcode": 2},
             "in": {**_ALWAYS, "new_address": 1, "new_postcode": 2}}
_BREAKABLE = {"out": {"account_ref": 3, "previous_postcode": 3, "move_date": 2, "declaration_date": 2},
              "in": {"new_postcode": 3, "move_date": 2, "declaration_date": 2}}
_DATES = ("move_date", "declaration_date")


def misread_postcode(pc: str, rng: random.Random) -> str | None:
    """``pc`` with a digit written as the letter it looks like, which the normaliser repairs with doubt."""
    swaps = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G"}
    spots = [i for i, ch in enumerate(pc) if ch in swaps]
    for i in rng.sample(spots, len(spots)):
        text = pc[:i] + swaps[pc[i]] + pc[i + 1:]
        try:
            got = normalise("postcode", text)
        except InvalidValue:
            continue
        if got.value == pc and got.confidence <= REPAIRED_CONFIDENCE:
            return text
    return None


def missing_number(council: Council, hh: Household, rng: random.Random) -> str:
    """A first line on ``hh``'s street that the gazetteer does not have (a house number past its end)."""
    numbers = {p.number for p in council.properties if p.street == hh.property.street and p.town == hh.property.town}
    top = max((n for n in numbers if n is not None), default=0)
    return f"{top + rng.randint(3, 60)} {hh.property.street}"


@dataclass(frozen=True)
class MoveForm:
    doc: FormDoc
    household: Household
    applicant: Person
    move_type: str
    move_date: dt.date
    faults: tuple[str, ...]
    #: The statement ticked when the form asks the move type with tick boxes ("" for none ticked).
    ticked: str | None = None

    def raw(self) -> dict[str, str]:
        raw = {e.key: e.value for e in self.doc.entries() if e.key is not None}
        if self.ticked is not None:
            raw["move_type"] = self.ticked
        return raw


class MoveBuilder:
    def __init__(self, council: Council, as_of: dt.date, rng: random.Random, picker: _Picker) -> None:
        self.council, self.as_of, self.rng, self.picker = council, as_of, rng, picker
        self.invented = _Inventor(rng)
        self.streets = sorted({p.street for p in council.properties})
        self.wrong_refs: set[str] = set()

    def build(self, faults: tuple[str, ...], layout: str, again: MoveForm | None = None) -> MoveForm:
        rng = self.rng
        if again is not None:
            direction, hh, applicant = again.move_type, again.household, again.applicant
        elif _OUT_ONLY & set(faults):
            direction = "out"
        elif _IN_ONLY & set(faults):
            direction = "in"
        else:
            direction = rng.choice(("in", "out"))
        targets = self._targets(faults, direction)
        if again is None:
            hh, applicant = self._who(faults, direction, targets)
        when = self.as_of - dt.timedelta(days=rng.randint(-14, 200))
        if again is not None:
            when = again.move_date
        if rc.DATE_IN_FUTURE in faults:
            when = self.as_of + dt.timedelta(days=rng.randint(45, 120))
        elif rc.DATE_TOO_OLD in faults:
            when = self.as_of - dt.timedelta(days=rng.randint(420, 900))
        declared = self.as_of - dt.timedelta(days=rng.randint(0, 10))
        v: dict[str, str] = {
            "move_type": rng.choice(move_wording.MOVE_TYPE_ANSWERS[direction]),
            "applicant_name": vw.write_name(applicant, rng),
            "move_date": vw.write_date(when, rng),
            "declaration_date": vw.write_date(declared, rng),
        }
        if direction == "out":
            v["account_ref"] = vw.write_ref(hh.account.account_ref, rng)
            v["previous_address"] = vw.write_address(hh.property, rng)
            v["previous_postcode"] = vw.write_postcode(hh.property.postcode, rng)
            if rng.random() < 0.75:
                fwd = rng.random() < 0.7
                v["new_address"] = self._elsewhere() if fwd else ""
                v["new_postcode"] = self._outside_postcode() if fwd and rng.random() < 0.7 else ""
        else:
            v["new_address"] = vw.write_address(hh.property, rng)
            v["new_postcode"] = vw.write_postcode(hh.property.postcode, rng)
            if rng.random() < 0.6:
                v["previous_address"] = self._elsewhere()
                v["previous_postcode"] = self._outside_postcode() if rng.random() < 0.7 else ""
        if rng.random() < 0.85:
            v["phone"] = vw.write_phone(rng) if rng.random() < 0.65 else ""
        if rng.random() < 0.8:
            v["email"] = vw.write_email(applicant, rng) if rng.random() < 0.5 else ""
        spoiled = self._spoil(v, hh, faults, targets, when, declared, direction)
        signature = applicant.full_name if v["applicant_name"] else ""
        you = ("you", ("applicant_name", "phone", "email"))
        move = ("move", ("move_type", "move_date"))
        leaving = ("leaving", ("account_ref", "previous_address", "previous_postcode"))
        new = ("new", ("new_address", "new_postcode"))
        places = [leaving, new] if direction == "out" else [new, leaving]
        parts = [you, move, *places] if rng.random() < 0.6 else [move, you, *places]
        ticks, ticked = None, None
        if layout.startswith("acroform") and rng.random() < 0.35:  # a tick box for each direction
            said = {d: rng.choice(move_wording.TICKS[d]) for d in ("in", "out")}
            ticked = said[direction] if v["move_type"] else ""
            ticks = {"move_type": [(said[d], f"tick_{d}", bool(v["move_type"]) and d == direction)
                                   for d in ("in", "out")]}
        bare = layout != "online_export" and rng.random() < 0.3  # "Postcode" twice, under telling headings
        doc = compose(v, layout, self.council.name, move_wording, parts, signature, declared, rng,
                      date_keys=_DATES, ticks=ticks, labels=move_wording.BARE_LABELS if bare else None,
                      headings=move_wording.BARE_HEADINGS if bare else None)
        return MoveForm(doc, hh, applicant, direction, when, spoiled, ticked)

    def _targets(self, faults: tuple[str, ...], direction: str) -> dict[str, str]:
        needed = set().union(*(_NEEDS.get(f, set()) for f in faults))
        out = {}
        if rc.MISSING_FIELD in faults:
            out[rc.MISSING_FIELD] = _weighted(self.rng, {f: w for f, w in _MISSABLE[direction].items()
                                                         if f not in needed})
        if rc.INVALID_FORMAT in faults:
            out[rc.INVALID_FORMAT] = _weighted(self.rng, {f: w for f, w in _BREAKABLE[direction].items()
                                                          if f not in needed})
        if rc.LOW_CONFIDENCE in faults:
            out[rc.LOW_CONFIDENCE] = "account_ref" if direction == "out" else "new_postcode"
        return out

    def _who(self, faults: tuple[str, ...], direction: str, targets: dict[str, str]) -> tuple[Household, Person]:
        if direction == "out":
            ok = None
            if targets.get(rc.LOW_CONFIDENCE) == "account_ref":
                ok = lambda h: any(c in "01" for c in h.account.account_ref)  # noqa: E731
            hh = self.picker.take(OCCUPIED, ok)
            if rc.NAME_MISMATCH in faults:
                return hh, self.invented.person_unlike(hh.liable)
            return hh, self.rng.choice(hh.liable)
        ok = None
        if targets.get(rc.LOW_CONFIDENCE) == "new_postcode":
            ok = lambda h: misread_postcode(h.property.postcode, random.Random(0)) is not None  # noqa: E731
        # An empty home when there are plenty left (single person discount forms need some), else
        # one whose occupiers are leaving.
        if len(self.picker.pools.get(Kind.VOID, [])) > 40 and self.rng.random() < 0.4:
            return self.picker.take((Kind.VOID,), ok), self.invented.person()
        return self.picker.take(OCCUPIED, ok), self.invented.person()

    def _elsewhere(self) -> str:
        rng = self.rng
        return f"{rng.randint(1, 120)} {rng.choice(words.STREET_STEMS)} {rng.choice(words.STREET_SUFFIXES)}, " \
               f"{rng.choice(words.DESTINATIONS)}"

    def _outside_postcode(self) -> str:
        rng = self.rng
        inward = "".join(rng.choices(words.INWARD_LETTERS, k=2))
        return f"{rng.choice(words.OUTSIDE_OUTWARD)} {rng.randrange(10)}{inward}"

    def _spoil(self, v: dict[str, str], hh: Household, faults: tuple[str, ...], targets: dict[str, str],
               when: dt.date, declared: dt.date, direction: str) -> tuple[str, ...]:
        rng = self.rng
        out: list[str] = []
        for fault in faults:
            if fault == rc.MISSING_FIELD:
                v[targets[fault]] = ""
                out.append(rc.with_field(fault, targets[fault]))
                continue
            if fault == rc.INVALID_FORMAT:
                v[targets[fault]] = self._broken(targets[fault], hh, when, declared)
                out.append(rc.with_field(fault, targets[fault]))
                continue
            if fault == rc.LOW_CONFIDENCE:
                if targets[fault] == "account_ref":
                    misread = vw.misread_ref(hh.account.account_ref, rng)
                    assert misread is not None
                    v["account_ref"] = misread
                else:
                    text = misread_postcode(hh.property.postcode, rng)
                    assert text is not None
                    v["new_postcode"] = text
                out.append(rc.with_field(fault, targets[fault]))
                continue
            if fault == rc.ACCOUNT_NOT_FOUND:
                v["account_ref"] = vw.write_ref(self._unknown_ref(hh.account.account_ref), rng)
            elif fault == rc.ADDRESS_MISMATCH:
                v["previous_address"] = vw.other_address(hh.property, self.streets, rng)
            elif fault == rc.PROPERTY_NOT_FOUND:
                v["new_address"] = missing_number(self.council, hh, rng)
            out.append(fault)
        return tuple(out)

    def _broken(self, field: str, hh: Household, when: dt.date, declared: dt.date) -> str:
        makers = {
            "account_ref": lambda: vw.broken_ref(hh.account.account_ref, self.rng),
            "previous_postcode": lambda: vw.broken_postcode(hh.property.postcode, self.rng),
            "new_postcode": lambda: vw.broken_postcode(hh.property.postcode, self.rng),
            "move_date": lambda: vw.broken_date(when, self.rng),
            "declaration_date": lambda: vw.broken_date(declared, self.rng),
        }
        kind = {"account_ref": "account_ref", "previous_postcode": "postcode", "new_postcode": "postcode"}.get(
            field, "date")
        for _ in range(20):
            text = makers[field]()
            try:
                normalise(kind, text)
            except InvalidValue:
                return text
        raise AssertionError(f"could not break {field}")  # pragma: no cover

    def _unknown_ref(self, ref: str) -> str:
        rng = self.rng
        while True:
            i = rng.randrange(7)
            wrong = ref[:i] + str((int(ref[i]) + rng.randint(1, 9)) % 10) + ref[i + 1:]
            if wrong not in self.council.accounts_by_ref and wrong not in self.wrong_refs:
                self.wrong_refs.add(wrong)
                return wrong
