"""Pairs that are not read off lines of text: ruled tables, fillable fields and tick boxes.

:func:`page_pairs` gives the pairs of one page and the areas they cover, which
the line reader of :mod:`extractors.pairs` then leaves alone (a table's cells,
a ticked option's text, the inside of a fillable box).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from extractors.document import EMPTY_BOX_GLYPHS, Box, Document, PageContent, Style, Widget, Word
from extractors.labels import normalise_widget_name
from formwork import normalise as norm

if TYPE_CHECKING:
    from extractors.pairs import Pair, Segment, _Styles

__all__ = ["page_pairs", "widget_name_label", "TICK_GLYPHS"]

#: Printed marks that fill a tick box.
TICK_GLYPHS = "xX\u2713\u2714\u2717\u2718\u2612\u2611\u25a0\u25cf"
#: A table cell that holds only a question's number ("2", "10a", "Q3.").
_NUMBER_CELL = re.compile(r"^(?:Q\.?\s?)?\d{1,2}(?:\.\d{1,2})?[a-z]?[.):]?$", re.I)
_GLYPH_OPTION = re.compile(rf"([{EMPTY_BOX_GLYPHS}\u2612\u2611\u25a0\u25cf]|\[\s*[xX\u2713\u2714]?\s*\])\s*"
                           rf"([^{EMPTY_BOX_GLYPHS}\u2612\u2611\u25a0\u25cf\[]+)")
#: A name or tooltip a form tool wrote ("Text12", "Check Box 3", "subform text field 15"): words of no meaning.
_GENERIC_WORD = (r"(?:sub)?form|page|text|field|fill|untitled|undefined|box|check ?box|checkbox|check|tick|group"
                 r"|radio|button|choice|option|cb|rb|tf|txt|chk|opt|btn|edit|input|entry"
                 r"|enter|type|here|please|answer|response|value|q")  # ("Enter text", "Type here", "Q9")
_GENERIC_NAME = re.compile(rf"^(?:(?:{_GENERIC_WORD}|\d+)\s*)*$")
#: A whole date's format and nothing else ("dd/mm/yyyy", "(DD MM YYYY)"): no label (a part's, "Day", is one).
_DATE_FORMAT = re.compile(r"^\(?d{1,2}\s*[/ .-]?\s*m{1,2}\s*[/ .-]?\s*y{2,4}\)?$", re.I)
_GENERIC_STATE = re.compile(r"^(?:choice|option|opt|item|value|on|yes|true|1|\d+|[a-z]\d*)$", re.I)


def widget_name_label(name: str) -> str | None:
    """An AcroForm name read as words ("applicant.fullName" → "applicant full name"); None for "Text12"."""
    label = normalise_widget_name(name)
    if not label or _GENERIC_NAME.fullmatch(label):
        return None
    return label


def _inside(inner: Box, outer: Box, slack: float = 2.0) -> bool:
    return (inner.page == outer.page and inner.x0 >= outer.x0 - slack and inner.x1 <= outer.x1 + slack
            and inner.top >= outer.top - slack and inner.bottom <= outer.bottom + slack)


def page_pairs(doc: Document, page: PageContent, segments: list[Segment],
               styles: _Styles | None = None) -> tuple[list[Pair], list[Box]]:
    pairs: list[Pair] = []
    skip: list[Box] = []
    widgets = [w for w in doc.widgets if w.box.page == page.number]
    if widgets:
        got, covered = _widget_pairs(page, widgets, segments, _shared_tooltips(doc.widgets))
        pairs += got
        skip += covered
    got, covered = _tick_pairs(page, segments, skip)
    pairs += got
    skip += covered
    got, covered = _struck_choices(page, segments, skip)
    pairs += got
    skip += covered
    got, covered = _table_pairs(page, segments, styles)
    pairs += got
    skip += covered
    got, covered = _question_answer_lines(page)
    pairs += got
    skip += covered
    got, covered = _question_answer_columns(page, segments, skip)
    pairs += got
    skip += covered
    got, covered = _keyed_answers(page, segments, skip)
    pairs += got
    skip += covered
    return pairs, skip


_KEY = re.compile(r"\d{1,2}")


def _keyed_answers(page: PageContent, segments: list[Segment], covered: list[Box]) -> tuple[list[Pair], list[Box]]:
    """Numbered questions printed together, and apart from them (below, in a grid of their own) the answers,
    each beside the number of the question it answers ("1  Moving in   8  CW2 8QR"): each answer goes with the
    question of its number. Taken only where at least four of the numbers beside answers are questions' numbers,
    each number once, every one of them below the last question."""
    from extractors.pairs import Pair

    free = [s for s in segments if not any(_inside(s.box, c) for c in covered)]
    numbered = [s for s in free if s.number and s.number.isdigit()]
    bare = [s for s in free if not s.number and _KEY.fullmatch(s.text.strip())]
    if len(bare) < 4 or len(numbered) < 4:
        return [], []
    keys_top = min(b.box.top for b in bare)
    questions: dict[str, Segment] = {}
    for q in numbered:
        if q.box.bottom <= keys_top:
            questions.setdefault(q.number or "", q)
    if len(questions) < 4 or not all(q.box.bottom <= keys_top for q in questions.values()):
        return [], []
    # Below the questions, a number printed with its answer in one run ("6  Flat 18, Kestrel Tower") is a key too.
    keys: list[tuple[str, Segment, Segment | None]] = [(b.text.strip(), b, None) for b in bare]
    keys += [(s.number or "", s, s) for s in numbered if s.box.top >= keys_top - 2]
    numbers = [k for k, _, _ in keys]
    if len(set(numbers)) != len(numbers) or sum(k in questions for k in numbers) < 4 \
            or any(k not in questions for k in numbers):
        return [], []
    by_line: dict[int, list[Segment]] = defaultdict(list)
    for s in free:
        by_line[s.line].append(s)
    key_segments = {id(seg) for _, seg, _ in keys}
    pairs: list[Pair] = []
    skip: list[Box] = []
    for number, seg, inline in sorted(keys, key=lambda k: int(k[0])):
        question = questions[number]
        rest = sorted((x for x in by_line[question.line] if x.box.x0 > question.box.x1 and not x.number),
                      key=lambda x: x.box.x0)
        label = question
        label_text = question.text
        for x in rest:  # the question's words after a colon ("The address you are leaving: house number ...")
            if any(n.line == question.line and question.box.x1 < n.box.x0 <= x.box.x0 for n in numbered
                   if n is not question):
                break
            label_text = f"{label_text}{':' if label.colon else ''} {x.text}"
            label = x
            skip.append(x.box)
        skip += [question.box, seg.box]
        if inline is not None:
            answer = [inline]
        else:
            right = sorted((x for x in by_line[seg.line] if x.box.x0 >= seg.box.x1 and id(x) not in key_segments),
                           key=lambda x: x.box.x0)
            stop = min((k.box.x0 for _, k, _ in keys if k.line == seg.line and k.box.x0 > seg.box.x1),
                       default=float("inf"))
            answer = [x for x in right if x.box.x1 <= stop]
        if not answer:
            continue  # a question left unanswered
        skip += [a.box for a in answer]
        text = " ".join(a.text for a in answer)
        pairs.append(Pair(page.number, label_text, Box.around([question.box, label.box]), text,
                          Box.around(a.box for a in answer), 0.85, "keyed", lines=[text]))
    return pairs, skip


def _question_answer_columns(page: PageContent, segments: list[Segment],
                             covered: list[Box]) -> tuple[list[Pair], list[Box]]:
    """Rows under a header that names the columns ("Question   Your answer"), with no rules between them and no
    type to tell a label from its answer: what starts under the answer column is the answer to what starts under
    the question column on its line (a line of the answer column alone carries the answer on); a row with
    nothing under the answer column is a part's heading (or a question left blank)."""
    from extractors.pairs import Pair

    free = [s for s in segments if not any(_inside(s.box, c) for c in covered)]
    lines: dict[int, list[Segment]] = defaultdict(list)
    for s in free:
        lines[s.line].append(s)
    order = sorted(lines)
    header = next((k for k in order if len(lines[k]) == 2 and all(
        set(re.findall(r"[a-z]+", x.text.lower())) <= _COLUMN_WORDS
        and re.search(r"\b(?:question|answer|response|reply)s?\b", x.text, re.I) for x in lines[k])), None)
    if header is None:
        return [], []
    ask, say = sorted(lines[header], key=lambda x: x.box.x0)
    pairs: list[Pair] = []
    skip = [ask.box, say.box]
    section = ""
    current: tuple[list[Segment], list[Segment]] | None = None

    def flush() -> None:
        if current is not None and current[1]:
            labels, answers = current
            text = [a.text for a in answers]
            pairs.append(Pair(page.number, " ".join(q.text for q in labels), Box.around(q.box for q in labels),
                              "\n".join(text), Box.around(a.box for a in answers), 0.9, "table", section=section,
                              lines=text))

    for k in order[order.index(header) + 1:]:
        row = sorted(lines[k], key=lambda x: x.box.x0)
        left = [x for x in row if abs(x.box.x0 - ask.box.x0) <= 12]
        right = [x for x in row if abs(x.box.x0 - say.box.x0) <= 12]
        if not left and not right:
            break  # the table ends
        if left and right:
            flush()
            current = ([left[0]], [right[0]])
        elif right and current is not None:
            current[1].append(right[0])  # the answer carries on
        elif left and current is not None and left[0].text[:1].islower():
            current[0].append(left[0])  # the question wraps ("When did you become ... at the" / "property?")
        elif left:
            flush()
            current = None
            st = left[0].style
            if st is not None and (st.bold or st.size > ask.height) and left[0].box.x1 < say.box.x0:
                section = left[0].text  # a part's heading across the question column ("Your details")
            # (else a question left blank)
        skip.extend(x.box for x in [*left, *right])
    flush()
    return pairs, skip


#: "QUESTION 05: Date you became the only adult", "Q3.", and "ANSWER: 2026-07-09", "A:", under it: a kiosk's
#: receipt, a form builder's plain-text export.
_Q_LINE = re.compile(r"^(?:question|q)\s*(?:no\.?\s*)?\d{0,3}[a-z]?\s*[:.)-]\s*(?P<rest>.*)$", re.I)
_A_LINE = re.compile(r"^(?:answer|a|response|your answer)\s*[:.)-]\s*(?P<rest>.*)$", re.I)


def _question_answer_lines(page: PageContent) -> tuple[list[Pair], list[Box]]:
    """Questions and answers on lines of their own, each marked as which it is ("QUESTION 01: Your full name" over
    "ANSWER: Miss Donna Hollis"): the answer is the question's, whatever else the line reader would pair. A
    question may wrap onto the next line, and so may an answer, up to the next question or a rule of dashes."""
    from extractors.pairs import Pair

    lines = [(" ".join(ln.text.split()), ln.box) for ln in page.lines]
    marked = sum(1 for t, _ in lines if _Q_LINE.match(t)), sum(1 for t, _ in lines if _A_LINE.match(t))
    if min(marked) < 2:
        return [], []
    pairs: list[Pair] = []
    skip: list[Box] = []
    question: list[tuple[str, Box]] = []
    answer: list[tuple[str, Box]] | None = None

    def flush() -> None:
        if question and answer is not None:
            text = [t for t, _ in answer if t]
            if text:
                qbox, abox = Box.around(b for _, b in question), Box.around(b for _, b in answer)
                pairs.append(Pair(page.number, " ".join(t for t, _ in question), qbox, "\n".join(text), abox, 0.9,
                                  "table", lines=text))
            skip.extend(b for _, b in [*question, *answer])

    for text, box in lines:
        if (q := _Q_LINE.match(text)) is not None and q["rest"]:
            flush()
            question, answer = [(q["rest"], box)], None
        elif question and (a := _A_LINE.match(text)) is not None:
            answer = [(a["rest"], box)]
        elif question and re.fullmatch(r"[-=_*~. ]{6,}", text):
            flush()
            question, answer = [], None  # a rule of dashes: the questions end
        elif question and answer is None:
            question.append((text, box))  # the question wraps
        elif question and answer is not None:
            answer.append((text, box))  # the answer does
    flush()
    return pairs, skip


# --------------------------------------------------------------------------- fillable fields


def _printed_label(widget_box: Box, segments: Sequence[Segment], exclude: list[Box]) -> Segment | None:
    """The printed label nearest a box: to its left on its row, else just above it."""
    from extractors.pairs import _value_like

    best: tuple[float, Segment] | None = None
    for s in segments:
        sb = s.box
        if sb.top > widget_box.bottom + 2 or widget_box.top - sb.bottom >= 28:
            continue  # below the box, or too far above it
        same_row = min(sb.bottom, widget_box.bottom) - max(sb.top, widget_box.top) >= 0.4 * sb.height
        if same_row and sb.x1 <= widget_box.x0 + 4 and widget_box.x0 - sb.x1 < 260:
            d = widget_box.x0 - sb.x1
        elif (sb.bottom <= widget_box.top + 2 and widget_box.top - sb.bottom < 28
              and sb.x1 > widget_box.x0 - 10 and sb.x0 < max(widget_box.x1, widget_box.x0 + 20)
              and abs(sb.x0 - widget_box.x0) < 80):  # (over a tick box, the question may start where its
            # option's words do, just right of the box: "Which zone are you applying for?" over "[ ] Zone A")
            d = 300 + 2 * (widget_box.top - sb.bottom) + 0.2 * abs(sb.x0 - widget_box.x0)
        else:
            continue
        if any(_inside(sb, e) for e in exclude):
            continue
        if s.text.startswith("(") and s.text.endswith(")"):
            continue  # a hint under a label ("(dd/mm/yyyy)")
        if same_row and _value_like(s.text):
            continue  # a value written in the column to the left ("SH41CS" level with the first zone's box)
        if same_row and d > 150:
            d += 250  # a column's width away: the other column's words ("First name(s)  Gary" level with the
            # options of the right-hand column's question), unless nothing is printed just over the box
        if best is None or d < best[0]:
            best = (d, s)
    if best is None:
        return None
    label = best[1]
    from extractors.pairs import _HEADING, names_a_field

    if best[0] >= 300 and label.style is not None and not names_a_field(label.text) and not label.question:
        # Small print right under a label, over the box: the question's hint ("If you are leaving, please give
        # your forwarding address" under "Address"); the label is the question over it. (Not a part's own
        # name: "Title", "First name(s)", "Surname" in small print under "Your name", one over each box.)

        over = [s for s in segments if s.line == label.line - 1 and abs(s.box.x0 - label.box.x0) <= 3
                and 0 <= label.box.top - s.box.bottom <= max(s.height, 6.0) and s.style is not None
                and (s.style.size >= label.style.size + 0.9 or (s.style.bold and not label.style.bold))
                and not _HEADING.match(s.text)]  # ("Part B - Who lives there now" heads the part, asks nothing)
        if over and not any(_inside(over[0].box, e) for e in exclude):
            return over[0]
    return label


def _with_wrap(label: Segment, segments: Sequence[Segment]) -> str:
    """A printed label with the rest of it wrapped onto the line below ("Address of the property you are" /
    "leaving"): only the whole of it says which field it is."""
    return " ".join(s.text for s in _wrapped(label, segments))


def _wrapped(label: Segment, segments: Sequence[Segment]) -> list[Segment]:
    """The label's segment and those of the rest of it on the lines below."""
    out = [label]
    prev = label
    for _ in range(2):
        nxt = [s for s in segments if s.line == prev.line + 1 and abs(s.box.x0 - prev.box.x0) <= 3]
        if not nxt:
            break
        s = nxt[0]
        if s.box.top - prev.box.bottom > 0.9 * max(prev.height, 6) or not (
                s.text[:1].islower() or prev.text.rstrip().endswith(("/", "-", "("))):
            break
        out.append(s)
        prev = s
    return out


def _beside(box: Box, segments: Sequence[Segment], reach: float = 160, *, left: bool = False) -> Segment | None:
    """The printed text just right of a tick box on its row (or, ``left``, just left of it: "Yes [ ]")."""
    best: tuple[float, Segment] | None = None
    for s in segments:
        sb = s.box
        if min(sb.bottom, box.bottom) - max(sb.top, box.top) < 0.3 * min(sb.height, box.height):
            continue
        gap = box.x0 - sb.x1 if left else sb.x0 - box.x1
        if -2 <= gap <= reach and (best is None or gap < best[0]):
            best = (gap, s)
    return best[1] if best else None


def _option_texts(boxes: Sequence[Box], segments: Sequence[Segment]) -> list[Segment | None]:
    """Each tick box's option: the words right of it, or, where every box of the row has words just
    left of it and those are nearer ("Yes [ ]  No [X]"), the words left of it."""
    right = [_beside(b, segments, reach=40) for b in boxes]
    left = [_beside(b, segments, reach=40, left=True) for b in boxes]
    if all(s is not None and re.search(r"[A-Za-z]{2}", s.text) for s in left):
        gap_left = sum(b.x0 - s.box.x1 for b, s in zip(boxes, left, strict=True) if s is not None)
        gap_right = sum((s.box.x0 - b.x1) if s is not None else 1000.0 for b, s in zip(boxes, right, strict=True))
        if gap_left < gap_right:
            return left
    return right


def _caption_under(widget_box: Box, segments: Sequence[Segment]) -> Segment | None:
    """The printed words right under a box, from its left edge: its caption, on a form that prints them so."""
    under = [s for s in segments if -1 <= s.box.top - widget_box.bottom <= 8 and abs(s.box.x0 - widget_box.x0) <= 6
             and s.box.x0 < widget_box.x1 and re.search(r"[A-Za-z]{2}", s.text)]
    return min(under, key=lambda s: s.box.top) if under else None


def _captioned_under(widgets: list[Widget], segments: Sequence[Segment]) -> bool:
    """Whether the form prints its boxes' labels under them: where a box's own name or tooltip says what it
    asks, the words under the box say it more often than the words over it or before it."""
    from extractors.meaning import fold
    from extractors.pairs import _PROMPTS

    def says(text: str, named: str) -> bool:
        words, name = set(fold(text).split()), set(fold(named).split())
        return bool(words and name) and len(words & name) >= 0.5 * min(len(words), len(name))

    under = over = 0
    for w in widgets:
        named = " ".join(x for x in (_own_words(w.tooltip), widget_name_label(w.name)) if x)
        if not named or _PROMPTS.match(named):
            continue  # (a date's "Day", "Month", "Year" boxes have their captions under them on any form)
        below, above = _caption_under(w.box, segments), _printed_label(w.box, segments, [])
        if below is not None and says(below.text, named):
            under += 1
        elif above is not None and says(above.text, named):
            over += 1
    return under >= 2 and under > 2 * over


def _own_words(tooltip: str | None) -> str | None:
    """A tooltip that says something ("Applicant's name"), not a generic one a form tool wrote ("Text Field 3")
    nor only the format of its answer ("dd/mm/yyyy")."""
    if not tooltip or _DATE_FORMAT.match(tooltip.strip()):
        return None
    return None if _GENERIC_NAME.fullmatch(normalise_widget_name(tooltip) or "") else tooltip


def _shared_tooltips(widgets: Sequence[Widget]) -> set[str]:
    """Tooltips that three or more of a form's text boxes share ("Please enter"): the form tool's words, not
    any box's own (lower case)."""
    counts = Counter(w.tooltip.strip().lower() for w in widgets if w.kind not in {"Btn", "Sig"} and w.tooltip)
    return {t for t, n in counts.items() if n >= 3}


def _widget_pairs(page: PageContent, widgets: list[Widget], segments: list[Segment],
                  shared: frozenset[str] | set[str] = frozenset()) -> tuple[list[Pair], list[Box]]:
    from extractors.pairs import Pair

    pairs: list[Pair] = []
    covered = [w.box for w in widgets]
    buttons: dict[str, list[Widget]] = defaultdict(list)
    captions = _captioned_under([w for w in widgets if w.kind not in {"Btn", "Sig"}], segments)

    def printed_label(box: Box) -> Segment | None:
        if captions:
            under = _caption_under(box, segments)
            return under if under is not None and not any(_inside(under.box, e) for e in covered) else None
        return _printed_label(box, segments, covered)

    for w in widgets:
        if w.kind == "Btn":
            buttons[w.name].append(w)
            continue
        if w.kind == "Sig" or not w.value:
            # An empty box still owns its printed label: that label answers nothing.
            empty_label = printed_label(w.box)
            if empty_label is not None:
                covered += [seg.box for seg in _wrapped(empty_label, segments)]
            continue
        label_seg = printed_label(w.box)
        printed = _with_wrap(label_seg, segments) if label_seg is not None else ""
        tooltip = None if w.tooltip is None or w.tooltip.strip().lower() in shared else w.tooltip
        label = _own_words(tooltip) or widget_name_label(w.name) or printed
        label_box = label_seg.box if label_seg is not None and (not tooltip or label_seg.text in tooltip) else None
        value = w.value
        if w.kind == "Ch" and w.options and value not in w.options and value.isdigit() and int(value) < len(w.options):
            value = w.options[int(value)]
        pairs.append(Pair(page.number, label, label_box, value, w.box, 0.97, "widget", widget=w.name,
                          lines=value.splitlines() or [value], printed=printed))
        if label_seg is not None:
            covered += [seg.box for seg in _wrapped(label_seg, segments)]  # the box's printed label (all of
            # it) is taken: it answers nothing itself
    pairs = dates_in_parts(pairs, segments)
    # Check boxes and radio buttons: the option ticked, by the text printed beside it (or its state's name).
    groups = _button_groups(list(buttons.values()))
    for group in groups:
        on = [w for w in group if w.value]
        options = []
        for w in group:
            beside = _beside(w.box, segments)
            options.append(beside.text if beside else (w.on_state or ""))
            if beside is not None:
                covered.append(beside.box)
        if len(on) != 1:
            continue
        w = on[0]
        beside = _beside(w.box, segments)
        state = w.on_state or w.value or ""
        answer = beside.text if beside is not None else (state if not _GENERIC_STATE.match(state) else "")
        if not answer and len(group) == 1:
            answer = "Yes"
        told = _told_apart(group, w) if not answer else None
        if told is not None:
            # Options printed nowhere, each box described in its tooltip alone ("Permit zone: Quay", "Permit
            # zone: Beach Road"; "Tick if you are moving INTO ..." / "... OUT of ..."): what the descriptions
            # share asks the question, and what is the ticked box's own answers it.
            question, answer = told
            pairs.append(Pair(page.number, question, None, answer, w.box, 0.9, "choice", widget=w.name,
                              lines=[answer], options=tuple(o for o in options if o)))
            continue
        if not answer:
            continue
        first = min(group, key=lambda b: (b.box.top, b.box.x0))
        question_seg = _printed_label(first.box, [s for s in segments if beside is None or s is not beside],
                                      covered)
        question = w.tooltip or widget_name_label(w.name) or (question_seg.text if question_seg else "")
        if len(group) == 1 and beside is not None and not w.tooltip:
            # A lone check box: its own printed text is the question, ticked means yes ("I live alone");
            # an option that says which way someone is moving is an answer too ("I am moving out").
            if norm.is_valid("move_type", beside.text):
                pairs.append(Pair(page.number, question, question_seg.box if question_seg else None, beside.text,
                                  w.box, 0.8, "choice", widget=w.name, lines=[beside.text]))
            question, answer = beside.text, "Yes"
        pairs.append(Pair(page.number, question, question_seg.box if question_seg else None, answer, w.box, 0.93,
                          "choice", widget=w.name, lines=[answer], options=tuple(o for o in options if o)))
    return pairs, covered


def _told_apart(group: Sequence[Widget], ticked: Widget) -> tuple[str, str] | None:
    """The question and the answer of check boxes told apart by their tooltips alone: the words every box's
    description shares (two words at least, or up to a colon) and the ticked box's own words between them.
    None unless every box has a description of its own."""
    tips = [" ".join((b.tooltip or "").split()) for b in group]
    if len(group) < 2 or not all(tips) or len(set(tips)) != len(tips) or ticked.tooltip is None:
        return None
    words = [t.split(" ") for t in tips]
    head = 0
    while all(len(ws) > head + 1 for ws in words) and len({ws[head] for ws in words}) == 1:
        head += 1
    tail = 0
    while all(len(ws) > head + tail + 1 for ws in words) and len({ws[-1 - tail] for ws in words}) == 1:
        tail += 1
    shared = " ".join(words[0][:head])
    if head < 2 and not shared.endswith(":"):
        return None
    mine = words[group.index(ticked)]
    own = " ".join(mine[head: len(mine) - tail])
    if not own or len(own.split()) > 6:
        return None
    if re.search(r"\bmov(?:e|ing)$", shared, re.I):
        own = f"{shared.split()[-1]} {own}"  # ("moving OUT of": the direction with its verb)
    return shared.rstrip(" :"), own


_DATE_PART = re.compile(r"^(?:d{1,2}|day|diwrnod|dydd|m{1,2}|month|mis|y{2,4}|year|blwyddyn)$", re.I)
#: A date part named after the question in a box's description: "Only adult since DD", "Date BBBB/YYYY".
_DATE_PART_AFTER = re.compile(
    r"\s*\(?\b(?:dd|mm|yyyy|yy|bbbb/yyyy|bbbb|day|month|year|diwrnod|dydd|mis|blwyddyn)\b\)?$", re.I)
_MONTH_NAME = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$", re.I)


def dates_in_parts(pairs: list[Pair], segments: Sequence[Segment], *, printed: bool = False) -> list[Pair]:
    """A date typed into three fillable boxes in a row, day, month and year ("DD | MM | YYYY" over them):
    one answer, labelled by the row's printed label, not three answers labelled "Day", "Month", "Year".

    ``printed``: the same of answers printed under captions of their own, a column each ("DAY | MONTH |
    YEAR" over "02 | 07 | 2026"), set as far apart as the form's columns are: the month's and the year's
    captions must then say so."""
    from extractors.pairs import Pair

    def part(p: Pair) -> bool:
        return bool(_DATE_PART.match(re.sub(r"[^A-Za-z]", "", p.label)) or _DATE_PART_AFTER.search(p.label))

    def stem(p: Pair) -> str:
        return _DATE_PART_AFTER.sub("", p.label).strip(" :-/")

    boxes = sorted((p for p in pairs if (p.how != "widget") == printed and (p.label_box is not None or not printed)),
                   key=lambda p: (p.page, p.answer_box.top, p.answer_box.x0))
    out = list(pairs)
    reach = 160 if printed else 40
    k = 0
    while k + 2 < len(boxes):
        d, m, y = boxes[k:k + 3]
        row = all(q.page == d.page and abs(q.answer_box.top - d.answer_box.top) < 4 for q in (m, y)) and all(
            0 <= b.answer_box.x0 - a.answer_box.x1 < reach for a, b in ((d, m), (m, y)))
        if printed and not (part(m) and part(y)):
            k += 1
            continue
        values = (re.fullmatch(r"\d{1,2}", d.answer.strip()) and 1 <= int(d.answer) <= 31
                  and ((re.fullmatch(r"\d{1,2}", m.answer.strip()) and 1 <= int(m.answer) <= 12)
                       or _MONTH_NAME.match(m.answer.strip()))
                  and re.fullmatch(r"\d{4}|\d{2}", y.answer.strip()))
        bare = not re.search(r"[A-Za-z]", m.label)  # the month's box labelled only by the "/" between
        # (a day, a month and a year of four figures in three boxes side by side are a date, whatever printed
        # words the month's and year's boxes were given: "DD MM YYYY" over them, the next part's "Zones")
        whole = bool(values) and re.fullmatch(r"(?:19|20)\d\d", y.answer.strip()) is not None
        if not (row and values and (whole or ((part(m) or bare) and (part(y) or not re.search(r"[A-Za-z]", y.label))))):
            k += 1
            continue
        label, label_box = d.label, d.label_box
        if part(d) and stem(d) and stem(d) == stem(y) and (bare or stem(m) == stem(d)):
            label = stem(d)  # "Only adult since DD", "... MM", "... YYYY": the question is what they share
        elif part(d):
            at = d.label_box if printed and d.label_box is not None else d.answer_box
            before = [sg for sg in segments if sg.page == d.page and sg.box.x1 <= at.x0 + 1 and at.x0 - sg.box.x1 < 250
                      and min(sg.box.bottom, at.bottom) - max(sg.box.top, at.top) > 0
                      and not _DATE_PART.match(re.sub(r"[^A-Za-z]", "", sg.text))]
            row_label = max(before, key=lambda sg: sg.box.x1, default=None)
            if row_label is None:  # no label on the row: the question over the boxes (over their captions)
                parts_box = (d.label_box.union(y.label_box) if printed and d.label_box and y.label_box
                             else d.answer_box.union(y.answer_box))
                over = _printed_label(parts_box, [sg for sg in segments if sg.page == d.page], [])
                row_label = over if over is not None and not _DATE_PART.match(re.sub(r"[^A-Za-z]", "", over.text)) \
                    else None
            label, label_box = (row_label.text, row_label.box) if row_label is not None else ("", None)
        sep = " " if _MONTH_NAME.match(m.answer.strip()) else "/"  # ("04 July 2026", not "04/July/2026")
        answer = sep.join(q.answer.strip() for q in (d, m, y))
        joined = Pair(d.page, label, label_box, answer, d.answer_box.union(y.answer_box), d.score, d.how,
                      widget=d.widget, lines=[answer], printed=label if not printed else "")
        out = [joined if q is d else q for q in out if q is not m and q is not y]
        k += 3
    return out


def _button_groups(by_name: list[list[Widget]]) -> list[list[Widget]]:
    """Buttons of one question: a radio group's, or lone check boxes side by side or stacked close together."""
    groups = [g for g in by_name if len(g) > 1 or g[0].radio]
    lone = sorted((g[0] for g in by_name if len(g) == 1 and not g[0].radio), key=lambda w: (w.box.top, w.box.x0))
    current: list[Widget] = []
    for w in lone:
        if current:
            last = current[-1].box
            same_row = abs(w.box.top - last.top) < 4 and 0 < w.box.x0 - last.x1 < 220
            stacked = abs(w.box.x0 - last.x0) < 6 and 0 <= w.box.top - last.bottom < 16
            if same_row or stacked:
                current.append(w)
                continue
            groups.append(current)
        current = [w]
    if current:
        groups.append(current)
    return groups


# --------------------------------------------------------------------------- printed tick boxes


def _typed_mark(word: Word, box: Box) -> bool:
    """An "X" or a tick typed in a box, or any one character of a dingbats font (ZapfDingbats "n" is a black
    square, "4" a tick: the font's own codes, which carry no Unicode meaning in the text)."""
    if len(word.text) > 2:
        return False
    dingbat = word.style is not None and re.search(r"dingbat|wingding", word.style.font, re.I) is not None
    if not (all(c in TICK_GLYPHS for c in word.text) or (dingbat and len(word.text) == 1)):
        return False
    if _inside(word.box, box, 1.5):
        return True
    # A tick set larger than its box, its type's height overhanging the box's edge ("✓" in 14 point in a
    # 13-point box), marks the box when its middle is inside it (not a letter "X": the start of a word).
    b, cx, cy = word.box, (word.box.x0 + word.box.x1) / 2, (word.box.top + word.box.bottom) / 2
    if not (box.x0 <= cx <= box.x1 and box.top <= cy <= box.bottom and b.height <= 1.6 * box.height):
        return False
    if word.text.lower() != "x":
        return True
    # (an "X" written by hand a little out of its box, most of it in the box, marks it too)
    overlap = max(0.0, min(b.x1, box.x1) - max(b.x0, box.x0)) \
        * max(0.0, min(b.bottom, box.bottom) - max(b.top, box.top))
    return overlap >= 0.7 * max((b.x1 - b.x0) * b.height, 1.0)


def _tick_boxes(page: PageContent, segments: list[Segment]) -> list[tuple[Box, bool, Segment | None]]:
    """Small square boxes drawn on the page, whether something marks them, and the mark.

    A mark typed in the box may be the first word of the option's own run ("X I am moving out"), or the
    last of the option before it ("MOVING IN X" where the box follows its option): it is cut off, and the
    rest of the run is the option's text.
    """
    out: list[tuple[Box, bool, Segment | None]] = []
    # (an online form's radio buttons, printed, are circles: the chosen one with a dot drawn in it)
    for r in [*page.rects, *page.circles]:
        w, h = r.x1 - r.x0, r.height
        if not (5 <= w <= 18 and 5 <= h <= 18 and abs(w - h) <= 3) and r not in page.circles:
            continue
        mark = None
        for s in segments:
            if _typed_mark(s.words[0], r):
                if len(s.words) > 1:
                    s.set_words(s.words[1:])
                    mark = None
                else:
                    mark = s
                out.append((r, True, mark))
                break
            if len(s.words) > 1 and _typed_mark(s.words[-1], r) and not _inside(s.words[-2].box, r, 1.5):
                s.set_words(s.words[:-1])
                out.append((r, True, None))
                break
        else:
            if not _in_comb(r, page.rects) and any(_inside(w.box, r, 1.0) and w.text.isdigit() for ln in page.lines
                                                   for ph in ln.phrases for w in ph.words):
                continue  # a question's number printed in a square badge ("2") on its own: no tick box
            # A mark drawn in the box, not typed: the strokes of a cross or tick, or the box filled in.
            # (a tick's long stroke may reach out of its box: its middle in the box and no bigger than the box
            # by half, it marks it)
            inside = [m for m in page.marks if _inside(m, r, 1.5) or (
                _inside(Box(m.page, (m.x0 + m.x1) / 2, m.middle, (m.x0 + m.x1) / 2, m.middle), r, 0.5)
                and m.x1 - m.x0 <= 1.5 * w and m.height <= 1.5 * h)]
            drawn = any(0.15 * w * h <= (m.x1 - m.x0) * max(m.height, 1.0) <= 0.8 * w * h for m in inside) \
                or sum(m.x1 - m.x0 >= 0.5 * w and m.height >= 0.5 * h for m in inside) >= 2
            # (a shaded box is not a box filled in; two strokes corner to corner are a cross, though they
            # reach the box's edges)
            out.append((r, drawn, None))
    return out


def _in_comb(box: Box, row: Sequence[Box]) -> bool:
    """``box`` is one of a row of boxes that touch or nearly touch, one character to each ("1 2 / 0 2 / 2 0 2 6"):
    a comb, not a tick box, whatever small print follows it ("DD / MM / YYYY")."""
    width = box.x1 - box.x0
    return any(o is not box and abs(o.top - box.top) <= 2 and -1 <= max(o.x0 - box.x1, box.x0 - o.x1) <= 0.35 * width
               for o in row)


def _tick_pairs(page: PageContent, segments: list[Segment], covered: list[Box]) -> tuple[list[Pair], list[Box]]:
    from extractors.pairs import Pair

    pairs: list[Pair] = []
    skip: list[Box] = []
    boxes = [(b, ticked, mark) for b, ticked, mark in _tick_boxes(page, segments)
             if not any(_inside(b, c) for c in covered)]
    # Comb boxes are squares too: a box with an option's words beside it is a tick box, one in a row of
    # boxes with characters in them is not.
    rows: dict[int, list[tuple[Box, bool, Segment | None, Segment | None]]] = defaultdict(list)
    by_row: dict[int, list[tuple[Box, bool, Segment | None]]] = defaultdict(list)
    for b, ticked, mark in boxes:
        by_row[round(b.top / 4)].append((b, ticked, mark))
    marks = {id(m) for _, _, m in boxes if m is not None}
    unmarked = [s for s in segments if id(s) not in marks]
    for key, row in by_row.items():
        row.sort(key=lambda t: t[0].x0)
        row[:] = [t for t in row if not _in_comb(t[0], [u[0] for u in row])]
        # Boxes set well apart take short options too ("[ ] A  [X] B2  [ ] C": zones); comb boxes touch.
        spaced = len(row) >= 2 and all(b.x0 - a.x1 >= 0.8 * (a.x1 - a.x0) for (a, _, _), (b, _, _)
                                       in itertools.pairwise(row))
        for (b, ticked, mark), beside in zip(row, _option_texts([t[0] for t in row], unmarked), strict=True):
            if beside is None or not (re.search(r"[A-Za-z]{2}", beside.text) or (
                    spaced and re.fullmatch(r"[A-Za-z]\d?|[A-Za-z]{2}\d?|\d[A-Za-z]?", beside.text)
                    and not any(_inside(beside.box, t[0], 1.0) for t in row))):
                continue
            rows[key].append((b, ticked, mark, beside))
    groups = _group_rows(rows)
    every = [o.text for g in groups for _, _, _, o in g if o is not None]
    asked: list[tuple[list[tuple[Box, bool, Segment | None, Segment | None]], Segment | None, Box]] = []
    for group in groups:
        first = min((g[0] for g in group), key=lambda x: (x.top, x.x0))
        question = _printed_label(first, [s for s in segments if s.text not in every
                                          and not any(_inside(s.box, g[0], 1.5) for g in group)], covered + skip)
        if question is None and asked and _under_in_columns(group, asked[-1][0]):
            asked[-1][0].extend(group)  # a second row of one question's options ("F2 H R1 S G" under "A B B2 C F1")
            continue
        asked.append((group, question, first))
    for group, question, first in asked:
        options = [beside.text for _, _, _, beside in group if beside is not None]
        for b, _, mark, beside in group:
            skip.append(b)
            if beside is not None:
                skip.append(beside.box)
            if mark is not None:
                skip.append(mark.box)
        marked = [(b, beside) for b, t, _, beside in group if t and beside is not None]
        if question is not None and min(question.box.bottom, first.bottom) - max(question.box.top, first.top) > 0:
            skip.append(question.box)  # the options' question on their row, answered here or not at all
        if len(marked) != 1:
            continue
        b, beside = marked[0]
        assert beside is not None
        pairs.append(Pair(page.number, question.text if question else "", question.box if question else None,
                          beside.text, b.union(beside.box), 0.9, "tick", lines=[beside.text],
                          options=tuple(options)))
    # Options printed with glyphs in the text: "☐ Moving in  ☒ Moving out", "[X] Yes [ ] No". Options set
    # apart on their line, one to a run ("[ ] I am moving INTO the district    [X] I am moving OUT of ..."), or
    # one under another from one margin, are one choice: none of them is the others' question.
    runs: list[list[tuple[Segment, list[tuple[str, str]]]]] = []
    for s in segments:
        if any(_inside(s.box, c) for c in covered + skip):
            continue
        found = _GLYPH_OPTION.findall(s.text)
        if len(found) < 1 or not any(g in s.text for g in "\u2610\u2612\u2611\u25a1\u25a0["):
            continue
        last = runs[-1][-1][0] if runs else None
        if len(found) == 1 and last is not None and len(runs[-1][-1][1]) == 1 and last.page == s.page and (
                last.line == s.line or (0 < s.box.top - last.box.top <= 2.2 * max(s.height, 6.0) and any(
                    abs(s.box.x0 - m.box.x0) <= 3 for m, _ in runs[-1] if abs(m.box.top - last.box.top) < 2))):
            runs[-1].append((s, found))  # (a grid of options, two to a line: "☐ Fore Street  ☐ Zone A1" over
            # "☑ Zone A2  ☐ Quay", each line's first under the line before's first)
        else:
            runs.append([(s, found)])
    for run in runs:
        found = [f for _, fs in run for f in fs]
        chosen = [text.strip() for glyph, text in found if glyph.strip("[] ") and glyph not in EMPTY_BOX_GLYPHS]
        if len(chosen) != 1:
            continue
        members = [s for s, _ in run]
        question = _printed_label(members[0].box, [x for x in segments if all(x is not m for m in members)],
                                  covered + skip)
        pairs.append(Pair(page.number, question.text if question else "", question.box if question else None,
                          chosen[0], Box.around(m.box for m in members), 0.88, "tick", lines=[chosen[0]],
                          options=tuple(t.strip() for _, t in found)))
        skip.extend(m.box for m in members)
    # Options printed with their brackets after them: "In [ ]  Out [X]", "Yes [X]  No [ ]".
    by_line: dict[tuple[int, int], list[Segment]] = defaultdict(list)
    for s in segments:
        if not any(_inside(s.box, c) for c in covered + skip):
            by_line[(s.page, s.line)].append(s)
    for line in by_line.values():
        found = [(m, s) for s in line for m in _OPTION_GLYPH.finditer(s.text)]
        if len(found) < 2 or any(not _OPTION_GLYPH.fullmatch(s.text.strip())
                                 and not re.fullmatch(rf"(?:{_OPTION_GLYPH.pattern}\s*)+", s.text.strip())
                                 for _, s in found):
            continue
        chosen = [(m, s) for m, s in found if m["mark"]]
        if len(chosen) != 1:
            continue
        first = min((s for _, s in found), key=lambda x: x.box.x0)
        question = _printed_label(first.box, [x for x in segments if all(x is not s for _, s in found)], covered + skip)
        m, s = chosen[0]
        pairs.append(Pair(page.number, question.text if question else "", question.box if question else None,
                          m["option"].strip(), s.box, 0.88, "tick", lines=[m["option"].strip()],
                          options=tuple(x["option"].strip() for x, _ in found)))
        skip.extend(s.box for _, s in found)
    return pairs, skip


#: An option with its bracket after it, marked or not: "Out [X]".
_OPTION_GLYPH = re.compile(r"(?P<option>[A-Za-z][A-Za-z' -]{0,30}?)\s*\[\s*(?P<mark>[xX\u2713\u2714]?)\s*\]")


def _struck(word: Box, rules: Sequence[Box]) -> bool:
    """A rule drawn through the middle of a word (not under it): the word is crossed out."""
    h = max(word.height, 4.0)
    return any(word.top + 0.3 * h <= r.top <= word.bottom - 0.2 * h and r.height <= 2.0
               and min(r.x1, word.x1) - max(r.x0, word.x0) >= 0.6 * (word.x1 - word.x0) for r in rules)


def _struck_choices(page: PageContent, segments: list[Segment], covered: list[Box]
                    ) -> tuple[list[Pair], list[Box]]:
    """Options printed one after another with a "/" between them, all but one crossed out ("I am moving
    INTO / ~~OUT OF~~ Ashcombe Vale (delete as appropriate)"): the option left standing is the answer."""
    from extractors.pairs import Pair

    pairs: list[Pair] = []
    skip: list[Box] = []
    for seg in segments:
        if "/" not in seg.text or any(_inside(seg.box, c) for c in covered):
            continue
        struck = [_struck(w.box, page.rules) for w in seg.words]
        if not any(struck) or all(struck):
            got = _picked_option(page, seg, segments, covered + skip)
            if got:
                pairs.append(got[0])
                skip.extend(got[1])
            continue
        # The options: the runs of words between the "/"s; the first reaches back over the words crossed out
        # before the first "/" (or is the one word before it), the last forward over those crossed out after
        # the last (or is the one word after it).
        at = [k for k, w in enumerate(seg.words) if w.text == "/"]
        if not at or at[0] == 0 or at[-1] == len(seg.words) - 1:
            continue
        first = at[0] - 1
        while struck[at[0] - 1] and first > 0 and struck[first - 1]:
            first -= 1
        last = at[-1] + 1
        while struck[at[-1] + 1] and last + 1 < len(seg.words) and struck[last + 1]:
            last += 1
        edges = [first - 1, *at, last + 1]
        if all(len({struck[k] for k in range(a + 1, b)}) == 1 for a, b in itertools.pairwise([-1, *at, len(struck)])):
            edges = [-1, *at, len(struck)]  # options of several words each, each struck whole or not at all ("in
            # to the district / ~~out of the district~~"): the whole of each
        options: list[tuple[str, bool]] = []
        for a, b in itertools.pairwise(edges):
            run = list(range(a + 1, b))
            if not run:
                break
            options.append((" ".join(seg.words[k].text for k in run), all(struck[k] for k in run)))
        standing = [text for text, gone in options if not gone]
        if len(options) < 2 or len(standing) != 1 or not any(gone for _, gone in options):
            continue
        label = " ".join(w.text for w, gone in zip(seg.words, struck, strict=True) if not gone and w.text != "/")
        label_box = seg.box
        if label == standing[0]:  # the options alone ("Yes / ~~No~~"): the question is printed before them
            question = _question_before(seg, segments, covered + skip)
            if question is None:
                continue
            label, label_box = question.text, question.box
            skip.append(question.box)
        pairs.append(Pair(page.number, label, label_box, standing[0], seg.box, 0.85, "choice", lines=[standing[0]],
                          options=tuple(text for text, _ in options)))
        skip.append(seg.box)
    return pairs, skip


def _question_before(options: Segment, segments: Sequence[Segment], covered: list[Box]) -> Segment | None:
    """The question a run of options printed alone ("Yes / No") answers: the label printed before it."""
    return _printed_label(options.box, [x for x in segments if x is not options], covered)


def _picked_option(page: PageContent, seg: Segment, segments: Sequence[Segment], covered: list[Box]
                   ) -> tuple[Pair, list[Box]] | None:
    """Options printed with a "/" between them ("Yes / No", "In / Out"), one of them marked: ringed by a drawn
    oval, or set in bold where the others are not. The option marked is the answer; the question is the text
    before the options on their line (in their run, or the text just left of them)."""
    from extractors.pairs import Pair, names_a_field

    words = seg.words
    at = [k for k, w in enumerate(words) if w.text == "/"]
    if not at or at[0] == 0 or at[-1] == len(words) - 1 or any(b - a < 2 for a, b in itertools.pairwise(at)):
        return None
    # The options: the one word before the first "/", the runs between, the one word after the last; a run of
    # more than three words is no option.
    edges = [at[0] - 2, *at, at[-1] + 2]
    runs = [list(range(a + 1, b)) for a, b in itertools.pairwise(edges)]
    if at[-1] + 2 != len(words) or any(len(r) > 3 for r in runs):
        return None  # (words after the options: a sentence with a "/" in it, not a choice)

    def ringed(w: Word) -> bool:
        cx, cy = (w.box.x0 + w.box.x1) / 2, (w.box.top + w.box.bottom) / 2
        return any(r.x0 - 2 <= w.box.x0 and w.box.x1 <= r.x1 + 2 and r.top <= cy <= r.bottom and r.x0 <= cx <= r.x1
                   for r in page.rings)

    def bold(w: Word) -> bool:
        return w.style is not None and w.style.bold

    options = tuple(" ".join(words[k].text for k in run) for run in runs)
    if any(len(o) >= 4 and names_a_field(o) for o in options):
        return None  # a label in two languages ("Cyfenw / Surname"), not options (but "Yes / No")
    picked: int | None = None
    for mark in (ringed, bold):
        wholly = [all(mark(words[k]) for k in run) for run in runs]
        partly = [any(mark(words[k]) for k in run) for run in runs]
        if sum(wholly) == 1 and sum(partly) == 1:  # one option marked, no other touched
            picked = wholly.index(True)
            break
    if picked is None:
        return None
    if mark is bold:
        # Emphasis picks an option only where the others are the same type without its weight ("In / **Out**"),
        # not where they are set apart another way (a second language in italic).
        chosen_style = words[runs[picked][0]].style
        for k in (k for n, run in enumerate(runs) if n != picked for k in run):
            st = words[k].style
            if chosen_style is None or st is None or st.italic or st.family != chosen_style.family \
                    or abs(st.size - chosen_style.size) > 0.3 or st.colour != chosen_style.colour:
                return None
    chosen = options[picked]
    lead = words[: at[0] - 1]
    skip = [seg.box]
    if lead:
        label, label_box = " ".join(w.text for w in lead), Box.around(w.box for w in lead)
    else:
        question = _question_before(seg, segments, covered)
        if question is None:
            return None
        label, label_box = question.text, question.box
        skip.append(question.box)
    return Pair(page.number, label, label_box, chosen, seg.box, 0.85, "choice", lines=[chosen], options=options), skip


def _under_in_columns(row: list[tuple[Box, bool, Segment | None, Segment | None]],
                      above: list[tuple[Box, bool, Segment | None, Segment | None]]) -> bool:
    """A row of two or more boxes right under a row of the group above, box under box."""
    if len(row) < 2 or len(above) < 2:
        return False
    low = max(a[0].bottom for a in above)
    last = [a[0] for a in above if a[0].bottom >= low - 3]
    return all(any(abs(b[0].x0 - a.x0) < 6 for a in last) for b in row) \
        and all(0 < b[0].top - low < 14 for b in row)


def _group_rows(rows: dict[int, list[tuple[Box, bool, Segment | None, Segment | None]]]
                ) -> list[list[tuple[Box, bool, Segment | None, Segment | None]]]:
    """Tick boxes on one row, or stacked in one column under each other, are one question's options."""
    groups: list[list[tuple[Box, bool, Segment | None, Segment | None]]] = []
    for key in sorted(rows):
        row = sorted(rows[key], key=lambda t: t[0].x0)
        if groups and len(row) == 1 and len(groups[-1]) >= 1:
            last = groups[-1][-1][0]
            b = row[0][0]
            if abs(b.x0 - last.x0) < 6 and 0 < b.top - last.bottom < 14:
                groups[-1].append(row[0])
                continue
        groups.append(row)
    return groups


# --------------------------------------------------------------------------- ruled tables

_MARK = re.compile(rf"^[{TICK_GLYPHS}*]$")


def _table_pairs(page: PageContent, segments: list[Segment],
                 styles: _Styles | None = None) -> tuple[list[Pair], list[Box]]:
    """A ruled table's pairs. Its rows are read as what they are, judged from the rows themselves:
    a question and its answer side by side ("Date of birth | 3 March 1980"); a row of labels over a row
    of answers in the same columns ("Title | First name | Surname" over "MS | JANE | SMITH", a blank
    cell a blank answer); a grid of questions with a column per option, the option marked in its
    column ("Question | YES | NO" over "Are you moving in? | X |"); a row across the table, a heading."""
    if not page.rects and not page.rules:
        return [], []
    pairs: list[Pair] = []
    skip: list[Box] = []
    for table in page.tables:
        rows = [[_without_prompts((t or "").strip()) for t in texts] for texts in table.rows]
        if len(rows) < 2:
            continue
        multi = sum(1 for r in rows for t in r if "\n" in t)
        cells = sum(1 for r in rows for t in r if t)
        # A grid of boxes each holding a label and its answer is read by the line reader.
        if cells == 0 or multi > 0.5 * cells:
            continue
        width = max(len(r) for r in rows)
        if width < 2 and len(rows) != 2:
            continue
        present = [[(t, b) for t, b in zip(texts, boxes, strict=False) if b is not None]
                   for texts, boxes in zip(rows, table.cells, strict=False)]
        got = _Grid(page, segments, styles).read(present)
        if got:
            pairs += got
            boxes = [q for p in got for q in (p.answer_box, p.label_box) if q is not None]
            filled = [[b for t, b in row if t and b is not None] for row in present]
            filled = [row for row in filled if row]
            read = [row for row in filled if any(_inside(q, b, 1.0) or _inside(b, q, 1.0) for b in row for q in boxes)]
            if len(read) >= 0.5 * len(filled):
                skip.append(table.box)
            else:  # a frame round most of the form, of which the grid read a few cells: those cells only
                skip += boxes
    return pairs, skip


def _without_prompts(text: str) -> str:
    """A cell's lines without the guide printed under its boxes ("DD MM YYYY" under "12/12/2026")."""
    from extractors.pairs import _PROMPTS

    lines = text.split("\n")
    kept = [ln for ln in lines if not _PROMPTS.match(ln.strip())]
    return "\n".join(kept) if kept and len(kept) < len(lines) else text


#: A mark set beside an option on its line, before or after it ("I am moving out ✓", "X Moving in", "Out [ X ]");
#: and an empty box beside one ("In [ ]").
_MARKS = "\u2713\u2714\u2612\u2611\u25a0\u25cf"
_LINE_MARK = re.compile(rf"^\s*(?:[{_MARKS}xX]|\[\s*[{_MARKS}xX]\s*\])\s+(?=\S)|"
                        rf"\s+(?:[{_MARKS}xX]|\[\s*[{_MARKS}xX]\s*\])\s*$")
_LINE_BOX = re.compile(rf"^\s*(?:[{EMPTY_BOX_GLYPHS}]|\[\s*\])\s+(?=\S)|\s+(?:[{EMPTY_BOX_GLYPHS}]|\[\s*\])\s*$")


def _marked_line(text: str) -> tuple[str, tuple[str, ...]] | None:
    """A cell of options, one a line, the chosen one marked beside it ("I am moving in" / "I am moving out ✓",
    "In [ ]" / "Out [ X ]"): the option marked, and every option. None unless exactly one of two or more lines
    is marked."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) < 2:
        return None
    marked = [bool(_LINE_MARK.search(ln)) for ln in lines]
    if sum(marked) != 1:
        return None
    options = tuple(_LINE_BOX.sub("", _LINE_MARK.sub("", ln)).strip() for ln in lines)
    if any(not re.search(r"[A-Za-z]{2}", o) or len(o.split()) > 12 for o in options):
        return None
    return options[marked.index(True)], options


def _printed_options(text: str) -> bool:
    """A cell of options printed with their boxes ("☒ Moving in ☐ Moving out", "[ ] In  [X] Out"): the tick
    readers say which is chosen, not the cell's words."""
    return any(g in text for g in EMPTY_BOX_GLYPHS + "\u2612\u2611") or len(_GLYPH_OPTION.findall(text)) >= 2


def _alternating(present: Sequence[tuple[str, Box | None]]) -> bool:
    """Label, answer, label, answer: the label cells hold words, and no label cell is a value."""
    labels = [t for t, _ in present[::2]]
    return all(re.search(r"[A-Za-z]{3}", t) for t in labels if t)


# The words a table's header uses to name its columns of questions and answers.
_COLUMN_WORDS = {"question", "questions", "answer", "answers", "your", "our", "response", "responses", "reply",
                 "replies", "description", "label",
                 "details", "detail", "information", "item", "items", "field", "fields", "value", "values",
                 "entry", "entries", "asked", "told", "us", "you", "we", "what", "the", "data", "given"}


#: A household table's column asking whether each person still lives there, and its columns about leaving.
_STILL_HERE = re.compile(r"\b(?:still\s+(?:liv|resid)\w*|lives?\s+here\s+now|currently\s+(?:liv|resid)\w*)", re.I)
_LEAVING = re.compile(r"\b(?:left|leaving|moved?\s+out|vacated|forwarding|new\s+address|where\s+(?:they|now))\b", re.I)
#: The heading a household table's row of someone who has left is read under.
_LEFT_HEADING = "Adult who has left"


#: The words a table's header uses for its option columns and its number column.
_OPTION_WORDS = {"yes", "no", "ie", "na", "n", "y", "true", "false", "agree", "tick"}


#: The guide to writing a date printed over its boxes, at the end of a cell's first line ("DAY MONTH YEAR").
_DATE_GUIDE = re.compile(r"\s+(?:day|dd|d\s?d)\s*/?\s*(?:month|mm|m\s?m)\s*/?\s*(?:year|yyyy|yy|y\s?y\s?y\s?y)\s*$",
                         re.I)


class _Grid:
    """Reads the rows of one ruled table (see :func:`_table_pairs`)."""

    def __init__(self, page: PageContent, segments: list[Segment], styles: _Styles | None) -> None:
        self.page = page
        self.segments = segments
        self.styles = styles

    def read(self, rows: list[list[tuple[str, Box]]]) -> list[Pair]:
        out: list[Pair] = []
        section = ""
        r = 0
        while r < len(rows):
            row = rows[r]
            nxt = rows[r + 1] if r + 1 < len(rows) else None
            if nxt is not None and (crossed := self._two_way(rows, r)) is not None:
                got, r = crossed
                out += got
                continue
            if nxt is not None and (people := self._household(rows, r)) is not None:
                got, r = people
                out += got
                continue
            if nxt is not None and (named := self._named_columns(rows, r, section)) is not None:
                got, r = named
                out += got
                continue
            if nxt is not None and (grid := self._choice_grid(rows, r, section)) is not None:
                got, r = grid
                out += got
                continue
            if self._column_names(rows, r):
                r += 1  # "Question | Answer" over rows of questions and their answers
                continue
            if len(row) == 1 and row[0][0] and self._labelled_cell(*row[0]):
                out += self._side_by_side(row, section)  # a cell across the table holding its own label over its
                r += 1  # answer ("EMAIL ADDRESS" over the address): no heading, and no label over the next row
                continue
            if nxt is not None and (under := self._labels_over_answers(row, nxt, section)) is not None:
                out += under
                r += 2
                continue
            filled = [(t, b) for t, b in row if t]
            if len(filled) == 1 and len(row) <= 1:
                section = filled[0][0].replace("\n", " ")  # a row across the table: a part's heading
            else:
                out += self._side_by_side(row, section)
            r += 1
        return out

    # ------------------------------------------------------------------ what a cell holds

    def _inside(self, box: Box) -> list[Segment]:
        return [s for s in self.segments if _inside(s.box, box)]

    def _style(self, box: Box) -> Style | None:
        counts: Counter[Style] = Counter()
        for s in self._inside(box):
            if s.style is not None:
                counts[s.style] += len(s.words)
        return counts.most_common(1)[0][0] if counts else None

    def _styles_in(self, box: Box) -> set[Style]:
        return {s.style for s in self._inside(box) if s.style is not None}

    @staticmethod
    def _label_like(text: str) -> bool:
        """Words that could be a label: letters, not a value, not a mark, not a sentence, not a part's heading."""
        from extractors.pairs import _HEADING, _value_like

        t = " ".join(text.split())
        return (bool(re.search(r"[A-Za-z]{2}", t)) and not _value_like(t) and not _MARK.match(t)
                and len(t.split()) <= 14 and not _HEADING.match(t)
                and not (t.endswith((".", "!")) and len(t.split()) >= 5))  # "a/c no." is a label; a sentence is not

    def _answer_like(self, text: str, box: Box, label_box: Box) -> bool:
        """Whether a cell under (or beside) a label's cell holds its answer rather than another label."""
        return self._answer_evidence(text, box, label_box) is not None

    def _answer_evidence(self, text: str, box: Box, label_box: Box) -> str | None:
        """Why a cell reads as the answer to a label's cell: "value" (it is one: a date, a postcode...),
        "type" (it is set in the answers' type, or apart from the label's), "weak" (nothing says it is
        a label); None when it reads as another label."""
        from extractors.pairs import _HEADING, _value_like, names_a_field

        if _value_like(" ".join(text.split())):
            return "value"
        if _HEADING.match(" ".join(text.split())):
            return None  # "SECTION 3 – ADDRESS YOU ARE LEAVING" under "EMAIL ADDRESS" left blank: the next part
        if self._labelled_cell(text, box):
            return None  # "REASON FOR THE CHANGE" over its answer, under a question left blank: its own pair
        st, label_st = self._style(box), self._style(label_box)
        if st != label_st and len(both := self._styles_in(box)) > 1 and both == self._styles_in(label_box):
            st = label_st  # two languages set in the same two types ("Enw / Name" over "Cyfeiriad / Address"),
            # whichever has more words in each cell: the same type, not an answer's
        if self.styles is not None and self.styles.answer and not self.styles.is_answer(st) \
                and names_a_field(text):
            return None  # "Postcode" in the cell beside "House number and street", both left blank
        if self.styles is not None and self.styles.is_answer(st) and st != label_st:
            return "type"
        if st is not None and label_st is not None and st != label_st:
            # Set apart by type, as answers are: not smaller than the label, and not a heading's bold.
            if st.size >= label_st.size - 0.2 and not (st.bold and not label_st.bold and st.size > label_st.size):
                return "type"
            return None
        if self.styles is not None and self.styles.answer and self.styles.is_form(st):
            return None  # the answers have a type of their own, and this cell is in the form's
        return "weak" if max((s.label_score for s in self._inside(box)), default=0.0) < 0.75 else None

    # ------------------------------------------------------------------ the kinds of row

    def _side_by_side(self, row: list[tuple[str, Box]], section: str) -> list[Pair]:
        """A question and its answer in one row (or label, answer, label, answer across it)."""
        from extractors.pairs import Pair

        out: list[Pair] = []
        own = [(t, b) for t, b in row if self._labelled_cell(t, b)]
        if own:
            # Cells that hold their own label over their answer ("Date of move (dd/mm/yyyy)" over "22/05/2026"):
            # each is a pair, and no cell answers another.
            for t, b in own:
                first, rest = t.split("\n", 1)
                first = _DATE_GUIDE.sub("", first).strip() or first  # ("... (DD/MM) DAY MONTH YEAR" over the boxes)
                out.append(Pair(self.page.number, first, b, rest, b, 0.9, "box", section=section,
                                lines=rest.splitlines()))
            return out
        if len(row) >= 4 and len(row) % 2 == 0 and _alternating(row):
            for (q, qb), (a, ab) in zip(row[::2], row[1::2], strict=False):
                if q and a and self._answer_like(a, ab, qb):
                    out.append(Pair(self.page.number, q.replace("\n", " "), qb, a, ab, 0.9, "table",
                                    section=section, lines=a.splitlines()))
            return out
        if len(row) == 2 and _NUMBER_CELL.match(row[0][0].strip()):
            return out  # "Q1 | Who is applying?   Kwame Wozniak": the number's cell, then one cell holding the
            # question and its answer (no rule between them): the lines are read as on a page without rules
        if len(row) >= 3 and _NUMBER_CELL.match(row[0][0].strip()):
            row = row[1:]  # "2 | Dyddiad symud / Date of move | 4th August 2026": the question's number first
        if len(row) >= 2:
            (q, qb), (a, ab) = row[0], row[-1]
            if q and (marked := _marked_line(a)) is not None:
                chosen, options = marked  # options a line each, the one chosen marked beside it
                out.append(Pair(self.page.number, q.replace("\n", " "), qb, chosen, ab, 0.9, "choice",
                                section=section, lines=[chosen], options=options))
                return out
            if _printed_options(a):
                return out  # options printed with their boxes ("☒ Moving in ☐ Moving out", "[ ] In [X] Out"): read
                # as ticks
            if q and a and a != q and self._answer_like(a, ab, qb):
                out.append(Pair(self.page.number, q.replace("\n", " "), qb, a, ab, 0.92, "table", section=section,
                                lines=a.splitlines()))
        return out

    def _labelled_cell(self, text: str, box: Box) -> bool:
        """A cell whose first line is a label and whose next line is a value ("Date of move" / "22/05/2026"),
        or is written in the answers' type under a label in the form's ("Full name of the adult who has left"
        over "Pauline Okafor")."""
        from extractors.pairs import _value_like

        if "\n" not in text:
            return False
        first, rest = text.split("\n", 1)
        if not self._label_like(_DATE_GUIDE.sub("", first)):
            return False
        inside = sorted(self._inside(box), key=lambda seg: seg.box.top)
        head = [seg for seg in inside if seg.box.top < inside[0].box.bottom]
        tail = [seg for seg in inside if seg not in head]
        if self.styles is not None and self.styles.answer and head \
                and all(self.styles.is_answer(seg.style) for seg in head):
            return False  # typed in the answers' type: an answer of two lines ("36 Victoria Terrace, Brackenholme"
            # over "BQ2 9SU"), not a label over its value
        if _value_like(" ".join(rest.split())):
            return not self._label_like(rest)
        if self.styles is None or not self.styles.answer:
            return False
        if not inside:
            return False
        return bool(tail) and all(self.styles.is_answer(seg.style) for seg in tail) \
            and not any(self.styles.is_answer(seg.style) for seg in head)

    def _column_names(self, rows: list[list[tuple[str, Box]]], r: int) -> bool:
        """Whether row ``r`` names the columns of the rows under it, each a question and its answer: the
        rows under it have its cells, each starts with a label, and two of the first few are answered
        (a question left blank is still a question)."""
        if len(rows[r]) < 2:
            return False
        head = rows[r]
        answered = 0
        for row in rows[r + 1: r + 5]:
            if len(row) != len(head) or any(abs(a.x0 - b.x0) > 3 or abs(a.x1 - b.x1) > 3
                                            for (_, a), (_, b) in zip(row, head, strict=True)):
                return False
            if not self._label_like(row[0][0]):
                return False
            if row[-1][0]:
                if self._label_like(row[-1][0]) and \
                        self._answer_evidence(row[-1][0], row[-1][1], row[0][1]) is None:
                    return False
                answered += 1
                if answered == 2:
                    break
        if answered < 2 or not all(t and self._label_like(t) for t, _ in head):
            return False
        named = all(set(re.findall(r"[a-z]+", t.lower())) <= _COLUMN_WORDS for t, _ in head)
        apart = not {self._style(b) for _, b in head} & {self._style(b) for _, b in rows[r + 1]}
        # A header names the columns in words of its own ("Question | Your answer"), or is set apart from
        # the rows it heads and is not itself a question and its answer ("Your name | Amrit Kaur").
        # (an answer typed in the answers' type, "51 MILL LANE" beside "2 Address ...", makes the row a question
        # and its answer, however its types differ from the next row's)
        return named or (apart and self._answer_evidence(head[-1][0], head[-1][1], head[0][1]) not in ("value", "type"))

    def _labels_over_answers(self, head: list[tuple[str, Box]], below: list[tuple[str, Box]],
                             section: str) -> list[Pair] | None:
        """Labels in a row, each answer in the cell under its label (None when the rows are not that)."""
        from extractors.meaning import ideas_in
        from extractors.pairs import Pair, names_a_field

        labels = [(t, b) for t, b in head if t]
        if not labels or not all(self._label_like(t) for t, _ in labels):
            return None
        if all(set(re.findall(r"[a-z]+", t.lower())) <= _COLUMN_WORDS for t, _ in labels):
            return None  # "Question | Response": the columns' names, over the first question and its answer
        styles = self.styles
        if styles is not None and styles.form and any(styles.is_answer(st) and not styles.is_form(st)
                                                      for st in (self._style(b) for _, b in labels)):
            return None  # "23 QUAYSIDE / FENBRIDGE" typed in the address's box over the postcode's box: an answer
            # in the answers' type heads nothing
        if len(head) >= 4 and len(head) % 2 == 0 and len(below) == len(head) and _alternating(head) \
                and all(self._label_like(t) for t, _ in below[::2] if t) \
                and any(max(ideas_in(t).values(), default=0.0) >= 0.9 for t, _ in below[::2] if t) \
                and not any(names_a_field(t) for t, _ in head[1::2] if t):
            return None  # label, answer, label, answer in both rows ("Address moving from | 8 Station Road | ..."
            # over "Town | Marlowe | Town | Newbury"): two pairs a row, not labels over answers (but "Registration
            # | Make | Model | Colour" over the car's are labels over answers: "Make" answers nothing)
        answers = [(t, b) for t, b in below if t]
        numbers = [re.match(r"(\d{1,2})[a-z]?[.)]?\s+[A-Za-z]", row[0][0]) if row and row[0][0] else None
                   for row in (head, below)]
        if numbers[0] and numbers[1] and int(numbers[1][1]) == int(numbers[0][1]) + 1:
            return None  # "2 Address ..." over "3 Postcode": numbered questions, one after another, each with its
            # answer beside it
        owner: dict[int, tuple[str, Box]] = {}
        evidence: set[str | None] = set()
        for t, b in answers:
            over = [k for k, (_, hb) in enumerate(head)
                    if min(hb.x1, b.x1) - max(hb.x0, b.x0) > 0.5 * min(hb.x1 - hb.x0, b.x1 - b.x0)]
            if len(over) != 1 or not head[over[0]][0] or over[0] in owner or t in {h for h, _ in labels}:
                return None  # an answer under no label, under two, or two answers under one
            evidence.add(self._answer_evidence(t, b, head[over[0]][1]))
            owner[over[0]] = (t, b)
        if None in evidence:
            return None
        if "weak" in evidence and len(labels) < 3:
            # Set in the labels' own type, and not values: a question | answer table's next row
            # ("First line of your address | 41 Buttercup Cres" over "Postcode | FW6 2ZA") reads as well.
            return None
        if not answers and (len(head) != len(below) or any(abs(a.x0 - b.x0) > 3 or abs(a.x1 - b.x1) > 3
                                                           for (_, a), (_, b) in zip(head, below, strict=True))):
            return None  # an empty row of other cells: not this label row's answers
        return [Pair(self.page.number, head[k][0].replace("\n", " "), head[k][1], t, b, 0.88, "header",
                     section=section, lines=t.splitlines())
                for k, (t, b) in sorted(owner.items())]

    def _column_heads(self, head: list[tuple[str, Box]], body: list[tuple[str, Box]]) -> list[tuple[str, Box]]:
        """The header's cells over the body's columns: as ruled, or, where the header is one shaded band with no
        rules between its words, its words sorted into the columns under them."""
        if len(head) == len(body) or len(head) != 1:
            return head
        band = head[0][1]
        words = [w for line in self.page.lines for ph in line.phrases for w in ph.words if _inside(w.box, band, 1.0)]
        out: list[tuple[str, Box]] = []
        for _, col in body:
            mine = [w for w in words if col.x0 - 1 <= w.box.x0 < col.x1 - 1]
            mine.sort(key=lambda w: (round(w.box.top), w.box.x0))
            box = Box(band.page, col.x0, band.top, col.x1, band.bottom)
            out.append((" ".join(w.text for w in mine), box))
        return out

    def _household(self, rows: list[list[tuple[str, Box]]], r: int) -> tuple[list[Pair], int] | None:
        """A table of the people who live (or lived) at the address, a row each, under a header that names
        what is asked of each ("Full name | Date of birth | Still living here? | Date they moved out | New
        address"). The row of someone who has left (a date or an address under a column about leaving, or "No"
        under one asking if they still live there) is read as the adult who has left: each of its answers under
        its column's name. The other rows are the household's, no field's. Returns the pairs and the row after
        the table (None when row ``r`` heads no such table)."""
        from extractors.meaning import ideas_in
        from extractors.pairs import Pair

        body: list[list[tuple[str, Box]]] = []
        k = r + 1
        while k < len(rows) and len(rows[k]) >= 3 and (not body or (len(rows[k]) == len(body[0]) and all(
                abs(a[1].x0 - b[1].x0) <= 3 for a, b in zip(rows[k], body[0], strict=True)))):
            body.append(rows[k])
            k += 1
        if len(body) < 2:
            return None
        head = self._column_heads(rows[r], body[0])
        if len(head) != len(body[0]) or not all(t and self._label_like(t) for t, _ in head) \
                or any(abs(h.x0 - b.x0) > 3 for (_, h), (_, b) in zip(head, body[0], strict=True)):
            return None
        names = [" ".join(t.split()) for t, _ in head]
        if ideas_in(names[0]).get("name", 0.0) < 0.9 or any(ideas_in(n).get("name", 0.0) >= 0.9 for n in names[1:]):
            return None  # a person a row, named in the first column
        still = {j for j, n in enumerate(names) if _STILL_HERE.search(n)}
        leaving = {j for j, n in enumerate(names) if j not in still and _LEAVING.search(n)}
        if not still and not leaving:
            return None
        out: list[Pair] = []
        for row in body:
            if not row[0][0].strip():
                continue
            left = any(row[j][0].strip() for j in leaving) or any(
                re.fullmatch(r"no\.?|n", row[j][0].strip(), re.I) for j in still)
            if not left:
                continue
            for (t, b), name, (_, hb) in zip(row, names, head, strict=True):
                if t.strip() and not _MARK.match(t.strip()):
                    # (the label says whose: "Full name" in this row is the leaver's, not the applicant's)
                    out.append(Pair(self.page.number, f"{name} ({_LEFT_HEADING.lower()})", hb, t, b, 0.9, "table",
                                    section=_LEFT_HEADING, lines=t.splitlines()))
        return out, k

    def _named_columns(self, rows: list[list[tuple[str, Box]]], r: int,
                       section: str) -> tuple[list[Pair], int] | None:
        """A header that names three or more columns ("No. | Question | Your answer | Yes | No") over rows
        of them: each row's question, and its answer written or marked in an option's column. Returns
        the pairs and the row after the table's rows (None when row ``r`` is no such header)."""
        from extractors.pairs import Pair

        head = rows[r]
        words = [set(re.findall(r"[a-z]+", t.lower())) for t, _ in head]
        if len(head) < 3 or not all(t for t, _ in head) or not all(w <= _COLUMN_WORDS | _OPTION_WORDS for w in words):
            return None
        body: list[list[tuple[str, Box]]] = []
        k = r + 1
        while k < len(rows) and len(rows[k]) == len(head) and all(
                abs(a[1].x0 - b[1].x0) <= 3 for a, b in zip(rows[k], head, strict=True)):
            body.append(rows[k])
            k += 1
        if len(body) < 2:
            return None
        cols = range(len(head))
        number = {j for j in cols if all(not row[j][0] or re.fullmatch(r"\d{1,3}[a-z]?\.?", row[j][0].strip())
                                         or _NUMBER_CELL.match(row[j][0].strip()) for row in body)}  # ("Q1")
        options = {j for j in cols if j not in number and words[j] <= _OPTION_WORDS
                   and all(not row[j][0] or _MARK.match(row[j][0].strip()) for row in body)}
        rest = [j for j in cols if j not in number and j not in options]
        if len(rest) < 2:
            return None
        ask, say = rest[0], rest[1]
        out: list[Pair] = []
        for row in body:
            (question, qbox), (answer, abox) = row[ask], row[say]
            if not question:
                continue
            question = question.replace("\n", " ")
            if answer and _printed_options(answer):
                continue  # read as ticks
            if answer:
                out.append(Pair(self.page.number, question, qbox, answer, abox, 0.92, "table", section=section,
                                lines=answer.splitlines()))
                continue
            marked = [j for j in options if row[j][0]]
            if len(marked) == 1:
                j = marked[0]
                named = tuple(head[o][0] for o in sorted(options))
                out.append(Pair(self.page.number, question, qbox, head[j][0], row[j][1], 0.9, "choice",
                                section=section, lines=[head[j][0]], options=named))
        return out, k

    def _two_way(self, rows: list[list[tuple[str, Box]]], r: int) -> tuple[list[Pair], int] | None:
        """A table labelled both ways: its first row names the columns over an empty corner ("| House number and
        street | Town | Postcode"), and each row under it names whose they are ("Property you are leaving"): each
        answer is its column's label, under its row's name as its section. Returns the pairs and the row after
        the table (None when row ``r`` heads no such table)."""
        from extractors.meaning import ideas_in
        from extractors.pairs import Pair

        head = rows[r]
        if len(head) < 3 or head[0][0].strip() or not all(t and self._label_like(t) for t, _ in head[1:]) \
                or not all(max(ideas_in(" ".join(t.split())).values(), default=0.0) >= 0.7 for t, _ in head[1:]):
            return None
        out: list[Pair] = []
        k = r + 1
        while k < len(rows):
            row = rows[k]
            if len(row) != len(head) or any(abs(a[1].x0 - b[1].x0) > 3 or abs(a[1].x1 - b[1].x1) > 3
                                            for a, b in zip(row, head, strict=True)):
                break
            name = " ".join(row[0][0].split())
            if not name or not self._label_like(name):
                break
            for (t, b), (h, hb) in zip(row[1:], head[1:], strict=True):
                if t.strip() and self._answer_evidence(t, b, hb) is not None:
                    out.append(Pair(self.page.number, " ".join(h.split()), hb, t, b, 0.88, "header", section=name,
                                    lines=t.splitlines()))
            k += 1
        if k == r + 1 or not out:
            return None
        return out, k

    def _choice_grid(self, rows: list[list[tuple[str, Box]]], r: int,
                     section: str) -> tuple[list[Pair], int] | None:
        """A header of options ("Question | Yes | No") over questions each marked in one option's column.
        Returns the pairs and the row after the grid (None when row ``r`` heads no such grid)."""
        from extractors.pairs import Pair

        head = rows[r]
        options = [(k, t) for k, (t, _) in enumerate(head) if t and k > 0]
        if len(options) < 2 or any(len(t.split()) > 3 or not re.search(r"[A-Za-z]", t) or any(c.isdigit() for c in t)
                                   for _, t in options):
            return None
        out: list[Pair] = []
        k = r + 1
        while k < len(rows):
            row = rows[k]
            if len(row) != len(head) or any(abs(a[1].x0 - b[1].x0) > 3 or abs(a[1].x1 - b[1].x1) > 3
                                            for a, b in zip(row, head, strict=False)):
                break
            question = row[0][0]
            marks = [(j, row[j][1]) for j, _ in options if row[j][0]]
            if not question or any(not _MARK.match(row[j][0].strip()) for j, _ in marks):
                break
            if len(marks) == 1:
                j, box = marks[0]
                out.append(Pair(self.page.number, question.replace("\n", " "), row[0][1], head[j][0], box, 0.9,
                                "choice", section=section, lines=[head[j][0]],
                                options=tuple(t for _, t in options)))
            k += 1
        if k == r + 1:
            return None
        return out, k
