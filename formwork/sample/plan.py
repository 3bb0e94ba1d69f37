"""What goes in the inbox, file by file, before anything is drawn.

Shares are fixed counts, not coin tosses, so that even a small sample has
every layout, every fault and every kind of broken file that fits in it:
about 57.5% clean forms, 5% broken or non-form files, the rest faulty forms
spread evenly over :data:`~formwork.sample.spd.FAULTS`, about one in twelve of
them with two faults.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from formwork import reasons as rc
from formwork.sample import move, permit
from formwork.sample.layouts import LAYOUTS
from formwork.sample.other_docs import NOT_FORMS, UNREADABLE
from formwork.sample.spd import FAULTS, PAIRS

__all__ = ["Slot", "plan_inbox", "SPD", "MOVE", "PERMIT", "FORM_KINDS", "KIND_OF", "CLEAN_SHARE", "OTHER_SHARE"]

SPD = "spd"
MOVE = "move"
PERMIT = "permit"
#: Kind of inbox file -> the form type it is.
FORM_KINDS: dict[str, str] = {SPD: "council_tax_spd", MOVE: "council_tax_move", PERMIT: "parking_permit"}
KIND_OF: dict[str, str] = {v: k for k, v in FORM_KINDS.items()}
_FAULTS: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    SPD: (FAULTS, PAIRS), MOVE: (move.FAULTS, move.PAIRS), PERMIT: (permit.FAULTS, permit.PAIRS)}
_NAME_PREFIXES = {MOVE: ("move", "move", "move"), PERMIT: ("permit", "parking", "permit")}
CLEAN_SHARE = 0.575
OTHER_SHARE = 0.05
PAIR_SHARE = 0.08
#: Names files get on arrival (portal upload, scanner, email gateway), whatever is inside.
_PREFIXES = ("spd", "spd", "spd", "scan", "upload", "email")


@dataclass(frozen=True)
class Slot:
    """One inbox file: its name, what it is, and for a form its faults and layout."""

    file: str
    kind: str
    faults: tuple[str, ...] = ()
    layout: str = ""


T = TypeVar("T")


def _cycled(items: Sequence[T], n: int, rng: random.Random) -> list[T]:
    """``n`` items, each of ``items`` as often as the others (give or take one), in random order."""
    out: list[T] = []
    while len(out) < n:
        out += rng.sample(list(items), len(items))
    return out[:n]


def _split(n: int, parts: int) -> list[int]:
    return [n // parts + (1 if i < n % parts else 0) for i in range(parts)]


def plan_inbox(forms: int, rng: random.Random, kinds: Sequence[str] = (SPD,)) -> list[Slot]:
    """The slots of an inbox of ``forms`` files, in file-name order (the order they are processed).

    ``kinds`` are the form kinds (keys of :data:`FORM_KINDS`) to mix, in about equal numbers.
    """
    n_other = round(forms * OTHER_SHARE)
    n_forms = forms - n_other
    contents: list[Slot] = []
    for kind, n in zip(kinds, _split(n_forms, len(kinds)), strict=True):
        faults, pairs = _FAULTS[kind]
        clean = round(forms * CLEAN_SHARE) if len(kinds) == 1 else round(n * CLEAN_SHARE / (1 - OTHER_SHARE))
        n_faulty = n - min(n, clean)
        n_pairs = round(n_faulty * PAIR_SHARE)
        fault_sets: list[tuple[str, ...]] = list(_cycled(pairs, n_pairs, rng))
        fault_sets += [(f,) for f in _cycled(faults, n_faulty - n_pairs, rng)]
        fault_sets += [()] * (n - n_faulty)
        layouts = _cycled(list(LAYOUTS), n, rng)
        contents += [Slot("", kind, f, lay) for f, lay in zip(fault_sets, layouts, strict=True)]
    contents += [Slot("", kind, (), rng.choice(list(LAYOUTS)))
                 for kind in _cycled(UNREADABLE + NOT_FORMS, n_other, rng)]
    rng.shuffle(contents)

    width = max(4, len(str(forms)))
    if kinds == (SPD,):
        names = sorted(f"{rng.choice(_PREFIXES)}_{i:0{width}d}.pdf" for i in range(1, forms + 1))
        slots = [Slot(name, s.kind, s.faults, s.layout) for name, s in zip(names, contents, strict=True)]
    else:  # the name's prefix hints at the kind, or at how it arrived; the number sets the order
        slots = []
        for i, s in enumerate(contents, 1):
            prefixes = (*_NAME_PREFIXES.get(s.kind, ("spd", "spd", "spd")), "scan", "upload", "email")
            slots.append(Slot(f"{rng.choice(prefixes)}_{i:0{width}d}.pdf", s.kind, s.faults, s.layout))
        slots.sort(key=lambda s: s.file)
    for kind in kinds:
        _after_originals(slots, kind)
    return slots


def _after_originals(slots: list[Slot], kind: str = SPD) -> None:
    """Move each duplicate submission after a clean form of its kind it can repeat (each form repeated once)."""
    clean = dups = 0
    for i, slot in enumerate(slots):
        if slot.kind == kind and rc.DUPLICATE_SUBMISSION in slot.faults:
            if clean <= dups:
                j = next((k for k in range(i + 1, len(slots))
                          if slots[k].kind == kind and not slots[k].faults), None)
                if j is None:  # too small an inbox to repeat anything: leave it a clean form
                    slots[i] = Slot(slot.file, kind, (), slot.layout)
                    clean += 1
                    continue
                slots[i], slots[j] = (Slot(slot.file, kind, (), slots[j].layout),
                                      Slot(slots[j].file, kind, slot.faults, slot.layout))
                clean += 1
                continue
            dups += 1
        elif slot.kind == kind and not slot.faults:
            clean += 1
