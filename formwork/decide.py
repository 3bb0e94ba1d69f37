"""From extracted fields and check results to an outcome (forms.md, "Outcomes").

A submission is approved only when every required field is present, valid and
read with confidence at or above the threshold, and every check passed.
Anything else is an exception: when in doubt, staff decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extractors.contract import FieldValue
from extractors.spec import FieldSpec
from formwork import reasons as R
from formwork.checks import CheckOutcome
from formwork.models import Outcome


@dataclass
class Decision:
    outcome: Outcome
    reasons: list[str]
    checks: list[CheckOutcome] = field(default_factory=list)


def is_required(spec: FieldSpec, fields: dict[str, FieldValue]) -> bool:
    """Whether a field is required on this form: always, or because of another field's value
    (``required_when``: the move's account reference is required only when moving out)."""
    if spec.required:
        return True
    conditions = getattr(spec, "required_when", ())
    if not conditions:
        return False
    for name, wanted in conditions:
        fv = fields.get(name)
        if fv is None or not fv.valid or fv.value != wanted:
            return False
    return True


def field_reasons(schema: Sequence[FieldSpec], fields: dict[str, FieldValue], threshold: float) -> list[str]:
    """MISSING_FIELD, INVALID_FORMAT and LOW_CONFIDENCE codes, in that order, fields in schema order."""
    missing = [R.with_field(R.MISSING_FIELD, f.name) for f in schema if f.name not in fields and is_required(f, fields)]
    invalid, low = [], []
    for f in schema:
        fv = fields.get(f.name)
        if fv is None:
            continue
        if not fv.valid:
            invalid.append(R.with_field(R.INVALID_FORMAT, f.name))
        elif fv.confidence < threshold:
            low.append(R.with_field(R.LOW_CONFIDENCE, f.name))
    return missing + invalid + low


def decide(schema: Sequence[FieldSpec], fields: dict[str, FieldValue], checks: Iterable[CheckOutcome],
           threshold: float) -> Decision:
    checks = list(checks)
    reasons = field_reasons(schema, fields, threshold)
    for c in checks:
        reasons.extend(r for r in c.reasons if r not in reasons)
    earlier_approved = any(e.get("outcome") == "approved" for c in checks if R.DUPLICATE_SUBMISSION in c.reasons
                           for e in (c.evidence or {}).get("earlier", []))
    reasons = R.settle_duplicate(reasons, earlier_approved)
    return Decision(Outcome.exception if reasons else Outcome.approved, reasons, checks)
