"""What else lands in a council's inbox: broken files and documents that are no form.

Unreadable (the pipeline must quarantine them): an empty file, a text file
saved as ``.pdf``, a PDF cut off part-way through an upload, a PDF locked with
a password. Readable but no form (``UNKNOWN_FORM_TYPE``): a scan with no text
layer, a committee agenda, a supplier's invoice, a product data sheet. None of
them is a letter to the council: correspondence is a form type of its own.
"""

from __future__ import annotations

import datetime as dt
import io
import random

from PIL import Image, ImageDraw, ImageFilter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from formwork.sample import words

__all__ = ["UNREADABLE", "NOT_FORMS", "empty", "text_as_pdf", "truncated", "scan", "agenda", "invoice",
           "product_sheet"]

#: Kinds of file the pipeline cannot read at all.
UNREADABLE = ("empty", "text", "truncated", "encrypted")
#: Kinds of readable file that are no form.
NOT_FORMS = ("scan", "agenda", "invoice", "product_sheet")

W, H = A4


def _canvas(buf: io.BytesIO, title: str) -> Canvas:
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    return c


def empty(nth: int) -> bytes:
    """A download that never arrived: zero bytes the first time, then NUL padding.

    No two files in an inbox may be identical (the pipeline knows a file by its
    hash), so only the first is truly empty.
    """
    return b"\0" * (512 * nth)


def text_as_pdf(rng: random.Random) -> bytes:
    """Something that was never a PDF: an error page or a note saved under a .pdf name."""
    token = f"{rng.getrandbits(64):016x}"
    return rng.choice((
        "<html><head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1>\n"
        f"<p>The upload service is temporarily unavailable. Request {token}.</p></body></html>\n",
        f"Attachment could not be converted. Original file: IMG_{rng.randint(1000, 9999)}.HEIC ({token})\r\n",
        f"uprn,notes\r\n{rng.randint(10**10, 10**11)},see attached {token}\r\n",
    )).encode()


def truncated(pdf: bytes) -> bytes:
    """The first 40% of a PDF, as an interrupted upload leaves it."""
    return pdf[: int(len(pdf) * 0.4)]


def scan(rng: random.Random) -> bytes:
    """A page with nothing but a raster image of a scanned page (no text layer)."""
    img = Image.new("L", (620, 877), 246)
    draw = ImageDraw.Draw(img)
    y = 60
    while y < 820:
        if rng.random() < 0.15:  # paragraph gap
            y += 18
            continue
        x = 60 if rng.random() < 0.8 else 90
        end = rng.randint(380, 560)
        while x < end:  # words as grey smudges: unreadable, even to OCR
            w = rng.randint(12, 60)
            draw.rectangle((x, y, min(x + w, end), y + 7), fill=rng.randint(60, 110))
            x += w + rng.randint(5, 9)
        y += 16
    for _ in range(400):  # scanner speckle
        px, py = rng.randrange(620), rng.randrange(877)
        draw.point((px, py), fill=rng.randint(120, 200))
    img = img.rotate(rng.uniform(-1.5, 1.5), fillcolor=246).filter(ImageFilter.GaussianBlur(0.6))
    buf = io.BytesIO()
    c = _canvas(buf, "")
    c.drawImage(ImageReader(img), 0, 0, W, H)
    c.showPage()
    c.save()
    return buf.getvalue()


def agenda(rng: random.Random, council: str, as_of: dt.date) -> bytes:
    """A committee meeting agenda: a readable PDF with nothing to extract."""
    buf = io.BytesIO()
    committee = rng.choice(("Planning Committee", "Licensing Sub-Committee", "Cabinet",
                            "Environment and Waste Scrutiny Panel", "Audit Committee"))
    c = _canvas(buf, f"{committee} agenda")
    y = H - 60
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, y, council)
    y -= 28
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, y, f"{committee} - Agenda")
    y -= 20
    meeting = as_of + dt.timedelta(days=rng.randint(3, 30))
    c.setFont("Helvetica", 10)
    c.drawString(50, y, f"Meeting to be held on {meeting.strftime('%A %d %B %Y')} at 7.00 pm")
    y -= 14
    c.drawString(50, y, f"Venue: Council Chamber, Town Hall, {words.TOWNS[0][0]}")
    y -= 28
    items = ["Apologies for absence", "Declarations of interest", "Minutes of the previous meeting",
             "Public questions"]
    for _ in range(rng.randint(3, 6)):
        street = f"{rng.choice(words.STREET_STEMS)} {rng.choice(words.STREET_SUFFIXES)}"
        items.append(rng.choice((
            f"Application {meeting.year % 100}/{rng.randint(100, 1999):04d}/FUL - Land at {street}",
            f"Tree preservation order: {street}",
            "Review of the street trading policy",
            "Quarterly performance report",
            f"Proposed waiting restrictions, {street}",
            "Work programme for the coming year",
        )))
    items.append("Any other business")
    for n, item in enumerate(items, 1):
        c.setFont("Helvetica-Bold", 10)
        c.drawString(50, y, f"{n}.")
        c.setFont("Helvetica", 10)
        c.drawString(75, y, item)
        y -= 22
    y -= 10
    c.setFont("Helvetica-Oblique", 9)
    c.drawString(50, y, "Members of the public may attend. Papers are available on the council's website.")
    c.showPage()
    c.save()
    return buf.getvalue()


def invoice(rng: random.Random, council: str, as_of: dt.date) -> bytes:
    """A supplier's invoice to the council, with a ruled table of lines."""
    buf = io.BytesIO()
    supplier = rng.choice(("Ashcroft Office Supplies Ltd", "Kelbridge Grounds Maintenance Ltd",
                           "Vale Print and Design", "Harrow Hygiene Services"))
    c = _canvas(buf, f"Invoice - {supplier}")
    y = H - 60
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, y, supplier)
    c.setFont("Helvetica-Bold", 20)
    c.drawRightString(W - 50, y, "INVOICE")
    y -= 30
    c.setFont("Helvetica", 10)
    for line in (f"Invoice number: INV-{rng.randint(10000, 99999)}",
                 f"Invoice date: {(as_of - dt.timedelta(days=rng.randint(1, 20))).strftime('%d/%m/%Y')}",
                 f"Bill to: {council}, Finance Department", f"Purchase order: PO{rng.randint(100000, 999999)}"):
        c.drawString(50, y, line)
        y -= 14
    y -= 16
    goods = [("A4 copier paper, box of 5 reams", 23.50), ("Toner cartridge, black", 64.00),
             ("Hedge cutting, per hour", 38.00), ("Litter bin liners, roll of 50", 6.75),
             ("Leaflet printing, per 1,000", 92.00), ("Hand sanitiser, 5 litres", 18.20)]
    lines = rng.sample(goods, rng.randint(2, 5))
    cols = (50, 330, 390, 470, W - 50)
    rows = [("Description", "Qty", "Unit price", "Total")]
    net = 0.0
    for desc, price in lines:
        qty = rng.randint(1, 12)
        net += qty * price
        rows.append((desc, str(qty), f"{price:,.2f}", f"{qty * price:,.2f}"))
    rows += [("Net", "", "", f"{net:,.2f}"), ("VAT at 20%", "", "", f"{net * 0.2:,.2f}"),
             ("Total due", "", "", f"{net * 1.2:,.2f}")]
    c.setLineWidth(0.6)
    for i, row in enumerate(rows):
        c.line(cols[0], y, cols[-1], y)
        c.setFont("Helvetica-Bold" if i == 0 or i == len(rows) - 1 else "Helvetica", 9.5)
        for j, cell in enumerate(row):
            c.drawString(cols[j] + 4, y - 13, cell)
        for x in cols:
            c.line(x, y, x, y - 18)
        y -= 18
    c.line(cols[0], y, cols[-1], y)
    y -= 30
    c.setFont("Helvetica", 9)
    c.drawString(50, y, "Payment within 30 days by BACS. Please quote the invoice number.")
    c.showPage()
    c.save()
    return buf.getvalue()


def product_sheet(rng: random.Random) -> bytes:
    """A manufacturer's data sheet for something the council buys."""
    buf = io.BytesIO()
    product = rng.choice((("Wheeled bin", "WB"), ("Street litter bin", "LB"), ("Grit bin", "GB"),
                          ("Park bench", "PB")))
    model = f"{product[1]}-{rng.randint(100, 990)}"
    c = _canvas(buf, f"{product[0]} {model}")
    y = H - 70
    c.setFillColor(colors.HexColor("#0b4f6c"))
    c.rect(0, y - 10, W, 50, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(50, y + 8, f"{product[0]} {model} - product data sheet")
    c.setFillColor(colors.black)
    y -= 50
    c.setFont("Helvetica", 10)
    c.drawString(50, y, "Made from recycled polyethylene, UV stabilised, for outdoor use all year round.")
    y -= 30
    specs = [("Capacity", f"{rng.choice((120, 140, 240, 360))} litres"),
             ("Height", f"{rng.randint(900, 1100)} mm"), ("Weight", f"{rng.randint(9, 18)} kg"),
             ("Colours", rng.choice(("green, grey, black", "blue, brown", "black"))),
             ("Warranty", f"{rng.randint(2, 10)} years"), ("Standard", "EN 840")]
    for k, v in specs:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(50, y, k)
        c.setFont("Helvetica", 10)
        c.drawString(200, y, v)
        y -= 16
    c.showPage()
    c.save()
    return buf.getvalue()
