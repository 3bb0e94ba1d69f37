"""Pairs that are not read off lines of text: ruled tables, fillable fields and tick boxes.

:func:`page_pairs` gives the pairs of one page and the areas they cover, which
the line reader of :mod:`extractors.pairs` then leaves alone (a table's cells,
a ticked option's text, the inside of a fillable box).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from extractors.document import Box, Document, PageContent, Widget
from extractors.labels import normalise_widget_name
from formwork import normalise as norm

if TYPE_CHECKING:
    from extractors.pairs import Pair, Segment

__all__ = ["page_pairs", "widget_name_label", "TICK_GLYPHS"]

#: Printed marks that fill a tick box.
TICK_GLYPHS = "xX\u2713\u2714\u2717\u2718\u2612\u2611\u25a0\u25cf"
_EMPTY_GLYPHS = "\u2610\u25a1\u25cb"
_GLYPH_OPTION = re.compile(rf"([{_EMPTY_GLYPHS}\u2612\u2611\u25a0\u25cf]|\[\s*[xX\u2713\u2714]?\s*\])\s*"
                           rf"([^{_EMPTY_GLYPHS}\u2612\u2611\u25a0\u25cf\[]+)")
_GENERIC_NAME = re.compile(r"^(?:text|field|fill|untitled|undefined|box|check ?box|checkbox|check|tick|group|radio"
                           r"|button|choice|option|cb|rb|tf|txt|chk|opt|btn)?\s*\d*(?: \d+)*$")
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


def page_pairs(doc: Document, page: PageContent, segments: list[Segment]) -> tuple[list[Pair], list[Box]]:
    pairs: list[Pair] = []
    skip: list[Box] = []
    widgets = [w for w in doc.widgets if w.box.page == page.number]
    if widgets:
        got, covered = _widget_pairs(page, widgets, segments)
        pairs += got
        skip += covered
    got, covered = _tick_pairs(page, segments, skip)
    pairs += got
    skip += covered
    got, covered = _table_pairs(page, segments)
    pairs += got
    skip += covered
    return pairs, skip


# --------------------------------------------------------------------------- fillable fields


def _printed_label(widget_box: Box, segments: Sequence[Segment], exclude: list[Box]) -> Segment | None:
    """The printed label nearest a box: to its left on its row, else just above it."""
    best: tuple[float, Segment] | None = None
    for s in segments:
        sb = s.box
        if sb.top > widget_box.bottom + 2 or widget_box.top - sb.bottom >= 28:
            continue  # below the box, or too far above it
        same_row = min(sb.bottom, widget_box.bottom) - max(sb.top, widget_box.top) >= 0.4 * sb.height
        if same_row and sb.x1 <= widget_box.x0 + 4 and widget_box.x0 - sb.x1 < 260:
            d = widget_box.x0 - sb.x1
        elif (sb.bottom <= widget_box.top + 2 and widget_box.top - sb.bottom < 28
              and sb.x1 > widget_box.x0 - 10 and sb.x0 < widget_box.x1 and abs(sb.x0 - widget_box.x0) < 80):
            d = 300 + 2 * (widget_box.top - sb.bottom) + 0.2 * abs(sb.x0 - widget_box.x0)
        else:
            continue
        if any(_inside(sb, e) for e in exclude):
            continue
        if s.text.startswith("(") and s.text.endswith(")"):
            continue  # a hint under a label ("(dd/mm/yyyy)")
        if best is None or d < best[0]:
            best = (d, s)
    return best[1] if best else None


def _with_wrap(label: Segment, segments: Sequence[Segment]) -> str:
    """A printed label with the rest of it wrapped onto the line below ("Address of the property you are" /
    "leaving"): only the whole of it says which field it is."""
    text = label.text
    prev = label
    for _ in range(2):
        nxt = [s for s in segments if s.line == prev.line + 1 and abs(s.box.x0 - prev.box.x0) <= 3]
        if not nxt:
            break
        s = nxt[0]
        if s.box.top - prev.box.bottom > 0.9 * max(prev.height, 6) or not (
                s.text[:1].islower() or prev.text.rstrip().endswith(("/", "-", "("))):
            break
        text = f"{text} {s.text}"
        prev = s
    return text


def _beside(box: Box, segments: Sequence[Segment], reach: float = 160) -> Segment | None:
    """The printed text just right of a tick box, on its row."""
    best: tuple[float, Segment] | None = None
    for s in segments:
        sb = s.box
        if min(sb.bottom, box.bottom) - max(sb.top, box.top) < 0.3 * min(sb.height, box.height):
            continue
        gap = sb.x0 - box.x1
        if -2 <= gap <= reach and (best is None or gap < best[0]):
            best = (gap, s)
    return best[1] if best else None


def _widget_pairs(page: PageContent, widgets: list[Widget], segments: list[Segment]) -> tuple[list[Pair], list[Box]]:
    from extractors.pairs import Pair

    pairs: list[Pair] = []
    covered = [w.box for w in widgets]
    buttons: dict[str, list[Widget]] = defaultdict(list)
    for w in widgets:
        if w.kind == "Btn":
            buttons[w.name].append(w)
            continue
        if w.kind == "Sig" or not w.value:
            # An empty box still owns its printed label: that label answers nothing.
            empty_label = _printed_label(w.box, segments, covered)
            if empty_label is not None:
                covered.append(empty_label.box)
            continue
        label_seg = _printed_label(w.box, segments, covered)
        printed = _with_wrap(label_seg, segments) if label_seg is not None else ""
        label = w.tooltip or widget_name_label(w.name) or printed
        label_box = label_seg.box if label_seg is not None and (not w.tooltip or label_seg.text in w.tooltip) else None
        value = w.value
        if w.kind == "Ch" and w.options and value not in w.options and value.isdigit() and int(value) < len(w.options):
            value = w.options[int(value)]
        pairs.append(Pair(page.number, label, label_box, value, w.box, 0.97, "widget", widget=w.name,
                          lines=value.splitlines() or [value], printed=printed))
        if label_seg is not None:
            covered.append(label_seg.box)  # the box's printed label is taken: it answers nothing itself
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


def _tick_boxes(page: PageContent, segments: list[Segment]) -> list[tuple[Box, bool, Segment | None]]:
    """Small square boxes drawn on the page, whether something marks them, and the mark.

    A mark typed in the box may be the first word of the option's own run ("X I am moving out"):
    it is cut off, and the rest of the run is the option's text.
    """
    out: list[tuple[Box, bool, Segment | None]] = []
    for r in page.rects:
        w, h = r.x1 - r.x0, r.height
        if not (5 <= w <= 18 and 5 <= h <= 18 and abs(w - h) <= 3):
            continue
        mark = None
        for s in segments:
            first = s.words[0]
            if _inside(first.box, r, 1.5) and len(first.text) <= 2 and all(c in TICK_GLYPHS for c in first.text):
                if len(s.words) > 1:
                    s.set_words(s.words[1:])
                    mark = None
                else:
                    mark = s
                out.append((r, True, mark))
                break
        else:
            out.append((r, False, None))
    return out


def _tick_pairs(page: PageContent, segments: list[Segment], covered: list[Box]) -> tuple[list[Pair], list[Box]]:
    from extractors.pairs import Pair

    pairs: list[Pair] = []
    skip: list[Box] = []
    boxes = [(b, ticked, mark) for b, ticked, mark in _tick_boxes(page, segments)
             if not any(_inside(b, c) for c in covered)]
    # Comb boxes are squares too: a box with an option's words beside it is a tick box, one in a row of
    # boxes with characters in them is not.
    rows: dict[int, list[tuple[Box, bool, Segment | None, Segment | None]]] = defaultdict(list)
    for b, ticked, mark in boxes:
        beside = _beside(b, [s for s in segments if s is not mark], reach=40)
        if beside is None or not re.search(r"[A-Za-z]{2}", beside.text):
            continue
        rows[round(b.top / 4)].append((b, ticked, mark, beside))
    groups = _group_rows(rows)
    for group in groups:
        options = [beside.text for _, _, _, beside in group if beside is not None]
        for b, _, mark, beside in group:
            skip.append(b)
            if beside is not None:
                skip.append(beside.box)
            if mark is not None:
                skip.append(mark.box)
        marked = [(b, beside) for b, t, _, beside in group if t and beside is not None]
        if len(marked) != 1:
            continue
        b, beside = marked[0]
        assert beside is not None
        first = min((g[0] for g in group), key=lambda x: (x.top, x.x0))
        question = _printed_label(first, [s for s in segments if s.text not in options
                                          and not any(_inside(s.box, g[0], 1.5) for g in group)], covered + skip)
        pairs.append(Pair(page.number, question.text if question else "", question.box if question else None,
                          beside.text, b.union(beside.box), 0.9, "tick", lines=[beside.text],
                          options=tuple(options)))
    # Options printed with glyphs in the text: "☐ Moving in  ☒ Moving out", "[X] Yes [ ] No".
    for s in segments:
        if any(_inside(s.box, c) for c in covered + skip):
            continue
        found = _GLYPH_OPTION.findall(s.text)
        if len(found) < 1 or not any(g in s.text for g in "\u2610\u2612\u2611\u25a1\u25a0[") :
            continue
        chosen = [text.strip() for glyph, text in found if glyph.strip("[] ") and glyph not in _EMPTY_GLYPHS]
        if len(chosen) != 1:
            continue
        question = _printed_label(s.box, [x for x in segments if x is not s], covered + skip)
        pairs.append(Pair(page.number, question.text if question else "", question.box if question else None,
                          chosen[0], s.box, 0.88, "tick", lines=[chosen[0]],
                          options=tuple(t.strip() for _, t in found)))
        skip.append(s.box)
    return pairs, skip


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


def _table_pairs(page: PageContent, segments: list[Segment]) -> tuple[list[Pair], list[Box]]:
    from extractors.pairs import Pair

    if not page.rects and not page.rules:
        return [], []
    pairs: list[Pair] = []
    skip: list[Box] = []
    for table in page.tables:
        rows = [[(t or "").strip() for t in texts] for texts in table.rows]
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
        section = ""
        got: list[Pair] = []
        header_pairs, header_rows = _header_rows(page, rows, table.cells, section)
        got += header_pairs
        for r, (texts, boxes) in enumerate(zip(rows, table.cells, strict=False)):
            if r in header_rows:
                continue
            filled = [(t, b) for t, b in zip(texts, boxes, strict=False) if t and b is not None]
            if len(filled) == 1 and len([b for b in boxes if b is not None]) <= 1:
                section = filled[0][0].replace("\n", " ")  # a row across the table: a part's heading
                continue
            present = [(t, b) for t, b in zip(texts, boxes, strict=False) if b is not None]
            if len(present) >= 4 and len(present) % 2 == 0 and _alternating(present):
                for (q, qb), (a, ab) in zip(present[::2], present[1::2], strict=False):
                    if q and a:
                        got.append(Pair(page.number, q.replace("\n", " "), qb, a, ab, 0.9, "table",
                                        section=section, lines=a.splitlines()))
                continue
            if len(present) >= 2:
                (q, qb), (a, ab) = present[0], present[-1]
                if q and a and a != q:
                    got.append(Pair(page.number, q.replace("\n", " "), qb, a, ab, 0.92, "table", section=section,
                                    lines=a.splitlines()))
        if got:
            pairs += got
            skip.append(table.box)
    return pairs, skip


def _alternating(present: Sequence[tuple[str, Box | None]]) -> bool:
    """Label, answer, label, answer: the label cells hold words, and no label cell is a value."""
    labels = [t for t, _ in present[::2]]
    return all(re.search(r"[A-Za-z]{3}", t) for t in labels if t)


def _header_rows(page: PageContent, rows: list[list[str]], cells: list[list[Box | None]],
                 section: str) -> tuple[list[Pair], set[int]]:
    """Headers over a row of answers: "Registration | Make | Colour" then "nxr 606j | BMW 1 Series | Silver".

    A header row has three or more cells, all words; the row under it has its answers, none of them
    a header's words. Returns the pairs and the rows they used (headers and answers)."""
    from extractors.pairs import Pair

    out: list[Pair] = []
    used: set[int] = set()
    for r in range(len(rows) - 1):
        head, below = rows[r], rows[r + 1]
        # Three or more columns; or a table of just these two rows (a question and answer table has more).
        if r in used or len(head) != len(below) or (len(head) < 3 and len(rows) != 2):
            continue
        if not all(h and re.search(r"[A-Za-z]{2}", h) and not any(c.isdigit() for c in h) for h in head):
            continue
        if sum(1 for b in below if b) < 2 or any(b and b in head for b in below):
            continue
        for k, (h, b, box) in enumerate(zip(head, below, cells[r + 1], strict=False)):
            if b and box is not None:
                out.append(Pair(page.number, h.replace("\n", " "), cells[r][k], b, box, 0.88, "header",
                                section=section, lines=b.splitlines()))
        used |= {r, r + 1}
    return out, used
