"""Bad inputs, made on the spot: every way a file in the inbox can fail to be a readable form.

Nothing here is committed as a binary: each file is written by code, from the
sample generator's own forms where a real form is needed (so the damage, and
only the damage, is what makes it bad).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from formwork.sample import document as sample_document
from formwork.sample import other_docs
from formwork.sample.council import make_council
from formwork.sample.layouts import render
from formwork.sample.spd import SpdBuilder


@dataclass(frozen=True)
class Expect:
    """What the pipeline must make of one file."""

    outcome: str | None  # approved | exception | quarantined; None: any of them
    reason: str | None  # a reason code the submission must carry (None: any)
    detail: str | None = None  # a fragment its detail must contain (case-insensitive)
    form_type: str | None = None  # the form type it must be read as
    same_fields_as: str | None = None  # another file whose extracted fields must be the same


# --------------------------------------------------------------------------- hand-written PDFs


def pdf_from_objects(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF whose object ``n`` is ``objects[n - 1]``; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    """A compressed stream object; ``entries`` go into its dictionary (``/Type /XObject ...``)."""
    packed = zlib.compress(data)
    return b"<< %s/Length %d /Filter /FlateDecode >>\nstream\n" % (entries, len(packed)) + packed + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page(content: bytes, catalog_extra: bytes = b"", more: tuple[bytes, ...] = (),
             resources: bytes = b"") -> bytes:
    """One page drawing ``content`` with font F1 (object 5); ``more`` are objects 6 onwards."""
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> " + resources + b">> >>",
        stream(content),
        FONT,
        *more,
    ])


def zero_pages() -> bytes:
    return pdf_from_objects([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def xfa_only() -> bytes:
    """What an XFA-only form (LiveCycle "dynamic" form) shows a reader that is not Adobe's."""
    xdp = (b'<?xml version="1.0"?><xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template>'
           b'<subform name="form1"><field name="AccountNumber"/></subform></template></xdp:xdp>')
    content = (b"BT /F1 11 Tf 50 780 Td (Please wait...) Tj 0 -20 Td (If this message is not eventually "
               b"replaced by the proper contents of the document, your PDF) Tj 0 -14 Td (viewer may not be "
               b"able to display this type of document.) Tj ET")
    return one_page(content, b"/AcroForm << /Fields [] /XFA 6 0 R >> /NeedsRendering true ", (stream(xdp),))


def slow_to_parse(calls: int = 5_000, operators: int = 10_000) -> bytes:
    """A small, valid, one-page PDF that takes minutes to interpret, in flat memory.

    The page draws one form XObject ``calls`` times, and each drawing runs the
    XObject's ``operators`` save/restore pairs again: 50 million operators by
    default, about 4 minutes on this project's machines. The work multiplies
    rather than lies in one long stream, so a faster content-stream reader
    cannot make it quick (a 2-million-operator stream once took minutes, and
    took 9 s after extractors/contentstream.py).
    """
    form = stream(b"q Q " * operators, b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] ")
    return one_page(b"BT /F1 12 Tf 72 720 Td (Slow) Tj ET\n" + b"/X1 Do " * calls, more=(form,),
                    resources=b"/XObject << /X1 6 0 R >> ")


def many_pages(pages: int) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    for n in range(pages):
        c.drawString(72, 750, f"Minutes of the meeting, page {n + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def oversized(good: bytes, size: int) -> bytes:
    """A readable PDF padded out to ``size`` bytes (an enormous embedded photo, say)."""
    pad = size - len(good)
    return good + b"%" + b"x" * max(0, pad - 2) + b"\n"


def flipped(data: bytes, rng: random.Random, flips: int, start: int = 0) -> bytes:
    """``data`` with ``flips`` random bits flipped at or after offset ``start``."""
    out = bytearray(data)
    for _ in range(flips):
        i = rng.randrange(start, len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


# --------------------------------------------------------------------------- real forms, damaged


def spd_renderer(seed: int) -> tuple[Callable[[str, str | None], bytes], Callable[[], bytes]]:
    """Renderers of one fictional household's single person discount form, by layout and password."""
    as_of = dt.date(2026, 11, 27)
    council = make_council(random.Random(seed), as_of, 400)
    form = SpdBuilder(council, as_of, random.Random(seed + 1)).build((), "printed_labels")

    def spd(layout: str, password: str | None) -> bytes:
        return render(layout, form.doc, random.Random(seed + 2), password)

    def scan() -> bytes:
        return other_docs.scan(random.Random(seed + 3))

    return spd, scan


def owner_password_only(render_with: Callable[[str, str | None], bytes], layout: str) -> bytes:
    """The form with permissions restricted by an owner password and no user password: anyone may open it."""
    def owner_only(user: str, owner: str, strength: int = 128, **_: object) -> StandardEncryption:
        return StandardEncryption("", owner, canPrint=1, canModify=0, canCopy=0, canAnnotate=0, strength=strength)

    with mock.patch.object(sample_document, "StandardEncryption", owner_only):
        pdf = render_with(layout, "unused")
    assert b"/Encrypt" in pdf
    return pdf


def write_bad_inbox(inbox: Path, max_file_bytes: int, max_pages: int, seed: int = 11) -> dict[str, Expect]:
    """Write one of each bad input into ``inbox``; what each must come to, by file name."""
    spd, scan = spd_renderer(seed)
    good = spd("printed_labels", None)
    rng = random.Random(seed)
    files: dict[str, tuple[bytes, Expect]] = {
        "zero_bytes.pdf": (b"", Expect("quarantined", "UNREADABLE_FILE", "empty")),
        "not_a_pdf.pdf": (b"<html><body><h1>502 Bad Gateway</h1></body></html>\n",
                          Expect("quarantined", "UNREADABLE_FILE", "not a pdf")),
        "truncated.pdf": (good[: len(good) * 2 // 5], Expect("quarantined", "UNREADABLE_FILE", "damaged")),
        "header_only.pdf": (b"%PDF-1.7\n%%EOF\n", Expect("quarantined", "UNREADABLE_FILE")),
        "fuzzed_header.pdf": (flipped(good, rng, 4000), Expect("quarantined", "UNREADABLE_FILE")),
        # Damage past the header: whether anything can still be read is the parser's call.
        "fuzzed_body.pdf": (flipped(good, rng, 60, start=1024), Expect(None, None)),
        "user_password.pdf": (spd("printed_labels", "letmein"),
                              Expect("quarantined", "UNREADABLE_FILE", "password-protected")),
        "owner_password_only.pdf": (owner_password_only(spd, "acroform_named"),
                                    Expect("exception", None, form_type="council_tax_spd",
                                           same_fields_as="plain_twin.pdf")),
        "plain_twin.pdf": (spd("acroform_named", None), Expect("exception", None, form_type="council_tax_spd")),
        "owner_password_flat.pdf": (owner_password_only(spd, "printed_labels"),
                                    Expect("exception", None, form_type="council_tax_spd",
                                           same_fields_as="plain_flat.pdf")),
        "plain_flat.pdf": (good, Expect("exception", None, form_type="council_tax_spd")),
        "zero_pages.pdf": (zero_pages(), Expect("quarantined", "UNREADABLE_FILE", "no pages")),
        "image_only_scan.pdf": (scan(), Expect("exception", "UNKNOWN_FORM_TYPE", "no text was found")),
        "xfa_only.pdf": (xfa_only(), Expect("exception", "UNKNOWN_FORM_TYPE", "XFA")),
        "over_size.pdf": (oversized(good, max_file_bytes + 1000), Expect("quarantined", "UNREADABLE_FILE",
                                                                         "over the limit")),
        "over_pages.pdf": (many_pages(max_pages + 1), Expect("quarantined", "UNREADABLE_FILE",
                                                             f"over the limit of {max_pages}")),
        "slow_to_parse.pdf": (slow_to_parse(), Expect("quarantined", "UNREADABLE_FILE", "took longer than")),
    }
    for name, (data, _) in files.items():
        (inbox / name).write_bytes(data)
    return {name: expect for name, (_, expect) in files.items()}
