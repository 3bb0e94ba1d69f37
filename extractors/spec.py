"""Form specifications and the generic extractor that reads any form from its spec.

A :class:`FormSpec` says what a form type looks like: the phrases that
identify it and, for each field, its kind, whether it is required, the ideas
its labels express and the AcroForm names it goes by. :class:`SpecExtractor`
reads a form from that alone, so a simple new form type is a spec, not code
(``extractors/specs/*.yaml`` hold specs as YAML). Form types with
extra logic subclass it (see ``council_tax_spd.py``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from extractors import layout
from extractors.contract import Extraction, FieldValue
from extractors.document import Box, Document, Phrase
from extractors.labels import LabelClassifier
from extractors.labels import normalise_label as labels_normalise
from formwork import normalise as norm

__all__ = ["FieldSpec", "FormSpec", "SectionSpec", "SpecExtractor"]

#: Confidence kept when two readings of a field disagree: below any sane threshold.
CONFLICT_CONFIDENCE = 0.4
#: Confidence of a value implied by another field's label: enough to act on, below a reading.
IMPLIED_CONFIDENCE = 0.85
_METHOD_RANK = {"acroform": 4, "table": 3, "acroform_label": 2, "label": 1, "text": 0}


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


@dataclass(frozen=True)
class SectionSpec:
    """Under a heading matching ``heading``, a label of slot ``s`` is field ``fields[s]``."""

    heading: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]


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

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def required(self) -> list[str]:
        return [f.name for f in self.fields if f.required]


@dataclass
class _Reading:
    candidate: layout.Candidate
    value: Any
    confidence: float
    valid: bool
    problem: str | None = None


#: What people write in a box to mean "nothing here".
#: The links of an online form's "check your answers" page, printed beside each answer.
_LINKS = {"change", "edit", "amend"}
_BLANKS = {"", "-", "--", "n/a", "na", "none", "nil", "not applicable", "not provided", "not given", "none given",
           "not answered"}
#: Kinds whose answer may be a ticked box with the answer printed beside it.
_CHOICE_KINDS = {"move_type"}
#: Kinds whose values are a few words at most, and how many.
_SHORT_KINDS = {"date": 6, "postcode": 3, "account_ref": 4, "vrm": 4, "zone": 3, "move_type": 10}
_DIGIT_KINDS = {"date", "postcode", "account_ref", "vrm"}
#: Most characters (spaces aside) a value of these kinds can have, with room for a slip.
_LONGEST = {"postcode": 9, "account_ref": 14, "vrm": 10}
_PLACEHOLDER = re.compile(r"^\(?(?:dd|d)\s*[/ .-]?\s*mm\s*[/ .-]?\s*(?:yyyy|yy)\)?$|^\(?day\s*/\s*month\s*/\s*year\)?$",
                          re.I)
#: The prefix of section-dependent labels' pseudo-fields.
_SLOT = "_slot:"
#: The pseudo-field of FormSpec.ignore labels.
_IGNORED = "_ignored"
_TRAILING_POSTCODE = re.compile(r"[,\s]+([A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2})\s*$")


_BOX_GLYPHS = "\u2610\u2611\u2612\u25a0\u25a1\u2713\u2714\u2717\u2718\u25cf\u25cb"
_TICKED = re.compile(rf"(?:[{_BOX_GLYPHS}xX\[\]() ]*\s*(?:yes|no|y|n)\b\s*)+", re.I)


_CHOICE = re.compile(rf"([{_BOX_GLYPHS}]|\[[ xX]?\])\s*([^{_BOX_GLYPHS}\[]+)")
_TICKS = "\u2611\u2612\u2713\u2714\u2717\u2718\u25a0\u25cf"


def _ticked_choice(raw: str) -> str:
    """'☐ A  ☐ B  ☒ C' → 'C': of options printed with tick boxes, the one ticked; '' when none is,
    and the whole text back when it holds no tick boxes (or more than one is ticked: staff decide)."""
    options = _CHOICE.findall(raw)
    if len(options) < 2:
        return raw
    ticked = [text.strip() for box, text in options if box in _TICKS or box.lower() == "[x]"]
    if len(ticked) == 1:
        return ticked[0]
    return "" if not ticked else raw


def _plausible(kind: str, raw: str) -> bool:
    """Whether text could be an answer of this kind at all, rather than the next
    heading or statement picked up below an empty box. Implausible text is no
    reading; a plausible but malformed one is an invalid reading."""
    if kind not in _CHOICE_KINDS and _TICKED.fullmatch(raw.strip()):
        return False  # "☒ Yes ☐ No": the answer to a yes/no question beside the label, not a value
    if kind == "email":
        return "@" in raw or (re.search(r"\w\.\w", raw) is not None and len(raw.split()) <= 3)
    if kind == "phone":
        return sum(c.isdigit() for c in raw) >= 5 or not re.search(r"[A-Za-z]{3,}", raw)
    return True


def _text_beside(doc: Document, box: Box) -> str | None:
    """The printed text nearest a tick box on its row: to its right, else to its left."""
    best: tuple[float, str] | None = None
    for line in doc.pages[box.page - 1].lines:
        for phrase in line.phrases:
            pb = phrase.box
            if pb.bottom < box.top - 2 or pb.top > box.bottom + 2:
                continue
            gap = pb.x0 - box.x1 if pb.x0 >= box.x1 - 2 else 1000 + box.x0 - pb.x1
            if 0 <= gap < 1300 and (best is None or gap < best[0]):
                best = (gap, phrase.text)
    return best[1] if best else None


def _overlaps(a: Box, b: Box) -> bool:
    return a.page == b.page and a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


def _inside(inner: Box, outer: Box) -> bool:
    return (inner.page == outer.page and inner.x0 >= outer.x0 - 2 and inner.x1 <= outer.x1 + 2
            and inner.top >= outer.top - 2 and inner.bottom <= outer.bottom + 2)


@dataclass
class SpecExtractor:
    """Reads any form described by a :class:`FormSpec` (AcroForm, then tables, then labels)."""

    spec: FormSpec
    fields: Sequence[FieldSpec] = field(init=False)

    def __post_init__(self) -> None:
        self.fields = self.spec.fields
        ignored = (FieldSpec(_IGNORED, "text", labels=self.spec.ignore),) if self.spec.ignore else ()
        slots = tuple(FieldSpec(_SLOT + slot, "text", labels=labels) for slot, labels in self.spec.section_labels)
        self._classifier = LabelClassifier((*self.spec.fields, *ignored, *slots))
        # Whether a label a slot matched also says its field outright ("Your new address (first line)").
        self._outright = LabelClassifier(self.spec.fields) if slots else self._classifier
        self._sections = [([re.compile(rf"\b(?:{h})\b") for h in sec.heading], dict(sec.fields))
                          for sec in self.spec.sections]
        self._identify = [re.compile(p) for p in self.spec.identify]
        self._reject = [re.compile(p) for p in self.spec.reject]
        self._multiline = {f.name for f in self.spec.fields if f.multiline}

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
        text = doc.lower_text
        if any(r.search(text) for r in self._reject):
            return None
        hits = sum(1 for r in self._identify if r.search(text))
        if hits == 0:
            return None
        return min(1.0, 0.6 + 0.15 * hits)

    # ------------------------------------------------------------------ extraction

    def candidates(self, doc: Document) -> Iterable[layout.Candidate]:
        yield from layout.from_widgets(doc, self._classifier)
        yield from self._ticked_choices(doc)
        yield from self._dotted_labels(doc)
        tabled = list(layout.from_tables(doc, self._classifier))
        yield from tabled
        # A question/answer table is read by the table reader; the line reader would read a blank
        # answer's row as the next row's text. Boxed grids (cells holding label and value) yield
        # no table candidates, so their lines are still read.
        qa_tables = [t.box for page in doc.pages if any(c.box and c.box.page == page.number for c in tabled)
                     for t in page.tables if any(c.box and _inside(c.box, t.box) for c in tabled)]
        for cand in layout.from_lines(doc, self._classifier, self._multiline):
            if cand.box is None or not any(_inside(cand.box, t) for t in qa_tables):
                yield cand

    def extract(self, doc: Document) -> Extraction:
        by_field: dict[str, list[_Reading]] = defaultdict(list)
        candidates = list(self.candidates(doc))
        answers = [c.box for c in candidates if c.box is not None and c.method != "acroform"]
        for cand in candidates:
            if cand.field == _IGNORED:
                continue
            if cand.field.startswith(_SLOT):
                said = (self._outright.classify_widget(cand.label) if cand.method == "acroform"
                        else self._outright.classify(cand.label))
                field_name = said.field if said is not None else self._in_section(doc, cand, answers)
                if field_name is None:
                    continue
                cand.field = field_name
            for reading in self._readings(cand):
                by_field[reading.candidate.field].append(reading)
        out = Extraction(self.form_type, self.name, self.version)
        for spec in self.spec.fields:
            readings = by_field.get(spec.name)
            if readings:
                chosen = self._choose(spec, readings, out.notes)
                if chosen is not None:
                    out.fields[spec.name] = chosen
        for spec in self.spec.fields:
            if spec.implied_by and spec.name not in out.fields:
                implied = self._implied(spec, out)
                if implied is not None:
                    out.fields[spec.name] = implied
        self.refine(doc, out)
        return out

    @staticmethod
    def _implied(spec: FieldSpec, out: Extraction) -> FieldValue | None:
        """The value the labels of the fields read imply for ``spec``, when they all imply one."""
        found: dict[str, FieldValue] = {}
        for source_field, value, patterns in spec.implied_by:
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

    def _in_section(self, doc: Document, cand: layout.Candidate, answers: list[Box]) -> str | None:
        """The field a section-dependent label stands for: by the nearest heading above it that says.

        Lines holding an answer are passed over: "Moving out" answering the move type is no heading.
        """
        if cand.box is None or not self._sections:
            return None
        slot = cand.field.removeprefix(_SLOT)
        box = cand.box
        above: list[str] = []
        for page in reversed(doc.pages[max(0, box.page - 2): box.page]):
            lines = [ln for ln in page.lines if page.number < box.page or ln.box.bottom <= box.top + 1]
            above += [labels_normalise(ln.text) for ln in reversed(lines)
                      if not any(_overlaps(ln.box, a) for a in answers)]
        for text in above:
            for headings, fields in self._sections:
                if any(h.search(text) for h in headings):
                    return fields.get(slot)
        return None

    def _dotted_labels(self, doc: Document) -> Iterable[layout.Candidate]:
        """ "Account no. 40012345" printed as one phrase: a label ending in an abbreviation's full stop,
        then the answer, with no colon to split them."""
        for _, line in doc.all_lines():
            for phrase in line.phrases:
                words = phrase.words
                found = None
                for i, w in enumerate(words[:-1]):  # the longest such label: "Reg. no." rather than "Reg."
                    if w.text.endswith(".") and len(w.text) <= 5:
                        label = " ".join(x.text for x in words[: i + 1])
                        match = self._classifier.classify(label)
                        if match is not None:
                            found = (i, label, match)
                if found is None or found[2].field == _IGNORED:
                    continue
                i, label, match = found
                rest = Phrase(list(words[i + 1:]))
                conf = layout.METHOD_CONFIDENCE["label"] * (0.94 + 0.06 * match.score)
                yield layout.Candidate(match.field, rest.text, "label", rest.box, label, match.score, conf)

    def _ticked_choices(self, doc: Document) -> Iterable[layout.Candidate]:
        """A ticked box whose printed text answers a choice field ("[x] I am moving out")."""
        choices = [f for f in self.spec.fields if f.kind in _CHOICE_KINDS]
        if not choices:
            return
        for w in doc.widgets:
            if w.kind != "Btn" or not w.value:
                continue
            text = _text_beside(doc, w.box)
            for f in choices:
                if text and norm.is_valid(f.kind, text):
                    yield layout.Candidate(f.name, text, "acroform_label", w.box, text, 1.0,
                                           layout.METHOD_CONFIDENCE["acroform_label"])

    def refine(self, doc: Document, extraction: Extraction) -> None:
        """Hook for form types with extra logic; the generic extractor does nothing."""

    def _readings(self, cand: layout.Candidate) -> Iterable[_Reading]:
        spec = self.spec.field(cand.field)
        raw = _ticked_choice(cand.raw.strip())
        if raw.lower().strip(" .") in _BLANKS | _LINKS or not _plausible(spec.kind, raw):
            return
        if (spec.kind == "email" and "@" not in raw) or (spec.kind == "phone" and sum(c.isdigit() for c in raw) < 6):
            return  # a heading or the next question read where the answer was left blank
        if spec.kind in _SHORT_KINDS and sum(len(w) > 1 for w in raw.split()) > _SHORT_KINDS[spec.kind]:
            return  # a sentence of guidance is no attempt at a date or a code (one character a box is)
        if spec.kind in _LONGEST and len(re.sub(r"\s", "", raw)) > _LONGEST[spec.kind]:
            return  # far longer than any postcode, reference or registration: other text, not an answer
        if spec.kind in _DIGIT_KINDS and not any(c.isdigit() for c in raw):
            return  # a heading read where the answer was left blank: every date, postcode and reference has digits
        if _PLACEHOLDER.match(raw):
            return  # the form's own hint ("DD/MM/YYYY") where nothing was written
        pc_field = spec.name[: -len("address")] + "postcode" if spec.name.endswith("address") else ""
        if pc_field and any(f.name == pc_field for f in self.spec.fields):
            # A whole address written in one box: keep the first line, offer the postcode.
            m = _TRAILING_POSTCODE.search(raw)
            if m:
                rest = raw[: m.start()].strip(" ,")
                parts = [p.strip() for p in rest.split(",") if p.strip()]
                if len(parts) >= 2 and not re.search(r"\d", parts[-1]):
                    parts = parts[:-1]
                raw = ", ".join(parts) or raw
                pc = layout.Candidate(pc_field, m.group(1), cand.method, cand.box, cand.label,
                                      cand.label_score, cand.confidence * 0.97)
                yield from self._readings(pc)
            raw = raw.split("\n")[0].strip(" ,") if "\n" in raw else raw
        try:
            normalised = norm.normalise(spec.kind, raw)
        except norm.InvalidValue as exc:
            yield _Reading(cand, None, cand.confidence, False, str(exc))
            return
        yield _Reading(cand, normalised.value, cand.confidence * normalised.confidence, True)

    def _choose(self, spec: FieldSpec, readings: list[_Reading], notes: list[str]) -> FieldValue | None:
        valid = [r for r in readings if r.valid]
        pool = valid or readings
        pool.sort(key=lambda r: (_METHOD_RANK.get(r.candidate.method, 0), r.confidence), reverse=True)
        best = pool[0]
        confidence = best.confidence
        if valid:
            # Printed-label readings are noise beside a widget's or a table's answer (the widget's value
            # is not in the page text, so lines near its label are other text): they never make a conflict.
            rank = _METHOD_RANK.get(best.candidate.method, 0)
            witnesses = [r for r in valid if rank < 2 or _METHOD_RANK.get(r.candidate.method, 0) >= 2]
            values = {self._compare_key(spec, r.value) for r in witnesses}
            if spec.kind == "text":
                # A reading cut short by a wrap (a table cell read as lines) agrees with the whole.
                values = {v for v in values if not any(o != v and o.startswith(v) for o in values)}
            if len(values) > 1:
                notes.append(f"{spec.name}: different values were found on the form")
                confidence = min(confidence, CONFLICT_CONFIDENCE)
        c = best.candidate
        return FieldValue(
            name=spec.name, value=best.value, confidence=round(confidence, 4),
            method=c.method, raw=c.raw, box=c.box, label=c.label,
            valid=best.valid, problem=best.problem,
        )

    @staticmethod
    def _compare_key(spec: FieldSpec, value: Any) -> str:
        if spec.kind == "name":
            return norm.name_key(str(value))
        if spec.kind == "text":
            return re.sub(r"\W+", " ", str(value).lower()).strip()
        return str(value)
