"""The layout memory's reading side: what a layout is, where a confirmed value sits, and reading by a lesson.

Pure, like every reader: the lessons come in from the database (``formwork/learning.py``), the
page's pairs from :mod:`extractors.pairs`, and nothing here touches either store.

- **A layout's signature**: for a fillable form, its field names; otherwise the words of its
  printing (every word on its pages that no answer holds, digits left out), so that two forms of one
  layout match whatever was written on them and however their answers moved the lines about.
  Two signatures are one layout when they share most of their words (:data:`SAME_LAYOUT`).
- **Where a value sits** (:func:`locate`): the pair whose answer is a confirmed value (in its normal
  form), found by its label and which of the pairs with that label it is ("the second Postcode"), or
  by its fillable field's name; a name written in parts is found as its parts.
- **Reading by a lesson** (:func:`read_by_lessons`): the pair a lesson names gives the field, with
  method ``learned``; the value still goes through its kind's normaliser and every check.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from extractors.assign import address_on_one_line, is_blank
from extractors.contract import Extraction, FieldValue
from extractors.document import Box, Document
from extractors.meaning import fold, ideas_in, meaning_of
from extractors.pairs import Pair
from extractors.spec import FieldSpec
from formwork import normalise as norm

__all__ = ["Signature", "Locator", "Lesson", "LayoutReading", "signature", "layout_of", "locate", "locate_by_words",
           "phrases_of", "read_by_lessons", "SAME_LAYOUT", "LEARNED_CONFIDENCE"]

#: Share of words two signatures must have in common (Jaccard) to be one layout.
SAME_LAYOUT = 0.8
#: Confidence of a value read where staff showed it is: a lesson is strong evidence, not certainty.
LEARNED_CONFIDENCE = 0.97
#: Confidence left to a reading the layout's lesson says is elsewhere (its own place blank): staff decide.
BLANK_PLACE_CONFIDENCE = 0.5
_POSTCODE_AT_END = re.compile(r"([A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2})\s*$")


@dataclass(frozen=True)
class Signature:
    kind: str  # "widgets" (a fillable form's field names) or "words" (its printing)
    tokens: frozenset[str]

    def similarity(self, other: Signature) -> float:
        if self.kind != other.kind or not self.tokens or not other.tokens:
            return 0.0
        return len(self.tokens & other.tokens) / len(self.tokens | other.tokens)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "tokens": sorted(self.tokens)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Signature:
        return cls(str(data.get("kind", "words")), frozenset(str(t) for t in data.get("tokens", [])))


def signature(doc: Document, pairs: Sequence[Pair]) -> Signature:
    names = {w.name for w in doc.widgets if w.name}
    if len(names) >= 3:
        return Signature("widgets", frozenset(names))
    answers = {(p.page, round(p.answer_box.top), round(p.answer_box.x0)) for p in pairs}
    answer_words = {w.lower() for p in pairs for w in re.findall(r"[A-Za-z']+", p.answer)}
    words: set[str] = set()
    for page in doc.pages:
        for line in page.lines:
            for phrase in line.phrases:
                b = phrase.box
                if (page.number, round(b.top), round(b.x0)) in answers:
                    continue
                for w in re.findall(r"[A-Za-z']{2,}", phrase.text):
                    lw = w.lower()
                    if lw not in answer_words:
                        words.add(lw)
    return Signature("words", frozenset(words))


@dataclass(frozen=True)
class Locator:
    """Where on a layout a field's answer is."""

    label: str = ""  # the label, folded
    #: The section heading it is under, folded ("" when none): a bare "Postcode" under "New address" is not
    #: the one under "Address you are leaving", whichever of the two is left blank on a later form.
    section: str = ""
    nth: int = 0  # which of the pairs with that label in that section, in reading order
    widget: str | None = None
    #: Take the postcode written at the end of this answer (an address with its postcode in one box).
    postcode_at_end: bool = False
    #: A name written in parts: the parts' places, joined in order.
    parts: tuple[Locator, ...] = field(default=())
    #: The label and section as printed, for people (not compared: the folded forms are the place).
    printed: str = field(default="", compare=False)
    printed_section: str = field(default="", compare=False)
    #: The label of the answer before it (folded): which "Postcode" it is when the one before it is left
    #: blank on a later form, so that counting them (``nth``) would take the wrong one. Not compared: the
    #: answer before it may itself be blank on the form a lesson is confirmed from.
    after: str = field(default="", compare=False)
    #: A value no label/answer pair holds (the reader lost it): the printed words it sits by (folded), and
    #: where it starts from them, in points (``dx`` right of their left edge, ``dy`` below their top).
    anchor: str = ""
    dx: float = field(default=0.0, compare=False)
    dy: float = field(default=0.0, compare=False)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"label": self.label, "nth": self.nth}
        if self.section:
            out["section"] = self.section
        if self.widget:
            out["widget"] = self.widget
        if self.postcode_at_end:
            out["postcode_at_end"] = True
        if self.parts:
            out["parts"] = [p.to_json() for p in self.parts]
        if self.printed:
            out["printed"] = self.printed
        if self.printed_section:
            out["printed_section"] = self.printed_section
        if self.after:
            out["after"] = self.after
        if self.anchor:
            out.update(anchor=self.anchor, dx=round(self.dx, 1), dy=round(self.dy, 1))
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Locator:
        return cls(str(data.get("label", "")), str(data.get("section", "")), int(data.get("nth", 0)),
                   data.get("widget"), bool(data.get("postcode_at_end", False)),
                   tuple(cls.from_json(p) for p in data.get("parts", [])),
                   str(data.get("printed", "")), str(data.get("printed_section", "")), str(data.get("after", "")),
                   str(data.get("anchor", "")), float(data.get("dx", 0.0)), float(data.get("dy", 0.0)))

    def describe(self) -> str:
        if self.anchor:
            return f"the words by “{self.printed or self.anchor.strip()}”"
        if self.parts:
            return " + ".join(p.describe() for p in self.parts)
        label = self.printed or self.label.strip()
        where = f"the box named {self.widget}" if self.widget else f"the answer to “{label}”"
        if self.section and not self.widget:
            where += f" under “{self.printed_section or self.section.strip()}”"
        if self.nth:
            where += f" (its {_ordinal(self.nth + 1)} on the form)"
        return ("the postcode at the end of " + where) if self.postcode_at_end else where


def _ordinal(n: int) -> str:
    return {2: "second", 3: "third", 4: "fourth"}.get(n, f"{n}th")


def _key(spec: FieldSpec, value: Any) -> str:
    return norm.match_key(spec.kind, str(value))


def _normal(spec: FieldSpec, raw: str) -> str | None:
    try:
        return norm.normalise(spec.kind, raw).value
    except norm.InvalidValue:
        return None


_SECTION_NUMBER = re.compile(r"^ (?:(?:section|part|step|adran|rhan) )?(?:\d{1,2}[a-z]?|[a-z]|[ivx]{1,4}) (?=\S)")


def section_key(section: str) -> str:
    """A section heading without its number ("3 Change of circumstances" is "Change of circumstances"), folded:
    the number may be printed apart from the heading and read with it on one form and not on another."""
    return _SECTION_NUMBER.sub(" ", fold(section))


def _indexed(pairs: Sequence[Pair]) -> list[tuple[Pair, Locator]]:
    """Every answering pair of the form with its locator, in reading order (a value staff confirm may sit
    in what the reader took for the letterhead: an account number in a box beside the title)."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    before: Pair | None = None
    for p in pairs:
        label, section = fold(p.label), section_key(p.section)
        nth = seen.get((label, section), 0)
        seen[(label, section)] = nth + 1
        after = fold(before.label) if before is not None and before.page == p.page else ""
        out.append((p, Locator(label, section, nth, p.widget, printed=p.label.strip(),
                               printed_section=p.section.strip(), after=after)))
        before = p
    return out


def _same_place(here: Locator, loc: Locator) -> bool:
    if loc.widget:
        return here.widget == loc.widget
    return here.label == loc.label and here.section == loc.section and here.nth == loc.nth


def locate(pairs: Sequence[Pair], spec: FieldSpec, value: Any, *, near: Any = None,
           taken: Iterable[Locator] = ()) -> Locator | None:
    """Where a confirmed value of ``spec`` sits on the page, or None when no answer holds it.

    Where several answers hold it (a name asked for and signed under the declaration; a start date the
    same as the date signed), the one the reader read it from (its box, ``near``) is taken, else the
    first in reading order that no other field's lesson has ``taken``.
    """
    found = candidates(pairs, spec, value)
    taken = set(taken)
    free = [(loc, p) for loc, p in found if loc not in taken]
    # A place whose label asks for the field comes before one that holds the value by the way (a name
    # signed under the declaration, where the signature is as often initials).
    fitting = [(loc, p) for loc, p in free if loc.parts or _label_asks(p.label, spec)]
    free = fitting + [c for c in free if c not in fitting]
    free.sort(key=lambda c: c[1].zone != "body")  # an answer in the form's body before one in its margins
    if near is not None:
        for loc, p in free:
            if p.answer_box == near and (loc, p) in (fitting or free):
                return loc
    return free[0][0] if free else None


def _label_asks(label: str, spec: FieldSpec) -> bool:
    """Whether a label carries the field's idea and is no question of another kind ("Signature")."""
    from extractors.meaning import DISTRACTORS, meaning_of

    ideas = ideas_in(label)
    idea = meaning_of(spec).idea
    own = max([ideas.get(idea, 0.0), *(ideas.get(k, 0.0) for k in ("name_title", "name_first", "name_last")
                                        if idea == "name")])
    return own >= 0.5 and own >= max((ideas.get(d, 0.0) for d in DISTRACTORS), default=0.0)


def candidates(pairs: Sequence[Pair], spec: FieldSpec, value: Any) -> list[tuple[Locator, Pair]]:
    """Every place whose answer is ``value`` of ``spec``, best first (for a name: as written, titles and all,
    then its parts, then the same person written otherwise)."""
    if value in (None, "", []):
        return []
    want = _key(spec, value)
    exact: list[tuple[Locator, Pair]] = []
    alike: list[tuple[Locator, Pair]] = []
    for p, loc in _indexed(pairs):
        if p.how in _CHOSEN:
            continue  # an option ticked: which box is ticked, and so its place, changes from form to form
        if spec.kind not in _RUNNING_KINDS and len(p.answer.split()) > 8:
            continue  # running text ("We will open a new account from the date you moved in ...", guidance
            # printed by the form) holds no date, mark or direction of the applicant's, whatever it mentions
        got = _normal(spec, p.answer)
        if got is not None and _key(spec, got) == want:
            if spec.kind != "name" or _words(got) == _words(str(value)):
                exact.append((loc, p))
            else:
                alike.append((loc, p))
            continue
        if spec.kind == "postcode":
            m = _POSTCODE_AT_END.search(p.answer.strip())
            if m and _normal(spec, m.group(1)) == value:
                exact.append((Locator(loc.label, loc.section, loc.nth, loc.widget, postcode_at_end=True,
                                      printed=loc.printed, printed_section=loc.printed_section), p))
    if spec.kind == "name":
        parts = _locate_parts(pairs, spec, value)
        if parts is not None:
            first = _pair_at(pairs, parts.parts[0])
            if first is not None:
                exact.append((parts, first))
    return exact + alike


def _words(text: str) -> str:
    """A name's words as written, titles kept: "Mx Robin Howells" -> "mx robin howells"."""
    return " ".join(re.sub(r"[^\w\s'-]", " ", text.lower()).split())


def _locate_parts(pairs: Sequence[Pair], spec: FieldSpec, value: Any) -> Locator | None:
    """A name written as "Title", "Forename(s)", "Surname": the parts whose answers make it up, in order."""
    whole = f" {_words(str(value))} "
    if len(whole.split()) < 2:
        return None
    parts: list[tuple[int, Locator]] = []
    for p, loc in _indexed(pairs):
        ideas = ideas_in(p.label)
        if not any(ideas.get(k, 0) >= 0.9 for k in ("name_title", "name_first", "name_last")):
            continue
        answer = _words(p.answer.splitlines()[0] if p.answer else "")
        if answer and f" {answer} " in whole:
            parts.append((whole.index(f" {answer} "), loc))
    parts.sort(key=lambda t: t[0])
    joined = " ".join(_words(_answer_of(pairs, loc) or "") for _, loc in parts)
    if len(parts) >= 2 and f" {joined} " == whole:
        return Locator(parts=tuple(loc for _, loc in parts))
    return None


def _answer_of(pairs: Sequence[Pair], loc: Locator) -> str | None:
    found = _pair_at(pairs, loc)
    return found.answer if found is not None else None


def _pair_at(pairs: Sequence[Pair], loc: Locator) -> Pair | None:
    for p, here in _indexed(pairs):
        if _same_place(here, loc):
            return p
    return None


def _placed_by_neighbour(pairs: Sequence[Pair], lessons: Sequence[Lesson]) -> dict[int, Pair]:
    """The answers lessons name by their label and the label before them, where one answer on this form fits:
    the second "Postcode" of a layout is the one after "Address you are moving to" even when the first
    ("Address you are moving from", and its postcode) is left blank on this form."""
    indexed = _indexed(pairs)
    out: dict[int, Pair] = {}
    for lesson in lessons:
        loc = lesson.locator
        if loc.widget or loc.parts or not loc.after:
            continue
        fits = [p for p, here in indexed if here.label == loc.label and here.section == loc.section
                and here.after == loc.after]
        if len(fits) == 1:
            out[lesson.id] = fits[0]
    return out


def phrases_of(doc: Document) -> list[tuple[int, str, Box]]:
    return [(page.number, ph.text, ph.box) for page in doc.pages for line in page.lines for ph in line.phrases]


def layout_of(doc: Document, pairs: Sequence[Pair] | None = None) -> LayoutReading:
    """What the layout memory needs of a form: its signature, pairs (found here unless given), text, title
    and phrases. The extractors, the teaching and an unrecognised form's recognition all read it so."""
    from extractors.pairs import find_pairs, form_title

    found = find_pairs(doc) if pairs is None else list(pairs)
    return LayoutReading(signature(doc, found), found, doc.text, form_title(doc), phrases_of(doc))


#: How a choice is answered: a box ticked among options.
_CHOSEN = frozenset({"choice", "tick"})
#: Kinds whose answers may run to a sentence or more: a description, an address.
_RUNNING_KINDS = frozenset({"text", "address"})
#: Kinds whose values no normaliser can refuse: a lesson that disagrees with a sure reading of one is doubted.
_UNCHECKED = frozenset({"text", "name", "address"})
#: A word-anchored lesson reads a field only where the reader did not find it this surely from a label.
WORDS_DEFER = 0.8
#: How far from a value its anchor may be printed: above it, or before it on its line.
_ANCHOR_REACH = 60.0


def locate_by_words(phrases: Sequence[tuple[int, str, Box]], pairs: Sequence[Pair], spec: FieldSpec,
                    value: Any) -> Locator | None:
    """Where a confirmed value sits when no pair holds it: the phrase that reads as the value, known by the
    printed words nearest above it or before it (words no answer holds, printed once on the form)."""
    if value in (None, "", []) or spec.kind in {"text", "move_type", "zone"}:
        return None  # (a direction or zone found in printed words is an option printed on every form)
    want = _key(spec, value)
    answers = {(p.page, round(p.answer_box.x0), round(p.answer_box.top)) for p in pairs}
    counts: dict[str, int] = {}
    for _, text, _ in phrases:
        counts[fold(text)] = counts.get(fold(text), 0) + 1
    for page, text, box in phrases:
        got = _normal(spec, text.strip(" ,"))
        if got is None or _key(spec, got) != want:
            continue
        best: tuple[float, str, Box, str] | None = None
        for q_page, q_text, q_box in phrases:
            if q_page != page or q_box == box or not re.search(r"[A-Za-z]{3}", q_text) or counts[fold(q_text)] != 1:
                continue
            if spec.kind not in {"address", "name"} and _normal(spec, q_text) is not None:
                continue  # another value of the kind, not printed words
            above = 0 < box.top - q_box.bottom <= _ANCHOR_REACH and q_box.x0 - 30 <= box.x0 <= q_box.x1 + 30
            before = abs(q_box.top - box.top) <= 3 and 0 <= box.x0 - q_box.x1 <= 250
            if not (above or before):
                continue
            distance = (box.top - q_box.bottom) if above else (box.x0 - q_box.x1) / 4
            if (q_page, round(q_box.x0), round(q_box.top)) in answers:
                distance += _ANCHOR_REACH  # what the reader took for an answer: printed words only if nothing else
            if best is None or distance < best[0]:
                best = (distance, fold(q_text), q_box, q_text.strip())
        if best is not None:
            _, anchor, q_box, printed = best
            return Locator(anchor=anchor, dx=box.x0 - q_box.x0, dy=box.top - q_box.top, printed=printed)
    return None


def _read_by_words(phrases: Sequence[tuple[int, str, Box]], loc: Locator) -> tuple[str, Box] | None:
    """The phrase where a word-anchored lesson says its value starts, on this form."""
    anchors = [(page, box) for page, text, box in phrases if fold(text) == loc.anchor]
    if len(anchors) != 1:
        return None
    page, at = anchors[0]
    x, y = at.x0 + loc.dx, at.top + loc.dy
    near = [(abs(box.top - y) + abs(box.x0 - x) / 4, text, box) for p, text, box in phrases
            if p == page and abs(box.top - y) <= 6 and abs(box.x0 - x) <= 15]
    if not near:
        return None
    _, text, box = min(near, key=lambda t: t[0])
    return text.strip(" ,"), box


def _place_read_otherwise(pairs: Sequence[Pair], loc: Locator, lesson: Lesson,
                          lessons: Sequence[Lesson]) -> Pair | None:
    """The lesson's place where this form reads it a little differently: its section's heading read
    otherwise (the one answer to that label anywhere), or its label worded a little otherwise in the same
    section ("Name (SURNAME first)" for "Name"), unless another lesson of the layout claims that answer's
    label and section ("Postcode" under "previous ..." where this lesson's is under "new ...")."""
    others = {(x.locator.label, x.locator.section) for x in lessons if x is not lesson}
    whose = _roles(loc.section)
    same_label = [(p, here) for p, here in _indexed(pairs) if here.label == loc.label
                  and not (whose and _roles(here.section) and not whose & _roles(here.section))]
    if len(same_label) == 1 and (same_label[0][1].label, same_label[0][1].section) not in others:
        return same_label[0][0]
    if same_label:
        return None
    words = set(loc.label.split())
    alike = [(p, here) for p, here in _indexed(pairs) if here.section == loc.section and bool(words)
             and (words <= set(here.label.split()) or set(here.label.split()) <= words) and here.label.strip()
             and len(words ^ set(here.label.split())) <= 3]  # not "At your new address are you" for "Address"
    if len(alike) == 1 and (alike[0][1].label, alike[0][1].section) not in others:
        return alike[0][0]
    return None


def _doubt_for_a_blank_place(out: Extraction, found: FieldValue, loc: Locator) -> None:
    """The lesson's place is blank on this form: what the reader found for the field elsewhere stays, at a
    confidence that sends it to staff, with a note saying why."""
    out.fields[found.name] = dataclasses.replace(found, confidence=min(found.confidence, BLANK_PLACE_CONFIDENCE))
    out.notes.append(f"{found.name}: the layout's place for it ({loc.printed or loc.label.strip()!r}) is blank on "
                     "this form")


def _own_label(raw: str, loc: Locator) -> bool:
    """Whether an answer is words of the lesson's own label as it was printed where staff taught it: the
    label read in two parts on a form whose answer is blank ("Rhif cyfrif" answered "Account number"). An
    answer that repeats the question's words names no field ("Moving into a property in Larkmoor" for "Are
    you moving into or out of a property in the Larkmoor area?"): it is an answer."""
    from extractors.pairs import names_a_field

    words = fold(raw).split()
    return bool(words) and names_a_field(raw) and set(words) <= set(fold(loc.printed or loc.label).split())


def _could_be(spec: FieldSpec | None, raw: str) -> bool:
    """Whether an answer's words could be the field's value at all (a move's direction implied by its date's
    label was not read from the date)."""
    return spec is not None and (spec.kind in {"text", "address", "name"} or norm.is_valid(spec.kind, raw))


def _roles(section: str) -> set[str]:
    """Whose a section's answers are, as its heading says ("new", "previous"...): one form of a layout may
    head a part "new" where another, moving the other way, heads the same part "previous"."""
    from extractors.meaning import roles_in

    return {r for r, w in roles_in(section).items() if w >= 0.6 and r in {"new", "previous", "forwarding", "other"}}


def _fuller_same_name(found: str, learned: str) -> bool:
    """Whether the reader's name is the lesson's person written more fully."""
    from extractors.nlp.letter_shape import fullness, initials_agree

    same = norm.name_key(found) == norm.name_key(learned) or initials_agree(found, learned)
    return same and fullness(found) > fullness(learned)


@dataclass
class LayoutReading:
    """What the reader saw of a form, for the layout memory: its signature, its pairs and its text."""

    signature: Signature
    pairs: list[Pair]
    text: str
    #: The form's title as printed, for staff to recognise the layout by.
    title: str = ""
    #: Every phrase on its pages, (page, text, box): where a value no pair holds can still be found.
    phrases: list[tuple[int, str, Box]] = field(default_factory=list)


@dataclass(frozen=True)
class Lesson:
    id: int
    field: str
    locator: Locator


def read_by_lessons(doc_text: str, pairs: Sequence[Pair], specs: Iterable[FieldSpec], lessons: Iterable[Lesson],
                    out: Extraction, phrases: Sequence[tuple[int, str, Box]] = ()) -> dict[str, int]:
    """Read each field a lesson covers from where the lesson says; returns field -> the lesson used.

    A lesson whose place holds no answer on this form (its label printed, its answer left blank) leaves
    the field out, whatever the generic reader found elsewhere: the layout says that is where it goes.
    A lesson whose label is not on the form at all is passed over. A reading the generic reader took
    from the same answer for another field is dropped: that answer is the lesson's field's.
    """
    by_name = {s.name: s for s in specs}
    printed_alone = {fold(line.rstrip(" :.*")).strip() for line in doc_text.splitlines()}
    used: dict[str, int] = {}
    lessons_list = list(lessons)
    placed = _placed_by_neighbour(pairs, lessons_list)
    for lesson in lessons_list:
        spec = by_name.get(lesson.field)
        if spec is None or lesson.field in out.directed:
            continue  # (a field this form's own answers placed: a move's address named by place)
        loc = lesson.locator
        if loc.anchor:
            found = out.fields.get(lesson.field)
            if found is not None and found.valid and found.confidence >= WORDS_DEFER:
                continue  # read from a label on this form, and surely: the lesson is for when it is lost
            found_words = _read_by_words(phrases, loc)
            if found_words is None:
                continue
            raw, box = found_words
            label = loc.printed or loc.anchor.strip()
        elif loc.parts:
            answers = [_pair_at(pairs, p) for p in loc.parts]
            if any(a is None for a in answers):
                continue
            present = [a for a in answers if a is not None]
            raw = " ".join(a.answer.splitlines()[0] for a in present)
            box = present[0].answer_box
            label = " / ".join(a.label for a in present)
        else:
            pair = placed.get(lesson.id) or _pair_at(pairs, loc)
            if pair is not None and lesson.id not in placed and any(pair is q for q in placed.values()):
                pair = None  # counted to, it is another lesson's answer: this one's is blank on this form
            if pair is None and not loc.widget:
                pair = _place_read_otherwise(pairs, loc, lesson, lessons_list)
            if pair is None and not loc.widget and loc.label.strip() in printed_alone:
                # The label is printed on a line of its own and answers nothing: left blank on this form.
                # What the reader found for the field elsewhere is doubtful, for staff to see, not lost.
                found = out.fields.get(lesson.field)
                if found is not None and found.method != "learned" and fold(found.label or "") != loc.label:
                    _doubt_for_a_blank_place(out, found, loc)
                used[lesson.field] = lesson.id
                continue
            if pair is None or pair.how in _CHOSEN:
                continue  # (a lesson taught on a ticked option, before lessons were kept off them)
            raw = pair.answer
            if is_blank(raw) or (spec.kind in {"date", "postcode"} and len(raw.split()) >= 4
                                 and not any(c.isdigit() for c in raw)) or _own_label(raw, loc) \
                    or (spec.kind == "phone" and sum(c.isdigit() for c in raw) < 7):  # ("3.2", the next question)
                # answered "Not provided", or left blank and the place paired with printed words on this form
                # ("I declare that I live at ..." for the date signed; the label's own second language,
                # "Account number" under "Rhif cyfrif"): nothing here. What the reader found for the field
                # elsewhere, from a label that asks for it ("Date you moved in" where the lesson's place is
                # "Date you moved out"), is doubtful, for staff to see, not lost.
                found = out.fields.get(lesson.field)
                if found is not None and found.valid and found.method != "learned" and found.box != pair.answer_box \
                        and _label_asks(found.label or "", spec):
                    _doubt_for_a_blank_place(out, found, loc)
                else:
                    out.fields.pop(lesson.field, None)
                used[lesson.field] = lesson.id
                continue
            if loc.postcode_at_end:
                m = _POSTCODE_AT_END.search(raw.strip())
                if m is None:
                    continue
                raw = m.group(1)
            elif spec.kind not in {"address", "text"} and "\n" in raw:
                raw = " ".join(raw.splitlines()) if spec.kind == "name" else raw.splitlines()[0]
            elif spec.kind == "text" and meaning_of(spec).idea == "address":
                raw = address_on_one_line(raw)  # (as the page reader reads it)
            elif spec.kind == "text":
                raw = " ".join(line.strip() for line in raw.splitlines())
            box, label = pair.answer_box, pair.label
        try:
            normalised = norm.normalise(spec.kind, raw)
            value, valid, problem, conf = normalised.value, True, None, normalised.confidence
        except norm.InvalidValue as exc:
            value, valid, problem, conf = None, False, str(exc), 1.0
        found = out.fields.get(lesson.field)
        if spec.kind == "name" and valid and found is not None and found.valid and found.method != "learned" \
                and _fuller_same_name(str(found.value), str(value)):
            used[lesson.field] = lesson.id
            continue  # the reader read the same person more fully ("Mrs Jane Smith" for the lesson's "J. Smith")
        if spec.kind in _UNCHECKED and found is not None and found.valid and found.method != "learned" \
                and found.confidence >= WORDS_DEFER and _key(spec, found.value) != _key(spec, value):
            # Free text the reader read surely from its own label, and the lesson's place reads otherwise (its
            # label paired with other words on this form): nothing checks such a value's shape, so neither
            # reading is sure. Staff decide, with the reader's in front of them.
            out.fields[lesson.field] = dataclasses.replace(found, confidence=min(found.confidence,
                                                                                 BLANK_PLACE_CONFIDENCE))
            out.notes.append(f"{lesson.field}: the layout's place for it ({label!r}) reads {raw!r} on this form")
            used[lesson.field] = lesson.id
            continue
        shares_box = {spec.postcode_field} | {s.name for s in by_name.values() if s.postcode_field == spec.name}
        for other, fv in list(out.fields.items()):
            if other != lesson.field and other not in shares_box and fv.method != "learned" and fv.box == box \
                    and other not in used and _could_be(by_name.get(other), raw):
                del out.fields[other]  # that answer is this lesson's field's
        out.fields[lesson.field] = FieldValue(
            name=lesson.field, value=value, confidence=round(LEARNED_CONFIDENCE * conf, 4), method="learned",
            raw=raw, box=box, label=label, valid=valid, problem=problem)
        used[lesson.field] = lesson.id
    return used
