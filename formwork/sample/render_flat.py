"""Flat (non-fillable) layouts: the answers are printed text on the page.

``printed_labels`` is a form filled in on screen and printed: "Label: value"
lines, a label column beside a value column, or each label above its value.
``boxed_grid`` is the classic council paper form: a grid of ruled boxes, two to
a row where answers are short, each with its label printed small in the top
corner and character boxes for references and postcodes.
"""

from __future__ import annotations

import io
import random

from reportlab.lib import colors

from formwork.sample.document import Entry, Flow, FormDoc, Theme, new_canvas, wrap

__all__ = ["render_printed_labels", "render_boxed_grid"]


def _tick(flow: Flow, e: Entry, x: float) -> None:
    """A drawn tick box with its statement beside it."""
    c = flow.c
    lines = wrap(e.label, flow.theme.font, flow.theme.body_size, flow.right - x - 20)
    flow.need(len(lines) * 12 + 8)
    c.setLineWidth(0.8)
    c.rect(x, flow.y - 11, 10, 10)
    if e.value:
        c.line(x + 2, flow.y - 9, x + 8, flow.y - 3)
        c.line(x + 2, flow.y - 3, x + 8, flow.y - 9)
    for line in lines:
        c.setFont(flow.theme.font, flow.theme.body_size)
        c.drawString(x + 18, flow.y - 10, line)
        flow.y -= 12
    flow.y -= 8
    flow.moved()


def _dotted(flow: Flow, x0: float, x1: float, y: float) -> None:
    """The rule left where an answer was not given (a drawn line, never underscores in the text)."""
    flow.c.setDash(1, 2)
    flow.c.setLineWidth(0.5)
    flow.c.line(x0, y, x1, y)
    flow.c.setDash()


def render_printed_labels(doc: FormDoc, rng: random.Random, password: str | None = None) -> bytes:
    """A printed form with label/value pairs in one of three arrangements, picked per form."""
    buf = io.BytesIO()
    t = Theme.pick(rng)
    flow = Flow(new_canvas(buf, doc, password), doc, t)
    c = flow.c
    style = rng.choice(("inline", "columns", "stacked"))
    colon = style == "inline" or rng.random() < 0.6
    col_w = rng.choice((160.0, 180.0, 200.0))
    size, lead = t.body_size + 0.5, (t.body_size + 0.5) * 1.35
    flow.start(rng)
    for section in doc.sections:
        flow.section_start(section, reserve=40.0)
        for e in section.entries:
            if e.check:
                _tick(flow, e, flow.left)
                continue
            if not e.value and doc.omit_blank:
                continue
            label = f"{e.label}:" if colon and e.label[-1] not in "?:." else e.label
            if style == "inline":
                label_w = c.stringWidth(label, t.bold, size) + 5
                first_w = flow.width - label_w
                lines = wrap(e.value, t.value_font, size, first_w) if e.value else [""]
                if len(lines) > 1:  # continuation lines use the full width
                    rest = " ".join(lines[1:])
                    lines = lines[:1] + wrap(rest, t.value_font, size, flow.width - 12)
                flow.need(len(lines) * lead + 4)
                c.setFont(t.bold, size)
                c.drawString(flow.left, flow.y - size, label)
                if not e.value:
                    _dotted(flow, flow.left + label_w, flow.left + label_w + 200, flow.y - size)
                for i, line in enumerate(lines):
                    c.setFont(t.value_font, size)
                    c.drawString(flow.left + (label_w if i == 0 else 12), flow.y - size, line)
                    flow.y -= lead
            elif style == "columns":
                label_lines = wrap(label, t.bold, size, col_w)
                lines = wrap(e.value, t.value_font, size, flow.width - col_w - 12)
                rows = max(len(label_lines), len(lines))
                flow.need(rows * lead + 4)
                for i, line in enumerate(label_lines):
                    c.setFont(t.bold, size)
                    c.drawString(flow.left, flow.y - size - i * lead, line)
                if not e.value:
                    _dotted(flow, flow.left + col_w + 12, flow.right, flow.y - size)
                for i, line in enumerate(lines):
                    c.setFont(t.value_font, size)
                    c.drawString(flow.left + col_w + 12, flow.y - size - i * lead, line)
                flow.y -= rows * lead
            else:
                lines = wrap(e.value, t.value_font, size + 0.5, flow.width)
                flow.need((len(lines) + 1) * lead + 8)
                c.setFont(t.bold, size - 1)
                c.setFillColor(colors.HexColor("#333333"))
                c.drawString(flow.left, flow.y - size, label)
                c.setFillColor(colors.black)
                flow.y -= lead
                for line in lines:
                    c.setFont(t.value_font, size + 0.5)
                    c.drawString(flow.left, flow.y - size, line)
                    flow.y -= lead
                c.setLineWidth(0.4)
                c.setStrokeColor(colors.lightgrey)
                c.line(flow.left, flow.y + 2, flow.right, flow.y + 2)
                c.setStrokeColor(colors.black)
            flow.y -= 6 if style != "stacked" else 8
            flow.moved()
    flow.finish()
    return buf.getvalue()


def _short(e: Entry) -> bool:
    return not e.long and not e.check and len(e.value) <= 26 and len(e.label) <= 38


def _box(flow: Flow, e: Entry, x: float, w: float, h: float, value_size: float) -> None:
    c, t = flow.c, flow.theme
    c.setLineWidth(0.8)
    c.setStrokeColor(t.accent)
    c.rect(x, flow.y - h, w, h)
    c.setStrokeColor(colors.black)
    label_lines = wrap(e.label, t.font, 7.5, w - 8)
    for i, line in enumerate(label_lines):
        c.setFont(t.font, 7.5)
        c.setFillColor(colors.HexColor("#444444"))
        c.drawString(x + 4, flow.y - 9 - i * 9, line)
    c.setFillColor(colors.black)
    top = flow.y - 9 - len(label_lines) * 9
    if e.comb:
        cells = max(e.comb, len(e.value))
        cw = min(18.0, (w - 8) / cells)
        for i in range(cells):
            c.setLineWidth(0.5)
            c.rect(x + 4 + i * cw, flow.y - h + 4, cw, 18)
            if i < len(e.value) and e.value[i] != " ":
                c.setFont(t.value_font, value_size)
                c.drawCentredString(x + 4 + i * cw + cw / 2, flow.y - h + 9, e.value[i])
        return
    for i, line in enumerate(wrap(e.value, t.value_font, value_size, w - 10)):
        c.setFont(t.value_font, value_size)
        c.drawString(x + 5, top - value_size - 2 - i * value_size * 1.3, line)


def _box_height(e: Entry, w: float, value_size: float, t: Theme) -> float:
    labels = len(wrap(e.label, t.font, 7.5, w - 8))
    if e.comb:
        return 9 * labels + 32
    values = len(wrap(e.value, t.value_font, value_size, w - 10))
    return max(9 * labels + values * value_size * 1.3 + 12, 58.0 if e.long else 0.0)


def render_boxed_grid(doc: FormDoc, rng: random.Random, password: str | None = None) -> bytes:
    """A grid of ruled boxes, label small at the top of each box, short answers two to a row."""
    buf = io.BytesIO()
    t = Theme.pick(rng)
    flow = Flow(new_canvas(buf, doc, password), doc, t)
    value_size = rng.choice((10.0, 10.5, 11.0))
    gap = 6.0
    flow.start(rng)
    for section in doc.sections:
        flow.section_start(section, reserve=50.0)
        entries = list(section.entries)
        i = 0
        while i < len(entries):
            e = entries[i]
            if e.check:
                _tick(flow, e, flow.left)
                i += 1
                continue
            pair = i + 1 < len(entries) and _short(e) and _short(entries[i + 1])
            row = entries[i:i + 2] if pair else [e]
            w = (flow.width - gap) / 2 if pair else flow.width
            h = max(_box_height(r, w, value_size, t) for r in row)
            flow.need(h + gap)
            for k, r in enumerate(row):
                _box(flow, r, flow.left + k * (w + gap), w, h, value_size)
            flow.y -= h + gap
            flow.moved()
            i += len(row)
    flow.finish()
    return buf.getvalue()
