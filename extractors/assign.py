"""Which answer is which field: decided across the whole form at once.

Every pair the page reader found (:mod:`extractors.pairs`) is scored against
every field of the form type from three kinds of evidence:

- **the label** (and its section heading): :func:`extractors.meaning.label_scores`,
  with the form type's own label patterns as strong evidence;
- **the answer itself**: a value that parses as the field's kind (a postcode,
  a date, a registration) supports it; one that plainly is another kind (an
  email where a name should be) weakens it;
- **where it is**: a pair in the letterhead, a running footer or an "office use
  only" box is hardly ever the applicant's answer.

Then answers are given to fields one to one (each answer to at most one field,
each field from its best answer) by maximising the total score (the Hungarian
method), not greedily. A field's confidence comes from how strong its label
and answer are, and drops when another answer was nearly as good a reading of
it with a different value: when in doubt, staff decide.

Names written in parts ("Title", "Forename(s)", "Surname") are joined, so are a
house number and its street asked apart ("House No./Name", "Street"), and a
postcode written at the end of an address goes to the address's postcode field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from extractors.contract import Extraction, FieldValue
from extractors.document import Box
from extractors.labels import LabelClassifier
from extractors.meaning import fold, ideas_in, label_scores, meaning_of, roles_in
from extractors.nlp.letter_shape import fullness, initials_agree
from extractors.pair_sources import widget_name_label
from extractors.pairs import Pair
from extractors.spec import FieldSpec
from formwork import normalise as norm

__all__ = ["Reading", "assign", "readings_for", "solve", "CONFLICT_CONFIDENCE"]

#: Confidence kept when two answers read a field differently: below any sane threshold.
CONFLICT_CONFIDENCE = 0.45
#: Confidence of a field's only possible reading, a clean pair with an answer of its kind, whose label was
#: weaker evidence than a field's own name would be.
UNCONTESTED_CONFIDENCE = 0.85
#: Below this a pairing of answer and field is not considered at all.
MIN_SCORE = 0.22

_ZONE_WEIGHT = {"body": 1.0, "letterhead": 0.05, "footer": 0.05, "office": 0.03}
#: The weight of an account number in a box at the head of the form, labelled as one.
_HEADER_ACCOUNT = 0.7
_BLANKS = {"", "-", "--", "n/a", "na", "none", "nil", "not applicable", "not provided", "not given", "none given",
           "not answered", "change", "edit", "amend", "not known", "unknown", "n a", "please select", "select",
           "please choose", "choose", "select one", "-- select --", "--select--", "please select one", "skipped",
           "question skipped", "no answer", "left blank", "blank", "not completed"}
_PLACEHOLDER = re.compile(r"^\(?(?:dd|d)\s*[/ .-]?\s*mm\s*[/ .-]?\s*(?:yyyy|yy)\)?$|^\(?day\s*/\s*month\s*/\s*year\)?$",
                          re.I)
#: An answer saying the citizen cannot give one: "I don't know yet", "Not known at present", "TBC".
_NOT_KNOWN = re.compile(r"(?:(?:i\s+)?(?:don['’]?t|do\s+not|dont)\s+know(?:\s+(?:it|this|that|their\s+address))?"
                        r"|not\s+(?:yet\s+)?(?:known|sure)|unknown|tbc|tba|to\s+be\s+(?:confirmed|advised))"
                        r"(?:\s+(?:yet|at\s+(?:present|the\s+moment)|as\s+yet))?", re.I)
_TRAILING_POSTCODE = re.compile(r"[,\s]+([A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2})\s*$")
_POSTCODE_LINE = re.compile(r"^\s*([A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2})\s*$")
_LINKS = re.compile(r"\s+(?:change|edit|amend)$", re.I)
_YES_NO = {"yes", "no", "y", "n", "ie", "na", "ie / yes", "na / no", "yes / ie", "no / na", "true", "false", "x",
           "ticked", "on", "off"}

#: A yes or no with a few words after it: "No, not yet", "Yes - see below", "No I do not".
_YES_NO_REPLY = re.compile(r"^(?:yes|no)\b[\s,.;:!-]*(?:[a-z']+[\s.!]*){0,4}$", re.I)


@dataclass
class Reading:
    """One answer read as one field: its value, and the evidence for it."""

    field: str
    raw: str
    value: Any
    valid: bool
    problem: str | None
    score: float  # for the assignment
    confidence: float  # if chosen
    pair: Pair
    slot: str  # the answer it uses (two readings of one slot cannot both be chosen)
    method: str
    label: str
    box: Box | None
    label_score: float = 0.0
    fit: float = 0.0
    #: The normaliser's confidence in the value (below 1 when a character had to be repaired).
    value_confidence: float = 1.0


def _method(pair: Pair, from_name: bool) -> str:
    if pair.how == "widget":
        return "acroform" if from_name else "acroform_label"
    if pair.how == "choice":
        return "acroform_label"
    if pair.how in {"table", "header"}:
        return "table"
    if pair.how == "text":
        return "text"
    if pair.how == "learned":
        return "learned"
    return "label"


def _fit(kind: str, idea: str, raw: str) -> float:
    """How much the answer itself says it is a value of this kind, in [-1, 1]."""
    text = raw.strip()
    if text.lower().strip(" .") in _YES_NO or (kind not in {"move_type", "zone", "text"} and _YES_NO_REPLY.match(text)):
        return -1.0  # a box ticked or a yes/no answered ("No, not yet"): no value of any field here
    digits = sum(c.isdigit() for c in text)
    letters = sum(c.isalpha() for c in text)
    if kind == "date":
        if norm.is_valid("date", text):
            return 1.0
        return -0.2 if digits >= 3 and len(text) <= 20 else -1.0
    if kind == "postcode":
        if norm.is_valid("postcode", text):
            return 1.0
        return -0.3 if len(text) <= 9 and digits else -1.0
    if kind == "account_ref":
        if norm.is_valid("account_ref", text):
            return 1.0
        if re.search(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b", text):
            return -1.0  # a date (and time: an online form's "submitted" stamp) is no account number
        return -0.2 if 5 <= digits <= 12 and letters <= 3 else -1.0
    if kind == "vrm":
        compact = re.sub(r"[\s-]", "", text).upper()
        if norm.is_valid_vrm(compact):
            return 1.0
        # (a mark written wrong, "YT19 KLMNP", is still the answer to the question: INVALID_FORMAT, not missing)
        return 0.0 if compact.isalnum() and 2 <= len(compact) <= 10 and digits else -1.0
    if kind == "zone":
        try:
            # (a code says it is a zone; a name of a few words, "Zone Cathedral", may be anything: the label says)
            return 0.6 if norm.normalise("zone", text).confidence >= 1.0 else 0.0
        except norm.InvalidValue:
            return -1.0
    if kind == "move_type":
        if len(text.split()) > 16 or re.search(r"[.!?]\s+\S", text):
            return -0.5  # running text, sentences of it ("... out of, a property in the borough. If you are
            # moving within ..."): a note printed on the form, no answer that says which way
        return 1.0 if norm.is_valid("move_type", text) else -1.0
    if kind == "email":
        if "@" not in text or " " in text.strip():
            return -1.0
        # a public body's own address ("refeniw@...gov.uk", printed in the form's guidance: send it to us by
        # email) is the council's, never the applicant's
        return -1.0 if norm.public_body_email(text) else 1.0
    if kind == "phone":
        if digits >= 9 and letters <= 3:
            return 1.0
        return -1.0
    if kind == "name":
        if "@" in text or digits:
            return -1.0
        words = text.split()
        if 1 <= len(words) <= 6 and letters >= 2:
            return 0.3
        return -0.5
    # free text: an address or a description
    if idea == "address" or kind == "address":
        if "@" in text:
            return -1.0
        first = text.splitlines()[0] if text else ""
        if not letters:
            return -1.0  # "2" (how many live there) is no address
        if norm.is_valid("postcode", text) or norm.is_valid("date", text):
            return -0.8  # "24 December 2026" begins with a number, as a house does
        if len(first.split()) > 10 or re.match(r"(?:if|please|you|we|when|where)\b", first, re.I):
            return -1.0  # a sentence of guidance ("If you are leaving a property ... we will close the account")
        if re.match(r"^(?:(?:flat|apartment|apt|unit|maisonette)\b\.?\s*\w{0,3},?\s*)?\d", first, re.I) or re.search(
                r"\b(?:road|street|lane|avenue|close|drive|way|gardens|crescent|grove|place|terrace|court|walk|rise"
                r"|mews|row|square|hill|park|view|heol|stryd|ffordd|lon|cae|clos|rd|st|ave)\b", first, re.I):
            return 0.6
        return 0.0
    if idea == "make":
        if digits > 2 or "@" in text or len(text.split()) > 4:
            return -0.8
        return 0.2
    if idea == "text":
        return 0.3 if len(text.split()) >= 3 else 0.0
    return 0.0


def is_blank(raw: str) -> bool:
    """An answer that says nothing: "N/A", "Not provided", a dash, the form's own "DD/MM/YYYY", the "/ /"
    printed between a date's empty boxes."""
    t = raw.strip().lower().strip(" .")
    return t in _BLANKS or t.strip("()[] ") in _BLANKS or _PLACEHOLDER.match(raw.strip()) is not None \
        or _NOT_KNOWN.fullmatch(t) is not None or not any(c.isalnum() for c in t)


_blank = is_blank


@dataclass
class _Evidence:
    specs: Sequence[FieldSpec]
    classifier: LabelClassifier
    by_name: dict[str, FieldSpec] = field(init=False)

    def __post_init__(self) -> None:
        self.by_name = {s.name: s for s in self.specs}


def _words(label: str) -> set[str]:
    """A label's words, its numbers and a date's format aside ("date 1" and "Date (dd/mm/yyyy)" say "date")."""
    return {w for w in fold(label).split() if not w.isdigit() and w not in _FORMAT_WORDS}


_FORMAT_WORDS = frozenset({"dd", "mm", "yy", "yyyy", "ddmmyyyy", "ddmmyy"})


def _label_scores(pair: Pair, ev: _Evidence) -> tuple[dict[str, float], bool]:
    """Each field's label score for a pair, and whether it came from a fillable field's name."""
    patterns = ev.classifier.scores(pair.label) if pair.label else {}
    if patterns.get("_ignored", 0.0) >= max([0.75, *(v for k, v in patterns.items() if k != "_ignored")]):
        patterns = {}  # a question the form type knows is none of its fields ("Town", "Signature")
        ignored = True
    else:
        ignored = False
    patterns = {k: v for k, v in patterns.items() if not k.startswith("_")}
    scores = label_scores(pair.label, pair.section, ev.specs, patterns) if pair.label and not ignored else {}
    from_name = False
    said_more = False
    if pair.printed and pair.printed != pair.label:
        # The label printed beside a fillable box: good evidence, if less than the box's own description.
        extra = label_scores(pair.printed, pair.section, ev.specs, ev.classifier.scores(pair.printed))
        # (as good as the description where it says all the description says and more: "Date of move" printed
        # by a box described only as "Date", or as "date 1" by its name)
        said_more = _words(pair.label) < _words(pair.printed)
        if said_more:
            scores = dict(extra)  # (and where it says whose: "Where did they move to? (address)" for "Address",
            # the printed label is the one to go by, not the bare description that fits any address)
        elif not _words(pair.printed) <= _words(pair.label):
            for k, v in extra.items():
                scores[k] = max(scores.get(k, 0.0), 0.85 * v)
        # (a printed label that is part of the description, "Cyfeiriad anfon ymlaen" of "Cyfeiriad anfon ymlaen
        # / Forwarding address", says less than it: "Cyfeiriad" alone would be the applicant's address)
    if pair.widget:
        name_label = widget_name_label(pair.widget)
        # (a name that says nothing the box's description or printed label does not, "cyfeiriad_ymlaen" by
        # "Cyfeiriad anfon ymlaen / Forwarding address", adds nothing: not a field the words alone might be)
        if name_label and not (_words(name_label) <= _words(pair.label)) \
                and not (said_more and _words(name_label) <= _words(pair.printed)):
            by_name = label_scores(name_label, pair.section, ev.specs, ev.classifier.widget_scores(pair.widget))
            for k, v in by_name.items():
                if v > scores.get(k, 0.0):
                    scores[k] = v
                    from_name = True
    return scores, from_name


def readings_for(pair: Pair, ev: _Evidence, index: int) -> list[Reading]:
    """Every field this pair's answer could be, with its score."""
    scores, from_name = _label_scores(pair, ev)
    if pair.how in {"choice", "tick"} or not scores:
        # An option ticked says what it means, whatever the question printed over it: "I am moving out"; so
        # does an answer "Moving out of a property in Ardwenny" to a question no field's words are in
        # ("What are you telling us about?").
        ticked = pair.how in {"choice", "tick"}
        for spec in ev.specs:
            if spec.kind == "move_type" and norm.is_valid("move_type", pair.answer) and (ticked or (
                    re.search(r"\bmov", pair.answer, re.I) and len(pair.answer.split()) <= 10)):
                scores[spec.name] = max(scores.get(spec.name, 0.0), 0.6)
    out: list[Reading] = []
    answer = _LINKS.sub("", pair.answer.strip()) if pair.how in {"beside", "below"} else pair.answer.strip()
    if _blank(answer):
        return out
    zone = _ZONE_WEIGHT.get(pair.zone, 1.0)
    for name, label_s in scores.items():
        spec = ev.by_name[name]
        if pair.how == "tick" and spec.kind not in _CHOSEN_KINDS:
            continue  # a printed option ticked ("A private tenant") is no address, name or date someone wrote
        if spec.kind not in _CHOSEN_KINDS and _POLAR.match(pair.label) and pair.label.rstrip().endswith("?") \
                and not _KNOW_OR_HAVE.search(pair.label):
            # "Do you own or rent the property you are moving into?" asks for no address (but "Do you know their
            # forwarding address?" is answered with it): only an answer that is plainly one says otherwise
            if _fit(spec.kind, meaning_of(spec).idea, answer) <= 0:
                continue
            label_s *= 0.4
        if spec.kind == "move_type" and answer.lower().strip(" .") in _YES_NO:
            if (said := _said_by_yes_no(pair.label, answer, label_s)) is not None:
                value, weight = said
                reading = _reading(spec, f"moving {value}", pair, str(index), label_s * weight, zone, from_name)
                out.append(replace(reading, raw=answer, confidence=reading.confidence * weight))
            continue
        if spec.kind == "zone" and answer.lower().strip(" .") in _YES_NO:
            # "Zone SB - Seafront B | Yes" in a table of statements ticked yes or no: the zone the statement names
            if answer.lower().strip(" .") in _SAID_YES and _zone_code(pair.label) is not None:
                out.append(_reading(spec, pair.label, pair, str(index), label_s, zone, from_name))
            continue
        m = meaning_of(spec)
        raw = answer
        if pair.zone == "letterhead" and m.idea == "account_ref" and label_s >= 0.8:
            # "Account No. [6148-1083]" in a box at the head of the form ("quote your account number in the box
            # at the top"): the applicant's, and the records check every account number
            out.append(_reading(spec, raw, pair, str(index), label_s, _HEADER_ACCOUNT, from_name))
            continue
        if spec.postcode_field:
            # (the postcode on a line of its own, or at the end of the last: "Hebden Bridge HX7 8AJ")
            last = raw.splitlines()[-1] if raw.strip() else raw
            pc = _POSTCODE_LINE.match(last) or _TRAILING_POSTCODE.search(last)
            if pc and pc.group(1) and spec.postcode_field in ev.by_name:
                pc_spec = ev.by_name[spec.postcode_field]
                out.append(_reading(pc_spec, pc.group(1), pair, f"{index}:pc", label_s * 0.97, zone, from_name))
                rest = last[: pc.start(1)].rstrip(" ,")
                raw = "\n".join([*raw.splitlines()[:-1], *([rest] if rest.strip() else [])])
        elif spec.kind == "text" and m.idea == "address":
            raw = address_on_one_line(raw)
        elif spec.multiline or spec.kind == "text":
            raw = " ".join(line.strip() for line in raw.splitlines())
        elif "\n" in raw:
            raw = raw.splitlines()[0] if m.idea not in {"name"} else " ".join(raw.splitlines())
        if not raw.strip() or _blank(raw):
            continue
        out.append(_reading(spec, raw, pair, str(index), label_s, zone, from_name))
    return out


def address_on_one_line(raw: str) -> str:
    """A whole address written on lines ("3 Station Road" / "Westerleigh, WL2 3JL"), as it is written on one:
    "3 Station Road, Westerleigh, WL2 3JL" (a postcode's halves wrapped apart, "LA1" / "4XE", stay one)."""
    parts = [s for line in raw.splitlines() if (s := line.strip().rstrip(",").strip())]
    out = parts[0] if parts else ""
    for part in parts[1:]:
        halves = re.search(r"\b[A-Za-z]{1,2}\d[A-Za-z\d]?$", out) and re.match(r"\d[A-Za-z]{2}\b", part)
        out += (" " if halves else ", ") + part
    return out


#: A question answered yes or no, or by a choice: its words name a thing, its answer is not that thing.
_POLAR = re.compile(r"^(?:\W*\d{0,2}[a-z]?[.)]?\s+)?(?:do|does|did|are|is|was|were|have|has|had|will|would|can|could|"
                    r"should|shall|may)\s", re.I)
_KNOW_OR_HAVE = re.compile(r"\b(?:do|does|did|have|has)\s+(?:you|they|we|he|she)\s+(?:know|have|got)\b", re.I)
#: The kinds of field a ticked printed option can answer.
_CHOSEN_KINDS = {"move_type", "zone"}

_SAID_YES = {"yes", "y", "ie", "ie / yes", "yes / ie", "true", "x", "ticked", "on"}


def _zone_code(text: str) -> str | None:
    """The zone code a statement names ("Zone SB - Seafront B"), or None (a name of words says too little)."""
    try:
        found = norm.normalise("zone", text)
    except norm.InvalidValue:
        return None
    return found.value if found.confidence >= 1.0 else None


def _said_by_yes_no(question: str, answer: str, label_s: float) -> tuple[str, float] | None:
    """A move's direction from a yes or no to a question that names one ("Are you moving OUT of this
    address?" answered "No" is a move in), with the weight of that reading: a "no" says less than a "yes"
    (the question may not be the only one), and a question of other things says nothing."""
    if label_s < 0.3:
        return None
    try:
        asked = norm.normalise("move_type", question).value
    except norm.InvalidValue:
        return None  # "in or out?" or no direction at all
    if answer.lower().strip(" .") in _SAID_YES:
        return asked, 1.0
    return ("in" if asked == "out" else "out"), 0.8


def _reading(spec: FieldSpec, raw: str, pair: Pair, slot: str, label_s: float, zone: float,
             from_name: bool) -> Reading:
    m = meaning_of(spec)
    fit = _fit(spec.kind, m.idea, raw)
    try:
        normalised = norm.normalise(spec.kind, raw)
        value, valid, problem, norm_conf = normalised.value, True, None, normalised.confidence
    except norm.InvalidValue as exc:
        value, valid, problem, norm_conf = None, False, str(exc), 1.0
    pair_s = min(1.0, pair.score / 0.9)
    score = label_s * (0.6 + 0.25 * pair_s + 0.15 * max(0.0, fit)) + 0.2 * fit
    if fit <= -1.0:
        score *= 0.3
    score *= zone
    confidence = norm_conf * (0.5 + 0.5 * min(1.0, label_s)) * (0.85 + 0.15 * pair_s)
    if fit >= 1.0:
        confidence = min(1.0, confidence + 0.08)
        if m.idea == "move_type" and label_s >= 0.3:
            confidence = max(confidence, 0.92 * norm_conf)  # "I am moving out" says which, whatever asked it
    elif fit < 0:
        confidence *= 0.85
    confidence *= 1.0 if zone >= _HEADER_ACCOUNT else 0.6
    return Reading(spec.name, raw, value, valid, problem, score, round(min(1.0, confidence), 4), pair, slot,
                   _method(pair, from_name), pair.label, pair.answer_box, label_s, fit, norm_conf)


# --------------------------------------------------------------------------- names in parts


def _is_name_part(pair: Pair) -> bool:
    ideas = ideas_in(re.sub(r"\(.*?\)", " ", pair.label))
    return any(ideas.get(p, 0) >= 0.9 for p in ("name_title", "name_first", "name_last"))


def _name_parts(pairs: Sequence[Pair], ev: _Evidence, consumed: set[int] | None = None) -> list[Reading]:
    """"Title", "Forename(s)" and "Surname" answered apart, joined into the name field of their role (the ids
    of other pairs a joined name takes in, a full name after a title, go to ``consumed``)."""
    name_fields = [s for s in ev.specs if meaning_of(s).idea == "name"]
    if not name_fields:
        return []
    groups: dict[str, dict[str, tuple[Pair, str]]] = {}
    for pair in pairs:
        ideas = ideas_in(re.sub(r"\(.*?\)", " ", pair.label))  # "Full name (first name and surname)" is whole
        part = next((p for p in ("name_title", "name_first", "name_last") if ideas.get(p, 0) >= 0.9), None)
        if part is None or _blank(pair.answer) or pair.zone != "body":
            continue
        roles = {**{k: 0.6 * v for k, v in roles_in(pair.section).items()}, **roles_in(pair.label)}
        role = "other" if roles.get("other", 0) >= 0.5 else ""
        groups.setdefault(role, {}).setdefault(part, (pair, pair.answer.splitlines()[0].strip()))
    out: list[Reading] = []
    for role, parts in groups.items():
        if set(parts) == {"name_title"}:
            out += _title_and_full_name(pairs, parts["name_title"], role, name_fields, consumed)
            continue
        if "name_last" not in parts or "name_first" not in parts:
            continue
        text = " ".join(parts[p][1] for p in ("name_title", "name_first", "name_last") if p in parts)
        spec = next((s for s in name_fields if (meaning_of(s).role == "other") == (role == "other")), None)
        if spec is None:
            continue
        first = parts["name_first"][0]
        box = first.answer_box
        for p in parts.values():
            box = box.union(p[0].answer_box) if p[0].page == box.page else box
        joined = Pair(first.page, " / ".join(parts[p][0].label for p in ("name_title", "name_first", "name_last")
                                             if p in parts), first.label_box, text, box,
                      min(p[0].score for p in parts.values()), first.how, section=first.section, zone=first.zone)
        out.append(_reading(spec, text, joined, f"name:{role}", 0.95, 1.0, False))
    return out


def _title_and_full_name(pairs: Sequence[Pair], title: tuple[Pair, str], role: str,
                         name_fields: list[FieldSpec], consumed: set[int] | None) -> list[Reading]:
    """A title answered on its own ("Title: Miss", ticked or typed) and the full name the next question asks:
    one name, "Miss Rebecca Ap Iorwerth"."""
    pair, text = title
    if text.lower().rstrip(".") not in norm.TITLES:
        return []
    at = list(pairs).index(pair)
    for nxt in list(pairs)[at + 1: at + 3]:
        ideas = ideas_in(nxt.label)
        if ideas.get("name", 0) < 0.9 or nxt.page != pair.page or _blank(nxt.answer):
            continue
        written = nxt.answer.splitlines()[0].strip()
        if written.split()[0].lower().rstrip(".") in norm.TITLES:
            return []  # the name says its title already
        spec = next((s for s in name_fields if (meaning_of(s).role == "other") == (role == "other")), None)
        if spec is None:
            return []
        joined = Pair(nxt.page, f"{pair.label} / {nxt.label}", nxt.label_box, f"{text} {written}",
                      nxt.answer_box.union(pair.answer_box) if nxt.answer_box.page == pair.answer_box.page
                      else nxt.answer_box, min(pair.score, nxt.score), nxt.how, section=nxt.section, zone=nxt.zone)
        if consumed is not None:
            consumed.add(id(nxt))
        return [_reading(spec, joined.answer, joined, f"name:{role}", 0.95, 1.0, False)]
    return []


# --------------------------------------------------------------------------- house and street asked apart

#: A label that asks for the house alone: "House No./Name", "House name or number", "Building number", "Flat/House no".
_HOUSE_LABEL = re.compile(r"^ (?:(?:flat|house|building|property|door)(?: or)? )+(?:no|number|name|num|nos)"
                          r"(?: (?:or |and )?(?:no|number|name))* $|^ (?:name|number) (?:or|and) (?:name|number)"
                          r"(?: of (?:the )?(?:house|building|property))? $")
#: A label that asks for the street alone: "Street", "Street name", "Road", "Street / Road".
_STREET_LABEL = re.compile(r"^ (?:(?:name of )?(?:the )?(?:street|road)(?: (?:or )?(?:street|road))*(?: name)?) $")


def _house_and_street(pairs: Sequence[Pair]) -> list[Pair]:
    """A house number (or name) and its street asked as two questions side by side or one under the other,
    read as the one first line of an address that forms.md's address fields hold ("76 Nelson Street")."""
    out = list(pairs)
    for i, house in enumerate(pairs):
        number = house.answer.strip()
        if not _HOUSE_LABEL.match(fold(re.sub(r"\(.*?\)", " ", house.label))) or not number or "\n" in number \
                or len(number.split()) > 5 or _blank(number) or house.zone != "body":
            continue
        for j in range(i + 1, min(i + 3, len(pairs))):
            street = pairs[j]
            if street not in out or street.page != house.page or not _STREET_LABEL.match(fold(street.label)) \
                    or _blank(street.answer) or abs(street.answer_box.top - house.answer_box.top) > 60:
                continue
            first, *rest = street.answer.splitlines()
            if first.lower().startswith(number.lower()):
                break  # the street's answer says its number already
            joined = f"{number} {first}" if re.fullmatch(r"\d+[A-Za-z]?(?:\s*-\s*\d+[A-Za-z]?)?", number) \
                else f"{number}, {first}"
            out[out.index(street)] = replace(street, label=f"{house.label} / {street.label}",
                                             answer="\n".join([joined, *rest]),
                                             answer_box=street.answer_box.union(house.answer_box),
                                             lines=[joined, *street.lines[1:]])
            out.remove(house)
            break
    return out


# --------------------------------------------------------------------------- the assignment


def solve(weights: list[list[float]]) -> list[int]:
    """The rows' columns (or -1) that maximise the total weight, each column used once (Hungarian method)."""
    n_rows = len(weights)
    if n_rows == 0:
        return []
    n_cols = len(weights[0])
    size = max(n_rows, n_cols)
    big = max((w for row in weights for w in row), default=0.0) + 1.0
    cost = [[big - (weights[i][j] if i < n_rows and j < n_cols else 0.0) for j in range(size)] for i in range(size)]
    inf = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    p = [0] * (size + 1)
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    out = [-1] * n_rows
    for j in range(1, size + 1):
        if p[j] and p[j] - 1 < n_rows and j - 1 < n_cols:
            out[p[j] - 1] = j - 1
    return out


def _compare_key(spec: FieldSpec, value: Any) -> str:
    if spec.kind == "name":
        return norm.name_key(str(value))
    if spec.kind == "text":
        return re.sub(r"\W+", " ", str(value).lower()).strip()
    return str(value)


def assign(pairs: Sequence[Pair], specs: Sequence[FieldSpec], classifier: LabelClassifier,
           out: Extraction) -> list[Reading]:
    """Fill ``out.fields`` from ``pairs``; returns every reading considered (for ``formwork extract``)."""
    ev = _Evidence(specs, classifier)
    pairs = _house_and_street(pairs)
    readings: list[Reading] = []
    # The printed options of a question answered by a choice are no answers of their own (a table reader
    # takes the first option under the question for its answer).
    options = {" ".join(o.split()).lower() for p in pairs if p.how in {"choice", "tick"} for o in p.options}
    for i, pair in enumerate(pairs):
        if pair.how not in {"choice", "tick"} and pair.answer.strip() \
                and " ".join(pair.answer.splitlines()[0].split()).lower() in options:
            continue
        readings += readings_for(pair, ev, i)
    consumed: set[int] = set()
    joined = _name_parts(pairs, ev, consumed)
    if joined:
        # A name written in parts: each part alone is only part of the name.
        parts = {id(p) for p in pairs if _is_name_part(p)} | consumed
        for r in readings:
            if id(r.pair) in parts and meaning_of(ev.by_name[r.field]).idea == "name":
                r.score *= 0.5
    readings += joined
    readings = [r for r in readings if r.score >= MIN_SCORE]
    slots = sorted({r.slot for r in readings})
    names = [s.name for s in specs]
    if not slots:
        return readings
    index = {s: k for k, s in enumerate(slots)}
    best: dict[tuple[int, int], Reading] = {}
    for r in readings:
        key = (index[r.slot], names.index(r.field))
        if key not in best or r.score > best[key].score:
            best[key] = r
    # A pair's own answer and the postcode taken from its end are one answer for one field each,
    # but the same words cannot be two fields: slots of one pair exclude each other's fields only
    # through the one-to-one rule on fields, which is enough.
    weights = [[best[(i, j)].score if (i, j) in best else 0.0 for j in range(len(names))] for i in range(len(slots))]
    chosen = solve(weights)
    by_field: dict[str, Reading] = {}
    assigned: dict[str, float] = {}  # slot -> the score of the reading it was given to
    for i, j in enumerate(chosen):
        if j < 0 or (i, j) not in best:
            continue
        by_field[names[j]] = best[(i, j)]
        assigned[slots[i]] = best[(i, j)].score
    for spec in specs:
        chosen_reading = by_field.get(spec.name)
        if chosen_reading is None:
            continue
        r = chosen_reading
        confidence = r.confidence
        if spec.kind == "name" and r.valid and r.value is not None:
            # The same person written elsewhere too ("Mx" / "Morgan" / "Threlfall" in the applicant's boxes,
            # "MORGAN THRELFALL" printed under the signature): the fuller writing, else the first on the form
            # (the applicant's details come before the declaration), as surely as either.
            same = [x for x in readings if x.field == spec.name and x.valid and x.value is not None
                    and (x is r or (x.slot != r.slot and x.score >= 0.6 * r.score
                                    and (_compare_key(spec, x.value) == _compare_key(spec, r.value)
                                         or initials_agree(str(x.value), str(r.value)))))]
            first = max(same, key=lambda x: (fullness(str(x.value)), -x.box.page if x.box else 0,
                                             -x.box.top if x.box else 0))
            if first is not r:
                confidence = max(confidence, first.confidence)
                r = first
        # A rival: another answer nearly as good a reading of this field, with another value, that
        # no other field explains (an answer given to another field on a better reading is no rival).
        rivals = [x for x in readings if x.field == spec.name and x.slot != r.slot and x.valid
                  and x.score >= max(MIN_SCORE, 0.8 * r.score) and x.value is not None
                  and _compare_key(spec, x.value) != _compare_key(spec, r.value)
                  and not _same_answer(x, r) and x.score > assigned.get(x.slot, 0.0) + 0.05
                  and not (r.fit > 0 and x.fit <= 0)  # its answer is not of the kind, where this one's is
                  # one name the other in initials ("D. Price" signed for "Dylan Price"): no rival
                  and not (spec.kind == "name" and initials_agree(str(x.value), str(r.value)))]
        if rivals and r.valid:
            confidence = min(confidence, CONFLICT_CONFIDENCE)
            out.notes.append(f"{spec.name}: different values were found on the form")
        elif r.valid and confidence < UNCONTESTED_CONFIDENCE and r.label_score >= 0.45 and r.fit >= 0.5 \
                and r.value_confidence >= 1.0 \
                and r.pair.score >= 0.5 and r.pair.zone == "body" and not any(
                    x.field == spec.name and x.slot != r.slot and x.score >= 0.5 * r.score and x.fit > 0
                    for x in readings):  # (an answer not of the kind, "7203 3466" for an address, is no contest)
            # A clean pair whose answer is plainly of the field's kind, that no other answer on the form could
            # be: its label said less than it might ("Address" under "Your forwarding address"), no more.
            confidence = UNCONTESTED_CONFIDENCE
        out.fields[spec.name] = FieldValue(
            name=spec.name, value=r.value, confidence=round(confidence, 4), method=r.method, raw=r.raw, box=r.box,
            label=r.label, valid=r.valid, problem=r.problem)
    return readings


def _same_answer(a: Reading, b: Reading) -> bool:
    """Two readings of one answer written twice (a name signed under the declaration is no rival)."""
    return a.pair.answer_box == b.pair.answer_box
