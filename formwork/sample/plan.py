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
from formwork.sample.layouts import LAYOUTS
from formwork.sample.other_docs import NOT_FORMS, UNREADABLE
from formwork.sample.spd import FAULTS, PAIRS

__all__ = ["Slot", "plan_inbox", "SPD", "CLEAN_SHARE", "OTHER_SHARE"]

SPD = "spd"
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


def plan_inbox(forms: int, rng: random.Random) -> list[Slot]:
    """The slots of an inbox of ``forms`` files, in file-name order (the order they are processed)."""
    n_other = round(forms * OTHER_SHARE)
    n_spd = forms - n_other
    n_faulty = n_spd - min(n_spd, round(forms * CLEAN_SHARE))
    n_pairs = round(n_faulty * PAIR_SHARE)
    fault_sets: list[tuple[str, ...]] = list(_cycled(PAIRS, n_pairs, rng))
    fault_sets += [(f,) for f in _cycled(FAULTS, n_faulty - n_pairs, rng)]
    fault_sets += [()] * (n_spd - n_faulty)
    layouts = _cycled(list(LAYOUTS), n_spd, rng)
    contents = [Slot("", SPD, f, lay) for f, lay in zip(fault_sets, layouts, strict=True)]
    contents += [Slot("", kind, (), rng.choice(list(LAYOUTS)))
                 for kind in _cycled(UNREADABLE + NOT_FORMS, n_other, rng)]
    rng.shuffle(contents)

    width = max(4, len(str(forms)))
    names = sorted(f"{rng.choice(_PREFIXES)}_{i:0{width}d}.pdf" for i in range(1, forms + 1))
    slots = [Slot(name, s.kind, s.faults, s.layout) for name, s in zip(names, contents, strict=True)]
    _after_originals(slots)
    return slots


def _after_originals(slots: list[Slot]) -> None:
    """Move each duplicate submission after a clean form it can repeat (each form repeated once)."""
    clean = dups = 0
    for i, slot in enumerate(slots):
        if slot.kind == SPD and rc.DUPLICATE_SUBMISSION in slot.faults:
            if clean <= dups:
                j = next((k for k in range(i + 1, len(slots))
                          if slots[k].kind == SPD and not slots[k].faults), None)
                if j is None:  # too small an inbox to repeat anything: leave it a clean form
                    slots[i] = Slot(slot.file, SPD, (), slot.layout)
                    clean += 1
                    continue
                slots[i], slots[j] = (Slot(slot.file, SPD, (), slots[j].layout),
                                      Slot(slots[j].file, SPD, slot.faults, slot.layout))
                clean += 1
                continue
            dups += 1
        elif slot.kind == SPD and not slot.faults:
            clean += 1
