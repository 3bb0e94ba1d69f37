"""How people write values on forms, and the slips that make a value unusable.

The ``write_*`` functions give one of the ways a value is written that
forms.md accepts (so it normalises back to the same normal form). The
``broken_*`` ones give a value that :mod:`formwork.normalise` must reject
(``INVALID_FORMAT``) and ``misread_ref`` one it repairs with lowered confidence
(``LOW_CONFIDENCE``). Callers check the result with the normaliser itself, so
these never need to be right by construction alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random

from formwork.sample import words
from formwork.sample.council import Person, Property

__all__ = [
    "DATE_STYLES", "write_date", "write_postcode", "write_ref", "write_name", "write_address",
    "write_phone", "write_email", "forwarding_address", "broken_date", "broken_postcode",
    "broken_ref", "misread_ref", "other_address",
]

#: Every date style forms.md lists.
DATE_STYLES = ("dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "dd.mm.yyyy", "d month yyyy",
               "dth month yyyy", "month d, yyyy", "yyyy-mm-dd")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def write_date(d: dt.date, rng: random.Random, style: str | None = None) -> str:
    style = style or rng.choice(DATE_STYLES)
    month = calendar.month_name[d.month]
    return {
        "dd/mm/yyyy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "d/m/yyyy": f"{d.day}/{d.month}/{d.year}",
        "dd-mm-yyyy": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "dd.mm.yyyy": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "d month yyyy": f"{d.day} {month} {d.year}",
        "dth month yyyy": f"{_ordinal(d.day)} {month} {d.year}",
        "month d, yyyy": f"{month} {d.day}, {d.year}",
        "yyyy-mm-dd": d.isoformat(),
    }[style]


def write_postcode(pc: str, rng: random.Random) -> str:
    s = pc if rng.random() < 0.8 else pc.replace(" ", "")
    r = rng.random()
    return s.lower() if r < 0.12 else s.title() if r < 0.16 else s


def write_ref(ref: str, rng: random.Random) -> str:
    return rng.choice((ref, ref, ref, f"{ref[:4]} {ref[4:]}", f"{ref[:4]}-{ref[4:]}", f"CT{ref}",
                       f"CT {ref[:4]} {ref[4:]}"))


def write_name(p: Person, rng: random.Random) -> str:
    name = f"{p.title(rng)} {p.full_name}" if rng.random() < 0.4 else p.full_name
    return name.upper() if rng.random() < 0.05 else name


def write_address(prop: Property, rng: random.Random) -> str:
    """The property's first line as an applicant writes it (abbreviated suffix, odd case)."""
    line = prop.address_line_1
    suffix = prop.street.rsplit(" ", 1)[-1]
    if suffix in words.STREET_ABBREVIATIONS and rng.random() < 0.25:
        line = line[: -len(suffix)] + words.STREET_ABBREVIATIONS[suffix]
    if prop.number is None and rng.random() < 0.4:
        line = line.replace(",", "")
    r = rng.random()
    return line.upper() if r < 0.08 else line.lower() if r < 0.12 else line


def write_phone(rng: random.Random) -> str:
    # Ofcom's numbers reserved for drama: they can never reach a real person.
    n = rng.randrange(1000)
    return rng.choice((f"01632 960{n:03d}", f"01632 960 {n:03d}", f"07700 900{n:03d}",
                       f"07700 900 {n:03d}", f"+44 7700 900{n:03d}"))


def write_email(p: Person, rng: random.Random) -> str:
    first, last = p.first.lower(), p.surname.lower().replace("'", "")
    local = rng.choice((f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{rng.randrange(10, 99)}",
                        f"{last}.{first}"))
    return f"{local}@{rng.choice(('example.com', 'example.org', 'example.net', 'mail.example.com'))}"


def forwarding_address(rng: random.Random) -> str:
    street = f"{rng.choice(words.STREET_STEMS)} {rng.choice(words.STREET_SUFFIXES)}"
    place = rng.choice(words.DESTINATIONS)
    if rng.random() < 0.4:
        pc = (f"{rng.choice(words.OUTSIDE_OUTWARD)} {rng.randrange(10)}"
              f"{''.join(rng.choices(words.INWARD_LETTERS, k=2))}")
        return f"{rng.randint(1, 120)} {street}, {place}, {pc}"
    if rng.random() < 0.1:
        return rng.choice(("Not known", "Unknown - moved abroad"))
    return f"{rng.randint(1, 120)} {street}, {place}"


def other_address(prop: Property, all_streets: list[str], rng: random.Random) -> str:
    """A first line that is clearly not ``prop``'s: another house number or another street."""
    if prop.number is not None and rng.random() < 0.6:
        step = rng.randint(2, 30)
        n = prop.number - step if prop.number > step and rng.random() < 0.5 else prop.number + step
        return f"{n} {prop.street}"
    street = rng.choice([s for s in all_streets if s != prop.street] or ["Somewhere Road"])
    return f"{prop.number or rng.randint(1, 40)} {street}"


def broken_date(near: dt.date, rng: random.Random) -> str:
    """A date that cannot exist, written as a person might: 31/02, 31 April, 29/02 in a common year."""
    year = near.year
    day, month = rng.choice(((31, 2), (30, 2), (31, 4), (31, 6), (31, 9), (31, 11), (32, 1), (0, 5)))
    if rng.random() < 0.3 and not calendar.isleap(year):
        day, month = 29, 2
    if rng.random() < 0.5 and day > 0:
        return f"{day} {calendar.month_name[month]} {year}"
    return f"{day:02d}/{month:02d}/{year}"


def broken_postcode(pc: str, rng: random.Random) -> str:
    """A postcode missing a character of its inward part (``FW1 3Q``) or its district digit."""
    outward, inward = pc.split(" ")
    return rng.choice((f"{outward} {inward[:2]}", f"{outward} {inward[1:]}", f"{outward[:2]} {inward}"))


def broken_ref(ref: str, rng: random.Random) -> str:
    """A reference with a digit dropped or doubled (7 or 9 digits)."""
    i = rng.randrange(8)
    return ref[:i] + ref[i + 1:] if rng.random() < 0.6 else ref[:i] + ref[i] + ref[i:]


def misread_ref(ref: str, rng: random.Random) -> str | None:
    """``ref`` with one or two of its zeros and ones typed as O, I or l; None if it has neither."""
    spots = [i for i, ch in enumerate(ref) if ch in "01"]
    if not spots:
        return None
    chars = list(ref)
    for i in rng.sample(spots, min(len(spots), rng.choice((1, 1, 2)))):
        chars[i] = "O" if chars[i] == "0" else rng.choice("Il")
    return "".join(chars)
