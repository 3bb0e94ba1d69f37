"""What staff read instead of our identifiers: fields, checks, reading methods, evidence keys, dates and times.

One table per kind of name, in this one place. Anything not in a table still
gets a readable name (underscores to spaces, sentence case, the abbreviations
in :data:`WORDS` spelt out), so a new field or check is never shown as code;
the tests check that every field of every registered form type and every
check in ``formwork.checks`` is in a table, not left to that fallback.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from formwork import reasons as R
from formwork.normalise import InvalidValue, parse_date

# --------------------------------------------------------------------------- fields

#: Every field of every form type (forms.md; the extractors' FieldSpecs and YAML specs).
FIELDS: dict[str, str] = {
    # council_tax_spd
    "account_ref": "Council Tax account number",
    "applicant_name": "Applicant's name",
    "address": "Address",
    "postcode": "Postcode",
    "sole_adult_since": "Only adult living there since",
    "other_adult_name": "Name of the adult who left",
    "other_adult_forwarding_address": "Where the adult who left now lives",
    "change_description": "What changed, in the applicant's words",
    "phone": "Phone number",
    "email": "Email address",
    "declaration_date": "Date signed",
    # council_tax_move
    "move_type": "Moving in or out",
    "previous_address": "Address moved out of",
    "previous_postcode": "Postcode moved out of",
    "new_address": "New address",
    "new_postcode": "New postcode",
    "move_date": "Date of the move",
    # parking_permit
    "vrm": "Vehicle registration",
    "vehicle_make": "Vehicle make",
    "zone": "Permit zone",
    "start_date": "Permit to start on",
    # correspondence
    "topic": "What it is about",
    "sender_name": "Sender's name",
    "dates_mentioned": "Dates mentioned",
    "body": "The letter's text",
}

#: Where one form type means something else by a field.
FIELDS_BY_FORM: dict[tuple[str, str], str] = {
    ("council_tax_spd", "address"): "Address of the property",
    ("parking_permit", "address"): "Address of the property",
    ("council_tax_move", "new_address"): "New address (for a move out, where they have gone)",
    ("correspondence", "address"): "Sender's address",
    ("correspondence", "postcode"): "Sender's postcode",
    ("correspondence", "account_ref"): "Council Tax account number quoted",
}

#: Form types whose extractor has no title of its own for people.
FORMS: dict[str, str] = {
    "correspondence": "Letter or email",
}

# --------------------------------------------------------------------------- checks

#: Every check in formwork.checks, by the name its outcome carries, saying what it makes sure of.
CHECKS: dict[str, str] = {
    "account_exists": "The Council Tax account exists",
    "account_is_active": "The Council Tax account is open",
    "applicant_is_liable": "The applicant pays the Council Tax on the account",
    "address_is_account_property": "The address is the account's property",
    "discount_not_already_applied": "The account does not already have the discount",
    "no_other_adults_registered": "No other adult is on the electoral register there",
    "sole_adult_since_not_in_future": "The “only adult since” date is not in the future",
    "sole_adult_since_within_backdating_limit": "The “only adult since” date is within the backdating limit",
    "change_description_agrees_with_sole_adult_since": "The applicant's description gives the same date",
    "not_a_duplicate": "It is not a repeat of a recent form",
    "not_a_duplicate_by_key": "It is not a repeat of a recent form",
    "moving_out_account_is_active": "The account being left is open",
    "previous_address_is_account_property": "The address moved out of is the account's property",
    "new_property_exists": "The new address is in the property gazetteer",
    "move_date_not_too_far_ahead": "The date of the move is not too far ahead",
    "move_date_within_backdating_limit": "The date of the move is within the backdating limit",
    "property_exists": "The address is in the property gazetteer",
    "property_in_permit_zone": "The property is in the permit zone applied for",
    "applicant_is_resident": "The applicant lives at the property",
    "vrm_is_valid": "The vehicle registration is a valid UK one",
    "vrm_has_no_permit": "The vehicle does not already have a permit",
    "permit_cap_not_reached": "The property has fewer permits than the limit",
    "start_date_not_too_far_ahead": "The permit's start date is not too far ahead",
    "sender_is_known": "We know who sent it",
}

# --------------------------------------------------------------------------- how an answer was read

#: Where an answer came from, to finish "Read from …".
METHODS: dict[str, str] = {
    "acroform": "a fillable box",
    "acroform_label": "a fillable box, found by its label",
    "table": "a table",
    "label": "a printed label",
    "text": "the text",
    "staff": "staff",
    "learned": "a lesson from staff",
}


def how_read(method: str | None, label: str | None = None) -> str:
    """A sentence saying where an answer came from: "Read from a printed label, “Postcode”"."""
    if not method:
        return "Not found on the form"
    if method == "staff":
        return "Entered by staff"
    if method == "learned":
        return "Read with a lesson from staff"
    where = METHODS.get(method, humanise(method).lower())
    if method == "label" and label:
        return f"Read from a printed label, “{label}”"
    return f"Read from {where}"


# --------------------------------------------------------------------------- evidence and audit keys

#: Keys in check evidence and audit entries that are not field names.
KEYS: dict[str, str] = {
    "account": "Account",
    "uprn": "Property reference (UPRN)",
    "liable_parties": "Liable to pay",
    "status": "Status",
    "start_date": "Start date",
    "end_date": "End date",
    "discounts": "Discounts",
    "written": "On the form",
    "mismatched": "Does not match",
    "property": "Property in the gazetteer",
    "address_line_1": "Address line 1",
    "address_line_2": "Address line 2",
    "town": "Town",
    "parking_zone": "Parking zone",
    "as_of": "Checked on",
    "days_before_as_of": "Days before that",
    "backdating_limit_days": "Backdating limit (days)",
    "dates_in_description": "Dates in the description",
    "tolerance_days": "Days ahead allowed",
    "zone_applied_for": "Zone applied for",
    "property_zone": "The property's zone",
    "liable_on_active_account": "Pays Council Tax on an open account there",
    "on_electoral_register": "On the electoral register there",
    "electors": "On the electoral register",
    "active_permits": "Permits in force",
    "permit_ref": "Permit number",
    "valid_from": "Valid from",
    "valid_to": "Valid to",
    "cap": "Permits allowed per property",
    "keys": "Matched on",
    "window_days": "Looked back (days)",
    "earlier": "Earlier forms",
    "submission_id": "Case",
    "file": "File",
    "received_at": "Received",
    "outcome": "Outcome",
    "account_found": "Account found",
    "elector_number": "Elector number",
    "full_name": "Name",
    "unexplained": "Not accounted for",
    "at_postcode": "Addresses at that postcode",
    "reasons": "Reasons",
    "overridden": "Approved despite",
    "corrected": "Answers corrected",
    "values": "Answers",
    "resolution": "Closed as",
    "letter_id": "Letter",
    "letter_text": "Letter says",
    "claimed_by": "Worked on by",
    "detail": "Detail",
}

#: Keys whose values are field names (shown by their labels) or reason codes (shown in words).
FIELD_LIST_KEYS = frozenset({"mismatched", "corrected"})
REASON_LIST_KEYS = frozenset({"reasons", "overridden"})

#: Audit actions, where the plain reading of the identifier is not good English.
ACTIONS: dict[str, str] = {
    "case_claimed": "Started work on the case",
    "case_released": "Put the case back in the queue",
    "staff_more_information": "Asked the applicant for more information",
    "staff_rejected": "Rejected the application",
    "staff_confirmed": "Staff confirmed the answers",
    "staff_read_as": "Said which form it is: read again as that form",
    "personal_data_removed": "Personal data removed (retention)",
}

# --------------------------------------------------------------------------- the fallback

#: Abbreviations spelt out when a name is not in a table.
WORDS: dict[str, str] = {
    "ref": "reference", "refs": "references", "vrm": "vehicle registration", "uprn": "UPRN",
    "spd": "single person discount", "dob": "date of birth", "tel": "telephone", "no": "number",
    "addr": "address", "id": "ID", "ni": "National Insurance", "nino": "National Insurance number",
    "ct": "Council Tax", "qty": "quantity", "amt": "amount", "num": "number", "org": "organisation",
    "pdf": "PDF", "url": "web address", "acroform": "fillable box",
}


def humanise(name: str) -> str:
    """``account_ref`` → "Account reference": underscores to spaces, abbreviations spelt out, sentence case."""
    words = [WORDS.get(w.lower(), w.lower()) for w in re.split(r"[_\s]+", str(name).strip()) if w]
    if not words:
        return ""
    text = " ".join(words)
    return text[0].upper() + text[1:]


def field_label(name: str, form_type: str | None = None) -> str:
    if form_type and (form_type, name) in FIELDS_BY_FORM:
        return FIELDS_BY_FORM[(form_type, name)]
    return FIELDS.get(name) or humanise(name)


def check_label(name: str) -> str:
    return CHECKS.get(name) or humanise(name)


def key_label(key: str, form_type: str | None = None) -> str:
    """An evidence or audit key: a field's label when it is a field's name."""
    if key in KEYS:
        return KEYS[key]
    return field_label(key, form_type)


def action_label(action: str) -> str:
    return ACTIONS.get(action) or humanise(action)


def describe(reason: str, form_type: str | None = None) -> str:
    """A reason code in words, naming its field by its label: "… with confidence: Postcode"."""
    code, field = R.split(reason)
    text = R.TEXTS.get(code, humanise(code))
    return f"{text}: {field_label(field, form_type)}" if field else text


# --------------------------------------------------------------------------- dates and times

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _zone() -> dt.tzinfo:
    try:
        return ZoneInfo("Europe/London")
    except ZoneInfoNotFoundError:  # no time zone data on this machine: UTC, and say so
        return dt.UTC


LONDON = _zone()


def date_text(value: dt.date) -> str:
    """1 March 2026."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def when(value: dt.datetime | dt.date | str | None) -> str:
    """"6 December 2026, 14:05" in London time (stored times are UTC), or "1 March 2026" for a date."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        parsed = parse_iso(value)
        if parsed is None:
            return value
        value = parsed
    if isinstance(value, dt.datetime):
        local = (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).astimezone(LONDON)
        suffix = "" if LONDON is not dt.UTC else " UTC"
        return f"{date_text(local)}, {local:%H:%M}{suffix}"
    return date_text(value)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def parse_iso(text: str) -> dt.datetime | dt.date | None:
    """A date or date-time written the ISO way (as evidence and audit entries store them), else None."""
    s = text.strip()
    try:
        if _ISO_DATE.fullmatch(s):
            return dt.date.fromisoformat(s)
        if _ISO_DATETIME.fullmatch(s):
            return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None
    return None


def value_text(value: Any, key: str | None = None, form_type: str | None = None) -> str:
    """A scalar or a list of scalars from evidence or the audit log, as staff read it."""
    if value is None:
        return "–"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list | tuple):
        if key in FIELD_LIST_KEYS:
            return ", ".join(field_label(str(v), form_type) for v in value)
        if key in REASON_LIST_KEYS:
            return "; ".join(describe(str(v), form_type) for v in value)
        return ", ".join(value_text(v, None, form_type) for v in value)
    if isinstance(value, dt.date | dt.datetime):
        return when(value)
    if isinstance(value, str):
        parsed = parse_iso(value)
        return when(parsed) if parsed is not None else value
    return str(value)


#: What an answer should hold, where the extractor's own description is written for developers.
HINTS: dict[str, str] = {
    "topic": "One of: missed_bin (a missed bin), council_tax_query (a Council Tax question), complaint, "
             "foi_request (a Freedom of Information request) or other.",
    "dates_mentioned": "Dates in the text, separated by semicolons.",
    "move_type": "Write “in” or “out”.",
    "zone": "The permit zone as printed, for example A or B2.",
}


def field_hint(name: str, description: str = "") -> str:
    """What an answer should hold, as a sentence ("" when nothing is known)."""
    text = HINTS.get(name, description).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "”")) else f"{text}."


def date_reading(raw: str) -> str:
    """How a date as typed or stored reads ("1 March 2026"); several for a list; "" when it is not a date."""
    out = []
    for part in (p.strip() for p in str(raw or "").split(";")):
        if not part:
            continue
        try:
            out.append(date_text(parse_date(part)[0]))
        except (InvalidValue, ValueError):
            return ""
    return ", ".join(out)
