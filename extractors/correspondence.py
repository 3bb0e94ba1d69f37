"""A letter or email with no form (``correspondence``), read with spaCy.

The extractor reads the letter's shape with :mod:`extractors.nlp.letter_shape`
(the reader prose applications use too) and its contents with the spaCy
pipelines of :mod:`extractors.nlp`:

- **where things are**: the salutation ("Dear ...") and the sign-off
  ("Yours sincerely", "Kind regards") bound the *body*; above the salutation
  are the address blocks, the date and a "Re:" line; below the sign-off, the
  sender's name and perhaps a signature block. An email printed to PDF has
  ``From:``/``Sent:``/``To:``/``Subject:`` headers instead of address blocks
  (printed from a browser, perhaps no ``Subject:`` but the subject as a heading
  over them); an earlier message quoted under it is never read.
- **who sent it**: the address block that is not the council's (a block naming
  a council, a department or a team is the recipient, whatever side it is on)
  gives the name, first address line and postcode; the sign-off or the
  ``From:`` header gives the name too. The body may say where the writer lives
  ("My address is 8 Glan yr Afon, Tawelfryn WQ3 6FX", "we live at ...",
  "My postcode is ..."): that is the sender's address too, and where it differs
  from the block's, the letter goes to staff. Someone else's address, a former
  one, and the council's own address are never read as the sender's.
- **what it quotes**: the EntityRuler of :mod:`extractors.nlp.entities` finds
  council tax references, postcodes and dates; dates without a year take it
  from the letter's own date (:func:`extractors.text.infer_year`).
- **what it is about**: the text classifier of :mod:`extractors.nlp.topics`.
  The topic's confidence is the top topic's lead over the next, lowered when the
  letter's sentences, judged one by one, point at different topics: a letter
  about two things belongs to staff, not to one team's queue.

It scores below any form extractor on its own form (a letter that names a
form's title is that form's to claim), and declines a document with no letter
shape at all, so agendas, invoices and blank pages stay ``UNKNOWN_FORM_TYPE``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.contract import Extraction, FieldValue
from extractors.document import Document
from extractors.nlp import letter_shape as shape
from extractors.nlp.entities import Entities, find_entities
from extractors.nlp.letter_shape import looks_like_name
from extractors.nlp.topics import topic_confidence
from extractors.spec import FieldSpec
from formwork import normalise as norm

__all__ = ["Correspondence", "extractor", "FIELDS", "LETTER_SCORE", "EMAIL_SCORE", "looks_like_name"]

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("topic", "text", required=True,
              description="missed_bin, council_tax_query, complaint, foi_request or other"),
    FieldSpec("sender_name", "name"),
    FieldSpec("address", "text", description="first line of the sender's address", postcode_field="postcode"),
    FieldSpec("postcode", "postcode"),
    FieldSpec("account_ref", "account_ref"),
    FieldSpec("dates_mentioned", "date", description="a list of ISO dates"),
    FieldSpec("body", "text", required=True),
)

#: Scores: below the 0.75 a form extractor gives its own form on one identifying phrase.
LETTER_SCORE = 0.6
EMAIL_SCORE = 0.6
WEAK_SCORE = 0.55

#: Confidence of a field taken from a clear place (address block, sign-off, From header).
_PLACED = 0.95
#: Confidence when two places disagree (the sign-off and the address block name different people).
_CONFLICT = 0.4
#: What a browser or mail program prints over an email: the page title with a time, a web address, a page number.
_PRINTED_BY = re.compile(r"\b\d{1,2}:\d{2}\b|https?://|\bwww\.|@|^page\s+\d|^(?:mail|gmail|outlook)\b", re.I)
#: "My postcode is ...", "Postcode: ...": a postcode said on its own is the writer's.
_OWN_POSTCODE = re.compile(r"(?:\b(?:my|our)\s+(?:home\s+)?post\s?code(?:\s+is)?|\bpost\s?code\s*:)\s*:?\s*$", re.I)


@dataclass
class Correspondence:
    """Letters and emails: sender, quoted references and dates, body and topic."""

    name: str = "correspondence"
    version: str = "1.0"
    form_type: str = "correspondence"
    fields: Sequence[FieldSpec] = FIELDS

    # ------------------------------------------------------------------ classification

    def score(self, doc: Document) -> float | None:
        if any(w.value for w in doc.widgets):
            return None  # a filled-in form, whatever it says
        rows = shape.rows_of(doc)
        salutation = any(shape.SALUTATION.match(r.text) for r in rows)
        sign_off = any(shape.SIGN_OFF.match(r.text) for r in rows)
        headers = {m[1].lower() for r in rows[:15] if (m := shape.HEADER.match(r.text)) and m[2].strip()}
        email = "from" in headers and len(headers) >= 2
        prose = sum(1 for r in rows if len(r.text.split()) >= 8)
        if prose < 1 or not (salutation or sign_off or email):
            return None
        if email:
            return EMAIL_SCORE
        return LETTER_SCORE if salutation and sign_off else WEAK_SCORE

    # ------------------------------------------------------------------ extraction

    def extract(self, doc: Document) -> Extraction:
        out = Extraction(self.form_type, self.name, self.version)
        rows = shape.rows_of(doc)
        if not rows:
            return out
        letter = shape.read_letter(doc, rows)
        body = " ".join(r.text for r in letter.body)
        if body.strip():
            out.fields["body"] = FieldValue("body", norm.text(body).value, 1.0, "text", raw=body[:200],
                                            box=letter.body[0].box)
        subject = self._subject(letter)
        self._topic(out, subject, body)

        ents = find_entities(body, letter.date)
        if letter.organisation_signed:
            # Signed for the council or a company ("Revenues Manager"): the address block on the page is
            # the person it was sent to, not who wrote it. Staff decide what it is.
            out.notes.append("the letter is signed on behalf of an organisation: " + letter.signature[0].text[:80])
        else:
            self._sender_name(out, doc, letter)
            self._sender_address(out, doc, letter)
        # Every date the letter gives, in reading order: its own date (the date line, an email's "Sent:")
        # and then the body's (forms.md: "ISO dates found in the text").
        mentioned = ents.of("DATE")
        own = [letter.date_place] if letter.date_place is not None else []
        if mentioned or own:
            values = list(dict.fromkeys([*(p.value for p in own), *ents.values("DATE")]))
            out.fields["dates_mentioned"] = FieldValue(
                "dates_mentioned", values, min((e.confidence for e in mentioned), default=1.0), "text",
                raw="; ".join([*(p.raw for p in own), *(e.text for e in mentioned)])[:200])
        if ents.yearless:
            out.notes.append("dates without a year were left out (the letter is not dated): "
                             + ", ".join(ents.yearless[:5]))
        self._account_ref(out, letter, subject, body)
        return out

    # ------------------------------------------------------------------ parts

    @staticmethod
    def _subject(letter: shape.Letter) -> str:
        """The ``Subject:`` header or "Re:" line; in an email printed from a web browser with no ``Subject:``
        header, the heading over the headers (under the browser's own line with the page title and time)."""
        if letter.subject_text or not letter.is_email:
            return letter.subject_text
        first = min(row.index for _, row in letter.headers.values())
        for r in reversed(letter.rows[:first]):
            named = looks_like_name(r.text, strict=False) and len(r.text.split()) >= 2  # the sender's name
            if not _PRINTED_BY.search(r.text) and not named and len(r.text.split()) <= 12:
                return r.text
        return ""

    def _topic(self, out: Extraction, subject: str, body: str) -> None:
        text = f"{subject}\n{body}".strip()
        if not body.strip():
            return
        guess, confidence = topic_confidence(text)
        if confidence < guess.confidence:
            out.notes.append(f"topic: the letter's sentences are about more than {guess.topic}")
        out.fields["topic"] = FieldValue("topic", guess.topic, round(confidence, 4), "text", label="topic classifier",
                                         raw=", ".join(f"{t} {p:.2f}" for t, p in guess.scores.items()))

    @staticmethod
    def _lone_name(doc: Document, letter: shape.Letter) -> shape.Placed | None:
        """A name on its own at the top of a letter with no address block (over no address) names the sender."""
        if letter.is_email or not doc.pages:
            return None
        blocks = shape.blocks_of(letter.above, doc.pages[0].width)
        if any(shape.postcode_in(letter.ents, t) for b in blocks for t in b.texts):
            return None  # an address block, whatever it gave
        for block in blocks:
            first = block.rows[0]
            if _MAIL_CLIENT.fullmatch(first.text.strip()):
                continue  # "Gmail" at the head of a printed email: the program's name, not the writer's
            if len(block.rows) <= 2 and looks_like_name(first.text, strict=False):
                return shape.Placed(norm.name(first.text.strip(" ,")).value, first.text, first.box)
        return None

    @staticmethod
    def _from_name(letter: shape.Letter) -> shape.Placed | None:
        """The display name of an email's ``From:`` header ("Olivia Lane <olivia@example.com>")."""
        if "from" not in letter.headers:
            return None
        text, row = letter.headers["from"]
        name = shape.EMAIL.sub("", text).strip(' "\'<>,()')
        if name and looks_like_name(name, strict=False):
            return shape.Placed(norm.name(name).value, text, row.box)
        return None

    def _sender_name(self, out: Extraction, doc: Document, letter: shape.Letter) -> None:
        from formwork.checks.base import same_person

        signed = letter.signed
        placed = letter.sender_name or self._lone_name(doc, letter) or self._from_name(letter)
        name, confidence = signed or placed, _PLACED
        if signed and placed:
            if same_person(signed.value, placed.value) or shape.initials_agree(signed.value, placed.value):
                name = max(placed, signed, key=_fullness)  # the block's on a tie
            else:
                name, confidence = signed, _CONFLICT
                out.notes.append(f"sender_name: signed {signed.raw.strip()!r} but the address block says "
                                 f"{placed.raw.strip()!r}")
        if name:
            out.fields["sender_name"] = FieldValue("sender_name", name.value, confidence, "text", raw=name.raw,
                                                   box=name.box)

    def _sender_address(self, out: Extraction, doc: Document, letter: shape.Letter) -> None:
        """The first line and postcode of the sender's block or signature, and those the text says are the
        writer's ("My address is 8 Glan yr Afon, Tawelfryn WQ3 6FX"). Where both are given and differ, the
        text is taken with a note, at a confidence that sends the letter to staff."""
        address, postcode = letter.sender_address, letter.sender_postcode
        said_address, said_postcode = self._written_address(doc, letter)
        for name, placed, said in (("address", address, said_address), ("postcode", postcode, said_postcode)):
            value, confidence = placed or said, _PLACED
            if said is not None and placed is not None and _key(name, said.value) != _key(name, placed.value):
                value, confidence = said, _CONFLICT
                out.notes.append(f"{name}: the letter says {said.value!r} but its address is {placed.value!r}")
            if value is not None:
                out.fields[name] = FieldValue(name, value.value, confidence, "text", raw=value.raw, box=value.box)

    @staticmethod
    def _written_address(doc: Document, letter: shape.Letter) -> tuple[shape.Placed | None, shape.Placed | None]:
        """The address and postcode the body says are the writer's, never the council's own."""
        text = shape.segment("body", letter.body)
        ents = find_entities(text.text)
        postcodes = [(e.start, e.end, e.value) for e in ents.of("POSTCODE")]
        council = Correspondence._council_postcodes(doc, letter)
        address = postcode = None
        for a in shape.writers_addresses(text.text, postcodes):
            if a.postcode in council:
                continue
            box = text.box(a.start, a.end)
            address = address or shape.Placed(norm.text(a.first_line).value, a.whole, box)
            if a.postcode:
                postcode = postcode or shape.Placed(a.postcode, a.whole, box)
        for start, end, value in postcodes:
            if postcode is None and value not in council and _OWN_POSTCODE.search(text.text[max(0, start - 30):start]):
                postcode = shape.Placed(value, text.text[start:end], text.box(start, end))
        if address is None and postcode is None:
            address, postcode = Correspondence._address_closing_body(letter)
            if postcode is not None and postcode.value in council:
                address = postcode = None
        return address, postcode

    @staticmethod
    def _address_closing_body(letter: shape.Letter) -> tuple[shape.Placed | None, shape.Placed | None]:
        """An address typed a line or a few at a time at the end of the body, over the sign-off, after a
        finished sentence ("... Thank you." then "8 Glan yr Afon", "Tawelfryn", "WQ3 6FX")."""
        rows = letter.body
        start = len(rows)
        while start > 0 and len(rows) - start < 5 and len(rows[start - 1].text.split()) <= 8 \
                and not rows[start - 1].text.rstrip().endswith((".", "?", "!", ":")):
            start -= 1
        tail = rows[start:]
        if not tail or not rows[:start] or not rows[start - 1].text.rstrip().endswith((".", "?", "!")) \
                or not shape.postcode_in(letter.ents, tail[-1].text) \
                or any(shape.ORGANISATION.search(r.text) for r in tail):
            return None, None
        return shape.address_in_rows(letter.ents, tail)

    @staticmethod
    def _council_postcodes(doc: Document, letter: shape.Letter) -> set[str]:
        """The postcodes of the blocks above the body that are not the sender's (the council's address)."""
        if letter.is_email or not letter.body or not doc.pages:
            return set()
        limit = letter.body[0].box.top if letter.body[0].page == 1 else doc.pages[0].height
        above = {id(r) for r in letter.above}
        return {pc[0] for p in letter.phrases if p.box.bottom <= limit and id(p) not in above
                and (pc := shape.postcode_in(letter.ents, p.text))}

    @staticmethod
    def _account_ref(out: Extraction, letter: shape.Letter, subject: str, body: str) -> None:
        """Any council tax reference quoted anywhere but in the council's own address block."""
        texts = [*(r.text for r in letter.above), subject, body, *(r.text for r in letter.signature)]
        ents: list[Entities] = [find_entities(t) for t in texts if t]
        refs = list(dict.fromkeys(e.value for es in ents for e in es.of("ACCOUNT_REF")))
        if not refs:
            return
        raw = next(e.text for es in ents for e in es.of("ACCOUNT_REF"))
        confidence = 1.0
        if len(refs) > 1:
            confidence = _CONFLICT
            out.notes.append(f"account_ref: the letter quotes {len(refs)} different references: {', '.join(refs)}")
        out.fields["account_ref"] = FieldValue("account_ref", refs[0], confidence, "text", raw=raw)


#: The name of the mail program an email was printed from, as it heads the page.
_MAIL_CLIENT = re.compile(r"(?:g\s?mail|(?:microsoft\s+)?outlook(?:\.com)?|yahoo!?(?:\s+mail)?|hotmail|aol(?:\s+mail)?"
                          r"|icloud(?:\s+mail)?|proton\s?mail|thunderbird|mail)", re.I)


def _fullness(name: shape.Placed) -> tuple[int, int]:
    return shape.fullness(name.value)


def _key(name: str, value: str) -> str:
    return norm.address_key(value) if name == "address" else value.upper().replace(" ", "")


extractor = Correspondence()
