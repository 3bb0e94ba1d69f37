"""Scoring what was processed against a labelled truth file (``formwork eval``).

Field accuracy counts, for every file whose true form type is known, each
field in the truth or in the export: right when both have it with the same
normal form, wrong otherwise (a missing field and an invented one both count).
A field that no truth row of a form type has at all is one the corpus does not
label (a corpus that leaves out every letter's ``body``, say): it is not scored,
and the evaluation lists it as unlabelled, so the figure never hides it.
A list field (``dates_mentioned``) is one field, right when both list the same
values, in any order, each counted once.
A false approval is a file approved by the pipeline whose true outcome is not
``approved``: the number that must be zero.

Truth files may carry more keys (cli.md): ``duplicate_group`` with outcome
``duplicate_pair`` (one of the two approved, the other ``DUPLICATE_SUBMISSION``,
in either order), ``scoring: "no_false_approval"`` (a photo, say: the only
failure is an approval that should not be), ``split`` and ``layout``.
The clean straight-through rate is the share of truly clean forms approved.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from formwork.export import iter_export


class TruthError(ValueError):
    """The truth file cannot be read (a one-line message for the CLI)."""


@dataclass
class FormTypeScore:
    files: int = 0
    fields_right: int = 0
    fields_total: int = 0
    outcomes_right: int = 0
    field_errors: Counter[str] = field(default_factory=Counter)
    #: Fields read on forms of this type that no truth row labels: not scored.
    unlabelled: set[str] = field(default_factory=set)

    @property
    def field_accuracy(self) -> float:
        return self.fields_right / self.fields_total if self.fields_total else 1.0

    @property
    def outcome_accuracy(self) -> float:
        return self.outcomes_right / self.files if self.files else 1.0


@dataclass
class Evaluation:
    files: int = 0
    clean: int = 0
    clean_approved: int = 0
    by_type: dict[str, FormTypeScore] = field(default_factory=lambda: defaultdict(FormTypeScore))
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (truth, predicted)
    false_approvals: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    reasons_right: int = 0
    reasons_total: int = 0
    mistakes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def fields_right(self) -> int:
        return sum(s.fields_right for s in self.by_type.values())

    @property
    def fields_total(self) -> int:
        return sum(s.fields_total for s in self.by_type.values())

    @property
    def field_accuracy(self) -> float:
        return self.fields_right / self.fields_total if self.fields_total else 1.0

    @property
    def outcome_accuracy(self) -> float:
        right = sum(n for (t, p), n in self.confusion.items() if t == p)
        return right / self.files if self.files else 1.0

    @property
    def straight_through_rate(self) -> float:
        approved = sum(n for (_, p), n in self.confusion.items() if p == "approved")
        return approved / self.files if self.files else 0.0

    @property
    def clean_straight_through(self) -> float:
        """Of the forms whose true outcome is approved, the share the pipeline approved."""
        return self.clean_approved / self.clean if self.clean else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "field_accuracy": round(self.field_accuracy, 4),
            "outcome_accuracy": round(self.outcome_accuracy, 4),
            "straight_through_rate": round(self.straight_through_rate, 4),
            "clean_forms": self.clean,
            "clean_straight_through": round(self.clean_straight_through, 4),
            "false_approvals": len(self.false_approvals),
            "false_approval_files": self.false_approvals,
            "missing_files": self.missing,
            "reason_sets_right": self.reasons_right,
            "by_form_type": {
                ft: {"files": s.files, "field_accuracy": round(s.field_accuracy, 4),
                     "fields_right": s.fields_right, "fields_total": s.fields_total,
                     "outcome_accuracy": round(s.outcome_accuracy, 4),
                     "field_errors": dict(s.field_errors.most_common()),
                     **({"unlabelled": sorted(s.unlabelled)} if s.unlabelled else {})}
                for ft, s in sorted(self.by_type.items())
            },
            "confusion": [{"truth": t, "predicted": p, "count": n} for (t, p), n in sorted(self.confusion.items())],
        }


def read_truth(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise TruthError(f"truth file not found: {path}")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise TruthError(f"{path} line {n}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict) or "file" not in row or "outcome" not in row:
                raise TruthError(f"{path} line {n}: needs at least 'file' and 'outcome'")
            rows.append(row)
    return rows


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        # A list is a set of values: the order they were written in and repeats do not matter.
        return set(map(str, a or [])) == set(map(str, b or []))
    return a == b


DUPLICATE = "DUPLICATE_SUBMISSION"


def _settle_pairs(truth: list[dict[str, Any]], exported: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each ``duplicate_pair`` truth row as the outcome it should have had, given what the pipeline did.

    Of the two forms of a pair, the one the pipeline approved should be approved and the other
    should be an exception for ``DUPLICATE_SUBMISSION`` (and whatever else its truth lists). When
    neither or both were approved, the first received (by name) is the one to approve.
    """
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for t in truth:
        if t.get("outcome") == "duplicate_pair":
            groups[str(t.get("duplicate_group", t["file"]))].append(t)
    settled: dict[str, dict[str, Any]] = {}
    for rows in groups.values():
        rows = sorted(rows, key=lambda r: r["file"])
        approved = [r for r in rows if (exported.get(r["file"]) or {}).get("outcome") == "approved"]
        first = approved[0] if len(approved) == 1 else rows[0]
        for r in rows:
            reasons = [x for x in r.get("reasons") or [] if x != DUPLICATE]
            if r is first:
                settled[r["file"]] = {**r, "outcome": "approved", "reasons": reasons}
            else:
                settled[r["file"]] = {**r, "outcome": "exception", "reasons": sorted({*reasons, DUPLICATE})}
    return settled


def labelled_fields(truth: list[dict[str, Any]]) -> dict[str, set[str]]:
    """The fields each form type's truth rows label: any field some row of that type has."""
    labelled: dict[str, set[str]] = defaultdict(set)
    for t in truth:
        labelled[str(t.get("form_type"))].update(t.get("fields") or {})
    return labelled


def evaluate(truth: list[dict[str, Any]], url: str | None = None,
             labelled: dict[str, set[str]] | None = None) -> Evaluation:
    """Score the export against ``truth``; ``labelled`` is the fields the whole truth file labels
    (:func:`labelled_fields`), when ``truth`` is only part of it."""
    exported: dict[str, dict[str, Any]] = {}
    for line in iter_export(url):  # in id order: a later submission of the same name wins
        exported[line["file"]] = line
    settled = _settle_pairs(truth, exported)
    labelled = labelled_fields(truth) if labelled is None else labelled
    ev = Evaluation()
    for t in truth:
        t = settled.get(t["file"], t)
        ev.files += 1
        name = t["file"]
        got = exported.get(name)
        predicted = got["outcome"] if got and got["outcome"] else "missing"
        if got is None:
            ev.missing.append(name)
        lenient = t.get("scoring") == "no_false_approval"
        if predicted == "approved" and t["outcome"] != "approved":
            ev.false_approvals.append(name)
        elif lenient and predicted != "missing":
            predicted = t["outcome"]  # anything but a false approval is right
        ev.confusion[(t["outcome"], predicted)] += 1
        if t["outcome"] == "approved":
            ev.clean += 1
            ev.clean_approved += predicted == "approved"
        t_reasons, g_reasons = set(t.get("reasons") or []), set(got["reasons"] if got else [])
        if lenient:
            g_reasons = t_reasons
        ev.reasons_total += 1
        ev.reasons_right += t_reasons == g_reasons
        ft = t.get("form_type")
        mistake: dict[str, Any] = {}
        if ft:
            score = ev.by_type[ft]
            score.files += 1
            score.outcomes_right += predicted == t["outcome"]
            tf, gf = t.get("fields") or {}, (got or {}).get("fields") or {}
            if lenient:
                tf = gf = {}  # its fields are not scored
            for fname in sorted(set(tf) | set(gf)):
                if fname not in labelled.get(ft, set()):
                    score.unlabelled.add(fname)
                    continue
                score.fields_total += 1
                if fname in tf and fname in gf and _same(tf[fname], gf[fname]):
                    score.fields_right += 1
                else:
                    score.field_errors[fname] += 1
                    mistake.setdefault("fields", {})[fname] = {"truth": tf.get(fname), "got": gf.get(fname)}
        if predicted != t["outcome"] or t_reasons != g_reasons or mistake:
            mistake.update({"file": name, "truth_outcome": t["outcome"], "outcome": predicted,
                            "truth_reasons": sorted(t_reasons), "reasons": sorted(g_reasons)})
            ev.mistakes.append(mistake)
    return ev
