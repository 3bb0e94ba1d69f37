"""Finding label/value pairs on a page, whatever the layout.

Three readers, each yielding :class:`Candidate` values for the fields a
:class:`~extractors.labels.LabelClassifier` recognises:

- :func:`from_widgets`: fillable AcroForm fields, named meaningfully or
  (``Text1``...) only identified by the label printed nearest the box;
- :func:`from_tables`: question/answer tables (online-form exports);
- :func:`from_lines`: printed labels with the value after a colon, in a
  column to the right, or on the line below.

They overlap on purpose; :mod:`extractors.spec` chooses between candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.document import Box, Document, Line, PageContent, Phrase, Widget
from extractors.labels import LabelClassifier, LabelMatch

#: Base confidence of each way of finding a value (before normalisation).
METHOD_CONFIDENCE = {
    "acroform": 0.98,
    "acroform_label": 0.93,
    "table": 0.95,
    "label": 0.93,
    "label_below": 0.9,
    "text": 0.75,
}


@dataclass(slots=True)
class Candidate:
    field: str
    raw: str
    method: str
    box: Box | None
    label: str
    label_score: float
    confidence: float


def _candidate(match: LabelMatch, raw: str, method: str, box: Box | None, label: str) -> Candidate:
    base = METHOD_CONFIDENCE[method]
    # A label that only partly matches the field's idea is a weaker witness.
    conf = base * (0.94 + 0.06 * match.score)
    return Candidate(match.field, raw.strip(), "label" if method == "label_below" else method,
                     box, label, match.score, conf)


# --------------------------------------------------------------------------- AcroForm


def _wrapped(page: PageContent, i: int, phrase: Phrase) -> Phrase | None:
    """``phrase`` (on line ``i``) joined with the rest of its label wrapped onto the next line, if any.

    A long label in a narrow column wraps ("Address of the property you are" /
    "leaving"); only the whole of it says which field it is.
    """
    if i + 1 >= len(page.lines):
        return None
    pb = phrase.box
    for nxt in page.lines[i + 1].phrases:
        nb = nxt.box
        if abs(nb.x0 - pb.x0) <= 3 and 0 <= nb.top - pb.bottom <= 0.8 * max(pb.height, 6) \
                and len(nxt.words) <= 4 and nb.height <= pb.height * 1.2:
            return Phrase([*phrase.words, *nxt.words])
    return None


def _nearest_label(doc: Document, widget: Widget, classifier: LabelClassifier) -> tuple[Phrase, LabelMatch] | None:
    """The printed label nearest a widget: to its left on the same line, else just above it."""
    page = doc.pages[widget.box.page - 1]
    wb = widget.box
    best: tuple[float, Phrase, LabelMatch] | None = None
    for i, line in enumerate(page.lines):
        for phrase in line.phrases:
            pb = phrase.box
            same_row = pb.bottom > wb.top - 2 and pb.top < wb.bottom + 2
            if same_row and pb.x1 <= wb.x0 + 4 and wb.x0 - pb.x1 < 250:
                dist = wb.x0 - pb.x1  # a label to the left on the same row always wins
            elif (pb.bottom <= wb.top + 2 and wb.top - pb.bottom < 30
                  and pb.x1 > wb.x0 and pb.x0 < wb.x1 and abs(pb.x0 - wb.x0) < 60):
                dist = 1000 + (wb.top - pb.bottom) * 2 + abs(pb.x0 - wb.x0) * 0.2
            else:
                continue
            match = classifier.classify(phrase.text)
            whole = _wrapped(page, i, phrase)
            if whole is not None and whole.box.x1 <= max(pb.x1, wb.x0 + 4):
                wider = classifier.classify(whole.text)
                if wider is not None:
                    phrase, match = whole, wider
            if match is None:
                continue
            if best is None or dist < best[0]:
                best = (dist, phrase, match)
    return (best[1], best[2]) if best else None


def from_widgets(doc: Document, classifier: LabelClassifier) -> Iterator[Candidate]:
    for w in doc.widgets:
        if not w.value or w.kind in {"Btn", "Sig"}:
            continue
        match = classifier.classify_widget(w.name)
        if match is not None:
            yield _candidate(match, w.value, "acroform", w.box, w.name)
            continue
        near = _nearest_label(doc, w, classifier)
        if near is not None:
            phrase, match = near
            yield _candidate(match, w.value, "acroform_label", w.box, phrase.text)


# --------------------------------------------------------------------------- tables


def from_tables(doc: Document, classifier: LabelClassifier) -> Iterator[Candidate]:
    for page in doc.pages:
        if not page.lines:
            continue
        for table in page.tables:
            for texts, boxes in zip(table.rows, table.cells, strict=False):
                filled = [(t, b) for t, b in zip(texts, boxes, strict=False) if t and t.strip()]
                if len(filled) < 2:
                    continue
                (question, _), (answer, answer_box) = filled[0], filled[-1]
                match = classifier.classify(question.replace("\n", " "))
                if match is None:
                    continue
                yield _candidate(match, answer, "table", answer_box, question.replace("\n", " "))


# --------------------------------------------------------------------------- printed labels

_COLON = re.compile(r"^(?P<label>[^:]{2,90}?)\s*[:?]\s+(?P<value>.+)$")


def _split_colon(text: str) -> tuple[str, str] | None:
    m = _COLON.match(text)
    if not m:
        return None
    return m["label"], m["value"]


def _is_label(phrase_text: str, classifier: LabelClassifier) -> LabelMatch | None:
    text = phrase_text.rstrip()
    if text.endswith((":", "?")):
        text = text[:-1]
    return classifier.classify(text)


def _continuation(page: PageContent, index: int, x0: float, classifier: LabelClassifier,
                  max_lines: int) -> list[Phrase]:
    """Phrases on the lines after ``index`` that continue a value starting at ``x0``."""
    out: list[Phrase] = []
    prev = page.lines[index].box
    for line in page.lines[index + 1: index + 1 + max_lines]:
        first = line.phrases[0]
        gap = line.box.top - prev.bottom
        if gap > 1.2 * max(prev.height, 8) or abs(first.box.x0 - x0) > 12 or len(line.phrases) > 1:
            break
        if _is_label(first.text, classifier) or _split_colon(first.text):
            break
        out.append(first)
        prev = line.box
    return out


def _join(phrases: list[Phrase]) -> tuple[str, Box]:
    box = phrases[0].box
    for p in phrases[1:]:
        box = box.union(p.box)
    return " ".join(p.text for p in phrases), box


def from_lines(doc: Document, classifier: LabelClassifier, multiline: set[str]) -> Iterator[Candidate]:
    for page in doc.pages:
        lines = page.lines
        for i, line in enumerate(lines):
            yield from _line_candidates(page, i, line, classifier, multiline)


def _line_candidates(page: PageContent, i: int, line: Line, classifier: LabelClassifier,
                     multiline: set[str]) -> Iterator[Candidate]:
    phrases = line.phrases
    j = 0
    while j < len(phrases):
        phrase = phrases[j]
        # "Label: value" inside one phrase.
        split = _split_colon(phrase.text)
        if split is not None:
            label, value = split
            match = classifier.classify(label)
            if match is not None:
                # The value's box: the words after the label's.
                value_words = phrase.words[len(label.split()):] or phrase.words
                value_phrases = [Phrase(list(value_words))]
                if match.field in multiline:
                    value_phrases += _continuation(page, i, value_phrases[0].box.x0, classifier, 8)
                _, box = _join(value_phrases)
                text = " ".join([value, *(p.text for p in value_phrases[1:])])
                yield _candidate(match, text, "label", box, label)
                j += 1
                continue
        match = _is_label(phrase.text, classifier)
        label_line, label_text = i, phrase.text
        if match is None or match.score < 1:
            # Perhaps the first line of a wrapped label: the whole of it may say more.
            whole = _wrapped(page, i, phrase)
            wider = _is_label(whole.text, classifier) if whole is not None else None
            if whole is not None and wider is not None and (match is None or wider.score > match.score):
                match, label_line, label_text = wider, i + 1, whole.text  # a value below starts under its last line
        if match is None:
            j += 1
            continue
        if j + 1 < len(phrases):
            nxt = phrases[j + 1]
            if _is_label(nxt.text, classifier) is None and _split_colon(nxt.text) is None:
                value_phrases = [nxt]
                if match.field in multiline:
                    value_phrases += _continuation(page, i, nxt.box.x0, classifier, 8)
                text, box = _join(value_phrases)
                yield _candidate(match, text, "label", box, label_text)
                j += 2
                continue
        # Nothing to the right but another label: the value may be on the line below.
        below = _value_below(page, label_line, phrase, classifier)
        if below is not None:
            value_phrases = [below]
            if match.field in multiline:
                value_phrases += _continuation(page, label_line + 1, below.box.x0, classifier, 8)
            text, box = _join(value_phrases)
            yield _candidate(match, text, "label_below", box, label_text)
        j += 1


def _value_below(page: PageContent, i: int, label: Phrase, classifier: LabelClassifier) -> Phrase | None:
    """The phrase just below a label, starting under it (grid and stacked layouts)."""
    if i + 1 >= len(page.lines):
        return None
    line, below = page.lines[i], page.lines[i + 1]
    gap = below.box.top - line.box.bottom
    if gap > 1.6 * max(line.box.height, 8):
        return None
    lb = label.box
    for phrase in below.phrases:
        if abs(phrase.box.x0 - lb.x0) < 40 or (phrase.box.x0 >= lb.x0 - 4 and phrase.box.x0 < lb.x1):
            if _is_label(phrase.text, classifier) is None and _split_colon(phrase.text) is None:
                return phrase
            return None
    return None
