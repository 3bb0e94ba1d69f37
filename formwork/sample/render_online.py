"""The PDF an online form system emails to the back office: a ruled Question | Answer table.

Ruled with drawn lines so that table finders (pdfplumber's ``extract_tables``)
see one table; a long answer wraps inside its cell, a section is a shaded row
across both columns, and a table that runs off the page carries on under a
repeated header on the next.
"""

from __future__ import annotations

import io
import random

from reportlab.lib import colors

from formwork.sample.document import Flow, FormDoc, Theme, new_canvas, wrap

__all__ = ["render_online_export"]

_SYSTEMS = ("Online Services", "Customer Portal", "MyAccount forms", "Digital Services - form export")
_PAD = 4.0


class _Table:
    def __init__(self, flow: Flow, q_w: float, size: float) -> None:
        self.flow = flow
        self.x0, self.x1, self.x2 = flow.left, flow.left + q_w, flow.right
        self.size = size
        self.lead = size * 1.3
        self.top: float | None = None

    def _open(self) -> None:
        """Start the table (or its continuation on a new page) with the header row."""
        f, c = self.flow, self.flow.c
        self.top = f.y
        h = self.lead + 2 * _PAD
        c.setFillColor(colors.HexColor("#dddddd"))
        c.rect(self.x0, f.y - h, self.x2 - self.x0, h, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont(f.theme.bold, self.size)
        c.drawString(self.x0 + _PAD, f.y - _PAD - self.size, "Question")
        c.drawString(self.x1 + _PAD, f.y - _PAD - self.size, "Answer")
        self._hline(f.y)
        self._vlines(f.y, f.y - h, split=True)
        f.y -= h
        self._hline(f.y)

    def _hline(self, y: float) -> None:
        self.flow.c.setLineWidth(0.6)
        self.flow.c.line(self.x0, y, self.x2, y)

    def _vlines(self, y_top: float, y_bottom: float, split: bool) -> None:
        c = self.flow.c
        c.setLineWidth(0.6)
        c.line(self.x0, y_top, self.x0, y_bottom)
        c.line(self.x2, y_top, self.x2, y_bottom)
        if split:
            c.line(self.x1, y_top, self.x1, y_bottom)

    def _room(self, h: float) -> None:
        f = self.flow
        if self.top is None:
            f.need(h + self.lead + 2 * _PAD)
            self._open()
        elif f.y - h < f.bottom:
            f.new_page()
            self._open()

    def section(self, text: str) -> None:
        f, c = self.flow, self.flow.c
        h = self.lead + 2 * _PAD
        self._room(h + self.lead + 2 * _PAD)  # never leave a section row alone at a page foot
        c.setFillColor(colors.HexColor("#f0f0f0"))
        c.rect(self.x0, f.y - h, self.x2 - self.x0, h, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont(f.theme.bold, self.size)
        c.drawString(self.x0 + _PAD, f.y - _PAD - self.size, text)
        self._vlines(f.y, f.y - h, split=False)
        f.y -= h
        self._hline(f.y)

    def row(self, question: str, answer: str) -> None:
        f, c, t = self.flow, self.flow.c, self.flow.theme
        q_lines = wrap(question, t.font, self.size, self.x1 - self.x0 - 2 * _PAD)
        a_lines = wrap(answer, t.font, self.size, self.x2 - self.x1 - 2 * _PAD) if answer else []
        h = max(len(q_lines), len(a_lines), 1) * self.lead + 2 * _PAD
        self._room(h)
        for i, line in enumerate(q_lines):
            c.setFont(t.font, self.size)
            c.drawString(self.x0 + _PAD, f.y - _PAD - self.size - i * self.lead, line)
        for i, line in enumerate(a_lines):
            c.setFont(t.font, self.size)
            c.drawString(self.x1 + _PAD, f.y - _PAD - self.size - i * self.lead, line)
        self._vlines(f.y, f.y - h, split=True)
        f.y -= h
        self._hline(f.y)
        f.moved()


def render_online_export(doc: FormDoc, rng: random.Random, password: str | None = None) -> bytes:
    """An online submission: system header, reference and time, then the answers table."""
    buf = io.BytesIO()
    t = Theme.pick(rng)
    flow = Flow(new_canvas(buf, doc, password), doc, t)
    c = flow.c
    flow.y = flow.top
    c.setFont(t.font, 8.5)
    c.setFillColor(colors.grey)
    c.drawString(flow.left, flow.y, f"{doc.council} - {rng.choice(_SYSTEMS)}")
    c.setFillColor(colors.black)
    flow.y -= 26
    c.setFont(t.bold, 16)
    c.drawString(flow.left, flow.y, rng.choice(("Online form submission", "Form submission",
                                                "Submitted form", "Online application received")))
    flow.y -= 20
    flow.paragraph(f"Form: {doc.title}", size=10, gap=2)
    flow.paragraph(f"Submission reference: {doc.submission_ref}    Submitted: {doc.submitted_at}",
                   size=9, gap=12)
    table = _Table(flow, rng.choice((190.0, 210.0, 230.0)), rng.choice((9.0, 9.5)))
    sections = rng.random() < 0.7
    for section in doc.sections:
        if not section.entries:
            continue  # guidance notes stay on the web page, not in the export
        if sections:
            table.section(section.heading)
        for e in section.entries:
            if not e.value and doc.omit_blank:
                continue
            answer = ("Yes" if e.value else "No") if e.check else e.value
            table.row(e.label, answer)
    flow.finish()
    return buf.getvalue()
