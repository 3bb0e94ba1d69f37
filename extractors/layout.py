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
    "label_left": 0.88,
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
    #: Where the printed label is, for readers that take the value from beside it.
    label_box: Box | None = None


def _candidate(match: LabelMatch, raw: str, method: str, box: Box | None, label: str,
               label_box: Box | None = None) -> Candidate:
    base = METHOD_CONFIDENCE[method]
    # A label that only partly matches the field's idea is a weaker witness.
    conf = base * (0.94 + 0.06 * match.score)
    return Candidate(match.field, raw.strip(), "label" if method in {"label_below", "label_left"} else method,
                     box, label, match.score, conf, label_box)


# --------------------------------------------------------------------------- AcroForm


def _wrapped(page: PageContent, i: int, phrase: Phrase) -> Phrase | None:
    """``phrase`` (on line ``i``) joined with the rest of its label wrapped onto the next line, if any.

    A long label in a narrow column wraps ("Address of the property you are" /
    "leaving"); only the whole of it says which field it is.
    """
    if i + 1 >= len(page.lines) or re.search(r"\d", phrase.text) or len(phrase.words) < 2:
        return None  # a value ("FW89TE") does not wrap into the label below it
    pb = phrase.box
    for nxt in page.lines[i + 1].phrases:
        if not nxt.text[:1].islower():
            continue  # a wrapped label goes on mid-sentence; a capital starts the next label
        nb = nxt.box
        if abs(nb.x0 - pb.x0) <= 3 and 0 <= nb.top - pb.bottom <= 0.8 * max(pb.height, 6) \
                and len(nxt.words) <= 4 and nb.height <= pb.height * 1.2:
            return Phrase([*phrase.words, *nxt.words])
    return None


def _nearest_label(doc: Document, widget: Widget, classifier: LabelClassifier) -> tuple[Phrase, LabelMatch] | None:
    """The printed label nearest a widget: to its left on the same line, else just above it.

    The nearest label decides, even when it names no field of this form
    ("Town"): a label further away belongs to another box. Hints
    ("(dd/mm/yyyy)") and guidance sentences are passed over.
    """
    page = doc.pages[widget.box.page - 1]
    wb = widget.box
    near: list[tuple[float, int, Phrase]] = []
    for i, line in enumerate(page.lines):
        for phrase in line.phrases:
            pb = phrase.box
            # Beside the box: at least half the label's height within the box's rows.
            same_row = min(pb.bottom, wb.bottom) - max(pb.top, wb.top) >= 0.5 * pb.height
            if same_row and pb.x1 <= wb.x0 + 4 and wb.x0 - pb.x1 < 250:
                near.append((wb.x0 - pb.x1, i, phrase))  # a label to the left on the same row always wins
            elif (pb.bottom <= wb.top + 2 and wb.top - pb.bottom < 30
                  and pb.x1 > wb.x0 and pb.x0 < wb.x1 and abs(pb.x0 - wb.x0) < 60):
                near.append((1000 + (wb.top - pb.bottom) * 2 + abs(pb.x0 - wb.x0) * 0.2, i, phrase))
    for _, i, phrase in sorted(near, key=lambda t: t[0]):
        text = phrase.text.strip()
        if _is_hint(text) or (text.endswith(".") and len(text.split()) >= 5):
            continue
        match = classifier.classify(text)
        # A label wrapped in a narrow column: only the whole of it says which field it is.
        whole = _wrapped(page, i, phrase)
        if whole is not None and whole.box.x1 <= max(phrase.box.x1, wb.x0 + 4):
            wider = classifier.classify(whole.text)
            if wider is not None:
                phrase, match = whole, wider
        if match is None and i > 0:  # the nearest line may be the wrapped label's last
            for above in page.lines[i - 1].phrases:
                joined = _wrapped(page, i - 1, above)
                if joined is not None and joined.words[-1] is phrase.words[-1]:
                    wider = classifier.classify(joined.text)
                    if wider is not None:
                        phrase, match = joined, wider
                        break
        return (phrase, match) if match is not None else None
    return None


def _is_hint(text: str) -> bool:
    """'(first line)', '(dd/mm/yyyy)': guidance printed under a label, never a label or an answer."""
    return text.startswith("(") and text.endswith(")")


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
            header_of: dict[int, list[tuple[str, LabelMatch | None]]] = {}
            # Each cell's text on one line, once.
            rows = [([(t or "").replace("\n", " ").strip() for t in texts], boxes)
                    for texts, boxes in zip(table.rows, table.cells, strict=False)]
            for r, (texts, _boxes) in enumerate(rows):
                # "Registration | Make | Colour" over the answers: each column's header is its label.
                heads = [classifier.classify(t) if t else None for t in texts]
                if sum(h is not None for h in heads) >= 2 and r + 1 < len(rows) and r not in header_of:
                    below = rows[r + 1][0]
                    if len(below) == len(texts) and not any(b and classifier.classify(b) for b in below):
                        header_of[r + 1] = list(zip(texts, heads, strict=True))
            for r, (texts, boxes) in enumerate(rows):
                if r in header_of:
                    for (question, match), answer, box in zip(header_of[r], texts, boxes, strict=False):
                        if match is not None and answer and box is not None:
                            yield _candidate(match, answer, "table", box, question)
                    continue
                if r + 1 in header_of:
                    continue  # the header row itself
                cells = [(t, b) for t, b in zip(texts, boxes, strict=False) if b is not None]
                if len(cells) >= 4:
                    # Label, answer, label, answer: each label's answer is the cell after it.
                    for (question, _), (answer, answer_box) in zip(cells[::2], cells[1::2], strict=False):
                        match = classifier.classify(question) if question else None
                        if match is not None and answer and classifier.classify(answer) is None:
                            yield _candidate(match, answer, "table", answer_box, question)
                    continue
                filled = [(t, b) for t, b in cells if t]
                if len(filled) < 2:
                    continue
                (question, _), (answer, answer_box) = filled[0], filled[-1]
                match = classifier.classify(question)
                if match is None:
                    continue
                yield _candidate(match, answer, "table", answer_box, question)


# --------------------------------------------------------------------------- printed labels

_COLON = re.compile(r"^(?P<label>[^:]{2,90}?)\s*[:?]\s+(?P<value>.+)$")


# "Account no. 4077 6479": an abbreviation's full stop ends the label as a colon would.
_ABBREVIATED = re.compile(r"^(?P<label>.{0,60}?\b(?:[Nn]o|[Rr]ef|[Nn]um|[Tt]el|[Nn]r)\.)\s+(?P<value>\S.*)$")


# "Account number ........ 4001 2345": a leader of dots (or a rule) between label and answer.
_LEADER = re.compile(r"^(?P<label>.{2,90}?)\s*(?:\.{4,}|\u2026{2,}|_{4,})\s*(?P<value>.*)$")
# "Taxpayer name - Gemma Saunders": a spaced dash as the colon.
_DASH = re.compile(r"^(?P<label>[^-\u2013\u2014]{2,60}?)\s+[-\u2013\u2014]\s+(?P<value>\S.*)$")


def _split_colon(text: str, classifier: LabelClassifier) -> tuple[str, str] | None:
    """"Label: value" in one phrase (a colon, a question mark, an abbreviation's full stop,
    a dotted leader, or a spaced dash when what comes before it is a known label)."""
    leader = _LEADER.match(text)
    if leader:
        return leader["label"], leader["value"].lstrip(" .").rstrip()
    m = _COLON.match(text) or _ABBREVIATED.match(text)
    if m is None and (dash := _DASH.match(text)) and classifier.classify(dash["label"]) is not None:
        m = dash  # "Unknown - moved abroad" is an answer, "Taxpayer name - Gemma Saunders" a label and one
    # "Which property? (first line)" and "Beth sydd wedi newid? / What has changed?" are all question.
    if not m or _is_hint(m["value"].strip()) or m["value"].lstrip().startswith("/"):
        return None
    return m["label"], m["value"]


# "Part D - Your contact details", "Section 4: ...", "4. About you": the next
# section's heading, never an answer.
_HEADING = re.compile(
    r"^(?:(?:[Pp]art|PART|[Ss]ection|SECTION|[Ss]tep|STEP)\s+(?:[A-Z]|\d{1,2}[a-z]?|[IVX]{1,4})(?:\s*[-:.\u2013\u2014]|\s*$)"
    r"|\d{1,2}[.)]\s+[A-Z])")


def _is_heading(text: str) -> bool:
    """A section heading or a question: the next part of the form, not an answer."""
    text = text.strip()
    # "/ What has changed?": the English half of a bilingual label, never an answer.
    return (_HEADING.match(text) is not None or text.endswith("?") or _is_hint(text)
            or text.startswith(("/", "|")))


def _is_label(phrase_text: str, classifier: LabelClassifier) -> LabelMatch | None:
    text = phrase_text.rstrip()
    if text.endswith((":", "?")):
        text = text[:-1]
    return classifier.classify(text)


def _continuation(page: PageContent, index: int, x0: float, classifier: LabelClassifier,
                  max_lines: int, margin: float | None = None) -> list[Phrase]:
    """Phrases on the lines after ``index`` that continue a value starting at ``x0``.

    With ``margin`` (where a "Label: value" line starts), a value may also wrap
    back under its label, as typed text does.
    """
    out: list[Phrase] = []
    prev = page.lines[index].box
    spacing: float | None = None  # the value's own line spacing, once it has two lines
    for line in page.lines[index + 1: index + 1 + max_lines]:
        first = line.phrases[0]
        gap = line.box.top - prev.bottom
        aligned = abs(first.box.x0 - x0) <= 12 or (margin is not None and margin - 4 <= first.box.x0 <= x0)
        if gap > 1.2 * max(prev.height, 8) or not aligned or len(line.phrases) > 1:
            break
        if spacing is not None and gap > spacing + 2:  # a wider gap than the value's own: the next part
            break
        spacing = gap if spacing is None else spacing
        if _is_label(first.text, classifier) or _split_colon(first.text, classifier) or _is_heading(first.text):
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
        # Ruled tables are read cell by cell (from_tables): an empty answer cell
        # is an empty answer, not a reason to take the next row's question.
        tables = [t.box for t in page.tables if len(t.rows) >= 3 and min(map(len, t.rows)) >= 2] if lines else []
        # On a fillable form a label's answer is its box, read by from_widgets;
        # the printed text after an empty box is the next question, not the answer.
        boxes = [w.box for w in doc.widgets if w.box.page == page.number]
        heights = sorted(line.box.height for line in lines)
        title = 1.4 * heights[len(heights) // 2] if heights else 0.0
        for i, line in enumerate(lines):
            if any(_inside(line.box, t) for t in tables):
                continue
            # A title in large type ("Single Occupancy Discount") is not a label.
            if line.box.height > title and len(line.phrases) == 1:
                continue
            for cand in _line_candidates(page, i, line, classifier, multiline):
                if not any(_answered_by_widget(cand.label_box, b) for b in boxes):
                    yield cand


def _answered_by_widget(label: Box | None, widget: Box) -> bool:
    """Whether a widget is a label's answer box: on its line to the right, or just below it."""
    if label is None:
        return False
    same_row = widget.top < label.bottom and widget.bottom > label.top
    if same_row and widget.x0 >= label.x1 - 2:
        return True
    below = 0 <= widget.top - label.bottom <= 2 * max(label.height, 8)
    return below and widget.x0 < label.x1 and widget.x1 > label.x0


def _inside(box: Box, area: Box) -> bool:
    return box.x0 >= area.x0 - 2 and box.x1 <= area.x1 + 2 and box.top >= area.top - 2 and box.bottom <= area.bottom + 2


def _line_candidates(page: PageContent, i: int, line: Line, classifier: LabelClassifier,
                     multiline: set[str]) -> Iterator[Candidate]:
    phrases = line.phrases
    j = 0
    while j < len(phrases):
        phrase = phrases[j]
        # "Label: value" inside one phrase.
        split = _split_colon(phrase.text, classifier)
        if split is not None:
            label, value = split
            match = classifier.classify(label)
            if match is not None:
                # The value's box: the words after the label's.
                value_words = phrase.words[len(label.split()):] or phrase.words
                value_phrases = [Phrase(list(value_words))]
                if match.field in multiline:
                    value_phrases += _continuation(page, i, value_phrases[0].box.x0, classifier, 8,
                                                   margin=phrase.box.x0)
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
        choice = _marked_option(phrases[j + 1:])
        if choice is not None:
            # "Which zone?  Zone A  X Zone C  Zone D": of the options printed, the one marked.
            yield _candidate(match, choice.text, "label", choice.box, label_text, phrase.box)
            j = len(phrases)
            continue
        if j + 1 < len(phrases):
            nxt = phrases[j + 1]
            # After "What has changed?" the next phrase is the answer, whatever it mentions.
            asked = phrase.text.rstrip().endswith(("?", ":")) and not nxt.text.rstrip().endswith(("?", ":"))
            if not _is_heading(nxt.text) and not _label_row(page, i, phrase, nxt, classifier) and (
                    asked or (_is_label(nxt.text, classifier) is None and _split_colon(nxt.text, classifier) is None)):
                value_phrases = [nxt]
                if match.field in multiline:
                    value_phrases += _continuation(page, i, nxt.box.x0, classifier, 8)
                text, box = _join(value_phrases)
                yield _candidate(match, text, "label", box, label_text, phrase.box)
                j += 2
                continue
        if j + 1 == len(phrases):
            beside = _value_beside(page, i, phrase, classifier)
            if beside is not None:
                yield _candidate(match, beside.text, "label_below", beside.box, label_text, phrase.box)
                j += 1
                continue
        # Nothing to the right but another label: the value may be on the line below.
        below = _value_below(page, label_line, phrase, classifier, free_text=match.field in multiline)
        if below is not None:
            value_phrases = [below]
            if match.field in multiline:
                value_phrases += _continuation(page, label_line + 1, below.box.x0, classifier, 8)
            text, box = _join(value_phrases)
            yield _candidate(match, text, "label_below", box, label_text, phrase.box)
        elif j == 1 and j + 1 == len(phrases) and _answer_on_the_left(phrases[0], phrase, classifier):
            # "Andrew Palmer    Name of council taxpayer": the answer written before its label.
            yield _candidate(match, phrases[0].text, "label_left", phrases[0].box, label_text, phrase.box)
        j += 1


_MARK = re.compile(r"^(?:[xX\u2713\u2714\u2611\u2612\u2717\u2718]|\[[xX]\])\s+(?=\S)")


def _marked_option(options: list[Phrase]) -> Phrase | None:
    """Among two or more options printed after a label, the only one marked with a tick or an X."""
    if len(options) < 2:
        return None
    marked = [p for p in options if _MARK.match(p.text)]
    if len(marked) != 1:
        return None
    option = marked[0]
    text = _MARK.sub("", option.text)
    return Phrase(option.words[1:], text) if len(option.words) > 1 else None


def _answer_on_the_left(value: Phrase, label: Phrase, classifier: LabelClassifier) -> bool:
    """Whether the only phrase left of a label, on its line, is its answer (the label ends the line)."""
    return (_is_label(value.text, classifier) is None and _split_colon(value.text, classifier) is None
            and not _is_heading(value.text) and value.box.height > label.box.height + 0.8)


def _label_row(page: PageContent, i: int, label: Phrase, nxt: Phrase, classifier: LabelClassifier) -> bool:
    """Whether ``label`` and ``nxt`` are two labels side by side, each over its own answer.

    Told by the type: the phrase beside the label is set like the label, and the
    phrases under both are set differently (handwriting or a typed answer).
    A form of "Label  value" pairs has the next label under the label, set alike.
    """
    if i + 1 >= len(page.lines) or abs(nxt.box.height - label.box.height) > 0.8:
        return False
    below = page.lines[i + 1]
    if below.box.top - page.lines[i].box.bottom > 2 * max(label.box.height, 8):
        return False
    under_label = [p for p in below.phrases if abs(p.box.x0 - label.box.x0) < 8]
    under_next = [p for p in below.phrases if abs(p.box.x0 - nxt.box.x0) < 8]
    return bool(under_label and under_next) and all(
        abs(p.box.height - label.box.height) > 0.8 and _is_label(p.text, classifier) is None
        for p in under_label + under_next)


def _value_below(page: PageContent, i: int, label: Phrase, classifier: LabelClassifier,
                 depth: int = 0, free_text: bool = False) -> Phrase | None:
    """The phrase just below a label, starting under it (grid and stacked layouts)."""
    if i + 1 >= len(page.lines):
        return None
    line, below = page.lines[i], page.lines[i + 1]
    gap = below.box.top - line.box.bottom
    # Handwriting boxes are taller than the label's type: allow for the bigger of the two.
    if gap > 1.8 * max(line.box.height, below.box.height, 8):
        return None
    lb = label.box
    for phrase in below.phrases:
        if abs(phrase.box.x0 - lb.x0) < 40 or (phrase.box.x0 >= lb.x0 - 4 and phrase.box.x0 < lb.x1):
            if _is_heading(phrase.text) or _split_colon(phrase.text, classifier) is not None:
                return None
            as_label = _is_label(phrase.text, classifier)
            if as_label is not None and not (free_text and _prose_answer(label, phrase, as_label)):
                return None
            at = below.phrases.index(phrase)
            if at + 2 == len(below.phrases) and _is_label(below.phrases[at + 1].text, classifier) is not None:
                return None  # "4490-8626   Billing account reference": the answer of the label beside it
            if _wraps_label(label, phrase, classifier) and depth < 2:
                # "New address of the person who" / "left": the label's own second line.
                joined = Phrase(label.words + phrase.words)
                return _value_below(page, i + 1, joined, classifier, depth + 1, free_text)
            return phrase
    return None


def _value_beside(page: PageContent, i: int, label: Phrase, classifier: LabelClassifier) -> Phrase | None:
    """An answer to the right of a label that ends its line, written a little above or below
    the label's baseline (so it fell on a line of its own): handwriting, or a bilingual label
    printed on two lines with one answer box beside both."""
    lb = label.box
    for k in (i - 1, i + 1):
        if not 0 <= k < len(page.lines):
            continue
        line = page.lines[k]
        first = line.phrases[0]
        if len(line.phrases) != 1 or first.box.x0 < lb.x1 + 4:
            continue
        reach = 1.2 * max(lb.height, first.box.height)
        if abs(first.box.middle - lb.middle) > reach:
            continue
        if (_is_label(first.text, classifier) is None and _split_colon(first.text, classifier) is None
                and not _is_heading(first.text)):
            return first
    return None


def _prose_answer(label: Phrase, phrase: Phrase, as_label: LabelMatch) -> bool:
    """Whether a sentence under a free-text label is its answer, though it mentions
    another field's idea ("...and I have lived alone since")."""
    text = phrase.text.strip()
    if len(text.split()) < 5 or text.endswith((":", "?")):
        return False
    # Answers are written bigger than the label's type; a heading is bigger than the label below it.
    set_apart = phrase.box.height > label.box.height + 0.8
    return set_apart or (text.endswith(".") and as_label.score < 0.75)


def _wraps_label(label: Phrase, below: Phrase, classifier: LabelClassifier) -> bool:
    """Whether ``below`` is the end of a label wrapped onto a second line."""
    if not re.fullmatch(r"[a-z][a-z' -]*[a-z)]?[?:]?", below.text.strip()) or len(below.words) > 3:
        return False
    first, whole = classifier.classify(label.text), classifier.classify(f"{label.text} {below.text}")
    return first is not None and whole is not None and whole.field == first.field
