"""Fillable AcroForm layouts: the printed label beside or above each text box.

``acroform_named`` names each field meaningfully (``AccountReference``,
``txtCTRef``...), as a form designer does; ``acroform_generic`` names them
``Text1``, ``Text2``... the way a PDF editor's automatic field detection does,
sometimes in an order that is not the page's, so only the printed label says
what a box is for.
"""

from __future__ import annotations

import io
import random

from reportlab.lib import colors

from formwork.sample.document import Entry, Flow, FormDoc, Theme, new_canvas, wrap

__all__ = ["render_acroform_named", "render_acroform_generic"]

_BOX_FILL = (colors.HexColor("#eef3fb"), colors.HexColor("#fffbe6"), colors.white)


class _AcroWriter:
    def __init__(self, doc: FormDoc, rng: random.Random, names: list[str], password: str | None) -> None:
        self.buf = io.BytesIO()
        self.c = new_canvas(self.buf, doc, password)
        self.theme = Theme.pick(rng)
        self.flow = Flow(self.c, doc, self.theme)
        self.rng = rng
        self.names = iter(names)
        self.label_above = rng.random() < 0.35
        self.label_w = rng.choice((150.0, 170.0, 190.0))
        self.fill = rng.choice(_BOX_FILL)
        self.border = rng.choice(("solid", "inset", "underlined"))

    def entry(self, e: Entry) -> None:
        name = next(self.names)
        if e.check:
            self._checkbox(e, name)
            return
        t, f = self.theme, self.flow
        box_h = 46.0 if e.long else 18.0
        label_font, size = (t.bold if self.rng.random() < 0.3 else t.font), t.body_size
        if self.label_above:
            label_lines = wrap(e.label, label_font, size, f.width)
            f.need(len(label_lines) * size * 1.25 + box_h + 16)
            for line in label_lines:
                self.c.setFont(label_font, size)
                self.c.drawString(f.left, f.y - size, line)
                f.y -= size * 1.25
            if e.hint:
                self._hint(e.hint, f.left + self.c.stringWidth(label_lines[-1], label_font, size) + 6,
                           f.y + size * 0.25)
            f.y -= 3
            width = f.width if e.long or len(e.value) > 28 else min(f.width, 260.0)
            self._box(name, e, f.left, f.y - box_h, width, box_h)
            f.y -= box_h + 10
        else:
            label_lines = wrap(e.label, label_font, size, self.label_w)
            height = max(box_h, len(label_lines) * size * 1.25 + (9 if e.hint else 0))
            f.need(height + 10)
            y = f.y
            for line in label_lines:
                self.c.setFont(label_font, size)
                self.c.drawString(f.left, y - size - 3, line)
                y -= size * 1.25
            if e.hint:
                self._hint(e.hint, f.left, y - 10)
            x = f.left + self.label_w + 10
            self._box(name, e, x, f.y - box_h, f.right - x, box_h)
            f.y -= height + 9
        f.moved()

    def _hint(self, text: str, x: float, y: float) -> None:
        self.c.setFont(self.theme.font, 7)
        self.c.setFillColor(colors.grey)
        self.c.drawString(x, y, text)
        self.c.setFillColor(colors.black)

    def _box(self, name: str, e: Entry, x: float, y: float, w: float, h: float) -> None:
        self.c.acroForm.textfield(
            name=name, value=e.value, x=x, y=y, width=w, height=h, tooltip=e.label,
            fontName="Helvetica", fontSize=10, borderStyle=self.border, borderWidth=1,
            borderColor=colors.HexColor("#556070"), fillColor=self.fill, textColor=colors.black,
            forceBorder=True, fieldFlags="multiline" if e.long else "", maxlen=1000)

    def _checkbox(self, e: Entry, name: str) -> None:
        f = self.flow
        lines = wrap(e.label, self.theme.font, self.theme.body_size, f.width - 30)
        f.need(len(lines) * 13 + 10)
        self.c.acroForm.checkbox(name=name, checked=bool(e.value), x=f.left, y=f.y - 14, size=13,
                                 buttonStyle="check", borderColor=colors.HexColor("#556070"),
                                 fillColor=colors.white, forceBorder=True, fieldFlags="")
        for line in lines:
            self.c.setFont(self.theme.font, self.theme.body_size)
            self.c.drawString(f.left + 22, f.y - 11, line)
            f.y -= 13
        f.y -= 10
        f.moved()

    def render(self, doc: FormDoc) -> bytes:
        self.flow.start(self.rng)
        for section in doc.sections:
            first = section.entries[0] if section.entries else None
            self.flow.section_start(section, reserve=60.0 if first and first.long else 30.0)
            for e in section.entries:
                self.entry(e)
        self.flow.finish()
        return self.buf.getvalue()


def render_acroform_named(doc: FormDoc, rng: random.Random, password: str | None = None) -> bytes:
    """A fillable form whose field names say what they hold (``Entry.widget``)."""
    return _AcroWriter(doc, rng, [e.widget for e in doc.entries()], password).render(doc)


def render_acroform_generic(doc: FormDoc, rng: random.Random, password: str | None = None) -> bytes:
    """A fillable form whose fields are ``Text1``, ``Text2``... (``Check1`` for tick boxes)."""
    entries = doc.entries()
    numbers = list(range(1, len(entries) + 1))
    if rng.random() < 0.4:  # fields added out of page order while the form was edited
        rng.shuffle(numbers)
    names = [f"{'Check' if e.check else 'Text'}{n}" for e, n in zip(entries, numbers, strict=True)]
    return _AcroWriter(doc, rng, names, password).render(doc)
