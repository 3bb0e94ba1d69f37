"""A fictional council's records: gazetteer, council tax, electoral register, permits.

:func:`make_council` builds everything records.md describes, plus what the form
builders need to pick applicants whose forms come out clean or with exactly the
fault they want: every occupied property has a :class:`Household` of a known
:class:`Kind`, which says who is liable and who is on the register there.

The records are plain dataclasses; :mod:`formwork.sample.workbook` writes them.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TypeVar

from formwork.sample import words

__all__ = [
    "Person", "Property", "Account", "Elector", "Permit", "Kind", "Household", "Council",
    "make_council", "CLEAN_KINDS", "MAX_PROPERTIES",
]


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    surname: str
    female: bool

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.surname}"

    def title(self, rng: random.Random) -> str:
        if rng.random() < 0.04:
            return "Mx"
        return rng.choice(words.TITLES_FEMALE if self.female else words.TITLES_MALE)


@dataclass(slots=True)
class Property:
    uprn: int
    address_line_1: str
    address_line_2: str
    town: str
    postcode: str
    council_tax_band: str
    ward: str
    parking_zone: str
    #: The street and house number (None for a named house) that make up line 1.
    street: str
    number: int | None


@dataclass(slots=True)
class Account:
    account_ref: str
    uprn: int
    liable_parties: list[str]
    status: str
    start_date: dt.date
    end_date: dt.date | None
    discounts: list[str]


@dataclass(frozen=True, slots=True)
class Elector:
    elector_number: str
    full_name: str
    uprn: int


@dataclass(frozen=True, slots=True)
class Permit:
    permit_ref: str
    uprn: int
    vrm: str
    zone: str
    valid_from: dt.date
    valid_to: dt.date


class Kind(StrEnum):
    """Who lives at a property, as the records show it."""

    #: Two liable, both registered. Clean SPD only if the partner is named as the one who left.
    COUPLE = "couple"
    #: Two liable, only the first registered.
    COUPLE_ONE_REGISTERED = "couple_one_registered"
    #: One liable, registered with one other adult (a lodger, a grown-up child, a partner not on the bill).
    SINGLE_WITH_ADULT = "single_with_adult"
    #: One liable and registered, no discount yet.
    SINGLE = "single"
    #: Liable parties not on the electoral register at all.
    UNREGISTERED = "unregistered"
    #: One liable and registered, already has the single person discount.
    SINGLE_SPD = "single_spd"
    #: A couple with one or two grown-up children on the register.
    FAMILY = "family"
    #: A shared house: three or four liable and registered.
    SHARED = "shared"
    #: Empty: the last account is closed and no one is registered.
    VOID = "void"


#: Households where the first liable party can make a clean SPD application.
CLEAN_KINDS = (Kind.COUPLE, Kind.COUPLE_ONE_REGISTERED, Kind.SINGLE_WITH_ADULT, Kind.SINGLE,
               Kind.UNREGISTERED)

_KIND_WEIGHTS: dict[Kind, int] = {
    Kind.SINGLE_SPD: 24, Kind.COUPLE: 28, Kind.COUPLE_ONE_REGISTERED: 6,
    Kind.SINGLE_WITH_ADULT: 7, Kind.SINGLE: 5, Kind.UNREGISTERED: 6, Kind.FAMILY: 14,
    Kind.SHARED: 6, Kind.VOID: 4,
}
_BANDS = "ABCDEFGH"
_BAND_WEIGHTS = (20, 22, 22, 15, 10, 6, 4, 1)
_ZONES = ("A", "B", "B2", "C", "D", "E", "F")
#: The fictional postcode districts hold about this many addresses before their postcodes run out.
MAX_PROPERTIES = 300_000
_STREET_PREFIXES = ("New ", "Old ", "Upper ", "Lower ", "Little ", "Great ", "North ", "South ")
T = TypeVar("T")


@dataclass(slots=True)
class Household:
    kind: Kind
    property: Property
    #: The current account; for a void property, its last (closed) account.
    account: Account
    liable: list[Person]
    registered: list[Person]


@dataclass
class Council:
    """The records and the indexes the form builders and the truth need."""

    name: str
    properties: list[Property] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    electors: list[Elector] = field(default_factory=list)
    permits: list[Permit] = field(default_factory=list)
    households: dict[Kind, list[Household]] = field(default_factory=lambda: defaultdict(list))
    accounts_by_ref: dict[str, Account] = field(default_factory=dict)
    property_by_uprn: dict[int, Property] = field(default_factory=dict)
    electors_by_uprn: dict[int, list[Elector]] = field(default_factory=lambda: defaultdict(list))
    postcodes: list[str] = field(default_factory=list)

    @cached_property
    def properties_by_postcode(self) -> dict[str, list[Property]]:
        index: dict[str, list[Property]] = defaultdict(list)
        for p in self.properties:
            index[p.postcode].append(p)
        return index

    def add_account(self, account: Account) -> None:
        self.accounts.append(account)
        self.accounts_by_ref[account.account_ref] = account


class _Maker:
    """Builds one council; holds the uniqueness sets so the helpers stay small."""

    def __init__(self, rng: random.Random, as_of: dt.date) -> None:
        self.rng = rng
        self.as_of = as_of
        self.refs: set[str] = set()
        self.postcodes: set[str] = set()
        self.vrms: set[str] = set()
        self.elector_seq: dict[str, int] = defaultdict(int)
        # Two letters per ward for its elector numbers: the initial and a running letter, so all differ.
        self.ward_codes = {w: f"{w[0]}{'ABCDEFGHJKLMNPRSTUVWXYZ'[i % 23]}" for i, w in enumerate(words.WARDS)}
        self.random = rng.random

    # pick() and between() do what rng.choice() and rng.randint() do, several times faster;
    # a council of 100,000 properties makes millions of these choices.
    def pick(self, seq: Sequence[T]) -> T:
        return seq[int(self.random() * len(seq))]

    def between(self, lo: int, hi: int) -> int:
        return lo + int(self.random() * (hi - lo + 1))

    def person(self, surname: str | None = None) -> Person:
        female = self.random() < 0.52
        first = self.pick(words.FEMALE_NAMES if female else words.MALE_NAMES)
        return Person(first, surname or self.pick(words.SURNAMES), female)

    def people(self, n: int, shared_surname: float) -> list[Person]:
        """``n`` adults with distinct first names, sharing a surname with probability ``shared_surname``."""
        out: list[Person] = []
        surname = self.pick(words.SURNAMES)
        while len(out) < n:
            p = self.person(surname if self.random() < shared_surname else None)
            if all(p.first != q.first for q in out):
                out.append(p)
        return out

    def account_ref(self) -> str:
        while True:
            ref = str(self.between(40_000_000, 49_999_999))
            if ref not in self.refs:
                self.refs.add(ref)
                return ref

    def postcode(self, outward: str) -> str:
        while True:
            pc = (f"{outward} {self.rng.randrange(10)}{self.rng.choice(words.INWARD_LETTERS)}"
                  f"{self.rng.choice(words.INWARD_LETTERS)}")
            if pc not in self.postcodes:
                self.postcodes.add(pc)
                return pc

    def vrm(self) -> str:
        letters = "ABCDEFGHJKLMNOPRSTUVWXY"
        while True:
            age = self.rng.choice(("15", "16", "17", "18", "19", "20", "21", "22", "23", "24",
                                   "65", "66", "67", "68", "69", "70", "71", "72", "73", "74"))
            v = ("".join(self.rng.choices(letters, k=2)) + age
                 + "".join(self.rng.choices(letters, k=3)))
            if v not in self.vrms:
                self.vrms.add(v)
                return v

    def elector_number(self, ward: str) -> str:
        code = self.ward_codes[ward]
        self.elector_seq[code] += 1
        return f"{code}-{self.elector_seq[code]}"

    def day_between(self, days_before_hi: int, days_before_lo: int) -> dt.date:
        """A date between ``days_before_hi`` and ``days_before_lo`` days before as_of."""
        return self.as_of - dt.timedelta(days=self.between(days_before_lo, days_before_hi))


def _streets(mk: _Maker, size: int) -> list[Property]:
    """Lay out streets until there are ``size`` properties."""
    rng = mk.rng
    outward_wards = {}
    for _, outwards in words.TOWNS:
        for o in outwards:
            outward_wards[o] = rng.sample(words.WARDS, 2)
    town_weights = [len(o) for _, o in words.TOWNS]
    used_names: set[tuple[str, str]] = set()
    props: list[Property] = []
    uprn = 10_023_000_000 + rng.randrange(1000) * 1000
    collisions = 0
    while len(props) < size:
        town, outwards = rng.choices(words.TOWNS, weights=town_weights)[0]
        street = f"{rng.choice(words.STREET_STEMS)} {rng.choice(words.STREET_SUFFIXES)}"
        if (town, street) in used_names:
            collisions += 1
            if collisions < 50:
                continue
            # A very large council runs out of plain names, as towns do: then comes "New Mill Lane".
            street = next((f"{p}{street}" for p in _STREET_PREFIXES if (town, f"{p}{street}") not in used_names), "")
            if not street:
                continue
        collisions = 0
        used_names.add((town, street))
        outward = rng.choice(outwards)
        ward = rng.choice(outward_wards[outward])
        central = outward in ("FW1", "FW2", "FW3")
        zone = rng.choice(_ZONES) if central and rng.random() < 0.45 else ""
        locality = rng.choice(words.LOCALITIES) if not central and rng.random() < 0.12 else ""
        houses = min(rng.randint(6, 90), size - len(props))
        house_names = rng.sample(words.HOUSE_NAMES, 3)
        bands = rng.choices(_BANDS, weights=_BAND_WEIGHTS, k=houses)
        pc = mk.postcode(outward)
        for n, band in enumerate(bands, 1):
            if n > 1 and rng.random() < 1 / 16:  # a postcode covers about 16 addresses
                pc = mk.postcode(outward)
            number: int | None = n
            line1 = f"{n} {street}"
            if house_names and mk.random() < 0.03:
                number = None
                line1 = f"{house_names.pop()}, {street}"
            uprn += mk.between(1, 40)
            props.append(Property(
                uprn=uprn, address_line_1=line1, address_line_2=locality, town=town,
                postcode=pc, council_tax_band=band,
                ward=ward, parking_zone=zone, street=street, number=number,
            ))
    return props


def _liable_text(p: Person, rng: random.Random) -> str:
    # Billing systems hold some names with a title; matching ignores it.
    return f"{p.title(rng)} {p.full_name}" if rng.random() < 0.1 else p.full_name


def _household(mk: _Maker, council: Council, prop: Property, kind: Kind) -> None:
    rng = mk.rng
    liable: list[Person]
    registered: list[Person]
    if kind in (Kind.SINGLE, Kind.SINGLE_SPD):
        liable = registered = mk.people(1, 1.0)
    elif kind is Kind.COUPLE:
        liable = registered = mk.people(2, 0.7)
    elif kind is Kind.COUPLE_ONE_REGISTERED:
        liable = mk.people(2, 0.7)
        registered = liable[:1]
    elif kind is Kind.SINGLE_WITH_ADULT:
        both = mk.people(2, 0.5)
        liable, registered = both[:1], both
    elif kind is Kind.UNREGISTERED:
        liable, registered = mk.people(mk.between(1, 2), 0.7), []
    elif kind is Kind.FAMILY:
        registered = mk.people(mk.between(3, 4), 0.9)
        liable = registered[:2]
    elif kind is Kind.SHARED:
        liable = registered = mk.people(mk.between(3, 4), 0.1)
    else:  # VOID: the last people have gone; only their closed account remains
        liable, registered = mk.people(mk.between(1, 2), 0.7), []

    start = mk.day_between(20 * 365, 400)
    if kind is Kind.VOID:
        end = mk.day_between(400, 30)
        start = min(start, end - dt.timedelta(days=200))
        account = Account(mk.account_ref(), prop.uprn, [_liable_text(p, rng) for p in liable],
                          "closed", start, end, [])
    else:
        if mk.random() < 0.2:  # the previous occupiers' closed account
            prev_end = start - dt.timedelta(days=1)
            prev = Account(mk.account_ref(), prop.uprn, [mk.person().full_name], "closed",
                           prev_end - dt.timedelta(days=mk.between(300, 4000)), prev_end,
                           ["SPD"] if mk.random() < 0.3 else [])
            council.add_account(prev)
        account = Account(mk.account_ref(), prop.uprn, [_liable_text(p, rng) for p in liable],
                          "active", start, None, ["SPD"] if kind is Kind.SINGLE_SPD else [])
        if kind is Kind.SHARED and mk.random() < 0.3:
            account.discounts.append("SDD")  # a student disregard: realistic, not SPD
    council.add_account(account)
    for p in registered:
        e = Elector(mk.elector_number(prop.ward), p.full_name, prop.uprn)
        council.electors.append(e)
        council.electors_by_uprn[prop.uprn].append(e)
    council.households[kind].append(Household(kind, prop, account, liable, registered))
    if prop.parking_zone and kind is not Kind.VOID:
        r = mk.random()
        for _ in range(0 if r < 0.55 else 1 if r < 0.9 else 2):
            valid_from = mk.day_between(600, 5)
            council.permits.append(Permit(
                f"PP{len(council.permits) + 1:06d}", prop.uprn, mk.vrm(), prop.parking_zone,
                valid_from, valid_from + dt.timedelta(days=364)))


def make_council(rng: random.Random, as_of: dt.date, size: int) -> Council:
    """A council of ``size`` properties, every one with a household (or void)."""
    if not 1 <= size <= MAX_PROPERTIES:
        raise ValueError(f"a sample council has 1 to {MAX_PROPERTIES:,} properties, not {size:,}")
    mk = _Maker(rng, as_of)
    council = Council(name=rng.choice(words.COUNCILS))
    council.properties = _streets(mk, size)
    kinds = rng.choices(list(_KIND_WEIGHTS), weights=list(_KIND_WEIGHTS.values()),
                        k=len(council.properties))
    for prop, kind in zip(council.properties, kinds, strict=True):
        council.property_by_uprn[prop.uprn] = prop
        _household(mk, council, prop, kind)
    council.postcodes = sorted(mk.postcodes)
    return council


def add_parking_zones(council: Council, rng: random.Random, as_of: dt.date, share: float = 0.3) -> None:
    """Put more streets in permit zones, with the permits their households hold.

    The base council zones only a few central streets; a sample with parking
    permit forms needs enough zoned households for every outcome (including
    households already at the cap), so whole streets join a zone until about
    ``share`` of the properties are zoned. Uses its own ``rng``, so samples
    without permit forms are unchanged.
    """
    by_uprn = {h.property.uprn: h for hs in council.households.values() for h in hs}
    streets: dict[tuple[str, str], list[Property]] = defaultdict(list)
    for p in council.properties:
        streets[(p.town, p.street)].append(p)
    vrms = {m.vrm for m in council.permits}
    zoned = sum(1 for p in council.properties if p.parking_zone)
    target = share * len(council.properties)
    letters = "ABCDEFGHJKLMNOPRSTUVWXY"
    for key in rng.sample(sorted(streets), len(streets)):
        if zoned >= target:
            break
        props = streets[key]
        if props[0].parking_zone:
            continue
        zone = rng.choice(_ZONES)
        for prop in props:
            prop.parking_zone = zone
            zoned += 1
            hh = by_uprn.get(prop.uprn)
            if hh is None or hh.kind is Kind.VOID:
                continue
            r = rng.random()
            for _ in range(0 if r < 0.5 else 1 if r < 0.82 else 2):
                while True:
                    vrm = ("".join(rng.choices(letters, k=2)) + rng.choice(("19", "20", "21", "22", "23", "24", "71",
                                                                              "72", "73", "74"))
                           + "".join(rng.choices(letters, k=3)))
                    if vrm not in vrms:
                        vrms.add(vrm)
                        break
                valid_from = as_of - dt.timedelta(days=rng.randint(5, 420))
                council.permits.append(Permit(f"PP{len(council.permits) + 1:06d}", prop.uprn, vrm, zone,
                                              valid_from, valid_from + dt.timedelta(days=364)))
