"""``formwork sample``: a fictional council and a labelled inbox of forms.

:func:`generate` writes, under ``out_dir``:

- ``records.xlsx``: the council's records (records.md);
- ``inbox/*.pdf``: the forms and the odd broken or unrelated file;
- ``truth.jsonl``: per file, the export line the pipeline should produce
  (forms.md: ``file``, ``form_type``, ``fields``, ``outcome``, ``reasons``),
  in file-name order;
- ``sample.json``: the inputs; counts per layout, fault, outcome and reason;
  and what each file is (kind, layout, faults).

Everything is a function of (seed, forms, as_of, properties): the same inputs
give byte-identical files. Every random choice comes from a
``random.Random`` seeded from ``seed`` and a label for its purpose, so adding
choices to one part (say, the council) does not reshuffle another.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from formwork import reasons as rc
from formwork.sample import letters as letter_docs
from formwork.sample import other_docs
from formwork.sample.council import CLEAN_KINDS, add_parking_zones, make_council
from formwork.sample.layouts import render
from formwork.sample.move import MoveBuilder, MoveForm
from formwork.sample.oracle import QUARANTINED, UNKNOWN, SpdOracle, Truth
from formwork.sample.oracles import MoveOracle, PermitOracle
from formwork.sample.permit import PermitBuilder, PermitForm
from formwork.sample.plan import FORM_KINDS, KIND_OF, MOVE, PERMIT, SPD, Slot, plan_inbox
from formwork.sample.spd import SpdBuilder, SpdForm
from formwork.sample.workbook import write_workbook

__all__ = ["generate", "SampleResult", "PROPERTIES_PER_FORM", "MIN_PROPERTIES", "FORM_TYPES"]

#: Every form type the sample can hold, in the order ``--types`` lists them by default.
FORM_TYPES: tuple[str, ...] = tuple(FORM_KINDS.values())
AnyForm = SpdForm | MoveForm | PermitForm

#: The council grows to at least this many properties per form, so every form has its own household.
PROPERTIES_PER_FORM = 3
#: ...and to at least this many, so that even the rarer households (empty homes) exist.
MIN_PROPERTIES = 200

#: Kinds of file drawn in one of the layouts.
_RENDERED = {SPD, MOVE, PERMIT, "truncated", "encrypted"}

#: Reasons after which a form's applicant may not send the same form again as a plain duplicate.
_NOT_REPEATABLE = {rc.ACCOUNT_NOT_FOUND, rc.ACCOUNT_CLOSED, rc.NAME_MISMATCH, rc.OTHER_ADULTS_REGISTERED,
                   rc.DISCOUNT_ALREADY_APPLIED, rc.DUPLICATE_SUBMISSION}


@dataclass(frozen=True)
class SampleResult:
    """Where :func:`generate` wrote the sample, and what is in it."""

    out_dir: Path
    records_path: Path
    inbox_dir: Path
    truth_path: Path
    #: The ``counts`` of sample.json: per layout, fault, other file kind, outcome and reason.
    counts: dict[str, Any] = field(default_factory=dict)


def _rng(seed: int, purpose: str) -> random.Random:
    return random.Random(f"formwork-sample:{seed}:{purpose}")


def generate(out_dir: Path, forms: int, seed: int = 1, as_of: dt.date | None = None,
             properties: int = 2000, progress: Callable[[int, int], None] | None = None,
             types: Sequence[str] | None = None, letters: int = 0) -> SampleResult:
    """Write a sample council and ``forms`` inbox files under ``out_dir``.

    ``types`` are the form types to mix in about equal numbers (default
    :data:`FORM_TYPES`, all of them); an unknown one is a ValueError.

    ``as_of`` (default today) is the date the truth assumes the pipeline runs
    on; form dates keep clear of every limit by weeks, so a run a day or two
    later gives the same outcomes. ``properties`` is the council's size; it
    is raised to :data:`PROPERTIES_PER_FORM` per form, and to
    :data:`MIN_PROPERTIES`, when smaller; more than
    :data:`~formwork.sample.council.MAX_PROPERTIES` is a ValueError. PDFs
    already in ``out_dir/inbox`` are removed first, so that the inbox
    matches the truth.
    ``progress(done, total)`` is called after each file. ``letters`` adds
    that many letters and emails (``letter_*.pdf``, form type
    ``correspondence``; see :mod:`formwork.sample.letters`) to the inbox, on
    top of the ``forms``; they leave every other file unchanged.
    """
    if forms < 0:
        raise ValueError("forms must be 0 or more")
    types = tuple(types) if types else FORM_TYPES
    unknown = [t for t in types if t not in KIND_OF]
    if unknown or len(set(types)) != len(types):
        raise ValueError(f"form types must be distinct, from {', '.join(FORM_TYPES)}; not {', '.join(unknown)}")
    kinds = tuple(KIND_OF[t] for t in types)
    out_dir = Path(out_dir)
    as_of = as_of or dt.date.today()
    size = max(properties, PROPERTIES_PER_FORM * forms, MIN_PROPERTIES)
    out_dir.mkdir(parents=True, exist_ok=True)
    inbox = out_dir / "inbox"
    inbox.mkdir(exist_ok=True)
    for old in inbox.glob("*.pdf"):
        old.unlink()

    council = make_council(_rng(seed, "council"), as_of, size)
    if PERMIT in kinds:
        add_parking_zones(council, _rng(seed, "zones"), as_of)
    records_path = out_dir / "records.xlsx"
    write_workbook(council, records_path, _rng(seed, "workbook"), as_of)

    slots = plan_inbox(forms, _rng(seed, "plan"), kinds)
    builder = SpdBuilder(council, as_of, _rng(seed, "forms"))
    movers = MoveBuilder(council, as_of, _rng(seed, "move-forms"), builder.picker)
    permits = PermitBuilder(council, as_of, _rng(seed, "permit-forms"), builder.picker)
    oracle = SpdOracle(council, as_of)
    move_oracle, permit_oracle = MoveOracle(council, as_of), PermitOracle(council, as_of)
    content_rng = _rng(seed, "other-documents")
    truths: list[dict[str, object]] = []
    done: list[tuple[AnyForm, Truth]] = []
    kinds_seen: Counter[str] = Counter()
    built: list[AnyForm | None] = []
    for n, slot in enumerate(slots, 1):
        render_rng = _rng(seed, f"render:{slot.file}")
        if slot.kind in FORM_KINDS:
            again = _original(done, slot.kind, content_rng) if rc.DUPLICATE_SUBMISSION in slot.faults else None
            form: AnyForm
            if slot.kind == SPD:
                assert again is None or isinstance(again, SpdForm)
                form = builder.build(slot.faults, slot.layout, again)
                truth = oracle.judge(form.raw(), form.move_out)
            elif slot.kind == MOVE:
                assert again is None or isinstance(again, MoveForm)
                form = movers.build(slot.faults, slot.layout, again)
                truth = move_oracle.judge(form.raw())
            else:
                assert again is None or isinstance(again, PermitForm)
                form = permits.build(slot.faults, slot.layout, again)
                truth = permit_oracle.judge(form.raw())
            _check(slot.kind, form, truth)
            done.append((form, truth))
            built.append(form)
            data = render(slot.layout, form.doc, render_rng)
        else:
            data, truth = _other(slot, kinds_seen[slot.kind], builder, council.name, as_of, content_rng, render_rng)
            kinds_seen[slot.kind] += 1
            built.append(None)
        (inbox / slot.file).write_bytes(data)
        truths.append(truth.as_json(slot.file))
        if progress:
            progress(n, len(slots))

    letter_files: dict[str, dict[str, Any]] = {}
    for name, pdf, truth, info in letter_docs.add_letters(council, as_of, letters, seed, _rng):
        (inbox / name).write_bytes(pdf)
        truths.append(truth.as_json(name))
        letter_files[name] = info
    truths.sort(key=lambda t: str(t["file"]))

    truth_path = out_dir / "truth.jsonl"
    truth_path.write_text("".join(json.dumps(t) + "\n" for t in truths), encoding="utf-8")
    counts = _counts(slots, truths, done)
    if letter_files:
        counts["letters"] = letter_docs.letter_counts(letter_files)
    manifest = {
        "seed": seed, "as_of": as_of.isoformat(), "forms": forms, "types": list(types), "council": council.name,
        "records": {"properties": len(council.properties), "accounts": len(council.accounts),
                    "electors": len(council.electors), "permits": len(council.permits)},
        "counts": counts,
        # What each file is, for breaking scores down by layout or fault; the truth file stays the contract.
        "files": {s.file: {"kind": s.kind, "layout": s.layout if s.kind in _RENDERED else None,
                           "faults": list(f.faults) if f else []}
                  for s, f in zip(slots, built, strict=True)} | letter_files,
    }
    (out_dir / "sample.json").write_text(_manifest_json(manifest), encoding="utf-8")
    return SampleResult(out_dir, records_path, inbox, truth_path, counts)


def _usable_ref(t: Truth) -> bool:
    """The form gave an account reference the checks could use (an invalid one is kept as written)."""
    return "account_ref" in t.fields and rc.with_field(rc.INVALID_FORMAT, "account_ref") not in t.reasons


def _original(done: list[tuple[AnyForm, Truth]], kind: str, rng: random.Random) -> AnyForm:
    """An earlier form of ``kind`` the same applicant can send again, not already repeated."""
    form_type = FORM_KINDS[kind]
    repeated = {id(f.household) for f, t in done
                if t.form_type == form_type and rc.DUPLICATE_SUBMISSION in f.faults}
    if kind == SPD:
        candidates = [f for f, t in done
                      if t.form_type == form_type and f.household.kind in CLEAN_KINDS and _usable_ref(t)
                      and not _NOT_REPEATABLE & set(t.reasons) and id(f.household) not in repeated]
    else:  # a clean form of the kind, sent twice
        candidates = [f for f, t in done
                      if t.form_type == form_type and not f.faults and id(f.household) not in repeated]
    # plan_inbox puts a clean form before every duplicate, so there is always one.
    return rng.choice(candidates)


def _check(kind: str, form: AnyForm, truth: Truth) -> None:
    """Fail loudly if a form's truth is not what its faults were meant to cause (a generator bug)."""
    expected = set(form.faults)
    got = set(truth.reasons)
    # A copy of a form that was approved gets DUPLICATE_SUBMISSION alone: what that approval did (the discount
    # on, the account closed, the permit issued) is the approval seen again (reasons.APPROVAL_ECHOES).
    if got != expected:
        raise AssertionError(f"{FORM_KINDS[kind]} built with {sorted(expected)} but the truth says {truth.reasons}")


def _other(slot: Slot, nth: int, builder: SpdBuilder, council: str, as_of: dt.date, rng: random.Random,
           render_rng: random.Random) -> tuple[bytes, Truth]:
    """A file that is no SPD form; ``nth`` counts the earlier files of its kind."""
    if slot.kind == "empty":
        return other_docs.empty(nth), QUARANTINED
    if slot.kind == "text":
        return other_docs.text_as_pdf(rng), QUARANTINED
    if slot.kind in ("truncated", "encrypted"):
        # A real form, so only the damage makes it unreadable.
        form = builder.build((), slot.layout)
        password = "".join(rng.choices("abcdefghjkmnpqrstuvwxyz23456789", k=10)) if slot.kind == "encrypted" else None
        pdf = render(slot.layout, form.doc, render_rng, password)
        return (other_docs.truncated(pdf) if slot.kind == "truncated" else pdf), QUARANTINED
    if slot.kind == "scan":
        return other_docs.scan(rng), UNKNOWN
    if slot.kind == "agenda":
        return other_docs.agenda(rng, council, as_of), UNKNOWN
    if slot.kind == "invoice":
        return other_docs.invoice(rng, council, as_of), UNKNOWN
    return other_docs.product_sheet(rng), UNKNOWN


def _counts(slots: list[Slot], truths: list[dict[str, Any]], done: list[tuple[AnyForm, Truth]]) -> dict[str, Any]:
    spd = [s for s in slots if s.kind in FORM_KINDS]
    faults = Counter(f.split(":")[0] for form, _ in done for f in form.faults)
    by_type: dict[str, Any] = {}
    for kind, form_type in FORM_KINDS.items():
        mine = [s for s in spd if s.kind == kind]
        if mine:
            by_type[form_type] = {
                "forms": len(mine),
                "layouts": dict(sorted(Counter(s.layout for s in mine).items())),
                "faults": dict(sorted(Counter(f.split(":")[0] for form, t in done if t.form_type == form_type
                                              for f in form.faults).items())),
                "reasons": dict(sorted(Counter(r.split(":")[0] for t in truths if t["form_type"] == form_type
                                               for r in t["reasons"]).items())),
            }
    return {
        "layouts": dict(sorted(Counter(s.layout for s in spd).items())),
        "clean": sum(1 for s in spd if not s.faults),
        "faults": dict(sorted(faults.items())),
        "double_faults": sum(1 for s in spd if len(s.faults) > 1),
        "form_types": by_type,
        "other_files": dict(sorted(Counter(s.kind for s in slots if s.kind not in FORM_KINDS).items())),
        "outcomes": dict(sorted(Counter(str(t["outcome"]) for t in truths).items())),
        "reasons": dict(sorted(Counter(r for t in truths for r in t["reasons"]).items())),
    }


def _manifest_json(manifest: dict[str, Any]) -> str:
    """Indented JSON, but one line per file, so a 500-file manifest stays readable."""
    files = manifest["files"]
    head = json.dumps({k: v for k, v in manifest.items() if k != "files"}, indent=2)
    lines = [f"    {json.dumps(name)}: {json.dumps(info)}" for name, info in files.items()]
    return head[:-2] + ',\n  "files": {\n' + ",\n".join(lines) + "\n  }\n}\n"
