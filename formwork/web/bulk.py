"""``formwork review apply``: staff decisions in bulk, through the review app's own code.

A decisions file has one JSON object a line (docs/review.md)::

    {"file": "spd_0007.pdf", "user": "alice", "decision": "approve",
     "fields": {"applicant_name": "Jane Smith"}, "note": "..."}

The whole file is checked first (:func:`validate`): a line that cannot be
applied at all (not JSON, an unknown key or decision, an unknown file or user)
stops everything before anything is applied, with one sentence naming the
line. Then each decision runs in its own transaction (:func:`apply`), through
the functions the app's routes call: ``cases.claim``, then ``cases.approve``,
``cases.reject`` or ``cases.request_information``. So the checks run again on
the corrected answers, the approved action and its letter are applied by the
pipeline's own code, and the audit log holds the same entries as a decision
made in the app. What a case's state refuses (checks that still fail without
an override, a case closed or held by someone else) is reported for that line
and the rest go on.

A case that is already approved and is approved again without corrections is
a confirmation (:func:`confirm`): nothing is applied again; the audit log
records who confirmed the values read.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from formwork import audit, learning
from formwork import normalise as norm
from formwork.db import get_engine
from formwork.models import AuditEntry, CaseReview, Outcome, Resolution, Submission, User
from formwork.settings import Settings
from formwork.web import cases

DECISIONS = ("approve", "reject", "more_info")
#: Every key a line may have. ``reason`` goes with reject, ``needed`` with more_info, ``override`` with approve.
KEYS = ("file", "sha256", "user", "decision", "form_type", "fields", "note", "override", "reason", "needed")
SHA256 = re.compile(r"[0-9a-f]{64}")


class DecisionsError(Exception):
    """A line of the decisions file that cannot be applied; the message names the file and the line."""


@dataclass(frozen=True)
class StaffDecision:
    """One line, checked: what to do to which submission, as whom."""

    line: int
    submission_id: int
    file_name: str
    user: str  # the user's name as stored
    decision: str  # approve, reject or more_info
    fields: dict[str, str] = field(default_factory=dict)  # corrections as staff would type them; "" clears
    note: str = ""
    override: bool = False
    letter_text: str = ""  # reject: what the letter tells the applicant; more_info: what it asks for
    #: Which form it is, when staff say so (one no extractor recognised): it is read again as that form.
    form_type: str | None = None


#: What a line came to. ``applied`` ones were committed (unless a dry run); the others changed nothing.
APPLIED = ("approved", "confirmed", "rejected", "more_info")
STATUSES = (*APPLIED, "refused", "skipped")


#: What a result line says for each applied status, done and (in a dry run) to be done.
DONE = {"approved": ("approved", "would be approved"), "confirmed": ("confirmed", "would be confirmed"),
        "rejected": ("rejected", "would be rejected"),
        "more_info": ("more information asked for", "would ask for more information")}


@dataclass(frozen=True)
class Result:
    line: int
    file_name: str
    status: str  # one of STATUSES
    detail: str  # the words after the file name

    @property
    def applied(self) -> bool:
        return self.status in APPLIED

    def __str__(self) -> str:
        return f"line {self.line}  {self.file_name}  {self.detail}"


# --------------------------------------------------------------------------- reading and checking the file


def validate(session: Session, text: str, source: str = "DECISIONS.jsonl") -> list[StaffDecision]:
    """Every line of ``text`` checked against the database; blank lines are skipped.

    Raises :class:`DecisionsError` naming the first line that cannot be applied
    (and how many other lines cannot), so that nothing is applied from a file
    with a mistake in it.
    """
    decided: list[StaffDecision] = []
    problems: list[tuple[int, str]] = []
    users: dict[str, User | None] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            decided.append(_line(session, number, raw, users))
        except _LineError as exc:
            problems.append((number, str(exc)))
    if problems:
        number, problem = problems[0]
        more = len(problems) - 1
        also = f" ({more} other line{'s' if more != 1 else ''} cannot be applied either)" if more else ""
        raise DecisionsError(f"{source} line {number}: {problem}{also}")
    return decided


class _LineError(Exception):
    pass


def _text(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _LineError(f'"{key}" must be a string')
    return value.strip()


def _line(session: Session, number: int, raw: str, users: dict[str, User | None]) -> StaffDecision:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _LineError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise _LineError("not a JSON object")
    unknown = [k for k in obj if k not in KEYS]
    if unknown:
        raise _LineError(f"unknown key {json.dumps(unknown[0])} (a line takes {', '.join(KEYS)})")
    decision = obj.get("decision")
    if decision is None:
        raise _LineError('no "decision" (approve, reject or more_info)')
    if decision not in DECISIONS:
        raise _LineError(f"unknown decision {json.dumps(decision)} (approve, reject or more_info)")
    for key, goes_with in (("override", "approve"), ("fields", "approve"), ("form_type", "approve"),
                           ("reason", "reject"), ("needed", "more_info")):
        if key in obj and decision != goes_with:
            raise _LineError(f'"{key}" goes with "decision": "{goes_with}", not "{decision}"')
    override = obj.get("override", False)
    if not isinstance(override, bool):
        raise _LineError('"override" must be true or false')
    note = _text(obj, "note")
    if override and not note:
        raise _LineError('"override": true needs a "note" saying why the case is approved despite its checks')
    letter_text = _text(obj, "reason") or _text(obj, "needed") or note
    if decision == "reject" and not letter_text:
        raise _LineError('a rejection needs a "reason" (or a "note"): what the letter tells the applicant')
    if decision == "more_info" and not letter_text:
        raise _LineError('asking for more information needs "needed" (or a "note"): what the letter asks for')
    fields = obj.get("fields", {})
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        raise _LineError('"fields" must be an object of field names and corrected values')

    form_type = _form_type(obj.get("form_type"))
    user = _user(session, obj.get("user"), users)
    sub = _submission(session, obj.get("file"), obj.get("sha256"))
    return StaffDecision(number, sub.id or 0, sub.file_name, user, decision,
                         _corrections(sub, fields, form_type or sub.form_type), note, override,
                         letter_text if decision != "approve" else "", form_type)


def _form_type(value: Any) -> str | None:
    if value is None or value == "":
        return None
    known = dict(cases.form_types())
    if not isinstance(value, str) or value not in known:
        raise _LineError(f'"form_type" must be one of {", ".join(known)}')
    return value


def _user(session: Session, name: Any, users: dict[str, User | None]) -> str:
    if name is None or name == "":
        raise _LineError('no "user": who made the decision')
    if not isinstance(name, str):
        raise _LineError('"user" must be a string')
    key = name.strip().lower()
    if key not in users:
        users[key] = session.exec(select(User).where(func.lower(User.name) == key)).first()
    found = users[key]
    if found is None:
        raise _LineError(f"no user called {json.dumps(name)} (formwork users list)")
    if not found.active:
        raise _LineError(f"{found.name} is deactivated and cannot make decisions")
    return found.name


def _submission(session: Session, file: Any, sha256: Any) -> Submission:
    if file is not None and not isinstance(file, str):
        raise _LineError('"file" must be a string')
    if sha256 is not None and not isinstance(sha256, str):
        raise _LineError('"sha256" must be a string')
    if sha256:
        digest = sha256.strip().lower()
        if not SHA256.fullmatch(digest):
            raise _LineError(f"{json.dumps(sha256)} is not a sha256 (64 hexadecimal digits)")
        same = list(session.exec(select(Submission).where(Submission.sha256 == digest).order_by(col(Submission.id))))
        if not same:
            raise _LineError(f"no submission has sha256 {digest}")
        if file:  # the same content may have arrived under several names: the one named
            named = [s for s in same if s.file_name == file]
            if not named:
                raise _LineError(f"the submission with that sha256 is named {json.dumps(same[0].file_name)}, "
                                 f"not {json.dumps(file)}")
            return named[0]
        if len(same) > 1:
            raise _LineError(f"{len(same)} submissions have sha256 {digest} (the same file sent under "
                             f"{len(same)} names): say which by its \"file\" as well")
        return same[0]
    if not file:
        raise _LineError('no "file" or "sha256": which submission the decision is about')
    named = list(session.exec(select(Submission).where(Submission.file_name == file).limit(2)))
    if not named:
        raise _LineError(f"no submission named {json.dumps(file)}")
    if len(named) > 1:
        count = len(session.exec(select(Submission.id).where(Submission.file_name == file)).all())
        raise _LineError(f"{count} submissions are named {json.dumps(file)}: say which by its \"sha256\" "
                         "instead (formwork export lists them)")
    return named[0]


def _corrections(sub: Submission, fields: dict[str, Any], form_type: str | None) -> dict[str, str]:
    """The corrections as staff would type them in the app: a list is joined with "; ", null clears."""
    if not fields:
        return {}
    names = [f.name for f in cases.schema_for(form_type)]
    if not names:
        raise _LineError(f"{sub.file_name} has no form type, so it has no fields to correct: "
                         'say which form it is with "form_type"')
    out: dict[str, str] = {}
    for name, value in fields.items():
        if name not in names:
            raise _LineError(f"{json.dumps(name)} is not a field of {form_type} (its fields: {', '.join(names)})")
        if value is None:
            out[name] = ""
        elif isinstance(value, str):
            out[name] = value.strip()
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            out[name] = "; ".join(v.strip() for v in value)
        else:
            raise _LineError(f"fields.{name} must be a string in forms.md's normal form (or null to clear it)")
    return out


# --------------------------------------------------------------------------- applying


def confirm(session: Session, submission_id: int, user: str, settings: Settings, note: str = "", *,
            current: list[cases.CaseField] | None = None, fix: cases.Corrected | None = None) -> AuditEntry:
    """A member of staff confirms an approved submission: the values read were right, or right once the
    optional answers the reader missed are added (``fix``, which :func:`_late_corrections_refused` allows).

    Nothing is applied again (the approved action already was); the audit log
    gets a ``staff_confirmed`` entry with who, the note and the values
    confirmed, and a ``field_corrected`` entry for each answer added. The layout
    memory learns from these, as from staff approvals.
    """
    sub = session.get(Submission, submission_id)
    if sub is None:
        raise cases.CaseError("There is no such case.")
    if sub.outcome != Outcome.approved:
        raise cases.CaseError(f"Only an approved case can be confirmed; this one is {sub.outcome or 'undecided'}.")
    if fix is not None and fix.changes:
        cases.store_corrections(session, sub, current or cases.case_fields(session, sub), fix, user)
        values = {n: f.value for n, f in fix.fields.items() if f.valid and f.value is not None}
    else:
        values = {f.name: f.row.value for f in cases.case_fields(session, sub)
                  if f.row is not None and f.row.valid and f.row.value is not None}
    changed = sorted(fix.changes) if fix is not None else []
    entry = audit.record(session, user, "staff_confirmed", submission_id=submission_id,
                         after={"outcome": Outcome.approved.value, "decided_by": sub.decided_by,
                                "as_of": settings.today().isoformat(), "values": values,
                                **({"corrected": changed} if changed else {})},
                         note=note.strip() or None)
    learning.teach(session, sub, values, user, settings, corrected=set(changed))
    return entry


def _same_meaning(kind: str, before: Any, after: Any) -> bool:
    """A correction that changes only how a value is written ("FATIMA YARDLEY" to "Fatima Yardley"): the
    checks and the action read it the same way."""
    if not isinstance(before, str) or not isinstance(after, str):
        return before == after
    return norm.match_key(kind, before) == norm.match_key(kind, after)


def _late_corrections_refused(session: Session, sub: Submission, current: list[cases.CaseField],
                              fix: cases.Corrected, settings: Settings) -> str | None:
    """Why corrections to an approved case cannot be taken, or None when they can.

    Its action was applied with the values read, so a required answer (which the checks and the action
    use) cannot change now. An optional one the reader missed or misread can, when it is valid and the
    checks still pass with it: that is what staff teach the layout memory from, for the next form.
    """
    if not fix.changes:
        return None
    required = sorted(f.name for f in current if f.name in fix.changes and f.required
                      and not _same_meaning(f.kind, *fix.changes[f.name]))
    if required:
        return f"its action was applied with the values read ({', '.join(required)} cannot change now)"
    invalid = sorted(n for n in fix.changes if n in fix.fields and not fix.fields[n].valid)
    if invalid:
        return f"the corrected {', '.join(invalid)} is not valid"
    # The checks run again on the answers as read and as corrected: the records now hold the approved
    # action (a discount applied fails DISCOUNT_ALREADY_APPLIED), so only what the corrections add counts.
    schema = cases.schema_for(sub.form_type)
    as_read = cases.corrected(current, {})
    reasons = []
    for fields in (as_read.fields, fix.fields):
        nested = session.begin_nested()
        try:
            reasons.append(set(cases.check_and_decide(session, sub, schema, fields, settings).reasons))
        finally:
            nested.rollback()
    added = sorted(reasons[1] - reasons[0])
    if added:
        return f"with those answers its checks fail ({', '.join(added)}); its action stands"
    return None


def apply(settings: Settings, decisions: Iterable[StaffDecision], *, dry_run: bool = False,
          report: Callable[[Result], None] | None = None) -> list[Result]:
    """Apply each decision in its own transaction, in order; ``report`` hears each result as it comes.

    With ``dry_run`` every transaction is rolled back: each line is tried
    against the database as it is, not as the lines before it would leave it.
    """
    results = []
    engine = get_engine(settings.database_url)
    for d in decisions:
        with Session(engine, expire_on_commit=False) as session:
            try:
                result = _apply_one(session, d, settings, dry_run)
                if result.applied and not dry_run:
                    session.commit()
                else:
                    session.rollback()
            except BaseException:
                session.rollback()
                raise
        results.append(result)
        if report is not None:
            report(result)
    return results


def _apply_one(session: Session, d: StaffDecision, settings: Settings, dry_run: bool) -> Result:
    def result(status: str, detail: str) -> Result:
        return Result(d.line, d.file_name, status, detail)

    def done(status: str, said: str = "") -> Result:
        return result(status, DONE[status][dry_run] + (f" ({said})" if said else ""))

    letter = "with a letter" if dry_run else "letter written"

    sub = session.get(Submission, d.submission_id)
    if sub is None:  # deleted since the file was checked
        return result("skipped", "skipped: the submission no longer exists")
    if sub.outcome == Outcome.approved and d.form_type and d.form_type != sub.form_type:
        return result("refused", f"refused: already approved as {cases.form_title(sub.form_type)}")
    if sub.outcome == Outcome.approved and d.decision == "approve":
        current = cases.case_fields(session, sub)
        fix = cases.corrected(current, _posted(current, d.fields))
        refused = _late_corrections_refused(session, sub, current, fix, settings)
        if refused:
            return result("refused", f"refused: already approved; {refused}")
        confirm(session, d.submission_id, d.user, settings, d.note, current=current, fix=fix)
        late = f"; corrected {', '.join(sorted(fix.changes))}" if fix.changes else ""
        return done("confirmed", f"approved by {sub.decided_by}{late}")
    if sub.outcome != Outcome.exception:
        if sub.outcome == Outcome.approved:
            undo = "rejected" if d.decision == "reject" else "parked for more information"
            why = f"already approved (by {sub.decided_by}): it cannot be {undo} now"
        elif sub.outcome == Outcome.quarantined:
            why = "quarantined (the file could not be read): not in the queue"
        else:
            why = "not decided yet: it is not in the queue"
        return result("skipped", f"skipped: {why}")
    asked = _asked_already(session, d)
    if asked:
        return result("skipped", f"skipped: more information was already asked for in these words ({asked})")
    # End the reads above: the claim is the decision's first statement, as cases.claim needs (it takes the
    # write lock before reading). What was read may have changed since; claim and approve check again.
    session.rollback()
    try:
        cases.claim(session, d.submission_id, d.user, settings)
    except cases.CaseError as exc:
        session.rollback()
        return result("skipped", f"skipped: {_sentence(exc)}")
    try:
        if d.decision == "reject":
            cases.reject(session, d.submission_id, d.user, settings, reason=d.letter_text, note=d.note)
            return done("rejected", letter)
        if d.decision == "more_info":
            cases.request_information(session, d.submission_id, d.user, settings, needed=d.letter_text,
                                      note=d.note)
            return done("more_info", letter)
        read_as = bool(d.form_type and d.form_type != sub.form_type)
        if d.form_type and read_as:
            cases.read_as(session, d.submission_id, d.form_type, d.user, settings)
        current = cases.case_fields(session, sub)
        approval = cases.approve(session, d.submission_id, _posted(current, d.fields), d.user, settings,
                                 override=d.override, note=d.note)
    except cases.CaseError as exc:
        session.rollback()
        return result("refused", f"refused: {_sentence(exc)}")
    corrected = sorted(approval.check.fix.changes)
    if approval.approved:
        said = [f"read as {cases.form_title(d.form_type)}"] if read_as else []
        said += [f"corrected {', '.join(corrected)}"] if corrected else []
        if approval.check.decision.reasons:
            said.append(f"overridden {', '.join(approval.check.decision.reasons)}")
        return done("approved", "; ".join(said))
    after = f" after correcting {', '.join(corrected)}" if corrected else ""
    if approval.check.blocking:
        return result("refused", f"refused: answers still missing or invalid{after} "
                                 f"({', '.join(approval.check.blocking)}); correct them in \"fields\" "
                                 "(they cannot be overridden)")
    if approval.check.decision.reasons:
        return result("refused", f"refused: checks still fail{after} ({', '.join(approval.check.decision.reasons)}); "
                                 'add "override": true and a note')
    return result("refused", f"refused: {_sentence(approval.message)}")


def _asked_already(session: Session, d: StaffDecision) -> str:
    """Who asked, and when, if the case already waits on a letter asking for exactly this (a file run twice)."""
    if d.decision != "more_info":
        return ""
    review = session.get(CaseReview, d.submission_id)
    if review is None or review.resolution != Resolution.more_information:
        return ""
    last = session.exec(select(AuditEntry).where(AuditEntry.submission_id == d.submission_id,
                                                 AuditEntry.action == "staff_more_information")
                        .order_by(col(AuditEntry.id).desc())).first()
    if last is None or (last.after or {}).get("letter_text") != d.letter_text:
        return ""
    return f"by {last.actor} on {cases.aware(last.at):%Y-%m-%d}"


def _posted(current: list[cases.CaseField], corrections: dict[str, str]) -> dict[str, str]:
    """The form as the app would post it: every field as shown, with the corrections laid over."""
    posted = {f"field.{f.name}": f.shown for f in current}
    posted.update({f"field.{name}": value for name, value in corrections.items()})
    return posted


#: The first words of cases.CaseError's sentences (not a user's name) that a result line writes in lower case.
_STARTS = {"This", "The", "There", "Someone", "Start", "Only", "Write", "Correct", "Some", "No"}


def _sentence(message: object) -> str:
    """A page's sentence as a clause of a result line: no full stop, and no capital unless it is a name."""
    text = str(message).strip().rstrip(".")
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first in _STARTS else text


# --------------------------------------------------------------------------- the summary

def summary(results: list[Result], dry_run: bool = False) -> str:
    """``9 decisions: 3 approved, 1 confirmed, ..., 2 refused, 1 skipped.``"""
    counts = Counter(r.status for r in results)
    parts = [f"{counts[s]} {DONE[s][dry_run] if s in DONE else s}" for s in STATUSES if counts[s]]
    n = len(results)
    head = f"{n} decision{'s' if n != 1 else ''}" + (f": {', '.join(parts)}" if parts else "")
    return f"{head}. Dry run: nothing was applied." if dry_run else f"{head}."
