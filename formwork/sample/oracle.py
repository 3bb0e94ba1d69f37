"""The expected outcome of a single person discount form: the sample's answer key.

This is forms.md's contract for ``council_tax_spd`` written as the simplest
code that could be right, run against the sample council's records in inbox
order (file-name order). It is not the pipeline: the pipeline is scored
against what this says. Choices forms.md leaves open are settled here and
listed in the docstring of :meth:`SpdOracle.judge`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from formwork import reasons as rc
from formwork.normalise import InvalidValue, address_key, name_key, normalise
from formwork.sample.council import Council

__all__ = ["FORM_TYPE", "FIELDS", "REQUIRED", "Truth", "SpdOracle"]

FORM_TYPE = "council_tax_spd"

#: The form type's fields (forms.md order) and the kind each normalises as.
FIELDS: dict[str, str] = {
    "account_ref": "account_ref", "applicant_name": "name", "address": "address", "postcode": "postcode",
    "sole_adult_since": "date", "other_adult_name": "name", "other_adult_forwarding_address": "text",
    "change_description": "text", "phone": "phone", "email": "email", "declaration_date": "date",
}
REQUIRED = ("account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date")


def with_invalid(fields: Mapping[str, str], raw: Mapping[str, str], invalid: list[str],
                 order: Mapping[str, str]) -> dict[str, str]:
    """The truth's fields: the normal forms, and each invalid answer as written (whitespace collapsed),
    as the export gives it; in the form type's field order."""
    written = {name: " ".join(raw[name].split()) for name in invalid}
    return {name: fields.get(name, written.get(name, "")) for name in order if name in fields or name in written}


@dataclass(frozen=True)
class Truth:
    """One line of truth.jsonl (without the file name)."""

    form_type: str | None
    fields: dict[str, str]
    outcome: str
    reasons: list[str]

    def as_json(self, file: str) -> dict[str, object]:
        return {"file": file, "form_type": self.form_type, "fields": self.fields,
                "outcome": self.outcome, "reasons": self.reasons}


QUARANTINED = Truth(None, {}, "quarantined", [rc.UNREADABLE_FILE])
UNKNOWN = Truth(None, {}, "exception", [rc.UNKNOWN_FORM_TYPE])


@dataclass
class SpdOracle:
    council: Council
    as_of: dt.date
    backdating_limit_days: int = 365
    confidence_threshold: float = 0.8
    #: Accounts an earlier form in this inbox was approved for (the discount is now applied).
    applied: set[str] = field(default_factory=set)
    #: Accounts an earlier form in this inbox was submitted for.
    seen: set[str] = field(default_factory=set)

    def judge(self, raw: Mapping[str, str], move_out: dt.date | None) -> Truth:
        """The truth for the next form in the inbox.

        ``raw`` maps field names to what the form shows (blank or absent means
        not given); ``move_out`` is the move-out date the change description
        names, if any. Settled here where forms.md is silent:

        - a check that needs a field the form lacks (missing or invalid) is
          skipped: the field's own code already sends the form to staff. So
          with no usable account reference there are no record checks and no
          duplicate check; with no applicant name, no NAME_MISMATCH and no
          OTHER_ADULTS_REGISTERED (who would be "other"?), as formwork.checks does;
        - ADDRESS_MISMATCH compares whichever of postcode and first line is given;
        - a low-confidence value is still used by the checks (as repaired);
        - the checks still run on a closed account;
        - DUPLICATE_SUBMISSION: an earlier SPD form in the inbox gave the same
          account reference, whatever its outcome; DISCOUNT_ALREADY_APPLIED also
          counts discounts granted by earlier approvals in the same inbox, except
          on a duplicate of the approved form, which gets DUPLICATE_SUBMISSION alone.
        """
        fields: dict[str, str] = {}
        missing, invalid, low = [], [], []
        for name, kind in FIELDS.items():
            text = raw.get(name, "").strip()
            if not text:
                if name in REQUIRED:
                    missing.append(name)
                continue
            try:
                value = normalise(kind, text)
            except InvalidValue:
                invalid.append(name)
                continue
            fields[name] = value.value
            if value.confidence < self.confidence_threshold:
                low.append(name)
        reasons = ([rc.with_field(rc.MISSING_FIELD, f) for f in missing]
                   + [rc.with_field(rc.INVALID_FORMAT, f) for f in invalid]
                   + [rc.with_field(rc.LOW_CONFIDENCE, f) for f in low])
        reasons += self._checks(fields, move_out)
        reasons = rc.settle_duplicate(reasons, fields.get("account_ref") in self.applied)
        outcome = "exception" if reasons else "approved"
        if outcome == "approved":
            self.applied.add(fields["account_ref"])
        return Truth(FORM_TYPE, with_invalid(fields, raw, invalid, FIELDS), outcome, reasons)

    def _checks(self, fields: dict[str, str], move_out: dt.date | None) -> list[str]:
        out: list[str] = []
        ref = fields.get("account_ref")
        account = self.council.accounts_by_ref.get(ref) if ref else None
        if ref and account is None:
            out.append(rc.ACCOUNT_NOT_FOUND)
        applicant = fields.get("applicant_name")
        if account is not None:
            if account.status == "closed":
                out.append(rc.ACCOUNT_CLOSED)
            if applicant and name_key(applicant) not in {name_key(p) for p in account.liable_parties}:
                out.append(rc.NAME_MISMATCH)
            prop = self.council.property_by_uprn[account.uprn]
            postcode, line1 = fields.get("postcode"), fields.get("address")
            if (postcode and postcode != prop.postcode) or (
                    line1 and address_key(line1) != address_key(prop.address_line_1)):
                out.append(rc.ADDRESS_MISMATCH)
            if "SPD" in account.discounts or account.account_ref in self.applied:
                out.append(rc.DISCOUNT_ALREADY_APPLIED)
            if applicant:
                known = {name_key(applicant)}
                if other := fields.get("other_adult_name"):
                    known.add(name_key(other))
                if any(name_key(e.full_name) not in known for e in self.council.electors_by_uprn.get(account.uprn, ())):
                    out.append(rc.OTHER_ADULTS_REGISTERED)
        if since_text := fields.get("sole_adult_since"):
            since = dt.date.fromisoformat(since_text)
            if since > self.as_of:
                out.append(rc.DATE_IN_FUTURE)
            if (self.as_of - since).days > self.backdating_limit_days:
                out.append(rc.DATE_TOO_OLD)
            if fields.get("change_description") and move_out and move_out != since:
                out.append(rc.INCONSISTENT_DATES)
        if ref:
            if ref in self.seen:
                out.append(rc.DUPLICATE_SUBMISSION)
            self.seen.add(ref)
        return out
