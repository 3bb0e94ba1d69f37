"""Form specifications and the generic extractor that reads any form from its spec.

A :class:`FormSpec` says what a form type looks like: the phrases that
identify it and, for each field, its kind, whether it is required, the ideas
its labels express and the AcroForm names it goes by. :class:`SpecExtractor`
reads a form from that alone, so a simple new form type is a spec, not code
(``extractors/specs/*.yaml`` hold specs as YAML). Form types with
extra logic subclass it (see ``council_tax_spd.py``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extractors.contract import Extraction, FieldValue
from extractors.document import Document
from extractors.labels import LabelClassifier
from extractors.labels import normalise_label as labels_normalise
from formwork import normalise as norm

if TYPE_CHECKING:
    from extractors.pairs import Pair

__all__ = ["FieldSpec", "FormSpec", "SectionSpec", "SpecExtractor"]

#: Confidence of a value implied by another field's label: enough to act on, below a reading.
IMPLIED_CONFIDENCE = 0.85
#: Ideas only one business asks about: a question of one of these says which form it is.
_OWN_IDEAS = frozenset({"vrm", "make", "zone", "move_type"})
#: The source of ``implied_by`` that is the form's printed title, not a field ("Notice of moving out").
TITLE = "title"
#: A form set out as a letter, its title naming the form and most of its required answers plainly given: above
#: correspondence's score for a letter (extractors/correspondence.py), under a form's by its title's words.
LETTER_FORM_SCORE = 0.7


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # a key of formwork.normalise.KINDS
    required: bool = False
    #: Required only when other fields have these values: ``(("move_type", "out"),)``.
    required_when: tuple[tuple[str, str], ...] = ()
    #: Regular expressions for the ideas a printed label of this field contains
    #: (matched as whole words against the label in lower case, punctuation removed).
    labels: tuple[str, ...] = ()
    #: A label matching any of these is not this field (``email address`` is not an address).
    exclude: tuple[str, ...] = ()
    #: Extra expressions for AcroForm field names (camelCase split: ``txtCTRef`` → ``ct ref``).
    acroform: tuple[str, ...] = ()
    #: The value may run over several lines.
    multiline: bool = False
    description: str = ""
    #: When the field itself is not answered: the value another field's label implies ("Date you
    #: moved out" implies move type ``out``), as ``(("move_date", "out", (pattern, ...)), ...)``.
    #: Used only when one value is implied.
    implied_by: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    #: The idea the field is (extractors/meaning.py IDEAS: name, address, postcode, date, make...);
    #: by default the one its kind says.
    means: str = ""
    #: Whose, or which one (meaning.ROLES: other, forwarding, previous, new, sole, declaration, move,
    #: start); "" for the applicant's own, what a bare label means.
    role: str = ""
    #: An address field's postcode field: a postcode written at the end of the address goes there,
    #: and the address keeps its first line only (forms.md).
    postcode_field: str = ""


@dataclass(frozen=True)
class SectionSpec:
    """Under a heading matching ``heading``, a label of slot ``s`` is field ``fields[s]``."""

    heading: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DirectionSpec:
    """Addresses a form names by place, not by time ("The property in Carrow Vale", "Your other address"):
    which field each one is follows from the answer to ``field`` (a move's direction). ``said`` gives, for
    each answer, the words that name the place ``here`` and the place ``elsewhere`` as the form's own
    labels would ("the address you are leaving", "your new address")."""

    field: str
    here: tuple[str, ...]
    elsewhere: tuple[str, ...]
    said: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class FormSpec:
    form_type: str
    title: str
    #: Regular expressions over the document's lower-case text; any match identifies the form.
    identify: tuple[str, ...]
    fields: tuple[FieldSpec, ...]
    #: Expressions that rule the form out (another form type's title, say).
    reject: tuple[str, ...] = ()
    version: str = "1.0"
    name: str = ""
    #: Label ideas of questions a form asks that are no field of its type ("Town", "Signature"):
    #: known as labels, so never read as the value of the label beside them.
    ignore: tuple[str, ...] = ()
    #: Labels whose field depends on the section they are in (a bare "Postcode" under "Your new address").
    sections: tuple[SectionSpec, ...] = ()
    #: The label ideas of those labels, by slot: ``{"postcode": ("post ?code",)}``.
    section_labels: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Addresses named by place, whose field follows from another answer (a move's direction).
    by_direction: DirectionSpec | None = None

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def required(self) -> list[str]:
        return [f.name for f in self.fields if f.required]


#: The pseudo-field of FormSpec.ignore labels, and the prefix of section-dependent labels' pseudo-fields.
_IGNORED = "_ignored"
_SLOT = "_slot:"


@dataclass
class SpecExtractor:
    """Reads any form described by a :class:`FormSpec`: the page's label/answer pairs
    (:mod:`extractors.pairs`) given to its fields across the whole form (:mod:`extractors.assign`),
    or, for a letter or email, its sentences (:mod:`extractors.prose`)."""

    spec: FormSpec
    fields: Sequence[FieldSpec] = field(init=False)

    def __post_init__(self) -> None:
        self.fields = self.spec.fields
        ignored = (FieldSpec(_IGNORED, "text", labels=self.spec.ignore),) if self.spec.ignore else ()
        slots = tuple(FieldSpec(_SLOT + slot, "text", labels=labels) for slot, labels in self.spec.section_labels)
        self._classifier = LabelClassifier((*self.spec.fields, *ignored, *slots))
        self._identify = [re.compile(p) for p in self.spec.identify]
        self._reject = [re.compile(p) for p in self.spec.reject]

    @property
    def name(self) -> str:
        return self.spec.name or self.spec.form_type

    @property
    def version(self) -> str:
        return self.spec.version

    @property
    def form_type(self) -> str:
        return self.spec.form_type

    # ------------------------------------------------------------------ classification

    def score(self, doc: Document) -> float | None:
        from extractors import prose

        if prose.is_prose(doc):
            # A letter or email: an application if its sentences say so (extractors/prose.py), scored
            # above correspondence's 0.6 when they do, else declined (correspondence takes it).
            reading = prose.read_prose(doc)
            s = reading.scores.get(self.form_type, 0.0) if reading is not None else 0.0
            if s >= prose.MIN_SCORE:
                return round(0.55 + 0.4 * s, 4)
            # A form set out as a letter ("Dear Resident, ... please type your answers after each heading",
            # then "Council Tax reference number  60018302", ... "Yours faithfully"): its own questions, answered,
            # say it is this form, above correspondence's score.
            text = doc.lower_text
            if any(r.search(text) for r in self._identify) and not any(r.search(text) for r in self._reject) \
                    and self._form_in_message(doc) is not None:
                return LETTER_FORM_SCORE
            return None
        text = doc.lower_text
        if any(r.search(text) for r in self._reject):
            return None
        hits = sum(1 for r in self._identify if r.search(text))
        if hits == 0:
            return self._score_by_questions(doc)
        return min(1.0, 0.6 + 0.15 * hits)

    def _score_by_questions(self, doc: Document) -> float | None:
        """A form whose title names its business in words no pattern knows ("Residents' parking scheme -
        permit application") is known by what it asks: two or more of this form type's own questions
        (a registration mark and a zone; a move's date and its direction), each answered in its kind."""
        from extractors.assign import MIN_SCORE as MIN_READING
        from extractors.assign import _Evidence, readings_for
        from extractors.meaning import meaning_of
        from extractors.pairs import find_pairs

        own = {f.name for f in self.spec.fields
               if meaning_of(f).role not in ("", "self", "declaration") or meaning_of(f).idea in _OWN_IDEAS}
        if len(own) < 2:
            return None
        ev = _Evidence(self.spec.fields, self._classifier)
        asked: set[str] = set()
        questions: list[str] = []
        for k, pair in enumerate(find_pairs(doc)):
            if pair.zone != "body":
                continue
            questions.append(" ".join(pair.label.lower().split()))
            asked |= {r.field for r in readings_for(pair, ev, k) if r.field in own and r.label_score >= 0.6
                      and r.fit >= 0 and r.valid and r.score >= MIN_READING}
        # A question that names the form's business ("When did you become the only adult?", its words
        # wrapped round the answer in the page's text) counts as one of them.
        named = any(r.search(q) for q in questions for r in self._identify)
        if len(asked) + named < 2:
            return None
        return round(0.5 + 0.05 * min(len(asked) + named, 5), 4)  # under any form named by its title

    # ------------------------------------------------------------------ extraction

    def extract(self, doc: Document) -> Extraction:
        from extractors import prose
        from extractors.assign import assign
        from extractors.memory import layout_of
        from extractors.pairs import find_pairs

        out = Extraction(self.form_type, self.name, self.version)
        if prose.is_prose(doc):
            reading = prose.read_prose(doc, form_type=self.form_type)
            if (form := self._form_in_message(doc)) is not None:
                return form  # an online form's answers emailed as "Question  Answer" lines, or a form set out as a
                # letter: read as the form
            if reading is not None:
                names = {f.name for f in self.spec.fields}
                out.fields.update({k: v for k, v in reading.fields.items() if k in names})
                out.notes.extend(reading.notes)
                self.refine(doc, out)
                return out
        pairs = find_pairs(doc)
        assign(pairs, self.spec.fields, self._classifier, out)
        if self.spec.by_direction is not None:
            self._by_direction(self.spec.by_direction, pairs, out)
        out.layout = layout_of(doc, pairs)
        for spec in self.spec.fields:
            if spec.implied_by and spec.name not in out.fields:
                implied = self._implied(spec, out, out.layout.title)
                if implied is not None:
                    out.fields[spec.name] = implied
        self._from_sentences(doc, out)
        self.refine(doc, out)
        return out

    def _from_sentences(self, doc: Document, out: Extraction) -> None:
        """A document of this form type whose labels give almost none of its required answers, but whose
        sentences do (a record of a telephone call, a caseworker's note): the answers the sentences give, read
        as a letter's are, where no label gave one."""
        from extractors import prose

        required = [f.name for f in self.spec.fields if f.required]
        given = [n for n in required if (v := out.fields.get(n)) is not None and v.valid]
        if len(given) >= 2:
            return
        reading = prose.read_statement(doc, self.form_type)
        if reading is None or reading.scores.get(self.form_type, 0.0) < prose.MIN_SCORE:
            return  # (no sentences that apply for this form: a form left blank, not a note)
        names = {f.name for f in self.spec.fields}
        found = {k: v for k, v in reading.fields.items() if k in names and k not in out.fields}
        if not found:
            return
        if "declaration_date" in names and "declaration_date" not in out.fields:
            dated = self._record_date(doc)
            if dated is not None:
                found["declaration_date"] = dated
        out.fields.update(found)
        out.notes.append("read from the document's sentences (its labels gave almost none of the form's answers): "
                         + ", ".join(sorted(found)))
        out.notes.extend(n for n in reading.notes if n not in out.notes)

    @staticmethod
    def _record_date(doc: Document) -> FieldValue | None:
        """The date a record of a call or a note is made on, printed at its head ("Call date: 01/12/2026"): the
        day the applicant declared what they said, as a letter's date is."""
        from extractors.pairs import find_pairs
        from formwork.normalise import InvalidValue, date

        for pair in sorted(find_pairs(doc), key=lambda p: (p.page, p.answer_box.top if p.answer_box else 0.0)):
            if pair.page != 1 or pair.zone == "office" or not re.search(r"\bdate\b", pair.label, re.I) or re.search(
                    r"\b(?:birth|printed|print|due|expiry|issue|received)\b", pair.label, re.I):
                continue
            try:
                value = date(pair.answer).value
            except InvalidValue:
                continue
            return FieldValue(name="declaration_date", value=value, confidence=0.9, method="label", raw=pair.answer,
                              box=pair.answer_box, label=f"{pair.label} (the record's date)")
        return None

    def _form_in_message(self, doc: Document) -> Extraction | None:
        """The form's own questions and answers in an email or letter ("Check your answers: Name of applicant
        Ms Rosa Delgado, Postcode HB2 6NP, ..."), read as a form is, when most of the form's required answers
        are plainly there; None when the message is prose."""
        from extractors.assign import assign
        from extractors.memory import layout_of
        from extractors.pairs import find_pairs

        pairs = find_pairs(doc)
        out = Extraction(self.form_type, self.name, self.version)
        assign(pairs, self.spec.fields, self._classifier, out)
        required = [f.name for f in self.spec.fields if f.required]
        sure = [n for n in required if (v := out.fields.get(n)) is not None and v.valid and v.confidence >= 0.8]
        if len(sure) < max(4, (2 * len(required) + 2) // 3):
            return None
        if self.spec.by_direction is not None:
            self._by_direction(self.spec.by_direction, pairs, out)
        out.layout = layout_of(doc, pairs)
        out.notes.append("read as a form: the message holds the form's questions and answers")
        self.refine(doc, out)
        return out

    def _by_direction(self, d: DirectionSpec, pairs: list[Pair], out: Extraction) -> None:
        """Read again, with the addresses named by place named as the direction read says they are: "The
        property in Carrow Vale" is the address being left when the move is out, the new one when it is in.
        Kept only when the direction reads the same again."""
        from extractors.assign import assign
        from extractors.meaning import ideas_in, main_roles, meaning_of

        chosen = out.fields.get(d.field)
        words = next(((here, elsewhere) for value, here, elsewhere in d.said
                      if chosen is not None and chosen.valid and chosen.value == value), None)
        if chosen is None or words is None:
            return
        places = [(re.compile(p, re.I), words[0]) for p in d.here] + [(re.compile(p, re.I), words[1])
                                                                       for p in d.elsewhere]
        named: list[Pair] = []
        for pair in pairs:
            label, section = pair.label, pair.section
            # (an address's or a postcode's label only: not the question of the direction itself, nor a date
            # "you moved into the property in Carrow Vale")
            if pair.answer_box != chosen.box and {"address", "postcode"} & set(ideas_in(label)):
                for rx, said in places:
                    label, section = rx.sub(said, label), rx.sub(said, section)
            named.append(pair if (label, section) == (pair.label, pair.section)
                         else dataclasses.replace(pair, label=label, section=section))
        if all(a is b for a, b in zip(named, pairs, strict=True)):
            return
        again = Extraction(out.form_type, out.extractor, out.version)
        assign(named, self.spec.fields, self._classifier, again)
        moved = again.fields.get(d.field)
        if moved is not None and moved.value == chosen.value:
            out.fields, out.notes = again.fields, [*again.notes,
                                                   f"addresses named by place read as the move is {chosen.value}"]
            roles = {r for _, here, elsewhere in d.said for r in (*main_roles(here), *main_roles(elsewhere))}
            out.directed = frozenset(f.name for f in self.spec.fields if meaning_of(f).role in roles)

    @staticmethod
    def _implied(spec: FieldSpec, out: Extraction, title: str = "") -> FieldValue | None:
        """The value the labels of the fields read (or the form's title: source ``title``) imply for
        ``spec``, when they all imply one."""
        found: dict[str, FieldValue] = {}
        for source_field, value, patterns in spec.implied_by:
            if source_field == TITLE:
                fv: FieldValue | None = FieldValue(name=TITLE, value=title, confidence=1.0, method="label",
                                                   label=title) if title else None
            else:
                fv = out.fields.get(source_field)
            label = labels_normalise(fv.label or "") if fv is not None else ""
            if fv is not None and any(re.search(rf"\b(?:{p})\b", label) for p in patterns):
                found.setdefault(value, fv)
        if len(found) != 1:
            return None  # nothing implied, or labels that disagree: staff decide
        value, source = next(iter(found.items()))
        try:
            normalised = norm.normalise(spec.kind, value)
        except norm.InvalidValue:
            return None
        return FieldValue(name=spec.name, value=normalised.value, confidence=IMPLIED_CONFIDENCE, method="label",
                          raw=source.label, box=source.box, label=source.label, valid=True)

    def refine(self, doc: Document, extraction: Extraction) -> None:
        """Hook for form types with extra logic; the generic extractor does nothing."""
