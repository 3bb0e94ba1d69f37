"""A form described as data, and the page-drawing helpers every layout shares.

A form builder (``spd.py`` for single person discount) describes *what* is on
a form: a :class:`FormDoc` of sections of :class:`Entry` (field name, printed
label, value as written). A layout renderer (``render_*.py``) decides *how* it
looks. A new form type is a new description, not a new renderer.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

__all__ = ["Entry", "Section", "FormDoc", "Theme", "Flow", "new_canvas", "wrap", "PAGE_W", "PAGE_H"]

PAGE_W, PAGE_H = A4


@dataclass(frozen=True)
class Entry:
    """One question on a form.

    ``key`` is the field's name in forms.md, or None for something a form asks
    that is no field of its type (a town, a signature). ``value`` is exactly
    what the applicant wrote; ``""`` means left blank.
    """

    key: str | None
    label: str
    value: str
    #: A meaningful AcroForm field name, for layouts that name their fields.
    widget: str
    #: Free text that gets a multi-line box.
    long: bool = False
    #: Small print under the label, e.g. "DD/MM/YYYY".
    hint: str = ""
    #: Character boxes for paper layouts (references, postcodes); 0 for a plain box.
    comb: int = 0
    #: A tick box: ticked when ``value`` is not blank.
    check: bool = False


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    entries: tuple[Entry, ...] = ()
    #: Start the section on a new page (the declaration or the notes on page 2).
    new_page: bool = False


@dataclass(frozen=True)
class FormDoc:
    """A whole form: header, sections in page order."""

    council: str
    title: str
    #: The form's own code, printed small ("CTAX/SPD1").
    code: str
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    #: Layouts that list answers (printed, online) leave blank answers out instead of printing an empty line.
    omit_blank: bool = False
    #: What an online form system prints in its export header.
    submission_ref: str = ""
    submitted_at: str = ""

    def entries(self) -> list[Entry]:
        return [e for s in self.sections for e in s.entries]


_ACCENTS = (colors.HexColor("#1d3c6e"), colors.HexColor("#2b5d34"), colors.HexColor("#5b2a6e"),
            colors.HexColor("#7a1f2b"), colors.black, colors.HexColor("#00566b"))


@dataclass(frozen=True)
class Theme:
    """How one council's forms look; picked at random per form."""

    font: str
    bold: str
    accent: colors.Color
    #: "bar" (white text on a filled bar), "rule" (bold text over a line) or "plain".
    heading_style: str
    body_size: float
    #: Font for what the applicant typed into a flat form.
    value_font: str

    @staticmethod
    def pick(rng: random.Random) -> Theme:
        font, bold = rng.choice((("Helvetica", "Helvetica-Bold"), ("Helvetica", "Helvetica-Bold"),
                                 ("Times-Roman", "Times-Bold")))
        return Theme(font, bold, rng.choice(_ACCENTS), rng.choice(("bar", "rule", "plain")),
                     rng.choice((9.0, 9.5, 10.0)), rng.choice((font, font, "Courier")))


def new_canvas(buf: io.BytesIO, doc: FormDoc, password: str | None = None) -> Canvas:
    """A canvas whose bytes depend only on what is drawn (no dates, no random IDs)."""
    encrypt = StandardEncryption(password, "owner-" + password, strength=128) if password else None
    c = Canvas(buf, pagesize=A4, invariant=1, encrypt=encrypt, pageCompression=1)
    c.setTitle(doc.title)
    c.setAuthor(doc.council)
    c.setCreator("Formwork sample")
    return c


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Split ``text`` into lines that fit ``width`` points, breaking at spaces."""
    lines: list[str] = simpleSplit(text, font, size, width)
    return lines or [""]


@dataclass
class Flow:
    """Draws top to bottom over as many A4 pages as it takes, with a header and footer.

    Renderers ask :meth:`need` for the height of what they draw next; it turns
    the page when that would not fit.
    """

    c: Canvas
    doc: FormDoc
    theme: Theme
    left: float = 50.0
    right: float = PAGE_W - 50.0
    top: float = PAGE_H - 50.0
    bottom: float = 60.0
    y: float = 0.0
    page: int = 1
    _fresh: bool = field(default=True)

    @property
    def width(self) -> float:
        return self.right - self.left

    def start(self, rng: random.Random) -> None:
        """Draw the first page's header: council, title, form code, introduction."""
        c, t = self.c, self.theme
        self.y = self.top
        if rng.random() < 0.5:  # a simple crest: a shield outline with the council's initial
            c.setStrokeColor(t.accent)
            c.setLineWidth(1.5)
            c.roundRect(self.right - 42, self.y - 40, 40, 46, 8)
            c.setFillColor(t.accent)
            c.setFont(t.bold, 22)
            c.drawCentredString(self.right - 22, self.y - 24, self.doc.council[0])
        c.setFillColor(t.accent)
        c.setFont(t.bold, 15)
        c.drawString(self.left, self.y - 12, self.doc.council)
        c.setFont(t.font, 8)
        c.setFillColor(colors.grey)
        c.drawString(self.left, self.y - 26, self.doc.code)
        self.y -= 52
        c.setFillColor(colors.black)
        for line in wrap(self.doc.title, t.bold, 17, self.width):
            c.setFont(t.bold, 17)
            c.drawString(self.left, self.y, line)
            self.y -= 21
        self.y -= 6
        for para in self.doc.intro:
            self.paragraph(para)
        self._fresh = False

    def need(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.new_page()

    def new_page(self) -> None:
        self._footer()
        self.c.showPage()
        self.page += 1
        self.y = self.top
        self.c.setFont(self.theme.font, 8)
        self.c.setFillColor(colors.grey)
        self.c.drawString(self.left, self.y, f"{self.doc.council} - {self.doc.title}")
        self.c.setFillColor(colors.black)
        self.y -= 24
        self._fresh = True

    def section_start(self, section: Section, reserve: float = 60.0) -> None:
        """Turn the page if the section asks for it, then draw its heading and paragraphs."""
        if section.new_page and not self._fresh:
            self.new_page()
        if section.heading:
            self.heading(section.heading, reserve)
        for para in section.paragraphs:
            self.paragraph(para)

    def heading(self, text: str, reserve: float = 60.0) -> None:
        c, t = self.c, self.theme
        self.need(24 + reserve)
        self.y -= 6
        if t.heading_style == "bar":
            c.setFillColor(t.accent)
            c.rect(self.left, self.y - 16, self.width, 18, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont(t.bold, 11)
            c.drawString(self.left + 6, self.y - 11.5, text)
            c.setFillColor(colors.black)
            self.y -= 28
        else:
            c.setFillColor(t.accent if t.heading_style == "rule" else colors.black)
            c.setFont(t.bold, 12)
            c.drawString(self.left, self.y - 10, text)
            c.setFillColor(colors.black)
            if t.heading_style == "rule":
                c.setStrokeColor(t.accent)
                c.setLineWidth(0.8)
                c.line(self.left, self.y - 15, self.right, self.y - 15)
            self.y -= 26
        self._fresh = False

    def paragraph(self, text: str, size: float | None = None, gap: float = 5.0) -> None:
        size = size or self.theme.body_size
        lead = size * 1.3
        for line in wrap(text, self.theme.font, size, self.width):
            self.need(lead)
            self.c.setFont(self.theme.font, size)
            self.c.drawString(self.left, self.y - size, line)
            self.y -= lead
        self.y -= gap
        self._fresh = False

    def moved(self) -> None:
        """Tell the flow something was drawn, so a section asking for a new page gets one."""
        self._fresh = False

    def _footer(self) -> None:
        self.c.setFont(self.theme.font, 7.5)
        self.c.setFillColor(colors.grey)
        self.c.drawString(self.left, 30, self.doc.code)
        self.c.drawRightString(self.right, 30, f"Page {self.page}")
        self.c.setFillColor(colors.black)

    def finish(self) -> None:
        self._footer()
        self.c.save()
